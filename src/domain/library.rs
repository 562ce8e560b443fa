//! The user's marks on the bank: starred questions and hidden built-in questions.

use super::record::Record;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    #[serde(default)]
    pub starred: BTreeSet<String>,
    /// Built-in questions cannot be deleted, only hidden.
    #[serde(default)]
    pub hidden: BTreeSet<String>,
}

impl Library {
    pub const ID: &'static str = "me";

    pub fn toggle_star(&mut self, id: &str) {
        if !self.starred.remove(id) {
            self.starred.insert(id.to_string());
        }
    }

    pub fn set_hidden(&mut self, id: &str, hidden: bool) {
        if hidden {
            self.hidden.insert(id.to_string());
        } else {
            self.hidden.remove(id);
        }
    }

    /// Forgets a deleted custom question.
    pub fn forget(&mut self, id: &str) {
        self.starred.remove(id);
        self.hidden.remove(id);
    }
}

impl Record for Library {
    const KIND: &'static str = "library";
    const VERSION: u32 = 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_toggle_and_hiding_is_reversible() {
        let mut l = Library::default();
        l.toggle_star("a");
        assert!(l.starred.contains("a"));
        l.toggle_star("a");
        assert!(!l.starred.contains("a"));
        l.set_hidden("b", true);
        assert!(l.hidden.contains("b"));
        l.set_hidden("b", false);
        assert!(l.hidden.is_empty());
        l.toggle_star("c");
        l.forget("c");
        assert_eq!(l, Library::default());
    }
}
