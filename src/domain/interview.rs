//! Interviewer mode: candidates, interview kits (structured: every candidate gets the same questions
//! in the same order), and the scorecard of one interview, with its clock and section budgets.

use super::content::PerLang;
use super::record::Record;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The built-in kits and the good-candidate traits, as data.
pub const KITS_JSON: &str = include_str!("../../content/kits.json");

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Screen,
    Onsite,
    Decided,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Screen, Status::Onsite, Status::Decided];

    pub fn slug(self) -> &'static str {
        match self {
            Status::Screen => "screen",
            Status::Onsite => "onsite",
            Status::Decided => "decided",
        }
    }

    pub fn from_slug(s: &str) -> Status {
        Status::ALL
            .into_iter()
            .find(|x| x.slug() == s)
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub role: String,
    /// `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub status: Status,
    pub created_ms: u64,
}

impl Record for Candidate {
    const KIND: &'static str = "candidate";
    const VERSION: u32 = 1;
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KitSection {
    pub id: String,
    pub title: PerLang<String>,
    pub minutes: u32,
    pub questions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kit {
    pub id: String,
    pub name: PerLang<String>,
    #[serde(default = "empty_text")]
    pub purpose: PerLang<String>,
    pub sections: Vec<KitSection>,
    /// Built-in kits come from `content/kits.json` and cannot be edited (copy them instead).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub builtin: bool,
}

fn empty_text() -> PerLang<String> {
    super::rubric::same_text("")
}

impl Record for Kit {
    const KIND: &'static str = "kit";
    const VERSION: u32 = 1;
}

impl Kit {
    pub fn minutes(&self) -> u32 {
        self.sections.iter().map(|s| s.minutes).sum()
    }

    /// Every question in order, with its section's index.
    pub fn flat(&self) -> Vec<(usize, &str)> {
        flat(&self.sections)
    }
}

/// Every question of `sections` in order, with its section's index.
pub fn flat(sections: &[KitSection]) -> Vec<(usize, &str)> {
    sections
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.questions.iter().map(move |q| (i, q.as_str())))
        .collect()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trait {
    pub id: String,
    pub label: PerLang<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KitsFile {
    pub traits: Vec<Trait>,
    pub kits: Vec<Kit>,
}

/// The built-in kits (marked built-in) and the traits.
pub fn builtin() -> KitsFile {
    let mut file: KitsFile = serde_json::from_str(KITS_JSON).unwrap_or(KitsFile {
        traits: Vec::new(),
        kits: Vec::new(),
    });
    for k in &mut file.kits {
        k.builtin = true;
    }
    file
}

/// Who fills in a scorecard: one per browser, named by its user.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Interviewer {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Minor,
    Major,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Minor, Severity::Major, Severity::Critical];

    pub fn slug(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }

    pub fn from_slug(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|x| x.slug() == s)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recommendation {
    StrongNo,
    No,
    Mixed,
    Yes,
    StrongYes,
    #[default]
    NoDecision,
}

impl Recommendation {
    pub const ALL: [Recommendation; 6] = [
        Recommendation::StrongNo,
        Recommendation::No,
        Recommendation::Mixed,
        Recommendation::Yes,
        Recommendation::StrongYes,
        Recommendation::NoDecision,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Recommendation::StrongNo => "strong-no",
            Recommendation::No => "no",
            Recommendation::Mixed => "mixed",
            Recommendation::Yes => "yes",
            Recommendation::StrongYes => "strong-yes",
            Recommendation::NoDecision => "no-decision",
        }
    }

    pub fn from_slug(s: &str) -> Recommendation {
        Recommendation::ALL
            .into_iter()
            .find(|x| x.slug() == s)
            .unwrap_or_default()
    }

    /// 1 (strong no) to 5 (strong yes); `None` for no decision.
    pub fn value(self) -> Option<u8> {
        match self {
            Recommendation::StrongNo => Some(1),
            Recommendation::No => Some(2),
            Recommendation::Mixed => Some(3),
            Recommendation::Yes => Some(4),
            Recommendation::StrongYes => Some(5),
            Recommendation::NoDecision => None,
        }
    }

    pub fn is_hire(self) -> bool {
        matches!(self, Recommendation::Yes | Recommendation::StrongYes)
    }
}

/// Notes and a 1–5 rating for one question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub rating: Option<u8>,
}

/// The interview clock: time is counted per section, from timestamps (a reload loses nothing).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Clock {
    /// The section being timed.
    pub section: usize,
    /// When the clock was last started; `None` while stopped.
    pub running_since: Option<u64>,
    /// Time spent in each section, excluding the running stretch.
    pub spent: Vec<u64>,
}

impl Clock {
    pub fn running(&self) -> bool {
        self.running_since.is_some()
    }

    fn bank(&mut self, now: u64) {
        if let Some(t) = self.running_since {
            if self.spent.len() <= self.section {
                self.spent.resize(self.section + 1, 0);
            }
            self.spent[self.section] += now.saturating_sub(t);
            self.running_since = Some(now);
        }
    }

