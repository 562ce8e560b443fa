//! The app shell, pages and components.

mod app;
pub mod bank;
pub mod components;
pub mod labels;
pub mod lang;
pub mod notices;
pub mod pages;
pub mod prefs;
pub mod router;

pub use app::App;
