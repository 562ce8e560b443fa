//! Interviewer mode's data as one reactive context: candidates, custom kits and scorecards, with
//! the built-in kits and traits. Saved first, shown once saved, like the bank.

use super::bank::{load_all, save_into};
use super::notices::Notices;
use crate::domain::interview::{builtin, Candidate, Kit, KitsFile, Scorecard, Trait};
use crate::storage::{DocumentStore, LocalStore};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Interviews {
    builtin: StoredValue<Arc<KitsFile>>,
    candidates: RwSignal<Vec<Candidate>>,
    kits: RwSignal<Vec<Kit>>,
    cards: RwSignal<Vec<Scorecard>>,
    notices: Notices,
}

impl Interviews {
    pub fn provide(notices: Notices) -> Self {
        let store = LocalStore::default();
        let me = Interviews {
            builtin: StoredValue::new(Arc::new(builtin())),
            candidates: RwSignal::new(load_all::<Candidate>(&store, notices)),
            kits: RwSignal::new(load_all::<Kit>(&store, notices)),
            cards: RwSignal::new(load_all::<Scorecard>(&store, notices)),
            notices,
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
        all.extend(self.kits.get());
        all
    }

    pub fn kit(&self, id: &str) -> Option<Kit> {
        self.kits().into_iter().find(|k| k.id == id)
    }

    pub fn save_kit(&self, kit: Kit) -> bool {
        save_into(self.notices, self.kits, kit, |k| &k.id)
    }

    pub fn delete_kit(&self, id: &str) {
        match LocalStore::default().delete::<Kit>(id) {
            Ok(()) => self.kits.update(|l| l.retain(|k| k.id != id)),
            Err(e) => self.notices.report(&e),
        }
    }

    pub fn candidates(&self) -> Vec<Candidate> {
        self.candidates.get()
    }

    pub fn candidate(&self, id: &str) -> Option<Candidate> {
        self.candidates
            .with(|l| l.iter().find(|c| c.id == id).cloned())
    }

    pub fn save_candidate(&self, c: Candidate) -> bool {
        save_into(self.notices, self.candidates, c, |c| &c.id)
    }

    /// Deletes a candidate and everything about them: their scorecards first.
    pub fn delete_candidate(&self, id: &str) -> bool {
        let store = LocalStore::default();
        let theirs: Vec<String> = self.cards.with_untracked(|l| {
            l.iter()
                .filter(|c| c.candidate == id)
                .map(|c| c.id.clone())
                .collect()
        });
        for card in &theirs {
            if let Err(e) = store.delete::<Scorecard>(card) {
                self.notices.report(&e);
                return false;
            }
        }
        self.cards.update(|l| l.retain(|c| c.candidate != id));
        match store.delete::<Candidate>(id) {
            Ok(()) => {
                self.candidates.update(|l| l.retain(|c| c.id != id));
                true
            }
            Err(e) => {
                self.notices.report(&e);
                false
            }
        }
    }

    pub fn cards(&self) -> Vec<Scorecard> {
        self.cards.get()
    }

    pub fn card(&self, id: &str) -> Option<Scorecard> {
        self.cards.with(|l| l.iter().find(|c| c.id == id).cloned())
    }

    pub fn save_card(&self, card: Scorecard) -> bool {
        save_into(self.notices, self.cards, card, |c| &c.id)
    }

    /// Changes a scorecard and saves it; returns the saved card.
    pub fn update_card(&self, id: &str, change: impl FnOnce(&mut Scorecard)) -> Option<Scorecard> {
        let mut card = self
            .cards
            .with_untracked(|l| l.iter().find(|c| c.id == id).cloned())?;
        change(&mut card);
        self.save_card(card.clone()).then_some(card)
    }
}
