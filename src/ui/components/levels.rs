//! A 1–5 rating as five radio buttons: the rubric's scales, the overall rating, a question's
//! rating in an interview, the self-review's ratings. One component, so they look and behave alike.

use crate::ui::erase::event;
use leptos::prelude::*;

/// `name` groups the radios; `key` is their `data-key`; `titles` are the five levels' descriptions
/// (shown on hover), if any. `current` is read reactively, so picking does not rebuild the buttons.
#[component]
pub fn Levels(
    name: String,
    key: String,
    #[prop(optional)] titles: Vec<String>,
    #[prop(into)] current: Signal<Option<u8>>,
    on_pick: Callback<u8>,
) -> impl IntoView {
    let buttons = (1u8..=5)
        .map(|n| {
            let title = titles.get(usize::from(n) - 1).cloned();
            view! {
                <label class="level" title=title>
                    <input type="radio" name=name.clone() value=n data-key=key.clone()
                        prop:checked=move || current.get() == Some(n)
                        on:change=event(move |_| on_pick.run(n)) />
                    <span>{n}</span>
                </label>
            }
        })
        .collect_view();
    view! { <div class="levels">{buttons}</div> }
}
