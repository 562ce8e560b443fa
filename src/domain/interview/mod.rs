//! Interviewer mode: candidates, interview kits (structured: every candidate gets the same questions
//! in the same order), and the scorecard of one interview, with its clock and section budgets.
//!
//! - `candidate`: the people (candidates, their status, and the interviewer filling in a card);
//! - `kit`: the kits, their sections and questions, the good-candidate traits, the built-in file;
//! - `clock`: the interview clock, timed per section, and where a section stands against its budget;
//! - `verdict`: a red flag's severity and the recommendation;
//! - `scorecard`: one interviewer's card for one candidate: marks, flags, traits, the submit rule;
//! - `progress`: where a live interview stands: the question on screen, the section and its budget;
//! - `compare`: what one interviewer may see of the panel's cards, and the comparison table.
//!
//! This file only declares and re-exports: the children import each other by path.

mod candidate;
mod clock;
mod compare;
mod kit;
mod progress;
mod scorecard;
mod verdict;

#[cfg(test)]
pub(crate) mod fixtures;

pub use candidate::{Candidate, Interviewer, Status};
pub use clock::{budget, Budget, Clock, ClockAction};
pub use compare::{rows, sort_rows, visible, Row, SortBy, Visible};
pub use kit::{builtin, flat, minutes, Kit, KitSection, KitsFile, Trait, KITS_JSON};
pub use scorecard::{Answer, CriticalRule, Scorecard, SubmitError};
pub use verdict::{Recommendation, Severity};
