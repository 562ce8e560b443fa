//! Delivery insights on an answer's text: filler words, pace and the most-used words.
//!
//! Everything here is simple counting that a user can check by hand: no model, no guesswork.

use super::attempt::{counts_characters, is_cjk, word_count};
use std::collections::BTreeMap;

/// English fillers, counted as whole words or phrases (lower case).
pub const FILLERS_EN: [&str; 7] = ["um", "umm", "uh", "uhm", "er", "like", "you know"];
/// Chinese fillers, counted wherever they appear (simplified and traditional forms).
pub const FILLERS_ZH: [&str; 6] = ["嗯", "那个", "那個", "就是", "然后", "然後"];

/// Common English words left out of "most used".
const STOP_EN: [&str; 48] = [
    "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "by", "is",
    "are", "was", "were", "be", "been", "it", "its", "i", "me", "my", "we", "our", "you", "your",
    "they", "them", "their", "he", "she", "his", "her", "that", "this", "so", "if", "as", "do",
    "did", "not", "have", "had", "what", "would",
];

/// Chinese function characters left out of "most used" pairs.
const STOP_ZH: &str = "的了是我在和就也都他她们們这這那个個有会會把被对對与與而及吗嗎呢吧啊";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Insights {
    /// Words, or characters for Chinese text.
    pub words: u32,
    /// Whether `words` counts characters (Chinese) rather than words.
    pub characters: bool,
    /// Each filler found, with its count, most frequent first.
    pub fillers: Vec<(String, u32)>,
    pub filler_total: u32,
    /// Words (or characters) per minute of speaking time; `None` without one (a typed answer).
    pub per_minute: Option<u32>,
    /// The most-used words (or two-character terms for Chinese), most frequent first.
    pub top: Vec<(String, u32)>,
}

/// English-ish tokens, lower case (ASCII letters only are folded, which is all the fillers need).
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’') || is_cjk(c))
        .filter(|t| !t.is_empty())
        .map(|t| t.to_ascii_lowercase().replace('’', "'"))
        .collect()
}

fn sorted(map: BTreeMap<String, u32>, n: usize) -> Vec<(String, u32)> {
    let mut list: Vec<(String, u32)> = map.into_iter().filter(|(_, c)| *c > 0).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list.truncate(n);
    list
}

/// Counts non-overlapping occurrences of `needle` in `hay`.
fn occurrences(hay: &str, needle: &str) -> u32 {
    hay.matches(needle).count() as u32
}

/// Pace needs at least this much speaking time: a second or less says nothing about a rate.
const MIN_PACE_MS: u64 = 1_000;

/// Words (or characters) per minute of speaking time; None below 1 s of speaking or with 0 units.
pub fn pace(units: u32, speaking_ms: u64) -> Option<u32> {
    (speaking_ms >= MIN_PACE_MS && units > 0).then(|| {
        let per_minute = (u64::from(units) * 60_000 + speaking_ms / 2) / speaking_ms;
        u32::try_from(per_minute).unwrap_or(u32::MAX)
    })
}

