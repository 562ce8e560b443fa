//! The backup file: everything the user has, in one JSON file with a schema version.
//!
//! ```json
//! { "app": "cs-interview-coach", "schema": 1, "exported_ms": 1763900000000,
//!   "documents": { "attempt:a1": {"v":1,"data":{…}}, "settings:app": {…}, … },
//!   "audio": { "audio:a1:000000": "<base64>", … },
//!   "set_aside": { "review:a2": "<a stored value that could not be read>" } }
//! ```
//!
//! Documents are the stored envelopes as they are (each keeps its own record version and migrates
//! on load), so a backup holds exactly what storage holds. A stored value the app cannot read is
//! not dropped from the export: it goes, as the raw text it is, under `set_aside` (optional), so
//! the file still imports and nothing is lost silently.
//!
//! Import never trusts the file. [`parse`] refuses a file only when it is not ours, from a newer
//! schema, or broken at the top level; inside a sound file each document and audio chunk is checked
//! on its own (a well-formed key, a known kind, an id from the [id alphabet](super::ids), the same
//! id inside as in the key, a size limit, a record that decodes), and one that fails is listed in
//! [`Backup::rejected`] with the reason and left out, while the rest imports. [`plan`] then works
//! out what is new, what is already there and what differs, and how many bytes it would write,
//! before anything is written.

use super::ids::{split_chunk_key, split_key, valid_id};
use super::record::{decode, DecodeError, Record};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub const APP_ID: &str = "cs-interview-coach";
/// The schema written today. Files with a higher number come from a newer app.
pub const SCHEMA: u32 = 1;
/// The largest document imported, in characters (UTF-16 code units, as the browser counts them):
/// about 2 MB of localStorage, far above anything the app writes.
pub const MAX_DOCUMENT_CHARS: usize = 1_000_000;
/// Bytes allowed per stored document for the storage prefix of its key (`csic:` is 10 bytes as
/// UTF-16; rounded up).
const KEY_PREFIX_BYTES: u64 = 16;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub app: String,
    pub schema: u32,
    pub exported_ms: u64,
    /// `<kind>:<id>` → the stored envelope. After [`parse`]: only the documents that passed.
    pub documents: BTreeMap<String, Box<RawValue>>,
    /// Audio chunk key → its bytes, in base64. After [`parse`]: only the chunks that passed.
    #[serde(default)]
    pub audio: BTreeMap<String, String>,
    /// Stored values the exporting app could not read, under their key, as the raw text they were
    /// (audio: base64). Kept so that nothing is lost; never imported.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub set_aside: BTreeMap<String, String>,
    /// Filled by [`parse`] (not part of the file): every document, chunk or set-aside entry of the
    /// file that will not be imported, with the reason.
    #[serde(skip)]
    pub rejected: Vec<(String, Rejection)>,
}

/// Why a file cannot be imported at all.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Not a backup of this app.
    NotOurs,
    /// Ours, but damaged: the detail says where.
    Corrupt(String),
    /// Written by a newer version of the app.
    Newer { found: u32, supported: u32 },
}

/// Why one entry of a file is left out of the import (the rest of the file still imports).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// The key is not `<known kind>:<valid id>`.
    BadKey,
    /// The document's own id (`inside`, cut short) is not the one in its key.
    IdMismatch { inside: String },
    /// An id the document refers to (the field named) is not a valid id.
    BadReference(&'static str),
    /// Larger than [`MAX_DOCUMENT_CHARS`].
    TooLarge { chars: usize },
    /// The envelope or the record cannot be read (the detail, cut short).
    Damaged(String),
    /// The record was written by a newer version of the app.
    Newer { found: u32, supported: u32 },
    /// An audio chunk whose key is not `audio:<valid id>:<6 digits>` or whose data is not base64.
    BadAudio,
    /// Listed under `set_aside` in the file: the exporting app could not read it either.
    SetAside,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::BadKey => write!(f, "not a valid key"),
            Rejection::IdMismatch { inside } => {
                write!(f, "the key does not match the document's id {inside:?}")
            }
            Rejection::BadReference(field) => write!(f, "{field} is not a valid id"),
            Rejection::TooLarge { chars } => write!(
                f,
                "too large ({chars} characters; the limit is {MAX_DOCUMENT_CHARS})"
            ),
            Rejection::Damaged(why) => write!(f, "damaged: {why}"),
            Rejection::Newer { found, supported } => write!(
                f,
                "written by a newer version (v{found}; this app reads up to v{supported})"
            ),
            Rejection::BadAudio => write!(f, "not a valid recording part"),
            Rejection::SetAside => write!(f, "set aside as unreadable when it was exported"),
        }
    }
}

