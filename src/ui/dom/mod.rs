//! Small browser helpers for the UI: the clock and ids, the confirmation dialog, file download and
//! pick, keyboard focus, the elements of a query, the browser's languages, timers that end with their page, and Web Locks.

mod clock;
mod confirm;
mod download;
mod focus;
mod interval;
mod lang;
pub mod locks;
mod query;

pub use clock::{fresh_id, now_ms};
pub use confirm::confirm;
pub use download::{dated_name, download, file_text, picked_file};
pub use focus::{element, focus_id, focus_now};
pub use interval::every;
pub use lang::{browser_languages, from_locale, to_locale};
pub use query::elements;
