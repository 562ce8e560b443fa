//! The user's marks on the bank: starred questions and hidden built-in questions.

use super::record::Record;
use serde::{Deserialize, Serialize};

/// Ids are kept as sorted lists without duplicates (stored as JSON arrays).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    #[serde(default)]
    pub starred: Vec<String>,
    /// Built-in questions cannot be deleted, only hidden.
    #[serde(default)]
    pub hidden: Vec<String>,
}

/// Adds or removes `id` in a sorted list of ids.
pub fn set_member(list: &mut Vec<String>, id: &str, member: bool) {
    match (list.binary_search_by(|x| x.as_str().cmp(id)), member) {
        (Err(at), true) => list.insert(at, id.to_string()),
        (Ok(at), false) => {
            list.remove(at);
        }
        _ => {}
    }
}

impl Library {
    pub const ID: &'static str = "me";

    pub fn is_starred(&self, id: &str) -> bool {
        self.starred.iter().any(|x| x == id)
    }

    pub fn is_hidden(&self, id: &str) -> bool {
        self.hidden.iter().any(|x| x == id)
    }

    pub fn toggle_star(&mut self, id: &str) {
        let starred = self.is_starred(id);
        set_member(&mut self.starred, id, !starred);
    }

    pub fn set_hidden(&mut self, id: &str, hidden: bool) {
        set_member(&mut self.hidden, id, hidden);
    }

    /// Forgets a deleted custom question.
    pub fn forget(&mut self, id: &str) {
        set_member(&mut self.starred, id, false);
        set_member(&mut self.hidden, id, false);
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
        l.toggle_star("b");
        l.toggle_star("a");
        assert_eq!(l.starred, ["a", "b"], "sorted");
        l.toggle_star("a");
        assert!(!l.is_starred("a"));
        l.toggle_star("b");
        l.set_hidden("b", true);
        l.set_hidden("b", true);
        assert_eq!(l.hidden, ["b"], "no duplicates");
        l.set_hidden("b", false);
        assert!(l.hidden.is_empty());
        l.toggle_star("c");
        l.forget("c");
        assert_eq!(l, Library::default());
    }
}
