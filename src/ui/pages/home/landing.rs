use crate::domain::route::{Route, Start};
use crate::i18n::*;
use crate::ui::components::ResumeLink;
use leptos::prelude::*;

/// What the app is for, and that all data stays on this device.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page home" aria-labelledby="home-title">
            <h1 id="home-title" tabindex="-1">{tx!(i18n, home_title)}</h1>
            <p class="lead">{tx!(i18n, home_intro)}</p>
            <div class="actions-row">
                <ResumeLink />
                <a class="button primary" href=Route::Practice(Start::Random).href()>
                    {tx!(i18n, practice_random)}
                </a>
            </div>
            <div class="cards">
                <article class="card">
                    <h2>{tx!(i18n, home_candidates_title)}</h2>
                    <p>{tx!(i18n, home_candidates_body)}</p>
                </article>
                <article class="card">
                    <h2>{tx!(i18n, home_interviewers_title)}</h2>
                    <p>{tx!(i18n, home_interviewers_body)}</p>
                </article>
            </div>
            <div class="privacy">
                <h2>{tx!(i18n, home_privacy_title)}</h2>
                <p>{tx!(i18n, home_privacy_body)}</p>
                <p>{tx!(i18n, home_offline)}</p>
            </div>
        </section>
    }
}
