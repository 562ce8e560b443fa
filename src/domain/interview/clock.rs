//! The interview clock, counted per section from timestamps (a reload loses nothing), and where a
//! section stands against its time budget.

use serde::{Deserialize, Serialize};

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

/// What the clock's one button does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockAction {
    /// Never run yet.
    Start,
    /// Running.
    Pause,
    /// Stopped after some time was counted.
    Resume,
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

    /// The button: stops a running clock, starts (or resumes) a stopped one.
    pub fn toggle(&mut self, now: u64) {
        if self.running() {
            self.stop(now);
        } else {
            self.start(now);
        }
    }

    /// What [`Clock::toggle`] would do, for the button's label.
    pub fn action(&self) -> ClockAction {
        if self.running() {
            ClockAction::Pause
        } else if self.spent.iter().any(|s| *s > 0) {
            ClockAction::Resume
        } else {
            ClockAction::Start
        }
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
    /// Past the budget, by this much.
    Over {
        by_ms: u64,
    },
}

impl Budget {
    /// `within`, `near` or `over`.
    pub fn slug(self) -> &'static str {
        match self {
            Budget::Within => "within",
            Budget::Near => "near",
            Budget::Over { .. } => "over",
        }
    }
}

/// Where `spent_ms` stands against a budget of `minutes`: near from 80 %, over past 100 %.
pub fn budget(spent_ms: u64, minutes: u32) -> Budget {
    let limit = u64::from(minutes) * 60_000;
    if spent_ms > limit {
        Budget::Over {
            by_ms: spent_ms - limit,
        }
    } else if spent_ms * 5 >= limit * 4 {
        Budget::Near
    } else {
        Budget::Within
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: u64 = 60_000;

    #[test]
    fn the_button_starts_pauses_and_resumes_the_clock() {
        let mut c = Clock::default();
        assert_eq!(c.action(), ClockAction::Start);
        c.toggle(1_000);
        assert!(c.running());
        assert_eq!(c.action(), ClockAction::Pause);
        c.toggle(4_000);
        assert!(!c.running());
        assert_eq!(c.action(), ClockAction::Resume);
        assert_eq!(c.section_ms(0, 99_000), 3_000, "paused, it holds still");
        c.toggle(10_000);
        assert_eq!(c.section_ms(0, 12_000), 5_000, "resumed, it counts on");
    }

    #[test]
    fn a_clock_stopped_before_any_time_passed_offers_start_again() {
        let mut c = Clock::default();
        c.toggle(5);
        c.toggle(5);
        assert_eq!(c.action(), ClockAction::Start);
    }

    #[test]
    fn starting_a_running_clock_keeps_its_start() {
        let mut c = Clock::default();
        c.start(1_000);
        c.start(5_000);
        assert_eq!(c.section_ms(0, 6_000), 5_000);
    }

    #[test]
    fn time_counts_for_the_section_being_timed() {
        let mut c = Clock::default();
        c.start(0);
        c.switch(2, 3 * MIN);
        assert_eq!(c.section_ms(0, 5 * MIN), 3 * MIN);
        assert_eq!(c.section_ms(2, 5 * MIN), 2 * MIN);
        assert_eq!(c.section_ms(1, 5 * MIN), 0);
        assert_eq!(c.total_ms(3, 5 * MIN), 5 * MIN);
    }

    #[test]
    fn time_to_move_on_from_80_percent_and_over_past_the_budget_with_the_overrun() {
        assert_eq!(budget(8 * MIN - 1, 10), Budget::Within);
        assert_eq!(budget(8 * MIN, 10), Budget::Near);
        assert_eq!(
            budget(10 * MIN, 10),
            Budget::Near,
            "the budget itself is not over"
        );
        assert_eq!(budget(10 * MIN + 1, 10), Budget::Over { by_ms: 1 });
        assert_eq!(budget(12 * MIN, 10), Budget::Over { by_ms: 2 * MIN });
        let slugs: Vec<&str> = [budget(0, 10), budget(9 * MIN, 10), budget(11 * MIN, 10)]
            .into_iter()
            .map(Budget::slug)
            .collect();
        assert_eq!(slugs, ["within", "near", "over"]);
    }

    #[test]
    fn a_section_without_minutes_is_near_at_once_and_over_as_soon_as_time_passes() {
        assert_eq!(budget(0, 0), Budget::Near);
        assert_eq!(budget(1, 0), Budget::Over { by_ms: 1 });
    }
}
