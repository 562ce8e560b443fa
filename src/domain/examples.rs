//! Example answers: for each question, a strong and a weak answer in three languages, each with a line on
//! why it scores as it does against the rubric. Data files in `content/examples/<question id>.json`.
//!
//! [`parse_examples`] reads one file strictly (unknown or missing fields fail), and
//! [`ExampleAnswers::validate`] checks what serde cannot: non-empty text, lengths and paragraphs.

use super::content::PerLang;
use super::locale::Lang;
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// The example answers of one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleAnswers {
    /// The question's id.
    pub id: String,
    /// A strong spoken answer, in the first person.
    pub strong: PerLang<String>,
    /// Why the strong answer scores well against the rubric.
    pub strong_why: PerLang<String>,
    /// A weak but realistic answer, showing the question's warning signs.
    pub weak: PerLang<String>,
    /// Why the weak answer scores badly against the rubric.
    pub weak_why: PerLang<String>,
}

/// Words of a strong answer in English.
pub const STRONG_WORDS: RangeInclusive<usize> = 120..=200;
/// Characters of a strong answer in Chinese.
pub const STRONG_CHARS: RangeInclusive<usize> = 200..=380;
/// Words of a weak answer in English.
pub const WEAK_WORDS: RangeInclusive<usize> = 40..=110;
/// Characters of a weak answer in Chinese.
pub const WEAK_CHARS: RangeInclusive<usize> = 60..=200;
/// The most paragraphs a text may have (separated by a blank line, "\n\n").
pub const MAX_PARAGRAPHS: usize = 3;

/// Reads one example-answers file.
pub fn parse_examples(json: &str) -> Result<ExampleAnswers, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// Reads the bundle the build makes of every example-answers file (a JSON array).
pub fn parse_bundle(json: &str) -> Result<Vec<ExampleAnswers>, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// The length of a text as the ranges count it: English words (tokens with a letter or digit), or for
/// Chinese the characters that are neither whitespace nor punctuation.
pub fn text_length(text: &str, lang: Lang) -> usize {
    match lang {
        Lang::En => text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count(),
        Lang::ZhHans | Lang::ZhHant => text.chars().filter(|c| c.is_alphanumeric()).count(),
    }
}

/// The paragraphs of a text: separated by "\n\n".
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").collect()
}

