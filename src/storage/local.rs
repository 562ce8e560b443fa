//! Documents in localStorage through gloo-storage: one key per record, each a versioned envelope.
//!
//! [`LocalStore`] holds the record logic (keys, envelopes, setting unreadable values aside) over a
//! small [`KeyValue`] backend: the browser's localStorage in the app, or [`Memory`] in tests, so that
//! a store can be exercised with faults injected.

use super::StoreError;
use crate::domain::record::{decode, encode, envelope, revision, Record};
use gloo_storage::{LocalStorage, Storage};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A store of small JSON documents, one key per record.
pub trait DocumentStore {
    /// Reads a record. `Ok(None)` when there is none. An unreadable value is set aside and reported.
    fn load<R: Record>(&self, id: &str) -> Result<Option<R>, StoreError>;
    /// Writes a record. On failure nothing that was stored before is changed.
    fn save<R: Record>(&self, id: &str, record: &R) -> Result<(), StoreError>;
    /// Removes a record. Removing a missing record is not an error.
    fn delete<R: Record>(&self, id: &str) -> Result<(), StoreError>;
    /// The ids of every stored record of this kind, sorted.
    fn ids<R: Record>(&self) -> Result<Vec<String>, StoreError>;
}

/// Strings under string keys: what [`LocalStore`] is built on.
pub trait KeyValue: Send + Sync {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Replaces the value, or on failure leaves the old one as it was.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// The browser's localStorage (looked up on each call, so it holds no browser object).
#[derive(Debug, Clone, Copy, Default)]
pub struct Browser;

impl Browser {
    /// gloo-storage throws when localStorage is missing; check first so that we can report it.
    fn raw() -> Result<web_sys::Storage, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalStorage::raw()),
            Ok(None) => Err(StoreError::Unavailable("no localStorage".into())),
            Err(e) => Err(StoreError::Unavailable(format!("{e:?}"))),
        }
    }
}

