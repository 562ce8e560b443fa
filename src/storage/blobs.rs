//! Binary blobs (audio, later) in IndexedDB: one object store, string keys, `Blob` values.

use super::StoreError;
use js_sys::{Array, Function, Promise};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

/// A store of binary blobs by key.
#[allow(async_fn_in_trait)] // single-threaded wasm: the futures never cross threads
pub trait BlobStore {
    /// Stores `blob` under `key`, replacing what was there. Resolves once the write is committed.
    async fn put(&self, key: &str, blob: &Blob) -> Result<(), StoreError>;
    /// Reads the blob under `key`, if any.
    async fn get(&self, key: &str) -> Result<Option<Blob>, StoreError>;
    /// Removes `key`. Removing a missing key is not an error.
    async fn delete(&self, key: &str) -> Result<(), StoreError>;
    /// Every key whose name starts with `prefix`, sorted.
    async fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError>;
}

const STORE: &str = "blobs";
const DB_VERSION: u32 = 1;

/// IndexedDB with one object store named `blobs`.
#[derive(Debug, Clone)]
pub struct IdbBlobStore {
    db: IdbDatabase,
}

fn browser_error(value: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&value, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        return StoreError::Full;
    }
    if name == "AbortError" {
        return StoreError::Aborted;
    }
    let message = js_sys::Reflect::get(&value, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{value:?}"));
    StoreError::Browser(if name.is_empty() {
        message
    } else {
        format!("{name}: {message}")
    })
}

/// Turns an IDB request into a future of its result.
fn request(req: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok_req = req.clone();
        let on_success = Closure::once_into_js(move |_event: web_sys::Event| {
            let result = ok_req.result().unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let err_req = req.clone();
        let on_error = Closure::once_into_js(move |_event: web_sys::Event| {
            let error = err_req
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("IndexedDB request failed"));
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        req.set_onsuccess(Some(on_success.unchecked_ref()));
        req.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Resolves when a transaction commits; rejects when it fails or aborts.
fn committed(tx: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_complete = Closure::once_into_js(move |_event: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let err_tx = tx.clone();
        let on_fail = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
            // An explicit abort has no error of its own: name it, so that it is reported as such.
            let error = err_tx.error().map(JsValue::from).unwrap_or_else(|| {
                let e = js_sys::Error::new("IndexedDB transaction aborted");
                e.set_name("AbortError");
                e.into()
            });
            let _ = reject.call1(&JsValue::NULL, &error);
        })
        .into_js_value();
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onerror(Some(on_fail.unchecked_ref()));
        tx.set_onabort(Some(on_fail.unchecked_ref()));
    });
    JsFuture::from(promise)
}

impl IdbBlobStore {
    /// Opens (and on first use creates) the database `name`.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        let factory = window
            .indexed_db()
            .map_err(|e| StoreError::Unavailable(format!("{e:?}")))?
            .ok_or_else(|| StoreError::Unavailable("no IndexedDB".into()))?;
        let open = factory
            .open_with_u32(name, DB_VERSION)
            .map_err(browser_error)?;
        let upgrade_req = open.clone();
        let on_upgrade = Closure::once_into_js(move |_event: web_sys::Event| {
            if let Ok(result) = upgrade_req.result() {
                let db: IdbDatabase = result.unchecked_into();
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        });
        open.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db = request(&open).await.map_err(browser_error)?;
        Ok(IdbBlobStore {
            db: db.unchecked_into(),
        })
    }

    fn transaction(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, StoreError> {
        self.db
            .transaction_with_str_and_mode(STORE, mode)
            .map_err(browser_error)
    }

    /// Closes the connection (tests use this before deleting the database).
    pub fn close(&self) {
        self.db.close();
    }
}

impl BlobStore for IdbBlobStore {
    async fn put(&self, key: &str, blob: &Blob) -> Result<(), StoreError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite)?;
        let done = committed(&tx);
        let store = tx.object_store(STORE).map_err(browser_error)?;
        store
            .put_with_key(blob, &JsValue::from_str(key))
            .map_err(browser_error)?;
        done.await.map(|_| ()).map_err(browser_error)
    }

    async fn get(&self, key: &str) -> Result<Option<Blob>, StoreError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = tx.object_store(STORE).map_err(browser_error)?;
        let req = store.get(&JsValue::from_str(key)).map_err(browser_error)?;
        let value = request(&req).await.map_err(browser_error)?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value
            .dyn_into::<Blob>()
            .map(Some)
            .map_err(|_| StoreError::Browser(format!("{key} does not hold a blob")))
    }

    async fn delete(&self, key: &str) -> Result<(), StoreError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite)?;
        let done = committed(&tx);
        let store = tx.object_store(STORE).map_err(browser_error)?;
        store
            .delete(&JsValue::from_str(key))
            .map_err(browser_error)?;
        done.await.map(|_| ()).map_err(browser_error)
    }

    async fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = tx.object_store(STORE).map_err(browser_error)?;
        let req = store.get_all_keys().map_err(browser_error)?;
        let value = request(&req).await.map_err(browser_error)?;
        let mut keys: Vec<String> = Array::from(&value)
            .iter()
            .filter_map(|k| k.as_string())
            .filter(|k| k.starts_with(prefix))
            .collect();
        keys.sort();
        Ok(keys)
    }
}
