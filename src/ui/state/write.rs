//! The one write path of every store: a save over the base this tab read, merged with whatever
//! another tab wrote since (see `collection.rs` for what the screen shows).

use super::notices::{Notice, Notices};
use super::sync;
use crate::domain::merge::{three_way, three_way_theirs};
use crate::domain::record::{data_value, encode, from_data, Record};
use crate::storage::{Base, Checked, LocalStore, StoreError};

/// How a save ended.
pub(super) enum Outcome<R> {
    /// Written (perhaps merged with another tab's edit): show this, with this base.
    Written(R, Base),
    /// Another tab deleted the record: it is not written back.
    Gone,
    /// Not written; a notice says why (the storage error, if it was one).
    Failed(Option<StoreError>),
}

/// Writes `record` over `base`, merging with whatever another tab wrote since. Pure storage work
/// plus the notice; showing the result is the caller's.
pub(super) fn write<R: Record + Clone>(
    store: &LocalStore,
    notices: Notices,
    id: &str,
    mut record: R,
    mut base: Option<Base>,
) -> Outcome<R> {
    if sync::wiped(store) {
        notices.push(Notice::WipedElsewhere);
        return Outcome::Failed(None);
    }
    // A few rounds: another tab could write again between our read and our write.
    for _ in 0..3 {
        match store.save_checked(id, &record, base.as_ref()) {
            Ok(Checked::Written(b)) => return Outcome::Written(record, b),
            Ok(Checked::Changed(None)) => {
                if base.is_some() {
                    notices.push(Notice::DeletedElsewhere);
                    return Outcome::Gone;
                }
                // Stored when we read it as absent, and gone again: write it as new.
                base = None;
            }
            Ok(Checked::Changed(Some(theirs))) => {
                record = merged(base.as_ref(), record, &theirs);
                base = Some(Base::of(theirs));
            }
            Err(e) => {
                notices.report(&e);
                return Outcome::Failed(Some(e));
            }
        }
    }
    notices.push(Notice::SaveFailed);
    Outcome::Failed(None)
}

/// Our edit of `base` merged with `theirs` (another tab's edit of it).
fn merged<R: Record + Clone>(base: Option<&Base>, ours: R, theirs: &str) -> R {
    let Ok(t) = data_value::<R>(theirs) else {
        // Theirs cannot be read: ours stands (the store sets unreadable values aside on load).
        return ours;
    };
    let Ok(o) = encode(&ours)
        .map_err(drop)
        .and_then(|raw| data_value::<R>(&raw).map_err(drop))
    else {
        return ours;
    };
    let b = base
        .and_then(|b| data_value::<R>(&b.raw).ok())
        .unwrap_or(serde_json::Value::Null);
    let m = three_way(&b, &o, &t);
    let value = if m.conflicts.is_empty() || sync::keep_mine(R::KIND, &m.conflicts) {
        m.value
    } else {
        three_way_theirs(&b, &o, &t)
    };
    from_data(value).unwrap_or(ours)
}
