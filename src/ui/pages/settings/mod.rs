//! Settings and the app's data: preferences, backup (export, import, delete all), and the rubric
//! editor.

mod data;
mod preferences;
mod rubric;
mod transcribe;

pub use data::DataPage;
pub use preferences::SettingsPage;
pub use rubric::RubricPage;
