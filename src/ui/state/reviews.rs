//! Rubric versions, reviews (the rubric marks of an answer) and after-interview self-reviews.
//!
//! Which rubric version is in force, and which one an old review shows, is `domain::rubric`'s
//! business ([`current`], [`version`], [`Rubric::next_version`]); this store only keeps the edited
//! versions and the reviews.

use super::collection::{keyed, Collection, Keyed};
use super::notices::Notices;
use crate::domain::review::Review;
use crate::domain::rubric::{current, version, version_id, Rubric, Score};
use crate::domain::selfreview::{to_practise, SelfReview};
use crate::storage::LocalStore;
use crate::ui::dom::now_ms;
use leptos::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

impl Keyed for Rubric {
    fn key(&self) -> Cow<'_, str> {
        Cow::Owned(version_id(self.version))
    }
}

keyed!(Review => attempt, SelfReview => id);

#[derive(Clone, Copy)]
pub struct Reviews {
    /// The edited rubric versions (the built-in one, version 1, is not stored).
    rubrics: Collection<Rubric>,
    pub reviews: Collection<Review>,
    pub selfreviews: Collection<SelfReview>,
    /// Each reviewed attempt's score against its own rubric version.
    scores: Memo<BTreeMap<String, Score>>,
}

impl Reviews {
    pub fn provide(store: &LocalStore, notices: Notices) -> Self {
        let rubrics = Collection::<Rubric>::load(store, notices);
        let reviews = Collection::<Review>::load(store, notices);
        let scores = Memo::new(move |_| {
            rubrics.with_all(|rs| {
                reviews.with_all(|list| {
                    list.iter()
                        .map(|r| (r.attempt.clone(), r.score(&version(rs, r.rubric))))
                        .collect()
                })
            })
        });
        let me = Reviews {
            rubrics,
            reviews,
            selfreviews: Collection::load(store, notices),
            scores,
        };
        provide_context(me);
        me
    }

    /// The rubric in force (reactive).
    pub fn current(&self) -> Rubric {
        self.rubrics.with_all(current)
    }

    /// A given version, for an old review (reactive).
    pub fn rubric(&self, v: u32) -> Rubric {
        self.rubrics.with_all(|l| version(l, v))
    }

    /// Saves an edited rubric as the next version.
    pub fn save_rubric(&self, rubric: Rubric) -> bool {
        let latest = self.rubrics.with_untracked(current).version;
        self.rubrics.save(rubric.next_version(latest))
    }

    pub fn review(&self, attempt: &str) -> Option<Review> {
        self.reviews.get(attempt)
    }

    pub fn all(&self) -> Vec<Review> {
        self.reviews.all()
    }

    /// Changes an attempt's review (made with the current rubric if new) and saves it.
    pub fn update(&self, attempt: &str, change: impl FnOnce(&mut Review)) -> bool {
        let mut r = self.reviews.get_untracked(attempt).unwrap_or_else(|| {
            let v = self.rubrics.with_untracked(current).version;
            Review::new(attempt, v, now_ms())
        });
        change(&mut r);
        r.updated_ms = now_ms();
        self.reviews.save(r)
    }

    /// Removes an attempt's review (the attempt is being deleted).
    pub fn forget(&self, attempt: &str) -> bool {
        self.reviews.delete(attempt)
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
        self.selfreviews.all()
    }

    pub fn selfreview(&self, id: &str) -> Option<SelfReview> {
        self.selfreviews.get(id)
    }

    pub fn save_selfreview(&self, r: SelfReview) -> bool {
        self.selfreviews.save(r)
    }

    pub fn delete_selfreview(&self, id: &str) {
        self.selfreviews.delete(id);
    }

    /// Questions an open improvement-plan item asks to practise again (reactive).
    pub fn to_practise(&self) -> BTreeSet<String> {
        self.selfreviews.with_all(to_practise)
    }
}

/// Rubric versions, reviews and self-reviews of this app.
pub fn use_reviews() -> Reviews {
    expect_context::<Reviews>()
}
