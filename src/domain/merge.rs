//! Three-way merge of two edits of one stored record, for two tabs that saved the same record.
//!
//! `base` is what this tab read, `ours` what it wants to write, `theirs` what another tab wrote
//! meanwhile. Objects are merged field by field, recursively; anything else (a string, a number, a
//! list) is one value. A field changed on one side only takes that side's value; changed on both
//! sides to different values, it is a conflict: the merge keeps `ours` there and names the field,
//! so that the user can be asked.

use serde_json::{Map, Value};

/// The merged value, and the paths (`notes/q1`) both sides changed differently.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub value: Value,
    pub conflicts: Vec<String>,
}

/// Merges `ours` and `theirs`, both edits of `base`.
pub fn three_way(base: &Value, ours: &Value, theirs: &Value) -> Merged {
    let mut conflicts = Vec::new();
    let value = merge_at("", base, ours, theirs, &mut conflicts);
    Merged { value, conflicts }
}

fn merge_at(
    path: &str,
    base: &Value,
    ours: &Value,
    theirs: &Value,
    conflicts: &mut Vec<String>,
) -> Value {
    if ours == theirs || theirs == base {
        return ours.clone();
    }
    if ours == base {
        return theirs.clone();
    }
    let (Value::Object(o), Value::Object(t)) = (ours, theirs) else {
        conflicts.push(if path.is_empty() {
            "/".into()
        } else {
            path.into()
        });
        return ours.clone();
    };
    let empty = Map::new();
    let b = base.as_object().unwrap_or(&empty);
    // Every field of any side, once (a set: no sort code of its own in the wasm).
    let keys: std::collections::BTreeSet<&String> =
        o.keys().chain(t.keys()).chain(b.keys()).collect();
    let mut out = Map::new();
    for key in keys {
        let at = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}/{key}")
        };
        // An absent field is `null` for the comparison; a field absent on the merged side stays out.
        let pick = |m: &Map<String, Value>| m.get(key).cloned().unwrap_or(Value::Null);
        let merged = merge_at(&at, &pick(b), &pick(o), &pick(t), conflicts);
        let explicit_null =
            o.get(key).is_some_and(Value::is_null) || t.get(key).is_some_and(Value::is_null);
        if !merged.is_null() || explicit_null {
            out.insert(key.clone(), merged);
        }
    }
    Value::Object(out)
}

/// Like [`three_way`], but every conflict takes `theirs` (the user chose the other tab's version).
pub fn three_way_theirs(base: &Value, ours: &Value, theirs: &Value) -> Value {
    three_way(base, theirs, ours).value
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn edits_of_different_fields_are_both_kept() {
        let base = json!({"name": "Ada", "notes": "", "status": "screen"});
        let ours = json!({"name": "Ada", "notes": "calm", "status": "screen"});
        let theirs = json!({"name": "Ada", "notes": "", "status": "onsite"});
        let m = three_way(&base, &ours, &theirs);
        assert_eq!(
            m.value,
            json!({"name": "Ada", "notes": "calm", "status": "onsite"})
        );
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn nested_maps_merge_key_by_key() {
        let base = json!({"ratings": {"a": 1}, "flags": {}});
        let ours = json!({"ratings": {"a": 1, "b": 4}, "flags": {}});
        let theirs = json!({"ratings": {"a": 2}, "flags": {"late": "minor"}});
        let m = three_way(&base, &ours, &theirs);
        assert_eq!(
            m.value,
            json!({"ratings": {"a": 2, "b": 4}, "flags": {"late": "minor"}})
        );
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn the_same_field_changed_both_ways_is_a_conflict_that_keeps_ours() {
        let base = json!({"notes": "x", "n": 1});
        let ours = json!({"notes": "mine", "n": 1});
        let theirs = json!({"notes": "theirs", "n": 2});
        let m = three_way(&base, &ours, &theirs);
        assert_eq!(m.value, json!({"notes": "mine", "n": 2}));
        assert_eq!(m.conflicts, vec!["notes".to_string()]);
        assert_eq!(
            three_way_theirs(&base, &ours, &theirs),
            json!({"notes": "theirs", "n": 2})
        );
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let base = json!({"stars": ["a"]});
        let both = json!({"stars": ["a", "b"]});
        let m = three_way(&base, &both, &both);
        assert_eq!(m.value, both);
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn lists_are_one_value() {
        let base = json!({"ids": ["a", "b"]});
        let ours = json!({"ids": ["b", "a"]});
        let theirs = json!({"ids": ["a", "b", "c"]});
        let m = three_way(&base, &ours, &theirs);
        assert_eq!(m.conflicts, vec!["ids".to_string()]);
        assert_eq!(m.value, ours);
    }

    #[test]
    fn a_field_added_on_one_side_and_one_removed_on_the_other() {
        let base = json!({"a": 1, "b": 2});
        let ours = json!({"a": 1, "b": 2, "c": 3});
        let theirs = json!({"a": 1});
        let m = three_way(&base, &ours, &theirs);
        assert_eq!(m.value, json!({"a": 1, "c": 3}));
        assert!(m.conflicts.is_empty());
    }
}
