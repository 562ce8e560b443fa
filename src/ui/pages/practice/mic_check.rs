//! Before the first spoken answer: permission, a live level meter and the choice of microphone.

use super::ctl::Ctl;
use super::media::MicState;
use crate::browser::MicError;
use crate::ui::dom::focus_id;
use crate::ui::erase::{click, event};
use leptos::prelude::*;

#[component]
pub fn MicCheck(ctl: Ctl) -> impl IntoView {
    let i18n = ctl.i18n;
    if ctl.mic.get_untracked() == MicState::Unchecked && !ctl.low_storage.get_untracked() {
        ctl.open_mic(ctl.prefs.practice().mic);
    }
    let status = move || {
        if ctl.low_storage.get() {
            return t_string!(i18n, practice_err_storage).to_string();
        }
        match ctl.mic.get() {
            MicState::Unchecked | MicState::Opening => t_string!(i18n, practice_mic_asking),
            MicState::Ready => t_string!(i18n, practice_mic_ready),
            MicState::Failed(MicError::Denied) => t_string!(i18n, practice_err_denied),
            MicState::Failed(MicError::NotFound) => t_string!(i18n, practice_err_no_mic),
            MicState::Failed(MicError::Unsupported) => t_string!(i18n, practice_err_unsupported),
            MicState::Failed(MicError::Failed) => t_string!(i18n, practice_err_mic_failed),
        }
        .to_string()
    };
    let failed = move || ctl.low_storage.get() || matches!(ctl.mic.get(), MicState::Failed(_));
    let ready = move || ctl.mic.get() == MicState::Ready && !ctl.low_storage.get();
    let choose = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        ctl.prefs.update_practice(|p| p.mic = Some(id.clone()));
        ctl.open_mic(Some(id));
    };
    let go = move |_| {
        ctl.mic_ok.set(true);
        focus_id("practice-question");
    };
    let typed = move |_| {
        ctl.set_typed(true);
        focus_id("practice-question");
    };
    let devices = move || {
        let list = ctl.devices.get();
        (list.len() > 1).then(|| {
            let chosen = untrack(|| ctl.prefs.practice().mic).unwrap_or_default();
            let options = list
                .into_iter()
                .enumerate()
                .map(|(n, (id, label))| {
                    let name = if label.is_empty() {
                        format!("{} {}", t_string!(i18n, practice_mic_choose), n + 1)
                    } else {
                        label
                    };
                    let selected = id == chosen;
                    view! { <option value=id selected=selected>{name}</option> }
                })
                .collect_view();
            view! {
                <label for="mic-device">{tx!(i18n, practice_mic_choose)}</label>
                <select id="mic-device" on:change=event(choose)>{options}</select>
            }
        })
    };
    view! {
        <div class="card mic-check">
            <h2 id="practice-question" tabindex="-1">{tx!(i18n, practice_mic_title)}</h2>
            // A refusal is an alert, progress a polite status: separate elements, so that screen
            // readers announce the change of kind.
            {dview!(if failed() {
                view! { <p role="alert" class="error" data-testid="mic-status">{txt!(status())}</p> }.into_any()
            } else {
                view! { <p role="status" data-testid="mic-status">{txt!(status())}</p> }.into_any()
            })}
            <label for="mic-level">{tx!(i18n, practice_mic_level)}</label>
            <meter id="mic-level" min="0" max="100" low="5" optimum="50" value=move || ctl.level.get()></meter>
            {dview!(devices())}
            <div class="actions-row">
                <button type="button" class="primary" disabled=move || !ready() on:click=click(go)>
                    {tx!(i18n, practice_mic_continue)}
                </button>
                <button type="button" on:click=click(typed)>{tx!(i18n, practice_type_instead)}</button>
                {move || (failed() && !ctl.low_storage.get()).then(|| view! {
                    <button type="button" on:click=click(move |_| ctl.open_mic(ctl.prefs.practice().mic))>
                        {tx!(i18n, retry)}
                    </button>
                })}
            </div>
        </div>
    }
}
