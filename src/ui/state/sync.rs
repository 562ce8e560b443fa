//! Tabs that agree: every store follows the other tabs' writes (the `storage` event), and "Delete
//! all my data" in one tab stops every other tab from writing anything back.
//!
//! A collection registers a handler for its kind; [`listen`] (started once by the shell) routes each
//! `storage` event for `<prefix>:<kind>:<id>` to it. The wipe mark (`<prefix>-wiped`, outside the
//! document keys) holds the time of the last "Delete all my data"; a tab started before it writes
//! nothing more and reloads.

use crate::storage::LocalStore;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};

type Handler = Box<dyn Fn(&str, Option<String>)>;
type Asker = Box<dyn Fn(&'static str, &[String]) -> bool>;

thread_local! {
    static HANDLERS: RefCell<Vec<(&'static str, Handler)>> = const { RefCell::new(Vec::new()) };
    /// When this tab loaded its stores: a wipe after this makes every write a no-op.
    static STARTED_MS: Cell<u64> = const { Cell::new(0) };
    static WIPED: Cell<bool> = const { Cell::new(false) };
    static ASKER: RefCell<Option<Asker>> = const { RefCell::new(None) };
}

/// Records when this tab's stores were loaded.
pub fn started(now_ms: u64) {
    STARTED_MS.with(|s| s.set(now_ms));
}

/// Routes other tabs' changes of records of `kind` to `handler(id, new value or None)`.
pub fn on_change(kind: &'static str, handler: impl Fn(&str, Option<String>) + 'static) {
    HANDLERS.with(|h| h.borrow_mut().push((kind, Box::new(handler))));
}

/// Sets who decides a real conflict (the same field changed in two tabs): `true` keeps this tab's
/// version. Without one, this tab's version is kept.
pub fn set_asker(ask: impl Fn(&'static str, &[String]) -> bool + 'static) {
    ASKER.with(|a| *a.borrow_mut() = Some(Box::new(ask)));
}

/// Whether to keep this tab's values where both tabs changed the same fields of a `kind` record.
pub fn keep_mine(kind: &'static str, fields: &[String]) -> bool {
    ASKER.with(|a| a.borrow().as_ref().is_none_or(|ask| ask(kind, fields)))
}

/// Whether everything was deleted (in any tab) after this tab loaded: then nothing may be written.
pub fn wiped(store: &LocalStore) -> bool {
    if WIPED.with(Cell::get) {
        return true;
    }
    let after_start = store
        .wiped_at()
        .is_some_and(|at| at >= STARTED_MS.with(Cell::get));
    if after_start {
        WIPED.with(|w| w.set(true));
    }
    after_start
}

/// This tab is deleting everything itself: it writes nothing more either, until it reloads.
pub fn wiping() {
    WIPED.with(|w| w.set(true));
}

fn wiped_elsewhere() {
    // Nothing is written from now on (the chunk writer checks too); the reload ends a recording.
    WIPED.with(|w| w.set(true));
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Follows the `storage` event for the app's keys, for as long as the app runs.
pub fn listen(store: LocalStore) {
    let handle = window_event_listener(leptos::ev::storage, move |e| {
        let Some(key) = e.key() else {
            // `localStorage.clear()` elsewhere: treat as a wipe.
            wiped_elsewhere();
            return;
        };
        if key == store.wiped_key() {
            if e.new_value().is_some() {
                wiped_elsewhere();
            }
            return;
        }
        let Some((kind, id)) = store.parse_key(&key) else {
            return;
        };
        let value = e.new_value();
        HANDLERS.with(|h| {
            for (k, handler) in h.borrow().iter() {
                if *k == kind {
                    handler(id, value.clone());
                }
            }
        });
    });
    on_cleanup(move || handle.remove());
}