/// At most 100 characters of `text`, for a report.
fn cut(text: &str) -> String {
    const MAX: usize = 100;
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The document kinds a backup holds.
pub const KINDS: [&str; 13] = [
    "attempt",
    "session",
    "review",
    "rubric",
    "selfreview",
    "settings",
    "library",
    "question",
    "set",
    "checklist",
    "candidate",
    "kit",
    "scorecard",
];

/// What a document says about itself: its own id (the one its key must carry) and the ids it
/// refers to that become keys or cross into panel files.
struct Inside {
    id: String,
    refs: Vec<(&'static str, String)>,
    /// What is wrong with a record that decodes but holds what the app never writes.
    problem: Option<&'static str>,
}

/// Reads one stored envelope of a known kind (running its migrations), so that nothing unreadable
/// is ever written. `None` for a kind the app does not know.
fn read_document(kind: &str, raw: &str) -> Option<Result<Inside, DecodeError>> {
    use super::{
        attempt::Attempt,
        checklist::Checklist,
        custom::CustomQuestion,
        interview::{Candidate, Kit, Scorecard},
        library::Library,
        review::Review,
        rubric::{version_id, Rubric},
        selfreview::SelfReview,
        session::Session,
        sets::PracticeSet,
        settings::Settings,
    };
    fn read<R: Record>(raw: &str, inside: impl FnOnce(R) -> Inside) -> Result<Inside, DecodeError> {
        decode::<R>(raw).map(inside)
    }
    fn own(id: impl Into<String>) -> Inside {
        Inside {
            id: id.into(),
            refs: Vec::new(),
            problem: None,
        }
    }
    Some(match kind {
        k if k == Attempt::KIND => read(raw, |r: Attempt| own(r.id)),
        k if k == Session::KIND => read(raw, |r: Session| own(r.id)),
        k if k == Review::KIND => read(raw, |r: Review| own(r.attempt)),
        k if k == Rubric::KIND => read(raw, |r: Rubric| own(version_id(r.version))),
        k if k == SelfReview::KIND => read(raw, |r: SelfReview| own(r.id)),
        k if k == Settings::KIND => read(raw, |r: Settings| Inside {
            id: Settings::ID.into(),
            refs: r
                .interviewer
                .map(|i| vec![("interviewer", i.id)])
                .unwrap_or_default(),
            problem: None,
        }),
        k if k == Library::KIND => read(raw, |_: Library| own(Library::ID)),
        k if k == CustomQuestion::KIND => read(raw, |r: CustomQuestion| own(r.id)),
        k if k == PracticeSet::KIND => read(raw, |r: PracticeSet| own(r.id)),
        k if k == Checklist::KIND => read(raw, |_: Checklist| own(Checklist::ID)),
        k if k == Candidate::KIND => read(raw, |r: Candidate| own(r.id)),
        k if k == Kit::KIND => read(raw, |r: Kit| own(r.id)),
        k if k == Scorecard::KIND => read(raw, |r: Scorecard| Inside {
            problem: (!marks_in_range(&r)).then_some("a mark is outside 1–5"),
            id: r.id,
            refs: vec![
                ("candidate", r.candidate),
                ("interviewer", r.interviewer.id),
            ],
        }),
        _ => return None,
    })
}

/// Whether every mark on `card` (scales and questions) is from 1 to 5, as the app writes them
/// (a backup's scorecards and a panel file's are held to it alike).
pub(crate) fn marks_in_range(card: &super::interview::Scorecard) -> bool {
    let mark = |m: u8| (1..=5).contains(&m);
    card.ratings.values().all(|m| mark(*m))
        && card.answers.values().all(|a| a.rating.is_none_or(mark))
}

/// A document's size in characters, as the browser counts them (UTF-16 code units).
fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The checks that need no decoding: a well-formed key of a known kind, and the size limit.
fn check_key_and_size(key: &str, raw: &str) -> Result<(), Rejection> {
    match split_key(key) {
        Some((kind, _)) if KINDS.contains(&kind) => {}
        _ => return Err(Rejection::BadKey),
    }
    // UTF-16 never has more units than UTF-8 has bytes: count only when it might matter.
    if raw.len() > MAX_DOCUMENT_CHARS {
        let chars = utf16_len(raw);
        if chars > MAX_DOCUMENT_CHARS {
            return Err(Rejection::TooLarge { chars });
        }
    }
    Ok(())
}

/// Checks one document of a file (or of storage, for an export): key, size, that it decodes, that
/// its own id is the key's and that the ids it refers to are valid.
pub fn check_document(key: &str, raw: &str) -> Result<(), Rejection> {
    check_key_and_size(key, raw)?;
    let (kind, id) = split_key(key).ok_or(Rejection::BadKey)?;
    let inside = read_document(kind, raw)
        .ok_or(Rejection::BadKey)?
        .map_err(|e| match e {
            DecodeError::TooNew {
                found, supported, ..
            } => Rejection::Newer { found, supported },
            other => Rejection::Damaged(cut(&other.to_string())),
        })?;
    if inside.id != id {
        return Err(Rejection::IdMismatch {
            inside: cut(&inside.id),
        });
    }
    if let Some((field, _)) = inside.refs.iter().find(|(_, r)| !valid_id(r)) {
        return Err(Rejection::BadReference(field));
    }
    match inside.problem {
        Some(why) => Err(Rejection::Damaged(why.into())),
        None => Ok(()),
    }
}

/// The number of bytes base64 `data` decodes to (for data that [`base64_decode`] accepts).
fn decoded_len(data: &str) -> u64 {
    let pad = data.bytes().rev().take_while(|b| *b == b'=').count().min(2);
    (data.len() / 4 * 3).saturating_sub(pad) as u64
}

/// Checks that `text` is one of this app's files of `kind` (`None`: a backup, which has no kind)
/// and not from a newer schema than `supported`. Only the top-level fields are looked at.
pub(crate) fn check_header(
    text: &str,
    kind: Option<&str>,
    supported: u32,
) -> Result<(), ImportError> {
    let head: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(v) => v,
        // Valid JSON, but not an object.
        Err(e) if e.is_data() => return Err(ImportError::NotOurs),
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
    fn field<T: serde::de::DeserializeOwned>(
        head: &BTreeMap<String, &RawValue>,
        name: &str,
    ) -> Option<T> {
        serde_json::from_str(head.get(name)?.get()).ok()
    }
    if field::<String>(&head, "app").as_deref() != Some(APP_ID)
        || field::<String>(&head, "kind").as_deref() != kind
    {
        return Err(ImportError::NotOurs);
    }
    match field::<u64>(&head, "schema") {
        Some(found) if found > u64::from(supported) => Err(ImportError::Newer {
            found: u32::try_from(found).unwrap_or(u32::MAX),
            supported,
        }),
        Some(_) => Ok(()),
        None => Err(ImportError::Corrupt("no schema version".into())),
    }
}

/// A backup file as read, before its entries are checked one by one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBackup<'a> {
    app: String,
    schema: u32,
    exported_ms: u64,
    #[serde(borrow)]
    documents: BTreeMap<String, &'a RawValue>,
    #[serde(default, borrow)]
    audio: BTreeMap<String, &'a RawValue>,
    #[serde(default, borrow)]
    set_aside: BTreeMap<String, &'a RawValue>,
}

/// Reads and checks a backup file. A file that is not ours, newer, or broken at the top level is
/// refused whole; otherwise every entry that fails its checks is listed in [`Backup::rejected`]
/// and left out, and the rest is returned.
pub fn parse(text: &str) -> Result<Backup, ImportError> {
    check_header(text, None, SCHEMA)?;
    let raw: RawBackup =
        serde_json::from_str(text).map_err(|e| ImportError::Corrupt(e.to_string()))?;
    let mut backup = Backup {
        app: raw.app,
        schema: raw.schema,
        exported_ms: raw.exported_ms,
        documents: BTreeMap::new(),
        audio: BTreeMap::new(),
        set_aside: BTreeMap::new(),
        rejected: Vec::new(),
    };
    for (key, doc) in raw.documents {
        match check_document(&key, doc.get()) {
            Ok(()) => {
                backup.documents.insert(key, doc.to_owned());
            }
            Err(why) => backup.rejected.push((key, why)),
        }
    }
    for (key, data) in raw.audio {
        let data = serde_json::from_str::<String>(data.get())
            .ok()
            .filter(|d| split_chunk_key(&key).is_some() && base64_decode(d).is_some());
        match data {
            Some(d) => {
                backup.audio.insert(key, d);
            }
            None => backup.rejected.push((key, Rejection::BadAudio)),
        }
    }
    for (key, value) in raw.set_aside {
        let text =
            serde_json::from_str::<String>(value.get()).unwrap_or_else(|_| value.get().to_string());
        backup.set_aside.insert(key.clone(), text);
        backup.rejected.push((key, Rejection::SetAside));
    }
    Ok(backup)
}

/// Writes a backup file. `documents` are the stored `(<kind>:<id>, raw value)` pairs, `audio` the
/// stored chunks. Every value goes in the file: one the importer would refuse as unreadable (not an
/// envelope, not decoding, a malformed key or a key naming another id) goes, as it is, under
/// `set_aside`, so that the file still imports whole. Returns the file and the keys set aside
/// (their number is what to tell the user).
///
/// Records from a newer app version and oversize ones stay documents: they are sound, and a newer
/// app imports them (this one lists them as rejected).
pub fn export(
    documents: &[(String, String)],
    audio: &[(String, Vec<u8>)],
    now_ms: u64,
) -> (String, Vec<String>) {
    let mut set_aside = BTreeMap::new();
    let mut docs = BTreeMap::new();
    for (key, raw) in documents {
        let keep = match check_document(key, raw) {
            Ok(()) | Err(Rejection::Newer { .. } | Rejection::TooLarge { .. }) => {
                RawValue::from_string(raw.clone()).ok()
            }
            Err(_) => None,
        };
        match keep {
            Some(v) => {
                set_aside.remove(key);
                docs.insert(key.clone(), v);
            }
            None => {
                docs.remove(key);
                set_aside.insert(key.clone(), raw.clone());
            }
        }
    }
    let mut chunks = BTreeMap::new();
    for (key, bytes) in audio {
        let data = base64_encode(bytes);
        if split_chunk_key(key).is_some() {
            chunks.insert(key.clone(), data);
        } else {
            set_aside.insert(key.clone(), data);
        }
    }
    let aside: Vec<String> = set_aside.keys().cloned().collect();
    let backup = Backup {
        app: APP_ID.into(),
        schema: SCHEMA,
        exported_ms: now_ms,
        documents: docs,
        audio: chunks,
        set_aside,
        rejected: Vec::new(),
    };
    (serde_json::to_string(&backup).unwrap_or_default(), aside)
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

/// The bytes a document takes in localStorage: key (with the store's prefix) and value, as UTF-16.
fn stored_bytes(key: &str, raw: &str) -> u64 {
    KEY_PREFIX_BYTES + 2 * (utf16_len(key) + utf16_len(raw)) as u64
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
    /// Bytes the import writes without replacing conflicts: the documents added (as UTF-16, as
    /// localStorage counts them, keys included) and the audio chunks added (decoded).
    pub bytes: u64,
    /// Bytes the conflicting documents take, if they replace what is stored (counted whole: what
    /// they replace is not subtracted).
    pub replace_bytes: u64,
    /// What in the file is not imported, with why (see [`Backup::rejected`]).
    pub rejected: Vec<(String, Rejection)>,
}

/// Not enough room for an import: it needs `needed` bytes and storage has `free`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooBig {
    pub needed: u64,
    pub free: u64,
}

impl fmt::Display for TooBig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the import needs {} bytes; storage has {} free",
            self.needed, self.free
        )
    }
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

    /// The bytes the import writes, with the conflicts replaced or not.
    pub fn needed(&self, replace: bool) -> u64 {
        self.bytes + if replace { self.replace_bytes } else { 0 }
    }

    /// Whether the import (conflicts not replaced) fits in `free` bytes; `None` (storage does not
    /// say) lets it go ahead.
    pub fn check_room(&self, free: Option<u64>) -> Result<(), TooBig> {
        room(self.needed(false), free)
    }

    /// Whether the import with the conflicts replaced fits in `free` bytes.
    pub fn check_room_replacing(&self, free: Option<u64>) -> Result<(), TooBig> {
        room(self.needed(true), free)
    }
}

