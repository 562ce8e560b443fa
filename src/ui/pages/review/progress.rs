//! Progress: each rubric scale's weekly average and the sessions per week, and the spoken answers'
//! pauses per minute and speaking share week by week, drawn as small SVG
//! charts (one per criterion, so each stays readable on a phone), with the same figures as a table.

use crate::domain::history::{weekly, Point, Week};
use crate::domain::route::Route;
use crate::domain::rubric::text;
use crate::i18n::*;
use crate::ui::labels;
use crate::ui::state::{use_practice, use_reviews};
use leptos::prelude::*;
use std::collections::BTreeMap;

const W: f64 = 320.0;
const H: f64 = 110.0;
const PAD_L: f64 = 28.0;
const PAD_B: f64 = 18.0;
const PAD_T: f64 = 8.0;

fn x_of(i: usize, n: usize) -> f64 {
    if n <= 1 {
        PAD_L + (W - PAD_L - 8.0) / 2.0
    } else {
        PAD_L + (W - PAD_L - 8.0) * i as f64 / (n - 1) as f64
    }
}

fn y_of(v: f64, max: f64, min: f64) -> f64 {
    let t = ((v - min) / (max - min)).clamp(0.0, 1.0);
    PAD_T + (H - PAD_T - PAD_B) * (1.0 - t)
}

fn n(v: f64) -> String {
    (v.round() as i64).to_string()
}

/// One small chart: a line (or bars) over the weeks. `shown` formats a value for its label: the
/// latest point shows its value (a single week's point is then never a bare dot).
#[component]
fn Chart(
    title: String,
    values: Vec<Option<f64>>,
    min: f64,
    max: f64,
    weeks: Vec<String>,
    bars: bool,
    summary: String,
    shown: fn(f64) -> String,
) -> impl IntoView {
    let count = values.len();
    let mut marks = Vec::new();
    let mut path = String::new();
    let latest = values.iter().rposition(Option::is_some);
    for (i, v) in values.iter().enumerate() {
        let Some(v) = *v else { continue };
        let (x, y) = (x_of(i, count), y_of(v, max, min));
        if Some(i) == latest {
            // Above the mark, or below it when the mark is at the top.
            let ty = if y < PAD_T + 12.0 { y + 14.0 } else { y - 6.0 };
            marks.push(
                view! { <text x=n(x) y=n(ty) class="value" data-testid="chart-value">{shown(v)}</text> }
                    .into_any(),
            );
        }
        if bars {
            let w = ((W - PAD_L - 8.0) / count.max(1) as f64 * 0.6).clamp(3.0, 24.0);
            marks.push(
                view! {
                    <rect x=n(x - w / 2.0) y=n(y) width=n(w) height=n(H - PAD_B - y) class="bar" />
                }
                .into_any(),
            );
        } else {
            path.push_str(&format!(
                "{}{},{} ",
                if path.is_empty() { "M" } else { "L" },
                n(x),
                n(y)
            ));
            marks.push(view! { <circle cx=n(x) cy=n(y) r="3.5" class="dot" /> }.into_any());
        }
    }
    // One week: one date, under its point, not the same date at both ends.
    let dates = match weeks.as_slice() {
        [] => ().into_any(),
        [one] => view! {
            <text x=n(x_of(0, 1)) y=n(H - 3.0) class="tick mid">{one.clone()}</text>
        }
        .into_any(),
        [first, .., last] => view! {
            <text x=n(PAD_L) y=n(H - 3.0) class="tick">{first.clone()}</text>
            <text x=n(W - 4.0) y=n(H - 3.0) class="tick end">{last.clone()}</text>
        }
        .into_any(),
    };
    let top = if max >= 100.0 {
        "100".to_string()
    } else {
        n(max)
    };
    view! {
        <figure class="chart">
            <figcaption>{title}</figcaption>
            <svg viewBox="0 0 320 110" role="img" aria-label=summary preserveAspectRatio="xMidYMid meet">
                <line x1=n(PAD_L) y1=n(H - PAD_B) x2=n(W - 4.0) y2=n(H - PAD_B) class="axis" />
                <line x1=n(PAD_L) y1=n(PAD_T) x2=n(W - 4.0) y2=n(PAD_T) class="grid" />
                <text x="2" y=n(PAD_T + 4.0) class="tick">{top}</text>
                <text x="2" y=n(H - PAD_B) class="tick">{n(min)}</text>
                {dates}
                {(!path.is_empty()).then(|| view! { <path d=path class="line" /> })}
                {marks}
            </svg>
        </figure>
    }
}

