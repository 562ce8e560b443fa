//! The controller of a running session ([`Ctl`]): the session and its timer, the cues, and what
//! starting and ending an answer means. The views and the keyboard act through it.
//!
//! Everything that must outlive the page (the session, the attempts, the chunk writes) goes through
//! the app-wide [`Practice`] store; the page holds only its browser objects ([`PageMedia`]).

use super::media::{MicState, PageMedia};
use super::transcribe::{self, Live};
use crate::browser::{self, MicError};
use crate::domain::attempt::{Attempt, AttemptState};
use crate::domain::route::Route;
use crate::domain::session::Session;
use crate::domain::timer::{Cue, Phase, Reading, Timer};
use crate::ui::dom::{focus_id, fresh_id, now_ms};
use crate::ui::labels::I18n;
use crate::ui::router::go;
use crate::ui::state::queries::draw;
use crate::ui::state::{Bank, Notices, Practice, Prefs, Reviews};
use leptos::prelude::*;

/// A fresh timer for question `id`: its own times, else the settings.
pub fn timer_for(bank: Bank, prefs: Prefs, id: &str) -> Timer {
    let entry = bank.entry(id, crate::domain::locale::Lang::En);
    prefs.practice().timer(
        entry.as_ref().map(|e| e.think_seconds),
        entry.as_ref().map(|e| e.answer_seconds),
    )
}

/// The controller: signals of the running session, shared by its parts.
#[derive(Clone, Copy)]
pub struct Ctl {
    pub sid: StoredValue<String>,
    pub i18n: I18n,
    pub practice: Practice,
    pub bank: Bank,
    pub prefs: Prefs,
    pub reviews: Reviews,
    pub notices: Notices,
    pub now: RwSignal<u64>,
    pub mic: RwSignal<MicState>,
    /// The microphone was checked (and kept open) on this visit.
    pub mic_ok: RwSignal<bool>,
    pub level: RwSignal<u32>,
    pub devices: RwSignal<Vec<(String, String)>>,
    pub announce: RwSignal<String>,
    pub help: RwSignal<bool>,
    /// Not enough free space to record.
    pub low_storage: RwSignal<bool>,
    pub media: PageMedia,
    /// The live transcript of the answer being recorded.
    pub live: Live,
}

impl Ctl {
    pub fn session(&self) -> Option<Session> {
        self.practice.session(&self.sid.get_value())
    }

    pub fn session_untracked(&self) -> Option<Session> {
        untrack(|| self.session())
    }

    pub fn reading(&self) -> Option<Reading> {
        let now = self.now.get();
        self.session().map(|s| {
            let mut r = s.timer.read(now);
            if r.phase == Phase::Idle {
                // Before the start, show the time to come: thinking if any, else answering.
                r.remaining_ms = match s.timer.think_ms() {
                    0 => s.timer.answer_ms(),
                    t => t,
                };
            }
            r
        })
    }

    fn update(&self, change: impl FnOnce(&mut Session)) -> Option<Session> {
        self.practice.update_session(&self.sid.get_value(), change)
    }

    /// Runs a timer step now and reacts to its cues.
    fn step(&self, f: impl FnOnce(&mut Timer, u64) -> Vec<Cue>) {
        let now = now_ms();
        self.now.set(now);
        let Some(current) = self.session_untracked() else {
            return;
        };
        let before = Some(current.timer.phase());
        let mut timer = current.timer.clone();
        let cues = f(&mut timer, now);
        if timer == current.timer {
            return;
        }
        let after = self.update(|s| s.timer = timer);
        for cue in cues {
            self.cue(cue);
        }
        if let (Some(b), Some(s)) = (before, after) {
            if b != Phase::Done && s.timer.phase() == Phase::Done {
                self.end_answer();
            }
        }
    }

    /// The page's clock tick: moves the timer on and reads the microphone's level.
    pub fn tick(&self) {
        let now = now_ms();
        self.now.set(now);
        let answering = self.session_untracked().is_some_and(|s| s.answering());
        if answering {
            self.step(|t, now| t.tick(now));
        } else if self.media.recording() {
            // The answer was ended elsewhere (a chunk could not be saved): stop recording too.
            self.end_answer();
        }
        if let Some(l) = self.media.level() {
            self.level.set(l);
        }
    }

    /// Announces `text` politely. The same words twice in a row get a trailing no-break space, so
    /// that the live region changes and screen readers read them again.
    fn say(&self, text: String) {
        self.announce.update(|old| {
            *old = if old.trim_end_matches('\u{a0}') == text && !old.ends_with('\u{a0}') {
                format!("{text}\u{a0}")
            } else {
                text
            };
        });
    }

    fn cue(&self, cue: Cue) {
        let key = match cue {
            Cue::ThinkStarted => crate::i18n::key::practice_say_think,
            Cue::AnswerStarted => crate::i18n::key::practice_say_answer,
            Cue::Warn30 => crate::i18n::key::practice_say_30,
            Cue::Warn10 => crate::i18n::key::practice_say_10,
            Cue::TimeUp => crate::i18n::key::practice_say_time_up,
        };
        self.say(self.i18n.text(key).to_string());
        match cue {
            Cue::ThinkStarted => {}
            Cue::AnswerStarted => self.begin_answer(),
            Cue::Warn30 | Cue::Warn10 | Cue::TimeUp => {
                let prefs = self.prefs.practice();
                if prefs.tone {
                    browser::beep();
                }
                if prefs.vibrate {
                    browser::vibrate();
                }
            }
        }
    }

