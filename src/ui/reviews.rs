//! Rubric versions, reviews and after-interview self-reviews, as one reactive context.
//!
//! Like the bank, every change is saved first and shown once saved.

use super::bank::{load_all, save_into};
use super::notices::Notices;
use super::practice::now_ms;
use crate::domain::review::Review;
use crate::domain::rubric::{builtin, version_id, Rubric, Score};
use crate::domain::selfreview::{to_practise, SelfReview};
use crate::storage::{DocumentStore, LocalStore};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy)]
pub struct Reviews {
    /// Every rubric version, the built-in one first.
    rubrics: RwSignal<Vec<Rubric>>,
    reviews: RwSignal<Vec<Review>>,
    selfreviews: RwSignal<Vec<SelfReview>>,
    /// Each reviewed attempt's score against its own rubric version.
    scores: Memo<BTreeMap<String, Score>>,
    notices: Notices,
}

/// The rubric of version `v` in `list` (the latest if it is missing).
pub fn find(list: &[Rubric], v: u32) -> Option<&Rubric> {
    list.iter()
        .find(|r| r.version == v)
        .or_else(|| list.iter().max_by_key(|r| r.version))
}

impl Reviews {
    pub fn provide(notices: Notices) -> Self {
        let store = LocalStore::default();
        let mut rubrics = vec![builtin()];
        rubrics.extend(
            load_all::<Rubric>(&store, notices)
                .into_iter()
                .filter(|r| r.version > 1),
        );
        let rubrics = RwSignal::new(rubrics);
        let reviews = RwSignal::new(load_all::<Review>(&store, notices));
        let scores = Memo::new(move |_| {
            rubrics.with(|rs| {
                reviews.with(|list| {
                    list.iter()
                        .filter_map(|r| Some((r.attempt.clone(), r.score(find(rs, r.rubric)?))))
                        .collect()
                })
            })
        });
        let me = Reviews {
            rubrics,
            reviews,
            selfreviews: RwSignal::new(load_all::<SelfReview>(&store, notices)),
            scores,
            notices,
        };
        provide_context(me);
        me
    }

    /// The highest rubric version there is.
    fn latest_version(&self) -> u32 {
        self.rubrics
            .with_untracked(|l| l.iter().map(|r| r.version).max().unwrap_or(1))
    }

    /// The rubric in force (reactive).
    pub fn current(&self) -> Rubric {
        self.rubrics
            .with(|l| l.iter().max_by_key(|r| r.version).cloned())
            .unwrap_or_else(builtin)
    }

    /// A given version, for an old review (reactive).
    pub fn rubric(&self, v: u32) -> Rubric {
        self.rubrics
            .with(|l| find(l, v).cloned())
            .unwrap_or_else(builtin)
    }

    /// Saves an edited rubric as the next version.
    pub fn save_rubric(&self, mut rubric: Rubric) -> bool {
        rubric.version = self.latest_version() + 1;
        match LocalStore::default().save(&version_id(rubric.version), &rubric) {
            Ok(()) => {
                self.rubrics.update(|l| l.push(rubric));
                true
            }
            Err(e) => {
                self.notices.report(&e);
                false
            }
        }
    }

    pub fn review(&self, attempt: &str) -> Option<Review> {
        self.reviews
            .with(|l| l.iter().find(|r| r.attempt == attempt).cloned())
    }

    pub fn all(&self) -> Vec<Review> {
        self.reviews.get()
    }

    /// Changes an attempt's review (made with the current rubric if new) and saves it.
    pub fn update(&self, attempt: &str, change: impl FnOnce(&mut Review)) -> bool {
        let mut r = self
            .reviews
            .with_untracked(|l| l.iter().find(|r| r.attempt == attempt).cloned())
            .unwrap_or_else(|| Review::new(attempt, self.latest_version(), now_ms()));
        change(&mut r);
        r.updated_ms = now_ms();
        save_into(self.notices, self.reviews, r, |r| &r.attempt)
    }

    /// Removes an attempt's review (the attempt is being deleted).
    pub fn forget(&self, attempt: &str) {
        match LocalStore::default().delete::<Review>(attempt) {
            Ok(()) => self.reviews.update(|l| l.retain(|r| r.attempt != attempt)),
            Err(e) => self.notices.report(&e),
        }
    }

    /// Scores by attempt (reactive).
    pub fn scores(&self) -> Memo<BTreeMap<String, Score>> {
        self.scores
    }

    pub fn percent(&self, attempt: &str) -> Option<u8> {
        self.scores
            .with(|s| s.get(attempt).and_then(Score::percent))
    }

    pub fn selfreviews(&self) -> Vec<SelfReview> {
        self.selfreviews.get()
    }

    pub fn selfreview(&self, id: &str) -> Option<SelfReview> {
        self.selfreviews
            .with(|l| l.iter().find(|r| r.id == id).cloned())
    }

    pub fn save_selfreview(&self, r: SelfReview) -> bool {
        save_into(self.notices, self.selfreviews, r, |r| &r.id)
    }

    pub fn delete_selfreview(&self, id: &str) {
        match LocalStore::default().delete::<SelfReview>(id) {
            Ok(()) => self.selfreviews.update(|l| l.retain(|r| r.id != id)),
            Err(e) => self.notices.report(&e),
        }
    }

    /// Questions an open improvement-plan item asks to practise again.
    pub fn to_practise(&self) -> BTreeSet<String> {
        self.selfreviews.with_untracked(|l| to_practise(l))
    }
}
