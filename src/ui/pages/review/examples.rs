//! Example answers for a question, on the answer page: shown only once the candidate has answered
//! the question (an answer page exists only then), so that nobody learns to recite them.

use crate::domain::examples::{paragraphs, ExampleAnswers};
use crate::i18n::*;
use crate::storage::load_examples;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A disclosure with a strong and a weak example answer to `question`, each with why it scores so.
#[component]
pub fn Examples(question: String) -> impl IntoView {
    let i18n = use_i18n();
    let found: RwSignal<Option<Result<Option<ExampleAnswers>, ()>>> = RwSignal::new(None);
    spawn_local(async move {
        let result = load_examples()
            .await
            .map(|all| all.into_iter().find(|e| e.id == question))
            .map_err(|e| web_sys::console::warn_1(&format!("examples: {e}").into()));
        found.try_set(Some(result));
    });
    let block = move |title: &'static str, text: String, why: String, class: &'static str| {
        view! {
            <section class=format!("example {class}")>
                <h3>{title}</h3>
                {paragraphs(&text).into_iter().map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
                <p class="why"><strong>{t_string!(i18n, examples_why)}</strong> " " {why}</p>
            </section>
        }
    };
    let body = move || match found.get() {
        None => ().into_any(),
        Some(Err(())) => view! { <p class="help">{tx!(i18n, examples_error)}</p> }.into_any(),
        Some(Ok(None)) => ().into_any(),
        Some(Ok(Some(e))) => {
            let lang = i18n.get_locale();
            view! {
                <details class="examples" data-testid="examples">
                    <summary>{tx!(i18n, examples_title)}</summary>
                    <p class="help">{tx!(i18n, examples_intro)}</p>
                    {block(
                        t_string!(i18n, examples_strong),
                        e.strong.get(lang).clone(),
                        e.strong_why.get(lang).clone(),
                        "strong",
                    )}
                    {block(
                        t_string!(i18n, examples_weak),
                        e.weak.get(lang).clone(),
                        e.weak_why.get(lang).clone(),
                        "weak",
                    )}
                </details>
            }
            .into_any()
        }
    };
    view! { <div class="examples-area">{dview!(body())}</div> }
}
