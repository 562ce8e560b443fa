//! Live transcription of a spoken answer, on the device (settings: "Transcribe on this device").
//!
//! While the answer is recorded, the browser's local speech recognition runs beside the recorder;
//! the text shows as it comes ([`Live`]) and is saved with the attempt when the answer ends. A
//! recognition session that ends by itself (a long silence) is started again while the answer
//! runs; a pause stops it and resuming starts a new one, keeping the text so far. Where local
//! recognition is not available, nothing is sent anywhere: the user is told, and can write the
//! answer down afterwards.

use crate::browser::speech::{self, Availability, Heard, Recognizer};
use crate::domain::attempt::TranscriptSource;
use crate::ui::dom::now_ms;
use crate::ui::state::Practice;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::time::Duration;

/// What the practice page shows while transcribing.
#[derive(Clone, Copy)]
pub struct Live {
    /// The text so far.
    pub text: RwSignal<String>,
    /// Why there is no (more) live text, when there is a reason to tell.
    pub problem: RwSignal<Option<Problem>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// No on-device recognition for this language in this browser.
    Unavailable,
    /// Recognition stopped with this error name.
    Failed(String),
}

impl Live {
    pub fn new() -> Self {
        Live {
            text: RwSignal::new(String::new()),
            problem: RwSignal::new(None),
        }
    }
}

impl Default for Live {
    fn default() -> Self {
        Self::new()
    }
}

/// One answer being transcribed.
struct Run {
    attempt: String,
    lang: String,
    /// Text of the recognition sessions that ended.
    kept: String,
    /// The running session's text.
    heard: Heard,
    recognizer: Option<Recognizer>,
    /// Start again when the session ends (the answer is still running).
    going: bool,
    practice: Practice,
    live: Live,
}

thread_local! {
    static RUN: RefCell<Option<Run>> = const { RefCell::new(None) };
}

fn text_of(run: &Run) -> String {
    speech::join(
        &run.kept,
        &speech::join(&run.heard.done, &run.heard.pending),
    )
}

/// Starts transcribing attempt `attempt` in `lang` (a speech tag), if the browser can do it on the
/// device; else tells `live` why not.
pub fn begin(practice: Practice, live: Live, attempt: String, lang: &'static str) {
    finish();
    live.text.set(String::new());
    live.problem.set(None);
    spawn_local(async move {
        if speech::availability(lang).await != Availability::Available {
            live.problem.set(Some(Problem::Unavailable));
            return;
        }
        RUN.with(|r| {
            *r.borrow_mut() = Some(Run {
                attempt,
                lang: lang.to_string(),
                kept: String::new(),
                heard: Heard::default(),
                recognizer: None,
                going: true,
                practice,
                live,
            })
        });
        listen();
    });
}

/// Starts a recognition session for the current run.
fn listen() {
    let lang = RUN.with(|r| r.borrow().as_ref().map(|run| run.lang.clone()));
    let Some(lang) = lang else {
        return;
    };
    let on_heard = |heard: Heard| {
        RUN.with(|r| {
            if let Some(run) = r.borrow_mut().as_mut() {
                run.heard = heard;
                run.live.text.set(text_of(run));
            }
        });
    };
    let started = Recognizer::start(&lang, on_heard, ended);
    RUN.with(|r| {
        if let Some(run) = r.borrow_mut().as_mut() {
            match started {
                Ok(rec) => run.recognizer = Some(rec),
                Err(_) => {
                    run.going = false;
                    run.live.problem.set(Some(Problem::Unavailable));
                }
            }
        }
    });
}

/// A recognition session ended: keep its text, then listen again or save.
fn ended(error: Option<String>) {
    let mut restart = false;
    let mut save = None;
    RUN.with(|r| {
        let mut slot = r.borrow_mut();
        let Some(run) = slot.as_mut() else {
            return;
        };
        run.kept = text_of(run);
        run.heard = Heard::default();
        // The session's own callback is running: drop it a task later.
        if let Some(old) = run.recognizer.take() {
            set_timeout(move || drop(old), Duration::ZERO);
        }
        // "no-speech" and "aborted" are part of a normal answer; anything else stops it.
        let fatal = error
            .as_deref()
            .is_some_and(|e| e != "no-speech" && e != "aborted");
        if let (true, Some(e)) = (fatal, error) {
            run.going = false;
            run.live.problem.set(Some(Problem::Failed(e)));
        }
        if run.going {
            restart = true;
        } else if let Some(run) = slot.take() {
            save = Some(run);
        }
    });
    if restart {
        listen();
    }
    if let Some(run) = save {
        keep(run);
    }
}

/// Saves the run's text with its attempt (nothing when nothing was heard).
fn keep(run: Run) {
    let text = text_of(&run);
    if text.trim().is_empty() {
        return;
    }
    let now = now_ms();
    run.practice.update_attempt(&run.attempt, |a| {
        a.set_transcript(&text, TranscriptSource::Device, &run.lang, now)
    });
}

/// The answer is paused: stop listening (the text so far stays).
pub fn pause() {
    RUN.with(|r| {
        if let Some(run) = r.borrow_mut().as_mut() {
            run.going = false;
            if let Some(rec) = &run.recognizer {
                rec.stop();
            }
        }
    });
}

/// The answer goes on: listen again.
pub fn resume() {
    let waiting = RUN.with(|r| {
        r.borrow_mut().as_mut().is_some_and(|run| {
            run.going = true;
            run.recognizer.is_none()
        })
    });
    if waiting {
        listen();
    }
}

/// The answer ended: stop listening; the text is saved once the last results are in.
pub fn finish() {
    let idle = RUN.with(|r| {
        let mut slot = r.borrow_mut();
        match slot.as_mut() {
            Some(run) => {
                run.going = false;
                match &run.recognizer {
                    Some(rec) => {
                        rec.stop();
                        None
                    }
                    // Paused, or never started: save now.
                    None => slot.take(),
                }
            }
            None => None,
        }
    });
    if let Some(run) = idle {
        keep(run);
    }
}

/// The live text under the recording indicator, or why there is none.
#[component]
pub fn LiveTranscript(live: Live) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let body = move || match live.problem.get() {
        Some(Problem::Unavailable) => view! {
            <p class="help" data-testid="transcribe-problem">{tx!(i18n, transcribe_unavailable)}</p>
        }
        .into_any(),
        Some(Problem::Failed(e)) => view! {
            <p class="help" data-testid="transcribe-problem">
                {txt!(t_string!(i18n, transcribe_failed, error = e))}
            </p>
        }
        .into_any(),
        None => {
            let text = live.text.get();
            if text.is_empty() {
                view! { <p class="help">{tx!(i18n, transcribe_listening)}</p> }.into_any()
            } else {
                view! { <p lang=i18n.get_locale().tag()>{text}</p> }.into_any()
            }
        }
    };
    view! {
        <section class="live-transcript" data-testid="live-transcript" aria-labelledby="live-transcript-title">
            <h3 id="live-transcript-title">{tx!(i18n, transcribe_live_title)}</h3>
            {dview!(body())}
        </section>
    }
}
