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
        let s = self.raw()?;
        let prefix = format!("{}:", self.prefix());
        let aside = format!("{}:unreadable:", self.prefix());
        let len = s.length().unwrap_or(0);
        let mut out = Vec::new();
        for i in 0..len {
            let Some(key) = s.key(i).ok().flatten() else {
                continue;
            };
            if key.starts_with(&aside) {
                continue;
            }
            if let (Some(short), Some(raw)) =
                (key.strip_prefix(&prefix), s.get_item(&key).ok().flatten())
            {
                out.push((short.to_string(), raw));
            }
        }
        out.sort();
        Ok(out)
    }

    /// The envelope stored under `<kind>:<id>`, if any.
    pub fn raw_value(&self, short: &str) -> Option<String> {
        self.raw()
            .ok()?
            .get_item(&format!("{}:{short}", self.prefix()))
            .ok()
            .flatten()
    }

    pub fn put_raw(&self, short: &str, raw: &str) -> Result<(), StoreError> {
        self.raw()?
            .set_item(&format!("{}:{short}", self.prefix()), raw)
            .map_err(super::local::js_error)
    }

    /// Removes every key under the prefix (unreadable copies included).
    pub fn clear(&self) -> Result<(), StoreError> {
        let s = self.raw()?;
        let prefix = format!("{}:", self.prefix());
        let keys: Vec<String> = (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(&prefix))
            .collect();
        for k in keys {
            let _ = s.remove_item(&k);
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

/// Writes what `plan` adds (and, if `replace` is set, the documents that differ). Audio first, so
/// an attempt never appears before its recording. Returns how many documents and chunks were written.
pub async fn apply(
    backup: &Backup,
    plan: &Plan,
    replace: bool,
) -> Result<(usize, usize), StoreError> {
    let store = audio_store().await?;
    let mut chunks = 0;
    for key in &plan.audio_add {
        let Some(bytes) = backup.audio.get(key).and_then(|d| base64_decode(d)) else {
            continue;
        };
        let parts = Array::new();
        parts.push(&Uint8Array::from(bytes.as_slice()));
        let blob = Blob::new_with_u8_array_sequence(&parts).map_err(browser)?;
        store.put(key, &blob).await?;
        chunks += 1;
    }
    let local = LocalStore::default();
    let mut docs = 0;
    let conflicts = if replace { &plan.conflicts[..] } else { &[] };
    for (key, raw) in plan.add.iter().chain(conflicts) {
        local.put_raw(key, raw)?;
        docs += 1;
    }
    Ok((docs, chunks))
}

/// Deletes every document and recording.
pub async fn clear_everything() -> Result<(), StoreError> {
    let store = audio_store().await?;
    super::delete_prefix(&store, "audio:").await?;
    LocalStore::default().clear()
}