    pub fn start(&mut self, now: u64) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    pub fn stop(&mut self, now: u64) {
        self.bank(now);
        self.running_since = None;
    }

    /// Times from now on count for `section`.
    pub fn switch(&mut self, section: usize, now: u64) {
        self.bank(now);
        self.section = section;
    }

    pub fn section_ms(&self, section: usize, now: u64) -> u64 {
        let banked = self.spent.get(section).copied().unwrap_or(0);
        match self.running_since {
            Some(t) if section == self.section => banked + now.saturating_sub(t),
            _ => banked,
        }
    }

    pub fn total_ms(&self, sections: usize, now: u64) -> u64 {
        (0..sections.max(self.section + 1))
            .map(|s| self.section_ms(s, now))
            .sum()
    }
}

/// Where a section stands against its time budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    Within,
    /// 80 % of the budget or more: time to move on.
    Near,
    Over,
}

pub fn budget(spent_ms: u64, minutes: u32) -> Budget {
    let limit = u64::from(minutes) * 60_000;
    if spent_ms > limit {
        Budget::Over
    } else if spent_ms * 5 >= limit * 4 {
        Budget::Near
    } else {
        Budget::Within
    }
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

    /// Every question in order, with its section's index.
    pub fn flat(&self) -> Vec<(usize, &str)> {
        flat(&self.sections)
    }

    /// Moves to question `index` (clamped); the clock follows the question's section.
    pub fn go_to(&mut self, index: usize, now: u64) {
        let flat = self.flat();
        let Some(last) = flat.len().checked_sub(1) else {
            return;
        };
        let index = index.min(last);
        let section = flat[index].0;
        self.current = index;
        self.clock.switch(section, now);
    }

    pub fn critical_flags(&self) -> usize {
        self.flags
            .values()
            .filter(|s| **s == Severity::Critical)
            .count()
    }

    /// The rule: a critical red flag blocks a hire recommendation unless a reason is written.
    pub fn check(&self) -> Result<(), SubmitError> {
        if self.recommendation.is_hire()
            && self.critical_flags() > 0
            && self.reason.trim().is_empty()
        {
            Err(SubmitError::CriticalFlagNeedsReason)
        } else {
            Ok(())
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
pub(crate) mod tests {
    use super::*;
    use crate::domain::rubric::same_text;

    /// A two-section kit for tests (here and in the panel's).
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

    fn me() -> Interviewer {
        Interviewer {
            id: "i-me".into(),
            name: "Me".into(),
        }
    }

    #[test]
    fn the_builtin_kits_follow_the_employer_guide() {
        let file = builtin();
        assert_eq!(file.traits.len(), 7);
        let ids: Vec<&str> = file.kits.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(
            ids,
            ["phone-screen", "product-knowledge", "situational-onsite"]
        );
        let minutes: Vec<u32> = file.kits.iter().map(Kit::minutes).collect();
        assert_eq!(minutes, [30, 30, 60]);
        for k in &file.kits {
            assert!(k.builtin);
            let n = k.flat().len();
            assert!(
                (15..=20).contains(&n),
                "{}: {n} questions; the guide says prepare 15–20",
                k.id
            );
        }
    }

    #[test]
    fn a_critical_flag_blocks_hire_unless_a_reason_is_written() {
        let mut c = Scorecard::new("s".into(), "c1", &me(), &kit(), "Phone", 0);
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
    fn section_budgets_follow_the_clock_across_sections_and_reloads() {
        let mut c = Scorecard::new("s".into(), "c1", &me(), &kit(), "Phone", 0);
        c.clock.start(0);
        c.go_to(1, 7 * 60_000); // still section a
        assert_eq!(
            budget(c.clock.section_ms(0, 7 * 60_000), 10),
            Budget::Within
        );
        assert_eq!(budget(c.clock.section_ms(0, 8 * 60_000), 10), Budget::Near);
        c.go_to(2, 11 * 60_000); // section b: a ran 11 min
        assert_eq!(budget(c.clock.section_ms(0, 20 * 60_000), 10), Budget::Over);
        assert_eq!(c.clock.section_ms(1, 20 * 60_000), 9 * 60_000);
        // A reload mid-interview: the saved card resumes exactly.
        let raw = crate::domain::record::encode(&c).expect("encode");
        let back: Scorecard = crate::domain::record::decode(&raw).expect("decode");
        assert_eq!(back.clock.total_ms(2, 20 * 60_000), 20 * 60_000);
        assert_eq!(back.current, 2);
        // Stopped, the clock holds still; past the end, go_to stays on the last question.
        let mut c = back;
        c.clock.stop(21 * 60_000);
        assert_eq!(c.clock.total_ms(2, 99 * 60_000), 21 * 60_000);
        c.go_to(99, 99 * 60_000);
        assert_eq!(c.current, 2);
    }

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
