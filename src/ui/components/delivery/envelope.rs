//! `use_envelope`: an attempt's energy envelope, read from its stored recording the first time it
//! is needed (older recordings and imported ones have none yet), then kept with the attempt.

use crate::browser::{self, audio};
use crate::domain::attempt::{audio_prefix, Attempt, AttemptState};
use crate::domain::delivery::Envelope;
use crate::storage::{audio_store, read_joined};
use crate::ui::state::{use_practice, Practice};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// Where an attempt's envelope stands.
#[derive(Clone, Debug, PartialEq)]
pub enum EnvelopeState {
    /// No recording to read (typed, removed by retention, or nothing saved).
    NoRecording,
    /// Still being recorded, or being read now.
    Reading,
    Ready(Envelope),
    /// The recording could not be decoded: the browser's reason.
    Failed(String),
}

thread_local! {
    /// Attempts whose recording is being read now: two views of one attempt read it once.
    static READING: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    /// Recordings that could not be read on this visit, with the reason: a view built after the
    /// failure shows it too, and nothing tries again until the next visit.
    static FAILED: ArcRwSignal<BTreeMap<String, String>> = ArcRwSignal::new(BTreeMap::new());
    /// Envelopes just read: shown at once, saved with their attempt a task later (so that drawing
    /// the figures and writing the document are not one long task).
    static FRESH: ArcRwSignal<BTreeMap<String, Envelope>> = ArcRwSignal::new(BTreeMap::new());
}

/// The envelope of attempt `id`, reading it if it is missing.
pub fn use_envelope(id: String) -> Memo<EnvelopeState> {
    let practice = use_practice();
    let failed = FAILED.with(|f| f.clone());
    let fresh = FRESH.with(|f| f.clone());
    let id = StoredValue::new(id);
    let attempt = Memo::new(move |_| practice.watch_attempt(&id.read_value()));
    // A memo: a change elsewhere in the attempt (or the save of an envelope already shown) does
    // not draw the figures again.
    Memo::new(move |_| {
        let Some(a) = attempt.get() else {
            return EnvelopeState::NoRecording;
        };
        if let Some(e) = a.envelope.clone() {
            return EnvelopeState::Ready(e);
        }
        if let Some(e) = fresh.with(|f| f.get(&a.id).cloned()) {
            return EnvelopeState::Ready(e);
        }
        if !a.has_recording() {
            return EnvelopeState::NoRecording;
        }
        if let Some(e) = failed.with(|f| f.get(&a.id).cloned()) {
            return EnvelopeState::Failed(e);
        }
        if a.state != AttemptState::Live {
            untrack(|| read(practice, &a));
        }
        EnvelopeState::Reading
    })
}

/// Reads `a`'s recording into an envelope and saves it with the attempt, in the background.
fn read(practice: Practice, a: &Attempt) {
    let a = a.clone();
    spawn_local(async move {
        let _ = read_envelope(practice, &a).await;
    });
}

/// Reads `a`'s recording into an envelope and saves it with the attempt; a failure is kept (every
/// view of the attempt shows it) and returned. Nothing happens while another read of it runs.
pub async fn read_envelope(practice: Practice, a: &Attempt) -> Result<(), String> {
    let fresh = READING.with(|r| r.borrow_mut().insert(a.id.clone()));
    if !fresh {
        return Ok(());
    }
    let (id, prefix, mime) = (a.id.clone(), audio_prefix(&a.id), a.mime.clone());
    browser::mark("csic-envelope-start");
    let result = match audio_store().await {
        Ok(store) => match read_joined(&store, &prefix, &mime).await {
            Ok(Some(blob)) => audio::envelope_of(&blob).await,
            Ok(None) => Err("no audio stored".to_string()),
            Err(e) => Err(e.to_string()),
        },
        Err(e) => Err(e.to_string()),
    };
    browser::measure("csic-envelope", "csic-envelope-start");
    READING.with(|r| r.borrow_mut().remove(&id));
    match result {
        Ok(envelope) => {
            FRESH.with(|f| {
                f.update(|m| {
                    m.insert(id.clone(), envelope.clone());
                })
            });
            audio::next_task().await;
            practice.update_attempt(&id, |a| a.envelope = Some(envelope));
            FRESH.with(|f| {
                f.update(|m| {
                    m.remove(&id);
                })
            });
            Ok(())
        }
        Err(e) => {
            FAILED.with(|f| {
                f.update(|m| {
                    m.insert(id, e.clone());
                })
            });
            Err(e)
        }
    }
}
