//! Folding Chinese to one script for search: a map from traditional to simplified characters, made
//! at build time from the content itself (`build/search.rs` calls [`derive`]), so that a query typed
//! in either script finds text in the other.
//!
//! Plain `std` only: `build.rs` compiles this file too.
//!
//! Where the map comes from: the zh-Hant and zh-Hans strings of the same field of every question
//! (and the synonyms, whose two Chinese lists are written as script twins). When the two strings
//! have the same length, each position pairs a traditional character with a simplified one. Not every
//! such field is a conversion (a translation may be reworded at the same length), so:
//! 1. a field counts only if each position where it differs pairs characters that belong to one
//!    script in this content (the traditional one never appears in simplified text, and the other
//!    way round): a rewording mostly swaps in characters both scripts use;
//! 2. a character seen paired two ways is settled by a clear majority (four in five): the fields that
//!    disagree are left out as rewordings; with no clear majority, every field that pairs it goes;
//!    this repeats until every pair left is one-to-one;
//! 3. a pair whose simplified side is also a traditional character (not in the simplified-only
//!    list) needs two sightings;
//! 4. the synonyms' pairs are trusted as written and win over the content's.

use std::collections::{BTreeMap, BTreeSet};

/// One field in both scripts: (zh-Hant, zh-Hans).
pub type Twin = (String, String);

/// Counts of traditional → simplified pairings.
type Tally = BTreeMap<char, BTreeMap<char, u32>>;

fn tally<'a>(fields: impl Iterator<Item = &'a Twin>) -> (Tally, Tally) {
    let mut t2s: Tally = BTreeMap::new();
    let mut s2t: Tally = BTreeMap::new();
    for (hant, hans) in fields {
        for (t, s) in hant.chars().zip(hans.chars()).filter(|(t, s)| t != s) {
            *t2s.entry(t).or_default().entry(s).or_default() += 1;
            *s2t.entry(s).or_default().entry(t).or_default() += 1;
        }
    }
    (t2s, s2t)
}

/// The pairings (as `(from, to)` of `tally`'s own direction) that a field must not contain.
fn outvoted(tally: &Tally) -> BTreeSet<(char, char)> {
    let mut out = BTreeSet::new();
    for (&from, targets) in tally {
        if targets.len() < 2 {
            continue;
        }
        let total: u32 = targets.values().sum();
        let (&best, &n) = targets
            .iter()
            .max_by_key(|(_, n)| **n)
            .expect("two or more targets");
        let settled = n * 5 >= total * 4;
        for &to in targets.keys() {
            if !settled || to != best {
                out.insert((from, to));
            }
        }
    }
    out
}

/// The traditional → simplified map, sorted by the traditional character. `content`: the question
/// fields in both scripts (any lengths); `trusted`: the synonyms' twins (same lengths);
/// `simplified_only`: characters traditional text never uses.
#[cfg_attr(not(test), allow(dead_code))]
pub fn derive(content: &[Twin], trusted: &[Twin], simplified_only: &str) -> Vec<(char, char)> {
    let hant_chars: BTreeSet<char> = content.iter().flat_map(|(t, _)| t.chars()).collect();
    let hans_chars: BTreeSet<char> = content.iter().flat_map(|(_, s)| s.chars()).collect();
    let only_simplified: BTreeSet<char> = simplified_only.chars().collect();
    let same_length = |(t, s): &&Twin| t.chars().count() == s.chars().count();

    let mut alive: Vec<&Twin> = content
        .iter()
        .filter(same_length)
        .filter(|(t, s)| {
            t.chars()
                .zip(s.chars())
                .all(|(a, b)| a == b || (!hans_chars.contains(&a) && !hant_chars.contains(&b)))
        })
        .collect();
    let (t2s, s2t) = loop {
        let (t2s, s2t) = tally(alive.iter().copied());
        let bad_t = outvoted(&t2s);
        let bad_s = outvoted(&s2t);
        if bad_t.is_empty() && bad_s.is_empty() {
            break (t2s, s2t);
        }
        alive.retain(|(t, s)| {
            !t.chars()
                .zip(s.chars())
                .any(|(a, b)| bad_t.contains(&(a, b)) || bad_s.contains(&(b, a)))
        });
    };

    let mut map: BTreeMap<char, char> = BTreeMap::new();
    for (&t, targets) in &t2s {
        let Some((&s, &n)) = targets.iter().next() else {
            continue;
        };
        // One-to-one by construction; checked again rather than assumed.
        let one_to_one = targets.len() == 1 && s2t.get(&s).is_some_and(|f| f.len() == 1);
        if one_to_one && (n >= 2 || only_simplified.contains(&s)) {
            map.insert(t, s);
        }
    }
    let trusted: Vec<(char, char)> = trusted
        .iter()
        .filter(same_length)
        .flat_map(|(t, s)| t.chars().zip(s.chars()))
        .filter(|(t, s)| t != s)
        .collect();
    let trusted_targets: BTreeSet<char> = trusted.iter().map(|(_, s)| *s).collect();
    map.retain(|t, s| !trusted_targets.contains(s) || trusted.contains(&(*t, *s)));
    for (t, s) in trusted {
        map.insert(t, s);
    }
    map.into_iter().collect()
}

