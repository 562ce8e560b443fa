//! The practice-answer timer: optional think time, then answer time, warnings at 30 s and 10 s
//! left, then Done or Overtime. Driven by timestamps (`u64` ms), never by counting ticks, so a
//! late tick (background tab) still lands every boundary at its exact deadline and emits every
//! skipped cue in order. All arithmetic saturates; a clock that goes backwards reads as 0 elapsed.

use serde::{Deserialize, Serialize};

/// Where the timer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Idle,
    Thinking,
    Answering,
    Paused,
    Overtime,
    Done,
}

/// Something the UI should announce or signal (live region, tone, vibration).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    ThinkStarted,
    AnswerStarted,
    Warn30,
    Warn10,
    TimeUp,
}

/// What the UI shows at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The current phase (Paused when paused).
    pub phase: Phase,
    /// The phase that is running or was paused (Thinking/Answering/Overtime), else same as `phase`.
    pub running: Phase,
    /// Time left in Thinking or Answering (0 in Overtime/Done/Idle).
    pub remaining_ms: u64,
    /// Time past the answer limit in Overtime, else 0.
    pub overtime_ms: u64,
    /// Active answering time so far, including overtime, excluding pauses.
    pub answered_ms: u64,
    /// Progress of the current countdown, 0..=1000; 1000 in Overtime/Done.
    pub permille: u32,
    /// True when answering with <= 30 s left, or in overtime.
    pub warning: bool,
}

/// Warning thresholds (remaining answer time).
const WARN30_MS: u64 = 30_000;
const WARN10_MS: u64 = 10_000;
/// Bits of `Timer::fired`.
const F30: u8 = 1;
const F10: u8 = 2;
const FUP: u8 = 4;

/// The timer state. Serializes with short, stable field names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timer {
    /// Think time, ms (0 = none).
    #[serde(rename = "t")]
    think: u64,
    /// Answer time, ms.
    #[serde(rename = "a")]
    answer: u64,
    /// Whether the answer may run into overtime.
    #[serde(rename = "o")]
    overtime: bool,
    #[serde(rename = "p")]
    phase: Phase,
    /// The phase paused from (only meaningful while Paused).
    #[serde(rename = "r")]
    paused_from: Phase,
    /// When the current segment (thinking or answering) started, shifted later by pauses.
    #[serde(rename = "s")]
    anchor: u64,
    /// When the pause began.
    #[serde(rename = "q")]
    paused_at: u64,
    /// Cues already fired in this answer (F30, F10, FUP).
    #[serde(rename = "f")]
    fired: u8,
    /// Answered time frozen at Done.
    #[serde(rename = "d")]
    done_ms: u64,
}

impl Phase {
    /// A stable lowercase name (for `data-` attributes and tests).
    pub fn name(self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Thinking => "thinking",
            Phase::Answering => "answering",
            Phase::Paused => "paused",
            Phase::Overtime => "overtime",
            Phase::Done => "done",
        }
    }
}

