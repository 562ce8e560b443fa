//! The rubric checklist for one attempt: ticks, 1–5 ratings with level descriptions, red flags,
//! an overall rating and "what I would say differently" (the answer's one notes box). Every change
//! is saved at once.
//!
//! The quick rubric (under an answer in practice) is the same form, laid out to fit a phone:
//! checklist items and red flags as chips that wrap, each 1–5 scale on one row, no level guide.

use crate::domain::rubric::{mark_key, score as score_of, text, Kind, Marks, Rubric, Section};
use crate::i18n::*;
use crate::ui::components::Levels;
use crate::ui::erase::event;
use crate::ui::state::queries::notes_of;
use crate::ui::state::{use_practice, use_reviews, Reviews};
use leptos::prelude::*;

/// The rubric right after an answer, in the practice session. Skipping it is simply going on.
#[component]
pub fn QuickRubric(attempt: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="quick-rubric" aria-labelledby="quick-rubric-title" data-testid="quick-rubric">
            <h3 id="quick-rubric-title">{tx!(i18n, rubric_title)}</h3>
            <p class="hint">{tx!(i18n, rubric_optional)}</p>
            <RubricForm attempt=attempt quick=true />
        </section>
    }
}

/// The rubric the attempt's review was made with, or the current one for a new review.
fn rubric_for(reviews: Reviews, attempt: &str) -> Rubric {
    match reviews.review(attempt) {
        Some(r) => reviews.rubric(r.rubric),
        None => reviews.current(),
    }
}

#[component]
pub fn RubricForm(attempt: String, #[prop(optional)] quick: bool) -> impl IntoView {
    let i18n = use_i18n();
    let reviews = use_reviews();
    let practice = use_practice();
    let id = StoredValue::new(attempt);
    let rubric = Memo::new(move |_| rubric_for(reviews, &id.read_value()));
    let sections = move || {
        let r = rubric.get();
        r.sections
            .into_iter()
            .map(|s| view! { <SectionView section=s attempt=id.get_value() quick=quick /> })
            .collect_view()
    };
    let summary = move || {
        let review = reviews.review(&id.read_value());
        // Before the first tick the counter already reads "0 of 10": nothing ticked, of the rubric's own total.
        let score = match review {
            Some(r) => r.score(&rubric.get()),
            None => score_of(&rubric.get(), &Marks::default()),
        };
        let mut parts = vec![match score.percent() {
            Some(p) => t_string!(i18n, rubric_score, percent = p),
            None => t_string!(i18n, rubric_unscored).to_string(),
        }];
        parts.push(t_string!(
            i18n,
            rubric_ticked,
            n = score.ticked,
            total = score.checks
        ));
        let flags = (score.flags > 0).then(|| t_string!(i18n, rubric_flags, n = score.flags));
        view! {
            <p class="rubric-score" data-testid="review-score">
                {parts.join(" · ")}
                {flags.map(|f| view! { " · " <strong class="flag-count">"⚑ " {f}</strong> })}
            </p>
        }
    };
    let overall = Signal::derive(move || reviews.review(&id.read_value()).and_then(|r| r.overall));
    let pick_overall = Callback::new(move |n: u8| {
        reviews.update(&id.read_value(), |r| {
            r.overall = if r.overall == Some(n) { None } else { Some(n) };
        });
    });
    let differently = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        reviews.update(&id.read_value(), |r| r.differently = value);
    };
    // One notes box: the review's text, with any notes an older version kept on the attempt moved in.
    let initial_text = notes_of(practice, reviews, &id.read_value());
    let area_id = format!("differently-{}", id.read_value());
    view! {
        <div class="rubric" class:compact=quick data-testid="rubric" data-version=move || rubric.get().version>
            {dview!(summary())}
            {dview!(sections())}
            <fieldset class="scale overall">
                <legend>{tx!(i18n, rubric_overall)}</legend>
                <Levels name=format!("{}-overall", id.read_value()) key="overall".to_string()
                    current=overall on_pick=pick_overall />
            </fieldset>
            <label for=area_id.clone()>{tx!(i18n, rubric_differently)}</label>
            <textarea id=area_id data-testid="answer-notes" rows=if quick { "2" } else { "4" } prop:value=initial_text
                on:input=event(differently)></textarea>
        </div>
    }
}

