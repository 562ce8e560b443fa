//! Practice sessions and attempts as one reactive context, like the bank.
//!
//! It lives for the whole app, so that a recording's last chunk is saved even if the user leaves the
//! practice page while it is being written. Metadata goes to localStorage (save first, then show);
//! audio goes to IndexedDB.

use super::bank::{load_all, save_into};
use super::notices::Notices;
use super::reviews::Reviews;
use crate::domain::attempt::{audio_prefix, interrupt_live, progress, Attempt};
use crate::domain::progress::Progress;
use crate::domain::session::{resumable, Session};
use crate::storage::{audio_store, delete_prefix, DocumentStore, LocalStore};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

#[derive(Clone, Copy)]
pub struct Practice {
    attempts: RwSignal<Vec<Attempt>>,
    sessions: RwSignal<Vec<Session>>,
    /// Whether the browser promised to keep our data (`navigator.storage.persist()`).
    pub persisted: RwSignal<Option<bool>>,
    /// Counts recordings saved or deleted, so that storage figures can be refreshed.
    pub stored: RwSignal<u32>,
    asked: StoredValue<bool>,
    notices: Notices,
    reviews: Reviews,
}

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

impl Practice {
    /// Loads everything. Nothing can be recording at load time, so live attempts become
    /// interrupted (keeping their saved audio) and a running session's timer stops.
    pub fn provide(notices: Notices, reviews: Reviews) -> Self {
        let store = LocalStore::default();
        let mut attempts = load_all::<Attempt>(&store, notices);
        for a in interrupt_live(&mut attempts) {
            if let Err(e) = store.save(&a.id, &a) {
                notices.report(&e);
            }
        }
        let mut sessions = load_all::<Session>(&store, notices);
        for s in sessions
            .iter_mut()
            .filter(|s| s.answering() || s.live.is_some())
        {
            s.recover(now_ms());
            if let Err(e) = store.save(&s.id, s) {
                notices.report(&e);
            }
        }
        let practice = Practice {
            attempts: RwSignal::new(attempts),
            sessions: RwSignal::new(sessions),
            persisted: RwSignal::new(None),
            stored: RwSignal::new(0),
            asked: StoredValue::new(false),
            notices,
            reviews,
        };
        spawn_local(async move {
            practice.persisted.set(crate::storage::persist(false).await);
        });
        provide_context(practice);
        practice
    }

    pub fn progress(&self) -> BTreeMap<String, Progress> {
        let scores = self.reviews.scores();
        scores.with(|s| {
            self.attempts.with(|a| {
                progress(a, &|id| {
                    s.get(id)
                        .and_then(|x| x.percent())
                        .map(|p| f64::from(p) / 100.0)
                })
            })
        })
    }

    /// The attempts of one question in one session, oldest first (reactive).
    pub fn attempts_of(&self, session: &str, question: &str) -> Vec<Attempt> {
        self.attempts.with(|list| {
            let mut mine: Vec<Attempt> = list
                .iter()
                .filter(|a| a.session == session && a.question == question)
                .cloned()
                .collect();
            mine.sort_by_key(|a| a.started_ms);
            mine
        })
    }

    pub fn all_sessions(&self) -> Vec<Session> {
        self.sessions.get()
    }

    pub fn all_attempts(&self) -> Vec<Attempt> {
        self.attempts.get()
    }

    pub fn attempt(&self, id: &str) -> Option<Attempt> {
        self.attempts
            .with_untracked(|l| l.iter().find(|a| a.id == id).cloned())
    }

    pub fn save_attempt(&self, attempt: Attempt) -> bool {
        save_into(self.notices, self.attempts, attempt, |a| &a.id)
    }

    /// Changes a stored attempt and saves it.
    pub fn update_attempt(&self, id: &str, change: impl FnOnce(&mut Attempt)) -> bool {
        match self.attempt(id) {
            Some(mut a) => {
                change(&mut a);
                self.save_attempt(a)
            }
            None => false,
        }
    }

    /// Deletes an attempt: its audio first, then its record.
    pub fn delete_attempt(&self, id: String) {
        let practice = *self;
        spawn_local(async move {
            let audio = match audio_store().await {
                Ok(store) => delete_prefix(&store, &audio_prefix(&id)).await,
                Err(e) => Err(e),
            };
            if let Err(e) = audio {
                practice.notices.report(&e);
                return;
            }
            practice.stored.update(|n| *n += 1);
            match LocalStore::default().delete::<Attempt>(&id) {
                Ok(()) => {
                    practice.attempts.update(|l| l.retain(|a| a.id != id));
                    practice.reviews.forget(&id);
                }
                Err(e) => practice.notices.report(&e),
            }
        });
    }

    pub fn session(&self, id: &str) -> Option<Session> {
        self.sessions
            .with(|l| l.iter().find(|s| s.id == id).cloned())
    }

    /// The session to resume, if any (reactive).
    pub fn resumable(&self) -> Option<Session> {
        self.sessions.with(|l| resumable(l).cloned())
    }

    pub fn save_session(&self, session: Session) -> bool {
        save_into(self.notices, self.sessions, session, |s| &s.id)
    }

    /// Changes a session and saves it. If the save fails (a notice says so) the change still
    /// shows, so that a running answer is not stuck; it is saved with the next change.
    pub fn update_session(&self, id: &str, change: impl FnOnce(&mut Session)) -> Option<Session> {
        let mut s = self
            .sessions
            .with_untracked(|l| l.iter().find(|s| s.id == id).cloned())?;
        change(&mut s);
        if let Err(e) = LocalStore::default().save(&s.id, &s) {
            self.notices.report(&e);
        }
        self.sessions.update(|l| {
            if let Some(old) = l.iter_mut().find(|x| x.id == s.id) {
                *old = s.clone();
            }
        });
        Some(s)
    }

    /// A recording was saved: asks once (per visit) for persistent storage.
    pub fn recording_saved(&self) {
        self.stored.update(|n| *n += 1);
        if self.persisted.get_untracked() == Some(true) || self.asked.get_value() {
            return;
        }
        self.asked.set_value(true);
        let persisted = self.persisted;
        spawn_local(async move {
            persisted.set(crate::storage::persist(true).await);
        });
    }
}
