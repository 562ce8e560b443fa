//! Text search with highlight ranges, safe for any script, that finds what people type.
//!
//! - Latin letters match regardless of case (ASCII folding; full Unicode case tables would add about
//!   10 KB to the wasm). Chinese is folded to one script (see [`super::script`]), so a query in
//!   simplified characters finds traditional text and the other way round.
//! - A query is split at spaces into terms, and every term must be found (in any of an entry's texts).
//!   Words that the synonym list (`content/synonyms.json`) knows run together as one term
//!   ("customer service").
//! - A term that is a known word also matches its synonyms, in any language, and the words of the
//!   topics its topic names under `also` (奧客 also finds 憤怒 and 投訴). A Chinese term that contains
//!   a known word matches with that word swapped for a synonym (憤怒的客人 finds 生氣的客人). A synonym
//!   in Latin letters must match a whole word ("mad" does not find "made"); what was typed matches
//!   anywhere, as before.
//!
//! Matching compares folded characters one for one, so the byte ranges found are those of the text
//! as shown, in its own script.

use super::script::{fold, fold_char};

mod data {
    include!(concat!(env!("OUT_DIR"), "/search_data.rs"));
}

/// The traditional → simplified map the build made from the content.
pub fn fold_map() -> &'static [(char, char)] {
    data::FOLD
}

/// A piece of a text, marked when it matches the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// One way to match a piece of a term: folded characters, and whether it must match whole words
/// (a synonym in Latin letters).
#[derive(Clone, Debug, PartialEq)]
struct Alt {
    chars: Vec<char>,
    whole_word: bool,
}

/// A run of a term: any one of its alternatives.
#[derive(Clone, Debug, PartialEq)]
struct Piece {
    alts: Vec<Alt>,
}

/// A search term: its pieces, in order.
#[derive(Clone, Debug, PartialEq)]
struct Term {
    pieces: Vec<Piece>,
}

/// A parsed query: what [`Query::matches`] and [`Query::find`] look for.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Query {
    terms: Vec<Term>,
}

/// The topics that hold `word` (folded).
fn topics_of(word: &str) -> impl Iterator<Item = usize> + '_ {
    data::TOPICS
        .iter()
        .enumerate()
        .filter(move |(_, (words, _))| words.contains(&word))
        .map(|(i, _)| i)
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

impl Piece {
    fn literal(text: &str) -> Piece {
        Piece {
            alts: vec![Alt {
                chars: text.chars().collect(),
                whole_word: false,
            }],
        }
    }

    /// `typed` itself (matched anywhere), then every word of `topics`.
    fn with_synonyms(typed: &str, topics: &[usize]) -> Piece {
        let mut piece = Piece::literal(typed);
        for &t in topics {
            for w in data::TOPICS[t].0 {
                let chars: Vec<char> = w.chars().collect();
                if piece.alts.iter().all(|a| a.chars != chars) {
                    let whole_word = chars.first().is_some_and(|c| is_word_char(*c))
                        || chars.last().is_some_and(|c| is_word_char(*c));
                    piece.alts.push(Alt { chars, whole_word });
                }
            }
        }
        piece
    }
}

impl Term {
    /// A term from folded, trimmed text.
    fn new(text: &str) -> Term {
        let whole: Vec<usize> = topics_of(text).collect();
        if !whole.is_empty() {
            let mut topics = whole.clone();
            for &t in &whole {
                topics.extend(data::TOPICS[t].1.iter().copied());
            }
            return Term {
                pieces: vec![Piece::with_synonyms(text, &topics)],
            };
        }
        if text.is_ascii() {
            return Term {
                pieces: vec![Piece::literal(text)],
            };
        }
        // Chinese: the known words inside the term (longest first, left to right) match their
        // synonyms; the rest matches as typed.
        let chars: Vec<char> = text.chars().collect();
        let mut pieces = Vec::new();
        let mut plain = String::new();
        let mut i = 0;
        while i < chars.len() {
            let known = (i + 2..=chars.len()).rev().find_map(|end| {
                let word: String = chars[i..end].iter().collect();
                let topics: Vec<usize> = topics_of(&word).collect();
                (!word.is_ascii() && !topics.is_empty()).then_some((end, word, topics))
            });
            match known {
                Some((end, word, topics)) => {
                    if !plain.is_empty() {
                        pieces.push(Piece::literal(&std::mem::take(&mut plain)));
                    }
                    pieces.push(Piece::with_synonyms(&word, &topics));
                    i = end;
                }
                None => {
                    plain.push(chars[i]);
                    i += 1;
                }
            }
        }
        if !plain.is_empty() {
            pieces.push(Piece::literal(&plain));
        }
        Term { pieces }
    }

