//! The rubric: what an answer is scored against, from the seeds (`content/rubric.json`).
//!
//! A rubric has sections of three kinds: checklist items (ticked or not), scales (rated 1–5, each
//! level with a one-line description) and red flags. The user may edit it; every saved edit is a new
//! *version*, and a review keeps the version it was made with, so an old review still shows what
//! was asked at the time. Version 1 is the built-in rubric.

use super::content::PerLang;
use super::locale::Lang;
use super::record::Record;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The built-in rubric, as data.
pub const BUILTIN_JSON: &str = include_str!("../../content/rubric.json");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Ticked or not.
    Check,
    /// Rated 1 to 5.
    Scale,
    /// A red flag: ticked when seen.
    Flag,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Check => "check",
            Kind::Scale => "scale",
            Kind::Flag => "flag",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub label: PerLang<String>,
    /// Scales only: what levels 1 to 5 look like. Empty for an item the user added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<PerLang<String>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub kind: Kind,
    /// Where it comes from in the seeds.
    #[serde(default)]
    pub source: String,
    pub title: PerLang<String>,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    pub version: u32,
    pub sections: Vec<Section>,
}

impl Record for Rubric {
    const KIND: &'static str = "rubric";
    const VERSION: u32 = 1;
}

/// A mark's key in a review: `<section>/<item>`, since an id may appear in two sections.
pub fn mark_key(section: &str, item: &str) -> String {
    format!("{section}/{item}")
}

/// The storage id of a rubric version, zero-padded so that ids sort by version.
pub fn version_id(version: u32) -> String {
    format!("{version:06}")
}

/// The built-in rubric (version 1).
pub fn builtin() -> Rubric {
    serde_json::from_str(BUILTIN_JSON).unwrap_or(Rubric {
        version: 1,
        sections: Vec::new(),
    })
}

/// Text in `lang`, falling back to any language that has some (items the user added may only
/// have text in the language they were written in).
pub fn text(t: &PerLang<String>, lang: Lang) -> &str {
    let own = t.get(lang);
    if !own.trim().is_empty() {
        return own;
    }
    t.iter()
        .map(|(_, s)| s.as_str())
        .find(|s| !s.trim().is_empty())
        .unwrap_or("")
}

/// The same text in every language.
pub fn same_text(s: &str) -> PerLang<String> {
    PerLang {
        en: s.to_string(),
        zh_hans: s.to_string(),
        zh_hant: s.to_string(),
    }
}

impl Rubric {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Every scale item, as `(mark key, item)`.
    pub fn scales(&self) -> impl Iterator<Item = (String, &Item)> {
        self.sections
            .iter()
            .filter(|s| s.kind == Kind::Scale)
            .flat_map(|s| s.items.iter().map(move |i| (mark_key(&s.id, &i.id), i)))
    }

    /// Every problem, as readable lines. Empty when the rubric is usable.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut sections = BTreeSet::new();
        if self.version == 0 {
            problems.push("version must be at least 1".to_string());
        }
        for s in &self.sections {
            if s.id.is_empty() || !sections.insert(s.id.as_str()) {
                problems.push(format!("section id {:?} is empty or repeated", s.id));
            }
            if s.title.iter().all(|(_, t)| t.trim().is_empty()) {
                problems.push(format!("{}: no title", s.id));
            }
            let mut items = BTreeSet::new();
            for i in &s.items {
                if i.id.is_empty() || !items.insert(i.id.as_str()) {
                    problems.push(format!("{}: item id {:?} is empty or repeated", s.id, i.id));
                }
                if i.label.iter().all(|(_, t)| t.trim().is_empty()) {
                    problems.push(format!("{}/{}: no label", s.id, i.id));
                }
                let levels_ok = match s.kind {
                    Kind::Scale => i.levels.is_empty() || i.levels.len() == 5,
                    _ => i.levels.is_empty(),
                };
                if !levels_ok {
                    problems.push(format!("{}/{}: a scale has 0 or 5 levels", s.id, i.id));
                }
            }
        }
        problems
    }

    /// A copy to edit, numbered after `latest` (the highest version stored so far).
    pub fn next_version(&self, latest: u32) -> Rubric {
        Rubric {
            version: latest.max(self.version) + 1,
            sections: self.sections.clone(),
        }
    }
}

