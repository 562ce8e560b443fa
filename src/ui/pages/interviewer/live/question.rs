//! The question on screen: what to look for and the warning signs (for the interviewer's eyes),
//! notes and a rating, and previous / next / jump to any question.

use super::ctl::Live;
use crate::domain::bank::title_of;
use crate::domain::interview::Scorecard;
use crate::ui::components::Levels;
use crate::ui::dom::{from_locale, now_ms};
use crate::ui::erase::{click, event};
use crate::ui::state::use_bank;
use leptos::prelude::*;

#[component]
pub fn Question(ctl: Live) -> impl IntoView {
    let i18n = ctl.i18n;
    let bank = use_bank();
    let current = Memo::new(move |_| ctl.with(|c| c.current));
    let question = move || {
        current.get()?;
        let c = ctl.card.get_untracked()?;
        let lang = i18n.get_locale();
        let flat: Vec<String> = c.flat().into_iter().map(|(_, q)| q.to_string()).collect();
        let qid = c.question()?.to_string();
        let entries = bank.entries(from_locale(lang));
        let entry = entries.iter().find(|e| e.id == qid).cloned();
        let title = entry
            .as_ref()
            .map(|e| e.title.clone())
            .unwrap_or_else(|| qid.clone());
        let looking = entry
            .as_ref()
            .map(|e| e.looking_for.clone())
            .unwrap_or_default();
        let good: Vec<String> = entry
            .as_ref()
            .map(|e| e.good_signals.clone())
            .unwrap_or_default();
        let warn: Vec<String> = entry
            .as_ref()
            .map(|e| e.warning_signs.clone())
            .unwrap_or_default();
        let notes_text = StoredValue::new((qid.clone(), c.notes(&qid).to_string()));
        let n = c.current;
        let total = flat.len();
        let q1 = qid.clone();
        let notes = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let q = q1.clone();
            ctl.update(Box::new(move |c| c.set_notes(q, v)));
        };
        let q = StoredValue::new(qid);
        let rating =
            Signal::derive(move || ctl.with(|c| c.question_rating(&q.read_value())).flatten());
        let rate = Callback::new(move |r: u8| {
            let q = q.get_value();
            ctl.update(Box::new(move |c| c.rate_question(q, r)));
        });
        let step =
            move |go: fn(&mut Scorecard, u64)| ctl.update(Box::new(move |c| go(c, now_ms())));
        let jump = move |to: usize| ctl.update(Box::new(move |c| c.go_to(to, now_ms())));
        let options = flat
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let t = title_of(&entries, q);
                view! { <option value=i selected=i == n>{format!("{}. {t}", i + 1)}</option> }
            })
            .collect_view();
        Some(view! {
            <section class="live-question" aria-labelledby="live-question-title">
                <p class="meta" data-testid="question-position">{t_string!(i18n, interview_position, n = n + 1, total = total)}</p>
                <h2 id="live-question-title" tabindex="-1">{title}</h2>
                <details class="for-interviewer" open>
                    <summary>{tx!(i18n, interview_look_for)}</summary>
                    <p>{looking}</p>
                    <ul>{good.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                    <p><strong>{tx!(i18n, interview_warning_signs)}</strong></p>
                    <ul class="warning-signs">{warn.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                </details>
                <label for="question-notes">{tx!(i18n, interview_notes)}</label>
                <textarea id="question-notes" rows="4" prop:value=move || { let (q, first) = notes_text.get_value(); ctl.with(|c| c.notes(&q).to_string()).unwrap_or(first) } on:input=event(notes)></textarea>
                <fieldset class="scale">
                    <legend>{tx!(i18n, interview_rating)}</legend>
                    <Levels name="question-rating".to_string() key="question-rating".to_string()
                        current=rating on_pick=rate />
                </fieldset>
                <div class="actions-row">
                    <button type="button" disabled=!c.has_previous() on:click=click(move |_| step(Scorecard::go_previous))>{tx!(i18n, interview_prev_question)}</button>
                    <button type="button" class="primary" disabled=!c.has_next() on:click=click(move |_| step(Scorecard::go_next))>{tx!(i18n, interview_next_question)}</button>
                    <label class="jump">
                        <span class="visually-hidden">{tx!(i18n, interview_jump)}</span>
                        <select on:change=event(move |ev| jump(event_target_value(&ev).parse().unwrap_or(0)))>{options}</select>
                    </label>
                </div>
            </section>
        })
    };
    dview!(question())
}
