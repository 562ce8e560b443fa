//! A practice session: a list of questions answered one after another, each under the timer.
//!
//! The session is saved on every change of step, so that a reload resumes at the same question.

use super::attempt::{Attempt, AttemptState};
use super::record::Record;
use super::route::Start;
use super::timer::{Phase, Timer};
use serde::{Deserialize, Serialize};

/// The candidate's practice settings (part of the settings document).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PracticePrefs {
    /// Use each question's suggested think and answer times; else the two below.
    pub question_times: bool,
    pub think_seconds: u32,
    pub answer_seconds: u32,
    pub allow_overtime: bool,
    /// A short tone at the 30 s and 10 s warnings and at time-up.
    pub tone: bool,
    /// A short vibration at the same moments (phones).
    pub vibrate: bool,
    /// The microphone chosen in the mic check (a device id).
    pub mic: Option<String>,
    /// Transcribe spoken answers with the browser's on-device speech recognition, where it runs
    /// on the device (never a server's). Off until the user turns it on.
    #[serde(default)]
    pub transcribe: bool,
}

pub const THINK_RANGE: (u32, u32) = (0, 300);
pub const ANSWER_RANGE: (u32, u32) = (30, 600);

impl Default for PracticePrefs {
    fn default() -> Self {
        PracticePrefs {
            question_times: true,
            think_seconds: 30,
            answer_seconds: 120,
            allow_overtime: false,
            tone: false,
            vibrate: false,
            mic: None,
            transcribe: false,
        }
    }
}

impl PracticePrefs {
    /// A fresh timer for a question with these suggested times, in seconds.
    pub fn timer(&self, think_seconds: Option<u32>, answer_seconds: Option<u32>) -> Timer {
        let pick = |suggested: Option<u32>, own: u32, (lo, hi): (u32, u32)| {
            let s = if self.question_times {
                suggested.unwrap_or(own)
            } else {
                own
            };
            u64::from(s.clamp(lo, hi)) * 1000
        };
        Timer::new(
            pick(think_seconds, self.think_seconds, THINK_RANGE),
            pick(answer_seconds, self.answer_seconds, ANSWER_RANGE),
            self.allow_overtime,
        )
    }
}

/// One run through some questions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    /// The set it came from, if any.
    #[serde(default)]
    pub set: Option<String>,
    /// Random practice: another question is drawn after each one.
    #[serde(default)]
    pub random: bool,
    pub questions: Vec<String>,
    pub index: usize,
    pub started_ms: u64,
    #[serde(default)]
    pub finished_ms: Option<u64>,
    pub timer: Timer,
    /// The attempt being recorded or typed.
    #[serde(default)]
    pub live: Option<String>,
    /// Answering by typing rather than speaking.
    #[serde(default)]
    pub typed: bool,
}

impl Record for Session {
    const KIND: &'static str = "session";
    const VERSION: u32 = 1;
}

impl Session {
    pub fn new(id: String, questions: Vec<String>, now: u64, timer: Timer) -> Session {
        Session {
            id,
            set: None,
            random: false,
            questions,
            index: 0,
            started_ms: now,
            finished_ms: None,
            timer,
            live: None,
            typed: false,
        }
    }

    /// The question being answered; `None` once finished (or if empty).
    pub fn current(&self) -> Option<&str> {
        if self.finished_ms.is_some() {
            return None;
        }
        self.questions.get(self.index).map(String::as_str)
    }

    /// Whether this is the last question (random sessions never run out).
    pub fn is_last(&self) -> bool {
        !self.random && self.index + 1 >= self.questions.len()
    }

    /// Whether a recording or typed answer is under way.
    pub fn answering(&self) -> bool {
        !matches!(self.timer.phase(), Phase::Idle | Phase::Done)
    }

