//! The interviewer's guide (`#/interviewer/guide`): how to run the process, from the employer's
//! guide (seed 002), each item with its source.

use crate::domain::guide::builtin;
use crate::domain::route::Route;
use crate::i18n::*;
use crate::ui::dom::from_locale;
use leptos::prelude::*;

#[component]
pub fn GuidePage() -> impl IntoView {
    let i18n = use_i18n();
    let items = builtin().items;
    let list = move || {
        let lang = from_locale(i18n.get_locale());
        items
            .iter()
            .map(|item| {
                let heading_id = format!("guide-{}", item.id);
                let labelled_by = heading_id.clone();
                let sources = item
                    .sources
                    .iter()
                    .map(|s| format!("{} {}", s.seed, s.section))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <li class="card guide-item" data-testid="guide-item" data-id=item.id.clone()>
                        <article aria-labelledby=labelled_by>
                            <h2 id=heading_id>{item.title.get(lang).clone()}</h2>
                            <p>{item.text.get(lang).clone()}</p>
                            <p class="sources">{tx!(i18n, q_source)} " " {sources}</p>
                        </article>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="page guide" aria-labelledby="guide-title">
            <h1 id="guide-title" tabindex="-1">{tx!(i18n, guide_title)}</h1>
            <p class="lead">{tx!(i18n, guide_intro)}</p>
            <ol class="plain-list guide-items">{dview!(list())}</ol>
            <p class="actions-row">
                <a class="button" href=Route::Kits.href()>{tx!(i18n, kits_title)}</a>
                <a class="button" href=Route::Interviewer.href()>{tx!(i18n, interviewer_title)}</a>
            </p>
        </section>
    }
}