    /// The end of the longest match of pieces `k..` at `at` in `hay`, if any.
    fn end_at(&self, hay: &[char], k: usize, at: usize) -> Option<usize> {
        let Some(piece) = self.pieces.get(k) else {
            return Some(at);
        };
        let mut best = None;
        for alt in &piece.alts {
            let end = at + alt.chars.len();
            if alt.chars.is_empty() || end > hay.len() || hay[at..end] != alt.chars[..] {
                continue;
            }
            if alt.whole_word
                && ((at > 0 && is_word_char(hay[at - 1]))
                    || hay.get(end).is_some_and(|c| is_word_char(*c)))
            {
                continue;
            }
            if let Some(e) = self.end_at(hay, k + 1, end) {
                best = best.max(Some(e));
            }
        }
        best
    }

    fn found_in(&self, hay: &[char]) -> bool {
        (0..hay.len()).any(|i| self.end_at(hay, 0, i).is_some())
    }
}

fn folded_chars(text: &str) -> Vec<char> {
    let map = fold_map();
    text.chars().map(|c| fold_char(map, c)).collect()
}

impl Query {
    pub fn new(raw: &str) -> Query {
        let folded = fold(fold_map(), raw);
        let tokens: Vec<&str> = folded.split_whitespace().collect();
        let mut terms = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            // Several words that the synonyms know together ("customer service") stay one term.
            let phrase_end = (i + 2..=tokens.len())
                .rev()
                .find(|&end| topics_of(&tokens[i..end].join(" ")).next().is_some());
            let end = phrase_end.unwrap_or(i + 1);
            terms.push(Term::new(&tokens[i..end].join(" ")));
            i = end;
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every term is found in at least one of `texts` (always, for an empty query).
    pub fn matches<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> bool {
        if self.is_empty() {
            return true;
        }
        let hays: Vec<Vec<char>> = texts.into_iter().map(folded_chars).collect();
        self.terms
            .iter()
            .all(|term| hays.iter().any(|hay| term.found_in(hay)))
    }

    /// Byte ranges of every non-overlapping match of any term in `text` (leftmost, then longest).
    pub fn find(&self, text: &str) -> Vec<(usize, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        let offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let hay = folded_chars(text);
        let byte = |i: usize| offsets.get(i).copied().unwrap_or(text.len());
        let mut hits = Vec::new();
        let mut i = 0;
        while i < hay.len() {
            let end = self
                .terms
                .iter()
                .filter_map(|t| t.end_at(&hay, 0, i))
                .filter(|&e| e > i)
                .max();
            match end {
                Some(end) => {
                    hits.push((byte(i), byte(end)));
                    i = end;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// Splits `text` into plain and matching segments, for highlighting.
    pub fn highlight(&self, text: &str) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut at = 0;
        for (start, end) in self.find(text) {
            if start > at {
                out.push(Segment {
                    text: text[at..start].to_string(),
                    hit: false,
                });
            }
            out.push(Segment {
                text: text[start..end].to_string(),
                hit: true,
            });
            at = end;
        }
        if at < text.len() || out.is_empty() {
            out.push(Segment {
                text: text[at..].to_string(),
                hit: false,
            });
        }
        out
    }
}

/// Byte ranges of every match of `query` in `text`: see [`Query::find`].
pub fn find(text: &str, query: &str) -> Vec<(usize, usize)> {
    Query::new(query).find(text)
}

/// Whether `text` holds every term of a query that is not empty.
pub fn contains(text: &str, query: &str) -> bool {
    let query = Query::new(query);
    !query.is_empty() && query.matches([text])
}

/// Splits `text` into plain and matching segments, for highlighting: see [`Query::highlight`].
pub fn highlight(text: &str, query: &str) -> Vec<Segment> {
    Query::new(query).highlight(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str, q: &str) -> String {
        highlight(text, q)
            .into_iter()
            .map(|s| {
                if s.hit {
                    format!("[{}]", s.text)
                } else {
                    s.text
                }
            })
            .collect()
    }

    #[test]
    fn matches_ignore_case_and_mark_every_hit() {
        assert_eq!(
            marks("Angry customer, angry day", "ANGRY"),
            "[Angry] customer, [angry] day"
        );
        assert_eq!(marks("no match", "xyz"), "no match");
        assert_eq!(marks("empty query", "  "), "empty query");
    }

    #[test]
    fn chinese_matches_by_character() {
        assert_eq!(
            marks("你如何处理愤怒的客户？", "愤怒"),
            "你如何处理[愤怒]的客户？"
        );
        assert_eq!(
            marks("您將如何處理憤怒的客戶", "憤怒的客戶"),
            "您將如何處理[憤怒的客戶]"
        );
        assert!(contains("處理憤怒", "愤怒"), "scripts are folded");
    }

    #[test]
    fn byte_ranges_are_char_boundaries() {
        let text = "Café CAFÉ café";
        for (start, end) in find(text, "café") {
            assert!(text.is_char_boundary(start));
            assert!(text.is_char_boundary(end));
        }
        // ASCII letters fold; the accented letter must match as typed.
        assert_eq!(find(text, "café").len(), 2);
        assert_eq!(marks(text, "CAF"), "[Caf]é [CAF]É [caf]é");
    }

    // --- Against the real content: search finds what people type. ---

    use crate::domain::bank::{entries, Entry};
    use crate::domain::content::{parse_question, Question};
    use crate::domain::locale::Lang;
    use std::path::Path;

    fn content(path: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content")
            .join(path);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn questions() -> Vec<Question> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/questions");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("content/questions")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| parse_question(&std::fs::read_to_string(f).expect("read")).expect("parse"))
            .collect()
    }

    /// The ids of the questions that `query` finds in `lang`.
    fn found(lang: Lang, query: &str) -> Vec<String> {
        let q = Query::new(query);
        entries(&questions(), &[], lang)
            .iter()
            .filter(|e| {
                // As the bank's filter reads an entry (`filter::matches_query`).
                let texts = std::iter::once(&e.title)
                    .chain(&e.variants)
                    .chain(&e.talking_points);
                q.matches(texts.map(String::as_str))
            })
            .map(|e: &Entry| e.id.clone())
            .collect()
    }

    fn assert_finds(lang: Lang, query: &str, ids: &[&str]) {
        let got = found(lang, query);
        for id in ids {
            assert!(
                got.iter().any(|g| g == id),
                "{query:?} in {lang:?} finds {got:?}, not {id}"
            );
        }
    }

    #[test]
    fn in_traditional_everyday_anger_words_find_the_angry_customer() {
        // The titles say 憤怒; people type 生氣, 發火, 火大.
        for word in ["生氣", "發火", "火大", "憤怒"] {
            assert_finds(Lang::ZhHant, word, &["angry-customer"]);
        }
    }

    #[test]
    fn in_traditional_complaint_words_find_the_complaint_questions() {
        // The titles say 投訴; Taiwan says 客訴.
        for word in ["客訴", "投訴", "抱怨"] {
            assert_finds(
                Lang::ZhHant,
                word,
                &["handle-complaints", "resolved-complaint-story"],
            );
        }
    }

    #[test]
    fn in_traditional_difficult_customers_find_anger_and_complaints() {
        for word in ["奧客", "難搞", "難纏"] {
            assert_finds(
                Lang::ZhHant,
                word,
                &[
                    "angry-customer",
                    "handle-complaints",
                    "resolved-complaint-story",
                    "patience-demanding-customers",
                ],
            );
        }
    }

    #[test]
    fn a_query_in_the_other_script_finds_the_text() {
        // 愤怒 typed in simplified, on the traditional bank, and the other way round.
        assert_finds(Lang::ZhHant, "愤怒", &["angry-customer"]);
        assert_finds(
            Lang::ZhHant,
            "投诉",
            &["handle-complaints", "resolved-complaint-story"],
        );
        assert_finds(Lang::ZhHans, "憤怒", &["angry-customer"]);
        assert_finds(Lang::ZhHans, "客訴", &["handle-complaints"]);
        assert_finds(Lang::ZhHant, "怎么处理客诉", &["handle-complaints"]);
        // The highlight marks the text as shown, in its own script.
        assert_eq!(
            marks("您將如何處理憤怒或充滿敵意的客戶？", "愤怒"),
            "您將如何處理[憤怒]或充滿[敵意]的客戶？"
        );
        assert_eq!(marks("處理客訴", "处理"), "[處理]客訴");
    }

    #[test]
    fn synonyms_are_highlighted_where_they_matched() {
        assert_eq!(
            marks("您將如何處理憤怒或充滿敵意的客戶？", "生氣"),
            "您將如何處理[憤怒]或充滿[敵意]的客戶？"
        );
        assert_eq!(
            marks("您如何處理客戶投訴？", "客訴"),
            "您如何處理客戶[投訴]？"
        );
        assert_eq!(
            marks(
                "How would you handle an angry or hostile customer?",
                "upset"
            ),
            "How would you handle an [angry] or [hostile] customer?"
        );
        // A known word inside a longer Chinese term is swapped for its synonyms.
        assert_eq!(
            marks("你如何處理一位憤怒的客戶？", "生气的客人"),
            "你如何處理一位[憤怒的客戶]？"
        );
    }

    #[test]
    fn english_synonyms_and_phrases() {
        assert_finds(Lang::En, "upset", &["angry-customer"]);
        assert_finds(
            Lang::En,
            "complain",
            &["handle-complaints", "resolved-complaint-story"],
        );
        assert_finds(Lang::En, "irate customer", &["angry-customer"]);
        assert_finds(Lang::En, "CRM", &["software-tools"]);
        // Several terms must all be found; a known phrase stays one term.
        assert!(found(Lang::En, "angry zebra").is_empty());
        assert_eq!(Query::new("customer service").terms.len(), 1);
        // A synonym in Latin letters matches whole words; what was typed matches anywhere.
        assert_eq!(marks("I made it", "angry"), "I made it");
        assert_eq!(marks("I made it", "mad"), "I [mad]e it");
    }

    #[test]
    fn the_fold_map_is_a_function_from_traditional_to_simplified() {
        let map = fold_map();
        assert!(map.len() > 100, "only {} pairs", map.len());
        assert!(
            map.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, one entry per character"
        );
        assert!(map.iter().all(|(t, s)| t != s));
        for (t, s) in [
            ('憤', '愤'),
            ('說', '说'),
            ('戶', '户'),
            ('訴', '诉'),
            ('氣', '气'),
        ] {
            assert_eq!(fold_char(map, t), s);
        }
        // Words both scripts write alike, and rewordings, are not folded.
        for c in ['你', '您', '客', '的', '是'] {
            assert_eq!(fold_char(map, c), c);
        }
    }

    #[test]
    fn every_synonym_in_traditional_folds_to_its_simplified_twin() {
        let file: serde_json::Value =
            serde_json::from_str(&content("synonyms.json")).expect("synonyms.json parses");
        let topics = file["topics"].as_array().expect("topics");
        assert!(topics.len() >= 25, "{} topics", topics.len());
        let ids: Vec<&str> = topics.iter().filter_map(|t| t["id"].as_str()).collect();
        assert_eq!(ids.len(), topics.len(), "every topic has an id");
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "ids are unique");
        for t in topics {
            let id = t["id"].as_str().unwrap_or_default();
            let list = |lang: &str| -> Vec<String> {
                t[lang]
                    .as_array()
                    .unwrap_or_else(|| panic!("{id}: no {lang}"))
                    .iter()
                    .map(|w| w.as_str().expect("a word is text").to_string())
                    .collect()
            };
            for lang in ["en", "zh-Hans", "zh-Hant"] {
                let words = list(lang);
                assert!(words.len() >= 2, "{id}: {lang} needs two words or more");
                assert!(words.iter().all(|w| !w.trim().is_empty()), "{id}: {lang}");
            }
            let (hant, hans) = (list("zh-Hant"), list("zh-Hans"));
            assert_eq!(hant.len(), hans.len(), "{id}: the Chinese lists are twins");
            for (t, s) in hant.iter().zip(&hans) {
                assert_eq!(fold(fold_map(), t), fold(fold_map(), s), "{id}: {t} / {s}");
                // Chinese words of one character would match far too much.
                assert!(t.is_ascii() || t.chars().count() >= 2, "{id}: {t}");
            }
            for also in t["also"].as_array().into_iter().flatten() {
                let also = also.as_str().unwrap_or_default();
                assert!(ids.contains(&also) && also != id, "{id}: also {also:?}");
            }
        }
    }
}
