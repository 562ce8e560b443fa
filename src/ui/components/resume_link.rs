//! "Resume practice", shown while a session is unfinished.

use crate::domain::route::{Route, Start};
use crate::domain::session::Session;
use crate::i18n::*;
use crate::ui::state::use_practice;
use leptos::prelude::*;

/// Resumes an unfinished session: used by the home page. (On the first load the landing part shows
/// the static shell's copy of it instead: `ui::landing`.)
#[component]
pub fn ResumeLink() -> impl IntoView {
    let i18n = use_i18n();
    let practice = use_practice();
    move || {
        practice
            .resumable()
            .is_some_and(|_: Session| true)
            .then(|| {
                view! {
                    <a class="button primary resume" href=Route::Practice(Start::Resume).href()>
                        {tx!(i18n, practice_resume)}
                    </a>
                }
            })
    }
}
