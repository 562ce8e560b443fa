//! The offline panel: each interviewer exports their candidates and scorecards to a file; importing
//! colleagues' files merges them per candidate. The merge is idempotent (the same file twice changes
//! nothing) and never resolves a conflict silently: the same interviewer's scorecard for the same
//! candidate with different content is listed for the user to decide.
//!
//! A panel file gets the same distrust as a backup: [`parse_panel`] refuses, with the reason, a file
//! that is not ours, newer, of the wrong shape, with an id outside the [id alphabet](super::ids),
//! or whose scorecards are not the file's interviewer's or not for a candidate it lists.

use super::backup::{check_header, marks_in_range, ImportError, APP_ID};
use super::ids::valid_id;
use super::interview::{Candidate, Interviewer, Scorecard};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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
///
/// The file holds only what [`parse_panel`] accepts, so that it always imports: candidates and
/// scorecards whose ids are not valid, repeated ids, and scorecards for a candidate the file does
/// not list (or with a mark outside 1–5) are left out (see [`export_panel_counted`]).
pub fn export_panel(
    me: &Interviewer,
    candidates: &[Candidate],
    cards: &[Scorecard],
    now: u64,
) -> String {
    export_panel_counted(me, candidates, cards, now).0
}

/// [`export_panel`], with how many of the candidates and my scorecards were left out because a
/// colleague's app would refuse them.
pub fn export_panel_counted(
    me: &Interviewer,
    candidates: &[Candidate],
    cards: &[Scorecard],
    now: u64,
) -> (String, usize) {
    let mut left_out = 0;
    let mut listed: Vec<Candidate> = Vec::new();
    for c in candidates {
        if valid_id(&c.id) && !listed.iter().any(|l| l.id == c.id) {
            listed.push(c.clone());
        } else {
            left_out += 1;
        }
    }
    let mut mine: Vec<Scorecard> = Vec::new();
    for card in cards.iter().filter(|c| c.interviewer.id == me.id) {
        if check_card(card, &me.id, &listed).is_ok() && !mine.iter().any(|m| m.id == card.id) {
            mine.push(card.clone());
        } else {
            left_out += 1;
        }
    }
    let file = PanelFile {
        app: APP_ID.into(),
        kind: "panel".into(),
        schema: PANEL_SCHEMA,
        exported_ms: now,
        interviewer: me.clone(),
        candidates: listed,
        scorecards: mine,
    };
    (serde_json::to_string(&file).unwrap_or_default(), left_out)
}

/// Checks one scorecard of a file whose interviewer is `interviewer` and whose candidates are
/// `candidates`.
fn check_card(card: &Scorecard, interviewer: &str, candidates: &[Candidate]) -> Result<(), String> {
    let at = |what: &str| format!("scorecard {:?}: {what}", cut(&card.id));
    if !valid_id(&card.id) {
        return Err(at("its id is not valid"));
    }
    if !valid_id(&card.candidate) {
        return Err(at("its candidate's id is not valid"));
    }
    if !candidates.iter().any(|c| c.id == card.candidate) {
        return Err(at("its candidate is not in the file"));
    }
    if card.interviewer.id != interviewer {
        return Err(at("it is another interviewer's, not the file's"));
    }
    if !marks_in_range(card) {
        return Err(at("a mark is outside 1–5"));
    }
    Ok(())
}

/// At most 40 characters of an id, for an error message.
fn cut(id: &str) -> String {
    id.chars().take(40).collect()
}

