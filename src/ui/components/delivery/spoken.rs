//! A spoken answer's recording with what its sound says: the envelope strip and the delivery
//! figures (read from the recording the first time, see [`use_envelope`]).

use super::envelope::{use_envelope, EnvelopeState};
use super::figures::DeliveryFigures;
use super::strip::EnvelopeStrip;
use crate::domain::attempt::Attempt;
use crate::domain::delivery::analyze;
use crate::i18n::*;
use crate::ui::components::Recording;
use leptos::prelude::*;

#[component]
pub fn SpokenAnswer(
    attempt: Attempt,
    /// The level of its heading: 2 on the answer page, 3 under "Your attempts".
    #[prop(default = 3)]
    level: u8,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_envelope(attempt.id.clone());
    let id = StoredValue::new(attempt.id.clone());
    let attempt_id = move || id.get_value();
    // The strip is drawn with the envelope, the figures a task later: two short tasks on a phone
    // instead of one long one.
    let figures_open = RwSignal::new(false);
    let body = move || {
        match state.get() {
        EnvelopeState::NoRecording => ().into_any(),
        EnvelopeState::Reading => view! {
            <p class="help" role="status" data-testid="delivery-reading">{tx!(i18n, delivery_reading)}</p>
        }
        .into_any(),
        EnvelopeState::Failed(e) => view! {
            <p class="error" role="alert" data-testid="delivery-failed">
                {txt!(t_string!(i18n, delivery_failed, error = e))}
            </p>
        }
        .into_any(),
        EnvelopeState::Ready(envelope) => {
            let delivery = analyze(&envelope);
            if !figures_open.get_untracked() {
                set_timeout(
                    move || {
                        let _ = figures_open.try_set(true);
                    },
                    std::time::Duration::ZERO,
                );
            }
            let strip = delivery.clone();
            let figures = move || {
                figures_open
                    .get()
                    .then(|| view! { <DeliveryFigures delivery=delivery.clone() /> })
            };
            view! {
                <section class="delivery" data-testid="delivery" aria-labelledby=format!("delivery-{}", attempt_id())>
                    {heading(level, format!("delivery-{}", attempt_id()), t_string!(i18n, delivery_title).to_string())}
                    <EnvelopeStrip envelope=envelope delivery=strip />
                    {figures}
                </section>
            }
            .into_any()
        }
    }
    };
    view! {
        <div class="spoken">
            <Recording attempt=attempt />
            {dview!(body())}
        </div>
    }
}

/// A section heading at `level` (2 or 3).
pub fn heading(level: u8, id: String, text: String) -> AnyView {
    if level <= 2 {
        view! { <h2 id=id>{text}</h2> }.into_any()
    } else {
        view! { <h3 id=id>{text}</h3> }.into_any()
    }
}
