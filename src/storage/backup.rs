//! Moving a backup in and out of the browser: every `csic:` document in localStorage and every
//! audio chunk in IndexedDB. What goes in a backup, and whether a file is sound, is the domain's
//! business (`domain::backup`).

use super::{audio_store, BlobStore, LocalStore, StoreError};
use crate::domain::backup::{base64_decode, Backup, Plan};
use js_sys::{Array, Uint8Array};
use std::collections::BTreeSet;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

impl LocalStore {
    /// Every stored document as `(<kind>:<id>, envelope)`, leaving out values set aside as unreadable.
    pub fn documents(&self) -> Result<Vec<(String, String)>, StoreError> {
        let prefix = format!("{}:", self.prefix());
        let aside = format!("{}:unreadable:", self.prefix());
        let mut out = Vec::new();
        for key in self.kv().keys()? {
            if key.starts_with(&aside) {
                continue;
            }
            if let Some(short) = key.strip_prefix(&prefix) {
                if let Some(raw) = self.kv().get(&key)? {
                    out.push((short.to_string(), raw));
                }
            }
        }
        out.sort();
        Ok(out)
    }

    /// The envelope stored under `<kind>:<id>`, if any.
    pub fn raw_value(&self, short: &str) -> Option<String> {
        self.kv()
            .get(&format!("{}:{short}", self.prefix()))
            .ok()
            .flatten()
    }

    pub fn put_raw(&self, short: &str, raw: &str) -> Result<(), StoreError> {
        self.kv().set(&format!("{}:{short}", self.prefix()), raw)
    }

    /// Removes every key under the prefix (unreadable copies included).
    pub fn clear(&self) -> Result<(), StoreError> {
        let prefix = format!("{}:", self.prefix());
        for k in self.kv().keys()? {
            if k.starts_with(&prefix) {
                self.kv().remove(&k)?;
            }
        }
        Ok(())
    }
}

fn browser(e: wasm_bindgen::JsValue) -> StoreError {
    StoreError::Browser(format!("{e:?}"))
}

async fn bytes_of(blob: &Blob) -> Result<Vec<u8>, StoreError> {
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(browser)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Every audio chunk's key, for the import plan.
pub async fn audio_keys() -> Result<BTreeSet<String>, StoreError> {
    let store = audio_store().await?;
    Ok(store.keys("audio:").await?.into_iter().collect())
}

/// Every audio chunk with its bytes, for an export.
pub async fn audio_chunks() -> Result<Vec<(String, Vec<u8>)>, StoreError> {
    let store = audio_store().await?;
    let mut out = Vec::new();
    for key in store.keys("audio:").await? {
        if let Some(blob) = store.get(&key).await? {
            out.push((key, bytes_of(&blob).await?));
        }
    }
    Ok(out)
}

/// How far an import got before storage refused a write: nothing is ever deleted by an import.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplyError {
    /// Documents written before the failure.
    pub docs: usize,
    /// Audio chunks written before the failure.
    pub chunks: usize,
    pub error: StoreError,
}

/// Writes what `plan` adds (and, if `replace` is set, the documents that differ) into `local` and
/// the audio database. Audio first, so an attempt never appears before its recording. Returns how
/// many documents and chunks were written, or how many were when a write failed.
pub async fn apply(
    local: &LocalStore,
    backup: &Backup,
    plan: &Plan,
    replace: bool,
) -> Result<(usize, usize), ApplyError> {
    let (mut docs, mut chunks) = (0, 0);
    let fail = |docs, chunks, error| ApplyError {
        docs,
        chunks,
        error,
    };
    let store = audio_store().await.map_err(|e| fail(0, 0, e))?;
    for key in &plan.audio_add {
        let Some(bytes) = backup.audio.get(key).and_then(|d| base64_decode(d)) else {
            continue;
        };
        let parts = Array::new();
        parts.push(&Uint8Array::from(bytes.as_slice()));
        let blob =
            Blob::new_with_u8_array_sequence(&parts).map_err(|e| fail(docs, chunks, browser(e)))?;
        store
            .put(key, &blob)
            .await
            .map_err(|e| fail(docs, chunks, e))?;
        chunks += 1;
    }
    let conflicts = if replace { &plan.conflicts[..] } else { &[] };
    for (key, raw) in plan.add.iter().chain(conflicts) {
        local.put_raw(key, raw).map_err(|e| fail(docs, chunks, e))?;
        docs += 1;
    }
    Ok((docs, chunks))
}

/// Deletes every document and recording.
pub async fn clear_everything(local: &LocalStore) -> Result<(), StoreError> {
    let store = audio_store().await?;
    super::delete_prefix(&store, "audio:").await?;
    local.clear()
}
