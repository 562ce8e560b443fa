//! Import is never trusted: the backup parser must return an error, never panic, whatever it is
//! given. 100,000 cases in all: arbitrary text, damaged real backups, and generated backups that
//! must round-trip.
#![cfg(not(target_arch = "wasm32"))]

use cs_interview_coach::domain::backup::{base64_decode, export, parse, plan, ImportError};
use cs_interview_coach::domain::record::encode;
use cs_interview_coach::domain::review::Review;
use cs_interview_coach::domain::selfreview::{PlanItem, SelfReview};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn valid_backup() -> String {
    let mut review = Review::new("a1", 1, 5);
    review.toggle("structure/result");
    review.rate("criteria/skills", 4);
    review.differently = "少说“嗯”".into();
    let docs = vec![
        ("review:a1".to_string(), encode(&review).unwrap_or_default()),
        (
            "selfreview:s1".to_string(),
            encode(&SelfReview::new("s1".into(), 9)).unwrap_or_default(),
        ),
    ];
    export(
        &docs,
        &[("audio:a1:000000".to_string(), vec![1, 2, 3, 4])],
        7,
    )
    .0
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = parse(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 30_000, failure_persistence: None, ..ProptestConfig::default() })]
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
            Ok(b) => {
                // Whatever was accepted can be planned against and only holds valid audio.
                let _ = plan(&b, &|_| None, &BTreeSet::new());
                for data in b.audio.values() {
                    prop_assert!(base64_decode(data).is_some());
                }
            }
            Err(ImportError::NotOurs | ImportError::Corrupt(_) | ImportError::Newer { .. }) => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]
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
        let (text, skipped) = export(&docs, &chunks, 3);
        prop_assert!(skipped.is_empty());
        let back = parse(&text);
        prop_assert!(back.is_ok(), "{:?}", back.err());
        let back = back.unwrap_or_else(|_| unreachable!());
        let got: SelfReview = cs_interview_coach::domain::record::decode(back.documents["selfreview:s1"].get())
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
