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
use crate::domain::review::merge_notes;
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

/// An answer's one notes text (untracked): the review's "what I would say differently" with the
/// notes older versions kept on the attempt folded in. When there were such notes they are moved
/// for good: the review is saved with them first, and only then are they cleared from the attempt,
/// so a failed write loses nothing (the fold is repeated, and adds nothing twice, next time).
pub fn notes_of(practice: Practice, reviews: Reviews, attempt: &str) -> String {
    untrack(|| {
        let differently = reviews
            .review(attempt)
            .map(|r| r.differently)
            .unwrap_or_default();
        let old = practice
            .attempt(attempt)
            .map(|a| a.notes)
            .unwrap_or_default();
        if old.trim().is_empty() {
            return differently;
        }
        let merged = merge_notes(&differently, &old);
        if merged == differently || reviews.update(attempt, |r| r.differently = merged.clone()) {
            practice.update_attempt(attempt, |a| a.notes.clear());
        }
        merged
    })
}

/// What a retention of `days` would delete now: how many recordings, how many bytes (reactive).
pub fn retention_plan(practice: Practice, days: u32) -> crate::domain::retention::RetentionPlan {
    let now = now_ms();
    practice
        .attempts
        .with_all(|a| crate::domain::retention::plan(a, now, days))
}

/// Deletes the recordings older than `days`: per attempt, its chunks first, then the attempt is
/// marked (keeping its text, notes, duration and review). An attempt whose chunks could not be
/// deleted is left as it was (a notice says so) and tried again at the next start-up.
pub fn apply_retention(practice: Practice, notices: Notices, days: u32) {
    let plan = untrack(|| retention_plan(practice, days));
    if plan.is_empty() {
        return;
    }
    spawn_local(async move {
        let store = match audio_store().await {
            Ok(store) => store,
            Err(e) => {
                notices.report(&e);
                return;
            }
        };
        let now = now_ms();
        for id in &plan.attempts {
            if let Err(e) = delete_prefix(&store, &audio_prefix(id)).await {
                notices.report(&e);
                continue;
            }
            practice.attempts.update(id, |a| a.remove_audio(now));
        }
        practice.stored.update(|n| *n += 1);
    });
}

/// At start-up: applies the retention setting, if it is on.
pub fn retention_at_start_up(prefs: super::prefs::Prefs, practice: Practice, notices: Notices) {
    if let Some(days) = untrack(|| prefs.retention_days()) {
        apply_retention(practice, notices, days);
    }
}
