//! The id alphabet, and the storage keys built from ids.
//!
//! Every id the app makes is short and plain: `custom-<base36>-<base36>` from
//! [`new_id`](super::custom::new_id), the built-in slugs (`angry-customer`, `phone-screen`), the
//! fixed ids of single documents (`app`, `me`, `prep`) and rubric versions (`000002`). An id from a
//! file is checked against that alphabet before it becomes part of a key, so that no imported id
//! can reach outside its own key (`../x`, `a:b`), hide in the UI (control characters) or grow a key
//! without bound.

/// The longest id accepted, in characters.
pub const MAX_ID: usize = 100;

/// 1 to [`MAX_ID`] characters of `A-Z a-z 0-9 - _`.
pub fn valid_id(id: &str) -> bool {
    (1..=MAX_ID).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A document kind: 1 to 20 lower-case ASCII letters.
fn valid_kind(kind: &str) -> bool {
    (1..=20).contains(&kind.len()) && kind.bytes().all(|b| b.is_ascii_lowercase())
}

/// Splits a document key `<kind>:<id>` into its kind and id, if both are well-formed. (Whether the
/// kind is one the app knows is the caller's business.)
pub fn split_key(key: &str) -> Option<(&str, &str)> {
    let (kind, id) = key.split_once(':')?;
    (valid_kind(kind) && valid_id(id)).then_some((kind, id))
}

/// Splits an audio chunk key `audio:<attempt id>:<6 digits>` into the attempt's id and the chunk
/// number, if it is well-formed (the number is exactly 6 digits, as
/// [`chunk_key`](super::attempt::chunk_key) writes it).
pub fn split_chunk_key(key: &str) -> Option<(&str, u32)> {
    let (attempt, n) = key.strip_prefix("audio:")?.split_once(':')?;
    if !valid_id(attempt) || n.len() != 6 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((attempt, n.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::attempt::chunk_key;
    use crate::domain::checklist::{self, Checklist};
    use crate::domain::content::parse_question;
    use crate::domain::custom::new_id;
    use crate::domain::interview::builtin;
    use crate::domain::library::Library;
    use crate::domain::rubric::version_id;
    use crate::domain::sets::BuiltinSet;
    use crate::domain::settings::Settings;

    #[test]
    fn every_id_the_app_makes_is_valid() {
        for now in [
            0.0,
            1.0,
            1_763_900_000_000.0,
            9.0e15,
            f64::MAX,
            -5.0,
            f64::NAN,
        ] {
            for random in [0.0, 0.25, 0.999_999, 1.0, -1.0, 2.0, f64::NAN] {
                let id = new_id(now, random);
                assert!(valid_id(&id), "{id}");
            }
        }
        for id in [Settings::ID, Library::ID, Checklist::ID] {
            assert!(valid_id(id), "{id}");
        }
        for v in [0, 1, 2, 999_999, u32::MAX] {
            assert!(valid_id(&version_id(v)), "{v}");
        }
        assert_eq!(version_id(2), "000002");
        for s in BuiltinSet::ALL {
            assert!(valid_id(s.id()), "{}", s.id());
        }
        for item in checklist::ITEMS {
            assert!(valid_id(item), "{item}");
        }
        let kits = builtin();
        assert!(!kits.kits.is_empty());
        for k in &kits.kits {
            assert!(valid_id(&k.id), "{}", k.id);
            for s in &k.sections {
                assert!(valid_id(&s.id), "{}", s.id);
                for q in &s.questions {
                    assert!(valid_id(q), "{q}");
                }
            }
        }
        for t in &kits.traits {
            assert!(valid_id(&t.id), "{}", t.id);
        }
    }

    #[test]
    fn every_built_in_question_id_is_valid() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content/questions");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("content/questions") {
            let path = entry.expect("entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read");
            let q = parse_question(&text).expect("question");
            assert!(valid_id(&q.id), "{}", q.id);
            n += 1;
        }
        assert!(n >= 30, "{n} questions");
    }

    #[test]
    fn hostile_ids_are_refused() {
        let long = "a".repeat(MAX_ID + 1);
        for bad in [
            "",
            "../x",
            "..",
            ".",
            "a/b",
            "a:b",
            "a b",
            " a",
            "a\n",
            "a\u{0}",
            "a\u{7f}",
            "é",
            "ａ",
            "a\u{200b}",
            "%2e%2e",
            "a.b",
            "a\\b",
            long.as_str(),
        ] {
            assert!(!valid_id(bad), "{bad:?}");
        }
        assert!(valid_id(&"a".repeat(MAX_ID)));
        assert!(valid_id("Z_9-x"));
    }

    #[test]
    fn document_keys_split_into_kind_and_valid_id() {
        assert_eq!(split_key("review:a1"), Some(("review", "a1")));
        assert_eq!(split_key("rubric:000002"), Some(("rubric", "000002")));
        for bad in [
            "review",
            "review:",
            ":a1",
            "review:a:b",
            "review:../x",
            "Review:a1",
            "re view:a1",
            "review:a 1",
        ] {
            assert_eq!(split_key(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn chunk_keys_need_a_valid_attempt_and_exactly_six_digits() {
        assert_eq!(split_chunk_key(&chunk_key("a1", 0)), Some(("a1", 0)));
        assert_eq!(split_chunk_key(&chunk_key("a1", 123)), Some(("a1", 123)));
        assert_eq!(
            split_chunk_key("audio:custom-abc-12:999999"),
            Some(("custom-abc-12", 999_999))
        );
        for bad in [
            "audio:a1:00000",
            "audio:a1:0000000",
            "audio:a1:00000x",
            "audio:a1:+00000",
            "audio:a1:-00001",
            "audio:a1:",
            "audio::000000",
            "audio:../a1:000000",
            "audio:a:b:000000",
            "audio:a1",
            "video:a1:000000",
            "audio:a1:٠٠٠٠٠٠",
        ] {
            assert_eq!(split_chunk_key(bad), None, "{bad:?}");
        }
    }
}
