//! The running session: a controller ([`Ctl`]) that owns the timer, the microphone and the
//! recorder, and the question screen built on it.
//!
//! Everything that must outlive the page (the session, the attempts, the chunk writes) goes through
//! the app-wide [`Practice`] context; the page only holds the browser objects.

use super::help::Help;
use super::mic_check::MicCheck;
use super::review::Review;
use super::summary::Summary;
use super::writer::{push, Job, Shared, Writer};
use crate::browser::{self, MicError, Recorder};
use crate::domain::attempt::{counts_characters, word_count, Attempt, AttemptState};
use crate::domain::bank::Entry;
use crate::domain::route::Route;
use crate::domain::session::Session;
use crate::domain::timer::{clock, duration, Cue, Phase, Reading, Timer};
use crate::i18n::*;
use crate::ui::bank::{fresh_id, Bank};
use crate::ui::erase::{click, event};
use crate::ui::focus::{focus_id, focus_now};
use crate::ui::labels::I18n;
use crate::ui::lang::from_locale;
use crate::ui::notices::{Notice, Notices};
use crate::ui::practice::{now_ms, Practice};
use crate::ui::prefs::Prefs;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Audio is handed over and saved in slices this long: a reload loses at most about this much.
const SLICE_MS: i32 = 2000;
/// Below this much free space, recording is refused before it starts.
const MIN_FREE_BYTES: u64 = 5 * 1024 * 1024;

