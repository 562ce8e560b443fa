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
    provide_context(store);
    state
}

/// The document store the stores were loaded from (for whole-store work: backup, delete all).
pub fn use_store() -> LocalStore {
    expect_context::<LocalStore>()
}
