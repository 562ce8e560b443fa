//! Import is never trusted: the backup and panel parsers must return an error or a checked file,
//! never panic, whatever they are given; and nothing hostile may ever be planned for writing.
//! About 140,000 cases in all: arbitrary text, damaged real files, structured attacks on backups
//! (hostile ids, keys naming another id, oversize documents, one damaged document in a good file),
//! and generated backups and panel files that must round-trip (and re-merge idempotently).
#![cfg(not(target_arch = "wasm32"))]

use cs_interview_coach::domain::backup::{
    base64_decode, check_document, export, parse, plan, Backup, ImportError, Rejection,
    MAX_DOCUMENT_CHARS,
};
use cs_interview_coach::domain::ids::{split_chunk_key, split_key, valid_id};
use cs_interview_coach::domain::interview::{
    builtin as kits, Candidate, Interviewer, Kit, Scorecard,
};
use cs_interview_coach::domain::panel::{export_panel, merge, parse_panel, Merge, PanelFile};
use cs_interview_coach::domain::record::{decode, encode};
use cs_interview_coach::domain::review::Review;
use cs_interview_coach::domain::rubric::{builtin, version_id, Rubric};
use cs_interview_coach::domain::selfreview::{PlanItem, SelfReview};
use cs_interview_coach::domain::settings::Settings;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn review_doc(attempt: &str) -> String {
    let mut review = Review::new(attempt, 1, 5);
    review.toggle("structure/result");
    review.rate("criteria/skills", 4);
    review.differently = "少说“嗯”".into();
    encode(&review).unwrap_or_default()
}

/// The built-in rubric, read once.
fn rubric() -> &'static Rubric {
    static RUBRIC: OnceLock<Rubric> = OnceLock::new();
    RUBRIC.get_or_init(builtin)
}

fn good_docs() -> Vec<(String, String)> {
    vec![
        ("review:a1".to_string(), review_doc("a1")),
        (
            "selfreview:s1".to_string(),
            encode(&SelfReview::new("s1".into(), 9)).unwrap_or_default(),
        ),
        (
            "settings:app".to_string(),
            encode(&Settings::default()).unwrap_or_default(),
        ),
    ]
}

fn valid_backup() -> String {
    export(
        &good_docs()[..2],
        &[("audio:a1:000000".to_string(), vec![1, 2, 3, 4])],
        7,
    )
    .0
}

/// A backup file holding `documents` (key → raw JSON text, embedded as it is) and `audio`.
fn file_with(documents: &[(String, String)], audio: &[(String, String)]) -> String {
    let key = |k: &str| serde_json::to_string(k).unwrap_or_default();
    let docs: Vec<String> = documents
        .iter()
        .map(|(k, v)| format!("{}:{v}", key(k)))
        .collect();
    let chunks: Vec<String> = audio
        .iter()
        .map(|(k, v)| format!("{}:{}", key(k), key(v)))
        .collect();
    format!(
        "{{\"app\":\"cs-interview-coach\",\"schema\":1,\"exported_ms\":1,\"documents\":{{{}}},\"audio\":{{{}}}}}",
        docs.join(","),
        chunks.join(",")
    )
}

/// What every parsed backup must satisfy: what it holds passes every check, and the plan writes
/// only that (never a rejected entry, never a malformed key).
fn check_accepted(b: &Backup) -> Result<(), TestCaseError> {
    for (key, raw) in &b.documents {
        prop_assert_eq!(check_document(key, raw.get()), Ok(()), "{}", key);
    }
    for (key, data) in &b.audio {
        prop_assert!(split_chunk_key(key).is_some(), "{}", key);
        prop_assert!(base64_decode(data).is_some());
    }
    let p = plan(b, &|_| None, &BTreeSet::new());
    prop_assert_eq!(p.add.len(), b.documents.len());
    prop_assert_eq!(p.audio_add.len(), b.audio.len());
    let rejected: BTreeSet<&str> = b.rejected.iter().map(|(k, _)| k.as_str()).collect();
    for (key, _) in &p.add {
        prop_assert!(split_key(key).is_some(), "{}", key);
        prop_assert!(!rejected.contains(key.as_str()), "{}", key);
    }
    Ok(())
}

