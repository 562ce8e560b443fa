//! Insights on an answer's words, typed or transcribed: talking-point coverage, filler words, the
//! most-used words, and for a spoken answer its pace over the speaking time read from the audio
//! (a typed answer shows its length, not a pace: typing time says nothing about speaking).

use crate::domain::content::TalkingPoint;
use crate::domain::coverage::{coverage, touched};
use crate::domain::insights::{insights, Insights};
use crate::domain::rubric::text;
use crate::i18n::*;
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

/// The pace in words (or characters, for Chinese) per minute; `None` without a speaking time.
pub fn pace(i18n: I18nContext, d: &Insights) -> Option<String> {
    d.per_minute.map(|n| {
        if d.characters {
            t_string!(i18n, insights_cpm, n = n).to_string()
        } else {
            t_string!(i18n, insights_wpm, n = n).to_string()
        }
    })
}

/// Length, pace, fillers and most-used words of `text_of`. `speaking_ms` is the speaking time read
/// from the recording (`None` for a typed answer, or while the recording is being read).
#[component]
pub fn WordInsights(text_of: String, speaking_ms: Option<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let d = insights(&text_of, speaking_ms.unwrap_or(0));
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
    let pace = pace(i18n, &d);
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
                <dd data-testid="length">{count}</dd>
                {pace.map(|p| view! {
                    <dt>{tx!(i18n, insights_pace)}</dt>
                    <dd data-testid="pace">{p} <span class="how">{tx!(i18n, insights_pace_how)}</span></dd>
                })}
                <dt>{tx!(i18n, insights_fillers)}</dt>
                <dd data-testid="fillers">{fillers}</dd>
                {(!top.is_empty()).then(|| view! { <dt>{tx!(i18n, insights_top)}</dt><dd>{top}</dd> })}
            </dl>
        </section>
    }
}
