//! Practice sessions and attempts. Metadata goes to localStorage (save first, then show); audio goes
//! to IndexedDB.
//!
//! It lives for the whole app, so that a recording's last chunk is saved even if the user leaves the
//! practice page while it is being written.

use super::collection::{keyed, Collection};
use super::notices::Notices;
use crate::domain::attempt::{interrupt_live, Attempt};
use crate::domain::session::{resumable, Session};
use crate::storage::LocalStore;
use crate::ui::dom::now_ms;
use leptos::prelude::*;
use leptos::task::spawn_local;

keyed!(Attempt => id, Session => id);

#[derive(Clone, Copy)]
pub struct Practice {
    pub attempts: Collection<Attempt>,
    pub sessions: Collection<Session>,
    /// Whether the browser promised to keep our data (`navigator.storage.persist()`).
    pub persisted: RwSignal<Option<bool>>,
    /// Counts recordings saved or deleted, so that storage figures can be refreshed.
    pub stored: RwSignal<u32>,
    /// What no tab was running has been stopped (see [`Practice::provide`]): a practice page asks
    /// for its session's lock only after that, so that it never counts as "another tab".
    pub recovered: RwSignal<bool>,
    asked: StoredValue<bool>,
}

impl Practice {
    /// Loads everything. A practice session is held by its page's Web Lock (see
    /// [`practice_lock`]); a session (and its live attempt) that no tab holds cannot be recording:
    /// its live attempts become interrupted (keeping their saved audio) and its timer stops. One
    /// that another tab holds is left alone, so a second tab never cuts the first one's answer off.
    pub fn provide(store: &LocalStore, notices: Notices) -> Self {
        let practice = Practice {
            attempts: Collection::load(store, notices),
            sessions: Collection::load(store, notices),
            persisted: RwSignal::new(None),
            stored: RwSignal::new(0),
            recovered: RwSignal::new(false),
            asked: StoredValue::new(false),
        };
        spawn_local(async move {
            let held = crate::ui::dom::locks::held().await;
            practice.recover(&held);
            practice.recovered.set(true);
            practice.persisted.set(crate::storage::persist(false).await);
        });
        provide_context(practice);
        practice
    }

    /// Stops what no tab is running: live attempts and running timers of sessions whose lock is
    /// not among `held`.
    fn recover(&self, held: &[String]) {
        let free = |session: &str| !held.contains(&practice_lock(session));
        let mut live: Vec<Attempt> = self
            .attempts
            .with_untracked(|l| l.iter().filter(|a| free(&a.session)).cloned().collect());
        for a in interrupt_live(&mut live) {
            self.attempts.save(a);
        }
        let now = now_ms();
        let running: Vec<String> = self.sessions.with_untracked(|l| {
            l.iter()
                .filter(|s| (s.answering() || s.live.is_some()) && free(&s.id))
                .map(|s| s.id.clone())
                .collect()
        });
        for id in running {
            self.sessions.update(&id, |s| {
                s.recover(now);
            });
        }
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

    /// Attempt `id`, tracked: a view that reads it follows its changes (an envelope read, a
    /// transcript saved, here or in another tab).
    pub fn watch_attempt(&self, id: &str) -> Option<Attempt> {
        self.attempts.get(id)
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

/// The Web Lock a practice session's page holds while it is open.
pub fn practice_lock(session: &str) -> String {
    format!("csic-practice-{session}")
}

/// Practice sessions and attempts of this app.
pub fn use_practice() -> Practice {
    expect_context::<Practice>()
}