    /// Space / Start: begin a new attempt (think time first).
    pub fn start(&self) {
        let Some(s) = self.session_untracked() else {
            return;
        };
        if !s.typed && (self.low_storage.get_untracked() || !self.mic_ok.get_untracked()) {
            return;
        }
        self.step(|t, now| t.start(now));
    }

    /// Skip the rest of the think time.
    pub fn answer_now(&self) {
        self.step(|t, now| t.answer_now(now));
    }

    pub fn pause_or_resume(&self) {
        let Some(s) = self.session_untracked() else {
            return;
        };
        if s.timer.is_paused() {
            self.step(|t, now| {
                t.resume(now);
                Vec::new()
            });
            self.media.resume();
            transcribe::resume();
        } else if s.answering() {
            self.step(|t, now| t.pause(now));
            self.media.pause();
            transcribe::pause();
        }
    }

    pub fn stop(&self) {
        self.step(|t, now| t.stop(now));
    }

    /// A new attempt at the same question.
    pub fn retry(&self) {
        let Some(s) = self.session_untracked() else {
            return;
        };
        let Some(q) = s.current() else {
            return;
        };
        let timer = timer_for(self.bank, self.prefs, q);
        self.update(|s| s.retry(timer));
        if s.typed || self.mic_ok.get_untracked() {
            self.start();
        }
    }

    pub fn next(&self) {
        let Some(s) = self.session_untracked() else {
            return;
        };
        if s.answering() {
            return;
        }
        let drawn = s
            .random
            .then(|| {
                draw(self.bank, self.practice, self.reviews, 2)
                    .into_iter()
                    .find(|q| Some(q.as_str()) != s.current())
            })
            .flatten();
        let next_id = drawn
            .clone()
            .or_else(|| s.questions.get(s.index + 1).cloned());
        let timer = match &next_id {
            Some(q) => timer_for(self.bank, self.prefs, q),
            None => s.timer.clone(),
        };
        let now = now_ms();
        self.update(|s| s.advance(now, timer, drawn));
        focus_id("practice-question");
    }

    pub fn set_typed(&self, typed: bool) {
        self.update(|s| s.typed = typed);
    }

    fn mic_failed(&self, e: MicError) {
        self.mic_ok.set(false);
        self.mic.set(MicState::Failed(e));
        self.step(|t, now| t.stop(now));
    }

    /// The answer time began: create the attempt and start recording (or typing).
    fn begin_answer(&self) {
        let Some(s) = self.session_untracked() else {
            return;
        };
        let Some(q) = s.current().map(str::to_string) else {
            return;
        };
        let id = fresh_id("attempt");
        let now = now_ms();
        if s.typed {
            let attempt = Attempt::start(id.clone(), &s.id, &q, "", now);
            if self.practice.save_attempt(attempt) {
                self.update(|s| s.live = Some(id));
                focus_id("typed-answer");
            }
            return;
        }
        let Some(mime) = self.media.mime() else {
            self.mic_failed(MicError::Unsupported);
            return;
        };
        let attempt = Attempt::start(id.clone(), &s.id, &q, &mime, now);
        if !self.practice.save_attempt(attempt) {
            self.step(|t, now| t.stop(now));
            return;
        }
        self.update(|s| s.live = Some(id.clone()));
        if let Err(e) = self
            .media
            .record(self.practice, self.notices, s.id.clone(), id.clone())
        {
            self.mic_failed(e);
            return;
        }
        if self.prefs.practice().transcribe {
            let lang = self.i18n.get_locale().speech_tag();
            transcribe::begin(self.practice, self.live, id, lang);
        }
    }

    /// The answer ended (stopped, or time ran out): stop the recorder, or finish the typed answer.
    fn end_answer(&self) {
        let recorder = self.media.take_recorder();
        let Some(s) = self.session_untracked() else {
            return;
        };
        if let Some(live) = &s.live {
            // The final answer time, from the timer that ran it.
            let answered = s.timer.answered_ms(now_ms());
            self.practice.update_attempt(live, |a| {
                if a.state == AttemptState::Live {
                    if recorder.is_some() {
                        // The writer marks it complete after the last chunk.
                        a.duration_ms = answered;
                    } else {
                        a.finish(answered);
                    }
                }
            });
        }
        if let Some(r) = recorder {
            r.stop();
        }
        transcribe::finish();
        self.update(|s| s.live = None);
    }

    /// Opens the microphone (asking permission) and starts the level meter.
    pub fn open_mic(&self, device: Option<String>) {
        self.media.open_mic(device, self.mic, self.devices);
    }

    /// Esc: leave, asking first if an answer is being recorded.
    pub fn leave(&self) {
        let Some(s) = self.session_untracked() else {
            return;
        };
        if s.answering() {
            let question = t_string!(self.i18n, practice_confirm_leave).to_string();
            if !crate::ui::dom::confirm(&question) {
                return;
            }
            self.stop();
        }
        go(&match s.set {
            Some(id) => Route::Set(id),
            None => Route::Questions,
        });
    }

    /// Page teardown: end a running answer (its audio so far is kept) and release the microphone.
    pub fn teardown(&self) {
        if self.session_untracked().is_some_and(|s| s.answering()) {
            self.step(|t, now| t.stop(now));
        }
        transcribe::finish();
        self.media.release();
    }
}
