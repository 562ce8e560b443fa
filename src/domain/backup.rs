//! The backup file: everything the user has, in one JSON file with a schema version.
//!
//! ```json
//! { "app": "cs-interview-coach", "schema": 1, "exported_ms": 1763900000000,
//!   "documents": { "attempt:a1": {"v":1,"data":{…}}, "settings:app": {…}, … },
//!   "audio": { "audio:a1:000000": "<base64>", … } }
//! ```
//!
//! Documents are the stored envelopes as they are (each keeps its own record version and migrates
//! on load), so a backup holds exactly what storage holds. Import never trusts the file: [`parse`]
//! checks every part and returns a clear error, and [`plan`] works out what is new, what is already
//! there and what differs, before anything is written.

use super::record::{decode, DecodeError, Record};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

pub const APP_ID: &str = "cs-interview-coach";
/// The schema written today. Files with a higher number come from a newer app.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub app: String,
    pub schema: u32,
    pub exported_ms: u64,
    /// `<kind>:<id>` → the stored envelope.
    pub documents: BTreeMap<String, Box<RawValue>>,
    /// Audio chunk key → its bytes, in base64.
    #[serde(default)]
    pub audio: BTreeMap<String, String>,
}

/// Why a file cannot be imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Not a backup of this app.
    NotOurs,
    /// Ours, but damaged: the detail says where.
    Corrupt(String),
    /// Written by a newer version of the app.
    Newer { found: u32, supported: u32 },
}

/// Checks one stored envelope of a known kind (running its migrations), so that nothing unreadable
/// is ever written.
fn check_document(kind: &str, raw: &str) -> Result<(), DecodeError> {
    use super::{
        attempt::Attempt,
        checklist::Checklist,
        custom::CustomQuestion,
        interview::{Candidate, Kit, Scorecard},
        library::Library,
        review::Review,
        rubric::Rubric,
        selfreview::SelfReview,
        session::Session,
        sets::PracticeSet,
        settings::Settings,
    };
    fn ok<R: Record>(raw: &str) -> Result<(), DecodeError> {
        decode::<R>(raw).map(drop)
    }
    match kind {
        k if k == Attempt::KIND => ok::<Attempt>(raw),
        k if k == Session::KIND => ok::<Session>(raw),
        k if k == Review::KIND => ok::<Review>(raw),
        k if k == Rubric::KIND => ok::<Rubric>(raw),
        k if k == SelfReview::KIND => ok::<SelfReview>(raw),
        k if k == Settings::KIND => ok::<Settings>(raw),
        k if k == Library::KIND => ok::<Library>(raw),
        k if k == CustomQuestion::KIND => ok::<CustomQuestion>(raw),
        k if k == PracticeSet::KIND => ok::<PracticeSet>(raw),
        k if k == Checklist::KIND => ok::<Checklist>(raw),
        k if k == Candidate::KIND => ok::<Candidate>(raw),
        k if k == Kit::KIND => ok::<Kit>(raw),
        k if k == Scorecard::KIND => ok::<Scorecard>(raw),
        other => Err(DecodeError::Shape(format!("unknown kind {other:?}"))),
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 200 && !id.chars().any(|c| c.is_control())
}

/// `audio:<attempt>:<6 digits>`.
fn valid_audio_key(key: &str) -> bool {
    let Some(rest) = key.strip_prefix("audio:") else {
        return false;
    };
    match rest.rsplit_once(':') {
        Some((attempt, n)) => {
            valid_id(attempt) && n.len() == 6 && n.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Checks that `text` is one of this app's files of `kind` (`None`: a backup, which has no kind)
/// and not from a newer schema than `supported`; returns it parsed.
pub(crate) fn check_header(
    text: &str,
    kind: Option<&str>,
    supported: u32,
) -> Result<Value, ImportError> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // Broken JSON: ours if it says so near the start (a truncated or edited file).
        Err(e) => {
            let head: String = text.chars().take(200).collect();
            return Err(if head.contains(&format!("\"{APP_ID}\"")) {
                ImportError::Corrupt(e.to_string())
            } else {
                ImportError::NotOurs
            });
        }
    };
    if value.get("app").and_then(Value::as_str) != Some(APP_ID)
        || value.get("kind").and_then(Value::as_str) != kind
    {
        return Err(ImportError::NotOurs);
    }
    match value.get("schema").and_then(Value::as_u64) {
        Some(found) if found > u64::from(supported) => Err(ImportError::Newer {
            found: u32::try_from(found).unwrap_or(u32::MAX),
            supported,
        }),
        Some(_) => Ok(value),
        None => Err(ImportError::Corrupt("no schema version".into())),
    }
}

/// Reads and checks a backup file.
pub fn parse(text: &str) -> Result<Backup, ImportError> {
    drop(check_header(text, None, SCHEMA)?);
    let backup: Backup =
        serde_json::from_str(text).map_err(|e| ImportError::Corrupt(e.to_string()))?;
    for (key, raw) in &backup.documents {
        let Some((kind, id)) = key.split_once(':') else {
            return Err(ImportError::Corrupt(format!("bad key {key:?}")));
        };
        if !valid_id(id) {
            return Err(ImportError::Corrupt(format!("bad key {key:?}")));
        }
        match check_document(kind, raw.get()) {
            Ok(()) => {}
            Err(DecodeError::TooNew { found, .. }) => {
                return Err(ImportError::Newer {
                    found,
                    supported: SCHEMA,
                })
            }
            Err(e) => return Err(ImportError::Corrupt(format!("{key}: {e}"))),
        }
    }
    for (key, data) in &backup.audio {
        if !valid_audio_key(key) || base64_decode(data).is_none() {
            return Err(ImportError::Corrupt(format!("bad audio {key:?}")));
        }
    }
    Ok(backup)
}

/// Writes a backup file. `documents` are `(<kind>:<id>, stored envelope)`; envelopes that are not
/// JSON are left out and returned, so the caller can say so.
pub fn export(
    documents: &[(String, String)],
    audio: &[(String, Vec<u8>)],
    now_ms: u64,
) -> (String, Vec<String>) {
    let mut skipped = Vec::new();
    let mut docs = BTreeMap::new();
    for (key, raw) in documents {
        match RawValue::from_string(raw.clone()) {
            Ok(v) => {
                docs.insert(key.clone(), v);
            }
            Err(_) => skipped.push(key.clone()),
        }
    }
    let backup = Backup {
        app: APP_ID.into(),
        schema: SCHEMA,
        exported_ms: now_ms,
        documents: docs,
        audio: audio
            .iter()
            .map(|(k, bytes)| (k.clone(), base64_encode(bytes)))
            .collect(),
    };
    (serde_json::to_string(&backup).unwrap_or_default(), skipped)
}

/// The size of the file [`export`] would write, in bytes, without building it.
pub fn export_size(documents: &[(String, String)], audio_bytes: &[(String, u64)]) -> u64 {
    let head = 80u64;
    let docs: u64 = documents
        .iter()
        .map(|(k, v)| (k.len() + v.len() + 4) as u64)
        .sum();
    let audio: u64 = audio_bytes
        .iter()
        .map(|(k, n)| k.len() as u64 + 6 + n.div_ceil(3) * 4)
        .sum();
    head + docs + audio
}

/// What an import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// Documents not stored yet: `(key, envelope)`.
    pub add: Vec<(String, String)>,
    /// Documents stored already, with different content.
    pub conflicts: Vec<(String, String)>,
    /// Documents already stored exactly so.
    pub same: usize,
    /// Audio chunks not stored yet.
    pub audio_add: Vec<String>,
    pub audio_same: usize,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.conflicts.is_empty() && self.audio_add.is_empty()
    }

    /// How many documents of each kind would be added.
    pub fn added_by_kind(&self) -> BTreeMap<String, usize> {
        let mut map = BTreeMap::new();
        for (key, _) in &self.add {
            let kind = key.split(':').next().unwrap_or("").to_string();
            *map.entry(kind).or_default() += 1;
        }
        map
    }
}

