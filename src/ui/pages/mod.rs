//! One module a page.

mod home;
mod not_found;
mod settings;

pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use settings::SettingsPage;
