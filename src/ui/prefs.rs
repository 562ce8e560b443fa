//! The settings document as a reactive context: loaded once, saved on every change.

use super::notices::Notices;
use crate::domain::{locale::Lang, session::PracticePrefs, settings::Settings};
use crate::storage::{DocumentStore, LocalStore};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Prefs {
    settings: RwSignal<Settings>,
    notices: Notices,
}

impl Prefs {
    /// Loads the settings (reporting, not panicking, on a bad value) and provides them as context.
    pub fn provide(notices: Notices) -> Self {
        let settings = notices.load_or_default::<Settings>(Settings::ID);
        let prefs = Prefs {
            settings: RwSignal::new(settings),
            notices,
        };
        provide_context(prefs);
        prefs
    }

    /// The language to show: the user's choice, else the browser's.
    pub fn language_untracked(&self) -> Lang {
        self.settings
            .with_untracked(|s| s.language(&super::lang::browser_languages()))
    }

    pub fn set_language(&self, lang: Lang) {
        self.settings.update(|s| s.locale = Some(lang));
        self.save();
    }

    /// The practice settings (reactive).
    pub fn practice(&self) -> PracticePrefs {
        self.settings.with(|s| s.practice.clone())
    }

    pub fn update_practice(&self, change: impl FnOnce(&mut PracticePrefs)) {
        self.settings.update(|s| change(&mut s.practice));
        self.save();
    }

    /// This browser's interviewer identity (reactive).
    pub fn interviewer(&self) -> Option<crate::domain::interview::Interviewer> {
        self.settings.with(|s| s.interviewer.clone())
    }

    /// Sets the interviewer's name; the id is made once and kept.
    pub fn set_interviewer_name(&self, name: String, new_id: impl FnOnce() -> String) {
        self.settings.update(|s| match &mut s.interviewer {
            Some(i) => i.name = name,
            None => {
                s.interviewer = Some(crate::domain::interview::Interviewer { id: new_id(), name })
            }
        });
        self.save();
    }

    fn save(&self) {
        let result = self
            .settings
            .with_untracked(|s| LocalStore::default().save(Settings::ID, s));
        if let Err(error) = result {
            self.notices.report(&error);
        }
    }
}
