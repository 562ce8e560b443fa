//! "Resume practice", shown while a session is unfinished.

use crate::domain::route::{Route, Start};
use crate::domain::session::Session;
use crate::i18n::*;
use crate::ui::state::use_practice;
use leptos::prelude::*;

/// Resumes an unfinished session: used by the home page.
#[component]
pub fn ResumeLink() -> impl IntoView {
    let i18n = use_i18n();
    let practice = use_practice();
    move || {
        practice.resumable().map(|_: Session| {
            view! {
                <a class="button primary" href=Route::Practice(Start::Resume).href()>
                    {tx!(i18n, practice_resume)}
                </a>
            }
        })
    }
}
