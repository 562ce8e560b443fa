//! The built-in question bank: data files in `content/questions/`, one per question, in three languages.
//!
//! [`parse_question`] reads one file strictly (unknown or missing fields fail), and [`validate`]
//! checks what serde cannot: ids, ranges, non-empty text and talking points in every language.

use super::locale::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The seven kinds of question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    MotivationFit,
    ExperienceSkills,
    PastBehaviour,
    Hypothetical,
    PressureEmotions,
    TeamworkEthics,
    BusinessProduct,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::MotivationFit,
        Category::ExperienceSkills,
        Category::PastBehaviour,
        Category::Hypothetical,
        Category::PressureEmotions,
        Category::TeamworkEthics,
        Category::BusinessProduct,
    ];

    /// The id used in data files and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Category::MotivationFit => "motivation-fit",
            Category::ExperienceSkills => "experience-skills",
            Category::PastBehaviour => "past-behaviour",
            Category::Hypothetical => "hypothetical",
            Category::PressureEmotions => "pressure-emotions",
            Category::TeamworkEthics => "teamwork-ethics",
            Category::BusinessProduct => "business-product",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// One value per language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerLang<T> {
    pub en: T,
    #[serde(rename = "zh-Hans")]
    pub zh_hans: T,
    #[serde(rename = "zh-Hant")]
    pub zh_hant: T,
}

impl<T> PerLang<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::ZhHans => &self.zh_hans,
            Lang::ZhHant => &self.zh_hant,
        }
    }

    pub fn set(&mut self, lang: Lang, value: T) {
        match lang {
            Lang::En => self.en = value,
            Lang::ZhHans => self.zh_hans = value,
            Lang::ZhHant => self.zh_hant = value,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (Lang, &T)> {
        [
            (Lang::En, &self.en),
            (Lang::ZhHans, &self.zh_hans),
            (Lang::ZhHant, &self.zh_hant),
        ]
        .into_iter()
    }
}

/// Where a question comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// "000" (the candidate's guide) or "002" (the employer's guide).
    pub seed: String,
    /// The section, e.g. "B-20 #8" or "§1 Q2".
    pub section: String,
}

/// A question's text and guidance in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionText {
    pub title: String,
    /// Other wordings of the same question (merged from other sources).
    pub variants: Vec<String>,
    /// For the candidate: what the interviewer wants to learn.
    pub looking_for: String,
    /// For the candidate: how to structure the answer.
    pub structure: Vec<String>,
    /// For the interviewer.
    pub good_signals: Vec<String>,
    /// For the interviewer.
    pub warning_signs: Vec<String>,
}

/// An idea a strong answer touches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TalkingPoint {
    pub id: String,
    pub label: PerLang<String>,
    pub keywords: PerLang<Vec<String>>,
}

/// A built-in question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub sources: Vec<Source>,
    pub category: Category,
    /// 1 basic, 2 intermediate, 3 hard.
    pub difficulty: u8,
    pub think_seconds: u32,
    pub answer_seconds: u32,
    pub text: PerLang<QuestionText>,
    pub talking_points: Vec<TalkingPoint>,
}

/// Reads one question file.
pub fn parse_question(json: &str) -> Result<Question, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Every problem with a set of questions, as readable lines. Empty when all is well.
pub fn validate(questions: &[Question]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for q in questions {
        let at = |what: &str| format!("{}: {what}", q.id);
        if !is_slug(&q.id) {
            problems.push(at("id is not a lower-case slug"));
        }
        if !ids.insert(q.id.as_str()) {
            problems.push(at("duplicate id"));
        }
        if q.sources.is_empty() {
            problems.push(at("no source"));
        }
        for s in &q.sources {
            if !matches!(s.seed.as_str(), "000" | "002") || s.section.trim().is_empty() {
                problems.push(at(&format!("bad source {s:?}")));
            }
        }
        if !(1..=3).contains(&q.difficulty) {
            problems.push(at("difficulty must be 1, 2 or 3"));
        }
        if !(10..=120).contains(&q.think_seconds) {
            problems.push(at("think_seconds must be 10..=120"));
        }
        if !(30..=600).contains(&q.answer_seconds) {
            problems.push(at("answer_seconds must be 30..=600"));
        }
        for (lang, t) in q.text.iter() {
            let tag = lang.tag();
            for (field, value) in [("title", &t.title), ("looking_for", &t.looking_for)] {
                if value.trim().is_empty() {
                    problems.push(at(&format!("{tag} {field} is empty")));
                }
            }
            for (field, list) in [
                ("structure", &t.structure),
                ("good_signals", &t.good_signals),
                ("warning_signs", &t.warning_signs),
            ] {
                if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) {
                    problems.push(at(&format!("{tag} {field} is empty or has an empty item")));
                }
            }
            if t.variants.iter().any(|s| s.trim().is_empty()) {
                problems.push(at(&format!("{tag} variants has an empty item")));
            }
        }
        if !(3..=6).contains(&q.talking_points.len()) {
            problems.push(at("needs 3 to 6 talking points"));
        }
        let mut point_ids = BTreeSet::new();
        for p in &q.talking_points {
            if !is_slug(&p.id) || !point_ids.insert(p.id.as_str()) {
                problems.push(at(&format!(
                    "talking point id {:?} is not a unique slug",
                    p.id
                )));
            }
            for (lang, label) in p.label.iter() {
                if label.trim().is_empty() {
                    problems.push(at(&format!("{} label of {} is empty", lang.tag(), p.id)));
                }
            }
            for (lang, words) in p.keywords.iter() {
                if words.is_empty() || words.iter().any(|w| w.trim().is_empty()) {
                    problems.push(at(&format!(
                        "{} keywords of {} are empty",
                        lang.tag(),
                        p.id
                    )));
                }
            }
        }
    }
    problems
}

/// Reads the bundle the build makes of every question file: a JSON array of questions.
pub fn parse_bundle(json: &str) -> Result<Vec<Question>, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}
