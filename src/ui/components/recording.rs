//! An attempt's recording: read from IndexedDB, joined, and played with a seekable player.

use crate::domain::attempt::{audio_prefix, Attempt};
use crate::storage::{audio_store, read_joined};
use crate::ui::erase::event;
use crate::ui::state::use_notices;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// Chrome reports `Infinity` for MediaRecorder WebM until the end is seen: seek far, then back,
/// so that the player's seek bar knows the length.
fn fix_duration(ev: leptos::ev::Event) {
    let Some(audio) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlMediaElement>().ok())
    else {
        return;
    };
    if ev.type_() == "loadedmetadata" && audio.duration().is_infinite() {
        let _ = audio.set_attribute("data-seeking-end", "");
        audio.set_current_time(1e7);
    } else if audio.has_attribute("data-seeking-end") && audio.duration().is_finite() {
        let _ = audio.remove_attribute("data-seeking-end");
        audio.set_current_time(0.0);
    }
}

/// The player for an attempt's audio; nothing for a typed answer or one with no audio saved.
#[component]
pub fn Recording(attempt: Attempt) -> impl IntoView {
    let notices = use_notices();
    let url = RwSignal::new(None::<String>);
    if attempt.is_audio() && attempt.chunks > 0 {
        let (prefix, mime) = (audio_prefix(&attempt.id), attempt.mime.clone());
        spawn_local(async move {
            let blob = match audio_store().await {
                Ok(store) => read_joined(&store, &prefix, &mime).await,
                Err(e) => Err(e),
            };
            match blob {
                Ok(Some(b)) => {
                    if let Ok(u) = web_sys::Url::create_object_url_with_blob(&b) {
                        if url.try_set(Some(u.clone())).is_some() {
                            let _ = web_sys::Url::revoke_object_url(&u);
                        }
                    }
                }
                Ok(None) => {}
                Err(e) => notices.report(&e),
            }
        });
    }
    // Revoke the URL a little after the player goes: revoking at once fails a load still in flight
    // (a console error when the user moves on quickly).
    on_cleanup(move || {
        if let Some(u) = url.try_get_untracked().flatten() {
            set_timeout(
                move || {
                    let _ = web_sys::Url::revoke_object_url(&u);
                },
                std::time::Duration::from_secs(10),
            );
        }
    });
    dview!(url.get().map(|u| view! {
        <audio controls preload="metadata" src=u
            on:loadedmetadata=event(fix_duration) on:durationchange=event(fix_duration)></audio>
    }))
}
