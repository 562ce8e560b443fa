//! After an answer: every attempt at this question (play back, read, delete), with the latest
//! spoken one's delivery figures and transcript, the quick rubric with the answer's one notes box,
//! and the way on.

use super::ctl::Ctl;
use crate::domain::attempt::{Attempt, AttemptState};
use crate::domain::timer::duration;
use crate::ui::components::delivery::{SpokenAnswer, TranscriptBox};
use crate::ui::components::{QuickRubric, Recording};
use crate::ui::erase::click;
use crate::ui::state::queries::delete_attempt;
use leptos::prelude::*;

#[component]
pub fn AfterAnswer(ctl: Ctl) -> impl IntoView {
    let i18n = ctl.i18n;
    let attempts = Memo::new(move |_| {
        let s = ctl.session()?;
        let q = s.current()?.to_string();
        // Notes, envelopes and transcripts are left out, so that moving older notes into the
        // review, reading a recording or saving a transcript does not rebuild the list (the parts
        // that show them follow the store themselves).
        let list = ctl.practice.attempts_of(&s.id, &q);
        Some(list.into_iter().map(Attempt::outline).collect::<Vec<_>>())
    });
    let is_last = move || ctl.session().is_some_and(|s| s.is_last());
    let list = move || {
        let list = attempts.get().unwrap_or_default();
        let last = list.len();
        list.into_iter()
            .enumerate()
            .map(|(n, a)| view! { <AttemptItem ctl=ctl attempt=a n=n + 1 latest=n + 1 == last /> })
            .collect_view()
    };
    let latest = Memo::new(move |_| attempts.get().and_then(|l| l.last().map(|a| a.id.clone())));
    view! {
        <section class="review" aria-labelledby="review-title">
            <h3 id="review-title">{tx!(i18n, practice_attempts)}</h3>
            <ol class="attempts" data-testid="attempts">{dview!(list())}</ol>
            {dview!(latest.get().map(|id| view! { <QuickRubric attempt=id /> }))}
            <div class="actions-row">
                <button type="button" on:click=click(move |_| ctl.retry())>
                    {tx!(i18n, practice_rerecord)}
                </button>
                <button type="button" class="primary" on:click=click(move |_| ctl.next())>
                    {txt!(if is_last() { t_string!(i18n, practice_finish) } else { t_string!(i18n, practice_next) })}
                </button>
            </div>
        </section>
    }
}

#[component]
fn AttemptItem(ctl: Ctl, attempt: Attempt, n: usize, latest: bool) -> impl IntoView {
    let i18n = ctl.i18n;
    let id = attempt.id.clone();
    let delete = move |_| {
        let question = t_string!(i18n, practice_confirm_delete, n = n).to_string();
        let ok = crate::ui::dom::confirm(&question);
        if ok {
            delete_attempt(ctl.practice, ctl.reviews, ctl.notices, id.clone());
        }
    };
    let label = t_string!(i18n, practice_attempt_n, n = n).to_string();
    let interrupted = attempt.state == AttemptState::Interrupted;
    let text = attempt.text.clone();
    view! {
        <li class="attempt" data-state=attempt.state.name()>
            <p>
                <strong>{label}</strong>
                " · "
                <span data-testid="attempt-duration">{duration(attempt.duration_ms)}</span>
                {interrupted.then(|| view! { " · " <span class="badge">{tx!(i18n, practice_interrupted)}</span> })}
            </p>
            // The latest spoken answer shows what its sound says, and its transcript.
            {if latest && attempt.is_audio() {
                view! {
                    <SpokenAnswer attempt=attempt.clone() />
                    <TranscriptBox attempt=attempt.clone() />
                }
                .into_any()
            } else {
                view! { <Recording attempt=attempt.clone() /> }.into_any()
            }}
            {(!text.is_empty()).then(|| view! { <blockquote class="typed">{text}</blockquote> })}
            <button type="button" class="link danger" on:click=click(delete)>
                {txt!(t_string!(i18n, practice_delete_attempt, n = n))}
            </button>
        </li>
    }
}
