//! The import journal: what an import is about to write, kept until it has written all of it, so
//! that an import cut off by a reload, a crash or a full disk can be undone exactly.
//!
//! An import writes, in this order: the journal, the audio chunks, the journal again (now in the
//! [`Phase::Documents`] phase), the documents, and finally removes the journal. A journal found at
//! start-up therefore means an import that did not finish, and it says everything needed to undo it:
//!
//! ```json
//! { "v": 1, "started_ms": 1763900000000, "phase": "chunks",
//!   "chunks": ["audio:a1:000000", "audio:a1:000001"],
//!   "documents": [ {"key": "attempt:a1", "previous": null},
//!                  {"key": "settings:app", "previous": "{\"v\":1,\"data\":{…}}"} ] }
//! ```
//!
//! * `chunks`: the audio chunks the import adds. All of them were absent before it started (an
//!   import never overwrites a chunk), so undoing deletes each one.
//! * `documents`: every document key the import writes, with the raw value it held before
//!   (`previous`), or `null` when the key was absent. Undoing restores that value, or deletes the key.
//! * `phase`: `chunks` while chunks are written (no document has been touched yet), `documents`
//!   once document writes may have started.
//!
//! **An unfinished import is rolled back, never finished.** Finishing would need the backup's
//! content, and the file the user picked does not survive a reload; its audio (hundreds of
//! megabytes) cannot be copied into localStorage beside the journal either. Rolling back needs only
//! the keys and the few previous values above, and it is exact: afterwards storage holds what it held
//! before the import, and importing the same file again skips whatever is there already.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The journal format written today. A journal from a newer app is not acted on.
pub const VERSION: u32 = 1;

/// How far an import got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Writing audio chunks: no document has been written yet.
    Chunks,
    /// Writing documents (all chunks are written).
    Documents,
}

/// One document the import writes, and what it held before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentWrite {
    /// `<kind>:<id>`, as in a backup.
    pub key: String,
    /// The raw stored value before the import (being replaced), or `None` (being added).
    pub previous: Option<String>,
}

/// An import in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    pub v: u32,
    pub started_ms: u64,
    pub phase: Phase,
    /// Audio chunk keys to be added (absent before the import).
    pub chunks: Vec<String>,
    pub documents: Vec<DocumentWrite>,
}

/// Why a stored journal cannot be acted on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalError {
    /// Not JSON, or not a journal.
    Corrupt(String),
    /// Written by a newer app.
    TooNew { found: u32 },
}

impl std::fmt::Display for JournalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JournalError::Corrupt(e) => write!(f, "unreadable import journal: {e}"),
            JournalError::TooNew { found } => write!(
                f,
                "import journal from a newer version (v{found}; this app reads up to v{VERSION})"
            ),
        }
    }
}

impl std::error::Error for JournalError {}

/// What undoing an import does, in this order: delete the documents it added (which frees room),
/// put back the ones it replaced, then delete its chunks. Every step can be repeated, so a rollback
/// that is itself cut off can simply be run again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rollback {
    /// Document keys to delete: they did not exist before the import.
    pub delete_documents: Vec<String>,
    /// `(key, raw value)` to write back.
    pub restore_documents: Vec<(String, String)>,
    /// Audio chunk keys to delete.
    pub delete_chunks: Vec<String>,
}

impl Rollback {
    pub fn is_empty(&self) -> bool {
        self.delete_documents.is_empty()
            && self.restore_documents.is_empty()
            && self.delete_chunks.is_empty()
    }
}

impl Journal {
    /// A journal for an import about to start, in the [`Phase::Chunks`] phase. A key listed twice
    /// keeps its first entry (the value before the import); chunks are listed once each.
    pub fn new(
        started_ms: u64,
        chunks: impl IntoIterator<Item = String>,
        documents: impl IntoIterator<Item = DocumentWrite>,
    ) -> Self {
        let mut seen = BTreeSet::new();
        let chunks = chunks
            .into_iter()
            .filter(|k| seen.insert(k.clone()))
            .collect();
        let mut seen = BTreeSet::new();
        let documents = documents
            .into_iter()
            .filter(|d| seen.insert(d.key.clone()))
            .collect();
        Journal {
            v: VERSION,
            started_ms,
            phase: Phase::Chunks,
            chunks,
            documents,
        }
    }

    pub fn to_json(&self) -> String {
        // Strings, numbers and enums only: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Self, JournalError> {
        #[derive(Deserialize)]
        struct Head {
            v: u32,
        }
        let head: Head =
            serde_json::from_str(text).map_err(|e| JournalError::Corrupt(e.to_string()))?;
        if head.v > VERSION {
            return Err(JournalError::TooNew { found: head.v });
        }
        serde_json::from_str(text).map_err(|e| JournalError::Corrupt(e.to_string()))
    }

