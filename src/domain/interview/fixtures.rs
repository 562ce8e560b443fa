//! Test data shared by the interview tests and the panel's.

use super::candidate::Interviewer;
use super::kit::{Kit, KitSection};
use crate::domain::rubric::same_text;

/// A two-section kit: `a` (10 minutes: q1, q2) and `b` (20 minutes: q3).
pub(crate) fn kit() -> Kit {
    Kit {
        id: "k".into(),
        name: same_text("Phone"),
        purpose: same_text(""),
        sections: vec![
            KitSection {
                id: "a".into(),
                title: same_text("A"),
                minutes: 10,
                questions: vec!["q1".into(), "q2".into()],
            },
            KitSection {
                id: "b".into(),
                title: same_text("B"),
                minutes: 20,
                questions: vec!["q3".into()],
            },
        ],
        builtin: false,
    }
}

pub(crate) fn me() -> Interviewer {
    Interviewer {
        id: "i-me".into(),
        name: "Me".into(),
    }
}
