//! Every candidate side by side, sortable by any criterion, the recommendation or the red flags.
//! A table on a laptop; stacked cards on a phone (CSS). Scores follow the blind rule.

use super::labels::{recommendation_label, status_label};
use crate::domain::interview::{rows, sort_rows, Recommendation, SortBy};
use crate::domain::route::Route;
use crate::domain::rubric::text;
use crate::i18n::*;
use crate::ui::erase::click;
use crate::ui::labels::tenths;
use crate::ui::state::{use_interviews, use_prefs, use_reviews};
use leptos::prelude::*;

fn rec_of(v: f64) -> Recommendation {
    match v.round() as i64 {
        i64::MIN..=1 => Recommendation::StrongNo,
        2 => Recommendation::No,
        3 => Recommendation::Mixed,
        4 => Recommendation::Yes,
        _ => Recommendation::StrongYes,
    }
}

#[component]
pub fn CandidatesPage() -> impl IntoView {
    let i18n = use_i18n();
    let iv = use_interviews();
    let prefs = use_prefs();
    let reviews = use_reviews();
    let sort = RwSignal::new(SortBy::Recommendation);
    let table = move || {
        let lang = i18n.get_locale();
        let me = prefs.interviewer().map(|i| i.id).unwrap_or_default();
        let mut list = rows(&iv.candidates(), &iv.cards(), &me);
        let by = sort.get();
        sort_rows(&mut list, &by);
        let rubric = reviews.current();
        let scales: Vec<(String, String)> = rubric
            .scales()
            .map(|(k, i)| (k, text(&i.label, lang).to_string()))
            .collect();
        if list.is_empty() {
            return view! {
                <p class="empty">{tx!(i18n, candidates_empty)} " " <a href=Route::Interviewer.href()>{tx!(i18n, interviewer_title)}</a></p>
            }
            .into_any();
        }
        let slug = |k: &SortBy| match k {
            SortBy::Name => "name".to_string(),
            SortBy::Rating(k) => k.clone(),
            SortBy::Recommendation => "recommendation".into(),
            SortBy::Flags => "flags".into(),
        };
        let header = |label: String, key: SortBy| {
            let active = by == key;
            let k = key.clone();
            view! {
                <th scope="col" aria-sort=if active { "descending" } else { "none" }>
                    <button type="button" class="sort" data-sort=slug(&key)
                        on:click=click(move |_| sort.set(k.clone()))>
                        {label} {active.then_some("\u{a0}▼")}
                    </button>
                </th>
            }
        };
        let mut heads = vec![
            header(t_string!(i18n, candidate_name).to_string(), SortBy::Name).into_any(),
            header(
                t_string!(i18n, card_recommendation).to_string(),
                SortBy::Recommendation,
            )
            .into_any(),
            header(t_string!(i18n, compare_flags).to_string(), SortBy::Flags).into_any(),
        ];
        for (k, label) in &scales {
            heads.push(header(label.clone(), SortBy::Rating(k.clone())).into_any());
        }
        let body = list
            .into_iter()
            .map(|r| {
                let rec = r.recommendation.map(|v| recommendation_label(i18n, rec_of(v))).unwrap_or_else(|| "–".into());
                // "1 (⚑ 1)": the flags recorded, then how many were critical (explained under the table).
                let critical = (r.critical > 0).then(|| {
                    view! {
                        " (" <span aria-hidden="true">"⚑ "</span>
                        <span class="visually-hidden">{tx!(i18n, severity_critical)} ": "</span>
                        {r.critical} ")"
                    }
                });
                // One element, so that the phone's card layout keeps it together.
                let flags = view! { <span>{r.flags} {critical}</span> };
                let cells = scales
                    .iter()
                    .map(|(k, label)| {
                        let v = r.ratings.get(k).map(|v| tenths(*v)).unwrap_or_else(|| "–".into());
                        view! { <td data-label=label.clone()>{v}</td> }
                    })
                    .collect_view();
                let status = status_label(i18n, r.candidate.status);
                view! {
                    <tr data-testid="compare-row">
                        <th scope="row" data-label=t_string!(i18n, candidate_name)>
                            <a href=Route::Candidate(r.candidate.id.clone()).href()>{r.candidate.name.clone()}</a>
                            <span class="meta">" " {status} " · " {txt!(t_string!(i18n, candidate_scorecards, n = r.cards))}</span>
                        </th>
                        <td data-label=t_string!(i18n, card_recommendation)>{rec}</td>
                        <td data-label=t_string!(i18n, compare_flags)>{flags}</td>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        let mut choices = vec![
            (
                SortBy::Recommendation,
                t_string!(i18n, card_recommendation).to_string(),
            ),
            (SortBy::Flags, t_string!(i18n, compare_flags).to_string()),
            (SortBy::Name, t_string!(i18n, candidate_name).to_string()),
        ];
        choices.extend(
            scales
                .iter()
                .map(|(k, l)| (SortBy::Rating(k.clone()), l.clone())),
        );
        let options = choices
            .iter()
            .map(|(k, l)| view! { <option value=slug(k) selected=*k == by>{l.clone()}</option> })
            .collect_view();
        let pick = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            sort.set(match v.as_str() {
                "name" => SortBy::Name,
                "recommendation" => SortBy::Recommendation,
                "flags" => SortBy::Flags,
                k => SortBy::Rating(k.to_string()),
            });
        };
        view! {
            <label class="sort-by no-print">
                <span>{tx!(i18n, compare_sort_by)}</span>
                <select data-testid="sort-by" on:change=crate::ui::erase::event(pick)>{options}</select>
            </label>
            <div class="table-scroll" tabindex="0">
                <table class="candidates-table" data-testid="candidates-table" aria-describedby="compare-legend">
                    <caption>{tx!(i18n, compare_candidates_caption)}</caption>
                    <thead><tr>{heads}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <p class="table-legend" id="compare-legend" data-testid="compare-legend">{tx!(i18n, compare_flags_legend)}</p>
        }
        .into_any()
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="page compare-candidates report" aria-labelledby="cc-title">
            <h1 id="cc-title" tabindex="-1">{tx!(i18n, compare_candidates_title)}</h1>
            <p class="lead">{tx!(i18n, compare_candidates_intro)}</p>
            {dview!(table())}
            <p class="actions-row no-print"><button type="button" on:click=click(print)>{tx!(i18n, report_print)}</button></p>
        </section>
    }
}
