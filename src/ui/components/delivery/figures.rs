//! The delivery figures of a spoken answer, each with one line on how it was computed.

use crate::domain::delivery::{Delivery, Volume, PAUSE_MS};
use crate::domain::timer::duration;
use crate::i18n::*;
use crate::ui::labels::tenths;
use leptos::prelude::*;

/// Seconds with one decimal: 2.4 s.
pub fn seconds(i18n: I18nContext, ms: u64) -> String {
    t_string!(i18n, delivery_seconds, n = tenths(ms as f64 / 1000.0)).to_string()
}

/// The volume in words.
pub fn volume(i18n: I18nContext, d: &Delivery) -> String {
    match d.volume {
        Volume::Steady => t_string!(i18n, delivery_volume_steady).to_string(),
        Volume::Quiet => t_string!(i18n, delivery_volume_quiet).to_string(),
        Volume::Clipping => t_string!(
            i18n,
            delivery_volume_clipping,
            n = (d.clipped_share * 100.0).round() as u32
        )
        .to_string(),
        Volume::Silent => t_string!(i18n, delivery_volume_silent).to_string(),
    }
}

/// The pauses in words: "3, longest 4.2 s".
pub fn pauses(i18n: I18nContext, d: &Delivery) -> String {
    if d.pauses.is_empty() {
        t_string!(i18n, delivery_pauses_none).to_string()
    } else {
        t_string!(
            i18n,
            delivery_pauses_n,
            n = d.pauses.len(),
            longest = seconds(i18n, d.longest_pause_ms)
        )
        .to_string()
    }
}

/// Time to the first word: "0.2 s", or that no speech was found.
pub fn first_word(i18n: I18nContext, d: &Delivery) -> String {
    match d.first_word_ms {
        Some(ms) => seconds(i18n, ms),
        None => t_string!(i18n, delivery_no_speech).to_string(),
    }
}

/// Stretches of speech per minute, to a tenth.
pub fn segments(d: &Delivery) -> String {
    tenths(d.segments_per_minute)
}

/// The pause length that counts, in whole seconds (for the labels).
pub fn pause_seconds() -> u32 {
    (PAUSE_MS / 1000) as u32
}

/// Speaking time: "1:23 of 2:00 (69 %)".
pub fn speaking(i18n: I18nContext, d: &Delivery) -> String {
    t_string!(
        i18n,
        delivery_speaking_value,
        speaking = duration(d.speaking_ms),
        total = duration(d.total_ms),
        share = (d.speaking_share() * 100.0).round() as u32
    )
    .to_string()
}

#[component]
pub fn DeliveryFigures(delivery: Delivery) -> impl IntoView {
    let i18n = use_i18n();
    let d = delivery;
    let first = first_word(i18n, &d);
    let row = |testid: &'static str, term: String, value: String, how: String| {
        view! {
            <div class="figure" data-testid=testid>
                <dt>{term}</dt>
                <dd>
                    <span class="value">{value}</span>
                    <span class="how">{how}</span>
                </dd>
            </div>
        }
    };
    let pause_s = pause_seconds();
    view! {
        <dl class="delivery-figures" data-testid="delivery-figures">
            {row(
                "speaking",
                t_string!(i18n, delivery_speaking).to_string(),
                speaking(i18n, &d),
                t_string!(i18n, delivery_speaking_how, floor = d.noise_floor, threshold = d.threshold).to_string(),
            )}
            {row(
                "first-word",
                t_string!(i18n, delivery_first_word).to_string(),
                first,
                t_string!(i18n, delivery_first_word_how).to_string(),
            )}
            {row(
                "pauses",
                t_string!(i18n, delivery_pauses, n = pause_s).to_string(),
                pauses(i18n, &d),
                t_string!(i18n, delivery_pauses_how, n = pause_s).to_string(),
            )}
            {row(
                "segments",
                t_string!(i18n, delivery_segments).to_string(),
                segments(&d),
                t_string!(i18n, delivery_segments_how).to_string(),
            )}
            {row(
                "volume",
                t_string!(i18n, delivery_volume).to_string(),
                volume(i18n, &d),
                t_string!(i18n, delivery_volume_how, level = d.speech_level).to_string(),
            )}
        </dl>
    }
}
