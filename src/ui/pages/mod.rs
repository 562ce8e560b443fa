//! The pages, in route groups: one folder each. A group may use `ui::state`, `ui::components`,
//! `ui::dom`, the domain and storage, never another group (`scripts/check-architecture.mjs`
//! enforces it), so that each group can be loaded on its own.
//!
//! | group | routes |
//! |---|---|
//! | [`home`] | home, page not found |
//! | [`questions`] | the question bank, the question editor, sets, the preparation checklist |
//! | [`practice`] | a practice session: mic check, think and answer, the review after each answer, summary |
//! | [`review`] | history, an answer, compare two answers, a session's report, progress, self-reviews |
//! | [`interviewer`] | candidates, kits, the live interview, compare candidates, panel files |
//! | [`settings`] | settings, backup (export, import, delete all), the rubric editor |

pub mod home;
pub mod interviewer;
pub mod practice;
pub mod questions;
pub mod review;
pub mod settings;
