//! One repository over the document store, used by every store: a list of records of one kind
//! ([`Collection`]) or one record under a fixed id ([`Doc`]).
//!
//! What the screen shows is what is stored. A save writes first and shows the change only once it
//! is written; a failed write raises the translated notice and leaves the screen (and the stored
//! value) as they were. [`Collection::save_anyway`] is the one exception, for a running answer that
//! must not stall.
//!
//! Tabs agree: each record's base (the revision and text this tab read) is kept, and a save only
//! writes over that base. If another tab wrote since, the two edits are merged field by field
//! (`domain::merge`); where both changed the same field the user is asked ([`sync::keep_mine`]).
//! A record deleted in another tab is not brought back. Other tabs' writes show live
//! ([`sync::on_change`]), and after "Delete all my data" in any tab nothing is written at all.
//!
//! The backend is injected (a [`LocalStore`] over localStorage in the app, over
//! [`crate::storage::Memory`] in tests), never made here.

use super::notices::Notices;
use super::sync;
use super::write::{write, Outcome};
use crate::domain::record::{decode, Record};
use crate::storage::{Base, DocumentStore, LocalStore, StoreError};
use leptos::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What a collection needs of its records: a kind, and an id to store each under.
pub trait Keyed: Record + Clone + Send + Sync + 'static {
    fn key(&self) -> Cow<'_, str>;
}

/// `keyed!(Type, field)`: records of `Type` are stored under their `field`.
macro_rules! keyed {
    ($($t:ty => $field:ident),+ $(,)?) => {
        $(impl $crate::ui::state::Keyed for $t {
            fn key(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(&self.$field)
            }
        })+
    };
}
pub(super) use keyed;

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

/// Every stored record of a kind, each with its base (one read each); unreadable ones are
/// reported (and set aside) and skipped.
fn load_all<R: Record>(store: &LocalStore, notices: Notices) -> Vec<(R, Base)> {
    let ids = match store.ids::<R>() {
        Ok(ids) => ids,
        Err(e) => {
            notices.report(&e);
            return Vec::new();
        }
    };
    ids.iter()
        .filter_map(|id| match store.load_stored::<R>(id) {
            Ok(found) => found,
            Err(e) => {
                notices.report(&e);
                None
            }
        })
        .collect()
}

/// Every stored record of one kind, as a signal.
pub struct Collection<R: Keyed> {
    items: RwSignal<Vec<R>>,
    /// What this tab last read or wrote of each record.
    bases: StoredValue<BTreeMap<String, Base>>,
    store: StoredValue<LocalStore>,
    notices: Notices,
}

impl<R: Keyed> Clone for Collection<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Keyed> Copy for Collection<R> {}

impl<R: Keyed> Collection<R> {
    /// Loads every record of the kind from `store`, and follows other tabs' changes from now on.
    pub fn load(store: &LocalStore, notices: Notices) -> Self {
        let (items, bases): (Vec<R>, BTreeMap<String, Base>) = load_all::<R>(store, notices)
            .into_iter()
            .map(|(r, base)| {
                let id = r.key().into_owned();
                (r, (id, base))
            })
            .unzip();
        let me = Collection {
            items: RwSignal::new(items),
            bases: StoredValue::new(bases),
            store: StoredValue::new(store.clone()),
            notices,
        };
        sync::on_change(R::KIND, move |id, raw| me.external(id, raw));
        me
    }