/// Insights on `text`, answered in `answer_ms` (0 when unknown).
///
/// For a spoken answer, pass the **speaking** time read from the recording
/// ([`Delivery::speaking_ms`](super::delivery::Delivery::speaking_ms)), not the answering time:
/// thinking pauses and the silence before the first word are no part of a pace. For a typed answer
/// pass 0: typing speed is not speaking pace, so a typed answer shows its length and no pace.
pub fn insights(text: &str, answer_ms: u64) -> Insights {
    let words = word_count(text);
    let characters = counts_characters(text);
    let toks = tokens(text);
    let mut fillers: BTreeMap<String, u32> = BTreeMap::new();
    for f in FILLERS_EN {
        let parts: Vec<&str> = f.split(' ').collect();
        let n = toks
            .windows(parts.len())
            .filter(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
            .count();
        *fillers.entry(f.to_string()).or_default() += n as u32;
    }
    for f in FILLERS_ZH {
        *fillers.entry(f.to_string()).or_default() += occurrences(text, f);
    }
    let fillers = sorted(fillers, usize::MAX);
    let filler_total = fillers.iter().map(|(_, n)| n).sum();
    let per_minute = pace(words, answer_ms);
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for t in &toks {
        if t.chars().count() > 1
            && !STOP_EN.contains(&t.as_str())
            && !FILLERS_EN.contains(&t.as_str())
        {
            *counts.entry(t.clone()).or_default() += 1;
        }
    }
    // Chinese has no spaces: count two-character terms inside runs of Chinese characters.
    let chars: Vec<char> = text.chars().collect();
    for pair in chars.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if is_cjk(a) && is_cjk(b) && !STOP_ZH.contains(a) && !STOP_ZH.contains(b) {
            *counts.entry(format!("{a}{b}")).or_default() += 1;
        }
    }
    counts.retain(|_, n| *n > 1);
    Insights {
        words,
        characters,
        fillers: fillers.into_iter().filter(|(_, n)| *n > 0).collect(),
        filler_total,
        per_minute,
        top: sorted(counts, 5),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_fillers_are_whole_words_and_phrases() {
        let i = insights(
            "Um, I would, like, listen. You know, um... I'd like to help. Umbrella!",
            0,
        );
        assert_eq!(
            i.fillers,
            vec![("like".into(), 2), ("um".into(), 2), ("you know".into(), 1)]
        );
        assert_eq!(i.filler_total, 5);
        assert!(!i.characters);
        assert_eq!(i.per_minute, None);
    }

    #[test]
    fn chinese_fillers_in_both_scripts() {
        let s = insights("嗯，那个，我就是先倾听，然后道歉。嗯。", 0);
        assert_eq!(s.filler_total, 5);
        assert_eq!(s.fillers[0], ("嗯".into(), 2));
        let t = insights("那個客戶就是很生氣，然後我先聽他說完。", 0);
        assert_eq!(t.filler_total, 3);
        assert!(t.characters);
    }

    #[test]
    fn words_per_minute_in_english_characters_per_minute_in_chinese() {
        // 30 words in 12 seconds: 150 per minute.
        let text = "word ".repeat(30);
        assert_eq!(insights(&text, 12_000).per_minute, Some(150));
        // 20 characters in 10 s: 120 characters per minute.
        let zh = "我会先倾听客户的问题然后提出解决方案好的";
        assert_eq!(zh.chars().count(), 20);
        let i = insights(zh, 10_000);
        assert!(i.characters);
        assert_eq!((i.words, i.per_minute), (20, Some(120)));
        assert_eq!(insights(zh, 500).per_minute, None);
    }

    #[test]
    fn a_typed_answer_has_a_length_and_no_pace() {
        let i = insights("I would listen first, then apologise and fix it.", 0);
        assert_eq!((i.words, i.per_minute), (9, None));
    }

    #[test]
    fn most_used_words_skip_stop_words_and_single_uses() {
        let i = insights(
            "The customer was angry. I told the customer I would refund the customer. Refund done.",
            0,
        );
        assert_eq!(i.top, vec![("customer".into(), 3), ("refund".into(), 2)]);
        let z = insights("客户很生气。我先安抚客户，再帮客户退款，退款很快。", 0);
        assert_eq!(z.top[0], ("客户".into(), 3));
        assert!(z.top.contains(&("退款".into(), 2)));
    }

    #[test]
    fn pace_is_per_minute_of_speaking_time() {
        assert_eq!(pace(150, 60_000), Some(150));
        // Rounded: 100 words in 41 s is 146.3 a minute.
        assert_eq!(pace(100, 41_000), Some(146));
        assert_eq!(pace(30, 12_000), Some(150));
        assert_eq!(pace(10, 1_000), Some(600));
        assert_eq!(pace(10, 500), None, "half a second says nothing");
        assert_eq!(pace(0, 60_000), None);
        // A typed answer has no speaking time, so no pace.
        assert_eq!(pace(150, 0), None);
        assert_eq!(pace(u32::MAX, 1_000), Some(u32::MAX));
        // The same pace whether read from the recording or from insights' per-minute figure.
        let text = "word ".repeat(30);
        assert_eq!(pace(30, 12_000), insights(&text, 12_000).per_minute);
    }
}
