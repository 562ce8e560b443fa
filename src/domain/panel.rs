//! The offline panel: each interviewer exports their candidates and scorecards to a file; importing
//! colleagues' files merges them per candidate. The merge is idempotent (the same file twice changes
//! nothing) and never resolves a conflict silently: the same interviewer's scorecard for the same
//! candidate with different content is listed for the user to decide.

use super::backup::{check_header, ImportError, APP_ID};
use super::interview::{Candidate, Interviewer, Scorecard};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const PANEL_SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelFile {
    pub app: String,
    /// Always "panel", so a backup is not taken for a panel file.
    pub kind: String,
    pub schema: u32,
    pub exported_ms: u64,
    pub interviewer: Interviewer,
    pub candidates: Vec<Candidate>,
    pub scorecards: Vec<Scorecard>,
}

/// Writes my panel file: the candidates and my scorecards for them.
pub fn export_panel(
    me: &Interviewer,
    candidates: &[Candidate],
    cards: &[Scorecard],
    now: u64,
) -> String {
    let mine: Vec<Scorecard> = cards
        .iter()
        .filter(|c| c.interviewer.id == me.id)
        .cloned()
        .collect();
    let file = PanelFile {
        app: APP_ID.into(),
        kind: "panel".into(),
        schema: PANEL_SCHEMA,
        exported_ms: now,
        interviewer: me.clone(),
        candidates: candidates.to_vec(),
        scorecards: mine,
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads and checks a panel file.
pub fn parse_panel(text: &str) -> Result<PanelFile, ImportError> {
    let value = check_header(text, Some("panel"), PANEL_SCHEMA)?;
    let file: PanelFile =
        serde_json::from_value(value).map_err(|e| ImportError::Corrupt(e.to_string()))?;
    let bad_id = |id: &str| id.is_empty() || id.len() > 200 || id.chars().any(|c| c.is_control());
    if bad_id(&file.interviewer.id)
        || file.candidates.iter().any(|c| bad_id(&c.id))
        || file
            .scorecards
            .iter()
            .any(|s| bad_id(&s.id) || bad_id(&s.candidate))
    {
        return Err(ImportError::Corrupt("bad id".into()));
    }
    Ok(file)
}

/// A name as matched across browsers: trimmed, ASCII case folded, inner spaces collapsed.
fn name_key(c: &Candidate) -> String {
    let words: Vec<String> = c
        .name
        .split_whitespace()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    words.join(" ")
}

/// What importing a panel file would do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Merge {
    /// Candidates nobody here has yet.
    pub new_candidates: Vec<Candidate>,
    /// Scorecards to add, already pointing at the local candidate.
    pub add: Vec<Scorecard>,
    /// Scorecards that are here already, exactly so.
    pub same: usize,
    /// `(what is here, what the file says)`: the same interviewer and candidate, different content.
    pub conflicts: Vec<(Scorecard, Scorecard)>,
}

impl Merge {
    pub fn is_empty(&self) -> bool {
        self.new_candidates.is_empty() && self.add.is_empty() && self.conflicts.is_empty()
    }
}

/// Merges `file` into what is here. A file's candidate is the local one with the same id, else
/// the one with the same name (colleagues who each typed the candidate in); otherwise it is new.
/// A scorecard is identified by its id (made when its interview began): the same id with other
/// content is the same interviewer's scorecard for the same candidate, changed.
pub fn merge(candidates: &[Candidate], cards: &[Scorecard], file: &PanelFile) -> Merge {
    let mut out = Merge::default();
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    let mut known: Vec<Candidate> = candidates.to_vec();
    for c in &file.candidates {
        let local = known
            .iter()
            .find(|k| k.id == c.id)
            .or_else(|| known.iter().find(|k| name_key(k) == name_key(c)))
            .map(|k| k.id.clone());
        match local {
            Some(id) => {
                map.insert(c.id.clone(), id);
            }
            None => {
                map.insert(c.id.clone(), c.id.clone());
                known.push(c.clone());
                out.new_candidates.push(c.clone());
            }
        }
    }
    for incoming in &file.scorecards {
        let Some(cand) = map.get(&incoming.candidate) else {
            continue; // a scorecard for a candidate the file does not list: nothing to attach it to
        };
        let mut card = incoming.clone();
        card.candidate = cand.clone();
        let here = cards.iter().chain(out.add.iter()).find(|c| c.id == card.id);
        match here {
            None => out.add.push(card),
            Some(h) if *h == card => out.same += 1,
            Some(h) => out.conflicts.push((h.clone(), card)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::interview::fixtures::kit;
    use crate::domain::interview::Recommendation;

    fn who(id: &str) -> Interviewer {
        Interviewer {
            id: id.into(),
            name: id.to_uppercase(),
        }
    }

    fn cand(id: &str, name: &str) -> Candidate {
        Candidate {
            id: id.into(),
            name: name.into(),
            ..Candidate::default()
        }
    }

    fn card(id: &str, by: &str, c: &str, rating: u8) -> Scorecard {
        let mut s = Scorecard::new(id.into(), c, &who(by), &kit(), "Phone", 1);
        s.ratings.insert("criteria/skills".into(), rating);
        s.recommendation = Recommendation::Yes;
        s.submitted_ms = Some(3);
        s
    }

    fn apply(cands: &mut Vec<Candidate>, cards: &mut Vec<Scorecard>, m: &Merge) {
        cands.extend(m.new_candidates.iter().cloned());
        cards.extend(m.add.iter().cloned());
    }

    #[test]
    fn merging_the_same_file_twice_changes_nothing() {
        let alice = export_panel(
            &who("alice"),
            &[cand("a-1", "Chen Jing")],
            &[card("s1", "alice", "a-1", 4), card("x", "bob", "a-1", 1)],
            9,
        );
        let file = parse_panel(&alice).expect("parse");
        assert_eq!(
            file.scorecards.len(),
            1,
            "only my own scorecards are exported"
        );
        let (mut cands, mut cards) = (vec![cand("c-9", "chen  jing")], vec![]);
        let m = merge(&cands, &cards, &file);
        // Matched by name: no new candidate; the scorecard now points at the local one.
        assert!(m.new_candidates.is_empty());
        assert_eq!(m.add.len(), 1);
        assert_eq!(m.add[0].candidate, "c-9");
        apply(&mut cands, &mut cards, &m);
        let again = merge(&cands, &cards, &file);
        assert!(again.is_empty(), "{again:?}");
        assert_eq!(again.same, 1);
    }

    #[test]
    fn a_changed_scorecard_from_the_same_interviewer_is_a_conflict_not_an_overwrite() {
        let (mut cands, mut cards) = (vec![], vec![]);
        let first = parse_panel(&export_panel(
            &who("alice"),
            &[cand("a-1", "Li")],
            &[card("s1", "alice", "a-1", 4)],
            1,
        ))
        .expect("parse");
        let m = merge(&cands, &cards, &first);
        apply(&mut cands, &mut cards, &m);
        assert_eq!((cands.len(), cards.len()), (1, 1));
        let changed = parse_panel(&export_panel(
            &who("alice"),
            &[cand("a-1", "Li")],
            &[card("s1", "alice", "a-1", 2)],
            2,
        ))
        .expect("parse");
        let m = merge(&cands, &cards, &changed);
        assert!(m.add.is_empty());
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].0.ratings["criteria/skills"], 4);
        assert_eq!(m.conflicts[0].1.ratings["criteria/skills"], 2);
        // A colleague's scorecard for the same candidate is not a conflict.
        let bob = parse_panel(&export_panel(
            &who("bob"),
            &[cand("b-7", "Li")],
            &[card("t1", "bob", "b-7", 3)],
            3,
        ))
        .expect("parse");
        let m = merge(&cands, &cards, &bob);
        assert_eq!(
            (m.add.len(), m.conflicts.len(), m.new_candidates.len()),
            (1, 0, 0)
        );
        assert_eq!(m.add[0].candidate, "a-1");
    }

    #[test]
    fn merged_scores_stay_blind_until_mine_is_submitted() {
        use crate::domain::interview::visible;
        let (mut cands, mut cards) = (vec![cand("c1", "Wu")], vec![]);
        for by in ["alice", "bob"] {
            let f = parse_panel(&export_panel(
                &who(by),
                &[cand(&format!("{by}-1"), "Wu")],
                &[card(&format!("{by}-s"), by, &format!("{by}-1"), 4)],
                1,
            ))
            .expect("parse");
            let m = merge(&cands, &cards, &f);
            apply(&mut cands, &mut cards, &m);
        }
        assert_eq!(cards.len(), 2);
        let mut mine = card("m", "carol", "c1", 5);
        mine.submitted_ms = None;
        cards.push(mine);
        assert_eq!(visible(&cards, "carol", "c1").hidden, 2);
        cards[2].submitted_ms = Some(5);
        assert_eq!(visible(&cards, "carol", "c1").others.len(), 2);
    }

    #[test]
    fn foreign_damaged_newer_and_backup_files_are_refused() {
        assert_eq!(parse_panel("nope"), Err(ImportError::NotOurs));
        assert_eq!(
            parse_panel("{\"app\":\"cs-interview-coach\",\"schema\":1,\"documents\":{}}"),
            Err(ImportError::NotOurs)
        );
        let ok = export_panel(&who("a"), &[cand("a-1", "Li")], &[], 1);
        assert!(matches!(
            parse_panel(&ok[..ok.len() - 5]),
            Err(ImportError::Corrupt(_))
        ));
        assert!(matches!(
            parse_panel(&ok.replacen("\"schema\":1", "\"schema\":4", 1)),
            Err(ImportError::Newer { found: 4, .. })
        ));
        assert!(matches!(
            parse_panel(&ok.replacen("\"a-1\"", "\"\"", 1)),
            Err(ImportError::Corrupt(_))
        ));
    }
}
