//! The picker's filters: search in the current language, category, difficulty, practice state, stars.

use super::bank::Entry;
use super::content::Category;
use super::library::Library;
use super::progress::Progress;
use super::search::Query;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub query: String,
    pub category: Option<Category>,
    pub difficulty: Option<u8>,
    pub not_practised: bool,
    pub needs_work: bool,
    pub starred: bool,
    /// Show hidden built-in questions too (to unhide them).
    pub show_hidden: bool,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        *self
            != Filter {
                show_hidden: self.show_hidden,
                ..Filter::default()
            }
    }
}

/// Does the entry's text (title, other wordings, talking points) hold every term of the query?
pub fn matches_query(entry: &Entry, query: &Query) -> bool {
    let texts = std::iter::once(&entry.title)
        .chain(&entry.variants)
        .chain(&entry.talking_points);
    query.matches(texts.map(String::as_str))
}

/// The entries that pass every filter, in their original order.
pub fn apply<'a>(
    entries: &'a [Entry],
    filter: &Filter,
    library: &Library,
    progress: &BTreeMap<String, Progress>,
) -> Vec<&'a Entry> {
    let query = Query::new(&filter.query);
    entries
        .iter()
        .filter(|e| filter.show_hidden || !library.is_hidden(&e.id))
        .filter(|e| filter.category.is_none_or(|c| e.category == c))
        .filter(|e| filter.difficulty.is_none_or(|d| e.difficulty == d))
        .filter(|e| !filter.starred || library.is_starred(&e.id))
        .filter(|e| !filter.not_practised || !progress.get(&e.id).is_some_and(Progress::practised))
        .filter(|e| !filter.needs_work || progress.get(&e.id).is_some_and(Progress::needs_work))
        .filter(|e| matches_query(e, &query))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, title: &str, category: Category, difficulty: u8) -> Entry {
        Entry {
            id: id.into(),
            custom: false,
            category,
            difficulty,
            think_seconds: 30,
            answer_seconds: 120,
            title: title.into(),
            variants: vec![format!("{title} (variant)")],
            looking_for: String::new(),
            structure: vec![],
            good_signals: vec![],
            warning_signs: vec![],
            talking_points: vec!["Stay calm".into()],
            sources: vec![],
        }
    }

    fn sample() -> Vec<Entry> {
        vec![
            entry(
                "angry",
                "How do you handle an angry customer?",
                Category::PressureEmotions,
                2,
            ),
            entry("why", "Why customer service?", Category::MotivationFit, 1),
            entry("policy", "Needs versus policy", Category::Hypothetical, 3),
        ]
    }

    fn ids(list: Vec<&Entry>) -> Vec<&str> {
        list.into_iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn no_filter_shows_everything_but_hidden() {
        let entries = sample();
        let mut lib = Library::default();
        let none = BTreeMap::new();
        assert_eq!(
            ids(apply(&entries, &Filter::default(), &lib, &none)),
            ["angry", "why", "policy"]
        );
        lib.set_hidden("why", true);
        assert_eq!(
            ids(apply(&entries, &Filter::default(), &lib, &none)),
            ["angry", "policy"]
        );
        let show = Filter {
            show_hidden: true,
            ..Filter::default()
        };
        assert_eq!(apply(&entries, &show, &lib, &none).len(), 3);
    }

    #[test]
    fn search_category_and_difficulty_combine() {
        let entries = sample();
        let lib = Library::default();
        let none = BTreeMap::new();
        let f = Filter {
            query: "CUSTOMER".into(),
            ..Filter::default()
        };
        assert_eq!(ids(apply(&entries, &f, &lib, &none)), ["angry", "why"]);
        let f = Filter {
            category: Some(Category::MotivationFit),
            ..f
        };
        assert_eq!(ids(apply(&entries, &f, &lib, &none)), ["why"]);
        let f = Filter {
            difficulty: Some(3),
            ..Filter::default()
        };
        assert_eq!(ids(apply(&entries, &f, &lib, &none)), ["policy"]);
        let f = Filter {
            query: "variant".into(),
            ..Filter::default()
        };
        assert_eq!(
            apply(&entries, &f, &lib, &none).len(),
            3,
            "other wordings are searched"
        );
        assert!(f.is_active());
        assert!(!Filter::default().is_active());
    }

    #[test]
    fn starred_not_practised_and_needs_work() {
        let entries = sample();
        let mut lib = Library::default();
        lib.toggle_star("policy");
        let mut progress = BTreeMap::new();
        progress.insert(
            "angry".to_string(),
            Progress {
                attempts: 2,
                last_score: Some(0.4),
                last_practised_ms: Some(1.0),
            },
        );
        progress.insert(
            "why".to_string(),
            Progress {
                attempts: 1,
                last_score: Some(0.9),
                last_practised_ms: Some(1.0),
            },
        );
        let starred = Filter {
            starred: true,
            ..Filter::default()
        };
        assert_eq!(ids(apply(&entries, &starred, &lib, &progress)), ["policy"]);
        let fresh = Filter {
            not_practised: true,
            ..Filter::default()
        };
        assert_eq!(ids(apply(&entries, &fresh, &lib, &progress)), ["policy"]);
        let weak = Filter {
            needs_work: true,
            ..Filter::default()
        };
        assert_eq!(ids(apply(&entries, &weak, &lib, &progress)), ["angry"]);
    }
}
