//! The practice page's browser objects: the microphone stream, its level meter and the recorder.
//!
//! They belong to one page at a time. A page that is being replaced may be torn down after its
//! successor mounted, so each page gets a number and only touches the objects of its own number.

use super::writer::{push, Job, Writer};
use crate::browser::{self, MicError, Recorder};
use crate::ui::dom::now_ms;
use crate::ui::state::{Notices, Practice};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

/// Audio is handed over and saved in slices this long: a reload loses at most about this much.
const SLICE_MS: i32 = 2000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MicState {
    Unchecked,
    Opening,
    Ready,
    Failed(MicError),
}

/// The browser objects of one page.
#[derive(Default)]
struct Media {
    stream: Option<web_sys::MediaStream>,
    meter: Option<browser::Meter>,
    recorder: Option<Recorder>,
    mime: Option<String>,
}

thread_local! {
    /// The browser objects of the practice page on screen, with that page's number.
    static MEDIA: RefCell<Option<(u64, Media)>> = const { RefCell::new(None) };
    static PAGES: Cell<u64> = const { Cell::new(0) };
}

/// The browser objects of one practice page, by its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageMedia(u64);

impl PageMedia {
    /// A new page's (empty) slot; the previous page's objects are no longer reachable by it.
    pub fn open() -> Self {
        let page = PAGES.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        MEDIA.with(|m| *m.borrow_mut() = Some((page, Media::default())));
        PageMedia(page)
    }

    /// Runs `f` on this page's objects; `None` once the page is gone. `f` must not call it again.
    fn with<R>(&self, f: impl FnOnce(&mut Media) -> R) -> Option<R> {
        MEDIA.with(|m| match m.borrow_mut().as_mut() {
            Some((page, media)) if *page == self.0 => Some(f(media)),
            _ => None,
        })
    }

    pub fn recording(&self) -> bool {
        self.with(|m| m.recorder.is_some()).unwrap_or(false)
    }

    /// The microphone's level now, 0–100.
    pub fn level(&self) -> Option<u32> {
        self.with(|m| m.meter.as_ref().map(|x| x.level())).flatten()
    }

    pub fn pause(&self) {
        self.with(|m| m.recorder.as_ref().map(|r| r.pause()));
    }

    pub fn resume(&self) {
        self.with(|m| m.recorder.as_ref().map(|r| r.resume()));
    }

    /// Takes the recorder away (the caller stops it), if one is running.
    pub fn take_recorder(&self) -> Option<Recorder> {
        self.with(|m| m.recorder.take()).flatten()
    }

    /// Starts recording attempt `attempt` of session `session`. Its chunks go to the app-wide
    /// writer, which needs no page: the last chunk may come after the page is gone.
    pub fn record(
        &self,
        practice: Practice,
        notices: Notices,
        session: String,
        attempt: String,
    ) -> Result<(), MicError> {
        if let Some(old) = self.take_recorder() {
            old.stop();
        }
        let (stream, mime) = self
            .with(|m| (m.stream.clone(), m.mime.clone()))
            .unwrap_or_default();
        let (Some(stream), Some(mime)) = (stream, mime) else {
            return Err(MicError::Unsupported);
        };
        let writer = Rc::new(RefCell::new(Writer {
            attempt,
            jobs: VecDeque::new(),
            busy: false,
            failed: false,
            next: 0,
            store: None,
            practice,
            notices,
            session: session.clone(),
        }));
        let (w1, w2) = (writer.clone(), writer);
        let mut first = true;
        browser::mark("csic-answer-start");
        let on_data = move |blob| {
            if std::mem::take(&mut first) {
                browser::measure("csic-first-data", "csic-answer-start");
            }
            // The answer time behind this chunk, while this attempt is still the live one.
            let answered = untrack(|| practice.session(&session))
                .filter(|s| s.live.as_deref() == Some(w1.borrow().attempt.as_str()))
                .map(|s| s.timer.answered_ms(now_ms()))
                .unwrap_or(0);
            push(&w1, Job::Chunk(blob, answered));
        };
        let on_stop = move || push(&w2, Job::Stop);
        let on_start = || browser::measure("csic-recorder-start", "csic-answer-start");
        let recorder = Recorder::start(&stream, &mime, SLICE_MS, on_data, on_stop, on_start)?;
        self.with(|m| m.recorder = Some(recorder));
        Ok(())
    }

    /// The recorder's MIME type, once the microphone is open.
    pub fn mime(&self) -> Option<String> {
        self.with(|m| m.mime.clone()).flatten()
    }

    /// Opens the microphone (asking permission) and starts the level meter.
    pub fn open_mic(
        &self,
        device: Option<String>,
        mic: RwSignal<MicState>,
        devices: RwSignal<Vec<(String, String)>>,
    ) {
        let Some(mime) = browser::recorder_mime() else {
            mic.set(MicState::Failed(MicError::Unsupported));
            return;
        };
        mic.set(MicState::Opening);
        let me = *self;
        spawn_local(async move {
            let result = browser::open_mic(device).await;
            let Some(()) = me.with(|m| {
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
                    me.with(|m| {
                        m.meter = meter;
                        m.stream = Some(stream);
                        m.mime = Some(mime);
                    });
                    mic.set(MicState::Ready);
                    devices.set(browser::audio_inputs().await);
                }
                Err(e) => mic.set(MicState::Failed(e)),
            }
        });
    }

    /// The page is gone: stop the recorder and release the microphone. Dropping the meter closes
    /// its audio context.
    pub fn release(&self) {
        let mine = MEDIA.with(|m| {
            let mut slot = m.borrow_mut();
            match slot.as_ref() {
                Some((page, _)) if *page == self.0 => slot.take().map(|(_, media)| media),
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
