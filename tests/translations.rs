//! Every UI string exists in every language, with the same interpolations; English singular
//! forms (`<key>_one`) stand beside their base key; and every key is used by the code.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::Path;

const LOCALES: [&str; 3] = ["en", "zh-Hans", "zh-Hant"];

/// The suffix of an English singular form: `questions_count_one` is `questions_count` for 1.
const SINGULAR_SUFFIX: &str = "_one";

/// The base key of `key` if it is a singular form in `locale_map` (its base is there too).
fn singular_base<'a>(key: &'a str, map: &Map<String, Value>) -> Option<&'a str> {
    key.strip_suffix(SINGULAR_SUFFIX)
        .filter(|base| map.contains_key(*base))
}

fn load(locale: &str) -> Map<String, Value> {
    let path = format!("{}/locales/{locale}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        other => panic!("{path} is not a JSON object: {other:?}"),
    }
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}"))
        .map(|(name, _)| name.trim().to_string())
        .collect()
}

#[test]
fn every_key_is_in_every_locale() {
    let reference = load("en");
    for locale in LOCALES {
        let map = load(locale);
        let missing: Vec<_> = reference
            .keys()
            .filter(|k| singular_base(k, &reference).is_none() && !map.contains_key(*k))
            .collect();
        let extra: Vec<_> = map.keys().filter(|k| !reference.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(extra.is_empty(), "{locale} has keys en lacks: {extra:?}");
    }
}

#[test]
fn singular_forms_are_english_only_and_match_their_base() {
    let en = load("en");
    let mut forms = 0;
    for (key, value) in &en {
        if !key.ends_with(SINGULAR_SUFFIX) {
            continue;
        }
        let base = singular_base(key, &en)
            .unwrap_or_else(|| panic!("en.{key} is a singular form without its base key"));
        let names = placeholders(value.as_str().unwrap_or_default());
        let base_names = placeholders(en[base].as_str().unwrap_or_default());
        assert_eq!(
            names, base_names,
            "en.{key} placeholders differ from en.{base}"
        );
        assert!(
            names.contains("n"),
            "en.{key}: a singular form is chosen by {{{{ n }}}}, which en.{base} lacks"
        );
        forms += 1;
    }
    assert!(forms > 0, "en has no singular forms");
    for locale in ["zh-Hans", "zh-Hant"] {
        let singular: Vec<_> = load(locale)
            .keys()
            .filter(|k| k.ends_with(SINGULAR_SUFFIX))
            .cloned()
            .collect();
        assert!(
            singular.is_empty(),
            "{locale} has singular forms, but Chinese has no plural: {singular:?}"
        );
    }
}

/// Appends the text of every `.rs` file under `dir`, recursively.
fn read_rust_files(dir: &Path, code: &mut String) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            read_rust_files(&path, code);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            code.push_str(&text);
            code.push('\n');
        }
    }
}

/// Keys reach the code only as identifiers (`t_string!(i18n, key)`, `tx!(i18n, key)`,
/// `key::name`, or a name in `scripts/shell.mjs`): a key that appears nowhere under `src/` (or
/// in the static shell) as a whole identifier is dead text in
/// three languages. A singular form counts as used when its base key is.
#[test]
fn every_key_is_used_by_the_code() {
    let mut code = String::new();
    read_rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    // The static shell (index.html before the wasm) is written from the locale files too.
    let shell = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/shell.mjs");
    code.push_str(&std::fs::read_to_string(&shell).expect("scripts/shell.mjs"));
    let words: BTreeSet<&str> = code
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    let en = load("en");
    let unused: Vec<_> = en
        .keys()
        .filter(|k| singular_base(k, &en).is_none() && !words.contains(k.as_str()))
        .collect();
    assert!(
        unused.is_empty(),
        "keys no code under src/ uses: {unused:?}"
    );
}

#[test]
fn every_string_is_non_empty_with_the_same_placeholders() {
    let reference = load("en");
    for locale in LOCALES {
        for (key, value) in load(locale) {
            let text = value
                .as_str()
                .unwrap_or_else(|| panic!("{locale}.{key} is not a string"));
            assert!(!text.trim().is_empty(), "{locale}.{key} is empty");
            let expected = placeholders(reference[&key].as_str().unwrap_or_default());
            assert_eq!(placeholders(text), expected, "{locale}.{key} placeholders");
        }
    }
}

#[test]
fn chinese_locales_are_not_left_in_english() {
    for locale in ["zh-Hans", "zh-Hant"] {
        for (key, value) in load(locale) {
            let text = value.as_str().unwrap_or_default();
            let has_han = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(has_han, "{locale}.{key} has no Chinese: {text:?}");
        }
    }
}

#[test]
fn chinese_locales_use_full_width_punctuation() {
    let is_han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for locale in ["zh-Hans", "zh-Hant"] {
        for (key, value) in load(locale) {
            let chars: Vec<char> = value.as_str().unwrap_or_default().chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if matches!(c, ',' | ':' | ';' | '?' | '!' | '(' | ')') {
                    let near_han = chars.get(i.wrapping_sub(1)).is_some_and(|p| is_han(*p))
                        || chars.get(i + 1).is_some_and(|n| is_han(*n));
                    assert!(
                        !near_han,
                        "{locale}.{key}: half-width {c:?} in Chinese text"
                    );
                }
            }
        }
    }
}
