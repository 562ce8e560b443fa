//! A session's report: questions, times, rubric and notes. Print CSS turns it into a clean PDF.

use crate::domain::bank::title_of;
use crate::domain::review::merge_notes;
use crate::domain::route::Route;
use crate::domain::rubric::{mark_key, text, Kind};
use crate::domain::timer::duration;
use crate::i18n::*;
use crate::ui::dom::from_locale;
use crate::ui::erase::click;
use crate::ui::labels;
use crate::ui::state::{use_bank, use_practice, use_reviews};
use leptos::prelude::*;

#[component]
pub fn ReportPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let practice = use_practice();
    let reviews = use_reviews();
    let bank = use_bank();
    let id = StoredValue::new(id);
    let body = move || {
        let lang = i18n.get_locale();
        let Some(session) = practice.session(&id.read_value()) else {
            return view! {
                <h1 id="report-title" tabindex="-1">{tx!(i18n, report_missing)}</h1>
                <p><a href=Route::History.href()>{tx!(i18n, history_title)}</a></p>
            }
            .into_any();
        };
        let entries = bank.entries(from_locale(lang));
        let mut attempts: Vec<_> = practice
            .all_attempts()
            .into_iter()
            .filter(|a| a.session == session.id && a.has_content())
            .collect();
        attempts.sort_by_key(|a| a.started_ms);
        let total: u64 = attempts.iter().map(|a| a.duration_ms).sum();
        let mut questions: Vec<String> = Vec::new();
        for a in &attempts {
            if !questions.contains(&a.question) {
                questions.push(a.question.clone());
            }
        }
        let blocks = questions
            .into_iter()
            .enumerate()
            .map(|(n, q)| {
                let items = attempts
                    .iter()
                    .filter(|a| a.question == q)
                    .map(|a| {
                        let review = reviews.review(&a.id);
                        let rubric = review.as_ref().map(|r| reviews.rubric(r.rubric));
                        let marks = match (&review, &rubric) {
                            (Some(r), Some(rb)) => rb
                                .sections
                                .iter()
                                .flat_map(|s| {
                                    s.items.iter().filter_map(|i| {
                                        let m = *r.marks.get(&mark_key(&s.id, &i.id))?;
                                        let label = text(&i.label, lang);
                                        Some(match s.kind {
                                            Kind::Scale => format!("{label}: {m}/5"),
                                            Kind::Check => format!("✓ {label}"),
                                            Kind::Flag => format!("⚑ {label}"),
                                        })
                                    })
                                })
                                .collect::<Vec<_>>(),
                            _ => Vec::new(),
                        };
                        let score = match reviews.percent(&a.id) {
                            Some(p) => t_string!(i18n, rubric_score, percent = p),
                            None => t_string!(i18n, rubric_unscored).to_string(),
                        };
                        let overall = review.as_ref().and_then(|r| r.overall);
                        // The one notes text: older notes kept on the attempt are shown with it.
                        let differently = review.as_ref().map(|r| r.differently.as_str()).unwrap_or_default();
                        let differently = Some(merge_notes(differently, &a.notes))
                            .filter(|d| !d.trim().is_empty());
                        let typed = (!a.text.trim().is_empty()).then(|| a.text.clone());
                        view! {
                            <li class="report-attempt">
                                <p class="meta">
                                    {labels::date(a.started_ms, lang, true)} " · " {duration(a.duration_ms)} " · "
                                    <strong>{score}</strong>
                                    {overall.map(|o| view! { " · " {txt!(t_string!(i18n, report_overall, n = o))} })}
                                </p>
                                {typed.map(|t| view! { <blockquote class="typed">{t}</blockquote> })}
                                {(!marks.is_empty()).then(|| view! {
                                    <ul class="marks">{marks.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                                })}
                                {differently.map(|d| view! { <p class="answer-notes"><strong>{tx!(i18n, rubric_differently)}</strong> ": " {d}</p> })}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="report-question">
                        <h2>{n + 1} ". " {title_of(&entries, &q)}</h2>
                        <ol class="report-attempts">{items}</ol>
                    </section>
                }
            })
            .collect_view();
        let print = move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        };
        view! {
            <h1 id="report-title" tabindex="-1">{tx!(i18n, report_title)}</h1>
            <p class="meta" data-testid="report-meta">
                {labels::date(session.started_ms, lang, true)} " · "
                {txt!(t_string!(i18n, report_totals, n = attempts.len()))} " · " {duration(total)}
            </p>
            <p class="actions-row no-print">
                <button type="button" class="primary" on:click=click(print)>{tx!(i18n, report_print)}</button>
            </p>
            {blocks}
        }
        .into_any()
    };
    view! { <article class="page report" aria-labelledby="report-title">{dview!(body())}</article> }
}