fn short_date(ms: u64, lang: crate::domain::locale::Lang) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"month".into(), &"numeric".into());
    let _ = js_sys::Reflect::set(&opts, &"day".into(), &"numeric".into());
    String::from(d.to_locale_date_string(lang.tag(), &opts))
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    let i18n = use_i18n();
    let practice = use_practice();
    let reviews = use_reviews();
    let body = move || {
        let lang = i18n.get_locale();
        let rubric = reviews.current();
        let mut series: Vec<(String, String)> = rubric
            .scales()
            .map(|(key, item)| (key, text(&item.label, lang).to_string()))
            .collect();
        series.insert(
            0,
            ("score".into(), t_string!(i18n, progress_score).to_string()),
        );
        let keys: Vec<String> = series.iter().map(|(k, _)| k.clone()).collect();
        let attempts = practice.all_attempts();
        let started: BTreeMap<&str, u64> = attempts
            .iter()
            .map(|a| (a.id.as_str(), a.started_ms))
            .collect();
        let all = reviews.all();
        let scores = reviews.scores();
        let values: Vec<(u64, BTreeMap<String, f64>)> = all
            .iter()
            .filter_map(|r| {
                let at = *started.get(r.attempt.as_str())?;
                let mut v: BTreeMap<String, f64> = r
                    .marks
                    .iter()
                    .filter(|(k, m)| keys.contains(k) && (1..=5).contains(*m))
                    .map(|(k, m)| (k.clone(), f64::from(*m)))
                    .collect();
                if let Some(p) = scores.with(|s| s.get(&r.attempt).and_then(|x| x.percent())) {
                    v.insert("score".into(), f64::from(p));
                }
                Some((at, v))
            })
            .collect();
        let points: Vec<Point> = values
            .iter()
            .map(|(at, v)| Point {
                at_ms: *at,
                values: v,
            })
            .collect();
        let sessions: Vec<u64> = practice
            .all_sessions()
            .iter()
            .map(|s| s.started_ms)
            .collect();
        let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
        let weeks: Vec<Week> = weekly(&sessions, &points, &keys, offset, 12);
        if weeks.is_empty() {
            return view! {
                <p class="empty" data-testid="progress-empty">{tx!(i18n, progress_empty)} " "
                    <a href=Route::Questions.href()>{tx!(i18n, nav_questions)}</a></p>
            }
            .into_any();
        }
        let labels_w: Vec<String> = weeks.iter().map(|w| short_date(w.start_ms, lang)).collect();
        let charts = series
            .iter()
            .enumerate()
            .map(|(i, (key, label))| {
                let vals: Vec<Option<f64>> = weeks.iter().map(|w| w.averages[i]).collect();
                let (min, max) = if key == "score" { (0.0, 100.0) } else { (1.0, 5.0) };
                let known: Vec<f64> = vals.iter().flatten().copied().collect();
                let summary = match (known.first(), known.last()) {
                    (Some(a), Some(b)) => t_string!(i18n, progress_summary, name = label, from = labels::tenths(*a), to = labels::tenths(*b), weeks = weeks.len()),
                    _ => t_string!(i18n, progress_no_data, name = label),
                };
                let shown: fn(f64) -> String = if key == "score" { |v| format!("{}%", n(v)) } else { labels::tenths };
                view! { <Chart title=label.clone() values=vals min=min max=max weeks=labels_w.clone() bars=false summary=summary shown=shown /> }
            })
            .collect_view();
        let counts: Vec<Option<f64>> = weeks.iter().map(|w| Some(f64::from(w.sessions))).collect();
        let most = weeks.iter().map(|w| w.sessions).max().unwrap_or(1).max(1);
        let sessions_title = t_string!(i18n, progress_sessions).to_string();
        let sessions_summary = t_string!(
            i18n,
            progress_sessions_summary,
            n = sessions.len(),
            weeks = weeks.len()
        );
        let head = series
            .iter()
            .map(|(_, l)| view! { <th scope="col">{l.clone()}</th> })
            .collect_view();
        let rows = weeks
            .iter()
            .zip(&labels_w)
            .map(|(w, label)| {
                let cells = w
                    .averages
                    .iter()
                    .map(|a| view! { <td>{a.map(labels::tenths).unwrap_or_else(|| "–".into())}</td> })
                    .collect_view();
                view! {
                    <tr><th scope="row">{label.clone()}</th><td>{w.sessions}</td>{cells}</tr>
                }
            })
            .collect_view();
        // Delivery over time: from the spoken answers whose recording has been read.
        let delivered: Vec<(u64, BTreeMap<String, f64>)> = attempts
            .iter()
            .filter_map(|a| {
                let d = a.delivery()?;
                (d.total_ms > 0).then(|| {
                    let mut v = BTreeMap::new();
                    v.insert("pauses".to_string(), d.pauses_per_minute());
                    v.insert("speaking".to_string(), d.speaking_share() * 100.0);
                    (a.started_ms, v)
                })
            })
            .collect();
        let delivery_keys = ["pauses".to_string(), "speaking".to_string()];
        let delivery_points: Vec<Point> = delivered
            .iter()
            .map(|(at, v)| Point {
                at_ms: *at,
                values: v,
            })
            .collect();
        let delivery_weeks = weekly(&sessions, &delivery_points, &delivery_keys, offset, 12);
        let delivery_charts = (!delivered.is_empty()).then(|| {
            let labels_d: Vec<String> = delivery_weeks.iter().map(|w| short_date(w.start_ms, lang)).collect();
            let series = |i: usize| -> Vec<Option<f64>> { delivery_weeks.iter().map(|w| w.averages[i]).collect() };
            let (pauses, speaking) = (series(0), series(1));
            let top = pauses.iter().flatten().fold(1.0f64, |m, v| m.max(v.ceil()));
            let summary = |label: &str, vals: &[Option<f64>]| {
                let known: Vec<f64> = vals.iter().flatten().copied().collect();
                match (known.first(), known.last()) {
                    (Some(a), Some(b)) => t_string!(i18n, progress_summary, name = label, from = labels::tenths(*a), to = labels::tenths(*b), weeks = delivery_weeks.len()),
                    _ => t_string!(i18n, progress_no_data, name = label),
                }
            };
            let pauses_title = t_string!(i18n, progress_pauses).to_string();
            let speaking_title = t_string!(i18n, progress_speaking).to_string();
            let (ps, ss) = (summary(&pauses_title, &pauses), summary(&speaking_title, &speaking));
            view! {
                <h2>{tx!(i18n, progress_delivery_title)}</h2>
                <p class="help">{txt!(t_string!(i18n, progress_delivery_body, n = delivered.len()))}</p>
                <div class="charts" data-testid="delivery-charts">
                    <Chart title=pauses_title values=pauses min=0.0 max=top weeks=labels_d.clone() bars=false summary=ps shown=labels::tenths />
                    <Chart title=speaking_title values=speaking min=0.0 max=100.0 weeks=labels_d bars=false summary=ss shown=|v| format!("{}%", n(v)) />
                </div>
            }
        });
        view! {
            <div class="charts" data-testid="charts">
                <Chart title=sessions_title values=counts min=0.0 max=f64::from(most) weeks=labels_w.clone() bars=true summary=sessions_summary shown=n />
                {charts}
            </div>
            {delivery_charts}
            <super::read_all::ReadRecordings />
            <details class="chart-table">
                <summary>{tx!(i18n, progress_table)}</summary>
                <div class="table-scroll" tabindex="0">
                    <table data-testid="progress-table">
                        <caption>{tx!(i18n, progress_table_caption)}</caption>
                        <thead><tr><th scope="col">{tx!(i18n, progress_week)}</th><th scope="col">{tx!(i18n, progress_sessions)}</th>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        }
        .into_any()
    };
    view! {
        <section class="page progress" aria-labelledby="progress-title">
            <h1 id="progress-title" tabindex="-1">{tx!(i18n, progress_title)}</h1>
            <p class="lead">{tx!(i18n, progress_intro)}</p>
            <p class="actions-row">
                <a class="button" href=Route::History.href()>{tx!(i18n, history_title)}</a>
                <a class="button" href=Route::SelfReviews.href()>{tx!(i18n, selfreview_title)}</a>
            </p>
            {dview!(body())}
        </section>
    }
}
