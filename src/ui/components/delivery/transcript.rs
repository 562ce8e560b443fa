//! What was said in a spoken answer: the transcript made on the device, or one the user writes
//! down (typed or pasted) at any time after, editable later. Saved with the attempt.

use crate::domain::attempt::{Attempt, TranscriptSource};
use crate::i18n::*;
use crate::ui::dom::now_ms;
use crate::ui::erase::{click, event, submit};
use crate::ui::state::use_practice;
use leptos::prelude::*;

#[component]
pub fn TranscriptBox(
    attempt: Attempt,
    /// The level of its heading: 2 on the answer page, 3 under "Your attempts".
    #[prop(default = 3)]
    level: u8,
) -> impl IntoView {
    let i18n = use_i18n();
    let practice = use_practice();
    let id = StoredValue::new(attempt.id.clone());
    let stored = Memo::new(move |_| {
        practice
            .watch_attempt(&id.read_value())
            .and_then(|a| a.transcript)
    });
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let box_id = format!("transcript-{}", attempt.id);
    let edit = move |_| {
        draft.set(stored.get_untracked().map(|t| t.text).unwrap_or_default());
        status.set(None);
        editing.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked();
        let had = stored.get_untracked().is_some();
        if text.trim().is_empty()
            && had
            && !crate::ui::dom::confirm(t_string!(i18n, transcript_confirm_clear))
        {
            return;
        }
        let now = now_ms();
        let saved = practice.update_attempt(&id.read_value(), |a| {
            a.set_transcript(&text, TranscriptSource::Typed, "", now)
        });
        if saved {
            editing.set(false);
            status.set(Some(t_string!(i18n, transcript_saved).to_string()));
        } else {
            status.set(Some(t_string!(i18n, transcript_not_saved).to_string()));
        }
    };
    let shown = move || {
        let t = stored.get()?;
        let source = match t.source {
            TranscriptSource::Device => t_string!(i18n, transcript_from_device),
            TranscriptSource::Typed => t_string!(i18n, transcript_from_user),
        };
        Some(view! {
            <blockquote class="transcript" data-testid="transcript">{t.text}</blockquote>
            <p class="help">{source}</p>
        })
    };
    let form = {
        let box_id = box_id.clone();
        move || {
            editing.get().then(|| {
                view! {
                    <form class="transcript-form" on:submit=submit(save)>
                        <label for=box_id.clone()>{tx!(i18n, transcript_label)}</label>
                        <textarea id=box_id.clone() rows="6" data-testid="transcript-input"
                            prop:value=move || draft.get()
                            on:input=event(move |ev| draft.set(event_target_value(&ev)))></textarea>
                        <p class="help">{tx!(i18n, transcript_help)}</p>
                        <div class="actions-row">
                            <button type="submit" class="primary">{tx!(i18n, transcript_save)}</button>
                            <button type="button" on:click=click(move |_| editing.set(false))>
                                {tx!(i18n, transcript_cancel)}
                            </button>
                        </div>
                    </form>
                }
            })
        }
    };
    view! {
        <section class="transcript-box" data-testid="transcript-box">
            {super::spoken::heading(level, format!("transcript-title-{}", id.get_value()), t_string!(i18n, transcript_title).to_string())}
            {dview!(shown())}
            {move || (!editing.get()).then(|| view! {
                <button type="button" data-testid="transcript-edit" on:click=click(edit)>
                    {txt!(if stored.get().is_some() { t_string!(i18n, transcript_edit) } else { t_string!(i18n, transcript_write) })}
                </button>
            })}
            {form}
            <p class="help" role="status">{txt!(status.get().unwrap_or_default())}</p>
        </section>
    }
}
