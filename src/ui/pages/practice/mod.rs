//! Practice: answer questions aloud (or typed) against the clock; every attempt is kept.
//!
//! - `page.rs`: the page; starts a session from a question, a set or at random, or resumes one.
//! - `session.rs`: the running session's page, with its clock and keyboard, for as long as it is open.
//! - `ctl.rs`: the controller: the session and its timer, cues, starting and ending an answer.
//! - `media.rs`: the page's microphone, level meter and recorder.
//! - `transcribe.rs`: live on-device transcription of a spoken answer (where the browser offers it).
//! - `writer.rs`: saves a recording's chunks in order while it is recorded (outlives the page).
//! - `keyboard.rs`: the shortcuts.
//! - `question.rs`, `mic_check.rs`, `after_answer.rs`, `summary.rs`, `help.rs`: the views.

mod after_answer;
mod ctl;
mod help;
mod keyboard;
mod media;
mod mic_check;
mod page;
mod question;
mod session;
mod summary;
mod transcribe;
mod writer;

pub use page::PracticePage;
