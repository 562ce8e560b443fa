//! "Transcribe on this device": offered where the browser can recognise the current language on
//! the device (installing its language pack first, on the user's click, with progress shown);
//! elsewhere it says so plainly. The card also says what runs where.

use crate::browser::speech::{self, Availability};
use crate::i18n::*;
use crate::ui::erase::{click, event};
use crate::ui::state::use_prefs;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Debug, PartialEq)]
enum State {
    Checking,
    Is(Availability),
    Installing,
    InstallFailed(String),
}

#[component]
pub fn TranscribeSetting() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let state = RwSignal::new(State::Checking);
    let check = move || {
        let lang = i18n.get_locale_untracked().speech_tag();
        state.set(State::Checking);
        spawn_local(async move {
            let a = speech::availability(lang).await;
            let _ = state.try_set(State::Is(a));
        });
    };
    // Again whenever the language changes: each language has its own pack.
    Effect::new(move |_| {
        i18n.get_locale();
        untrack(check);
    });
    let install = move |_| {
        let lang = i18n.get_locale_untracked().speech_tag();
        state.set(State::Installing);
        spawn_local(async move {
            match speech::install(lang).await {
                Ok(true) => check(),
                Ok(false) => {
                    let _ = state.try_set(State::InstallFailed(String::new()));
                }
                Err(e) => {
                    let _ = state.try_set(State::InstallFailed(e));
                }
            }
        });
    };
    let usable = move || state.get() == State::Is(Availability::Available);
    let language = move || i18n.get_locale().native_name();
    let status = move || {
        match state.get() {
        State::Checking => view! { <p class="help" role="status">{tx!(i18n, transcribe_checking)}</p> }.into_any(),
        State::Is(Availability::Available) => view! {
            <p class="help" data-testid="transcribe-status">{txt!(t_string!(i18n, transcribe_ready, language = language()))}</p>
        }
        .into_any(),
        State::Is(Availability::Downloadable) | State::InstallFailed(_) => {
            let failed = match state.get() {
                State::InstallFailed(e) => Some(t_string!(i18n, transcribe_install_failed, error = e).to_string()),
                _ => None,
            };
            view! {
                <p class="help" data-testid="transcribe-status">{txt!(t_string!(i18n, transcribe_downloadable, language = language()))}</p>
                <button type="button" data-testid="transcribe-install" on:click=click(install)>
                    {txt!(t_string!(i18n, transcribe_install, language = language()))}
                </button>
                {failed.map(|f| view! { <p class="error" role="alert">{f}</p> })}
            }
            .into_any()
        }
        State::Is(Availability::Downloading) | State::Installing => view! {
            <p class="help" role="status" data-testid="transcribe-status">
                {txt!(t_string!(i18n, transcribe_installing, language = language()))}
            </p>
            <progress aria-label=txt!(t_string!(i18n, transcribe_installing, language = language()))></progress>
        }
        .into_any(),
        State::Is(Availability::Unavailable) => view! {
            <p class="help" data-testid="transcribe-status">{txt!(t_string!(i18n, transcribe_not_here, language = language()))}</p>
        }
        .into_any(),
    }
    };
    view! {
        <div class="card" data-testid="transcribe-setting">
            <h2>{tx!(i18n, transcribe_title)}</h2>
            <label class="check">
                <input type="checkbox" id="transcribe" data-testid="transcribe-toggle"
                    prop:checked=move || prefs.practice().transcribe
                    prop:disabled=move || !usable() && !prefs.practice().transcribe
                    on:change=event(move |ev| {
                        let on = event_target_checked(&ev);
                        prefs.update_practice(|p| p.transcribe = on);
                    }) />
                {tx!(i18n, transcribe_toggle)}
            </label>
            {dview!(status())}
            <p class="help">{tx!(i18n, transcribe_where)}</p>
        </div>
    }
}
