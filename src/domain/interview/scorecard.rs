//! One interviewer's scorecard for one candidate: notes and ratings, red flags, traits, and the
//! critical-flag rule that can block submitting. (Where the interview stands, question and clock,
//! is in `progress`.)

use super::candidate::Interviewer;
use super::clock::Clock;
use super::kit::{Kit, KitSection};
use super::verdict::{Recommendation, Severity};
use crate::domain::record::Record;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Notes and a 1–5 rating for one question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub rating: Option<u8>,
}

/// One interviewer's scorecard for one candidate, from one kit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub id: String,
    pub candidate: String,
    pub interviewer: Interviewer,
    pub kit: String,
    /// The kit as it was when the interview began: the same questions in the same order, whatever
    /// happens to the kit later.
    pub kit_name: String,
    pub sections: Vec<KitSection>,
    /// The question on screen (an index into every question, in order).
    #[serde(default)]
    pub current: usize,
    #[serde(default)]
    pub clock: Clock,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Rubric scale (`criteria/…`, `qualities/…`) → 1–5.
    #[serde(default)]
    pub ratings: BTreeMap<String, u8>,
    /// Red flag id → severity.
    #[serde(default)]
    pub flags: BTreeMap<String, Severity>,
    #[serde(default)]
    pub traits: Vec<String>,
    #[serde(default)]
    pub takeaways: String,
    #[serde(default)]
    pub recommendation: Recommendation,
    /// Why "yes" stands despite a critical red flag.
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub submitted_ms: Option<u64>,
    pub started_ms: u64,
    #[serde(default)]
    pub rubric: u32,
}

impl Record for Scorecard {
    const KIND: &'static str = "scorecard";
    const VERSION: u32 = 1;
}

/// Why a scorecard cannot be submitted as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubmitError {
    /// A critical red flag blocks "yes" and "strong yes" unless a reason is written.
    CriticalFlagNeedsReason,
}

/// Where a scorecard stands with the rule "a critical red flag blocks a hire recommendation unless
/// a reason is written".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CriticalRule {
    /// No hire recommendation, or no critical flag: the rule has nothing to say.
    Quiet,
    /// A hire recommendation despite a critical flag, and no reason yet: submitting is blocked.
    Blocks,
    /// A hire recommendation despite a critical flag, with a reason: it may be submitted.
    Explained,
}

impl Scorecard {
    pub fn new(
        id: String,
        candidate: &str,
        me: &Interviewer,
        kit: &Kit,
        kit_name: &str,
        now: u64,
    ) -> Scorecard {
        Scorecard {
            id,
            candidate: candidate.to_string(),
            interviewer: me.clone(),
            kit: kit.id.clone(),
            kit_name: kit_name.to_string(),
            sections: kit.sections.clone(),
            started_ms: now,
            rubric: 1,
            ..Scorecard::default()
        }
    }

    /// The rubric version the card is rated against (cards from before versions count as 1).
    pub fn rubric_version(&self) -> u32 {
        self.rubric.max(1)
    }

    pub fn notes(&self, question: &str) -> &str {
        self.answers.get(question).map_or("", |a| a.notes.as_str())
    }

    pub fn set_notes(&mut self, question: String, notes: String) {
        self.answers.entry(question).or_default().notes = notes;
    }

    pub fn question_rating(&self, question: &str) -> Option<u8> {
        self.answers.get(question).and_then(|a| a.rating)
    }

    pub fn rate_question(&mut self, question: String, rating: u8) {
        self.answers.entry(question).or_default().rating = Some(rating);
    }

    /// A rubric scale's rating (`criteria/…`, `qualities/…`).
    pub fn scale_rating(&self, key: &str) -> Option<u8> {
        self.ratings.get(key).copied()
    }

    pub fn rate_scale(&mut self, key: String, rating: u8) {
        self.ratings.insert(key, rating);
    }

    pub fn flag_severity(&self, flag: &str) -> Option<Severity> {
        self.flags.get(flag).copied()
    }

    /// Raises red flag `flag` with a severity, or (with `None`) lowers it.
    pub fn set_flag_severity(&mut self, flag: String, severity: Option<Severity>) {
        match severity {
            Some(s) => {
                self.flags.insert(flag, s);
            }
            None => {
                self.flags.remove(&flag);
            }
        }
    }

    pub fn has_trait(&self, id: &str) -> bool {
        self.traits.iter().any(|t| t == id)
    }

    /// Ticks (`on`) or unticks a good-candidate trait; a ticked trait is listed last, once.
    pub fn set_trait(&mut self, id: String, on: bool) {
        self.traits.retain(|x| *x != id);
        if on {
            self.traits.push(id);
        }
    }

    pub fn critical_flags(&self) -> usize {
        self.flags
            .values()
            .filter(|s| **s == Severity::Critical)
            .count()
    }

    /// The rule: a critical red flag blocks a hire recommendation unless a reason is written.
    pub fn critical_rule(&self) -> CriticalRule {
        if !self.recommendation.is_hire() || self.critical_flags() == 0 {
            CriticalRule::Quiet
        } else if self.reason.trim().is_empty() {
            CriticalRule::Blocks
        } else {
            CriticalRule::Explained
        }
    }