    /// Moves to the next question with a fresh timer, or finishes the session after the last one.
    /// `next_random` is the question drawn for a random session.
    pub fn advance(&mut self, now: u64, timer: Timer, next_random: Option<String>) {
        self.live = None;
        self.timer = timer;
        if let (true, Some(q)) = (self.random, next_random) {
            self.questions.push(q);
        }
        if self.index + 1 < self.questions.len() {
            self.index += 1;
        } else {
            self.finished_ms = Some(now);
        }
    }

    /// Starts the same question again (a new attempt), with a fresh timer.
    pub fn retry(&mut self, timer: Timer) {
        self.live = None;
        self.timer = timer;
    }

    /// After a reload: the recorder is gone, so a running answer ends here. Returns the attempt
    /// that was live (the caller marks it interrupted).
    pub fn recover(&mut self, now: u64) -> Option<String> {
        if self.answering() {
            self.timer.stop(now);
        }
        self.live.take()
    }

    pub fn finish(&mut self, now: u64) {
        self.live = None;
        self.finished_ms.get_or_insert(now);
    }

    /// How to practise this again: the same set, the same question, or random questions again.
    /// `None` for a list of questions no set names (the bank is the way on).
    pub fn again(&self) -> Option<Start> {
        match (&self.set, self.random, self.questions.as_slice()) {
            (Some(set), _, _) => Some(Start::Set(set.clone())),
            (None, true, _) => Some(Start::Random),
            (None, false, [one]) => Some(Start::Question(one.clone())),
            _ => None,
        }
    }
}

/// One line of the end-of-session summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryRow {
    pub question: String,
    pub attempts: u32,
    /// Answering time of all its attempts.
    pub answered_ms: u64,
    pub interrupted: u32,
}

/// Per question of the session: attempts and time.
pub fn summarise(session: &Session, attempts: &[Attempt]) -> Vec<SummaryRow> {
    let mut rows: Vec<SummaryRow> = Vec::new();
    for q in &session.questions {
        if rows.iter().any(|r| &r.question == q) {
            continue;
        }
        let mine = attempts
            .iter()
            .filter(|a| a.session == session.id && &a.question == q && a.has_content());
        let mut row = SummaryRow {
            question: q.clone(),
            attempts: 0,
            answered_ms: 0,
            interrupted: 0,
        };
        for a in mine {
            row.attempts += 1;
            row.answered_ms += a.duration_ms;
            row.interrupted += u32::from(a.state == AttemptState::Interrupted);
        }
        rows.push(row);
    }
    rows
}

/// The session to resume: the latest one not finished.
/// Whether a stored session (its raw envelope, as in storage) is unfinished, read without decoding
/// the whole record: what the first load needs to offer "Resume practice" without the practice
/// store's code. A value it cannot read counts as finished (the full app reports it).
pub fn unfinished_raw(raw: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Peek {
        data: PeekData,
    }
    #[derive(serde::Deserialize)]
    struct PeekData {
        #[serde(default)]
        finished_ms: Option<u64>,
    }
    serde_json::from_str::<Peek>(raw).is_ok_and(|p| p.data.finished_ms.is_none())
}