/// Works out what importing `backup` would add, given what is stored (`existing(key)` gives the
/// stored envelope) and which audio chunks exist. Equal JSON counts as the same, whatever the key
/// order or spacing.
pub fn plan(
    backup: &Backup,
    existing: &dyn Fn(&str) -> Option<String>,
    audio_present: &BTreeSet<String>,
) -> Plan {
    let mut plan = Plan::default();
    for (key, raw) in &backup.documents {
        let incoming = raw.get().to_string();
        match existing(key) {
            None => plan.add.push((key.clone(), incoming)),
            Some(stored) => {
                let a: Option<Value> = serde_json::from_str(&stored).ok();
                let b: Option<Value> = serde_json::from_str(&incoming).ok();
                if a.is_some() && a == b {
                    plan.same += 1;
                } else {
                    plan.conflicts.push((key.clone(), incoming));
                }
            }
        }
    }
    for key in backup.audio.keys() {
        if audio_present.contains(key) {
            plan.audio_same += 1;
        } else {
            plan.audio_add.push(key.clone());
        }
    }
    plan
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 != 0 {
        return None;
    }
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let quads = bytes.len() / 4;
    for (qi, q) in bytes.chunks(4).enumerate() {
        let pad = q.iter().rev().take_while(|c| **c == b'=').count();
        if pad > 2 || (pad > 0 && qi + 1 != quads) {
            return None;
        }
        let mut n = 0u32;
        for (i, c) in q.iter().enumerate() {
            let v = if i >= 4 - pad { 0 } else { value(*c)? };
            n |= v << (18 - 6 * i);
        }
        let got = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&got[..3 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::encode;
    use crate::domain::review::Review;
    use crate::domain::settings::Settings;

    type Docs = Vec<(String, String)>;
    type Chunks = Vec<(String, Vec<u8>)>;

    fn sample() -> (Docs, Chunks) {
        let mut review = Review::new("a1", 1, 5);
        review.toggle("structure/result");
        let docs = vec![
            ("review:a1".to_string(), encode(&review).expect("encode")),
            (
                "settings:app".to_string(),
                encode(&Settings::default()).expect("encode"),
            ),
        ];
        let audio = vec![("audio:a1:000000".to_string(), vec![0u8, 1, 2, 250, 255])];
        (docs, audio)
    }

    #[test]
    fn export_then_parse_gives_back_every_document_and_chunk() {
        let (docs, audio) = sample();
        let (text, skipped) = export(&docs, &audio, 42);
        assert!(skipped.is_empty());
        let size = export_size(
            &docs,
            &audio
                .iter()
                .map(|(k, b)| (k.clone(), b.len() as u64))
                .collect::<Vec<_>>(),
        );
        assert!(
            size.abs_diff(text.len() as u64) < 100,
            "{size} vs {}",
            text.len()
        );
        let b = parse(&text).expect("parse");
        assert_eq!(b.exported_ms, 42);
        assert_eq!(b.documents["review:a1"].get(), docs[0].1);
        assert_eq!(
            base64_decode(&b.audio["audio:a1:000000"]),
            Some(audio[0].1.clone())
        );
    }

    #[test]
    fn clear_errors_for_foreign_corrupt_and_newer_files() {
        assert_eq!(parse("hello").unwrap_err(), ImportError::NotOurs);
        assert_eq!(parse("{\"a\":1}").unwrap_err(), ImportError::NotOurs);
        assert_eq!(parse("[1,2]").unwrap_err(), ImportError::NotOurs);
        let (docs, audio) = sample();
        let (text, _) = export(&docs, &audio, 1);
        // Truncated: still recognisably ours.
        assert!(matches!(
            parse(&text[..text.len() / 2]),
            Err(ImportError::Corrupt(_))
        ));
        let newer = text.replacen("\"schema\":1", "\"schema\":7", 1);
        assert_eq!(
            parse(&newer).unwrap_err(),
            ImportError::Newer {
                found: 7,
                supported: 1
            }
        );
        // A document written by a newer app version.
        let newer_doc = text.replacen(
            "{\"v\":1,\"data\":{\"attempt\"",
            "{\"v\":9,\"data\":{\"attempt\"",
            1,
        );
        assert!(matches!(
            parse(&newer_doc),
            Err(ImportError::Newer { found: 9, .. })
        ));
        let bad_doc = text.replacen("\"rubric\":1", "\"rubric\":\"x\"", 1);
        assert!(matches!(parse(&bad_doc), Err(ImportError::Corrupt(_))));
        let bad_kind = text.replacen("review:a1", "virus:a1", 1);
        assert!(matches!(parse(&bad_kind), Err(ImportError::Corrupt(_))));
        let bad_audio = text.replacen("audio:a1:000000", "audio:a1:x", 1);
        assert!(matches!(parse(&bad_audio), Err(ImportError::Corrupt(_))));
    }

    #[test]
    fn the_plan_adds_new_skips_same_and_shows_conflicts() {
        let (docs, audio) = sample();
        let (text, _) = export(&docs, &audio, 1);
        let b = parse(&text).expect("parse");
        let none = plan(&b, &|_| None, &BTreeSet::new());
        assert_eq!((none.add.len(), none.audio_add.len()), (2, 1));
        assert_eq!(none.added_by_kind().get("review"), Some(&1));
        // The same data, spaced differently, is the same; changed settings conflict.
        let stored = |k: &str| match k {
            "review:a1" => Some(docs[0].1.replace(":", ": ")),
            "settings:app" => Some("{\"v\":1,\"data\":{\"locale\":\"en\"}}".to_string()),
            _ => None,
        };
        let present: BTreeSet<String> = ["audio:a1:000000".to_string()].into();
        let p = plan(&b, &stored, &present);
        assert_eq!(
            (p.add.len(), p.same, p.conflicts.len(), p.audio_same),
            (0, 1, 1, 1)
        );
        assert_eq!(p.conflicts[0].0, "settings:app");
        // Importing into data that already holds everything changes nothing.
        let all = |k: &str| {
            docs.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        assert!(plan(&b, &all, &present).is_empty());
    }

    #[test]
    fn base64_round_trips_and_rejects_garbage() {
        for n in 0..20usize {
            let bytes: Vec<u8> = (0..n as u8).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(base64_decode(&base64_encode(&bytes)), Some(bytes));
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE=");
        for bad in ["TWF", "TW=u", "T===", "TWE=TWFu", "TW!u"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }
}
