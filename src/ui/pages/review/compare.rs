//! Two attempts of the same question side by side: scores, every rubric item, coverage, and the
//! delivery figures read from each recording (and the pace of transcribed ones).

use crate::domain::coverage::{coverage, touched};
use crate::domain::route::Route;
use crate::domain::rubric::{mark_key, text, Kind};
use crate::domain::timer::duration;
use crate::i18n::*;
use crate::ui::dom::from_locale;
use crate::ui::labels;
use crate::ui::state::{use_bank, use_practice, use_reviews};
use leptos::prelude::*;

#[component]
pub fn ComparePage(a: String, b: String) -> impl IntoView {
    let i18n = use_i18n();
    let practice = use_practice();
    let reviews = use_reviews();
    let bank = use_bank();
    let ids = StoredValue::new([a, b]);
    let body = move || {
        let lang = i18n.get_locale();
        let all = practice.all_attempts();
        let found: Vec<_> = ids
            .read_value()
            .iter()
            .filter_map(|id| all.iter().find(|x| &x.id == id).cloned())
            .collect();
        let [x, y] = found.as_slice() else {
            return view! {
                <h1 id="compare-title" tabindex="-1">{tx!(i18n, attempt_missing)}</h1>
                <p><a href=Route::History.href()>{tx!(i18n, history_title)}</a></p>
            }
            .into_any();
        };
        let title = bank.title(&x.question, from_locale(lang));
        let rx = reviews.review(&x.id);
        let ry = reviews.review(&y.id);
        // The rows follow the newer review's rubric (or the current one).
        let rubric = match (&rx, &ry) {
            (_, Some(r)) | (Some(r), None) => reviews.rubric(r.rubric),
            (None, None) => reviews.current(),
        };
        let cell = |r: &Option<crate::domain::review::Review>, key: &str, kind: Kind| -> String {
            let m = r.as_ref().and_then(|r| r.marks.get(key).copied());
            match (kind, m) {
                (Kind::Scale, Some(n)) => n.to_string(),
                (Kind::Check, Some(_)) => "✓".into(),
                (Kind::Flag, Some(_)) => "⚑".into(),
                _ => "–".into(),
            }
        };
        let score = |id: &str| match reviews.percent(id) {
            Some(p) => format!("{p}%"),
            None => t_string!(i18n, rubric_unscored).to_string(),
        };
        let mut rows = Vec::new();
        for s in &rubric.sections {
            rows.push(view! {
                <tr class="group"><th scope="colgroup" colspan="3">{text(&s.title, lang).to_string()}</th></tr>
            }.into_any());
            for item in &s.items {
                let key = mark_key(&s.id, &item.id);
                rows.push(
                    view! {
                        <tr>
                            <th scope="row">{text(&item.label, lang).to_string()}</th>
                            <td>{cell(&rx, &key, s.kind)}</td>
                            <td>{cell(&ry, &key, s.kind)}</td>
                        </tr>
                    }
                    .into_any(),
                );
            }
        }
        let overall = |r: &Option<crate::domain::review::Review>| {
            r.as_ref()
                .and_then(|r| r.overall)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "–".into())
        };
        let points = bank.talking_points(&x.question);
        // The typed text, else the transcript.
        let words = |a: &crate::domain::attempt::Attempt| {
            a.words().map(|(t, _)| t.to_string()).unwrap_or_default()
        };
        let cx = coverage(&words(x), &points);
        let cy = coverage(&words(y), &points);
        let delivery_rows = delivery_rows(i18n, x, y);
        let count = |c: &[crate::domain::coverage::Touch]| {
            let (n, t) = touched(c);
            format!("{n} / {t}")
        };
        let point_rows = points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mark = |c: &[crate::domain::coverage::Touch]| {
                    if c.get(i).is_some_and(|t| t.matched.is_some()) {
                        "✓"
                    } else {
                        "–"
                    }
                };
                view! {
                    <tr>
                        <th scope="row">{text(&p.label, lang).to_string()}</th>
                        <td>{mark(&cx)}</td>
                        <td>{mark(&cy)}</td>
                    </tr>
                }
            })
            .collect_view();
        let head = |a: &crate::domain::attempt::Attempt| {
            view! {
                <th scope="col">
                    <a href=Route::Attempt(a.id.clone()).href()>{labels::date(a.started_ms, lang, true)}</a>
                    <br />{duration(a.duration_ms)}
                </th>
            }
        };
        view! {
            <h1 id="compare-title" tabindex="-1">{title}</h1>
            <div class="table-scroll" tabindex="0">
                <table class="compare" data-testid="compare">
                    <caption>{tx!(i18n, compare_title)}</caption>
                    <thead>
                        <tr><td></td>{head(x)}{head(y)}</tr>
                    </thead>
                    <tbody>
                        <tr class="total">
                            <th scope="row">{tx!(i18n, compare_score)}</th>
                            <td data-testid="compare-score">{score(&x.id)}</td>
                            <td data-testid="compare-score">{score(&y.id)}</td>
                        </tr>
                        <tr>
                            <th scope="row">{tx!(i18n, rubric_overall)}</th>
                            <td>{overall(&rx)}</td>
                            <td>{overall(&ry)}</td>
                        </tr>
                        {rows}
                        <tr class="group"><th scope="colgroup" colspan="3">{tx!(i18n, coverage_title)}</th></tr>
                        <tr>
                            <th scope="row">{tx!(i18n, compare_touched)}</th>
                            <td>{count(&cx)}</td>
                            <td>{count(&cy)}</td>
                        </tr>
                        {point_rows}
                        {delivery_rows}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! { <section class="page compare-page" aria-labelledby="compare-title">{dview!(body())}</section> }
}

