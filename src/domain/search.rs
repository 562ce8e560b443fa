//! Text search with highlight ranges, safe for any script.
//!
//! Latin letters match regardless of case (ASCII folding); other characters match exactly. Chinese
//! has no case, and full Unicode case tables would add about 10 KB to the wasm.

/// A piece of text, marked when it matches the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

fn folded(c: char) -> char {
    c.to_ascii_lowercase()
}

/// Byte ranges of every non-overlapping match of `query` in `text` (ASCII case ignored).
pub fn find(text: &str, query: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = query.trim().chars().map(folded).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, folded(c))).collect();
    let mut hits = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|((_, a), b)| a == b)
        {
            let start = hay[i].0;
            let end = hay
                .get(i + needle.len())
                .map(|(b, _)| *b)
                .unwrap_or(text.len());
            hits.push((start, end));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    hits
}

pub fn contains(text: &str, query: &str) -> bool {
    !find(text, query).is_empty()
}

/// Splits `text` into plain and matching segments, for highlighting.
pub fn highlight(text: &str, query: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in find(text, query) {
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
        assert!(!contains("處理憤怒", "愤怒"), "scripts are not mixed");
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
}
