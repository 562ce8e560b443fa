//! The app shell, pages and components.

// The size helpers' macros (`txt!`, `dview!`, `tx!`) are defined in `erase`, first, so that
// every module below can use them.
#[macro_use]
pub mod erase;
mod app;
pub mod components;
pub mod dom;
pub mod frame;
pub mod labels;
pub mod landing;
pub mod pages;
pub mod router;
pub mod state;

pub use app::App;
