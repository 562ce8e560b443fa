//! The preparation checklist (candidate's guide §2), with the ticks the user made.

use super::library::set_member;
use super::record::Record;
use serde::{Deserialize, Serialize};

/// The items, by id (see ../shared/seeds/INVENTORY.md); their text is in the locale files.
pub const ITEMS: [&str; 5] = [
    "research-company",
    "mock-interview",
    "prepare-self-introduction",
    "attitude",
    "thank-you-note",
];

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checklist {
    /// Sorted ids of the ticked items.
    #[serde(default)]
    pub done: Vec<String>,
}

impl Checklist {
    pub const ID: &'static str = "prep";

    pub fn set(&mut self, item: &str, done: bool) {
        set_member(&mut self.done, item, done);
    }

    pub fn is_done(&self, item: &str) -> bool {
        self.done.iter().any(|x| x == item)
    }

    /// Ticked items that still exist, out of all items.
    pub fn progress(&self) -> (usize, usize) {
        let done = ITEMS.iter().filter(|i| self.is_done(i)).count();
        (done, ITEMS.len())
    }
}

impl Record for Checklist {
    const KIND: &'static str = "checklist";
    const VERSION: u32 = 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_count_only_known_items() {
        let mut c = Checklist::default();
        c.set("mock-interview", true);
        c.set("gone-item", true);
        assert_eq!(c.progress(), (1, 5));
        c.set("mock-interview", false);
        assert_eq!(c.progress(), (0, 5));
    }
}
