//! "Resume practice", shown while a session is unfinished.

use crate::domain::record::Record;
use crate::domain::route::{Route, Start};
use crate::domain::session::{unfinished_raw, Session};
use crate::i18n::*;
use crate::storage::{Browser, KeyValue, LocalStore};
use crate::ui::state::Practice;
use leptos::prelude::*;

/// Whether storage holds an unfinished session, read straight from storage: for the first load,
/// which has no practice store.
fn stored_unfinished() -> bool {
    let store = LocalStore::app();
    let prefix = format!("{}:{}:", store.prefix(), <Session as Record>::KIND);
    Browser.keys().unwrap_or_default().iter().any(|k| {
        k.starts_with(&prefix)
            && Browser
                .get(k)
                .ok()
                .flatten()
                .is_some_and(|v| unfinished_raw(&v))
    })
}

/// Resumes an unfinished session: used by the home page. Follows the practice store where there is
/// one (the whole app), else reads storage once (the first load).
#[component]
pub fn ResumeLink() -> impl IntoView {
    let i18n = use_i18n();
    let practice = use_context::<Practice>();
    let fallback = practice.is_none().then(stored_unfinished).unwrap_or(false);
    move || {
        let show = match practice {
            Some(p) => p.resumable().is_some_and(|_: Session| true),
            None => fallback,
        };
        show.then(|| {
            view! {
                <a class="button primary" href=Route::Practice(Start::Resume).href()>
                    {tx!(i18n, practice_resume)}
                </a>
            }
        })
    }
}