impl Timer {
    /// An idle timer. `think_ms` may be 0 (no think time). `answer_ms` is clamped to 1_000..=3_600_000.
    pub fn new(think_ms: u64, answer_ms: u64, allow_overtime: bool) -> Self {
        Timer {
            think: think_ms,
            answer: answer_ms.clamp(1_000, 3_600_000),
            overtime: allow_overtime,
            phase: Phase::Idle,
            paused_from: Phase::Idle,
            anchor: 0,
            paused_at: 0,
            fired: 0,
            done_ms: 0,
        }
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    pub fn think_ms(&self) -> u64 {
        self.think
    }

    pub fn answer_ms(&self) -> u64 {
        self.answer
    }

    pub fn allow_overtime(&self) -> bool {
        self.overtime
    }

    pub fn is_paused(&self) -> bool {
        self.phase == Phase::Paused
    }

    /// The answer ended because its time ran out (Done at the deadline, no overtime allowed), not
    /// because it was stopped early.
    pub fn timed_out(&self) -> bool {
        self.phase == Phase::Done && !self.overtime && self.fired & FUP != 0
    }

    /// Idle -> Thinking (cue ThinkStarted), or straight to Answering (cue AnswerStarted) when
    /// think_ms == 0. In any other phase: no change, no cues.
    pub fn start(&mut self, now: u64) -> Vec<Cue> {
        if self.phase != Phase::Idle {
            return Vec::new();
        }
        if self.think == 0 {
            self.begin_answer(now);
            return vec![Cue::AnswerStarted];
        }
        self.phase = Phase::Thinking;
        self.anchor = now;
        vec![Cue::ThinkStarted]
    }

    /// Skip the rest of the think time: Idle or Thinking (or Paused while thinking) -> Answering
    /// now (cue AnswerStarted). Otherwise no change. Catches up first, so if the think time had
    /// already run out, the answer started at its deadline and only the catch-up cues are returned.
    pub fn answer_now(&mut self, now: u64) -> Vec<Cue> {
        let mut cues = self.tick(now);
        let thinking = match self.phase {
            Phase::Idle | Phase::Thinking => true,
            Phase::Paused => self.paused_from == Phase::Thinking,
            _ => false,
        };
        if thinking {
            self.begin_answer(now);
            cues.push(Cue::AnswerStarted);
        }
        cues
    }

    /// Thinking/Answering/Overtime -> Paused. Catches up to `now` first and returns the cues of
    /// that catch-up (even when the catch-up ends the answer, so nothing is left to pause);
    /// check `is_paused()` to know whether the timer paused. Empty when nothing ran.
    pub fn pause(&mut self, now: u64) -> Vec<Cue> {
        let cues = self.tick(now);
        if matches!(
            self.phase,
            Phase::Thinking | Phase::Answering | Phase::Overtime
        ) {
            self.paused_from = self.phase;
            self.phase = Phase::Paused;
            self.paused_at = now;
        }
        cues
    }

    /// Paused -> the phase it was paused from; the paused span does not count.
    pub fn resume(&mut self, now: u64) {
        if self.phase == Phase::Paused {
            self.anchor = self
                .anchor
                .saturating_add(now.saturating_sub(self.paused_at));
            self.phase = self.paused_from;
        }
    }

    /// Stop early (or end): any phase except Idle -> Done. Catches up first (returning those cues),
    /// then freezes the answered time at `now` (or at the pause, when paused). Stopping itself
    /// emits no cue.
    pub fn stop(&mut self, now: u64) -> Vec<Cue> {
        if self.phase == Phase::Idle {
            return Vec::new();
        }
        let cues = self.tick(now);
        if self.phase != Phase::Done {
            self.done_ms = self.answered_ms(now);
            self.phase = Phase::Done;
        }
        cues
    }

    /// Catch up to `now`: Thinking -> Answering at exactly start+think_ms (AnswerStarted); Warn30
    /// when remaining answer time reaches <= 30 s (only if answer_ms > 30 s), Warn10 when <= 10 s
    /// (only if answer_ms > 10 s); TimeUp at the answer deadline, then Done (without overtime) or
    /// Overtime (with). Each cue fires at most once per answer, also across save/restore.
    /// Cues come in chronological order. Does nothing while Idle, Paused or Done.
    pub fn tick(&mut self, now: u64) -> Vec<Cue> {
        let mut cues = Vec::new();
        if self.phase == Phase::Thinking && now >= self.anchor.saturating_add(self.think) {
            self.begin_answer(self.anchor.saturating_add(self.think));
            cues.push(Cue::AnswerStarted);
        }
        if matches!(self.phase, Phase::Answering | Phase::Overtime) {
            let e = now.saturating_sub(self.anchor);
            let a = self.answer;
            self.fire(
                &mut cues,
                F30,
                Cue::Warn30,
                a > WARN30_MS && e >= a - WARN30_MS,
            );
            self.fire(
                &mut cues,
                F10,
                Cue::Warn10,
                a > WARN10_MS && e >= a - WARN10_MS,
            );
            if self.fire(&mut cues, FUP, Cue::TimeUp, e >= a) {
                if self.overtime {
                    self.phase = Phase::Overtime;
                } else {
                    self.phase = Phase::Done;
                    self.done_ms = a;
                }
            }
        }
        cues
    }

    /// The reading at `now`, computed without mutating (a reading later than the last tick is
    /// still right: think time over by `now` reads as Answering with the right remaining time).
    pub fn read(&self, now: u64) -> Reading {
        let mut s = self.clone();
        s.tick(now);
        let (running, at) = if s.phase == Phase::Paused {
            (s.paused_from, s.paused_at)
        } else {
            (s.phase, now)
        };
        let e = at.saturating_sub(s.anchor);
        let mut r = Reading {
            phase: s.phase,
            running,
            remaining_ms: 0,
            overtime_ms: 0,
            answered_ms: 0,
            permille: 0,
            warning: false,
        };
        match running {
            Phase::Thinking => {
                r.remaining_ms = s.think.saturating_sub(e);
                r.permille = permille(e, s.think);
            }
            Phase::Answering => {
                r.remaining_ms = s.answer.saturating_sub(e);
                r.answered_ms = e;
                r.permille = permille(e, s.answer);
                r.warning = r.remaining_ms <= WARN30_MS;
            }
            Phase::Overtime => {
                r.overtime_ms = e.saturating_sub(s.answer);
                r.answered_ms = e;
                r.permille = 1000;
                r.warning = true;
            }
            Phase::Done => {
                r.answered_ms = s.done_ms;
                r.permille = 1000;
            }
            _ => {}
        }
        r
    }

    /// Active answering time at `now` (excludes think time and pauses; includes overtime; capped
    /// at answer_ms when the answer ended without overtime).
    pub fn answered_ms(&self, now: u64) -> u64 {
        self.read(now).answered_ms
    }

    fn begin_answer(&mut self, at: u64) {
        self.phase = Phase::Answering;
        self.anchor = at;
        self.fired = 0;
    }

    /// Pushes `cue` once when `due`; returns whether it fired now.
    fn fire(&mut self, cues: &mut Vec<Cue>, bit: u8, cue: Cue, due: bool) -> bool {
        if due && self.fired & bit == 0 {
            self.fired |= bit;
            cues.push(cue);
            return true;
        }
        false
    }
}

/// `part` of `whole` in permille, 0..=1000 (whole 0 counts as done).
fn permille(part: u64, whole: u64) -> u32 {
    if part >= whole {
        1000
    } else {
        // part < whole, so part * 1000 / whole < 1000; u128 avoids overflow.
        (part as u128 * 1000 / whole as u128) as u32
    }
}

/// Clock text: "2:00", "0:09", "10:00"; overtime shows "+0:12". Seconds are rounded UP for
/// countdowns (so 1 ms left shows 0:01) and DOWN for overtime.
pub fn clock(ms: u64, overtime: bool) -> String {
    let s = if overtime {
        ms / 1000
    } else {
        ms.div_ceil(1000)
    };
    format!(
        "{}{}:{:02}",
        if overtime { "+" } else { "" },
        s / 60,
        s % 60
    )
}

/// A length of time already spent, in whole seconds as a media player shows it: "0:03", "12:40".
pub fn duration(ms: u64) -> String {
    clock(ms / 1000 * 1000, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Cue::*;

    #[test]
    fn durations_show_whole_seconds_like_a_player() {
        assert_eq!(duration(1_500), "0:01");
        assert_eq!(duration(3_040), "0:03");
        assert_eq!(duration(759_999), "12:39");
    }

    const T0: u64 = 1_700_000_000_000;

    #[test]
    fn happy_path_emits_every_cue_in_order() {
        let mut t = Timer::new(20_000, 120_000, false);
        assert_eq!(t.phase(), Phase::Idle);
        assert_eq!(t.start(T0), [ThinkStarted]);
        assert_eq!(t.phase(), Phase::Thinking);
        assert!(t.tick(T0 + 19_999).is_empty());
        let r = t.read(T0 + 5_000);
        assert_eq!((r.remaining_ms, r.permille), (15_000, 250));
        assert_eq!(t.tick(T0 + 20_000), [AnswerStarted]);
        assert_eq!(t.phase(), Phase::Answering);
        assert!(t.tick(T0 + 20_000 + 89_999).is_empty());
        assert_eq!(t.tick(T0 + 20_000 + 90_000), [Warn30]);
        assert!(t.read(T0 + 20_000 + 90_000).warning);
        assert!(!t.read(T0 + 20_000 + 89_999).warning);
        assert_eq!(t.tick(T0 + 20_000 + 110_000), [Warn10]);
        assert!(t.tick(T0 + 20_000 + 119_999).is_empty());
        assert_eq!(t.tick(T0 + 20_000 + 120_000), [TimeUp]);
        assert_eq!(t.phase(), Phase::Done);
        assert!(t.tick(T0 + 500_000).is_empty());
        assert_eq!(t.answered_ms(T0 + 500_000), 120_000);
        let r = t.read(T0 + 500_000);
        assert_eq!(
            (r.phase, r.running, r.permille),
            (Phase::Done, Phase::Done, 1000)
        );
        assert!(t.start(T0 + 500_000).is_empty());
    }

    #[test]
    fn only_an_answer_the_clock_ended_has_timed_out() {
        let mut t = Timer::new(0, 30_000, false);
        t.start(T0);
        assert!(!t.timed_out());
        t.tick(T0 + 30_000);
        assert!(t.timed_out());
        // Stopped early: not timed out.
        let mut early = Timer::new(0, 30_000, false);
        early.start(T0);
        early.stop(T0 + 12_000);
        assert!(!early.timed_out());
        // With overtime the clock never stops the answer; the user does.
        let mut over = Timer::new(0, 30_000, true);
        over.start(T0);
        over.tick(T0 + 31_000);
        over.stop(T0 + 40_000);
        assert_eq!(over.phase(), Phase::Done);
        assert!(!over.timed_out());
    }

    #[test]
    fn a_single_very_late_tick_emits_all_skipped_cues() {
        let mut t = Timer::new(20_000, 120_000, false);
        t.start(T0);
        assert_eq!(
            t.tick(T0 + 3_600_000),
            [AnswerStarted, Warn30, Warn10, TimeUp]
        );
        assert_eq!(t.phase(), Phase::Done);
        assert_eq!(t.answered_ms(T0 + 3_600_000), 120_000);
    }

    #[test]
    fn late_read_sees_the_answer_phase_before_any_tick() {
        let mut t = Timer::new(20_000, 120_000, false);
        t.start(T0);
        let r = t.read(T0 + 25_000);
        assert_eq!(r.phase, Phase::Answering);
        assert_eq!((r.remaining_ms, r.answered_ms), (115_000, 5_000));
        assert_eq!(t.phase(), Phase::Thinking);
    }

    #[test]
    fn irregular_ticks_and_throttling_do_not_drift() {
        let (think, answer) = (15_000u64, 600_000u64);
        let mut t = Timer::new(think, answer, true);
        t.start(T0);
        let answer_start = T0 + think;
        let mut paused = 0u64; // total paused span
        let mut pause_at: Option<u64> = None;
        let mut cues = Vec::new();
        let mut rng = 12_345u64;
        let mut now = T0;
        let mut step = 0u32;
        while now < answer_start + answer + 60_000 {
            rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let jitter = (rng >> 33) % 400;
            step += 1;
            let throttled = step % 37;
            now += if throttled == 0 { 60_000 } else { 800 + jitter };
            if step == 100 || step == 200 {
                cues.extend(t.pause(now));
                pause_at = Some(now);
            } else if step == 105 || step == 203 {
                t.resume(now);
                paused += now - pause_at.take().unwrap();
            } else {
                cues.extend(t.tick(now));
            }
            if now >= answer_start && pause_at.is_none() {
                let want = now - answer_start - paused;
                let got = t.answered_ms(now);
                assert!(got.abs_diff(want) < 100);
                assert_eq!(got, want);
            }
        }
        assert!(paused > 0 && pause_at.is_none());
        assert_eq!(cues, [AnswerStarted, Warn30, Warn10, TimeUp]);
        assert_eq!(t.phase(), Phase::Overtime);
        let deadline = answer_start + paused + answer;
        let r = t.read(deadline + 5_000);
        assert_eq!((r.phase, r.overtime_ms), (Phase::Overtime, 5_000));
        assert_eq!(r.answered_ms, answer + 5_000);
        assert_eq!(t.read(deadline).overtime_ms, 0);
    }

    #[test]
    fn pause_and_resume_keep_exact_time() {
        let mut t = Timer::new(0, 120_000, false);
        t.start(T0);
        t.tick(T0 + 50_000);
        let before = t.read(T0 + 50_000).remaining_ms;
        assert!(t.pause(T0 + 50_000).is_empty());
        assert!(t.is_paused());
        let r = t.read(T0 + 55_000);
        assert_eq!((r.phase, r.running), (Phase::Paused, Phase::Answering));
        assert_eq!(r.remaining_ms, before);
        assert!(t.tick(T0 + 500_000).is_empty());
        t.resume(T0 + 57_345);
        assert_eq!(t.phase(), Phase::Answering);
        assert_eq!(t.read(T0 + 57_345).remaining_ms, before);
        assert_eq!(t.read(T0 + 57_345).answered_ms, 50_000);
        // The deadline moved by exactly 7_345 ms.
        assert_eq!(t.tick(T0 + 120_000 + 7_344), [Warn30, Warn10]);
        assert_eq!(t.tick(T0 + 120_000 + 7_345), [TimeUp]);
        assert_eq!(t.answered_ms(T0 + 999_999), 120_000);
    }

    #[test]
    fn pause_during_thinking() {
        let mut t = Timer::new(20_000, 60_000, false);
        t.start(T0);
        t.pause(T0 + 5_000);
        let r = t.read(T0 + 100_000);
        assert_eq!((r.running, r.remaining_ms), (Phase::Thinking, 15_000));
        t.resume(T0 + 10_000);
        assert!(t.tick(T0 + 24_999).is_empty());
        assert_eq!(t.tick(T0 + 25_000), [AnswerStarted]);
        assert_eq!(t.read(T0 + 26_000).answered_ms, 1_000);
    }

    #[test]
    fn pause_after_a_missed_deadline_catches_up_first() {
        let mut t = Timer::new(10_000, 60_000, true);
        t.start(T0);
        assert_eq!(t.pause(T0 + 15_000), [AnswerStarted]);
        assert_eq!(t.read(T0 + 15_000).running, Phase::Answering);
        assert_eq!(t.read(T0 + 15_000).answered_ms, 5_000);
        let mut t = Timer::new(0, 60_000, false);
        t.start(T0);
        assert_eq!(t.pause(T0 + 70_000), [Warn30, Warn10, TimeUp]);
        assert!(!t.is_paused());
        assert_eq!(t.phase(), Phase::Done);
        assert!(t.pause(T0 + 80_000).is_empty());
    }

    #[test]
    fn overtime_counts_up_and_stop_freezes_it() {
        let mut t = Timer::new(0, 60_000, true);
        t.start(T0);
        assert_eq!(t.tick(T0 + 60_000), [Warn30, Warn10, TimeUp]);
        assert_eq!(t.phase(), Phase::Overtime);
        assert!(t.tick(T0 + 65_000).is_empty());
        let r = t.read(T0 + 72_500);
        assert_eq!(
            (r.phase, r.overtime_ms, r.remaining_ms),
            (Phase::Overtime, 12_500, 0)
        );
        assert_eq!((r.permille, r.warning, r.answered_ms), (1000, true, 72_500));
        assert_eq!(clock(r.overtime_ms, true), "+0:12");
        assert!(t.stop(T0 + 72_500).is_empty());
        assert_eq!(t.phase(), Phase::Done);
        assert_eq!(t.answered_ms(T0 + 900_000), 72_500);
        assert!(t.tick(T0 + 900_000).is_empty());
    }

    #[test]
    fn late_tick_with_overtime_lands_in_overtime() {
        let mut t = Timer::new(5_000, 60_000, true);
        t.start(T0);
        assert_eq!(
            t.tick(T0 + 100_000),
            [AnswerStarted, Warn30, Warn10, TimeUp]
        );
        assert_eq!(t.read(T0 + 100_000).overtime_ms, 35_000);
    }

    #[test]
    fn without_overtime_the_answer_ends_exactly_at_the_limit() {
        let mut t = Timer::new(0, 90_000, false);
        t.start(T0);
        t.tick(T0 + 45_000);
        assert_eq!(t.tick(T0 + 91_234), [Warn30, Warn10, TimeUp]);
        assert_eq!(t.phase(), Phase::Done);
        assert_eq!(t.answered_ms(T0 + 91_234), 90_000);
        let mut u = Timer::new(0, 90_000, false);
        u.start(T0);
        assert_eq!(u.stop(T0 + 95_000), [Warn30, Warn10, TimeUp]);
        assert_eq!(u.answered_ms(T0 + 95_000), 90_000);
    }

    #[test]
    fn stop_early_freezes_answered_time() {
        let mut t = Timer::new(10_000, 120_000, false);
        t.start(T0);
        t.tick(T0 + 10_000);
        assert!(t.stop(T0 + 42_000).is_empty());
        assert_eq!(t.phase(), Phase::Done);
        assert_eq!(t.answered_ms(T0 + 100_000), 32_000);
        let mut t = Timer::new(10_000, 120_000, false);
        t.start(T0);
        assert!(t.stop(T0 + 3_000).is_empty());
        assert_eq!(t.answered_ms(T0 + 100_000), 0);
        let mut t = Timer::new(0, 120_000, false);
        t.start(T0);
        t.pause(T0 + 8_000);
        t.stop(T0 + 50_000);
        assert_eq!(t.answered_ms(T0 + 50_000), 8_000);
        let mut idle = Timer::new(0, 120_000, false);
        assert!(idle.stop(T0).is_empty());
        assert_eq!(idle.phase(), Phase::Idle);
    }

    #[test]
    fn short_answers_skip_the_warnings_that_do_not_fit() {
        let mut t = Timer::new(0, 20_000, false);
        t.start(T0);
        assert!(t.tick(T0 + 9_999).is_empty());
        assert_eq!(t.tick(T0 + 10_000), [Warn10]);
        assert_eq!(t.tick(T0 + 20_000), [TimeUp]);
        let mut t = Timer::new(0, 5_000, false);
        t.start(T0);
        assert_eq!(t.tick(T0 + 30_000), [TimeUp]);
        let mut t = Timer::new(0, 30_000, false);
        t.start(T0);
        assert_eq!(t.tick(T0 + 30_000), [Warn10, TimeUp]);
    }

    #[test]
    fn no_think_time_starts_answering_at_once() {
        let mut t = Timer::new(0, 60_000, false);
        assert_eq!(t.start(T0), [AnswerStarted]);
        assert_eq!(t.phase(), Phase::Answering);
        assert_eq!(t.read(T0).remaining_ms, 60_000);
        assert!(t.start(T0 + 1).is_empty());
    }

    #[test]
    fn answer_now_skips_the_think_time() {
        let mut t = Timer::new(30_000, 60_000, false);
        t.start(T0);
        assert_eq!(t.answer_now(T0 + 4_000), [AnswerStarted]);
        assert_eq!(t.phase(), Phase::Answering);
        assert_eq!(t.read(T0 + 10_000).answered_ms, 6_000);
        assert!(t.answer_now(T0 + 11_000).is_empty());
        assert!(t.tick(T0 + 33_999).is_empty());
        assert_eq!(t.tick(T0 + 34_000), [Warn30]);
        let mut p = Timer::new(30_000, 60_000, false);
        p.start(T0);
        p.pause(T0 + 1_000);
        assert_eq!(p.answer_now(T0 + 50_000), [AnswerStarted]);
        assert_eq!(p.read(T0 + 51_000).answered_ms, 1_000);
        let mut i = Timer::new(30_000, 60_000, false);
        assert_eq!(i.answer_now(T0), [AnswerStarted]);
        let mut late = Timer::new(30_000, 60_000, false);
        late.start(T0);
        assert_eq!(late.answer_now(T0 + 40_000), [AnswerStarted]);
        assert_eq!(late.answered_ms(T0 + 40_000), 10_000);
    }

    #[test]
    fn serde_round_trip_continues_identically() {
        let mut a = Timer::new(10_000, 120_000, true);
        a.start(T0);
        a.tick(T0 + 10_000);
        a.tick(T0 + 105_000); // Warn30 fired
        let json = serde_json::to_string(&a).unwrap();
        let mut b: Timer = serde_json::from_str(&json).unwrap();
        assert_eq!(a, b);
        for now in [T0 + 105_500, T0 + 121_000, T0 + 130_000, T0 + 140_000] {
            assert_eq!(a.tick(now), b.tick(now));
            assert_eq!(a.read(now), b.read(now));
        }
        let mut c: Timer = serde_json::from_str(&json).unwrap();
        assert_eq!(c.tick(T0 + 200_000), [Warn10, TimeUp]);
        // Paused state survives too.
        c.pause(T0 + 200_000);
        let d: Timer = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(d.read(T0 + 300_000), c.read(T0 + 300_000));
        assert!(json.contains("\"p\":\"answering\""));
    }

    #[test]
    fn clock_text() {
        assert_eq!(clock(120_000, false), "2:00");
        assert_eq!(clock(1, false), "0:01");
        assert_eq!(clock(0, false), "0:00");
        assert_eq!(clock(9_000, false), "0:09");
        assert_eq!(clock(600_000, false), "10:00");
        assert_eq!(clock(59_001, false), "1:00");
        assert_eq!(clock(12_500, true), "+0:12");
        assert_eq!(clock(0, true), "+0:00");
        assert!(!clock(u64::MAX, false).is_empty());
    }

    #[test]
    fn clock_going_backwards_reads_sensibly() {
        let mut t = Timer::new(10_000, 60_000, false);
        let r = t.read(0);
        assert_eq!((r.phase, r.permille, r.answered_ms), (Phase::Idle, 0, 0));
        t.start(T0);
        let r = t.read(T0 - 5_000);
        assert_eq!(
            (r.phase, r.remaining_ms, r.permille),
            (Phase::Thinking, 10_000, 0)
        );
        assert!(t.tick(0).is_empty());
        t.tick(T0 + 10_000);
        let r = t.read(T0 - 1);
        assert_eq!(
            (r.phase, r.answered_ms, r.remaining_ms),
            (Phase::Answering, 0, 60_000)
        );
        t.pause(T0 + 20_000);
        t.resume(T0 + 1_000); // resumed "before" the pause: no shift
        assert_eq!(t.answered_ms(T0 + 20_000), 10_000);
        let mut big = Timer::new(u64::MAX, u64::MAX, true);
        big.start(u64::MAX - 1);
        let _ = big.tick(u64::MAX);
        let _ = big.read(u64::MAX);
    }

    #[test]
    fn answer_time_is_clamped() {
        assert_eq!(Timer::new(0, 0, false).answer_ms(), 1_000);
        assert_eq!(Timer::new(0, u64::MAX, false).answer_ms(), 3_600_000);
        let t = Timer::new(7, 60_000, true);
        assert_eq!((t.think_ms(), t.allow_overtime()), (7, true));
    }
}