    /// Another tab wrote (`Some`) or deleted (`None`) record `id`: show it.
    #[inline(never)]
    fn external(&self, id: &str, raw: Option<String>) {
        match raw.map(|raw| (decode::<R>(&raw), raw)) {
            None => {
                self.bases.try_update_value(|b| b.remove(id));
                self.items.try_update(|l| l.retain(|r| r.key() != id));
            }
            Some((Ok(record), raw)) => {
                self.bases
                    .try_update_value(|b| b.insert(id.to_string(), Base::of(raw)));
                if self.items.try_get_untracked().is_some() {
                    self.show(record);
                }
            }
            // Unreadable: left for the next load, which sets it aside and says so.
            Some((Err(_), _)) => {}
        }
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

    /// Whether everything was deleted (in any tab) since this tab loaded: then nothing is written.
    pub fn stopped(&self) -> bool {
        sync::wiped(&self.store.get_value())
    }

    /// Makes the caller re-run when any record changes.
    pub fn track(&self) {
        self.items.track();
    }

    #[inline(never)]
    fn show(&self, record: R) {
        self.items.update(
            |items| match items.iter_mut().find(|r| r.key() == record.key()) {
                Some(old) => *old = record,
                None => items.push(record),
            },
        );
    }

    fn forget(&self, id: &str) {
        self.bases.update_value(|b| {
            b.remove(id);
        });
        self.items.update(|l| l.retain(|r| r.key() != id));
    }

    /// Writes `record` (merged with another tab's edit, if any), then shows it. On a failed write a
    /// notice says so, nothing changes on screen, and `false` is returned.
    pub fn save(&self, record: R) -> bool {
        self.save_as(record).is_some()
    }

    /// What this tab last read or wrote of record `id`. An editor that keeps its own draft takes it
    /// when it opens and saves with [`Collection::save_over`], so that the draft merges with what
    /// other tabs saved meanwhile (and a record deleted meanwhile is not brought back).
    pub fn base(&self, id: &str) -> Option<Base> {
        self.bases.with_value(|b| b.get(id).cloned())
    }

    /// Saves a draft that was made from `base` (see [`Collection::base`]); `None` for a new record.
    pub fn save_over(&self, record: R, base: Option<Base>) -> bool {
        self.write_with(record, base).is_ok()
    }

    /// Like [`Collection::save`], with the storage error when that was why (`Err(None)`: the record
    /// was deleted in another tab, or everything was).
    pub fn try_save(&self, record: R) -> Result<(), Option<StoreError>> {
        self.write_record(record).map(drop)
    }

    /// Like [`Collection::save`], returning the record as written (merged, if another tab edited it).
    fn save_as(&self, record: R) -> Option<R> {
        self.write_record(record).ok()
    }

    // Once per kind, not once per caller: the wasm stays small.
    #[inline(never)]
    fn write_record(&self, record: R) -> Result<R, Option<StoreError>> {
        let base = self
            .bases
            .with_value(|b| b.get(record.key().as_ref()).cloned());
        self.write_with(record, base)
    }

    #[inline(never)]
    fn write_with(&self, record: R, base: Option<Base>) -> Result<R, Option<StoreError>> {
        let id = record.key().into_owned();
        let outcome = self
            .store
            .with_value(|s| write(s, self.notices, &id, record, base));
        match outcome {
            Outcome::Written(record, base) => {
                self.bases.update_value(|b| {
                    b.insert(id, base);
                });
                self.show(record.clone());
                Ok(record)
            }
            Outcome::Gone => {
                self.forget(&id);
                Err(None)
            }
            Outcome::Failed(error) => {
                // Controls that changed ahead of the save (a ticked box) are set back to what is
                // stored.
                self.items.notify();
                Err(error)
            }
        }
    }

    /// Shows `record` whether or not it could be written (a notice says when not). For state that
    /// must move on, such as a running answer's timer; it is written again with its next change.
    pub fn save_anyway(&self, record: R) {
        if self.save_as(record.clone()).is_none() && !sync::wiped(&self.store.get_value()) {
            self.show(record);
        }
    }

    /// Changes the stored record `id` and saves it: the saved record, or `None` when there is no
    /// such record or it could not be written.
    pub fn update(&self, id: &str, change: impl FnOnce(&mut R)) -> Option<R> {
        let mut record = self.get_untracked(id)?;
        change(&mut record);
        self.save_as(record)
    }

    /// Deletes a record from storage, then from the screen. `false` (with a notice) if it failed.
    pub fn delete(&self, id: &str) -> bool {
        let store = self.store.get_value();
        if sync::wiped(&store) {
            return false;
        }
        if !reported(self.notices, store.delete::<R>(id)) {
            self.items.notify();
            return false;
        }
        self.forget(id);
        true
    }
}

/// One record under a fixed id (settings, stars, the checklist), with its default when missing.
pub struct Doc<R: Record + Default + Clone + Send + Sync + 'static> {
    value: RwSignal<R>,
    base: StoredValue<Option<Base>>,
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
        let (value, base) = match store.load_stored::<R>(id) {
            Ok(Some((record, base))) => (record, Some(base)),
            Ok(None) => (R::default(), None),
            Err(e) => {
                notices.report(&e);
                (R::default(), None)
            }
        };
        let me = Doc {
            value: RwSignal::new(value),
            base: StoredValue::new(base),
            id,
            store: StoredValue::new(store.clone()),
            notices,
        };
        sync::on_change(R::KIND, move |changed, raw| {
            if changed != id {
                return;
            }
            let record = match &raw {
                Some(raw) => match decode::<R>(raw) {
                    Ok(r) => r,
                    Err(_) => return,
                },
                None => R::default(),
            };
            me.base.try_set_value(raw.map(Base::of));
            me.value.try_set(record);
        });
        me
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

    /// Changes the record, writes it (merged with another tab's edit, if any), and shows the
    /// change once written. `false` (with a notice, and the screen unchanged) when it failed.
    pub fn update(&self, change: impl FnOnce(&mut R)) -> bool {
        let mut next = self.value.get_untracked();
        change(&mut next);
        let base = self.base.get_value();
        let outcome = self
            .store
            .with_value(|s| write(s, self.notices, self.id, next, base));
        match outcome {
            Outcome::Written(record, base) => {
                self.base.set_value(Some(base));
                self.value.set(record);
                true
            }
            // A single record is never deleted by itself; only "Delete all my data" removes it,
            // and then nothing is written.
            Outcome::Gone | Outcome::Failed(_) => {
                self.value.notify();
                false
            }
        }
    }
}
