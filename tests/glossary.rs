//! One set of terms per language: no zh-Hant or zh-Hans string in the content or the locales uses a
//! term that `content/glossary.json` forbids (see the Glossary section of `content/README.md`).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::{Path, PathBuf};

const LANGS: [&str; 2] = ["zh-Hant", "zh-Hans"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A forbidden term: `except` lists longer phrases that contain it and are allowed;
/// `keywords_ok` lets it stand in talking-point keywords (what people type and say).
struct Rule {
    term: String,
    use_instead: String,
    except: Vec<String>,
    keywords_ok: bool,
}

fn rules(lang: &str) -> Vec<Rule> {
    let glossary = read_json(&root().join("content/glossary.json"));
    let list = glossary[lang]["forbidden"]
        .as_array()
        .unwrap_or_else(|| panic!("glossary.json: no {lang}.forbidden list"));
    list.iter()
        .map(|r| Rule {
            term: r["term"].as_str().expect("term").to_string(),
            use_instead: r["use"].as_str().expect("use").to_string(),
            except: r["except"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            keywords_ok: r["keywords_ok"].as_bool().unwrap_or(false),
        })
        .collect()
}

/// Every string under a key named `lang` (or every string, when `all` is set: a locale file), with
/// its JSON path and whether it sits in a `keywords` object.
fn strings(
    value: &Value,
    lang: &str,
    path: String,
    inside: bool,
    keywords: bool,
    out: &mut Vec<(String, String, bool)>,
) {
    match value {
        Value::String(s) if inside => out.push((path, s.clone(), keywords)),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                strings(v, lang, format!("{path}[{i}]"), inside, keywords, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                strings(
                    v,
                    lang,
                    format!("{path}.{k}"),
                    inside || k == lang,
                    keywords || k == "keywords",
                    out,
                );
            }
        }
        _ => {}
    }
}

/// The problems in one string: `term` found outside its allowed phrases.
fn violations(text: &str, in_keywords: bool, rules: &[Rule]) -> Vec<String> {
    rules
        .iter()
        .filter(|r| !(in_keywords && r.keywords_ok))
        .filter(|r| {
            let mut rest = text.to_string();
            for allowed in &r.except {
                rest = rest.replace(allowed.as_str(), "\u{0}");
            }
            rest.contains(r.term.as_str())
        })
        .map(|r| format!("{} (use {})", r.term, r.use_instead))
        .collect()
}

fn content_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ["content", "content/questions"]
        .iter()
        .flat_map(|dir| {
            std::fs::read_dir(root().join(dir))
                .expect(dir)
                .filter_map(|e| e.ok().map(|e| e.path()))
        })
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| !p.ends_with("glossary.json"))
        // Search words are what people type, the terms the glossary replaces included on purpose.
        .filter(|p| !p.ends_with("synonyms.json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_chinese_string_keeps_to_the_glossary() {
    let mut found = Vec::new();
    let mut scanned = 0;
    for lang in LANGS {
        let rules = rules(lang);
        assert!(!rules.is_empty(), "glossary.json lists {lang} terms");
        let mut all = Vec::new();
        for file in content_files() {
            let name = file
                .strip_prefix(root())
                .unwrap_or(&file)
                .display()
                .to_string();
            let mut list = Vec::new();
            strings(
                &read_json(&file),
                lang,
                String::new(),
                false,
                false,
                &mut list,
            );
            all.extend(
                list.into_iter()
                    .map(|(key, s, kw)| (name.clone(), key, s, kw)),
            );
        }
        let locale = root().join(format!("locales/{lang}.json"));
        let mut list = Vec::new();
        strings(
            &read_json(&locale),
            lang,
            String::new(),
            true,
            false,
            &mut list,
        );
        all.extend(
            list.into_iter()
                .map(|(key, s, kw)| (format!("locales/{lang}.json"), key, s, kw)),
        );
        scanned += all.len();
        for (file, key, text, in_keywords) in all {
            for v in violations(&text, in_keywords, &rules) {
                found.push(format!("{file} {key}: {v} in \"{text}\""));
            }
        }
    }
    assert!(scanned > 3000, "only {scanned} strings scanned");
    assert!(
        found.is_empty(),
        "terms outside the glossary:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_catches_a_forbidden_term_and_spares_the_allowed_phrases() {
    let hant = rules("zh-Hant");
    assert_eq!(violations("您如何處理客戶投訴？", false, &hant).len(), 2);
    assert!(
        violations("客戶投訴", true, &hant).is_empty(),
        "投訴 may stay as a keyword"
    );
    assert!(
        !violations("客戶投訴", false, &hant).is_empty(),
        "but not in prose"
    );
    assert!(violations("容易慌亂、生氣或防衛心強", false, &hant).is_empty());
    assert!(!violations("談到分歧時變得防衛", false, &hant).is_empty());
    let hans = rules("zh-Hans");
    assert!(violations("回答时防御心强", false, &hans).is_empty());
    assert!(!violations("谈到分歧时变得防御", false, &hans).is_empty());
    assert!(!violations("情绪沮丧的客户", false, &hans).is_empty());

    let mut list = Vec::new();
    let sample: Value = serde_json::from_str(
        r#"{"text": {"zh-Hant": {"title": "您好"}, "en": {"title": "您"}}, "talking_points": [{"keywords": {"zh-Hant": ["投訴"]}}]}"#,
    )
    .expect("sample");
    strings(&sample, "zh-Hant", String::new(), false, false, &mut list);
    assert_eq!(
        list,
        vec![
            (
                ".talking_points[0].keywords.zh-Hant[0]".to_string(),
                "投訴".to_string(),
                true
            ),
            (".text.zh-Hant.title".to_string(), "您好".to_string(), false),
        ]
    );
}
