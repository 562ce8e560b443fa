//! One answer in full: the recording or text, the rubric, talking-point coverage and delivery.

use super::examples::Examples;
use crate::domain::attempt::Attempt;
use crate::domain::bank::title_of;
use crate::domain::content::TalkingPoint;
use crate::domain::coverage::{coverage, touched};
use crate::domain::insights::insights;
use crate::domain::route::Route;
use crate::domain::rubric::text;
use crate::domain::timer::duration;
use crate::i18n::*;
use crate::ui::components::{Recording, RubricForm};
use crate::ui::dom::from_locale;
use crate::ui::erase::event;
use crate::ui::labels;
use crate::ui::router::go;
use crate::ui::state::{use_bank, use_practice};
use leptos::prelude::*;

/// Which talking points the text touched, with the keyword that shows it.
#[component]
pub fn Coverage(text_of: String, points: Vec<TalkingPoint>) -> impl IntoView {
    let i18n = use_i18n();
    let list = coverage(&text_of, &points);
    let (n, total) = touched(&list);
    let items = list
        .into_iter()
        .zip(points)
        .map(|(t, p)| {
            let hit = t.matched.is_some();
            view! {
                <li data-touched=if hit { "yes" } else { "no" }>
                    <span aria-hidden="true">{if hit { "✓ " } else { "○ " }}</span>
                    {txt!(text(&p.label, i18n.get_locale()))}
                    {t.matched.map(|k| view! { " " <span class="keyword">"(“" {k} "”)"</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="coverage" data-testid="coverage">
            <h2>{tx!(i18n, coverage_title)}</h2>
            <p>{txt!(t_string!(i18n, coverage_count, n = n, total = total))}</p>
            <ul class="coverage-list">{items}</ul>
            <p class="hint">{tx!(i18n, coverage_how)}</p>
        </section>
    }
}

#[component]
fn Delivery(text_of: String, ms: u64) -> impl IntoView {
    let i18n = use_i18n();
    let d = insights(&text_of, ms);
    let fillers = if d.fillers.is_empty() {
        t_string!(i18n, insights_no_fillers).to_string()
    } else {
        d.fillers
            .iter()
            .map(|(w, n)| format!("“{w}” × {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let top = d
        .top
        .iter()
        .map(|(w, n)| format!("{w} ({n})"))
        .collect::<Vec<_>>()
        .join(", ");
    let pace = d.per_minute.map(|p| {
        if d.characters {
            t_string!(i18n, insights_cpm, n = p)
        } else {
            t_string!(i18n, insights_wpm, n = p)
        }
    });
    let count = if d.characters {
        t_string!(i18n, practice_chars, n = d.words)
    } else {
        t_string!(i18n, practice_words, n = d.words)
    };
    view! {
        <section class="insights" data-testid="insights">
            <h2>{tx!(i18n, insights_title)}</h2>
            <dl>
                <dt>{tx!(i18n, insights_length)}</dt>
                <dd>{count}</dd>
                {pace.map(|p| view! { <dt>{tx!(i18n, insights_pace)}</dt><dd data-testid="pace">{p}</dd> })}
                <dt>{tx!(i18n, insights_fillers)}</dt>
                <dd data-testid="fillers">{fillers}</dd>
                {(!top.is_empty()).then(|| view! { <dt>{tx!(i18n, insights_top)}</dt><dd>{top}</dd> })}
            </dl>
        </section>
    }
}

#[component]
pub fn AttemptPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let practice = use_practice();
    let bank = use_bank();
    let id = StoredValue::new(id);
    let attempt = Memo::new(move |_| {
        practice
            .all_attempts()
            .into_iter()
            .find(|a| a.id == *id.read_value())
            .map(|a| Attempt {
                notes: String::new(),
                ..a
            })
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
        view! {
            <h1 id="attempt-title" tabindex="-1">{title}</h1>
            <p class="meta">
                {labels::date(a.started_ms, lang, true)} " · " {duration(a.duration_ms)} " · "
                <a href=Route::Report(a.session.clone()).href()>{tx!(i18n, report_link)}</a>
            </p>
            {compare}
            <div class="attempt-layout">
                <div class="answer">
                    <Recording attempt=a.clone() />
                    {typed.clone().map(|t| view! { <blockquote class="typed" data-testid="typed">{t}</blockquote> })}
                    {typed.map(|t| view! {
                        <Coverage text_of=t.clone() points=points />
                        <Delivery text_of=t ms=a.duration_ms />
                    })}
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