#[component]
fn SectionView(section: Section, attempt: String, quick: bool) -> impl IntoView {
    let i18n = use_i18n();
    let reviews = use_reviews();
    let attempt = StoredValue::new(attempt);
    let Section {
        id: sid,
        kind,
        title,
        items,
        ..
    } = section;
    let title = move || text(&title, i18n.get_locale()).to_string();
    let body = match kind {
        Kind::Check | Kind::Flag => {
            let chips = items
                .into_iter()
                .map(|item| {
                    let key = mark_key(&sid, &item.id);
                    let k = key.clone();
                    let checked = move || {
                        reviews
                            .review(&attempt.read_value())
                            .is_some_and(|r| r.is_marked(&k))
                    };
                    let k = key.clone();
                    let toggle = move |_| {
                        reviews.update(&attempt.read_value(), |r| r.toggle(&k));
                    };
                    let label = item.label;
                    view! {
                        <label class="chip">
                            <input type="checkbox" data-key=key prop:checked=checked on:change=event(toggle) />
                            <span>{txt!(text(&label, i18n.get_locale()))}</span>
                        </label>
                    }
                })
                .collect_view();
            view! { <div class="chips">{chips}</div> }.into_any()
        }
        Kind::Scale => items
            .into_iter()
            .map(|item| {
                let key = mark_key(&sid, &item.id);
                let k = StoredValue::new(key.clone());
                let current = move || {
                    reviews
                        .review(&attempt.read_value())
                        .and_then(|r| r.marks.get(&*k.read_value()).copied())
                };
                let levels = StoredValue::new(item.levels);
                let described = move || {
                    let lang = i18n.get_locale();
                    match current() {
                        Some(n) => levels
                            .read_value()
                            .get(usize::from(n) - 1)
                            .map(|l| format!("{n}: {}", text(l, lang)))
                            .unwrap_or_default(),
                        // The quick rubric stays short: no hint until a level is chosen.
                        None if quick => String::new(),
                        None => t_string!(i18n, rubric_pick_level).to_string(),
                    }
                };
                let titles: Vec<String> = levels
                    .read_value()
                    .iter()
                    .map(|l| text(l, i18n.get_locale_untracked()).to_string())
                    .collect();
                let pick = Callback::new(move |n: u8| {
                    reviews.update(&attempt.read_value(), |r| r.rate(&k.read_value(), n));
                });
                let buttons = view! {
                    <Levels name=format!("{}-{}", attempt.read_value(), k.read_value()) key=k.get_value()
                        titles=titles current=Signal::derive(current) on_pick=pick />
                };
                let all_levels = (!quick && !levels.read_value().is_empty()).then(|| {
                    let list = levels
                        .read_value()
                        .iter()
                        .enumerate()
                        .map(|(i, l)| {
                            let l = l.clone();
                            view! { <li value=i + 1>{txt!(text(&l, i18n.get_locale()))}</li> }
                        })
                        .collect_view();
                    view! { <ol class="level-guide">{list}</ol> }
                });
                let label = item.label;
                view! {
                    <fieldset class="scale">
                        <legend>{txt!(text(&label, i18n.get_locale()))}</legend>
                        {buttons}
                        <p class="level-text" aria-live="polite">{txt!(described())}</p>
                        {all_levels}
                    </fieldset>
                }
            })
            .collect_view()
            .into_any(),
    };
    view! {
        <fieldset class="rubric-section" data-kind=kind.name() data-section=sid.clone()>
            <legend>{txt!(title())}</legend>
            {body}
        </fieldset>
    }
}
