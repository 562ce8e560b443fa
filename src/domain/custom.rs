//! The user's own questions, and the rules their input must follow.

use super::content::Category;
use super::locale::Lang;
use super::record::Record;
use serde::{Deserialize, Serialize};

/// Limits on what the user types (in characters, not bytes).
pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 1000;
pub const MAX_ITEM: usize = 300;
pub const MAX_ITEMS: usize = 10;
pub const MAX_TALKING_POINTS: usize = 6;

/// A question the user wrote. Guidance is optional.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomQuestion {
    pub id: String,
    /// The language it was written in.
    pub lang: Lang,
    pub category: Category,
    pub difficulty: u8,
    pub think_seconds: u32,
    pub answer_seconds: u32,
    pub title: String,
    #[serde(default)]
    pub looking_for: String,
    #[serde(default)]
    pub structure: Vec<String>,
    #[serde(default)]
    pub good_signals: Vec<String>,
    #[serde(default)]
    pub warning_signs: Vec<String>,
    #[serde(default)]
    pub talking_points: Vec<String>,
}

impl Record for CustomQuestion {
    const KIND: &'static str = "question";
    const VERSION: u32 = 1;
}

/// What the form holds: free text, one list item a line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub title: String,
    pub category: String,
    pub difficulty: String,
    pub think_seconds: String,
    pub answer_seconds: String,
    pub looking_for: String,
    pub structure: String,
    pub good_signals: String,
    pub warning_signs: String,
    pub talking_points: String,
}

/// Which field a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Category,
    Difficulty,
    ThinkSeconds,
    AnswerSeconds,
    LookingFor,
    Structure,
    GoodSignals,
    WarningSigns,
    TalkingPoints,
}

/// A problem with the user's input; the UI translates it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    Required(Field),
    TooLong { field: Field, max: usize },
    TooManyItems { field: Field, max: usize },
    ItemTooLong { field: Field, max: usize },
    OutOfRange { field: Field, min: u32, max: u32 },
}

impl InputError {
    pub fn field(&self) -> Field {
        match self {
            InputError::Required(f) => *f,
            InputError::TooLong { field, .. }
            | InputError::TooManyItems { field, .. }
            | InputError::ItemTooLong { field, .. }
            | InputError::OutOfRange { field, .. } => *field,
        }
    }
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn lines(text: &str, field: Field, max_items: usize, errors: &mut Vec<InputError>) -> Vec<String> {
    let items: Vec<String> = text
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if items.len() > max_items {
        errors.push(InputError::TooManyItems {
            field,
            max: max_items,
        });
    }
    if items.iter().any(|i| chars(i) > MAX_ITEM) {
        errors.push(InputError::ItemTooLong {
            field,
            max: MAX_ITEM,
        });
    }
    items
}

fn number(text: &str, field: Field, min: u32, max: u32, errors: &mut Vec<InputError>) -> u32 {
    match text.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => n,
        _ => {
            errors.push(InputError::OutOfRange { field, min, max });
            min
        }
    }
}

impl Draft {
    /// The form for an existing question.
    pub fn from_question(q: &CustomQuestion) -> Draft {
        Draft {
            title: q.title.clone(),
            category: q.category.slug().to_string(),
            difficulty: q.difficulty.to_string(),
            think_seconds: q.think_seconds.to_string(),
            answer_seconds: q.answer_seconds.to_string(),
            looking_for: q.looking_for.clone(),
            structure: q.structure.join("\n"),
            good_signals: q.good_signals.join("\n"),
            warning_signs: q.warning_signs.join("\n"),
            talking_points: q.talking_points.join("\n"),
        }
    }

    /// A blank form with sensible defaults.
    pub fn blank() -> Draft {
        Draft {
            category: Category::PastBehaviour.slug().to_string(),
            difficulty: "2".into(),
            think_seconds: "30".into(),
            answer_seconds: "120".into(),
            ..Draft::default()
        }
    }

    /// Checks every field and builds the question, or lists every problem at once.
    pub fn validate(&self, id: &str, lang: Lang) -> Result<CustomQuestion, Vec<InputError>> {
        let mut errors = Vec::new();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.push(InputError::Required(Field::Title));
        } else if chars(&title) > MAX_TITLE {
            errors.push(InputError::TooLong {
                field: Field::Title,
                max: MAX_TITLE,
            });
        }
        let category = Category::from_slug(self.category.trim());
        if category.is_none() {
            errors.push(InputError::Required(Field::Category));
        }
        let difficulty = number(&self.difficulty, Field::Difficulty, 1, 3, &mut errors) as u8;
        let think_seconds = number(
            &self.think_seconds,
            Field::ThinkSeconds,
            0,
            300,
            &mut errors,
        );
        let answer_seconds = number(
            &self.answer_seconds,
            Field::AnswerSeconds,
            30,
            600,
            &mut errors,
        );
        let looking_for = self.looking_for.trim().to_string();
        if chars(&looking_for) > MAX_TEXT {
            errors.push(InputError::TooLong {
                field: Field::LookingFor,
                max: MAX_TEXT,
            });
        }
        let structure = lines(&self.structure, Field::Structure, MAX_ITEMS, &mut errors);
        let good_signals = lines(
            &self.good_signals,
            Field::GoodSignals,
            MAX_ITEMS,
            &mut errors,
        );
        let warning_signs = lines(
            &self.warning_signs,
            Field::WarningSigns,
            MAX_ITEMS,
            &mut errors,
        );
        let talking_points = lines(
            &self.talking_points,
            Field::TalkingPoints,
            MAX_TALKING_POINTS,
            &mut errors,
        );
        match category {
            Some(category) if errors.is_empty() => Ok(CustomQuestion {
                id: id.to_string(),
                lang,
                category,
                difficulty,
                think_seconds,
                answer_seconds,
                title,
                looking_for,
                structure,
                good_signals,
                warning_signs,
                talking_points,
            }),
            _ => Err(errors),
        }
    }
}