impl KeyValue for Browser {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Self::raw()?.get_item(key).map_err(js_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        // One setItem call: it either replaces the old value or, on quota errors, leaves it as it was.
        Self::raw()?.set_item(key, value).map_err(js_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        Self::raw()?.remove_item(key).map_err(js_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = Self::raw()?;
        let len = storage.length().map_err(js_error)?;
        Ok((0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}

/// An in-memory backend for tests, whose writes can be made to fail as a full disk would.
#[derive(Debug, Default)]
pub struct Memory {
    values: Mutex<BTreeMap<String, String>>,
    full: AtomicBool,
}

impl Memory {
    /// From now on, every write fails with [`StoreError::Full`] (or succeeds again with `false`).
    pub fn set_full(&self, full: bool) {
        self.full.store(full, Ordering::SeqCst);
    }

    fn values(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, String>> {
        self.values.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl KeyValue for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.values().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.full.load(Ordering::SeqCst) {
            return Err(StoreError::Full);
        }
        self.values().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.values().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.values().keys().cloned().collect())
    }
}

/// Records under `<prefix>:<kind>:<id>`, so that tests and the app never collide.
#[derive(Clone)]
pub struct LocalStore {
    prefix: String,
    kv: Arc<dyn KeyValue>,
}

impl std::fmt::Debug for LocalStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalStore")
            .field("prefix", &self.prefix)
            .finish()
    }
}

impl LocalStore {
    /// The app's own store: localStorage under `csic:`. Made once, by the shell, and handed to the
    /// stores (see `ui::state`).
    pub fn app() -> Self {
        LocalStore::new("csic")
    }

    /// localStorage under another prefix.
    pub fn new(prefix: impl Into<String>) -> Self {
        LocalStore::with_backend(prefix, Arc::new(Browser))
    }

    /// Any backend, such as [`Memory`].
    pub fn with_backend(prefix: impl Into<String>, kv: Arc<dyn KeyValue>) -> Self {
        LocalStore {
            prefix: prefix.into(),
            kv,
        }
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub(super) fn kv(&self) -> &dyn KeyValue {
        self.kv.as_ref()
    }

    /// The key a record is stored under: `<prefix>:<kind>:<id>`.
    pub fn key<R: Record>(&self, id: &str) -> String {
        format!("{}:{}:{}", self.prefix, R::KIND, id)
    }

    /// Where unreadable values are moved: `<prefix>:unreadable:<kind>:<id>:<ms since epoch>`.
    fn aside_key<R: Record>(&self, id: &str) -> String {
        format!(
            "{}:unreadable:{}:{}:{}",
            self.prefix,
            R::KIND,
            id,
            js_sys::Date::now() as u64
        )
    }
}

/// A stored value as this tab last read or wrote it: the revision and the exact text, so that a save
/// can tell whether another tab wrote since.
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    pub rev: u64,
    pub raw: String,
}

impl Base {
    pub fn of(raw: String) -> Base {
        Base {
            rev: revision(&raw).unwrap_or(0),
            raw,
        }
    }
}

/// What a checked save found.
#[derive(Debug, Clone, PartialEq)]
pub enum Checked {
    /// Written, as this new base.
    Written(Base),
    /// Not written: another tab changed the value since `base` (it is now this, or gone).
    Changed(Option<String>),
}

impl LocalStore {
    /// Reads a record and the text it was read from (one read). An unreadable value is set aside
    /// (moved to `<prefix>:unreadable:…`) and reported.
    fn read<R: Record>(&self, id: &str) -> Result<Option<(R, String)>, StoreError> {
        let key = self.key::<R>(id);
        let Some(raw) = self.kv.get(&key)? else {
            return Ok(None);
        };
        match decode::<R>(&raw) {
            Ok(record) => Ok(Some((record, raw))),
            Err(error) => {
                let aside = self.aside_key::<R>(id);
                let set_aside_as = match self.kv.set(&aside, &raw) {
                    Ok(()) => {
                        let _ = self.kv.remove(&key);
                        Some(aside)
                    }
                    // No room to copy it: leave it where it is, untouched.
                    Err(_) => None,
                };
                Err(StoreError::Unreadable {
                    key,
                    set_aside_as,
                    error,
                })
            }
        }
    }

    /// Reads a record with its base (see [`LocalStore::save_checked`]). Unreadable values are set
    /// aside as by [`DocumentStore::load`].
    pub fn load_stored<R: Record>(&self, id: &str) -> Result<Option<(R, Base)>, StoreError> {
        Ok(self
            .read::<R>(id)?
            .map(|(record, raw)| (record, Base::of(raw))))
    }

    /// The stored text of a record, if any.
    pub fn base_of<R: Record>(&self, id: &str) -> Result<Option<Base>, StoreError> {
        Ok(self.kv.get(&self.key::<R>(id))?.map(Base::of))
    }

    /// Writes the record data `data` (JSON of the current `version`) under the full key `key`, with
    /// the next revision, but only if what is stored is still `base` (`None`: nothing stored).
    /// Otherwise nothing is written and the value found is returned. Not generic, so that it is
    /// compiled once for every kind of record.
    pub fn save_checked(
        &self,
        key: &str,
        version: u32,
        data: &str,
        base: Option<&Base>,
    ) -> Result<Checked, StoreError> {
        let current = self.kv.get(key)?;
        let unchanged = match (&current, base) {
            (None, None) => true,
            (Some(now), Some(base)) => *now == base.raw,
            _ => false,
        };
        if !unchanged {
            return Ok(Checked::Changed(current));
        }
        let rev = base.map_or(0, |b| b.rev) + 1;
        let raw = envelope(version, data, Some(rev));
        self.kv.set(key, &raw)?;
        Ok(Checked::Written(Base { rev, raw }))
    }

    /// The key of the "everything was deleted" mark: outside `<prefix>:`, so it outlives the wipe.
    pub fn wiped_key(&self) -> String {
        format!("{}-wiped", self.prefix)
    }

    /// When "Delete all my data" last ran, in any tab.
    pub fn wiped_at(&self) -> Option<u64> {
        self.kv.get(&self.wiped_key()).ok().flatten()?.parse().ok()
    }

    /// Marks that everything is being deleted now, so that every other tab stops writing.
    pub fn mark_wiped(&self, now_ms: u64) -> Result<(), StoreError> {
        self.kv.set(&self.wiped_key(), &now_ms.to_string())
    }

    /// `<prefix>:<kind>:<id>` split into kind and id, if `key` is one of ours.
    pub fn parse_key<'k>(&self, key: &'k str) -> Option<(&'k str, &'k str)> {
        let rest = key.strip_prefix(&self.prefix)?.strip_prefix(':')?;
        rest.split_once(':')
    }
}

pub(super) fn js_error(value: wasm_bindgen::JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&value, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        StoreError::Full
    } else {
        StoreError::Browser(format!("{value:?}"))
    }
}

impl DocumentStore for LocalStore {
    fn load<R: Record>(&self, id: &str) -> Result<Option<R>, StoreError> {
        Ok(self.read::<R>(id)?.map(|(record, _)| record))
    }

    fn save<R: Record>(&self, id: &str, record: &R) -> Result<(), StoreError> {
        let raw = encode(record).map_err(|e| StoreError::Browser(e.to_string()))?;
        self.kv.set(&self.key::<R>(id), &raw)
    }

    fn delete<R: Record>(&self, id: &str) -> Result<(), StoreError> {
        self.kv.remove(&self.key::<R>(id))
    }

    fn ids<R: Record>(&self) -> Result<Vec<String>, StoreError> {
        let prefix = format!("{}:{}:", self.prefix, R::KIND);
        let mut ids: Vec<String> = self
            .kv
            .keys()?
            .into_iter()
            .filter_map(|k| k.strip_prefix(&prefix).map(str::to_owned))
            .collect();
        ids.sort();
        Ok(ids)
    }
}