    /// How many documents the import adds (absent before).
    pub fn added(&self) -> usize {
        self.documents
            .iter()
            .filter(|d| d.previous.is_none())
            .count()
    }

    /// How many documents the import replaces.
    pub fn replaced(&self) -> usize {
        self.documents.len() - self.added()
    }

    /// What undoing this import takes. In the chunks phase no document has been written, so only
    /// chunks are deleted.
    pub fn rollback_steps(&self) -> Rollback {
        let mut steps = Rollback {
            delete_chunks: self.chunks.clone(),
            ..Rollback::default()
        };
        if self.phase == Phase::Documents {
            for d in &self.documents {
                match &d.previous {
                    None => steps.delete_documents.push(d.key.clone()),
                    Some(raw) => steps.restore_documents.push((d.key.clone(), raw.clone())),
                }
            }
        }
        steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Journal {
        Journal::new(
            1_763_900_000_000,
            ["audio:a1:000000".to_string(), "audio:a1:000001".to_string()],
            [
                DocumentWrite {
                    key: "attempt:a1".into(),
                    previous: None,
                },
                DocumentWrite {
                    key: "settings:app".into(),
                    previous: Some("{\"v\":1,\"data\":{\"locale\":\"en\"}}".into()),
                },
            ],
        )
    }

    #[test]
    fn a_journal_round_trips_through_json_in_the_documented_format() {
        let j = sample();
        let text = j.to_json();
        assert!(
            text.starts_with(
                "{\"v\":1,\"started_ms\":1763900000000,\"phase\":\"chunks\",\
                 \"chunks\":[\"audio:a1:000000\",\"audio:a1:000001\"],\
                 \"documents\":[{\"key\":\"attempt:a1\",\"previous\":null},"
            ),
            "{text}"
        );
        assert_eq!(Journal::from_json(&text), Ok(j.clone()));
        let mut later = j;
        later.phase = Phase::Documents;
        assert!(later.to_json().contains("\"phase\":\"documents\""));
        assert_eq!(Journal::from_json(&later.to_json()), Ok(later));
    }

    #[test]
    fn in_the_chunks_phase_only_chunks_are_undone() {
        let steps = sample().rollback_steps();
        assert_eq!(
            steps,
            Rollback {
                delete_chunks: vec!["audio:a1:000000".into(), "audio:a1:000001".into()],
                ..Rollback::default()
            }
        );
    }

    #[test]
    fn in_the_documents_phase_added_keys_are_deleted_and_replaced_ones_restored() {
        let mut j = sample();
        j.phase = Phase::Documents;
        let steps = j.rollback_steps();
        assert_eq!(steps.delete_documents, vec!["attempt:a1".to_string()]);
        assert_eq!(
            steps.restore_documents,
            vec![(
                "settings:app".to_string(),
                "{\"v\":1,\"data\":{\"locale\":\"en\"}}".to_string()
            )]
        );
        assert_eq!(steps.delete_chunks.len(), 2);
        assert_eq!((j.added(), j.replaced()), (1, 1));
    }

    #[test]
    fn a_key_listed_twice_keeps_the_value_from_before_the_import() {
        let j = Journal::new(
            0,
            ["audio:a:000000".to_string(), "audio:a:000000".to_string()],
            [
                DocumentWrite {
                    key: "settings:app".into(),
                    previous: Some("old".into()),
                },
                DocumentWrite {
                    key: "settings:app".into(),
                    previous: Some("new".into()),
                },
            ],
        );
        assert_eq!(j.chunks.len(), 1);
        assert_eq!(j.documents.len(), 1);
        assert_eq!(j.documents[0].previous.as_deref(), Some("old"));
    }

    #[test]
    fn an_empty_import_has_nothing_to_undo() {
        assert!(Journal::new(0, Vec::new(), Vec::new())
            .rollback_steps()
            .is_empty());
    }

    #[test]
    fn damaged_and_newer_journals_are_refused() {
        assert!(matches!(
            Journal::from_json("{\"v\":1,\"started"),
            Err(JournalError::Corrupt(_))
        ));
        assert!(matches!(
            Journal::from_json("[1]"),
            Err(JournalError::Corrupt(_))
        ));
        assert!(matches!(
            Journal::from_json("{\"v\":1,\"phase\":\"chunks\"}"),
            Err(JournalError::Corrupt(_))
        ));
        assert_eq!(
            Journal::from_json("{\"v\":2,\"whatever\":true}"),
            Err(JournalError::TooNew { found: 2 })
        );
    }
}
