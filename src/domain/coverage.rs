//! Talking-point coverage: which of a question's talking points an answer's text touched.
//!
//! The match is plain and explainable: a point counts as touched when the text contains one of its
//! keywords (in any of the three languages, ignoring ASCII case). The matching keyword is shown.

use super::content::TalkingPoint;

#[derive(Clone, Debug, PartialEq)]
pub struct Touch {
    pub point: String,
    /// The keyword found, if any.
    pub matched: Option<String>,
}

/// Every talking point of a question, in order, with the keyword that shows it (if any).
pub fn coverage(text: &str, points: &[TalkingPoint]) -> Vec<Touch> {
    let hay = text.to_ascii_lowercase();
    points
        .iter()
        .map(|p| Touch {
            point: p.id.clone(),
            matched: p
                .keywords
                .iter()
                .flat_map(|(_, words)| words.iter())
                .find(|w| {
                    let w = w.trim().to_ascii_lowercase();
                    !w.is_empty() && hay.contains(&w)
                })
                .cloned(),
        })
        .collect()
}

/// How many points were touched, of how many.
pub fn touched(list: &[Touch]) -> (usize, usize) {
    (
        list.iter().filter(|t| t.matched.is_some()).count(),
        list.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::PerLang;

    fn point(id: &str, en: &[&str], hans: &[&str], hant: &[&str]) -> TalkingPoint {
        let v = |l: &[&str]| l.iter().map(|s| s.to_string()).collect();
        TalkingPoint {
            id: id.into(),
            label: PerLang {
                en: id.into(),
                zh_hans: id.into(),
                zh_hant: id.into(),
            },
            keywords: PerLang {
                en: v(en),
                zh_hans: v(hans),
                zh_hant: v(hant),
            },
        }
    }

    #[test]
    fn points_are_touched_by_their_keywords_in_any_language() {
        let points = [
            point(
                "listen",
                &["listen", "let them finish"],
                &["倾听"],
                &["傾聽"],
            ),
            point("apologise", &["sorry", "apolog"], &["道歉"], &["道歉"]),
            point("follow-up", &["follow up"], &["跟进"], &["跟進"]),
        ];
        let en = coverage(
            "First I LISTEN and let them finish, then I apologise.",
            &points,
        );
        assert_eq!(en[0].matched.as_deref(), Some("listen"));
        assert_eq!(en[1].matched.as_deref(), Some("apolog"));
        assert_eq!(en[2].matched, None);
        assert_eq!(touched(&en), (2, 3));
        let hant = coverage("我會先傾聽，之後跟進。", &points);
        assert_eq!(touched(&hant), (2, 3));
        assert_eq!(hant[2].matched.as_deref(), Some("跟進"));
        let hans = coverage("先倾听客户", &points);
        assert_eq!(hans[0].matched.as_deref(), Some("倾听"));
        assert_eq!(touched(&coverage("", &points)), (0, 3));
    }
}
