//! The interviewer's guide: the employer's guide's (seed 002) advice on running the process, as data
//! in three languages (`content/guide.json`), each item with its source section like the questions.

use super::content::{PerLang, Source};
use serde::Deserialize;
use std::collections::BTreeSet;

pub const GUIDE_JSON: &str = include_str!("../../content/guide.json");

/// One piece of advice.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideItem {
    pub id: String,
    pub sources: Vec<Source>,
    pub title: PerLang<String>,
    pub text: PerLang<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub items: Vec<GuideItem>,
}

pub fn parse(json: &str) -> Result<Guide, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// The guide built in (checked by the tests; empty rather than a panic if it ever failed to parse).
pub fn builtin() -> Guide {
    parse(GUIDE_JSON).unwrap_or_default()
}

/// Every problem with the guide, as readable lines. Empty when all is well.
pub fn validate(guide: &Guide) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    if guide.items.is_empty() {
        problems.push("the guide has no items".to_string());
    }
    for item in &guide.items {
        let at = |what: &str| format!("{}: {what}", item.id);
        let slug = !item.id.is_empty()
            && item
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !slug || !ids.insert(item.id.as_str()) {
            problems.push(at("id is not a unique lower-case slug"));
        }
        if item.sources.is_empty() {
            problems.push(at("no source"));
        }
        for s in &item.sources {
            if s.seed != "002" || s.section.trim().is_empty() {
                problems.push(at(&format!("bad source {s:?} (the guide comes from 002)")));
            }
        }
        for (field, value) in [("title", &item.title), ("text", &item.text)] {
            for (lang, text) in value.iter() {
                if text.trim().is_empty() {
                    problems.push(at(&format!("{} {field} is empty", lang.tag())));
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_guide_is_valid() {
        let guide = parse(GUIDE_JSON).expect("content/guide.json parses");
        assert_eq!(validate(&guide), Vec::<String>::new());
        assert_eq!(builtin(), guide);
    }

    #[test]
    fn every_item_of_the_employers_process_is_there() {
        let guide = builtin();
        let ids: Vec<&str> = guide.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "picture-the-ideal-rep",
                "three-screening-steps",
                "see-enough-candidates",
                "written-test",
                "surprise-question",
                "check-references",
                "non-verbal-warning-signs",
                "red-flags-add-up",
            ]
        );
        let en = |id: &str| {
            let item = guide.items.iter().find(|i| i.id == id).expect(id);
            format!("{} {}", item.title.en, item.text.en)
        };
        assert!(en("see-enough-candidates").contains("8 to 10"));
        for step in ["phone", "product", "situational"] {
            assert!(en("three-screening-steps").contains(step), "{step}");
        }
        for sign in ["flustered", "angry", "defensive"] {
            assert!(en("red-flags-add-up").contains(sign), "{sign}");
        }
    }

    #[test]
    fn the_chinese_follows_the_glossary() {
        let only = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/simplified-only.txt"),
        )
        .expect("content/simplified-only.txt");
        let only: BTreeSet<char> = only
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::chars)
            .collect();
        for item in builtin().items {
            for text in [&item.title.zh_hant, &item.text.zh_hant] {
                let bad: String = text.chars().filter(|c| only.contains(c)).collect();
                assert!(bad.is_empty(), "{}: simplified {bad} in {text}", item.id);
                assert!(!text.contains('您'), "{}: 你, never 您", item.id);
                for wrong in ["投訴", "難搞", "苛刻", "危險信號", "紅旗", "聯系"] {
                    assert!(!text.contains(wrong), "{}: {wrong}", item.id);
                }
            }
            for text in [&item.title.zh_hans, &item.text.zh_hans] {
                assert!(!text.contains("沮丧"), "{}: 不耐烦 / 不满", item.id);
                let bare_defence = text.contains("防御") && !text.contains("防御心强");
                assert!(!bare_defence, "{}: 急于辩解 / 防御心强", item.id);
            }
        }
    }
}
