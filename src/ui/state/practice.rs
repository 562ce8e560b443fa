//! Practice sessions and attempts. Metadata goes to localStorage (save first, then show); audio goes
//! to IndexedDB.
//!
//! It lives for the whole app, so that a recording's last chunk is saved even if the user leaves the
//! practice page while it is being written.

use super::collection::{load_all, Collection, Keyed};
use super::notices::Notices;
use crate::domain::attempt::{interrupt_live, Attempt};
use crate::domain::session::{resumable, Session};
use crate::storage::{DocumentStore, LocalStore};
use crate::ui::dom::now_ms;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::borrow::Cow;

impl Keyed for Attempt {
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.id)
    }
}

impl Keyed for Session {
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.id)
    }
}

#[derive(Clone, Copy)]
pub struct Practice {
    pub attempts: Collection<Attempt>,
    pub sessions: Collection<Session>,
    /// Whether the browser promised to keep our data (`navigator.storage.persist()`).
    pub persisted: RwSignal<Option<bool>>,
    /// Counts recordings saved or deleted, so that storage figures can be refreshed.
    pub stored: RwSignal<u32>,
    asked: StoredValue<bool>,
}

impl Practice {
    /// Loads everything. Nothing can be recording at load time, so live attempts become
    /// interrupted (keeping their saved audio) and a running session's timer stops.
    pub fn provide(store: &LocalStore, notices: Notices) -> Self {
        let mut attempts: Vec<Attempt> = load_all(store, notices);
        for a in interrupt_live(&mut attempts) {
            if let Err(e) = store.save(&a.id, &a) {
                notices.report(&e);
            }
        }
        let mut sessions: Vec<Session> = load_all(store, notices);
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
            attempts: Collection::with(store, notices, attempts),
            sessions: Collection::with(store, notices, sessions),
            persisted: RwSignal::new(None),
            stored: RwSignal::new(0),
            asked: StoredValue::new(false),
        };
        spawn_local(async move {
            practice.persisted.set(crate::storage::persist(false).await);
        });
        provide_context(practice);
        practice
    }

    /// The attempts of one question in one session, oldest first (reactive).
    pub fn attempts_of(&self, session: &str, question: &str) -> Vec<Attempt> {
        self.attempts.with_all(|list| {
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
        self.sessions.all()
    }

    pub fn all_attempts(&self) -> Vec<Attempt> {
        self.attempts.all()
    }

    pub fn attempt(&self, id: &str) -> Option<Attempt> {
        self.attempts.get_untracked(id)
    }

    pub fn save_attempt(&self, attempt: Attempt) -> bool {
        self.attempts.save(attempt)
    }

    /// Changes a stored attempt and saves it.
    pub fn update_attempt(&self, id: &str, change: impl FnOnce(&mut Attempt)) -> bool {
        self.attempts.update(id, change).is_some()
    }

    pub fn session(&self, id: &str) -> Option<Session> {
        self.sessions.get(id)
    }

    /// The session to resume, if any (reactive).
    pub fn resumable(&self) -> Option<Session> {
        self.sessions.with_all(|l| resumable(l).cloned())
    }

    pub fn save_session(&self, session: Session) -> bool {
        self.sessions.save(session)
    }

    /// Changes a session and saves it. If the save fails (a notice says so) the change still
    /// shows, so that a running answer is not stuck; it is saved with the next change.
    pub fn update_session(&self, id: &str, change: impl FnOnce(&mut Session)) -> Option<Session> {
        let mut s = self.sessions.get_untracked(id)?;
        change(&mut s);
        self.sessions.save_anyway(s.clone());
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

/// Practice sessions and attempts of this app.
pub fn use_practice() -> Practice {
    expect_context::<Practice>()
}
