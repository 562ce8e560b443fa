//! Interviewer mode's data: candidates, the user's kits and scorecards, with the built-in kits and
//! traits. Saved first, shown once saved, like every store.

use super::collection::{keyed, Collection};
use super::notices::Notices;
use crate::domain::interview::{builtin, Candidate, Kit, KitsFile, Scorecard, Trait};
use crate::storage::LocalStore;
use leptos::prelude::*;
use std::sync::Arc;

keyed!(Candidate => id, Kit => id, Scorecard => id);

#[derive(Clone, Copy)]
pub struct Interviews {
    builtin: StoredValue<Arc<KitsFile>>,
    pub candidates: Collection<Candidate>,
    pub kits: Collection<Kit>,
    pub cards: Collection<Scorecard>,
}

impl Interviews {
    pub fn provide(store: &LocalStore, notices: Notices) -> Self {
        let me = Interviews {
            builtin: StoredValue::new(Arc::new(builtin())),
            candidates: Collection::load(store, notices),
            kits: Collection::load(store, notices),
            cards: Collection::load(store, notices),
        };
        provide_context(me);
        me
    }

    pub fn traits(&self) -> Vec<Trait> {
        self.builtin.with_value(|b| b.traits.clone())
    }

    /// Built-in kits first, then the user's (reactive).
    pub fn kits(&self) -> Vec<Kit> {
        let mut all = self.builtin.with_value(|b| b.kits.clone());
        all.extend(self.kits.all());
        all
    }

    pub fn kit(&self, id: &str) -> Option<Kit> {
        self.kits().into_iter().find(|k| k.id == id)
    }

    pub fn save_kit(&self, kit: Kit) -> bool {
        self.kits.save(kit)
    }

    pub fn delete_kit(&self, id: &str) {
        self.kits.delete(id);
    }

    pub fn candidates(&self) -> Vec<Candidate> {
        self.candidates.all()
    }

    pub fn candidate(&self, id: &str) -> Option<Candidate> {
        self.candidates.get(id)
    }

    pub fn save_candidate(&self, c: Candidate) -> bool {
        self.candidates.save(c)
    }

    /// Deletes a candidate and everything about them: their scorecards first, so that no scorecard
    /// is ever left without its candidate. Each record leaves the screen as it leaves storage; on a
    /// failed delete the rest is kept and a notice says so.
    pub fn delete_candidate(&self, id: &str) -> bool {
        let theirs: Vec<String> = self.cards.with_untracked(|l| {
            l.iter()
                .filter(|c| c.candidate == id)
                .map(|c| c.id.clone())
                .collect()
        });
        theirs.iter().all(|card| self.cards.delete(card)) && self.candidates.delete(id)
    }

    pub fn cards(&self) -> Vec<Scorecard> {
        self.cards.all()
    }

    pub fn card(&self, id: &str) -> Option<Scorecard> {
        self.cards.get(id)
    }

    pub fn save_card(&self, card: Scorecard) -> bool {
        self.cards.save(card)
    }

    /// Changes a scorecard and saves it; returns the saved card.
    pub fn update_card(&self, id: &str, change: impl FnOnce(&mut Scorecard)) -> Option<Scorecard> {
        self.cards.update(id, change)
    }
}

/// Interviewer mode's data in this app.
pub fn use_interviews() -> Interviews {
    expect_context::<Interviews>()
}