/// The rubric in force: the highest stored version, else the built-in one.
pub fn current(stored: &[Rubric]) -> Rubric {
    stored
        .iter()
        .max_by_key(|r| r.version)
        .cloned()
        .unwrap_or_else(builtin)
}

/// The rubric of a given version, for showing an old review.
pub fn version(stored: &[Rubric], v: u32) -> Rubric {
    stored
        .iter()
        .find(|r| r.version == v)
        .cloned()
        .unwrap_or_else(|| {
            let b = builtin();
            if v == b.version {
                b
            } else {
                current(stored)
            }
        })
}

/// A fresh item id within a section: `own-1`, `own-2`, …
pub fn new_item_id(section: &Section) -> String {
    let taken: BTreeSet<&str> = section.items.iter().map(|i| i.id.as_str()).collect();
    (1..)
        .map(|n| format!("own-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or_default()
}

/// The marks a review keeps: checks and flags are 1 when ticked; scales hold 1–5.
pub type Marks = BTreeMap<String, u8>;

/// What an answer scored, explained: the share of checklist items ticked and of scale points given.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    pub ticked: u32,
    pub checks: u32,
    /// Scale points above 1, over the scales that were rated.
    pub points: u32,
    pub rated: u32,
    pub flags: u32,
}

impl Score {
    /// 0 to 100, or `None` when nothing was marked.
    pub fn percent(&self) -> Option<u8> {
        let total = self.checks + 4 * self.rated;
        if self.ticked == 0 && self.rated == 0 {
            return None;
        }
        if total == 0 {
            return None;
        }
        let got = self.ticked + self.points;
        Some(((got * 100 + total / 2) / total) as u8)
    }
}

/// Scores `marks` against `rubric`. Checklist items count whether ticked or not; scales count only
/// once rated; flags are counted apart (they stand out, they are not subtracted).
pub fn score(rubric: &Rubric, marks: &Marks) -> Score {
    let mut s = Score::default();
    for sec in &rubric.sections {
        for item in &sec.items {
            let mark = marks.get(&mark_key(&sec.id, &item.id)).copied();
            match sec.kind {
                Kind::Check => {
                    s.checks += 1;
                    if mark.is_some_and(|m| m > 0) {
                        s.ticked += 1;
                    }
                }
                Kind::Scale => {
                    if let Some(m) = mark.filter(|m| (1..=5).contains(m)) {
                        s.rated += 1;
                        s.points += u32::from(m - 1);
                    }
                }
                Kind::Flag => {
                    if mark.is_some_and(|m| m > 0) {
                        s.flags += 1;
                    }
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_rubric_carries_the_seeds() {
        let r = builtin();
        assert_eq!(r.version, 1);
        assert_eq!(r.validate(), Vec::<String>::new());
        let ids = |s: &str| -> Vec<String> {
            r.section(s)
                .map(|s| s.items.iter().map(|i| i.id.clone()).collect())
                .unwrap_or_default()
        };
        assert_eq!(ids("structure").len(), 4);
        assert_eq!(ids("communication").len(), 6);
        assert_eq!(
            ids("criteria"),
            ["enthusiasm", "skills", "business-acumen", "confidence"]
        );
        assert_eq!(ids("qualities"), ["patience", "empathy", "communication"]);
        assert_eq!(
            ids("red-flags"),
            [
                "unprepared",
                "badmouths-employer",
                "weak-scenario-answers",
                "flustered-defensive",
                "arrogant-or-unsure",
                "doesnt-know-business"
            ]
        );
        for (_, item) in r.scales() {
            assert_eq!(item.levels.len(), 5, "{}", item.id);
            for level in &item.levels {
                for (lang, t) in level.iter() {
                    assert!(!t.trim().is_empty(), "{} {}", item.id, lang.tag());
                }
            }
        }
        for sec in &r.sections {
            for (lang, t) in sec.title.iter() {
                assert!(!t.trim().is_empty(), "{} {}", sec.id, lang.tag());
            }
            for item in &sec.items {
                for (lang, t) in item.label.iter() {
                    assert!(!t.trim().is_empty(), "{} {}", item.id, lang.tag());
                }
            }
        }
    }

    fn marks(list: &[(&str, u8)]) -> Marks {
        list.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn scoring_counts_ticks_and_scale_points_and_keeps_flags_apart() {
        let r = builtin();
        assert_eq!(score(&r, &Marks::new()).percent(), None);
        // 10 checklist items; 2 ticked; enthusiasm 5 (4 points), skills 1 (0 points).
        let m = marks(&[
            ("structure/situation", 1),
            ("communication/empathy", 1),
            ("criteria/enthusiasm", 5),
            ("criteria/skills", 1),
            ("red-flags/unprepared", 1),
        ]);
        let s = score(&r, &m);
        assert_eq!(
            (s.ticked, s.checks, s.points, s.rated, s.flags),
            (2, 10, 4, 2, 1)
        );
        // (2 + 4) / (10 + 8) = 33 %
        assert_eq!(s.percent(), Some(33));
        let all: Marks = r
            .sections
            .iter()
            .flat_map(|s| {
                let v = if s.kind == Kind::Scale { 5 } else { 1 };
                s.items.iter().map(move |i| (mark_key(&s.id, &i.id), v))
            })
            .collect();
        assert_eq!(score(&r, &all).percent(), Some(100));
        assert_eq!(score(&r, &all).flags, 6);
    }

    #[test]
    fn out_of_range_and_unknown_marks_are_ignored() {
        let r = builtin();
        let m = marks(&[
            ("criteria/enthusiasm", 9),
            ("nope/x", 1),
            ("structure/result", 0),
        ]);
        assert_eq!(score(&r, &m).percent(), None);
    }

    #[test]
    fn an_edit_is_a_new_version_and_old_versions_stay_readable() {
        let base = builtin();
        let mut edited = base.next_version(1);
        assert_eq!(edited.version, 2);
        edited.sections[0].items[0].label.en = "Set the scene".into();
        let id = new_item_id(&edited.sections[0]);
        assert_eq!(id, "own-1");
        edited.sections[0].items.push(Item {
            id,
            label: same_text("Kept it under two minutes"),
            levels: Vec::new(),
        });
        edited.sections[1].items.remove(0);
        assert_eq!(edited.validate(), Vec::<String>::new());
        let stored = vec![edited.clone()];
        assert_eq!(current(&stored).version, 2);
        assert_eq!(current(&[]).version, 1);
        // A review made with version 1 still sees version 1's wording.
        assert_eq!(
            version(&stored, 1).sections[0].items[0].label.en,
            base.sections[0].items[0].label.en
        );
        assert_eq!(version(&stored, 2).sections[0].items.len(), 5);
        // Scores follow the review's own version.
        let m = marks(&[("structure/own-1", 1)]);
        assert_eq!(score(&version(&stored, 2), &m).ticked, 1);
        assert_eq!(score(&version(&stored, 1), &m).ticked, 0);
        // Rubric versions round-trip through storage.
        let raw = crate::domain::record::encode(&edited).expect("encode");
        assert_eq!(crate::domain::record::decode::<Rubric>(&raw), Ok(edited));
    }

    #[test]
    fn text_falls_back_to_a_language_that_has_some() {
        let t = PerLang {
            en: String::new(),
            zh_hans: "只有简体".into(),
            zh_hant: String::new(),
        };
        assert_eq!(text(&t, Lang::En), "只有简体");
        assert_eq!(text(&same_text("x"), Lang::ZhHant), "x");
    }

    #[test]
    fn validation_catches_broken_edits() {
        let mut r = builtin();
        r.sections[2].items[0].levels.pop();
        r.sections[0].items[1].id = r.sections[0].items[0].id.clone();
        r.sections[3].items[0].label = same_text(" ");
        let problems = r.validate();
        assert_eq!(problems.len(), 3, "{problems:?}");
    }
}