/// A fresh timer for question `id`: its own times, else the settings.
pub fn timer_for(bank: Bank, prefs: Prefs, id: &str) -> Timer {
    let entry = bank
        .entries(crate::domain::locale::Lang::En)
        .into_iter()
        .find(|e| e.id == id);
    prefs.practice().timer(
        entry.as_ref().map(|e| e.think_seconds),
        entry.as_ref().map(|e| e.answer_seconds),
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MicState {
    Unchecked,
    Opening,
    Ready,
    Failed(MicError),
}

/// The browser objects of this page.
#[derive(Default)]
pub struct Media {
    stream: Option<web_sys::MediaStream>,
    meter: Option<browser::Meter>,
    recorder: Option<Recorder>,
    mime: Option<String>,
}

thread_local! {
    /// The browser objects of the practice page on screen, with that page's number. A page that is
    /// being replaced may be torn down after its successor mounted: the number keeps it off the new
    /// page's objects.
    static MEDIA: RefCell<Option<(u64, Media)>> = const { RefCell::new(None) };
    static PAGES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The controller: signals of the running session, shared by its parts.
#[derive(Clone, Copy)]
pub struct Ctl {
    pub sid: StoredValue<String>,
    pub i18n: I18n,
    pub practice: Practice,
    pub bank: Bank,
    pub prefs: Prefs,
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
    /// This page's number (see `MEDIA`).
    page: u64,
}

impl Ctl {
    /// Runs `f` on this page's browser objects; `None` once the page is gone. `f` must not call it again.
    fn with_media<R>(&self, f: impl FnOnce(&mut Media) -> R) -> Option<R> {
        MEDIA.with(|m| match m.borrow_mut().as_mut() {
            Some((page, media)) if *page == self.page => Some(f(media)),
            _ => None,
        })
    }

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

    pub fn tick(&self) {
        let now = now_ms();
        self.now.set(now);
        let answering = self.session_untracked().is_some_and(|s| s.answering());
        if answering {
            self.step(|t, now| t.tick(now));
        } else if self.with_media(|m| m.recorder.is_some()).unwrap_or(false) {
            // The answer was ended elsewhere (a chunk could not be saved): stop recording too.
            self.end_answer();
        }
        let level = self
            .with_media(|m| m.meter.as_ref().map(|x| x.level()))
            .flatten();
        if let Some(l) = level {
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
            self.with_media(|m| m.recorder.as_ref().map(|r| r.resume()));
        } else if s.answering() {
            self.step(|t, now| t.pause(now));
            self.with_media(|m| m.recorder.as_ref().map(|r| r.pause()));
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
                untrack(|| self.bank.draw(2))
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
        if let Some(old) = self.with_media(|m| m.recorder.take()).flatten() {
            old.stop();
        }
        let (stream, mime) = self
            .with_media(|m| (m.stream.clone(), m.mime.clone()))
            .unwrap_or_default();
        let (Some(stream), Some(mime)) = (stream, mime) else {
            self.mic_ok.set(false);
            self.mic.set(MicState::Failed(MicError::Unsupported));
            self.step(|t, now| t.stop(now));
            return;
        };
        let attempt = Attempt::start(id.clone(), &s.id, &q, &mime, now);
        if !self.practice.save_attempt(attempt) {
            self.step(|t, now| t.stop(now));
            return;
        }
        self.update(|s| s.live = Some(id.clone()));
        let writer: Shared = Rc::new(RefCell::new(Writer {
            attempt: id,
            jobs: VecDeque::new(),
            busy: false,
            failed: false,
            next: 0,
            store: None,
            practice: self.practice,
            notices: self.notices,
            session: s.id.clone(),
        }));
        let (w1, w2) = (writer.clone(), writer);
        // Only app-wide state here: the last chunk may come after the page is gone.
        let (practice, sid) = (self.practice, s.id.clone());
        let mut first = true;
        browser::mark("csic-answer-start");
        let on_data = move |blob| {
            if std::mem::take(&mut first) {
                browser::measure("csic-first-data", "csic-answer-start");
            }
            // The answer time behind this chunk, while this attempt is still the live one.
            let answered = untrack(|| practice.session(&sid))
                .filter(|s| s.live.as_deref() == Some(w1.borrow().attempt.as_str()))
                .map(|s| s.timer.answered_ms(now_ms()))
                .unwrap_or(0);
            push(&w1, Job::Chunk(blob, answered));
        };
        let on_stop = move || push(&w2, Job::Stop);
        let on_start = || browser::measure("csic-recorder-start", "csic-answer-start");
        match Recorder::start(&stream, &mime, SLICE_MS, on_data, on_stop, on_start) {
            Ok(r) => {
                self.with_media(|m| m.recorder = Some(r));
            }
            Err(e) => {
                self.mic_ok.set(false);
                self.mic.set(MicState::Failed(e));
                self.step(|t, now| t.stop(now));
            }
        }
    }

    /// The answer ended (stopped, or time ran out): stop the recorder, or finish the typed answer.
    fn end_answer(&self) {
        let recorder = self.with_media(|m| m.recorder.take()).flatten();
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
        self.update(|s| s.live = None);
    }

    /// Opens the microphone (asking permission) and starts the level meter.
    pub fn open_mic(&self, device: Option<String>) {
        let ctl = *self;
        let Some(mime) = browser::recorder_mime() else {
            self.mic.set(MicState::Failed(MicError::Unsupported));
            return;
        };
        self.mic.set(MicState::Opening);
        spawn_local(async move {
            let result = browser::open_mic(device).await;
            let Some(()) = ctl.with_media(|m| {
                if let Some(old) = m.stream.take() {
                    browser::stop_stream(&old);
                }
                m.meter = None;
            }) else {
                // The page was left meanwhile.
                if let Ok(stream) = result {
                    browser::stop_stream(&stream);
                }
                return;
            };
            match result {
                Ok(stream) => {
                    let meter = browser::Meter::new(&stream);
                    ctl.with_media(|m| {
                        m.meter = meter;
                        m.stream = Some(stream);
                        m.mime = Some(mime);
                    });
                    ctl.mic.set(MicState::Ready);
                    ctl.devices.set(browser::audio_inputs().await);
                }
                Err(e) => ctl.mic.set(MicState::Failed(e)),
            }
        });
    }

    /// Esc: leave, asking first if an answer is being recorded.
    pub fn leave(&self) {
        let Some(s) = self.session_untracked() else {
            return;
        };
        if s.answering() {
            let question = t_string!(self.i18n, practice_confirm_leave).to_string();
            let ok = crate::ui::confirm::confirm(&question);
            if !ok {
                return;
            }
            self.stop();
        }
        let back = match s.set {
            Some(id) => Route::Set(id),
            None => Route::Questions,
        };
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&back.href());
        }
    }

    /// Page teardown: end a running answer (its audio so far is kept) and release the microphone.
    fn teardown(&self) {
        if self.session_untracked().is_some_and(|s| s.answering()) {
            self.step(|t, now| t.stop(now));
        }
        // Dropping the meter closes its audio context.
        let mine = MEDIA.with(|m| {
            let mut slot = m.borrow_mut();
            match slot.as_ref() {
                Some((page, _)) if *page == self.page => slot.take().map(|(_, media)| media),
                _ => None,
            }
        });
        if let Some(m) = mine {
            if let Some(r) = m.recorder {
                r.stop();
            }
            if let Some(s) = m.stream {
                browser::stop_stream(&s);
            }
        }
    }
}

/// If focus fell to the page (its button went away), puts it on the first action button.
fn keep_focus() {
    let lost = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.active_element().is_none_or(|e| e.tag_name() == "BODY"));
    if lost {
        focus_now(".practice-run .actions-row button, .review .actions-row button.primary");
    }
}

fn on_key(ctl: Ctl, e: web_sys::KeyboardEvent) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
        return;
    }
    let target = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.tag_name())
        .unwrap_or_default();
    if matches!(
        target.as_str(),
        "INPUT" | "TEXTAREA" | "SELECT" | "AUDIO" | "VIDEO"
    ) {
        return;
    }
    if ctl.help.get_untracked() {
        return;
    }
    let Some(s) = ctl.session_untracked() else {
        return;
    };
    let key = e.key();
    let handled = match key.as_str() {
        // A focused button or link already acts on Space.
        " " if matches!(target.as_str(), "BUTTON" | "A" | "SUMMARY") => false,
        " " => {
            match s.timer.phase() {
                Phase::Idle | Phase::Done => {
                    if s.timer.phase() == Phase::Done {
                        ctl.retry()
                    } else {
                        ctl.start()
                    }
                }
                Phase::Thinking => ctl.answer_now(),
                _ => ctl.stop(),
            }
            true
        }
        "p" | "P" => {
            ctl.pause_or_resume();
            true
        }
        "n" | "N" => {
            ctl.next();
            true
        }
        "Escape" => {
            ctl.leave();
            true
        }
        "?" => {
            ctl.help.set(true);
            true
        }
        _ => false,
    };
    if handled {
        e.prevent_default();
    }
}

