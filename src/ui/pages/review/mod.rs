//! Looking back: history of answers, one answer's page, two answers compared, a session's printable
//! report, progress over time, and self-reviews after a real interview.

mod attempt;
mod compare;
mod examples;
mod history;
mod progress;
mod read_all;
mod report;
mod self_review;

pub use attempt::AttemptPage;
pub use compare::ComparePage;
pub use history::HistoryPage;
pub use progress::ProgressPage;
pub use report::ReportPage;
pub use self_review::{SelfReviewPage, SelfReviewsPage};
