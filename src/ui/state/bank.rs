//! The question bank: the built-in questions (fetched with the content bundle), the user's own
//! questions, stars and hidden questions, practice sets, and the preparation checklist.

use super::collection::{keyed, Collection, Doc};
use super::notices::Notices;
use crate::domain::bank::{entries, title_of, Entry};
use crate::domain::checklist::Checklist;
use crate::domain::content::{PerLang, Question, TalkingPoint};
use crate::domain::custom::CustomQuestion;
use crate::domain::library::Library;
use crate::domain::locale::Lang;
use crate::domain::rubric::same_text;
use crate::domain::sets::PracticeSet;
use crate::storage::{load_questions, ContentError, LocalStore};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Arc<Vec<Question>>),
    Failed(ContentError),
}

keyed!(CustomQuestion => id, PracticeSet => id);

#[derive(Clone, Copy)]
pub struct Bank {
    builtin: RwSignal<LoadState>,
    pub custom: Collection<CustomQuestion>,
    library: Doc<Library>,
    pub sets: Collection<PracticeSet>,
    /// The preparation checklist's ticks.
    pub checklist: Doc<Checklist>,
}

impl Bank {
    pub fn provide(store: &LocalStore, notices: Notices) -> Self {
        let bank = Bank {
            builtin: RwSignal::new(LoadState::Loading),
            custom: Collection::load(store, notices),
            library: Doc::load(store, notices, Library::ID),
            sets: Collection::load(store, notices),
            checklist: Doc::load(store, notices, Checklist::ID),
        };
        bank.load();
        provide_context(bank);
        bank
    }

    /// (Re)loads the built-in questions.
    pub fn load(&self) {
        let builtin = self.builtin;
        builtin.set(LoadState::Loading);
        spawn_local(async move {
            let state = match load_questions().await {
                Ok(questions) => LoadState::Ready(Arc::new(questions)),
                Err(e) => {
                    leptos::logging::warn!("questions: {e}");
                    LoadState::Failed(e)
                }
            };
            builtin.set(state);
        });
    }

    pub fn state(&self) -> LoadState {
        self.builtin.get()
    }

    pub fn builtin(&self) -> Arc<Vec<Question>> {
        match self.builtin.get() {
            LoadState::Ready(q) => q,
            _ => Arc::new(Vec::new()),
        }
    }

    /// Every question, built-in and custom, in `lang` (reactive).
    pub fn entries(&self, lang: Lang) -> Vec<Entry> {
        let builtin = self.builtin();
        self.custom
            .with_all(|custom| entries(&builtin, custom, lang))
    }

    /// One question in `lang` (reactive).
    pub fn entry(&self, id: &str, lang: Lang) -> Option<Entry> {
        self.entries(lang).into_iter().find(|e| e.id == id)
    }

    /// A question's title in `lang`, else its id (a question deleted since) (reactive).
    pub fn title(&self, id: &str, lang: Lang) -> String {
        title_of(&self.entries(lang), id)
    }

    /// The question's talking points with their keywords: built-in ones from the content, custom
    /// ones matched on their own wording.
    pub fn talking_points(&self, question: &str) -> Vec<TalkingPoint> {
        if let Some(q) = self.builtin().iter().find(|q| q.id == question) {
            return q.talking_points.clone();
        }
        self.custom(question)
            .map(|c| {
                c.talking_points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| TalkingPoint {
                        id: format!("p{i}"),
                        label: same_text(p),
                        keywords: PerLang {
                            en: vec![p.clone()],
                            zh_hans: vec![p.clone()],
                            zh_hant: vec![p.clone()],
                        },
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn custom(&self, id: &str) -> Option<CustomQuestion> {
        self.custom.get(id)
    }

    pub fn library(&self) -> Library {
        self.library.get()
    }

    pub fn toggle_star(&self, id: &str) {
        self.library.update(|l| l.toggle_star(id));
    }

    pub fn set_hidden(&self, id: &str, hidden: bool) {
        self.library.update(|l| l.set_hidden(id, hidden));
    }

    /// Saves a new or edited custom question. Returns false (and shows a notice) if it was not saved.
    pub fn save_custom(&self, question: CustomQuestion) -> bool {
        self.custom.save(question)
    }

    pub fn delete_custom(&self, id: &str) {
        if self.custom.delete(id) {
            self.library.update(|l| l.forget(id));
        }
    }

    pub fn sets(&self) -> Vec<PracticeSet> {
        self.sets.all()
    }

    pub fn set(&self, id: &str) -> Option<PracticeSet> {
        self.sets.get(id)
    }

    /// Saves a new or edited set. Returns false (and shows a notice) if it was not saved.
    pub fn save_set(&self, set: PracticeSet) -> bool {
        self.sets.save(set)
    }

    pub fn delete_set(&self, id: &str) {
        self.sets.delete(id);
    }
}

/// The question bank of this app.
pub fn use_bank() -> Bank {
    expect_context::<Bank>()
}
