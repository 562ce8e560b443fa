//! The settings document as a reactive store: loaded once, saved on every change.

use super::collection::Doc;
use super::notices::Notices;
use crate::domain::interview::Interviewer;
use crate::domain::{locale::Lang, session::PracticePrefs, settings::Settings};
use crate::storage::LocalStore;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Prefs {
    settings: Doc<Settings>,
}

impl Prefs {
    /// Loads the settings (reporting, not panicking, on a bad value) and provides them as context.
    pub fn provide(store: &LocalStore, notices: Notices) -> Self {
        let prefs = Prefs {
            settings: Doc::load(store, notices, Settings::ID),
        };
        provide_context(prefs);
        prefs
    }

    /// The language to show: the user's choice, else the browser's.
    pub fn language_untracked(&self) -> Lang {
        self.settings
            .with_untracked(|s| s.language(&crate::ui::dom::browser_languages()))
    }

    pub fn set_language(&self, lang: Lang) {
        self.settings.update(|s| s.locale = Some(lang));
    }

    /// The practice settings (reactive).
    pub fn practice(&self) -> PracticePrefs {
        self.settings.with(|s| s.practice.clone())
    }

    pub fn update_practice(&self, change: impl FnOnce(&mut PracticePrefs)) -> bool {
        self.settings.update(|s| change(&mut s.practice))
    }

    /// This browser's interviewer identity (reactive).
    pub fn interviewer(&self) -> Option<Interviewer> {
        self.settings.with(|s| s.interviewer.clone())
    }

    /// Sets the interviewer's name; the id is made once and kept.
    pub fn set_interviewer_name(&self, name: String, new_id: impl FnOnce() -> String) -> bool {
        self.settings.update(|s| match &mut s.interviewer {
            Some(i) => i.name = name,
            None => s.interviewer = Some(Interviewer { id: new_id(), name }),
        })
    }
}

impl Prefs {
    /// Days after which recordings are deleted at start-up; `None` when off (or out of range).
    pub fn retention_days(&self) -> Option<u32> {
        self.settings.with(|s| s.retention())
    }

    /// Turns retention on for `days` (validated) or off (`None`).
    pub fn set_retention_days(&self, days: Option<u32>) -> bool {
        if days.is_some_and(|d| !crate::domain::settings::valid_retention_days(d)) {
            return false;
        }
        self.settings.update(|s| s.retention_days = days)
    }
}

/// The settings of this app.
pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}
