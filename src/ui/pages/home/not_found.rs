use crate::domain::route::Route;
use crate::i18n::*;
use leptos::prelude::*;

/// A friendly page for unknown routes, with a way home.
#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page not-found" aria-labelledby="nf-title">
            <h1 id="nf-title" tabindex="-1">{tx!(i18n, not_found_title)}</h1>
            <p>{txt!(t_string!(i18n, not_found_body, path = path.clone()))}</p>
            <p>
                <a class="button primary" href=Route::Home.href()>{tx!(i18n, go_home)}</a>
            </p>
        </section>
    }
}
