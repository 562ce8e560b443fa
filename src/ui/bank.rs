//! The question bank, the user's custom questions, marks and sets, as one reactive context.
//!
//! Every change is written to storage first and shown only once it is saved, so what the user sees
//! is what is stored; a failed write leaves the old data in place and shows a notice.

use super::notices::Notices;
use crate::domain::bank::{entries, Entry};
use crate::domain::content::Question;
use crate::domain::custom::CustomQuestion;
use crate::domain::library::Library;
use crate::domain::locale::Lang;
use crate::domain::progress::Progress;
use crate::domain::record::Record;
use crate::domain::sets::PracticeSet;
use crate::storage::{load_questions, ContentError, DocumentStore, LocalStore};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Arc<Vec<Question>>),
    Failed(ContentError),
}

#[derive(Clone, Copy)]
pub struct Bank {
    builtin: RwSignal<LoadState>,
    custom: RwSignal<Vec<CustomQuestion>>,
    library: RwSignal<Library>,
    sets: RwSignal<Vec<PracticeSet>>,
    notices: Notices,
}

/// Loads every stored record of a kind; unreadable ones are reported (and set aside) and skipped.
pub(crate) fn load_all<R: Record>(store: &LocalStore, notices: Notices) -> Vec<R> {
    let ids = match store.ids::<R>() {
        Ok(ids) => ids,
        Err(e) => {
            notices.report(&e);
            return Vec::new();
        }
    };
    ids.iter()
        .filter_map(|id| match store.load::<R>(id) {
            Ok(found) => found,
            Err(e) => {
                notices.report(&e);
                None
            }
        })
        .collect()
}

impl Bank {
    pub fn provide(notices: Notices) -> Self {
        let store = LocalStore::default();
        let library = notices.load_or_default::<Library>(Library::ID);
        let bank = Bank {
            builtin: RwSignal::new(LoadState::Loading),
            custom: RwSignal::new(load_all::<CustomQuestion>(&store, notices)),
            library: RwSignal::new(library),
            sets: RwSignal::new(load_all::<PracticeSet>(&store, notices)),
            notices,
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
        self.custom.with(|custom| entries(&builtin, custom, lang))
    }

    pub fn custom(&self, id: &str) -> Option<CustomQuestion> {
        self.custom
            .with(|list| list.iter().find(|q| q.id == id).cloned())
    }

    /// `n` questions drawn at random from those not hidden, favouring what needs practice.
    pub fn draw(&self, n: usize) -> Vec<String> {
        let hidden = self.library.with(|l| l.hidden.clone());
        let ids: Vec<String> = self
            .entries(Lang::En)
            .into_iter()
            .map(|e| e.id)
            .filter(|id| !hidden.contains(id))
            .collect();
        let mut random = || js_sys::Math::random();
        let plan = use_context::<super::reviews::Reviews>()
            .map(|r| r.to_practise())
            .unwrap_or_default();
        crate::domain::pick::pick_many(
            &ids,
            &self.progress(),
            &|id| plan.contains(id),
            js_sys::Date::now(),
            n,
            &mut random,
        )
    }

    pub fn library(&self) -> Library {
        self.library.get()
    }

    /// Practice so far, per question, from the recorded and typed attempts.
    pub fn progress(&self) -> BTreeMap<String, Progress> {
        use_context::<super::practice::Practice>()
            .map(|p| p.progress())
            .unwrap_or_default()
    }

    fn report<T>(&self, result: Result<T, crate::storage::StoreError>) -> bool {
        match result {
            Ok(_) => true,
            Err(e) => {
                self.notices.report(&e);
                false
            }
        }
    }

    fn update_library(&self, change: impl FnOnce(&mut Library)) {
        let mut next = self.library.get_untracked();
        change(&mut next);
        if self.report(LocalStore::default().save(Library::ID, &next)) {
            self.library.set(next);
        }
    }

    pub fn toggle_star(&self, id: &str) {
        self.update_library(|l| l.toggle_star(id));
    }

    pub fn set_hidden(&self, id: &str, hidden: bool) {
        self.update_library(|l| l.set_hidden(id, hidden));
    }

    /// Saves a new or edited custom question. Returns false (and shows a notice) if it was not saved.
    pub fn save_custom(&self, question: CustomQuestion) -> bool {
        self.save_into(self.custom, question, |q| &q.id)
    }

    pub fn delete_custom(&self, id: &str) {
        if self.report(LocalStore::default().delete::<CustomQuestion>(id)) {
            self.custom.update(|list| list.retain(|q| q.id != id));
            self.update_library(|l| l.forget(id));
        }
    }

    pub fn sets(&self) -> Vec<PracticeSet> {
        self.sets.get()
    }

    pub fn set(&self, id: &str) -> Option<PracticeSet> {
        self.sets.with(|s| s.iter().find(|x| x.id == id).cloned())
    }

    /// Saves a new or edited set. Returns false (and shows a notice) if it was not saved.
    pub fn save_set(&self, set: PracticeSet) -> bool {
        self.save_into(self.sets, set, |s| &s.id)
    }

    fn save_into<R: Record + Send + Sync + 'static>(
        &self,
        list: RwSignal<Vec<R>>,
        record: R,
        id_of: fn(&R) -> &str,
    ) -> bool {
        save_into(self.notices, list, record, id_of)
    }

    pub fn delete_set(&self, id: &str) {
        if self.report(LocalStore::default().delete::<PracticeSet>(id)) {
            self.sets.update(|list| list.retain(|s| s.id != id));
        }
    }
}

/// Writes `record` to storage and only then shows it in `list`, replacing the one with its id.
/// Returns false (and shows a notice) if it was not saved.
pub(crate) fn save_into<R: Record + Send + Sync + 'static>(
    notices: Notices,
    list: RwSignal<Vec<R>>,
    record: R,
    id_of: fn(&R) -> &str,
) -> bool {
    if let Err(e) = LocalStore::default().save(id_of(&record), &record) {
        notices.report(&e);
        return false;
    }
    list.update(
        |items| match items.iter_mut().find(|r| id_of(r) == id_of(&record)) {
            Some(old) => *old = record,
            None => items.push(record),
        },
    );
    true
}

/// A new id from the clock and Math.random().
pub fn fresh_id(prefix: &str) -> String {
    crate::domain::custom::new_id(js_sys::Date::now(), js_sys::Math::random())
        .replacen("custom", prefix, 1)
}