/// Ids outside the alphabet: path tricks, separators, unicode, control characters, too long.
fn hostile_id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("../x".to_string()),
        Just("..".to_string()),
        Just("a:b".to_string()),
        Just("a/b".to_string()),
        Just(String::new()),
        Just("a".repeat(101)),
        "[a-z]{0,3}[^A-Za-z0-9_-][a-z:/.]{0,3}",
        "[A-Za-z0-9_-]{101,140}",
        "\\PC{1,8}",
        "[\\x00-\\x1f\\x7f]{1,3}",
    ]
    .prop_filter("outside the alphabet", |s| !valid_id(s))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 35_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        if let Ok(b) = parse(&text) {
            check_accepted(&b)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 25_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn damaged_backups_are_rejected_or_read_never_panic(
        cut in 0usize..2_000,
        at in 0usize..2_000,
        insert in "[{}\\[\\]\":,0-9a-z\\\\ ]{0,6}",
    ) {
        let good = valid_backup();
        let mut chars: Vec<char> = good.chars().collect();
        let at = at % (chars.len() + 1);
        let end = (at + cut % 8).min(chars.len());
        chars.splice(at..end, insert.chars());
        let text: String = chars.into_iter().collect();
        match parse(&text) {
            Ok(b) => check_accepted(&b)?,
            Err(ImportError::NotOurs | ImportError::Corrupt(_) | ImportError::Newer { .. }) => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn generated_backups_round_trip(
        notes in proptest::collection::vec((any::<String>(), proptest::option::of(1u8..=5)), 0..4),
        audio in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..40), 0..3),
    ) {
        let mut sr = SelfReview::new("s1".into(), 1);
        sr.plan = notes.iter().map(|(t, _)| PlanItem { text: t.clone(), ..PlanItem::default() }).collect();
        sr.fluency = notes.first().and_then(|(_, r)| *r);
        let docs = vec![("selfreview:s1".to_string(), encode(&sr).unwrap_or_default())];
        let chunks: Vec<(String, Vec<u8>)> = audio
            .iter()
            .enumerate()
            .map(|(i, b)| (format!("audio:a1:{i:06}"), b.clone()))
            .collect();
        let (text, set_aside) = export(&docs, &chunks, 3);
        prop_assert!(set_aside.is_empty());
        let back = parse(&text);
        prop_assert!(back.is_ok(), "{:?}", back.err());
        let back = back.unwrap_or_else(|_| unreachable!());
        prop_assert!(back.rejected.is_empty());
        let got: SelfReview = decode(back.documents["selfreview:s1"].get())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(got, sr);
        for (k, bytes) in &chunks {
            prop_assert_eq!(base64_decode(&back.audio[k]), Some(bytes.clone()));
        }
        // Importing the same file into what it came from changes nothing.
        let stored = |k: &str| docs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
        let present: BTreeSet<String> = chunks.iter().map(|(k, _)| k.clone()).collect();
        prop_assert!(plan(&back, &stored, &present).is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn hostile_ids_are_rejected_and_never_planned(id in hostile_id(), how in 0u8..5) {
        let good = ("review:a1".to_string(), review_doc("a1"));
        let bad = match how {
            // A hostile id in the key and in the document.
            0 => (format!("review:{id}"), review_doc(&id)),
            // Only in the key.
            1 => (format!("review:{id}"), review_doc("a1")),
            // Only in the document: its key names another id.
            2 => ("review:a2".to_string(), review_doc(&id)),
            3 => (
                format!("selfreview:{id}"),
                encode(&SelfReview::new(id.clone(), 1)).unwrap_or_default(),
            ),
            // A hostile kind.
            _ => (format!("{id}:a1"), review_doc("a1")),
        };
        let chunk = (format!("audio:{id}:000000"), "AQID".to_string());
        let text = file_with(&[good.clone(), bad.clone()], std::slice::from_ref(&chunk));
        let b = parse(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        check_accepted(&b)?;
        prop_assert_eq!(b.documents.keys().collect::<Vec<_>>(), vec![&good.0]);
        prop_assert!(b.audio.is_empty());
        let rejected: Vec<&str> = b.rejected.iter().map(|(k, _)| k.as_str()).collect();
        prop_assert!(rejected.contains(&bad.0.as_str()), "{:?}", rejected);
        prop_assert!(rejected.contains(&chunk.0.as_str()), "{:?}", rejected);
        let p = plan(&b, &|_| None, &BTreeSet::new());
        prop_assert_eq!(p.add.len(), 1);
        prop_assert!(p.audio_add.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn a_key_naming_another_id_than_its_document_is_rejected(
        key_id in "[A-Za-z0-9_-]{1,100}",
        doc_id in "[A-Za-z0-9_-]{1,100}",
        version in 0u32..2_000_000,
        kind in 0u8..4,
    ) {
        let bad = match kind {
            0 => (format!("review:{key_id}"), review_doc(&doc_id)),
            1 => (
                format!("selfreview:{key_id}"),
                encode(&SelfReview::new(doc_id.clone(), 1)).unwrap_or_default(),
            ),
            2 => (format!("settings:{key_id}"), encode(&Settings::default()).unwrap_or_default()),
            _ => {
                let mut r = rubric().clone();
                r.version = version;
                (format!("rubric:{key_id}"), encode(&r).unwrap_or_default())
            }
        };
        let inside = match kind {
            2 => "app".to_string(),
            3 => version_id(version),
            _ => doc_id.clone(),
        };
        prop_assume!(inside != key_id);
        let good = ("review:a1".to_string(), review_doc("a1"));
        let b = parse(&file_with(&[good.clone(), bad.clone()], &[]))
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        check_accepted(&b)?;
        prop_assert_eq!(b.documents.keys().collect::<Vec<_>>(), vec![&good.0]);
        prop_assert!(
            matches!(&b.rejected[..], [(k, Rejection::IdMismatch { .. })] if *k == bad.0),
            "{:?}",
            b.rejected
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn oversize_documents_are_rejected_and_the_rest_still_plans(
        extra in 1usize..5_000,
        wide in 0usize..3,
    ) {
        // One UTF-16 unit, two, or two for one character.
        let (unit, per) = [("x", 1), ("好", 1), ("😀", 2)][wide];
        let mut sr = SelfReview::new("s1".into(), 1);
        sr.feedback = unit.repeat(MAX_DOCUMENT_CHARS / per + extra);
        let big = ("selfreview:s1".to_string(), encode(&sr).unwrap_or_default());
        let (text, set_aside) = export(&[big.clone(), good_docs()[0].clone()], &[], 1);
        prop_assert!(set_aside.is_empty());
        let b = parse(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        check_accepted(&b)?;
        prop_assert!(
            matches!(&b.rejected[..], [(k, Rejection::TooLarge { chars })] if *k == big.0 && *chars > MAX_DOCUMENT_CHARS),
            "{:?}",
            b.rejected.iter().map(|(k, w)| (k, w.to_string())).collect::<Vec<_>>()
        );
        prop_assert_eq!(plan(&b, &|_| None, &BTreeSet::new()).add.len(), 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn one_damaged_document_never_blocks_the_rest(
        which in 0usize..3,
        cut in 0usize..8,
        at in 0usize..600,
        insert in "[{}\\[\\]\":,0-9a-z\\\\ ]{0,6}",
    ) {
        let mut docs = good_docs();
        let mut chars: Vec<char> = docs[which].1.chars().collect();
        let at = at % (chars.len() + 1);
        let end = (at + cut).min(chars.len());
        chars.splice(at..end, insert.chars());
        let damaged: String = chars.into_iter().collect();
        // Embedded as it is when it is still JSON (else the file would not be); as a string if not.
        docs[which].1 = if serde_json::from_str::<serde::de::IgnoredAny>(&damaged).is_ok() {
            damaged
        } else {
            serde_json::to_string(&damaged).unwrap_or_default()
        };
        let b = parse(&file_with(&docs, &[])).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        check_accepted(&b)?;
        for (i, (key, _)) in docs.iter().enumerate() {
            let kept = b.documents.contains_key(key);
            let refused = b.rejected.iter().any(|(k, _)| k == key);
            prop_assert!(kept != refused, "{} is either kept or rejected", key);
            prop_assert!(i == which || kept, "{} is untouched and imports", key);
        }
    }
}

fn who(id: &str, name: &str) -> Interviewer {
    Interviewer {
        id: id.into(),
        name: name.into(),
    }
}

fn cand(id: &str, name: &str) -> Candidate {
    Candidate {
        id: id.into(),
        name: name.into(),
        ..Candidate::default()
    }
}

/// The first built-in kit, read once.
fn kit() -> &'static Kit {
    static KIT: OnceLock<Kit> = OnceLock::new();
    KIT.get_or_init(|| {
        kits()
            .kits
            .into_iter()
            .next()
            .unwrap_or_else(|| unreachable!())
    })
}

fn card(id: &str, me: &Interviewer, candidate: &str, rating: u8, notes: &str) -> Scorecard {
    let kit = kit();
    let mut s = Scorecard::new(id.into(), candidate, me, kit, "Phone screen", 1);
    s.rate_scale("criteria/skills".into(), rating);
    if let Some((_, q)) = kit.flat().first() {
        s.set_notes(q.to_string(), notes.into());
        s.rate_question(q.to_string(), rating);
    }
    s.takeaways = notes.into();
    s
}

/// A real panel file, made once.
fn valid_panel() -> &'static str {
    static FILE: OnceLock<String> = OnceLock::new();
    FILE.get_or_init(|| {
        let alice = who("custom-alice-1", "Alice");
        export_panel(
            &alice,
            &[cand("a-1", "Chen Jing"), cand("a-2", "Wu")],
            &[
                card("s1", &alice, "a-1", 4, "听得很认真"),
                card("s2", &alice, "a-2", 2, "late"),
            ],
            5,
        )
    })
}

fn apply(cands: &mut Vec<Candidate>, cards: &mut Vec<Scorecard>, m: &Merge) {
    cands.extend(m.new_candidates.iter().cloned());
    cards.extend(m.add.iter().cloned());
}

/// What every accepted panel file must satisfy, and its merge must be idempotent.
fn check_panel(f: &PanelFile) -> Result<(), TestCaseError> {
    prop_assert!(valid_id(&f.interviewer.id));
    for c in &f.candidates {
        prop_assert!(valid_id(&c.id));
    }
    for s in &f.scorecards {
        prop_assert!(valid_id(&s.id));
        prop_assert!(f.candidates.iter().any(|c| c.id == s.candidate));
        prop_assert_eq!(&s.interviewer.id, &f.interviewer.id);
        prop_assert!(s.ratings.values().all(|r| (1..=5).contains(r)));
    }
    let (mut cands, mut cards) = (vec![cand("here-1", "Wu")], vec![]);
    let m = merge(&cands, &cards, f);
    prop_assert_eq!(m.add.len(), f.scorecards.len());
    apply(&mut cands, &mut cards, &m);
    let again = merge(&cands, &cards, f);
    prop_assert!(again.is_empty(), "{:?}", again);
    prop_assert_eq!(again.same, f.scorecards.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn arbitrary_text_is_never_a_panel_file_and_never_panics(text in any::<String>()) {
        if let Ok(f) = parse_panel(&text) {
            check_panel(&f)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 15_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn damaged_panel_files_are_refused_or_read_never_panic(
        cut in 0usize..8,
        at in 0usize..20_000,
        insert in "[{}\\[\\]\":,0-9a-z\\\\ ]{0,6}",
    ) {
        let good = valid_panel();
        let mut chars: Vec<char> = good.chars().collect();
        let at = at % (chars.len() + 1);
        let end = (at + cut).min(chars.len());
        chars.splice(at..end, insert.chars());
        let text: String = chars.into_iter().collect();
        match parse_panel(&text) {
            Ok(f) => check_panel(&f)?,
            Err(ImportError::NotOurs | ImportError::Corrupt(_) | ImportError::Newer { .. }) => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn generated_panel_files_round_trip_and_merge_idempotently(
        me in "[A-Za-z0-9_-]{1,100}",
        name in any::<String>(),
        people in proptest::collection::vec((any::<String>(), 1u8..=5, any::<String>()), 0..4),
        here in proptest::collection::vec(any::<String>(), 0..3),
    ) {
        let me = who(&me, &name);
        let cands: Vec<Candidate> = people
            .iter()
            .enumerate()
            .map(|(i, (n, _, _))| cand(&format!("c-{i}"), n))
            .collect();
        let cards: Vec<Scorecard> = people
            .iter()
            .enumerate()
            .map(|(i, (_, r, notes))| card(&format!("s-{i}"), &me, &format!("c-{i}"), *r, notes))
            .collect();
        let text = export_panel(&me, &cands, &cards, 9);
        let f = parse_panel(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(&f.interviewer, &me);
        prop_assert_eq!(&f.candidates, &cands);
        prop_assert_eq!(&f.scorecards, &cards);
        check_panel(&f)?;
        // Into a colleague's data, whose candidates may have the same names.
        let mut local: Vec<Candidate> = here
            .iter()
            .enumerate()
            .map(|(i, n)| cand(&format!("h-{i}"), n))
            .collect();
        let mut local_cards = Vec::new();
        let m = merge(&local, &local_cards, &f);
        prop_assert_eq!(m.add.len(), cards.len());
        prop_assert!(m.conflicts.is_empty());
        apply(&mut local, &mut local_cards, &m);
        for c in &local_cards {
            prop_assert!(local.iter().any(|l| l.id == c.candidate), "every card has its candidate");
        }
        let again = merge(&local, &local_cards, &f);
        prop_assert!(again.is_empty(), "{:?}", again);
        prop_assert_eq!(again.same, cards.len());
    }
}

#[test]
fn deeply_nested_values_are_rejected_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    // As a document, as an envelope's data (current, and old enough to be migrated).
    let docs = [
        ("review:a1".to_string(), deep.clone()),
        (
            "selfreview:s1".to_string(),
            format!("{{\"v\":1,\"data\":{deep}}}"),
        ),
        (
            "settings:app".to_string(),
            format!("{{\"v\":0,\"data\":{deep}}}"),
        ),
        ("review:a2".to_string(), review_doc("a2")),
    ];
    let b = parse(&file_with(&docs, &[])).expect("the file reads");
    assert_eq!(b.documents.keys().collect::<Vec<_>>(), ["review:a2"]);
    assert_eq!(b.rejected.len(), 3);
    let panel = format!(
        "{{\"app\":\"cs-interview-coach\",\"kind\":\"panel\",\"schema\":1,\"exported_ms\":1,\"interviewer\":{deep},\"candidates\":[],\"scorecards\":[]}}"
    );
    assert!(matches!(parse_panel(&panel), Err(ImportError::Corrupt(_))));
    let deep_map = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let panel = valid_panel().replacen("\"notes\":\"\"", &format!("\"notes\":{deep_map}"), 1);
    assert!(matches!(parse_panel(&panel), Err(ImportError::Corrupt(_))));
}