fn room(needed: u64, free: Option<u64>) -> Result<(), TooBig> {
    match free {
        Some(free) if needed > free => Err(TooBig { needed, free }),
        _ => Ok(()),
    }
}

/// Works out what importing `backup` would add, given what is stored (`existing(key)` gives the
/// stored envelope) and which audio chunks exist. Equal JSON counts as the same, whatever the key
/// order or spacing. Keys are checked again (a `Backup` may be built by hand): one that is not
/// well-formed is never planned for writing.
pub fn plan(
    backup: &Backup,
    existing: &dyn Fn(&str) -> Option<String>,
    audio_present: &BTreeSet<String>,
) -> Plan {
    let mut plan = Plan {
        rejected: backup.rejected.clone(),
        ..Plan::default()
    };
    for (key, raw) in &backup.documents {
        let incoming = raw.get().to_string();
        if let Err(why) = check_key_and_size(key, &incoming) {
            plan.rejected.push((key.clone(), why));
            continue;
        }
        match existing(key) {
            None => {
                plan.bytes += stored_bytes(key, &incoming);
                plan.add.push((key.clone(), incoming));
            }
            Some(stored) => {
                let a: Option<serde_json::Value> = serde_json::from_str(&stored).ok();
                let b: Option<serde_json::Value> = serde_json::from_str(&incoming).ok();
                if a.is_some() && a == b {
                    plan.same += 1;
                } else {
                    plan.replace_bytes += stored_bytes(key, &incoming);
                    plan.conflicts.push((key.clone(), incoming));
                }
            }
        }
    }
    for (key, data) in &backup.audio {
        if split_chunk_key(key).is_none() || data.len() % 4 != 0 {
            plan.rejected.push((key.clone(), Rejection::BadAudio));
        } else if audio_present.contains(key) {
            plan.audio_same += 1;
        } else {
            plan.bytes += decoded_len(data);
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
    use crate::domain::attempt::{Attempt, TranscriptSource};
    use crate::domain::checklist::Checklist;
    use crate::domain::content::Category;
    use crate::domain::custom::CustomQuestion;
    use crate::domain::delivery::{Envelope, RATE};
    use crate::domain::interview::{builtin as kits, Candidate, Interviewer, Scorecard};
    use crate::domain::library::Library;
    use crate::domain::locale::Lang;
    use crate::domain::record::encode;
    use crate::domain::review::Review;
    use crate::domain::rubric::{builtin as rubric, version_id};
    use crate::domain::selfreview::SelfReview;
    use crate::domain::session::Session;
    use crate::domain::sets::PracticeSet;
    use crate::domain::settings::Settings;
    use crate::domain::timer::Timer;

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

    fn doc<R: Record>(id: &str, record: &R) -> (String, String) {
        (format!("{}:{id}", R::KIND), encode(record).expect("encode"))
    }

    fn me() -> Interviewer {
        Interviewer {
            id: "custom-iv-1".into(),
            name: "Ann".into(),
        }
    }

    /// One document of every kind, each under its own id.
    fn every_kind() -> Docs {
        let kit = kits().kits[0].clone();
        let mut rubric2 = rubric();
        rubric2.version = 2;
        vec![
            doc(
                "custom-a-1",
                &Attempt::start("custom-a-1".into(), "custom-s-1", "angry-customer", "", 1),
            ),
            doc(
                "custom-s-1",
                &Session::new(
                    "custom-s-1".into(),
                    vec!["angry-customer".into()],
                    1,
                    Timer::new(1_000, 2_000, false),
                ),
            ),
            doc("custom-a-1", &Review::new("custom-a-1", 2, 1)),
            doc(&version_id(2), &rubric2),
            doc("custom-r-1", &SelfReview::new("custom-r-1".into(), 1)),
            doc(
                Settings::ID,
                &Settings {
                    interviewer: Some(me()),
                    ..Settings::default()
                },
            ),
            doc(Library::ID, &Library::default()),
            doc(
                "custom-q-1",
                &CustomQuestion {
                    id: "custom-q-1".into(),
                    lang: Lang::En,
                    category: Category::ALL[0],
                    difficulty: 2,
                    think_seconds: 10,
                    answer_seconds: 60,
                    title: "Why us?".into(),
                    looking_for: String::new(),
                    structure: vec![],
                    good_signals: vec![],
                    warning_signs: vec![],
                    talking_points: vec![],
                },
            ),
            doc(
                "custom-set-1",
                &PracticeSet {
                    id: "custom-set-1".into(),
                    name: "Mine".into(),
                    question_ids: vec!["angry-customer".into()],
                },
            ),
            doc(Checklist::ID, &Checklist::default()),
            doc(
                "custom-c-1",
                &Candidate {
                    id: "custom-c-1".into(),
                    name: "Li".into(),
                    ..Candidate::default()
                },
            ),
            doc(&kit.id, &kit),
            doc(
                "custom-i-1",
                &Scorecard::new("custom-i-1".into(), "custom-c-1", &me(), &kit, "Phone", 1),
            ),
        ]
    }

    /// A file with exactly `documents`, as they are (nothing checked on the way out).
    fn file_with(documents: &[(String, String)]) -> String {
        let docs: Vec<String> = documents
            .iter()
            .map(|(k, v)| format!("{}:{v}", serde_json::to_string(k).expect("key")))
            .collect();
        format!(
            "{{\"app\":\"{APP_ID}\",\"schema\":1,\"exported_ms\":1,\"documents\":{{{}}}}}",
            docs.join(",")
        )
    }

    fn rejected_keys(b: &Backup) -> Vec<&str> {
        b.rejected.iter().map(|(k, _)| k.as_str()).collect()
    }

    #[test]
    fn export_then_parse_gives_back_every_document_and_chunk() {
        let (docs, audio) = sample();
        let (text, set_aside) = export(&docs, &audio, 42);
        assert!(set_aside.is_empty());
        assert!(
            !text.contains("set_aside"),
            "no set_aside field when nothing is"
        );
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
        assert!(b.rejected.is_empty());
        assert_eq!(b.documents["review:a1"].get(), docs[0].1);
        assert_eq!(
            base64_decode(&b.audio["audio:a1:000000"]),
            Some(audio[0].1.clone())
        );
    }

    #[test]
    fn an_attempt_with_an_envelope_and_a_transcript_survives_export_and_parse() {
        let mut a = Attempt::start("a1".into(), "s1", "angry-customer", "audio/webm", 1);
        a.saved_chunk(5, 2_000);
        a.finish(2_000);
        a.envelope = Some(Envelope {
            rate: RATE,
            levels: vec![0, 3, 80, 100, 80, 2],
        });
        a.set_transcript("我会先道歉。", TranscriptSource::Device, "zh-CN", 3_000);
        let (mut docs, audio) = sample();
        docs.push(doc("a1", &a));
        let (text, set_aside) = export(&docs, &audio, 1);
        assert!(set_aside.is_empty());
        assert!(text.contains("\"levels\":\"000350645002\""), "{text}");
        let b = parse(&text).expect("parse");
        assert!(b.rejected.is_empty(), "{:?}", b.rejected);
        let back = decode::<Attempt>(b.documents["attempt:a1"].get()).expect("decode");
        assert_eq!(back.envelope, a.envelope);
        assert_eq!(back.transcript, a.transcript);
        assert_eq!(back, a);
        assert_eq!(plan(&b, &|_| None, &BTreeSet::new()).add.len(), 3);
    }

    #[test]
    fn a_backup_holding_a_v1_attempt_imports_and_the_attempt_migrates() {
        let v1 = r#"{"v":1,"data":{"id":"a1","session":"s1","question":"angry-customer","started_ms":1,"duration_ms":2000,"text":"I would listen.","state":"complete"}}"#;
        let (text, set_aside) = export(&[("attempt:a1".into(), v1.into())], &[], 1);
        assert!(set_aside.is_empty(), "a v1 attempt is sound: a document");
        for file in [text, file_with(&[("attempt:a1".into(), v1.into())])] {
            let b = parse(&file).expect("parse");
            assert!(b.rejected.is_empty(), "{:?}", b.rejected);
            let p = plan(&b, &|_| None, &BTreeSet::new());
            // Written as it is: it migrates when it is loaded, like everything stored.
            assert_eq!(p.add, [("attempt:a1".to_string(), v1.to_string())]);
            let a = decode::<Attempt>(&p.add[0].1).expect("migrated");
            assert_eq!(a.words(), Some(("I would listen.", false)));
            assert_eq!((a.envelope, a.transcript), (None, None));
        }
    }

    #[test]
    fn every_kind_is_accepted_under_its_own_id() {
        let docs = every_kind();
        assert_eq!(docs.len(), KINDS.len());
        for (key, raw) in &docs {
            assert_eq!(check_document(key, raw), Ok(()), "{key}");
        }
        let (text, set_aside) = export(&docs, &[], 1);
        assert!(set_aside.is_empty());
        let b = parse(&text).expect("parse");
        assert!(b.rejected.is_empty(), "{:?}", b.rejected);
        assert_eq!(plan(&b, &|_| None, &BTreeSet::new()).add.len(), KINDS.len());
    }

    #[test]
    fn foreign_truncated_and_newer_files_are_refused_whole() {
        assert_eq!(parse("hello").unwrap_err(), ImportError::NotOurs);
        assert_eq!(parse("{\"a\":1}").unwrap_err(), ImportError::NotOurs);
        assert_eq!(parse("[1,2]").unwrap_err(), ImportError::NotOurs);
        assert_eq!(
            parse("\"cs-interview-coach\"").unwrap_err(),
            ImportError::NotOurs
        );
        let (docs, audio) = sample();
        let (text, _) = export(&docs, &audio, 1);
        // Truncated: still recognisably ours.
        assert!(matches!(
            parse(&text[..text.len() / 2]),
            Err(ImportError::Corrupt(_))
        ));
        assert!(matches!(
            parse("{\"app\":\"cs-interview-coach\",\"schema\":1,\"exported_ms\":1,\"documents\":{\"attempt:x\":{\"v\":1,\"da"),
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
        // A panel file is not a backup.
        let panel = text.replacen("\"schema\":1", "\"kind\":\"panel\",\"schema\":1", 1);
        assert_eq!(parse(&panel).unwrap_err(), ImportError::NotOurs);
    }

    #[test]
    fn a_file_broken_at_the_top_level_is_corrupt() {
        let head = "{\"app\":\"cs-interview-coach\",\"schema\":1";
        for bad in [
            format!("{head}}}"),
            format!("{head},\"exported_ms\":\"x\",\"documents\":{{}}}}"),
            format!("{head},\"exported_ms\":1,\"documents\":[]}}"),
            format!("{head},\"exported_ms\":1,\"documents\":{{}},\"audio\":[]}}"),
            format!("{head},\"exported_ms\":1,\"documents\":{{}},\"set_aside\":7}}"),
            format!("{head},\"exported_ms\":1,\"documents\":{{}},\"virus\":1}}"),
            format!("{head},\"exported_ms\":1,\"documents\":{{}},\"documents\":{{}}}}"),
            "{\"app\":\"cs-interview-coach\",\"exported_ms\":1,\"documents\":{}}".to_string(),
            "{\"app\":\"cs-interview-coach\",\"schema\":-1,\"exported_ms\":1,\"documents\":{}}"
                .to_string(),
        ] {
            assert!(matches!(parse(&bad), Err(ImportError::Corrupt(_))), "{bad}");
        }
        // The optional set_aside field is allowed.
        let ok = format!("{head},\"exported_ms\":1,\"documents\":{{}},\"set_aside\":{{}}}}");
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn one_damaged_document_is_rejected_and_the_rest_still_imports() {
        let (docs, audio) = sample();
        let (text, _) = export(&docs, &audio, 1);
        let bad_doc = text.replacen("\"rubric\":1", "\"rubric\":\"x\"", 1);
        let b = parse(&bad_doc).expect("the file is still read");
        assert_eq!(rejected_keys(&b), ["review:a1"]);
        assert!(matches!(b.rejected[0].1, Rejection::Damaged(_)));
        let p = plan(&b, &|_| None, &BTreeSet::new());
        assert_eq!(p.add.len(), 1);
        assert_eq!(p.add[0].0, "settings:app");
        assert_eq!(p.audio_add.len(), 1);
        assert_eq!(p.rejected.len(), 1);
        // Not even an envelope.
        let not_envelope = text.replacen(
            "{\"v\":1,\"data\":{\"attempt\"",
            "{\"w\":1,\"data\":{\"attempt\"",
            1,
        );
        let b = parse(&not_envelope).expect("read");
        assert_eq!(rejected_keys(&b), ["review:a1"]);
    }

    #[test]
    fn a_newer_document_is_rejected_alone_not_the_file() {
        let (docs, audio) = sample();
        let (text, _) = export(&docs, &audio, 1);
        let newer_doc = text.replacen(
            "{\"v\":1,\"data\":{\"attempt\"",
            "{\"v\":9,\"data\":{\"attempt\"",
            1,
        );
        let b = parse(&newer_doc).expect("read");
        assert_eq!(
            b.rejected,
            [(
                "review:a1".to_string(),
                Rejection::Newer {
                    found: 9,
                    supported: 1
                }
            )]
        );
        assert_eq!(b.documents.len(), 1);
    }

    #[test]
    fn keys_with_hostile_ids_or_unknown_kinds_are_rejected() {
        let raw = encode(&Review::new("a1", 1, 1)).expect("encode");
        let long = format!("review:{}", "a".repeat(101));
        let hostile = [
            "virus:a1",
            "review",
            "review:",
            ":a1",
            "review:../a1",
            "review:..",
            "review:a1/../../x",
            "review:a:b",
            "review:a 1",
            "review:a\u{0}",
            "review:ä",
            "REVIEW:a1",
            long.as_str(),
        ];
        let docs: Docs = hostile
            .iter()
            .map(|k| (k.to_string(), raw.clone()))
            .chain([("review:a1".to_string(), raw.clone())])
            .collect();
        let b = parse(&file_with(&docs)).expect("read");
        assert_eq!(b.documents.keys().collect::<Vec<_>>(), ["review:a1"]);
        assert_eq!(b.rejected.len(), hostile.len());
        for (key, why) in &b.rejected {
            assert_eq!(*why, Rejection::BadKey, "{key:?}");
        }
        let p = plan(&b, &|_| None, &BTreeSet::new());
        assert_eq!(p.add.len(), 1);
    }

    #[test]
    fn a_key_naming_another_id_than_the_document_is_rejected() {
        for (key, raw) in every_kind() {
            let (kind, _) = key.split_once(':').expect("key");
            let other = format!("{kind}:someone-else");
            assert!(
                matches!(
                    check_document(&other, &raw),
                    Err(Rejection::IdMismatch { .. })
                ),
                "{other}"
            );
        }
        // A review is keyed by its attempt, a rubric by its version.
        let review = encode(&Review::new("a1", 1, 1)).expect("encode");
        assert_eq!(
            check_document("review:a2", &review),
            Err(Rejection::IdMismatch {
                inside: "a1".into()
            })
        );
        let r = encode(&rubric()).expect("encode");
        assert_eq!(check_document("rubric:000001", &r), Ok(()));
        assert!(check_document("rubric:1", &r).is_err());
        assert!(check_document("rubric:000002", &r).is_err());
        // The id inside may itself be hostile: it never matches a valid key.
        let evil = encode(&Review::new("../a1", 1, 1)).expect("encode");
        let b = parse(&file_with(&[("review:a1".into(), evil)])).expect("read");
        assert!(b.documents.is_empty());
        assert!(matches!(b.rejected[0].1, Rejection::IdMismatch { .. }));
    }

    #[test]
    fn hostile_ids_a_document_refers_to_are_rejected() {
        let kit = kits().kits[0].clone();
        let card = Scorecard::new("s1".into(), "../c1", &me(), &kit, "Phone", 1);
        assert_eq!(
            check_document("scorecard:s1", &encode(&card).expect("encode")),
            Err(Rejection::BadReference("candidate"))
        );
        let mut card = Scorecard::new("s1".into(), "c1", &me(), &kit, "Phone", 1);
        card.interviewer.id = "a:b".into();
        assert_eq!(
            check_document("scorecard:s1", &encode(&card).expect("encode")),
            Err(Rejection::BadReference("interviewer"))
        );
        let settings = Settings {
            interviewer: Some(Interviewer {
                id: String::new(),
                name: "x".into(),
            }),
            ..Settings::default()
        };
        assert_eq!(
            check_document("settings:app", &encode(&settings).expect("encode")),
            Err(Rejection::BadReference("interviewer"))
        );
    }

    #[test]
    fn a_scorecard_with_a_mark_outside_one_to_five_is_rejected() {
        let kit = kits().kits[0].clone();
        let mut card = Scorecard::new("s1".into(), "c1", &me(), &kit, "Phone", 1);
        card.rate_scale("criteria/skills".into(), 5);
        card.rate_question("q1".into(), 1);
        assert_eq!(
            check_document("scorecard:s1", &encode(&card).expect("e")),
            Ok(())
        );
        for bad in [0, 6] {
            let mut c = card.clone();
            c.rate_scale("criteria/skills".into(), bad);
            assert!(matches!(
                check_document("scorecard:s1", &encode(&c).expect("e")),
                Err(Rejection::Damaged(_))
            ));
            let mut c = card.clone();
            c.rate_question("q1".into(), bad);
            assert!(check_document("scorecard:s1", &encode(&c).expect("e")).is_err());
        }
    }

    #[test]
    fn an_oversize_document_is_rejected() {
        let mut sr = SelfReview::new("s1".into(), 1);
        sr.feedback = "x".repeat(MAX_DOCUMENT_CHARS);
        let raw = encode(&sr).expect("encode");
        assert!(matches!(
            check_document("selfreview:s1", &raw),
            Err(Rejection::TooLarge { chars }) if chars > MAX_DOCUMENT_CHARS
        ));
        // Counted in UTF-16 units: 400,000 CJK characters are 1.2 MB of UTF-8 but fit.
        sr.feedback = "好".repeat(400_000);
        assert_eq!(
            check_document("selfreview:s1", &encode(&sr).expect("encode")),
            Ok(())
        );
        let (docs, _) = sample();
        let mut docs = docs;
        docs.push(("selfreview:s1".into(), raw));
        let (text, set_aside) = export(&docs, &[], 1);
        assert!(set_aside.is_empty(), "a sound record is kept as a document");
        let b = parse(&text).expect("read");
        assert_eq!(rejected_keys(&b), ["selfreview:s1"]);
        assert_eq!(plan(&b, &|_| None, &BTreeSet::new()).add.len(), 2);
    }

    #[test]
    fn hostile_audio_keys_and_bad_base64_are_rejected() {
        let (docs, audio) = sample();
        let (text, _) = export(&docs, &audio, 1);
        for bad in [
            "audio:a1:x",
            "audio:a1:00000",
            "audio:a1:0000000",
            "audio:../a1:000000",
            "audio:a:1:000000",
            "audio::000000",
            "a1:000000",
        ] {
            let b = parse(&text.replacen("audio:a1:000000", bad, 1)).expect("read");
            assert!(b.audio.is_empty(), "{bad}");
            assert_eq!(b.rejected, [(bad.to_string(), Rejection::BadAudio)]);
            assert_eq!(b.documents.len(), 2, "the documents still import");
        }
        let (_, data) = text.split_once("\"audio:a1:000000\":\"").expect("audio");
        let data = &data[..data.find('"').expect("end")];
        for bad in ["\"AAE\"", "\"!!!!\"", "5", "null", "{}"] {
            let b = parse(&text.replacen(&format!("\"{data}\""), bad, 1)).expect("read");
            assert!(b.audio.is_empty(), "{bad}");
            assert_eq!(b.rejected.len(), 1);
        }
    }

    #[test]
    fn an_unreadable_stored_record_is_exported_set_aside_and_the_file_still_imports() {
        let (mut docs, audio) = sample();
        docs.push(("review:a2".into(), "{\"v\":1,\"da".into()));
        docs.push(("session:s1".into(), "{\"v\":1,\"data\":{\"id\":5}}".into()));
        docs.push(("unreadable:review:a3:17".into(), "garbage".into()));
        docs.push((
            "review:a4".into(),
            encode(&Review::new("a5", 1, 1)).expect("e"),
        ));
        let mut audio = audio;
        audio.push(("audio:../x:000000".into(), vec![1, 2]));
        let (text, set_aside) = export(&docs, &audio, 1);
        assert_eq!(
            set_aside,
            [
                "audio:../x:000000",
                "review:a2",
                "review:a4",
                "session:s1",
                "unreadable:review:a3:17"
            ]
        );
        let b = parse(&text).expect("the file imports");
        assert_eq!(b.documents.len(), 2);
        assert_eq!(b.audio.len(), 1);
        assert_eq!(b.set_aside["review:a2"], "{\"v\":1,\"da");
        assert_eq!(b.rejected.len(), 5);
        assert!(b
            .rejected
            .iter()
            .all(|(_, why)| *why == Rejection::SetAside));
        let p = plan(&b, &|_| None, &BTreeSet::new());
        assert_eq!(
            (p.add.len(), p.audio_add.len(), p.rejected.len()),
            (2, 1, 5)
        );
        assert!(p.add.iter().all(|(k, _)| !set_aside.contains(k)));
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
    fn the_plan_counts_the_bytes_it_would_write_and_refuses_what_does_not_fit() {
        let (docs, audio) = sample();
        let (text, _) = export(&docs, &audio, 1);
        let b = parse(&text).expect("parse");
        let p = plan(&b, &|_| None, &BTreeSet::new());
        let doc_bytes: u64 = docs
            .iter()
            .map(|(k, v)| KEY_PREFIX_BYTES + 2 * (k.len() + v.len()) as u64)
            .sum();
        assert_eq!(p.bytes, doc_bytes + 5, "documents as UTF-16, audio decoded");
        assert_eq!(p.replace_bytes, 0);
        assert_eq!(p.check_room(None), Ok(()));
        assert_eq!(p.check_room(Some(p.bytes)), Ok(()));
        assert_eq!(
            p.check_room(Some(p.bytes - 1)),
            Err(TooBig {
                needed: p.bytes,
                free: p.bytes - 1
            })
        );
        // A conflict counts only when it replaces what is stored.
        let stored = |k: &str| (k == "settings:app").then(|| "{\"v\":1,\"data\":{}}".to_string());
        let p = plan(&b, &stored, &BTreeSet::new());
        assert!(p.replace_bytes > 0);
        assert_eq!(p.check_room(Some(p.bytes)), Ok(()));
        assert!(p.check_room_replacing(Some(p.bytes)).is_err());
        assert_eq!(p.check_room_replacing(Some(p.needed(true))), Ok(()));
        // Non-ASCII text counts as the browser counts it.
        let mut sr = SelfReview::new("s1".into(), 1);
        sr.feedback = "好😀".into();
        let raw = encode(&sr).expect("encode");
        let (text, _) = export(&[("selfreview:s1".into(), raw.clone())], &[], 1);
        let p = plan(&parse(&text).expect("parse"), &|_| None, &BTreeSet::new());
        assert_eq!(
            p.bytes,
            KEY_PREFIX_BYTES + 2 * ("selfreview:s1".len() + raw.encode_utf16().count()) as u64
        );
        assert_eq!(decoded_len(&base64_encode(&[1, 2, 3, 4])), 4);
        assert_eq!(decoded_len(&base64_encode(&[1, 2, 3])), 3);
        assert_eq!(decoded_len(""), 0);
    }

    #[test]
    fn a_hand_built_backup_with_a_hostile_key_is_not_planned() {
        let (docs, audio) = sample();
        let (text, _) = export(&docs, &audio, 1);
        let mut b = parse(&text).expect("parse");
        let raw = b.documents["review:a1"].clone();
        b.documents.insert("review:../../x".into(), raw);
        b.audio.insert("audio:a/b:000000".into(), "AAAA".into());
        let p = plan(&b, &|_| None, &BTreeSet::new());
        assert_eq!(
            (p.add.len(), p.audio_add.len(), p.rejected.len()),
            (2, 1, 2)
        );
        assert!(p.add.iter().all(|(k, _)| k != "review:../../x"));
    }

    #[test]
    fn reported_reasons_are_short_and_readable() {
        let long = "é".repeat(500);
        assert_eq!(cut(&long).chars().count(), 101);
        assert_eq!(cut("ab"), "ab");
        let why = Rejection::IdMismatch {
            inside: "a1".into(),
        };
        assert!(why.to_string().contains("a1"));
        assert!(Rejection::TooLarge { chars: 2_000_000 }
            .to_string()
            .contains("1000000"));
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
