//! Pure domain logic: no browser APIs, no I/O. Tested with plain `cargo test`.

pub mod content;
pub mod locale;
pub mod record;
pub mod route;
pub mod settings;
pub mod units;
