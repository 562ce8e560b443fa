//! The landing group: the home page, and the page for an unknown address.

mod landing;
mod not_found;

pub use landing::HomePage;
pub use not_found::NotFoundPage;