/// A new id for a custom question: `custom-<base36 time>-<base36 random>`.
pub fn new_id(now_ms: f64, random: f64) -> String {
    fn base36(mut n: u64) -> String {
        const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::new();
        loop {
            out.push(DIGITS[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }
    let r = (random.clamp(0.0, 1.0) * 1_679_616.0) as u64; // 36^4
    format!("custom-{}-{}", base36(now_ms.max(0.0) as u64), base36(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> Draft {
        Draft {
            title: "  Tell me about a refund you refused  ".into(),
            structure: "Situation\n\n  Steps \nResult".into(),
            talking_points: "policy\nalternatives".into(),
            ..Draft::blank()
        }
    }

    #[test]
    fn a_valid_draft_becomes_a_trimmed_question() {
        let q = filled().validate("custom-1", Lang::En).expect("valid");
        assert_eq!(q.title, "Tell me about a refund you refused");
        assert_eq!(q.structure, vec!["Situation", "Steps", "Result"]);
        assert_eq!(q.talking_points.len(), 2);
        assert_eq!(q.category, Category::PastBehaviour);
        assert!(q.good_signals.is_empty(), "guidance is optional");
        assert_eq!(
            Draft::from_question(&q).validate("custom-1", Lang::En),
            Ok(q)
        );
    }

    #[test]
    fn an_empty_title_is_refused() {
        let d = Draft {
            title: "   ".into(),
            ..filled()
        };
        assert_eq!(
            d.validate("x", Lang::En),
            Err(vec![InputError::Required(Field::Title)])
        );
    }

    #[test]
    fn over_long_text_is_refused_counting_characters() {
        let ok = Draft {
            title: "题".repeat(MAX_TITLE),
            ..filled()
        };
        assert!(
            ok.validate("x", Lang::ZhHans).is_ok(),
            "200 Chinese characters fit"
        );
        let long = Draft {
            title: "题".repeat(MAX_TITLE + 1),
            looking_for: "a".repeat(MAX_TEXT + 1),
            structure: format!("{}\nb", "x".repeat(MAX_ITEM + 1)),
            talking_points: "a\nb\nc\nd\ne\nf\ng".into(),
            ..filled()
        };
        let errors = long.validate("x", Lang::ZhHans).expect_err("refused");
        assert!(errors.contains(&InputError::TooLong {
            field: Field::Title,
            max: MAX_TITLE
        }));
        assert!(errors.contains(&InputError::TooLong {
            field: Field::LookingFor,
            max: MAX_TEXT
        }));
        assert!(errors.contains(&InputError::ItemTooLong {
            field: Field::Structure,
            max: MAX_ITEM
        }));
        assert!(errors.contains(&InputError::TooManyItems {
            field: Field::TalkingPoints,
            max: MAX_TALKING_POINTS
        }));
    }

    #[test]
    fn times_and_difficulty_must_be_in_range() {
        let d = Draft {
            difficulty: "7".into(),
            answer_seconds: "5".into(),
            think_seconds: "abc".into(),
            category: "gossip".into(),
            ..filled()
        };
        let fields: Vec<Field> = d
            .validate("x", Lang::En)
            .expect_err("refused")
            .iter()
            .map(InputError::field)
            .collect();
        for f in [
            Field::Difficulty,
            Field::AnswerSeconds,
            Field::ThinkSeconds,
            Field::Category,
        ] {
            assert!(fields.contains(&f), "{f:?}");
        }
    }

    #[test]
    fn markup_is_kept_as_plain_text() {
        let d = Draft {
            title: "<img src=x onerror=alert(1)>".into(),
            ..filled()
        };
        let q = d.validate("x", Lang::En).expect("valid");
        assert_eq!(q.title, "<img src=x onerror=alert(1)>");
    }

    #[test]
    fn ids_are_unique_slugs() {
        let a = new_id(1_700_000_000_000.0, 0.25);
        let b = new_id(1_700_000_000_000.0, 0.5);
        assert_ne!(a, b);
        assert!(a.starts_with("custom-"));
        assert!(a
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
    }
}
