//! Stored records: a versioned envelope and the migrations that bring old data up to date.
//!
//! Every document is stored as `{"v": <schema version>, "data": <the record>, "rev": <revision>}`
//! (`rev` counts the saves, so that a tab can tell another tab wrote since it read; values written
//! before revisions have none, read as 0). Loading goes through
//! [`decode`], which runs the record's migrations one version at a time until the data is current.
//! (`serde_json::Value` appears only on that migration path, which keeps the wasm small.)

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// A kind of document kept in storage, with its current schema version.
pub trait Record: Serialize + DeserializeOwned {
    /// Part of the storage key: `<prefix>:<KIND>:<id>`.
    const KIND: &'static str;
    /// The schema version written today. Starts at 1.
    const VERSION: u32;

    /// Upgrades `data` written at version `from` to version `from + 1`.
    /// The default knows no older versions.
    fn migrate_step(from: u32, data: Value) -> Result<Value, DecodeError> {
        let _ = data;
        Err(DecodeError::NoMigration {
            kind: Self::KIND,
            from,
        })
    }
}

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// Not JSON, or not an envelope.
    Corrupt(String),
    /// Written by a newer version of the app.
    TooNew {
        kind: &'static str,
        found: u32,
        supported: u32,
    },
    /// No migration from this version.
    NoMigration { kind: &'static str, from: u32 },
    /// The envelope is fine but the data does not have the record's shape.
    Shape(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Corrupt(e) => write!(f, "corrupt value: {e}"),
            DecodeError::TooNew {
                kind,
                found,
                supported,
            } => write!(
                f,
                "{kind} was written by a newer version (v{found}; this app reads up to v{supported})"
            ),
            DecodeError::NoMigration { kind, from } => {
                write!(f, "no migration for {kind} from v{from}")
            }
            DecodeError::Shape(e) => write!(f, "unexpected shape: {e}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Brings data written at version `v` up to `R::VERSION` through the record's migration steps.
pub fn migrate<R: Record>(v: u32, mut data: Value) -> Result<Value, DecodeError> {
    if v > R::VERSION {
        return Err(DecodeError::TooNew {
            kind: R::KIND,
            found: v,
            supported: R::VERSION,
        });
    }
    for from in v..R::VERSION {
        data = R::migrate_step(from, data)?;
    }
    Ok(data)
}

/// The envelope as read: the data stays raw text until we know its version.
#[derive(Deserialize)]
struct RawEnvelope<'a> {
    v: u32,
    #[serde(borrow)]
    data: &'a serde_json::value::RawValue,
    #[serde(default)]
    rev: u64,
}

/// The revision of a stored envelope (0 for one written before revisions); `None` if it is not an
/// envelope at all.
pub fn revision(raw: &str) -> Option<u64> {
    serde_json::from_str::<RawEnvelope>(raw).ok().map(|e| e.rev)
}

/// Reads a stored string into a current record.
///
/// Current data is parsed straight into the record; older data goes through [`migrate`] first.
pub fn decode<R: Record>(raw: &str) -> Result<R, DecodeError> {
    let envelope: RawEnvelope =
        serde_json::from_str(raw).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let shape = |e: serde_json::Error| DecodeError::Shape(e.to_string());
    if envelope.v == R::VERSION {
        return serde_json::from_str(envelope.data.get()).map_err(shape);
    }
    let old: Value = serde_json::from_str(envelope.data.get()).map_err(shape)?;
    let current = migrate::<R>(envelope.v, old)?;
    serde_json::from_str(&current.to_string()).map_err(shape)
}

/// The envelope around record data `data` (JSON) of schema `version`, with its revision if any:
/// `{"v":1,"data":{…},"rev":7}`. The one place the envelope is written.
pub fn envelope(version: u32, data: &str, rev: Option<u64>) -> String {
    match rev {
        Some(rev) => format!("{{\"v\":{version},\"data\":{data},\"rev\":{rev}}}"),
        None => format!("{{\"v\":{version},\"data\":{data}}}"),
    }
}

/// Writes a record, wrapped in its envelope, as a string.
pub fn encode<R: Record>(record: &R) -> Result<String, serde_json::Error> {
    Ok(envelope(R::VERSION, &serde_json::to_string(record)?, None))
}

/// The current-version data of a stored envelope as a JSON value (migrated if it is older), for
/// merging two edits. Goes through the same code as [`decode`], so it adds no serde code per kind.
pub fn data_value<R: Record>(raw: &str) -> Result<Value, DecodeError> {
    let envelope: RawEnvelope =
        serde_json::from_str(raw).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let data: Value =
        serde_json::from_str(envelope.data.get()).map_err(|e| DecodeError::Shape(e.to_string()))?;
    migrate::<R>(envelope.v, data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A record at version 3 whose field was renamed at v2 and gained a default at v3.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    struct Note {
        body: String,
        pinned: bool,
    }

    impl Record for Note {
        const KIND: &'static str = "note";
        const VERSION: u32 = 3;

        fn migrate_step(from: u32, mut data: Value) -> Result<Value, DecodeError> {
            match from {
                1 => {
                    let text = data.get("text").cloned().unwrap_or(Value::Null);
                    Ok(json!({ "body": text }))
                }
                2 => {
                    if let Some(map) = data.as_object_mut() {
                        map.insert("pinned".into(), Value::Bool(false));
                    }
                    Ok(data)
                }
                _ => Err(DecodeError::NoMigration {
                    kind: Self::KIND,
                    from,
                }),
            }
        }
    }

    #[test]
    fn current_records_round_trip() {
        let note = Note {
            body: "hi".into(),
            pinned: true,
        };
        let raw = encode(&note).expect("encode");
        assert!(raw.starts_with("{\"v\":3,"));
        assert_eq!(decode::<Note>(&raw), Ok(note));
    }

    #[test]
    fn old_records_are_migrated_step_by_step() {
        let raw = r#"{"v":1,"data":{"text":"old"}}"#;
        assert_eq!(
            decode::<Note>(raw),
            Ok(Note {
                body: "old".into(),
                pinned: false
            })
        );
    }

    #[test]
    fn newer_records_are_refused() {
        let raw = r#"{"v":9,"data":{}}"#;
        assert_eq!(
            decode::<Note>(raw),
            Err(DecodeError::TooNew {
                kind: "note",
                found: 9,
                supported: 3
            })
        );
    }

    #[test]
    fn garbage_is_reported_as_corrupt() {
        for raw in ["not json", "{\"data\":1}", "[]", ""] {
            assert!(
                matches!(decode::<Note>(raw), Err(DecodeError::Corrupt(_))),
                "{raw}"
            );
        }
    }

    #[test]
    fn wrong_shape_is_reported() {
        let raw = r#"{"v":3,"data":{"body":1}}"#;
        assert!(matches!(decode::<Note>(raw), Err(DecodeError::Shape(_))));
    }

    #[test]
    fn a_version_without_migration_is_reported() {
        let raw = r#"{"v":0,"data":{}}"#;
        assert_eq!(
            decode::<Note>(raw),
            Err(DecodeError::NoMigration {
                kind: "note",
                from: 0
            })
        );
    }

    #[test]
    fn a_revision_rides_along_and_old_values_read_as_revision_0() {
        let note = Note {
            body: "hi".into(),
            pinned: true,
        };
        let data = serde_json::to_string(&note).expect("encode");
        let raw = envelope(Note::VERSION, &data, Some(7));
        assert!(raw.starts_with("{\"v\":3,\"data\":{"), "{raw}");
        assert_eq!(revision(&raw), Some(7));
        assert_eq!(decode::<Note>(&raw), Ok(note.clone()));
        let old = encode(&note).expect("encode");
        assert_eq!(revision(&old), Some(0));
        assert_eq!(revision("not json"), None);
        assert_eq!(
            serde_json::from_value::<Note>(data_value::<Note>(&raw).expect("data")).ok(),
            Some(note)
        );
    }
}
