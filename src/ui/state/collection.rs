//! One repository over the document store, used by every store: a list of records of one kind
//! ([`Collection`]) or one record under a fixed id ([`Doc`]).
//!
//! What the screen shows is what is stored. A save writes first and shows the change only once it
//! is written; a failed write raises the translated notice and leaves the screen (and the stored
//! value) as they were. [`Collection::save_anyway`] is the one exception, for a running answer that
//! must not stall.
//!
//! The backend is injected (a [`LocalStore`] over localStorage in the app, over
//! [`crate::storage::Memory`] in tests), never made here.

use super::notices::Notices;
use crate::domain::record::Record;
use crate::storage::{DocumentStore, LocalStore, StoreError};
use leptos::prelude::*;
use std::borrow::Cow;

/// What a collection needs of its records: a kind, and an id to store each under.
pub trait Keyed: Record + Clone + Send + Sync + 'static {
    fn key(&self) -> Cow<'_, str>;
}

/// Every stored record of one kind, as a signal.
pub struct Collection<R: Keyed> {
    items: RwSignal<Vec<R>>,
    store: StoredValue<LocalStore>,
    notices: Notices,
}

impl<R: Keyed> Clone for Collection<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Keyed> Copy for Collection<R> {}

/// Reports a failed result as a notice; `true` when it succeeded.
fn reported<T>(notices: Notices, result: Result<T, StoreError>) -> bool {
    match result {
        Ok(_) => true,
        Err(e) => {
            notices.report(&e);
            false
        }
    }
}

/// Every stored record of a kind; unreadable ones are reported (and set aside) and skipped.
pub(super) fn load_all<R: Record>(store: &LocalStore, notices: Notices) -> Vec<R> {
    let ids = match store.ids::<R>() {
        Ok(ids) => ids,
        Err(e) => {
            notices.report(&e);
            return Vec::new();
        }
    };
    ids.iter()
        .filter_map(|id| match store.load::<R>(id) {
            Ok(found) => found,
            Err(e) => {
                notices.report(&e);
                None
            }
        })
        .collect()
}

impl<R: Keyed> Collection<R> {
    /// Loads every record of the kind from `store`.
    pub fn load(store: &LocalStore, notices: Notices) -> Self {
        Self::with(store, notices, load_all(store, notices))
    }

    /// A collection showing `items`, which the caller loaded (and perhaps repaired) itself.
    pub fn with(store: &LocalStore, notices: Notices, items: Vec<R>) -> Self {
        Collection {
            items: RwSignal::new(items),
            store: StoredValue::new(store.clone()),
            notices,
        }
    }

    /// Reads the records again from storage, replacing what is shown.
    pub fn reload(&self) {
        let store = self.store.get_value();
        self.items.set(load_all(&store, self.notices));
    }

    /// Every record (tracked).
    pub fn all(&self) -> Vec<R> {
        self.items.get()
    }

    /// Reads the records without cloning them (tracked).
    pub fn with_all<T>(&self, f: impl FnOnce(&[R]) -> T) -> T {
        self.items.with(|l| f(l))
    }

    /// Reads the records without cloning or tracking them.
    pub fn with_untracked<T>(&self, f: impl FnOnce(&[R]) -> T) -> T {
        self.items.with_untracked(|l| f(l))
    }

    /// The record with this id (tracked).
    pub fn get(&self, id: &str) -> Option<R> {
        self.items
            .with(|l| l.iter().find(|r| r.key() == id).cloned())
    }

    pub fn get_untracked(&self, id: &str) -> Option<R> {
        self.items
            .with_untracked(|l| l.iter().find(|r| r.key() == id).cloned())
    }

    /// Makes the caller re-run when any record changes.
    pub fn track(&self) {
        self.items.track();
    }

    fn show(&self, record: R) {
        self.items.update(
            |items| match items.iter_mut().find(|r| r.key() == record.key()) {
                Some(old) => *old = record,
                None => items.push(record),
            },
        );
    }

    /// Writes `record`, then shows it (replacing the one with its id). On a failed write a notice
    /// says so, nothing changes on screen, and `false` is returned.
    pub fn save(&self, record: R) -> bool {
        let written = self.store.with_value(|s| s.save(&record.key(), &record));
        if !reported(self.notices, written) {
            // Controls that changed ahead of the save (a ticked box) are set back to what is stored.
            self.items.notify();
            return false;
        }
        self.show(record);
        true
    }

    /// Shows `record` whether or not it could be written (a notice says when not). For state that
    /// must move on, such as a running answer's timer; it is written again with its next change.
    pub fn save_anyway(&self, record: R) {
        let written = self.store.with_value(|s| s.save(&record.key(), &record));
        reported(self.notices, written);
        self.show(record);
    }

    /// Changes the stored record `id` and saves it: the saved record, or `None` when there is no
    /// such record or it could not be written.
    pub fn update(&self, id: &str, change: impl FnOnce(&mut R)) -> Option<R> {
        let mut record = self.get_untracked(id)?;
        change(&mut record);
        self.save(record.clone()).then_some(record)
    }

    /// Deletes a record from storage, then from the screen. `false` (with a notice) if it failed.
    pub fn delete(&self, id: &str) -> bool {
        let removed = self.store.with_value(|s| s.delete::<R>(id));
        if !reported(self.notices, removed) {
            self.items.notify();
            return false;
        }
        self.items.update(|l| l.retain(|r| r.key() != id));
        true
    }
}

/// One record under a fixed id (settings, stars, the checklist), with its default when missing.
pub struct Doc<R: Record + Default + Clone + Send + Sync + 'static> {
    value: RwSignal<R>,
    id: &'static str,
    store: StoredValue<LocalStore>,
    notices: Notices,
}

impl<R: Record + Default + Clone + Send + Sync + 'static> Clone for Doc<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Record + Default + Clone + Send + Sync + 'static> Copy for Doc<R> {}

impl<R: Record + Default + Clone + Send + Sync + 'static> Doc<R> {
    /// Loads the record; a missing one gives the default, an unreadable one is reported (and set
    /// aside by the store) and gives the default too.
    pub fn load(store: &LocalStore, notices: Notices, id: &'static str) -> Self {
        let value = match store.load::<R>(id) {
            Ok(found) => found.unwrap_or_default(),
            Err(e) => {
                notices.report(&e);
                R::default()
            }
        };
        Doc {
            value: RwSignal::new(value),
            id,
            store: StoredValue::new(store.clone()),
            notices,
        }
    }

    /// The record (tracked).
    pub fn get(&self) -> R {
        self.value.get()
    }

    pub fn with<T>(&self, f: impl FnOnce(&R) -> T) -> T {
        self.value.with(f)
    }

    pub fn with_untracked<T>(&self, f: impl FnOnce(&R) -> T) -> T {
        self.value.with_untracked(f)
    }

    /// Changes the record, writes it, and shows the change once written. `false` (with a notice,
    /// and the screen unchanged) when the write failed.
    pub fn update(&self, change: impl FnOnce(&mut R)) -> bool {
        let mut next = self.value.get_untracked();
        change(&mut next);
        let written = self.store.with_value(|s| s.save(self.id, &next));
        if !reported(self.notices, written) {
            self.value.notify();
            return false;
        }
        self.value.set(next);
        true
    }

    /// Reads the record again from storage.
    pub fn reload(&self) {
        let fresh = Doc::<R>::load(&self.store.get_value(), self.notices, self.id);
        self.value.set(fresh.value.get_untracked());
        fresh.value.dispose();
    }
}
