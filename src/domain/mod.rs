//! Pure domain logic: no browser APIs, no I/O. Tested with plain `cargo test`.

pub mod attempt;
pub mod backup;
pub mod bank;
pub mod checklist;
pub mod content;
pub mod coverage;
pub mod custom;
pub mod filter;
pub mod history;
pub mod insights;
pub mod library;
pub mod locale;
pub mod pick;
pub mod progress;
pub mod record;
pub mod review;
pub mod route;
pub mod rubric;
pub mod search;
pub mod selfreview;
pub mod session;
pub mod sets;
pub mod settings;
pub mod timer;
pub mod units;
