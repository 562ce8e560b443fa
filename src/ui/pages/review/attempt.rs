//! One answer in full: the recording with its delivery figures, or the typed text; the transcript
//! of a spoken answer; talking-point coverage and word insights on the typed or transcribed text;
//! the examples and the rubric.

use super::examples::Examples;
use crate::domain::attempt::Attempt;
use crate::domain::bank::title_of;
use crate::domain::route::Route;
use crate::domain::timer::duration;
use crate::i18n::*;
use crate::ui::components::delivery::{Coverage, SpokenAnswer, TranscriptBox, WordInsights};
use crate::ui::components::RubricForm;
use crate::ui::dom::from_locale;
use crate::ui::erase::event;
use crate::ui::labels;
use crate::ui::router::go;
use crate::ui::state::{use_bank, use_practice};
use leptos::prelude::*;

#[component]
pub fn AttemptPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let practice = use_practice();
    let bank = use_bank();
    let id = StoredValue::new(id);
    let attempt = Memo::new(move |_| {
        practice
            .watch_attempt(&id.read_value())
            // The rubric, the figures and the transcript box follow their parts themselves.
            .map(Attempt::outline)
    });
    // The words to analyse: the typed text, else the transcript (with the speaking time read
    // from the recording, for a spoken answer's pace).
    let words = Memo::new(move |_| {
        let a = practice.watch_attempt(&id.read_value())?;
        let speaking = a.delivery().map(|d| d.speaking_ms);
        a.words()
            .map(|(t, spoken)| (t.to_string(), spoken.then_some(speaking).flatten()))
    });
    let body = move || {
        let Some(a) = attempt.get() else {
            return view! {
                <h1 id="attempt-title" tabindex="-1">{tx!(i18n, attempt_missing)}</h1>
                <p><a href=Route::History.href()>{tx!(i18n, history_title)}</a></p>
            }
            .into_any();
        };
        let lang = i18n.get_locale();
        let entries = bank.entries(from_locale(lang));
        let title = title_of(&entries, &a.question);
        let others: Vec<Attempt> = practice
            .all_attempts()
            .into_iter()
            .filter(|o| o.question == a.question && o.id != a.id && o.has_content())
            .collect();
        let compare = (!others.is_empty()).then(|| {
            let options = others
                .iter()
                .map(|o| {
                    let label = labels::date(o.started_ms, lang, true);
                    view! { <option value=Route::Compare(a.id.clone(), o.id.clone()).href()>{label}</option> }
                })
                .collect_view();
            let go = move |ev: leptos::ev::Event| {
                let href = event_target_value(&ev);
                if !href.is_empty() {
                    go(&Route::parse(&href));
                }
            };
            view! {
                <label class="compare-pick">
                    <span>{tx!(i18n, compare_with)}</span>
                    <select data-testid="compare-with" on:change=event(go)>
                        <option value="">"—"</option>
                        {options}
                    </select>
                </label>
            }
        });
        let typed = (!a.text.trim().is_empty()).then(|| a.text.clone());
        let points = bank.talking_points(&a.question);
        let is_audio = a.is_audio();
        view! {
            <h1 id="attempt-title" tabindex="-1">{title}</h1>
            <p class="meta">
                {labels::date(a.started_ms, lang, true)} " · " {duration(a.duration_ms)} " · "
                <a href=Route::Report(a.session.clone()).href()>{tx!(i18n, report_link)}</a>
            </p>
            {compare}
            <div class="attempt-layout">
                <div class="answer">
                    {is_audio.then(|| view! { <SpokenAnswer attempt=a.clone() level=2 /> })}
                    {typed.map(|t| view! { <blockquote class="typed" data-testid="typed">{t}</blockquote> })}
                    {is_audio.then(|| view! { <TranscriptBox attempt=a.clone() level=2 /> })}
                    {dview!(words.get().map(|(t, speaking)| view! {
                        <Coverage text_of=t.clone() points=points.clone() />
                        <WordInsights text_of=t speaking_ms=speaking />
                    }))}
                </div>
                <Examples question=a.question.clone() />
                <section class="review-full" aria-labelledby="review-full-title">
                    <h2 id="review-full-title">{tx!(i18n, rubric_title)}</h2>
                    <RubricForm attempt=a.id.clone() />
                </section>
            </div>
        }
        .into_any()
    };
    view! { <section class="page attempt" aria-labelledby="attempt-title">{dview!(body())}</section> }
}
