//! Questions that read (or change) several stores at once. Each takes the stores it needs, so what
//! a page depends on shows at the call, not in a hidden context look-up.

use super::bank::Bank;
use super::notices::Notices;
use super::practice::Practice;
use super::reviews::Reviews;
use crate::domain::attempt::{audio_prefix, progress as attempt_progress};
use crate::domain::locale::Lang;
use crate::domain::pick::pick_many;
use crate::domain::progress::Progress;
use crate::storage::{audio_store, delete_prefix};
use crate::ui::dom::now_ms;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

/// Practice so far per question, from the recorded and typed attempts and their scores (reactive).
pub fn progress(practice: Practice, reviews: Reviews) -> BTreeMap<String, Progress> {
    let scores = reviews.scores();
    scores.with(|s| {
        practice.attempts.with_all(|a| {
            attempt_progress(a, &|id| {
                s.get(id)
                    .and_then(|x| x.percent())
                    .map(|p| f64::from(p) / 100.0)
            })
        })
    })
}

/// `n` of `pool` drawn at random, favouring questions not practised yet, scored low, or named by
/// an open item of a self-review's plan. The one random draw of the app (untracked).
pub fn draw_from(pool: &[String], practice: Practice, reviews: Reviews, n: usize) -> Vec<String> {
    untrack(|| {
        let plan = reviews.to_practise();
        let mut random = || js_sys::Math::random();
        pick_many(
            pool,
            &progress(practice, reviews),
            &|id| plan.contains(id),
            now_ms() as f64,
            n,
            &mut random,
        )
    })
}

/// `n` questions drawn from every question that is not hidden (see [`draw_from`]).
pub fn draw(bank: Bank, practice: Practice, reviews: Reviews, n: usize) -> Vec<String> {
    let pool: Vec<String> = untrack(|| {
        let hidden = bank.library().hidden;
        bank.entries(Lang::En)
            .into_iter()
            .map(|e| e.id)
            .filter(|id| !hidden.contains(id))
            .collect()
    });
    draw_from(&pool, practice, reviews, n)
}

/// Deletes an attempt: its audio first, then its record, then its review.
pub fn delete_attempt(practice: Practice, reviews: Reviews, notices: Notices, id: String) {
    spawn_local(async move {
        let audio = match audio_store().await {
            Ok(store) => delete_prefix(&store, &audio_prefix(&id)).await,
            Err(e) => Err(e),
        };
        if let Err(e) = audio {
            notices.report(&e);
            return;
        }
        practice.stored.update(|n| *n += 1);
        if practice.attempts.delete(&id) {
            reviews.forget(&id);
        }
    });
}
