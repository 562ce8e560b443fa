//! One module a page.

mod checklist;
mod home;
mod not_found;
mod practice;
mod question_editor;
mod questions;
mod set_detail;
mod sets;
mod settings;

pub use checklist::ChecklistPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use practice::{resume_link, PracticePage};
pub use question_editor::QuestionEditorPage;
pub use questions::QuestionsPage;
pub use set_detail::SetPage;
pub use sets::SetsPage;
pub use settings::SettingsPage;