/// Reads and checks a panel file: one of ours of kind "panel", not from a newer schema, with every
/// field of the expected type, valid ids (interviewer, candidates, scorecards and the candidates
/// they are for), no id twice, every scorecard the file's interviewer's and for a candidate the
/// file lists, and marks from 1 to 5. Anything else refuses the file whole, with the reason.
pub fn parse_panel(text: &str) -> Result<PanelFile, ImportError> {
    check_header(text, Some("panel"), PANEL_SCHEMA)?;
    let file: PanelFile =
        serde_json::from_str(text).map_err(|e| ImportError::Corrupt(e.to_string()))?;
    let corrupt = |why: String| Err(ImportError::Corrupt(why));
    if !valid_id(&file.interviewer.id) {
        return corrupt("the interviewer's id is not valid".into());
    }
    let mut ids = BTreeSet::new();
    for c in &file.candidates {
        if !valid_id(&c.id) {
            return corrupt(format!("candidate {:?}: its id is not valid", cut(&c.id)));
        }
        if !ids.insert(c.id.as_str()) {
            return corrupt(format!("candidate {:?} is in the file twice", c.id));
        }
    }
    let mut ids = BTreeSet::new();
    for card in &file.scorecards {
        check_card(card, &file.interviewer.id, &file.candidates).map_err(ImportError::Corrupt)?;
        if !ids.insert(card.id.as_str()) {
            return corrupt(format!("scorecard {:?} is in the file twice", card.id));
        }
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

    /// A good file from alice: two candidates, a scorecard for each; as JSON to damage.
    fn good() -> serde_json::Value {
        let text = export_panel(
            &who("alice"),
            &[cand("a-1", "Li"), cand("a-2", "Wu")],
            &[card("s1", "alice", "a-1", 4), card("s2", "alice", "a-2", 5)],
            1,
        );
        serde_json::from_str(&text).expect("json")
    }

    fn parse_value(v: &serde_json::Value) -> Result<PanelFile, ImportError> {
        parse_panel(&v.to_string())
    }

    fn corrupt(v: &serde_json::Value) -> String {
        match parse_value(v) {
            Err(ImportError::Corrupt(why)) => why,
            other => panic!("expected Corrupt, got {other:?}"),
        }
    }

    #[test]
    fn a_good_file_reads_back_as_it_was_written() {
        let file = parse_value(&good()).expect("parse");
        assert_eq!(file.candidates.len(), 2);
        assert_eq!(file.scorecards.len(), 2);
        assert_eq!(file.interviewer, who("alice"));
    }

    #[test]
    fn a_panel_file_from_a_newer_schema_is_newer_not_corrupt() {
        let mut v = good();
        v["schema"] = 2.into();
        assert_eq!(
            parse_value(&v),
            Err(ImportError::Newer {
                found: 2,
                supported: PANEL_SCHEMA
            })
        );
        // Even when the rest of it is in a shape this app does not know.
        v["scorecards"] = "a new shape".into();
        assert!(matches!(parse_value(&v), Err(ImportError::Newer { .. })));
        v["schema"] = "1".into();
        assert!(matches!(parse_value(&v), Err(ImportError::Corrupt(_))));
    }

    /// A named way to damage a file.
    type Damage = (&'static str, fn(&mut serde_json::Value));

    #[test]
    fn wrong_json_types_in_a_panel_file_refuse_it() {
        let damage: [Damage; 10] = [
            ("rating", |v| {
                v["scorecards"][0]["ratings"]["criteria/skills"] = "4".into()
            }),
            ("sections", |v| v["scorecards"][0]["sections"] = 3.into()),
            ("candidate ref", |v| {
                v["scorecards"][0]["candidate"] = 1.into()
            }),
            ("submitted", |v| {
                v["scorecards"][0]["submitted_ms"] = "soon".into()
            }),
            ("interviewer", |v| {
                v["scorecards"][0]["interviewer"] = "alice".into()
            }),
            ("scorecards", |v| v["scorecards"] = serde_json::json!({})),
            ("candidate name", |v| {
                v["candidates"][0]["name"] = serde_json::Value::Null
            }),
            ("exported", |v| v["exported_ms"] = (-1).into()),
            ("file interviewer", |v| v["interviewer"]["id"] = 7.into()),
            ("unknown field", |v| v["extra"] = 1.into()),
        ];
        for (what, f) in damage {
            let mut v = good();
            f(&mut v);
            assert!(
                matches!(parse_value(&v), Err(ImportError::Corrupt(_))),
                "{what}"
            );
        }
    }

    #[test]
    fn hostile_ids_in_a_panel_file_refuse_it() {
        let long = "a".repeat(101);
        for bad in [
            "",
            "../x",
            "a:b",
            "a b",
            "a/b",
            "é",
            "a\u{0}",
            long.as_str(),
        ] {
            let mut v = good();
            v["interviewer"]["id"] = bad.into();
            for c in v["scorecards"].as_array_mut().expect("cards") {
                c["interviewer"]["id"] = bad.into();
            }
            assert!(corrupt(&v).contains("interviewer"), "{bad:?}");
            let mut v = good();
            v["candidates"][0]["id"] = bad.into();
            v["scorecards"][0]["candidate"] = bad.into();
            assert!(corrupt(&v).contains("candidate"), "{bad:?}");
            let mut v = good();
            v["scorecards"][1]["id"] = bad.into();
            assert!(corrupt(&v).contains("id is not valid"), "{bad:?}");
        }
    }

    #[test]
    fn a_scorecard_for_a_candidate_the_file_does_not_list_refuses_it() {
        let mut v = good();
        v["scorecards"][0]["candidate"] = "a-9".into();
        assert!(corrupt(&v).contains("not in the file"));
        let mut v = good();
        v["candidates"].as_array_mut().expect("list").remove(1);
        assert!(corrupt(&v).contains("not in the file"));
    }

    #[test]
    fn a_scorecard_by_another_interviewer_than_the_files_refuses_it() {
        let mut v = good();
        v["scorecards"][1]["interviewer"] = serde_json::json!({"id": "bob", "name": "BOB"});
        assert!(corrupt(&v).contains("another interviewer"));
        // A renamed interviewer is the same interviewer.
        let mut v = good();
        v["scorecards"][1]["interviewer"]["name"] = "Alice Chen".into();
        assert!(parse_value(&v).is_ok());
    }

    #[test]
    fn repeated_ids_and_marks_outside_one_to_five_refuse_a_panel_file() {
        let mut v = good();
        v["candidates"][1]["id"] = "a-1".into();
        v["scorecards"][1]["candidate"] = "a-1".into();
        assert!(corrupt(&v).contains("twice"));
        let mut v = good();
        v["scorecards"][1]["id"] = "s1".into();
        assert!(corrupt(&v).contains("twice"));
        for bad in [0, 6, 255] {
            let mut v = good();
            v["scorecards"][0]["ratings"]["criteria/skills"] = bad.into();
            assert!(corrupt(&v).contains("1–5"), "{bad}");
            let mut v = good();
            v["scorecards"][0]["answers"]["q1"] = serde_json::json!({"rating": bad});
            assert!(corrupt(&v).contains("1–5"), "{bad}");
        }
    }

    #[test]
    fn an_export_leaves_out_what_a_colleague_would_refuse_so_it_always_imports() {
        let stray = card("s9", "alice", "gone", 3);
        let mut odd = card("s8", "alice", "a-1", 3);
        odd.ratings.insert("criteria/other".into(), 9);
        let (text, left_out) = export_panel_counted(
            &who("alice"),
            &[
                cand("a-1", "Li"),
                cand("a-1", "Li again"),
                cand("../x", "Evil"),
            ],
            &[
                card("s1", "alice", "a-1", 4),
                card("s1", "alice", "a-1", 2),
                stray,
                odd,
                card("b1", "bob", "a-1", 1),
            ],
            1,
        );
        assert_eq!(
            left_out, 5,
            "a repeated and a bad candidate; a repeated, a stray and an odd card"
        );
        let file = parse_panel(&text).expect("it imports");
        assert_eq!(file.candidates, [cand("a-1", "Li")]);
        assert_eq!(file.scorecards.len(), 1);
        assert_eq!(file.scorecards[0].ratings["criteria/skills"], 4);
        assert!(parse_panel(&export_panel(&who("alice"), &[], &[], 1)).is_ok());
    }
}
