//! The question bank and what is built from it: the list with search and filters, the editor for
//! your own questions, practice sets, and the preparation checklist.

mod checklist;
mod editor;
mod list;
mod set_detail;
mod sets;

pub use checklist::ChecklistPage;
pub use editor::QuestionEditorPage;
pub use list::QuestionsPage;
pub use set_detail::SetPage;
pub use sets::SetsPage;
