//! Pure domain logic: no browser APIs, no I/O. Tested with plain `cargo test`.

pub mod attempt;
pub mod bank;
pub mod checklist;
pub mod content;
pub mod custom;
pub mod filter;
pub mod library;
pub mod locale;
pub mod pick;
pub mod progress;
pub mod record;
pub mod route;
pub mod search;
pub mod session;
pub mod sets;
pub mod settings;
pub mod timer;
pub mod units;