/// One character folded for matching: ASCII letters to lower case, traditional Chinese to
/// simplified through `map` (sorted by its first member).
pub fn fold_char(map: &[(char, char)], c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match map.binary_search_by_key(&c, |(t, _)| *t) {
        Ok(i) => map[i].1,
        Err(_) => c,
    }
}

/// A whole string folded, character by character (so it keeps its length in characters).
pub fn fold(map: &[(char, char)], text: &str) -> String {
    text.chars().map(|c| fold_char(map, c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn twins(list: &[(&str, &str)]) -> Vec<Twin> {
        list.iter()
            .map(|(t, s)| (t.to_string(), s.to_string()))
            .collect()
    }

    #[test]
    fn pairs_come_from_fields_of_the_same_length() {
        let content = twins(&[
            ("處理憤怒的客戶", "处理愤怒的客户"),
            ("憤怒", "愤怒"),
            ("客戶", "客户"),
            ("處理", "处理"),
            ("請說明", "请详细说明"), // not the same length: ignored
        ]);
        let map = derive(&content, &[], "处愤户");
        assert_eq!(map, [('憤', '愤'), ('戶', '户'), ('處', '处')]);
        assert_eq!(fold(&map, "處理憤怒的客戶"), "处理愤怒的客户");
        assert_eq!(fold(&map, "ANGRY 客戶"), "angry 客户");
    }

    #[test]
    fn a_reworded_field_gives_no_pairs() {
        // 您 → 你 is a rewording (你 is used in traditional text too), so the field is left out
        // whole, and its 將 → 会 with it.
        let content = twins(&[
            ("您將如何", "你会如何"),
            ("你如何", "你如何"),
            ("會", "会"),
            ("會", "会"),
        ]);
        let map = derive(&content, &[], "会");
        assert_eq!(map, [('會', '会')]);
    }

    #[test]
    fn a_clear_majority_settles_a_character_and_a_split_drops_it() {
        let mut content = Vec::new();
        for _ in 0..8 {
            content.push(("說".to_string(), "说".to_string()));
        }
        // Once against eight: a rewording, left out.
        content.push(("說話".to_string(), "讲话".to_string()));
        // Three against two: no majority; neither stays.
        for _ in 0..3 {
            content.push(("職".to_string(), "岗".to_string()));
        }
        for _ in 0..2 {
            content.push(("職".to_string(), "职".to_string()));
        }
        let map = derive(&content, &[], "说讲岗职");
        assert_eq!(map, [('說', '说')]);
    }

    #[test]
    fn ambiguous_targets_need_two_sightings_and_the_synonyms_win() {
        // 后 is also a traditional character: one sighting is not enough, two are.
        let once = twins(&[("然後", "然后")]);
        assert_eq!(derive(&once, &[], ""), []);
        let twice = twins(&[("然後", "然后"), ("之後", "之后")]);
        assert_eq!(derive(&twice, &[], ""), [('後', '后')]);
        // The synonyms are trusted, also many to one, and override the content.
        let trusted = twins(&[("回覆", "回复"), ("複述", "复述")]);
        assert_eq!(derive(&[], &trusted, ""), [('複', '复'), ('覆', '复')]);
    }
}
