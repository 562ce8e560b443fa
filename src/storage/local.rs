//! Documents in localStorage through gloo-storage: one key per record, each a versioned envelope.
//!
//! [`LocalStore`] holds the record logic (keys, envelopes, setting unreadable values aside) over a
//! small [`KeyValue`] backend: the browser's localStorage in the app, or [`Memory`] in tests, so that
//! a store can be exercised with faults injected.

use super::StoreError;
use crate::domain::record::{decode, encode, Record};
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
        let key = self.key::<R>(id);
        let Some(raw) = self.kv.get(&key)? else {
            return Ok(None);
        };
        match decode::<R>(&raw) {
            Ok(record) => Ok(Some(record)),
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
