//! Comparing candidates: what one interviewer may see of the panel's scorecards (blind until their
//! own is submitted), and the comparison table's rows and their order.

use super::candidate::Candidate;
use super::scorecard::Scorecard;
use std::collections::BTreeMap;

/// A candidate's scorecards as one interviewer may see them: their own, and the others only once
/// their own is submitted (blind until submitted).
#[derive(Debug, PartialEq)]
pub struct Visible<'a> {
    pub mine: Option<&'a Scorecard>,
    pub others: Vec<&'a Scorecard>,
    /// Others' scorecards that exist but stay hidden.
    pub hidden: usize,
}

pub fn visible<'a>(cards: &'a [Scorecard], me: &str, candidate: &str) -> Visible<'a> {
    let mine = cards
        .iter()
        .filter(|c| c.candidate == candidate && c.interviewer.id == me)
        .max_by_key(|c| (c.submitted(), c.started_ms));
    let others: Vec<&Scorecard> = cards
        .iter()
        .filter(|c| c.candidate == candidate && c.interviewer.id != me && c.submitted())
        .collect();
    if mine.is_some_and(|m| m.submitted()) {
        Visible {
            mine,
            others,
            hidden: 0,
        }
    } else {
        Visible {
            mine,
            hidden: others.len(),
            others: Vec::new(),
        }
    }
}

/// One row of the comparison table: a candidate and what the visible, submitted scorecards say.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub candidate: Candidate,
    /// Rubric scale key → average rating.
    pub ratings: BTreeMap<String, f64>,
    /// The average recommendation, 1 (strong no) to 5 (strong yes).
    pub recommendation: Option<f64>,
    pub flags: u32,
    pub critical: u32,
    pub cards: u32,
}

pub fn rows(candidates: &[Candidate], cards: &[Scorecard], me: &str) -> Vec<Row> {
    candidates
        .iter()
        .map(|c| {
            let v = visible(cards, me, &c.id);
            let seen: Vec<&Scorecard> = v
                .mine
                .into_iter()
                .filter(|m| m.submitted())
                .chain(v.others)
                .collect();
            let mut sums: BTreeMap<String, (f64, u32)> = BTreeMap::new();
            for card in &seen {
                for (k, r) in &card.ratings {
                    let e = sums.entry(k.clone()).or_default();
                    e.0 += f64::from(*r);
                    e.1 += 1;
                }
            }
            let recs: Vec<u8> = seen
                .iter()
                .filter_map(|c| c.recommendation.value())
                .collect();
            Row {
                candidate: c.clone(),
                ratings: sums
                    .into_iter()
                    .map(|(k, (s, n))| (k, s / f64::from(n)))
                    .collect(),
                recommendation: (!recs.is_empty())
                    .then(|| recs.iter().map(|r| f64::from(*r)).sum::<f64>() / recs.len() as f64),
                flags: seen.iter().map(|c| c.flags.len() as u32).sum(),
                critical: seen.iter().map(|c| c.critical_flags() as u32).sum(),
                cards: seen.len() as u32,
            }
        })
        .collect()
}

/// What the comparison table is sorted by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Rating(String),
    Recommendation,
    Flags,
}

/// Sorts rows, best first for ratings and recommendations, most flags first; unrated rows last.
pub fn sort_rows(rows: &mut [Row], by: &SortBy) {
    let key = |r: &Row| -> Option<f64> {
        match by {
            SortBy::Name => None,
            SortBy::Rating(k) => r.ratings.get(k).copied(),
            SortBy::Recommendation => r.recommendation,
            SortBy::Flags => Some(f64::from(r.flags)),
        }
    };
    rows.sort_by(|a, b| {
        if *by == SortBy::Name {
            return a
                .candidate
                .name
                .to_ascii_lowercase()
                .cmp(&b.candidate.name.to_ascii_lowercase());
        }
        match (key(a), key(b)) {
            (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(std::cmp::Ordering::Equal),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| a.candidate.name.cmp(&b.candidate.name))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::interview::candidate::Interviewer;
    use crate::domain::interview::fixtures::kit;
    use crate::domain::interview::verdict::{Recommendation, Severity};

    fn card(id: &str, who: &str, cand: &str, submitted: bool, rating: u8) -> Scorecard {
        let mut c = Scorecard::new(
            id.into(),
            cand,
            &Interviewer {
                id: who.into(),
                name: who.into(),
            },
            &kit(),
            "Phone",
            1,
        );
        c.ratings.insert("criteria/skills".into(), rating);
        if submitted {
            c.submitted_ms = Some(2);
        }
        c
    }

    #[test]
    fn others_scores_stay_hidden_until_mine_is_submitted() {
        let mut cards = vec![
            card("1", "alice", "c1", true, 4),
            card("2", "bob", "c1", true, 2),
            card("3", "i-me", "c1", false, 5),
        ];
        let v = visible(&cards, "i-me", "c1");
        assert_eq!((v.others.len(), v.hidden), (0, 2));
        assert!(v.mine.is_some());
        // The comparison respects it too: my draft counts for nothing, theirs are hidden.
        let cand = Candidate {
            id: "c1".into(),
            name: "Chen".into(),
            ..Candidate::default()
        };
        assert_eq!(
            rows(std::slice::from_ref(&cand), &cards, "i-me")[0].cards,
            0
        );
        cards[2].submitted_ms = Some(9);
        let v = visible(&cards, "i-me", "c1");
        assert_eq!((v.others.len(), v.hidden), (2, 0));
        let r = &rows(&[cand], &cards, "i-me")[0];
        assert_eq!(r.cards, 3);
        assert_eq!(r.ratings["criteria/skills"], 11.0 / 3.0);
    }

    #[test]
    fn comparison_sorts_by_any_criterion_recommendation_or_flags() {
        let cands: Vec<Candidate> = ["Ann", "bo", "Cy"]
            .iter()
            .map(|n| Candidate {
                id: n.to_string(),
                name: n.to_string(),
                ..Candidate::default()
            })
            .collect();
        let mut cards = vec![
            card("1", "i-me", "Ann", true, 2),
            card("2", "i-me", "bo", true, 5),
        ];
        cards[0].recommendation = Recommendation::StrongYes;
        cards[1].recommendation = Recommendation::No;
        cards[1].flags.insert("unprepared".into(), Severity::Minor);
        let mut r = rows(&cands, &cards, "i-me");
        let names = |r: &[Row]| {
            r.iter()
                .map(|x| x.candidate.name.clone())
                .collect::<Vec<_>>()
        };
        sort_rows(&mut r, &SortBy::Rating("criteria/skills".into()));
        assert_eq!(names(&r), ["bo", "Ann", "Cy"]);
        sort_rows(&mut r, &SortBy::Recommendation);
        assert_eq!(names(&r), ["Ann", "bo", "Cy"]);
        sort_rows(&mut r, &SortBy::Flags);
        assert_eq!(names(&r)[0], "bo");
        sort_rows(&mut r, &SortBy::Name);
        assert_eq!(names(&r), ["Ann", "bo", "Cy"]);
    }
}
