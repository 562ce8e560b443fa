//! Documents in localStorage through gloo-storage: one key per record, each a versioned envelope.

use super::StoreError;
use crate::domain::record::{decode, encode, Record};
use gloo_storage::{LocalStorage, Storage};

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

/// localStorage, with every key under a prefix so that tests and the app never collide.
#[derive(Debug, Clone)]
pub struct LocalStore {
    prefix: String,
}

impl Default for LocalStore {
    fn default() -> Self {
        LocalStore::new("csic")
    }
}

impl LocalStore {
    pub fn new(prefix: impl Into<String>) -> Self {
        LocalStore {
            prefix: prefix.into(),
        }
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
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

    /// gloo-storage throws when localStorage is missing; check first so that we can report it.
    pub(super) fn raw(&self) -> Result<web_sys::Storage, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalStorage::raw()),
            Ok(None) => Err(StoreError::Unavailable("no localStorage".into())),
            Err(e) => Err(StoreError::Unavailable(format!("{e:?}"))),
        }
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
        let storage = self.raw()?;
        let key = self.key::<R>(id);
        let Some(raw) = storage.get_item(&key).map_err(js_error)? else {
            return Ok(None);
        };
        match decode::<R>(&raw) {
            Ok(record) => Ok(Some(record)),
            Err(error) => {
                let aside = self.aside_key::<R>(id);
                let set_aside_as = match storage.set_item(&aside, &raw) {
                    Ok(()) => {
                        LocalStorage::delete(&key);
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
        let storage = self.raw()?;
        let raw = encode(record).map_err(|e| StoreError::Browser(e.to_string()))?;
        // One setItem call: it either replaces the old value or, on quota errors, leaves it as it was.
        storage.set_item(&self.key::<R>(id), &raw).map_err(js_error)
    }

    fn delete<R: Record>(&self, id: &str) -> Result<(), StoreError> {
        self.raw()?;
        LocalStorage::delete(self.key::<R>(id));
        Ok(())
    }

    fn ids<R: Record>(&self) -> Result<Vec<String>, StoreError> {
        let storage = self.raw()?;
        let prefix = format!("{}:{}:", self.prefix, R::KIND);
        let len = storage.length().map_err(js_error)?;
        let mut ids: Vec<String> = (0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter_map(|k| k.strip_prefix(&prefix).map(str::to_owned))
            .collect();
        ids.sort();
        Ok(ids)
    }
}
