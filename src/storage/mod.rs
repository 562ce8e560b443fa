//! Browser persistence behind small traits: documents in localStorage, binary blobs in IndexedDB.
//!
//! The domain decides what a record is and how old ones migrate; this module only moves strings and
//! blobs in and out of the browser.

mod backup;
mod blobs;
mod chunks;
mod content;
mod error;
mod estimate;
mod local;

pub use backup::{
    apply, audio_chunks, audio_keys, clear_everything, recover_import, ApplyError, Recovered,
};
pub use blobs::{BlobStore, IdbBlobStore};
pub use chunks::{audio_store, delete_prefix, read_joined, AUDIO_DB};
pub use content::{fetch_named, load_examples, load_questions, ContentError};
pub use error::StoreError;
pub use estimate::{persist, storage_estimate, StorageEstimate};
pub use local::{Base, Browser, Checked, DocumentStore, KeyValue, LocalStore, Memory};
