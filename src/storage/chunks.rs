//! Audio kept as numbered chunks in a [`BlobStore`], written while it is recorded, so that a cut-off
//! recording keeps everything up to its last saved chunk.

use super::{BlobStore, IdbBlobStore, StoreError};
use web_sys::{Blob, BlobPropertyBag};

/// The IndexedDB database that holds recordings.
pub const AUDIO_DB: &str = "csic-audio";

pub async fn audio_store() -> Result<IdbBlobStore, StoreError> {
    IdbBlobStore::open(AUDIO_DB).await
}

/// Every chunk under `prefix`, in key order, joined into one blob of type `mime`.
/// `None` when there is no chunk.
pub async fn read_joined<S: BlobStore>(
    store: &S,
    prefix: &str,
    mime: &str,
) -> Result<Option<Blob>, StoreError> {
    let parts = js_sys::Array::new();
    for key in store.keys(prefix).await? {
        if let Some(blob) = store.get(&key).await? {
            parts.push(&blob);
        }
    }
    if parts.length() == 0 {
        return Ok(None);
    }
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_blob_sequence_and_options(&parts, &options)
        .map(Some)
        .map_err(|e| StoreError::Browser(format!("{e:?}")))
}

/// Removes every chunk under `prefix`.
pub async fn delete_prefix<S: BlobStore>(store: &S, prefix: &str) -> Result<(), StoreError> {
    for key in store.keys(prefix).await? {
        store.delete(&key).await?;
    }
    Ok(())
}
