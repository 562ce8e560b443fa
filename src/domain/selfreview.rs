//! The self-review after a real interview (`000_…` §5): how it went, what to improve, and a plan
//! whose items point at questions to practise again.

use super::record::Record;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One step of the improvement plan, optionally linked to a question to practise.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    pub text: String,
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub done: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SelfReview {
    pub id: String,
    /// Which interview: company and role, as the user writes it.
    #[serde(default)]
    pub title: String,
    /// The interview date, `YYYY-MM-DD` (from a date input), or empty.
    #[serde(default)]
    pub date: String,
    /// 1–5 each.
    #[serde(default)]
    pub fluency: Option<u8>,
    #[serde(default)]
    pub logic: Option<u8>,
    #[serde(default)]
    pub professionalism: Option<u8>,
    /// Moments the user was unsure of or answered thinly.
    #[serde(default)]
    pub unsure: String,
    /// Feedback the interviewer gave.
    #[serde(default)]
    pub feedback: String,
    #[serde(default)]
    pub plan: Vec<PlanItem>,
    pub created_ms: u64,
}

impl Record for SelfReview {
    const KIND: &'static str = "selfreview";
    const VERSION: u32 = 1;
}

impl SelfReview {
    pub fn new(id: String, now: u64) -> SelfReview {
        SelfReview {
            id,
            created_ms: now,
            ..SelfReview::default()
        }
    }
}

/// Questions linked from plan items not yet done, across every self-review. The random pick
/// favours these.
pub fn to_practise(reviews: &[SelfReview]) -> BTreeSet<String> {
    reviews
        .iter()
        .flat_map(|r| r.plan.iter())
        .filter(|p| !p.done)
        .filter_map(|p| p.question.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pick::weight;

    #[test]
    fn open_plan_items_flag_their_questions_for_the_random_pick() {
        let mut r = SelfReview::new("s1".into(), 0);
        r.plan = vec![
            PlanItem {
                text: "Complaint role-plays".into(),
                question: Some("handle-complaints".into()),
                done: false,
            },
            PlanItem {
                text: "Research the company".into(),
                question: None,
                done: false,
            },
            PlanItem {
                text: "Stress".into(),
                question: Some("handle-stress".into()),
                done: true,
            },
        ];
        let set = to_practise(&[r]);
        assert_eq!(set.into_iter().collect::<Vec<_>>(), ["handle-complaints"]);
        assert_eq!(weight(None, 0.0, true), 2.0 * weight(None, 0.0, false));
    }
}
