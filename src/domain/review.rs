//! A review: one answer scored against the rubric version in force when it was made.

use super::record::Record;
use super::rubric::{score, Marks, Rubric, Score};
use serde::{Deserialize, Serialize};

/// Stored under the attempt's id: one review per attempt.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub attempt: String,
    /// The rubric version the marks refer to.
    pub rubric: u32,
    /// `<section>/<item>` → 1 (ticked) or 1–5 (rated).
    #[serde(default)]
    pub marks: Marks,
    /// The candidate's overall rating of the answer, 1–5.
    #[serde(default)]
    pub overall: Option<u8>,
    /// "What I would say differently": the answer's one notes box. Older versions also kept notes
    /// on the attempt ([`Attempt::notes`](super::attempt::Attempt)); [`merge_notes`] folds them in.
    #[serde(default)]
    pub differently: String,
    pub updated_ms: u64,
}

impl Record for Review {
    const KIND: &'static str = "review";
    const VERSION: u32 = 1;
}

impl Review {
    pub fn new(attempt: &str, rubric: u32, now: u64) -> Review {
        Review {
            attempt: attempt.to_string(),
            rubric,
            updated_ms: now,
            ..Review::default()
        }
    }

    /// Ticks or unticks a checklist item or a flag.
    pub fn toggle(&mut self, key: &str) {
        if self.marks.remove(key).is_none() {
            self.marks.insert(key.to_string(), 1);
        }
    }

    /// Rates a scale 1–5; rating it again with the same value clears it. Other values are ignored.
    pub fn rate(&mut self, key: &str, value: u8) {
        if !(1..=5).contains(&value) {
            return;
        }
        if self.marks.get(key) == Some(&value) {
            self.marks.remove(key);
        } else {
            self.marks.insert(key.to_string(), value);
        }
    }

    pub fn is_marked(&self, key: &str) -> bool {
        self.marks.get(key).is_some_and(|m| *m > 0)
    }

    pub fn score(&self, rubric: &Rubric) -> Score {
        score(rubric, &self.marks)
    }

    /// Whether anything was filled in.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.overall.is_none() && self.differently.trim().is_empty()
    }
}

/// The one notes text of an answer: the review's `differently` with the attempt's older `notes`
/// folded in (after a blank line), unless they are already part of it. Nothing is lost, and folding
/// twice changes nothing.
pub fn merge_notes(differently: &str, notes: &str) -> String {
    let (d, n) = (differently.trim_end(), notes.trim());
    if n.is_empty() || d.contains(n) {
        differently.to_string()
    } else if d.trim().is_empty() {
        notes.to_string()
    } else {
        format!("{d}\n\n{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rubric::builtin;

    #[test]
    fn ticks_and_ratings_toggle() {
        let mut r = Review::new("a1", 1, 0);
        assert!(r.is_empty());
        r.toggle("structure/result");
        assert!(r.is_marked("structure/result"));
        r.toggle("structure/result");
        assert!(!r.is_marked("structure/result"));
        r.rate("criteria/skills", 4);
        assert_eq!(r.marks.get("criteria/skills"), Some(&4));
        r.rate("criteria/skills", 9);
        assert_eq!(r.marks.get("criteria/skills"), Some(&4));
        r.rate("criteria/skills", 4);
        assert!(r.marks.is_empty());
        r.rate("criteria/skills", 3);
        // 2 points over 10 checks + 4 points of one scale: 2 / 14.
        assert_eq!(r.score(&builtin()).percent(), Some(14));
    }

    #[test]
    fn older_attempt_notes_fold_into_the_one_notes_box_once() {
        assert_eq!(merge_notes("", ""), "");
        assert_eq!(merge_notes("Slow down.", ""), "Slow down.");
        assert_eq!(merge_notes("", "Say sorry first."), "Say sorry first.");
        assert_eq!(merge_notes("  ", "Say sorry first."), "Say sorry first.");
        let both = merge_notes("Slow down.\n", "Say sorry first.");
        assert_eq!(both, "Slow down.\n\nSay sorry first.");
        // Folding again (the attempt's copy could not be cleared) adds nothing.
        assert_eq!(merge_notes(&both, "Say sorry first."), both);
        assert_eq!(merge_notes("先道歉", "先道歉"), "先道歉");
    }
}
