//! The app's state: one store per concept, each a thin typed wrapper over one generic repository
//! ([`Collection`] for a kind of record, [`Doc`] for a single one), provided as context by the shell
//! and read with one accessor each (`use_bank()`, `use_practice()`, …).
//!
//! | store | holds | accessor |
//! |---|---|---|
//! | [`Notices`] | messages about storage problems | [`use_notices`] |
//! | [`Prefs`] | the settings document | [`use_prefs`] |
//! | [`Bank`] | built-in and custom questions, stars, hidden questions, sets | [`use_bank`] |
//! | [`Practice`] | practice sessions and attempts | [`use_practice`] |
//! | [`Reviews`] | rubric versions, reviews, self-reviews | [`use_reviews`] |
//! | [`Interviews`] | candidates, kits, scorecards | [`use_interviews`] |
//!
//! The document store is injected ([`provide`] takes it), so a store can run over
//! [`crate::storage::Memory`] in a test. Whatever reads several stores is a function in
//! [`queries`] that takes them as arguments.

mod bank;
mod collection;
mod interviews;
pub mod mode;
mod notices;
mod practice;
mod prefs;
pub mod queries;
mod reviews;
pub mod sync;
mod write;

pub use bank::{use_bank, Bank, LoadState};
pub use collection::{Collection, Doc, Keyed};
pub use interviews::{use_interviews, Interviews};
pub use notices::{use_notices, Notice, Notices};
pub use practice::{practice_lock, use_practice, Practice};
pub use prefs::{use_prefs, Prefs};
pub use reviews::{use_reviews, Reviews};

use crate::storage::LocalStore;
use leptos::prelude::*;

/// Every store, as provided.
#[derive(Clone, Copy)]
pub struct AppState {
    pub notices: Notices,
    pub prefs: Prefs,
    pub bank: Bank,
    pub practice: Practice,
    pub reviews: Reviews,
    pub interviews: Interviews,
}

/// Loads every store from `store` and provides each (and `store` itself) as context.
pub fn provide(store: LocalStore) -> AppState {
    sync::started(crate::ui::dom::now_ms());
    let notices = Notices::provide();
    let state = AppState {
        notices,
        prefs: Prefs::provide(&store, notices),
        bank: Bank::provide(&store, notices),
        practice: Practice::provide(&store, notices),
        reviews: Reviews::provide(&store, notices),
        interviews: Interviews::provide(&store, notices),
    };
    sync::listen(store.clone());
    undo_interrupted_import(&store, notices);
    provide_context(store);
    state
}

/// The Web Lock an import holds while it writes, so that no other tab's start-up rolls it back.
pub const IMPORT_LOCK: &str = "csic-import";

/// Set in sessionStorage across the reload that follows an undone import.
const IMPORT_UNDONE: &str = "csic-import-undone";

/// An import cut off by a reload left a journal: roll it back (its chunks and documents go, replaced
/// documents come back), then reload so that every store shows storage as it is, and say so.
fn undo_interrupted_import(store: &LocalStore, notices: Notices) {
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    if let Some(s) = &session {
        if s.get_item(IMPORT_UNDONE).ok().flatten().is_some() {
            let _ = s.remove_item(IMPORT_UNDONE);
            notices.push(Notice::ImportUndone);
        }
    }
    if !store.has_journal() {
        return;
    }
    let store = store.clone();
    leptos::task::spawn_local(async move {
        if crate::ui::dom::locks::held()
            .await
            .iter()
            .any(|l| l == IMPORT_LOCK)
        {
            // Another tab is importing right now: its journal is not an interrupted one.
            return;
        }
        match crate::storage::recover_import(&store).await {
            Ok(Some(_)) => {
                if let Some(s) = &session {
                    let _ = s.set_item(IMPORT_UNDONE, "1");
                }
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
            Ok(None) => {}
            Err(e) => notices.report(&e),
        }
    });
}

/// The document store the stores were loaded from (for whole-store work: backup, delete all).
pub fn use_store() -> LocalStore {
    expect_context::<LocalStore>()
}
