//! One module a page.

mod checklist;
mod data;
mod history;
mod home;
mod interviewer;
mod not_found;
mod practice;
mod progress;
mod question_editor;
mod questions;
mod rubric;
mod self_review;
mod set_detail;
mod sets;
mod settings;

pub use checklist::ChecklistPage;
pub use data::DataPage;
pub use history::{AttemptPage, ComparePage, HistoryPage, ReportPage};
pub use home::HomePage;
pub use interviewer::{
    CandidatePage, CandidatesPage, InterviewPage, InterviewerPage, KitPage, KitsPage,
};
pub use not_found::NotFoundPage;
pub use practice::{resume_link, PracticePage};
pub use progress::ProgressPage;
pub use question_editor::QuestionEditorPage;
pub use questions::QuestionsPage;
pub use rubric::RubricPage;
pub use self_review::{SelfReviewPage, SelfReviewsPage};
pub use set_detail::SetPage;
pub use sets::SetsPage;
pub use settings::SettingsPage;
