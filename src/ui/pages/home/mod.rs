//! The landing group: the home page, "more" (language, storage, the other pages), and the page for
//! an unknown address. The first load (`ui::landing`) adopts the static shell's copy of the home page.

mod landing;
mod more;
mod not_found;

pub use landing::HomePage;
pub use more::MorePage;
pub use not_found::NotFoundPage;
