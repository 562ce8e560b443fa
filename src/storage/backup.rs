//! Moving a backup in and out of the browser: every `csic:` document in localStorage and every
//! audio chunk in IndexedDB. What goes in a backup, and whether a file is sound, is the domain's
//! business (`domain::backup`). An import is all or nothing: it keeps a journal while it writes
//! (`domain::journal`), and [`recover_import`] undoes one that a reload cut off.

use super::{audio_store, BlobStore, LocalStore, StoreError};
use crate::domain::backup::{base64_decode, Backup, Plan};
use crate::domain::journal::{
    DocumentWrite, Journal, JournalError, Phase, VERSION as JOURNAL_VERSION,
};
use crate::domain::record::DecodeError;
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

    /// Every value set aside as unreadable, as `(unreadable:<kind>:<id>:<ms>, raw)`: an export
    /// carries them (under `set_aside`), so that nothing is lost by moving to another device.
    pub fn set_aside_values(&self) -> Result<Vec<(String, String)>, StoreError> {
        let prefix = format!("{}:", self.prefix());
        let aside = format!("{}:unreadable:", self.prefix());
        let mut out = Vec::new();
        for key in self.kv().keys()? {
            if key.starts_with(&aside) {
                if let (Some(short), Some(raw)) = (key.strip_prefix(&prefix), self.kv().get(&key)?)
                {
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

/// How far an import got before a write failed. The import is all or nothing: what it had written
/// by then has been undone (or, if undoing failed too, is undone at the next start-up by
/// [`recover_import`]), so after an error storage holds what it held before.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplyError {
    /// Documents written before the failure (and undone since).
    pub docs: usize,
    /// Audio chunks written before the failure (and undone since).
    pub chunks: usize,
    pub error: StoreError,
}

/// What [`recover_import`] undid of an import that did not finish.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recovered {
    /// Audio chunks the import had added, now deleted.
    pub chunks_removed: usize,
    /// Documents the import had replaced, now back to their earlier value.
    pub documents_restored: usize,
    /// Documents the import had added, now deleted.
    pub documents_removed: usize,
}

/// Why [`apply`] refuses to start while a journal is stored.
const UNFINISHED: &str =
    "an earlier import did not finish (or runs in another tab): reload the app to undo it first";

impl LocalStore {
    /// Where the journal of an import in progress is kept: `<prefix>-journal`. Outside the
    /// `<prefix>:` documents, so it is never exported, listed or counted as a document.
    /// Whether an import's journal is there (an import is running, or was cut off).
    pub fn has_journal(&self) -> bool {
        self.kv().get(&self.journal_key()).ok().flatten().is_some()
    }

    pub fn journal_key(&self) -> String {
        format!("{}-journal", self.prefix())
    }

    /// The full key of the document `<kind>:<id>`.
    fn document_key(&self, short: &str) -> String {
        format!("{}:{short}", self.prefix())
    }
}

/// Undoes what `journal` says an import wrote, then removes the journal. Each step can be repeated,
/// so when this fails part way the journal stays and running it again finishes the job. Documents
/// come first (deleting added ones frees room for the restored ones), so no document ever points
/// at a recording that is gone.
async fn roll_back<S: BlobStore>(
    local: &LocalStore,
    store: &S,
    journal: &Journal,
) -> Result<Recovered, StoreError> {
    let steps = journal.rollback_steps();
    let mut done = Recovered::default();
    let kv = local.kv();
    for short in &steps.delete_documents {
        let key = local.document_key(short);
        if kv.get(&key)?.is_some() {
            kv.remove(&key)?;
            done.documents_removed += 1;
        }
    }
    for (short, raw) in &steps.restore_documents {
        let key = local.document_key(short);
        if kv.get(&key)?.as_deref() != Some(raw.as_str()) {
            kv.set(&key, raw)?;
            done.documents_restored += 1;
        }
    }
    // Only recordings' chunks, and only those there: a journal never deletes anything else.
    let present: BTreeSet<String> = store.keys("audio:").await?.into_iter().collect();
    for key in steps.delete_chunks.iter().filter(|k| present.contains(*k)) {
        store.delete(key).await?;
        done.chunks_removed += 1;
    }
    kv.remove(&local.journal_key())?;
    Ok(done)
}

/// Writes what `plan` adds (and, if `replace` is set, the documents that differ) into `local` and
/// the audio database, all or nothing:
///
/// 1. the journal (`domain::journal`): every chunk to add and every document to write, with the
///    value each held before. If it cannot be written, nothing is, and the error says why;
/// 2. the audio chunks (so an attempt never appears before its recording);
/// 3. the journal again, now in its documents phase, then the documents;
/// 4. the journal is removed: the import is done.
///
/// If a write fails, what was written is undone before returning the error. If the page goes away
/// first, [`recover_import`] undoes it at the next start-up. Returns how many documents and chunks
/// were written. A journal left over from another import makes it refuse, writing nothing.
pub async fn apply(
    local: &LocalStore,
    backup: &Backup,
    plan: &Plan,
    replace: bool,
) -> Result<(usize, usize), ApplyError> {
    let fail = |docs, chunks, error| ApplyError {
        docs,
        chunks,
        error,
    };
    let kv = local.kv();
    let journal_key = local.journal_key();
    match kv.get(&journal_key) {
        Ok(None) => {}
        Ok(Some(_)) => return Err(fail(0, 0, StoreError::Browser(UNFINISHED.into()))),
        Err(e) => return Err(fail(0, 0, e)),
    }
    let store = audio_store().await.map_err(|e| fail(0, 0, e))?;
    // Chunks stored since the plan was made are left alone: the journal lists only new ones.
    let present: BTreeSet<String> = store
        .keys("audio:")
        .await
        .map_err(|e| fail(0, 0, e))?
        .into_iter()
        .collect();
    let new_chunks: Vec<&String> = plan
        .audio_add
        .iter()
        .filter(|k| !present.contains(*k) && backup.audio.contains_key(*k))
        .collect();
    let conflicts = if replace { &plan.conflicts[..] } else { &[] };
    let writes: Vec<&(String, String)> = plan.add.iter().chain(conflicts).collect();
    let mut documents = Vec::with_capacity(writes.len());
    for (key, _) in &writes {
        let previous = kv
            .get(&local.document_key(key))
            .map_err(|e| fail(0, 0, e))?;
        documents.push(DocumentWrite {
            key: key.clone(),
            previous,
        });
    }
    let mut journal = Journal::new(
        js_sys::Date::now() as u64,
        new_chunks.iter().map(|k| (*k).clone()),
        documents,
    );
    kv.set(&journal_key, &journal.to_json())
        .map_err(|e| fail(0, 0, e))?;

    let (mut docs, mut chunks) = (0, 0);
    let written: Result<(), StoreError> = async {
        for key in &new_chunks {
            let Some(bytes) = backup.audio.get(*key).and_then(|d| base64_decode(d)) else {
                continue;
            };
            let parts = Array::new();
            parts.push(&Uint8Array::from(bytes.as_slice()));
            let blob = Blob::new_with_u8_array_sequence(&parts).map_err(browser)?;
            store.put(key, &blob).await?;
            chunks += 1;
        }
        journal.phase = Phase::Documents;
        kv.set(&journal_key, &journal.to_json())?;
        for (key, raw) in &writes {
            local.put_raw(key, raw)?;
            docs += 1;
        }
        kv.remove(&journal_key)
    }
    .await;
    match written {
        Ok(()) => Ok((docs, chunks)),
        Err(error) => {
            // Undo now; if that fails too, the journal stays for the next start-up.
            let _ = roll_back(local, &store, &journal).await;
            Err(fail(docs, chunks, error))
        }
    }
}

/// At start-up: undoes an import that did not finish (see `domain::journal` for why it is undone
/// rather than finished). `Ok(None)` when there was none. Once it returns `Ok(Some(_))`, storage
/// holds what it held before that import, and the user should be told so and asked to import the
/// file again (what is there already is skipped).
///
/// A journal that cannot be read (damaged, or from a newer app) is not acted on: it is moved to
/// `<prefix>:unreadable:journal:<ms>` and reported as [`StoreError::Unreadable`].
pub async fn recover_import(local: &LocalStore) -> Result<Option<Recovered>, StoreError> {
    let key = local.journal_key();
    let Some(text) = local.kv().get(&key)? else {
        return Ok(None);
    };
    let journal = match Journal::from_json(&text) {
        Ok(journal) => journal,
        Err(e) => {
            let error = match e {
                JournalError::TooNew { found } => DecodeError::TooNew {
                    kind: "journal",
                    found,
                    supported: JOURNAL_VERSION,
                },
                JournalError::Corrupt(e) => DecodeError::Corrupt(e),
            };
            let aside = format!(
                "{}:unreadable:journal:{}",
                local.prefix(),
                js_sys::Date::now() as u64
            );
            let set_aside_as = match local.kv().set(&aside, &text) {
                Ok(()) => {
                    local.kv().remove(&key)?;
                    Some(aside)
                }
                Err(_) => None,
            };
            return Err(StoreError::Unreadable {
                key,
                set_aside_as,
                error,
            });
        }
    };
    let store = audio_store().await?;
    roll_back(local, &store, &journal).await.map(Some)
}

/// Deletes every document and recording, and the journal of an unfinished import.
pub async fn clear_everything(local: &LocalStore) -> Result<(), StoreError> {
    let store = audio_store().await?;
    super::delete_prefix(&store, "audio:").await?;
    local.clear()?;
    local.kv().remove(&local.journal_key())
}