    pub fn check(&self) -> Result<(), SubmitError> {
        match self.critical_rule() {
            CriticalRule::Blocks => Err(SubmitError::CriticalFlagNeedsReason),
            CriticalRule::Quiet | CriticalRule::Explained => Ok(()),
        }
    }

    pub fn submit(&mut self, now: u64) -> Result<(), SubmitError> {
        self.check()?;
        self.clock.stop(now);
        self.submitted_ms = Some(now);
        Ok(())
    }

    pub fn submitted(&self) -> bool {
        self.submitted_ms.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::interview::fixtures::{kit, me};

    const MIN: u64 = 60_000;

    fn fresh() -> Scorecard {
        Scorecard::new("s".into(), "c1", &me(), &kit(), "Phone", 0)
    }

    #[test]
    fn a_critical_flag_blocks_hire_unless_a_reason_is_written() {
        let mut c = fresh();
        c.recommendation = Recommendation::StrongYes;
        assert_eq!(c.check(), Ok(()));
        c.flags.insert("arrogant-or-unsure".into(), Severity::Major);
        assert_eq!(c.check(), Ok(()), "only critical flags block");
        c.flags
            .insert("flustered-defensive".into(), Severity::Critical);
        assert_eq!(c.submit(5), Err(SubmitError::CriticalFlagNeedsReason));
        assert!(!c.submitted());
        c.recommendation = Recommendation::Mixed;
        assert_eq!(c.check(), Ok(()), "no hire, no block");
        c.recommendation = Recommendation::Yes;
        c.reason = "  ".into();
        assert!(c.check().is_err(), "a blank reason is no reason");
        c.reason = "Defensive once, under a deliberately unfair question; calm otherwise.".into();
        assert_eq!(c.submit(5), Ok(()));
        assert!(c.submitted());
    }

    #[test]
    fn the_critical_rule_is_quiet_blocks_or_is_explained() {
        let mut c = fresh();
        c.set_flag_severity("rude".into(), Some(Severity::Critical));
        assert_eq!(
            c.critical_rule(),
            CriticalRule::Quiet,
            "no decision, no rule"
        );
        c.recommendation = Recommendation::Yes;
        assert_eq!(c.critical_rule(), CriticalRule::Blocks);
        c.reason = "Provoked on purpose.".into();
        assert_eq!(c.critical_rule(), CriticalRule::Explained);
        c.set_flag_severity("rude".into(), Some(Severity::Major));
        assert_eq!(c.critical_rule(), CriticalRule::Quiet);
    }

    #[test]
    fn submitting_stops_the_clock() {
        let mut c = fresh();
        c.clock.toggle(0);
        assert_eq!(c.submit(3 * MIN), Ok(()));
        assert!(!c.clock.running());
        assert_eq!(c.clock.total_ms(2, 9 * MIN), 3 * MIN);
    }

    #[test]
    fn notes_and_ratings_are_kept_per_question_and_per_scale() {
        let mut c = fresh();
        c.set_notes("q1".into(), "Gave an example.".into());
        c.rate_question("q1".into(), 4);
        c.rate_question("q2".into(), 2);
        assert_eq!(
            (c.notes("q1"), c.question_rating("q1")),
            ("Gave an example.", Some(4))
        );
        assert_eq!((c.notes("q2"), c.question_rating("q2")), ("", Some(2)));
        assert_eq!(c.question_rating("q3"), None);
        c.rate_scale("criteria/skills".into(), 3);
        c.rate_scale("criteria/skills".into(), 5);
        assert_eq!(c.scale_rating("criteria/skills"), Some(5));
        assert_eq!(c.scale_rating("criteria/enthusiasm"), None);
    }

    #[test]
    fn a_flag_is_raised_with_a_severity_and_lowered_with_none() {
        let mut c = fresh();
        c.set_flag_severity("unprepared".into(), Some(Severity::Minor));
        c.set_flag_severity("unprepared".into(), Some(Severity::Critical));
        assert_eq!(c.flag_severity("unprepared"), Some(Severity::Critical));
        assert_eq!(c.critical_flags(), 1);
        c.set_flag_severity("unprepared".into(), None);
        assert_eq!(c.flag_severity("unprepared"), None);
        assert!(c.flags.is_empty());
    }

    #[test]
    fn a_ticked_trait_is_listed_once_and_last() {
        let mut c = fresh();
        c.set_trait("patient".into(), true);
        c.set_trait("curious".into(), true);
        c.set_trait("patient".into(), true);
        assert_eq!(c.traits, ["curious", "patient"]);
        assert!(c.has_trait("patient"));
        c.set_trait("curious".into(), false);
        assert_eq!(c.traits, ["patient"]);
        assert!(!c.has_trait("curious"));
    }

    #[test]
    fn older_cards_are_rated_against_the_first_rubric() {
        let mut c = fresh();
        assert_eq!(c.rubric_version(), 1);
        c.rubric = 0;
        assert_eq!(c.rubric_version(), 1);
        c.rubric = 3;
        assert_eq!(c.rubric_version(), 3);
    }
}
