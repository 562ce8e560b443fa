//! Interview kits: sections of questions with a time budget each, the same for every candidate; the
//! good-candidate traits; and the built-in kits, as data.

use crate::domain::content::PerLang;
use crate::domain::record::Record;
use serde::{Deserialize, Serialize};

/// The built-in kits and the good-candidate traits, as data.
pub const KITS_JSON: &str = include_str!("../../../content/kits.json");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KitSection {
    pub id: String,
    pub title: PerLang<String>,
    pub minutes: u32,
    pub questions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kit {
    pub id: String,
    pub name: PerLang<String>,
    #[serde(default = "empty_text")]
    pub purpose: PerLang<String>,
    pub sections: Vec<KitSection>,
    /// Built-in kits come from `content/kits.json` and cannot be edited (copy them instead).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub builtin: bool,
}

fn empty_text() -> PerLang<String> {
    crate::domain::rubric::same_text("")
}

impl Record for Kit {
    const KIND: &'static str = "kit";
    const VERSION: u32 = 1;
}

impl Kit {
    pub fn minutes(&self) -> u32 {
        minutes(&self.sections)
    }

    /// Every question in order, with its section's index.
    pub fn flat(&self) -> Vec<(usize, &str)> {
        flat(&self.sections)
    }
}

/// The time budget of `sections`, in minutes.
pub fn minutes(sections: &[KitSection]) -> u32 {
    sections.iter().map(|s| s.minutes).sum()
}

/// Every question of `sections` in order, with its section's index.
pub fn flat(sections: &[KitSection]) -> Vec<(usize, &str)> {
    sections
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.questions.iter().map(move |q| (i, q.as_str())))
        .collect()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trait {
    pub id: String,
    pub label: PerLang<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KitsFile {
    pub traits: Vec<Trait>,
    pub kits: Vec<Kit>,
}

/// The built-in kits (marked built-in) and the traits.
pub fn builtin() -> KitsFile {
    let mut file: KitsFile = serde_json::from_str(KITS_JSON).unwrap_or(KitsFile {
        traits: Vec::new(),
        kits: Vec::new(),
    });
    for k in &mut file.kits {
        k.builtin = true;
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_kits_follow_the_employer_guide() {
        let file = builtin();
        assert_eq!(file.traits.len(), 7);
        let ids: Vec<&str> = file.kits.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(
            ids,
            ["phone-screen", "product-knowledge", "situational-onsite"]
        );
        let minutes: Vec<u32> = file.kits.iter().map(Kit::minutes).collect();
        assert_eq!(minutes, [30, 30, 60]);
        for k in &file.kits {
            assert!(k.builtin);
            let n = k.flat().len();
            assert!(
                (15..=20).contains(&n),
                "{}: {n} questions; the guide says prepare 15–20",
                k.id
            );
        }
    }

    #[test]
    fn questions_are_flattened_in_order_with_their_section() {
        let section = |id: &str, minutes, questions: &[&str]| KitSection {
            id: id.into(),
            title: crate::domain::rubric::same_text(id),
            minutes,
            questions: questions.iter().map(|q| q.to_string()).collect(),
        };
        let sections = [section("a", 10, &["q1", "q2"]), section("b", 20, &["q3"])];
        assert_eq!(flat(&sections), [(0, "q1"), (0, "q2"), (1, "q3")]);
        assert_eq!(minutes(&sections), 30);
        assert_eq!(flat(&[]), []);
    }
}
