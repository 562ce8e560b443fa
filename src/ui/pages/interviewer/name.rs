//! The interviewer's name field, on the interviewer page and a candidate's.

use crate::i18n::*;
use crate::ui::dom::fresh_id;
use crate::ui::erase::event;
use crate::ui::state::use_prefs;
use leptos::prelude::*;

/// The interviewer's name, asked for before the first interview (it is shown to the panel).
#[component]
pub fn InterviewerName() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let initial = prefs.interviewer().map(|i| i.name).unwrap_or_default();
    let save = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev).trim().to_string();
        if !name.is_empty() {
            prefs.set_interviewer_name(name, || fresh_id("interviewer"));
        }
    };
    view! {
        <div class="field">
            <label for="interviewer-name">{tx!(i18n, interviewer_name)}</label>
            <input id="interviewer-name" type="text" autocomplete="name" prop:value=initial on:change=event(save) />
            <p class="hint">{tx!(i18n, interviewer_name_hint)}</p>
        </div>
    }
}
