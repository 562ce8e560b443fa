//! The people of an interview: candidates with their status, and the interviewer.

use crate::domain::record::Record;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Screen,
    Onsite,
    Decided,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Screen, Status::Onsite, Status::Decided];

    pub fn slug(self) -> &'static str {
        match self {
            Status::Screen => "screen",
            Status::Onsite => "onsite",
            Status::Decided => "decided",
        }
    }

    pub fn from_slug(s: &str) -> Status {
        Status::ALL
            .into_iter()
            .find(|x| x.slug() == s)
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub role: String,
    /// `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub status: Status,
    pub created_ms: u64,
}

impl Record for Candidate {
    const KIND: &'static str = "candidate";
    const VERSION: u32 = 1;
}

/// Who fills in a scorecard: one per browser, named by its user.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Interviewer {
    pub id: String,
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_round_trips_through_its_slug_and_an_unknown_one_is_a_screen() {
        for s in Status::ALL {
            assert_eq!(Status::from_slug(s.slug()), s);
        }
        assert_eq!(Status::from_slug("hired"), Status::Screen);
    }
}
