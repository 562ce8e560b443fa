//! The live interview's progress through its kit: the question on screen, previous and next, and
//! the section on screen with its clock against the budget.

use super::clock::{budget, Budget};
use super::kit::{flat, minutes, KitSection};
use super::scorecard::Scorecard;

impl Scorecard {
    /// Every question in order, with its section's index.
    pub fn flat(&self) -> Vec<(usize, &str)> {
        flat(&self.sections)
    }

    /// The id of the question on screen.
    pub fn question(&self) -> Option<&str> {
        self.flat().get(self.current).map(|(_, q)| *q)
    }

    /// How many questions the interview has.
    pub fn questions(&self) -> usize {
        self.flat().len()
    }

    pub fn has_previous(&self) -> bool {
        self.current > 0
    }

    pub fn has_next(&self) -> bool {
        self.current + 1 < self.questions()
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

    pub fn go_previous(&mut self, now: u64) {
        self.go_to(self.current.saturating_sub(1), now);
    }

    pub fn go_next(&mut self, now: u64) {
        self.go_to(self.current + 1, now);
    }

    /// The index of the section of the question on screen (the first without questions).
    pub fn section_index(&self) -> usize {
        self.flat().get(self.current).map(|(s, _)| *s).unwrap_or(0)
    }

    /// The section of the question on screen.
    pub fn section(&self) -> Option<&KitSection> {
        self.sections.get(self.section_index())
    }

    /// The budget of the section on screen, in minutes (0 without sections).
    pub fn section_minutes(&self) -> u32 {
        self.section().map(|s| s.minutes).unwrap_or(0)
    }

    /// The whole interview's budget, in minutes.
    pub fn minutes(&self) -> u32 {
        minutes(&self.sections)
    }

    /// Time spent in the section on screen.
    pub fn section_ms(&self, now: u64) -> u64 {
        self.clock.section_ms(self.section_index(), now)
    }

    /// Time spent in the whole interview.
    pub fn total_ms(&self, now: u64) -> u64 {
        self.clock.total_ms(self.sections.len(), now)
    }

    /// Where the section on screen stands against its budget (the clock bar's state and warning).
    pub fn budget_state(&self, now: u64) -> Budget {
        budget(self.section_ms(now), self.section_minutes())
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::interview::clock::{budget, Budget};
    use crate::domain::interview::fixtures::{kit, me};
    use crate::domain::interview::scorecard::Scorecard;

    const MIN: u64 = 60_000;

    fn fresh() -> Scorecard {
        Scorecard::new("s".into(), "c1", &me(), &kit(), "Phone", 0)
    }

    #[test]
    fn section_budgets_follow_the_clock_across_sections_and_reloads() {
        let mut c = fresh();
        c.clock.start(0);
        c.go_to(1, 7 * MIN); // still section a
        assert_eq!(budget(c.clock.section_ms(0, 7 * MIN), 10), Budget::Within);
        assert_eq!(budget(c.clock.section_ms(0, 8 * MIN), 10), Budget::Near);
        c.go_to(2, 11 * MIN); // section b: a ran 11 min
        assert_eq!(
            budget(c.clock.section_ms(0, 20 * MIN), 10),
            Budget::Over { by_ms: MIN }
        );
        assert_eq!(c.clock.section_ms(1, 20 * MIN), 9 * MIN);
        // A reload mid-interview: the saved card resumes exactly.
        let raw = crate::domain::record::encode(&c).expect("encode");
        let back: Scorecard = crate::domain::record::decode(&raw).expect("decode");
        assert_eq!(back.clock.total_ms(2, 20 * MIN), 20 * MIN);
        assert_eq!(back.current, 2);
        // Stopped, the clock holds still; past the end, go_to stays on the last question.
        let mut c = back;
        c.clock.stop(21 * MIN);
        assert_eq!(c.clock.total_ms(2, 99 * MIN), 21 * MIN);
        c.go_to(99, 99 * MIN);
        assert_eq!(c.current, 2);
    }

    #[test]
    fn the_budget_bar_shows_the_section_on_screen_and_its_overrun() {
        let mut c = fresh();
        assert_eq!((c.minutes(), c.section_minutes()), (30, 10));
        c.clock.toggle(0);
        assert_eq!(c.budget_state(7 * MIN), Budget::Within);
        assert_eq!(c.budget_state(8 * MIN), Budget::Near, "time to move on");
        assert_eq!(c.budget_state(11 * MIN), Budget::Over { by_ms: MIN });
        c.go_next(11 * MIN);
        c.go_next(11 * MIN); // section b, 20 minutes, fresh
        assert_eq!(c.section().map(|s| s.id.as_str()), Some("b"));
        assert_eq!(c.section_ms(12 * MIN), MIN);
        assert_eq!(c.budget_state(12 * MIN), Budget::Within);
        assert_eq!(c.total_ms(12 * MIN), 12 * MIN);
    }

    #[test]
    fn previous_and_next_stop_at_the_ends() {
        let mut c = fresh();
        assert_eq!((c.question(), c.questions()), (Some("q1"), 3));
        assert!(!c.has_previous() && c.has_next());
        c.go_previous(0);
        assert_eq!(c.current, 0);
        c.go_next(0);
        c.go_next(0);
        assert_eq!(c.question(), Some("q3"));
        assert!(c.has_previous() && !c.has_next());
        c.go_next(0);
        assert_eq!(c.current, 2);
        c.go_previous(0);
        assert_eq!(c.question(), Some("q2"));
    }

    #[test]
    fn a_card_without_questions_stays_on_the_first_section() {
        let mut c = fresh();
        c.sections.clear();
        assert_eq!(
            (c.question(), c.section_index(), c.section_minutes()),
            (None, 0, 0)
        );
        assert!(!c.has_previous() && !c.has_next());
        c.go_next(0);
        assert_eq!(c.current, 0);
        assert_eq!(c.budget_state(0), Budget::Near, "a budget of nothing");
    }
}