#[component]
pub fn Runner(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let ctl = Ctl {
        sid: StoredValue::new(id),
        i18n,
        practice: expect_context::<Practice>(),
        bank: expect_context::<Bank>(),
        prefs: expect_context::<Prefs>(),
        notices: expect_context::<Notices>(),
        now: RwSignal::new(now_ms()),
        mic: RwSignal::new(MicState::Unchecked),
        mic_ok: RwSignal::new(false),
        level: RwSignal::new(0),
        devices: RwSignal::new(Vec::new()),
        announce: RwSignal::new(String::new()),
        help: RwSignal::new(false),
        low_storage: RwSignal::new(false),
        page: PAGES.with(|n| {
            n.set(n.get() + 1);
            n.get()
        }),
    };
    MEDIA.with(|m| *m.borrow_mut() = Some((ctl.page, Media::default())));
    let interval =
        set_interval_with_handle(move || ctl.tick(), std::time::Duration::from_millis(200)).ok();
    let keys = window_event_listener(leptos::ev::keydown, move |e| on_key(ctl, e));
    on_cleanup(move || {
        if let Some(i) = interval {
            i.clear();
        }
        keys.remove();
        ctl.teardown();
    });
    // Free space is checked on arrival and again after every recording saved or deleted.
    Effect::new(move |_| {
        ctl.practice.stored.track();
        spawn_local(async move {
            if let Some(e) = crate::storage::storage_estimate().await {
                let low = e.quota.saturating_sub(e.usage) < MIN_FREE_BYTES;
                if ctl.low_storage.try_set(low).is_some() {
                    return;
                }
                if low {
                    ctl.notices.push(Notice::StorageFull);
                }
            }
        });
    });

    let lang = move || from_locale(i18n.get_locale());
    let entry = Memo::new(move |_| {
        let q = ctl
            .session()
            .and_then(|s| s.current().map(str::to_string))?;
        ctl.bank.entries(lang()).into_iter().find(|e| e.id == q)
    });
    let finished = Memo::new(move |_| ctl.session().is_some_and(|s| s.finished_ms.is_some()));
    let needs_mic = Memo::new(move |_| {
        ctl.session()
            .is_some_and(|s| !s.typed && s.timer.phase() == Phase::Idle)
            && !ctl.mic_ok.get()
    });
    let screen = move || {
        if finished.get() {
            view! { <Summary ctl=ctl /> }.into_any()
        } else if needs_mic.get() {
            view! { <MicCheck ctl=ctl /> }.into_any()
        } else {
            match entry.get() {
                Some(e) => view! { <QuestionView ctl=ctl entry=e /> }.into_any(),
                None => view! { <p>{tx!(i18n, questions_loading)}</p> }.into_any(),
            }
        }
    };
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
            {txt!(ctl.announce.get())}
        </p>
        {dview!(screen())}
        <Help ctl=ctl />
    }
}

