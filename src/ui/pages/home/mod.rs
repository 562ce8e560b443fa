//! The landing group: the home page, and the page for an unknown address.

mod home;
mod not_found;

pub use home::HomePage;
pub use not_found::NotFoundPage;