/// The delivery rows: each figure of both attempts ("–" where a recording has not been read, or
/// for a typed answer).
fn delivery_rows(
    i18n: I18nContext,
    x: &crate::domain::attempt::Attempt,
    y: &crate::domain::attempt::Attempt,
) -> impl IntoView {
    use crate::domain::delivery::Delivery;
    use crate::ui::components::delivery::{
        first_word, pace, pause_seconds, pauses, segments, speaking, volume,
    };
    let (dx, dy) = (x.delivery(), y.delivery());
    if dx.is_none() && dy.is_none() {
        return None;
    }
    let pace_of = |a: &crate::domain::attempt::Attempt, d: &Option<Delivery>| -> String {
        let (Some((text, true)), Some(d)) = (a.words(), d) else {
            return "–".into();
        };
        pace(
            i18n,
            &crate::domain::insights::insights(text, d.speaking_ms),
        )
        .unwrap_or_else(|| "–".into())
    };
    let figure = |d: &Option<Delivery>, f: &dyn Fn(&Delivery) -> String| {
        d.as_ref().map(f).unwrap_or_else(|| "–".into())
    };
    let first = |d: &Delivery| first_word(i18n, d);
    let pause_s = pause_seconds();
    let rows: Vec<(String, String, String)> = vec![
        (
            t_string!(i18n, delivery_speaking).to_string(),
            figure(&dx, &|d| speaking(i18n, d)),
            figure(&dy, &|d| speaking(i18n, d)),
        ),
        (
            t_string!(i18n, delivery_first_word).to_string(),
            figure(&dx, &first),
            figure(&dy, &first),
        ),
        (
            t_string!(i18n, delivery_pauses, n = pause_s).to_string(),
            figure(&dx, &|d| pauses(i18n, d)),
            figure(&dy, &|d| pauses(i18n, d)),
        ),
        (
            t_string!(i18n, delivery_segments).to_string(),
            figure(&dx, &segments),
            figure(&dy, &segments),
        ),
        (
            t_string!(i18n, delivery_volume).to_string(),
            figure(&dx, &|d| volume(i18n, d)),
            figure(&dy, &|d| volume(i18n, d)),
        ),
        (
            t_string!(i18n, insights_pace).to_string(),
            pace_of(x, &dx),
            pace_of(y, &dy),
        ),
    ];
    Some(view! {
        <tr class="group"><th scope="colgroup" colspan="3">{tx!(i18n, delivery_title)}</th></tr>
        {rows
            .into_iter()
            .map(|(name, a, b)| view! {
                <tr data-testid="compare-delivery">
                    <th scope="row">{name}</th>
                    <td>{a}</td>
                    <td>{b}</td>
                </tr>
            })
            .collect_view()}
    })
}
