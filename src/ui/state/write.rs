//! The one write path of every store: a save over the base this tab read, merged with whatever
//! another tab wrote since (see `collection.rs` for what the screen shows).
//!
//! The work is done once, on JSON text ([`write_raw`]); [`write`] is the thin typed shim, so that
//! the wasm holds one copy of it however many kinds of record there are.

use super::notices::{Notice, Notices};
use super::sync;
use crate::domain::merge::{three_way, three_way_theirs};
use crate::domain::record::{data_value, decode, envelope, DecodeError, Record};
use crate::storage::{Base, Checked, LocalStore, StoreError};
use serde_json::Value;

/// How a save ended.
pub(super) enum Outcome<R> {
    /// Written (perhaps merged with another tab's edit): show this, with this base.
    Written(R, Base),
    /// Another tab deleted the record: it is not written back.
    Gone,
    /// Not written; a notice says why (the storage error, if it was one).
    Failed(Option<StoreError>),
}

/// What the write path needs of a kind of record, without its type.
struct Kind {
    name: &'static str,
    version: u32,
    /// A stored envelope's data at the current version (migrated if older).
    current: fn(&str) -> Result<Value, DecodeError>,
}

enum RawOutcome {
    /// Written; `merged` when `data` is no longer what was asked (another tab's edit is in it).
    Written {
        data: String,
        merged: bool,
        base: Base,
    },
    Gone,
    Failed(Option<StoreError>),
}

/// Writes `record` as record `id` over `base`, merging with whatever another tab wrote since. Pure
/// storage work plus the notice; showing the result is the caller's.
pub(super) fn write<R: Record + Clone>(
    store: &LocalStore,
    notices: Notices,
    id: &str,
    record: R,
    base: Option<Base>,
) -> Outcome<R> {
    let Ok(data) = serde_json::to_string(&record) else {
        notices.push(Notice::SaveFailed);
        return Outcome::Failed(None);
    };
    let kind = Kind {
        name: R::KIND,
        version: R::VERSION,
        current: data_value::<R>,
    };
    match write_raw(store, notices, &kind, &store.key::<R>(id), data, base) {
        RawOutcome::Written {
            data,
            merged: true,
            base,
        } => {
            let raw = envelope(R::VERSION, &data, None);
            Outcome::Written(decode::<R>(&raw).unwrap_or(record), base)
        }
        RawOutcome::Written { base, .. } => Outcome::Written(record, base),
        RawOutcome::Gone => Outcome::Gone,
        RawOutcome::Failed(e) => Outcome::Failed(e),
    }
}

fn write_raw(
    store: &LocalStore,
    notices: Notices,
    kind: &Kind,
    key: &str,
    mut data: String,
    mut base: Option<Base>,
) -> RawOutcome {
    if sync::wiped(store) {
        notices.push(Notice::WipedElsewhere);
        return RawOutcome::Failed(None);
    }
    let mut merged = false;
    // A few rounds: another tab could write again between our read and our write.
    for _ in 0..3 {
        match store.save_checked(key, kind.version, &data, base.as_ref()) {
            Ok(Checked::Written(base)) => {
                return RawOutcome::Written { data, merged, base };
            }
            Ok(Checked::Changed(None)) => {
                if base.is_some() {
                    notices.push(Notice::DeletedElsewhere);
                    return RawOutcome::Gone;
                }
                // Stored when we read it as absent, and gone again: write it as new.
                base = None;
            }
            Ok(Checked::Changed(Some(theirs))) => {
                if let Some(m) = merge(kind, base.as_ref(), &data, &theirs) {
                    data = m;
                    merged = true;
                }
                base = Some(Base::of(theirs));
            }
            Err(e) => {
                notices.report(&e);
                return RawOutcome::Failed(Some(e));
            }
        }
    }
    notices.push(Notice::SaveFailed);
    RawOutcome::Failed(None)
}

/// Our edit (`ours`, current data JSON) of `base` merged with `theirs` (another tab's stored
/// edit of it). `None`: theirs cannot be read, and ours stands.
fn merge(kind: &Kind, base: Option<&Base>, ours: &str, theirs: &str) -> Option<String> {
    let t = (kind.current)(theirs).ok()?;
    let o: Value = serde_json::from_str(ours).ok()?;
    let b = base
        .and_then(|b| (kind.current)(&b.raw).ok())
        .unwrap_or(Value::Null);
    let m = three_way(&b, &o, &t);
    let value = if m.conflicts.is_empty() || sync::keep_mine(kind.name, &m.conflicts) {
        m.value
    } else {
        three_way_theirs(&b, &o, &t)
    };
    Some(value.to_string())
}