impl ExampleAnswers {
    /// Every language present and non-empty, the answers within their length ranges, and every text plain
    /// paragraphs: at most [`MAX_PARAGRAPHS`], none empty, no other line break.
    pub fn validate(&self) -> Result<(), String> {
        let mut problems = Vec::new();
        if self.id.trim().is_empty() {
            problems.push("id is empty".to_string());
        }
        let fields = [
            ("strong", &self.strong, Some((STRONG_WORDS, STRONG_CHARS))),
            ("strong_why", &self.strong_why, None),
            ("weak", &self.weak, Some((WEAK_WORDS, WEAK_CHARS))),
            ("weak_why", &self.weak_why, None),
        ];
        for (field, texts, ranges) in fields {
            for (lang, text) in texts.iter() {
                let at = format!("{} {field} {}", self.id, lang.tag());
                if text.trim().is_empty() {
                    problems.push(format!("{at}: empty"));
                    continue;
                }
                if let Some((words, chars)) = &ranges {
                    let range = if lang == Lang::En { words } else { chars };
                    let n = text_length(text, lang);
                    if !range.contains(&n) {
                        let unit = if lang == Lang::En {
                            "words"
                        } else {
                            "characters"
                        };
                        problems.push(format!(
                            "{at}: {n} {unit}, not {}–{}",
                            range.start(),
                            range.end()
                        ));
                    }
                }
                let paras = paragraphs(text);
                if paras.len() > MAX_PARAGRAPHS {
                    problems.push(format!(
                        "{at}: {} paragraphs, at most {MAX_PARAGRAPHS}",
                        paras.len()
                    ));
                }
                if paras
                    .iter()
                    .any(|p| p.trim().is_empty() || p.contains('\n') || p.trim() != *p)
                {
                    problems.push(format!(
                        "{at}: paragraphs must be separated by one blank line, with no other line break or padding"
                    ));
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize) -> String {
        vec!["word"; n].join(" ")
    }

    fn hanzi(n: usize) -> String {
        "客".repeat(n)
    }

    fn per_lang(en: String, zh: String) -> PerLang<String> {
        PerLang {
            en,
            zh_hans: zh.clone(),
            zh_hant: zh,
        }
    }

    fn valid() -> ExampleAnswers {
        ExampleAnswers {
            id: "angry-customer".into(),
            strong: per_lang(words(150), hanzi(300)),
            strong_why: per_lang(
                "Has a situation and a result.".into(),
                "有情境和結果。".into(),
            ),
            weak: per_lang(words(60), hanzi(100)),
            weak_why: per_lang("Vague.".into(), "很空泛。".into()),
        }
    }

    #[test]
    fn a_complete_example_is_valid() {
        assert_eq!(valid().validate(), Ok(()));
    }

    #[test]
    fn english_counts_words_and_chinese_counts_characters_without_punctuation() {
        assert_eq!(text_length("I listened — then, I asked.", Lang::En), 5);
        assert_eq!(text_length("我先倾听，再确认。", Lang::ZhHans), 7);
        assert_eq!(text_length("「你好」 App 3 次！", Lang::ZhHant), 7);
    }

    #[test]
    fn an_empty_language_is_refused() {
        let mut e = valid();
        e.weak_why.zh_hant = "  ".into();
        let err = e.validate().unwrap_err();
        assert!(err.contains("weak_why zh-Hant: empty"), "{err}");
    }

    #[test]
    fn lengths_outside_the_ranges_are_refused() {
        let mut e = valid();
        e.strong.en = words(119);
        e.weak.en = words(111);
        e.strong.zh_hans = hanzi(381);
        e.weak.zh_hant = hanzi(59);
        let err = e.validate().unwrap_err();
        assert!(err.contains("strong en: 119 words"), "{err}");
        assert!(err.contains("weak en: 111 words"), "{err}");
        assert!(err.contains("strong zh-Hans: 381 characters"), "{err}");
        assert!(err.contains("weak zh-Hant: 59 characters"), "{err}");

        let mut edges = valid();
        edges.strong.en = words(120);
        edges.weak.en = words(110);
        edges.strong.zh_hans = hanzi(380);
        edges.weak.zh_hant = hanzi(60);
        assert_eq!(edges.validate(), Ok(()));
    }

    #[test]
    fn punctuation_does_not_count_towards_chinese_length() {
        let mut e = valid();
        e.weak.zh_hans = format!("{}，。！？「」", hanzi(59));
        assert!(e.validate().is_err());
    }

    #[test]
    fn at_most_three_paragraphs_and_no_stray_line_breaks() {
        let mut e = valid();
        e.strong.en = [words(40), words(40), words(40)].join("\n\n");
        assert_eq!(e.validate(), Ok(()));
        e.strong.en = [words(30), words(30), words(30), words(30)].join("\n\n");
        let err = e.validate().unwrap_err();
        assert!(err.contains("4 paragraphs"), "{err}");

        let mut single = valid();
        single.weak.en = format!("{}\n{}", words(30), words(30));
        assert!(single.validate().is_err());
        single.weak.en = format!("{}\n\n\n\n{}", words(30), words(30));
        assert!(single.validate().is_err());
    }

    #[test]
    fn the_file_format_is_strict() {
        let json = serde_json::to_string(&valid()).unwrap_or_default();
        assert_eq!(parse_examples(&json), Ok(valid()));
        assert!(parse_examples(&json.replacen("\"zh-Hant\"", "\"zh-TW\"", 1)).is_err());
        assert!(parse_examples(&json.replacen("\"weak_why\"", "\"why_weak\"", 1)).is_err());
    }
}
