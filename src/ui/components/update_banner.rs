use crate::i18n::*;
use crate::ui::erase::click;
use leptos::prelude::*;
use leptos_use::{
    use_service_worker_with_options, UseServiceWorkerOptions, UseServiceWorkerReturn,
};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Registers the service worker and, when a new version is waiting, offers "Update available — reload".
///
/// It never reloads by itself: only the user's click on this tab's button leads to a reload, so an
/// answer being recorded is never cut off.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let requested = Arc::new(AtomicBool::new(false));
    let on_change = {
        let requested = requested.clone();
        move || {
            if requested.load(Ordering::SeqCst) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    };
    let UseServiceWorkerReturn {
        waiting,
        skip_waiting,
        ..
    } = use_service_worker_with_options(
        UseServiceWorkerOptions::default()
            .script_url("./sw.js")
            .skip_waiting_message("skipWaiting")
            .on_controller_change(on_change),
    );
    let controlled = move || {
        web_sys::window()
            .map(|w| w.navigator().service_worker().controller().is_some())
            .unwrap_or(false)
    };
    let dismissed = RwSignal::new(false);
    let reload = move |_| {
        requested.store(true, Ordering::SeqCst);
        skip_waiting();
    };
    view! {
        <Show when=move || waiting.get() && controlled() && !dismissed.get()>
            <div class="update-banner" role="status" data-testid="update-banner">
                <p>{tx!(i18n, update_available)}</p>
                <button type="button" class="primary" on:click=click(reload.clone())>
                    {tx!(i18n, update_reload)}
                </button>
                <button type="button" on:click=click(move |_| dismissed.set(true))>
                    {tx!(i18n, update_later)}
                </button>
            </div>
        </Show>
    }
}
