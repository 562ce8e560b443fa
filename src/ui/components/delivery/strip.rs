//! The envelope strip: how loud the answer was over time, with the long pauses marked. Tapping a
//! point (or a pause's button, for the keyboard) plays the recording from there.

use crate::domain::delivery::{Delivery, Envelope};
use crate::domain::timer::duration;
use crate::i18n::*;
use crate::ui::erase::click;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Columns drawn at most: a phone's width, whatever the recording's length.
const COLUMNS: usize = 240;

/// The loudest level of each column.
fn columns(levels: &[u8]) -> Vec<u8> {
    if levels.is_empty() {
        return Vec::new();
    }
    let per = levels.len().div_ceil(COLUMNS);
    levels
        .chunks(per)
        .map(|c| c.iter().copied().max().unwrap_or(0))
        .collect()
}

/// Plays the recording next to `from` (the strip, inside the answer's `.spoken` block) at `ms`.
fn play_at(from: &web_sys::Element, ms: u64) {
    let audio = from
        .closest(".spoken")
        .ok()
        .flatten()
        .and_then(|block| block.query_selector("audio").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlMediaElement>().ok());
    if let Some(audio) = audio {
        audio.set_current_time(ms as f64 / 1000.0);
        let _ = audio.play();
    }
}

#[component]
pub fn EnvelopeStrip(envelope: Envelope, delivery: Delivery) -> impl IntoView {
    let i18n = use_i18n();
    let cols = columns(&envelope.levels);
    let n = cols.len().max(1);
    let total = delivery.total_ms.max(1);
    let mut area = "M0,100".to_string();
    for (i, level) in cols.iter().enumerate() {
        let y = 100 - u32::from(*level);
        area.push_str(&format!(" L{i},{y} L{},{y}", i + 1));
    }
    area.push_str(&format!(" L{n},100 Z"));
    let x = |ms: u64| ms as f64 * n as f64 / total as f64;
    let pauses = delivery
        .pauses
        .iter()
        .map(|p| {
            view! {
                <rect class="pause" x=x(p.start_ms) width=x(p.len_ms()) y="0" height="100"></rect>
            }
        })
        .collect_view();
    let threshold = 100 - u32::from(delivery.threshold);
    let seek = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let share = ((f64::from(ev.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0);
        play_at(&el, (share * total as f64) as u64);
    };
    let label = t_string!(i18n, delivery_strip_label, n = delivery.pauses.len()).to_string();
    let buttons = delivery
        .pauses
        .iter()
        .map(|p| {
            let at = p.start_ms;
            // The label to the nearest second (the player seeks to the exact time).
            let text = t_string!(i18n, delivery_play_pause, at = duration(at + 500)).to_string();
            let go = move |ev: leptos::ev::MouseEvent| {
                if let Some(el) = ev
                    .current_target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                {
                    play_at(&el, at);
                }
            };
            view! { <li><button type="button" class="link" on:click=click(go)>{text}</button></li> }
        })
        .collect_view();
    view! {
        <figure class="envelope" data-testid="envelope">
            <svg viewBox=format!("0 0 {n} 100") preserveAspectRatio="none" role="img"
                aria-label=label on:click=click(seek)>
                {pauses}
                <path class="level" d=area></path>
                <line class="threshold" x1="0" x2=n y1=threshold y2=threshold></line>
            </svg>
            <figcaption class="help">{tx!(i18n, delivery_strip_help)}</figcaption>
            {(!delivery.pauses.is_empty()).then(|| view! { <ul class="pause-list">{buttons}</ul> })}
        </figure>
    }
}
