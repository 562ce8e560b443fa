//! Writes a recording's chunks to IndexedDB in order as they arrive, then finishes the attempt.
//!
//! It holds no page state, only the app-wide [`Practice`] context, so that it keeps going if the page
//! is left while the last chunk is being written.

use crate::browser;
use crate::domain::attempt::{chunk_key, AttemptState};
use crate::storage::{audio_store, BlobStore, IdbBlobStore};
use crate::ui::dom::now_ms;
use crate::ui::state::{Notices, Practice};
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// One step for the chunk writer.
pub(super) enum Job {
    Chunk(web_sys::Blob, u64),
    Stop,
}

/// Writes one attempt's chunks in order, then finishes it. Holds no page state, so that it keeps
/// going if the page is left mid-write.
pub(super) struct Writer {
    pub(super) attempt: String,
    pub(super) jobs: VecDeque<Job>,
    pub(super) busy: bool,
    /// A chunk could not be saved (storage full): later chunks are dropped.
    pub(super) failed: bool,
    pub(super) next: u32,
    pub(super) store: Option<IdbBlobStore>,
    pub(super) practice: Practice,
    pub(super) notices: Notices,
    pub(super) session: String,
}

pub(super) type Shared = Rc<RefCell<Writer>>;

pub(super) fn push(writer: &Shared, job: Job) {
    let start = {
        let mut w = writer.borrow_mut();
        w.jobs.push_back(job);
        !std::mem::replace(&mut w.busy, true)
    };
    if start {
        spawn_local(drain(writer.clone()));
    }
}

async fn drain(writer: Shared) {
    loop {
        let (job, id, practice) = {
            let mut w = writer.borrow_mut();
            let Some(job) = w.jobs.pop_front() else {
                w.busy = false;
                return;
            };
            (job, w.attempt.clone(), w.practice)
        };
        match job {
            Job::Chunk(..) if writer.borrow().failed => {}
            // "Delete all my data" ran (here or in another tab): no chunk is written back.
            Job::Chunk(..) if practice.attempts.stopped() => writer.borrow_mut().failed = true,
            Job::Chunk(blob, answered) => {
                let store = writer.borrow().store.clone();
                let store = match store {
                    Some(s) => Ok(s),
                    None => audio_store().await,
                };
                let n = writer.borrow().next;
                browser::mark("csic-chunk-put");
                let result = match &store {
                    Ok(s) => s.put(&chunk_key(&id, n), &blob).await,
                    Err(e) => Err(e.clone()),
                };
                browser::measure("csic-chunk-save", "csic-chunk-put");
                let mut w = writer.borrow_mut();
                w.store = store.ok();
                match result {
                    Ok(()) => {
                        w.next += 1;
                        let bytes = blob.size() as u64;
                        practice.update_attempt(&id, |a| a.saved_chunk(bytes, answered));
                    }
                    Err(e) => {
                        // Keep what was saved; end the attempt and the answer here.
                        w.notices.report(&e);
                        w.failed = true;
                        practice.update_attempt(&id, |a| a.state = AttemptState::Interrupted);
                        let now = now_ms();
                        practice.update_session(&w.session, |s| {
                            s.timer.stop(now);
                            s.live = None;
                        });
                    }
                }
            }
            Job::Stop => {
                // The page set the final duration when the answer ended.
                practice.update_attempt(&id, |a| {
                    if a.state == AttemptState::Live {
                        a.finish(a.duration_ms);
                    }
                });
                practice.recording_saved();
            }
        }
    }
}