fn phase_label(i18n: I18n, r: &Reading) -> String {
    match r.phase {
        Phase::Idle => t_string!(i18n, practice_phase_ready),
        Phase::Thinking => t_string!(i18n, practice_phase_think),
        Phase::Answering => t_string!(i18n, practice_phase_answer),
        Phase::Paused => t_string!(i18n, practice_phase_paused),
        Phase::Overtime => t_string!(i18n, practice_phase_overtime),
        Phase::Done => t_string!(i18n, practice_phase_done),
    }
    .to_string()
}

/// The clock text: time left, or `+0:12` in overtime.
fn clock_text(r: &Reading) -> String {
    if r.phase == Phase::Done {
        duration(r.answered_ms)
    } else if r.running == Phase::Overtime {
        clock(r.overtime_ms, true)
    } else {
        clock(r.remaining_ms, false)
    }
}

#[component]
fn QuestionView(ctl: Ctl, entry: Entry) -> impl IntoView {
    let i18n = ctl.i18n;
    let reading = Memo::new(move |_| ctl.reading());
    // Views that depend on the phase only are rebuilt when it changes, not on every tick.
    let phase_memo = Memo::new(move |_| reading.get().map(|r| r.phase).unwrap_or(Phase::Idle));
    let phase = move || phase_memo.get();
    // The buttons change with the phase: keep keyboard focus on the new main one.
    Effect::new(move |prev: Option<Phase>| {
        let now = phase_memo.get();
        if prev.is_some_and(|p| p != now) {
            request_animation_frame(keep_focus);
        }
        now
    });
    let position = move || {
        ctl.session()
            .map(|s| {
                t_string!(
                    i18n,
                    practice_position,
                    n = s.index + 1,
                    total = s.questions.len()
                )
                .to_string()
            })
            .unwrap_or_default()
    };
    let title = entry.title.clone();
    let speak_title = entry.title.clone();
    let read_aloud = move |_| {
        let tag = match from_locale(i18n.get_locale()) {
            crate::domain::locale::Lang::En => "en-US",
            crate::domain::locale::Lang::ZhHans => "zh-CN",
            crate::domain::locale::Lang::ZhHant => "zh-TW",
        };
        browser::speak(&speak_title, tag);
    };
    let typed_memo = Memo::new(move |_| ctl.session().is_some_and(|s| s.typed));
    let typed = move || typed_memo.get();
    let live_typed = Memo::new(move |_| ctl.session().and_then(|s| s.live.filter(|_| s.typed)));
    let controls = move || {
        let b = |label: String, primary: bool, f: fn(&Ctl)| {
            view! {
                <button type="button" class:primary=primary on:click=click(move |_| f(&ctl))>
                    {label}
                </button>
            }
            .into_any()
        };
        let t = |f: fn(I18n) -> String| f(i18n);
        match phase() {
            Phase::Idle => vec![b(
                t(|i| t_string!(i, practice_start).to_string()),
                true,
                Ctl::start,
            )],
            Phase::Thinking => vec![
                b(
                    t(|i| t_string!(i, practice_answer_now).to_string()),
                    true,
                    Ctl::answer_now,
                ),
                b(
                    t(|i| t_string!(i, practice_pause).to_string()),
                    false,
                    Ctl::pause_or_resume,
                ),
            ],
            Phase::Answering | Phase::Overtime => vec![
                b(
                    t(|i| t_string!(i, practice_stop).to_string()),
                    true,
                    Ctl::stop,
                ),
                b(
                    t(|i| t_string!(i, practice_pause).to_string()),
                    false,
                    Ctl::pause_or_resume,
                ),
            ],
            Phase::Paused => vec![
                b(
                    t(|i| t_string!(i, practice_resume_timer).to_string()),
                    true,
                    Ctl::pause_or_resume,
                ),
                b(
                    t(|i| t_string!(i, practice_stop).to_string()),
                    false,
                    Ctl::stop,
                ),
            ],
            Phase::Done => Vec::new(),
        }
    };
    let switch_mode = move |_| ctl.set_typed(!typed());
    let typed_box = move || {
        let live = live_typed.get()?;
        let initial = ctl
            .practice
            .attempt(&live)
            .map(|a| a.text)
            .unwrap_or_default();
        let count = RwSignal::new(initial.clone());
        let on_input = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            count.set(text.clone());
            ctl.practice.update_attempt(&live, |a| a.text = text);
        };
        Some(view! {
            <label for="typed-answer">{tx!(i18n, practice_typed_label)}</label>
            <textarea id="typed-answer" rows="8" prop:value=initial on:input=event(on_input)></textarea>
            <p class="help" data-testid="word-count">
                {txt!(count.with(|t| {
                    let n = word_count(t);
                    if counts_characters(t) {
                        t_string!(i18n, practice_chars, n = n).to_string()
                    } else {
                        t_string!(i18n, practice_words, n = n).to_string()
                    }
                }))}
            </p>
        })
    };
    view! {
        <div class="practice-run">
            <p class="position">{txt!(position())}</p>
            <h2 id="practice-question" tabindex="-1">{title}</h2>
            {browser::speech_available().then(|| view! {
                <button type="button" class="link" on:click=click(read_aloud)>
                    {tx!(i18n, practice_read_aloud)}
                </button>
            })}
            <div class="timer" class:warning=move || reading.get().is_some_and(|r| r.warning)
                class:urgent=move || reading.get().is_some_and(|r| r.phase == Phase::Answering && r.remaining_ms <= 10_000)
                data-phase=move || phase().name()>
                <p class="phase">{txt!(reading.get().map(|r| phase_label(i18n, &r)).unwrap_or_default())}</p>
                <p class="clock" data-testid="clock">{txt!(reading.get().map(|r| clock_text(&r)).unwrap_or_default())}</p>
                <progress max="1000" value=move || reading.get().map(|r| r.permille).unwrap_or(0)
                    aria-label=txt!(t_string!(i18n, practice_progress))></progress>
            </div>
            {move || (matches!(phase(), Phase::Answering | Phase::Overtime) && !typed()).then(|| view! {
                <p class="recording" data-testid="recording">
                    <span aria-hidden="true">"● "</span>
                    {tx!(i18n, practice_recording)}
                    <meter min="0" max="100" value=move || ctl.level.get()
                        aria-label=txt!(t_string!(i18n, practice_mic_level))></meter>
                </p>
            })}
            {dview!(typed_box())}
            <div class="actions-row">
                {dview!(controls())}
                {move || (phase() == Phase::Idle).then(|| view! {
                    <button type="button" class="link" on:click=click(switch_mode)>
                        {txt!(if typed() { t_string!(i18n, practice_speak_instead) } else { t_string!(i18n, practice_type_instead) })}
                    </button>
                })}
            </div>
            {dview!((phase() == Phase::Done).then(|| view! { <Review ctl=ctl /> }))}
            <button type="button" class="link" on:click=click(move |_| ctl.help.set(true))>
                {tx!(i18n, practice_shortcuts)}
            </button>
        </div>
    }
}