pub fn resumable(sessions: &[Session]) -> Option<&Session> {
    sessions
        .iter()
        .filter(|s| s.finished_ms.is_none())
        .max_by_key(|s| s.started_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{decode, encode};

    #[test]
    fn practising_again_takes_the_same_set_or_question() {
        let mut s = session(1);
        let q = s.questions[0].clone();
        assert_eq!(s.again(), Some(Start::Question(q)));
        s.set = Some("phone-screen".into());
        assert_eq!(s.again(), Some(Start::Set("phone-screen".into())));
        let mut r = session(2);
        r.random = true;
        assert_eq!(r.again(), Some(Start::Random));
        assert_eq!(session(2).again(), None);
    }

    #[test]
    fn an_unfinished_session_is_seen_without_decoding_it() {
        let mut s = session(2);
        let raw = encode(&s).expect("encode");
        assert!(unfinished_raw(&raw));
        s.finished_ms = Some(s.started_ms + 1);
        assert!(!unfinished_raw(&encode(&s).expect("encode")));
        assert!(!unfinished_raw("{not json"));
        assert!(!unfinished_raw(r#"{"v":1}"#));
    }

    fn session(n: usize) -> Session {
        let qs = (1..=n).map(|i| format!("q{i}")).collect();
        Session::new(
            "s1".into(),
            qs,
            1_000,
            PracticePrefs::default().timer(None, None),
        )
    }

    #[test]
    fn a_session_steps_through_its_questions_then_finishes() {
        let prefs = PracticePrefs::default();
        let mut s = session(3);
        assert_eq!(s.current(), Some("q1"));
        s.advance(2_000, prefs.timer(Some(10), Some(60)), None);
        assert_eq!(s.current(), Some("q2"));
        assert!(!s.is_last());
        s.advance(3_000, prefs.timer(None, None), None);
        assert!(s.is_last());
        s.advance(4_000, prefs.timer(None, None), None);
        assert_eq!(s.current(), None);
        assert_eq!(s.finished_ms, Some(4_000));
    }

    #[test]
    fn a_random_session_draws_the_next_question() {
        let mut s = session(1);
        s.random = true;
        assert!(!s.is_last());
        s.advance(
            2_000,
            PracticePrefs::default().timer(None, None),
            Some("q9".into()),
        );
        assert_eq!(s.current(), Some("q9"));
        assert_eq!(s.finished_ms, None);
    }

    #[test]
    fn times_come_from_the_question_else_the_settings_within_limits() {
        let mut prefs = PracticePrefs::default();
        let t = prefs.timer(Some(45), Some(150));
        assert_eq!((t.think_ms(), t.answer_ms()), (45_000, 150_000));
        let t = prefs.timer(None, None);
        assert_eq!((t.think_ms(), t.answer_ms()), (30_000, 120_000));
        prefs.question_times = false;
        prefs.answer_seconds = 5_000;
        prefs.think_seconds = 0;
        let t = prefs.timer(Some(45), Some(150));
        assert_eq!((t.think_ms(), t.answer_ms()), (0, 600_000));
        prefs.answer_seconds = 1;
        assert_eq!(prefs.timer(None, None).answer_ms(), 30_000);
    }

    #[test]
    fn a_reload_mid_answer_stops_the_timer_and_hands_back_the_live_attempt() {
        let mut s = session(2);
        s.timer.start(1_000);
        s.timer.answer_now(2_000);
        s.live = Some("a1".into());
        let raw = encode(&s).expect("encode");
        let mut back = decode::<Session>(&raw).expect("decode");
        assert_eq!(back, s);
        assert_eq!(back.recover(9_000), Some("a1".into()));
        assert_eq!(back.timer.phase(), Phase::Done);
        assert_eq!(back.current(), Some("q1"));
        assert_eq!(back.recover(9_500), None);
    }

    #[test]
    fn the_summary_counts_attempts_and_time_per_question() {
        let s = session(2);
        let mut a = Attempt::start("a1".into(), "s1", "q1", "audio/webm", 0);
        a.saved_chunk(10, 2_000);
        a.finish(3_000);
        let mut b = Attempt::start("a2".into(), "s1", "q1", "audio/webm", 0);
        b.saved_chunk(10, 1_000);
        b.state = AttemptState::Interrupted;
        let other = Attempt {
            session: "s0".into(),
            ..a.clone()
        };
        let rows = summarise(&s, &[a, b, other]);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0],
            SummaryRow {
                question: "q1".into(),
                attempts: 2,
                answered_ms: 4_000,
                interrupted: 1
            }
        );
        assert_eq!(rows[1].attempts, 0);
    }

    #[test]
    fn the_latest_unfinished_session_is_the_one_to_resume() {
        let mut old = session(1);
        old.started_ms = 1;
        let mut done = session(1);
        done.started_ms = 9;
        done.finish(10);
        let mut new = session(1);
        new.id = "s2".into();
        new.started_ms = 5;
        let list = [old, done, new];
        assert_eq!(resumable(&list).map(|s| s.id.as_str()), Some("s2"));
    }
}
