//! Practice sets: ordered lists of questions with a total time. Three are built in.

use super::record::Record;
use serde::{Deserialize, Serialize};

/// Limits on a set's name (characters) and size.
pub const MAX_SET_NAME: usize = 80;
pub const MAX_SET_QUESTIONS: usize = 40;

/// A set the user made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PracticeSet {
    pub id: String,
    pub name: String,
    pub question_ids: Vec<String>,
}

impl Record for PracticeSet {
    const KIND: &'static str = "set";
    const VERSION: u32 = 1;
}

/// The built-in sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinSet {
    /// The qualifying phone interview: about 30 minutes (employer's guide, FAQ).
    PhoneScreen,
    /// The in-person interview: about 60 minutes.
    OnSite,
    /// Three questions drawn at random, weighted toward what needs practice.
    Quick3,
}

impl BuiltinSet {
    pub const ALL: [BuiltinSet; 3] = [
        BuiltinSet::PhoneScreen,
        BuiltinSet::OnSite,
        BuiltinSet::Quick3,
    ];

    pub fn id(self) -> &'static str {
        match self {
            BuiltinSet::PhoneScreen => "phone-screen",
            BuiltinSet::OnSite => "on-site",
            BuiltinSet::Quick3 => "quick-3",
        }
    }

    pub fn from_id(id: &str) -> Option<BuiltinSet> {
        BuiltinSet::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The interview length the set stands for, in seconds.
    pub fn budget_seconds(self) -> Option<u32> {
        match self {
            BuiltinSet::PhoneScreen => Some(30 * 60),
            BuiltinSet::OnSite => Some(60 * 60),
            BuiltinSet::Quick3 => None,
        }
    }

    /// The questions, in order. Quick 3 draws its own (see `pick`).
    pub fn question_ids(self) -> &'static [&'static str] {
        match self {
            // Communication and thinking for oneself, one question per category at least.
            BuiltinSet::PhoneScreen => &[
                "self-introduction",
                "why-customer-service",
                "experience-with-customers",
                "what-service-means",
                "solved-customer-problem",
                "dont-know-answer",
                "angry-customer",
                "rude-coworker",
                "know-our-business",
            ],
            // Stories and scenarios in depth, every category, ending on the person outside work.
            BuiltinSet::OnSite => &[
                "self-introduction",
                "experience-skills-fit",
                "most-challenging-interaction",
                "explain-complex-to-frustrated",
                "above-and-beyond",
                "missed-expectations",
                "customer-not-always-right",
                "needs-vs-policy",
                "major-product-issue",
                "prioritize-many-customers",
                "handle-stress",
                "cant-solve-problem",
                "pet-peeve",
                "software-tools",
                "outside-work",
            ],
            BuiltinSet::Quick3 => &[],
        }
    }
}

/// The sum of think and answer times of the questions that exist.
pub fn total_seconds(ids: &[String], times: &dyn Fn(&str) -> Option<u32>) -> u32 {
    ids.iter().filter_map(|id| times(id)).sum()
}

/// Moves the item at `from` to `to`, shifting the ones between. Out-of-range moves do nothing.
pub fn move_item<T>(list: &mut Vec<T>, from: usize, to: usize) {
    if from >= list.len() || to >= list.len() || from == to {
        return;
    }
    let item = list.remove(from);
    list.insert(to, item);
}

/// A set name as typed, trimmed, or why it is refused.
pub fn clean_name(name: &str) -> Result<String, SetNameError> {
    let name = name.trim();
    if name.is_empty() {
        Err(SetNameError::Empty)
    } else if name.chars().count() > MAX_SET_NAME {
        Err(SetNameError::TooLong(MAX_SET_NAME))
    } else {
        Ok(name.to_string())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetNameError {
    Empty,
    TooLong(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_items_keeps_the_others_in_order() {
        let mut v = vec!['a', 'b', 'c', 'd'];
        move_item(&mut v, 0, 2);
        assert_eq!(v, ['b', 'c', 'a', 'd']);
        move_item(&mut v, 3, 0);
        assert_eq!(v, ['d', 'b', 'c', 'a']);
        move_item(&mut v, 1, 9);
        assert_eq!(v, ['d', 'b', 'c', 'a']);
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(clean_name("  My set "), Ok("My set".into()));
        assert_eq!(clean_name("   "), Err(SetNameError::Empty));
        assert_eq!(clean_name(&"題".repeat(81)), Err(SetNameError::TooLong(80)));
        assert!(clean_name(&"題".repeat(80)).is_ok());
    }

    #[test]
    fn totals_skip_missing_questions() {
        let ids = vec!["a".to_string(), "gone".to_string(), "b".to_string()];
        let t = total_seconds(&ids, &|id| match id {
            "a" => Some(100),
            "b" => Some(50),
            _ => None,
        });
        assert_eq!(t, 150);
    }

    #[test]
    fn builtin_ids_round_trip() {
        for s in BuiltinSet::ALL {
            assert_eq!(BuiltinSet::from_id(s.id()), Some(s));
        }
    }
}
