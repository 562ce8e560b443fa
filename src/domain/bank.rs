//! The question bank as the picker sees it: built-in and custom questions, in one language.

use super::content::{Category, Question, Source};
use super::custom::CustomQuestion;
use super::locale::Lang;

/// One question, built-in or custom, with its text in the language being shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub custom: bool,
    pub category: Category,
    pub difficulty: u8,
    pub think_seconds: u32,
    pub answer_seconds: u32,
    pub title: String,
    pub variants: Vec<String>,
    pub looking_for: String,
    pub structure: Vec<String>,
    pub good_signals: Vec<String>,
    pub warning_signs: Vec<String>,
    pub talking_points: Vec<String>,
    pub sources: Vec<Source>,
}

impl Entry {
    pub fn from_builtin(q: &Question, lang: Lang) -> Entry {
        let t = q.text.get(lang);
        Entry {
            id: q.id.clone(),
            custom: false,
            category: q.category,
            difficulty: q.difficulty,
            think_seconds: q.think_seconds,
            answer_seconds: q.answer_seconds,
            title: t.title.clone(),
            variants: t.variants.clone(),
            looking_for: t.looking_for.clone(),
            structure: t.structure.clone(),
            good_signals: t.good_signals.clone(),
            warning_signs: t.warning_signs.clone(),
            talking_points: q
                .talking_points
                .iter()
                .map(|p| p.label.get(lang).clone())
                .collect(),
            sources: q.sources.clone(),
        }
    }

    /// Custom questions are shown as written, whatever the interface language.
    pub fn from_custom(c: &CustomQuestion) -> Entry {
        Entry {
            id: c.id.clone(),
            custom: true,
            category: c.category,
            difficulty: c.difficulty,
            think_seconds: c.think_seconds,
            answer_seconds: c.answer_seconds,
            title: c.title.clone(),
            variants: Vec::new(),
            looking_for: c.looking_for.clone(),
            structure: c.structure.clone(),
            good_signals: c.good_signals.clone(),
            warning_signs: c.warning_signs.clone(),
            talking_points: c.talking_points.clone(),
            sources: Vec::new(),
        }
    }

    /// Think time plus answer time.
    pub fn total_seconds(&self) -> u32 {
        self.think_seconds + self.answer_seconds
    }

    pub fn has_guidance(&self) -> bool {
        !self.looking_for.is_empty()
            || !self.structure.is_empty()
            || !self.good_signals.is_empty()
            || !self.warning_signs.is_empty()
            || !self.talking_points.is_empty()
    }
}

/// Every entry in `lang`: built-in questions in file order, then custom ones, oldest first.
pub fn entries(builtin: &[Question], custom: &[CustomQuestion], lang: Lang) -> Vec<Entry> {
    builtin
        .iter()
        .map(|q| Entry::from_builtin(q, lang))
        .chain(custom.iter().map(Entry::from_custom))
        .collect()
}

/// `m:ss` for a number of seconds, e.g. `2:30`.
pub fn format_duration(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// Whole minutes, rounded up: a 22 min 20 s set is "23 min".
pub fn minutes_rounded_up(seconds: u32) -> u32 {
    seconds.div_ceil(60)
}

/// A question's title among `entries`, else its id (a question deleted since).
pub fn title_of(entries: &[Entry], id: &str) -> String {
    entries
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.title.clone())
        .unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_format() {
        assert_eq!(format_duration(0), "0:00");
        assert_eq!(format_duration(150), "2:30");
        assert_eq!(format_duration(605), "10:05");
        assert_eq!(minutes_rounded_up(1340), 23);
        assert_eq!(minutes_rounded_up(1800), 30);
    }

    #[test]
    fn a_title_is_found_by_id_else_the_id_stands_in() {
        let list = entries(&[], &[], Lang::En);
        assert_eq!(title_of(&list, "gone"), "gone");
    }
}
