//! History: every answer, filterable and a page at a time; one answer in full; two side by side;
//! a session's printable report.

use crate::domain::attempt::Attempt;
use crate::domain::bank::title_of;
use crate::domain::content::Category;
use crate::domain::history::{filter, page, HistoryFilter, ScoreBand, PER_PAGE};
use crate::domain::route::Route;
use crate::domain::timer::duration;
use crate::i18n::*;
use crate::ui::dom::from_locale;
use crate::ui::erase::{click, event};
use crate::ui::labels;
use crate::ui::state::{use_bank, use_practice, use_reviews};
use leptos::prelude::*;

/// `YYYY-MM-DD` (local midnight) → ms since the epoch.
fn day_ms(value: &str, next_day: bool) -> Option<u64> {
    if value.len() != 10 {
        return None;
    }
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&format!(
        "{value}T00:00:00"
    )));
    let t = d.get_time();
    if t.is_nan() {
        return None;
    }
    let t = t as u64;
    Some(if next_day { t + 86_400_000 } else { t })
}

/// The question's title in the language shown, else its id.

#[component]
pub fn HistoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let bank = use_bank();
    let practice = use_practice();
    let reviews = use_reviews();
    let f = RwSignal::new(HistoryFilter::default());
    let page_no = RwSignal::new(0usize);
    let entries = Memo::new(move |_| bank.entries(from_locale(i18n.get_locale())));
    let attempts = Memo::new(move |_| practice.all_attempts());
    let found = Memo::new(move |_| {
        let scores = reviews.scores();
        let cats: std::collections::BTreeMap<String, Category> =
            entries.with(|e| e.iter().map(|e| (e.id.clone(), e.category)).collect());
        scores.with(|s| {
            attempts.with(|list| {
                f.with(|f| {
                    filter(list, f, &|q| cats.get(q).copied(), &|id| {
                        s.get(id).and_then(|x| x.percent())
                    })
                    .into_iter()
                    .cloned()
                    .collect::<Vec<Attempt>>()
                })
            })
        })
    });
    let change = move |apply: fn(&mut HistoryFilter, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            f.update(|x| apply(x, v));
            page_no.set(0);
        }
    };
    let questions = move || {
        entries
            .get()
            .into_iter()
            .map(|e| view! { <option value=e.id.clone()>{e.title}</option> })
            .collect_view()
    };
    let categories = move || {
        Category::ALL
            .into_iter()
            .map(|c| view! { <option value=c.slug()>{labels::category(i18n, c)}</option> })
            .collect_view()
    };
    let bands = move || {
        ScoreBand::ALL
            .into_iter()
            .map(|b| {
                let label = match b {
                    ScoreBand::Any => t_string!(i18n, history_score_any),
                    ScoreBand::Unscored => t_string!(i18n, history_score_unscored),
                    ScoreBand::Low => t_string!(i18n, history_score_low),
                    ScoreBand::Mid => t_string!(i18n, history_score_mid),
                    ScoreBand::High => t_string!(i18n, history_score_high),
                };
                view! { <option value=b.slug()>{label}</option> }
            })
            .collect_view()
    };
    let rows = move || {
        let lang = i18n.get_locale();
        let list = found.get();
        let (items, pages) = page(&list, page_no.get(), PER_PAGE);
        let entries = entries.get();
        let body = items
            .iter()
            .map(|a| {
                let score = reviews.percent(&a.id);
                let flags = reviews.scores().with(|s| s.get(&a.id).map(|x| x.flags).unwrap_or(0));
                let kind = if a.is_audio() {
                    t_string!(i18n, history_spoken)
                } else {
                    t_string!(i18n, history_typed)
                };
                view! {
                    <li class="history-row" data-testid="history-row">
                        <a href=Route::Attempt(a.id.clone()).href()>{title_of(&entries, &a.question)}</a>
                        <span class="meta">
                            {labels::date(a.started_ms, lang, true)} " · " {duration(a.duration_ms)} " · " {kind}
                        </span>
                        <span class="score" data-testid="history-score">
                            {match score {
                                Some(p) => format!("{p}%"),
                                None => t_string!(i18n, rubric_unscored).to_string(),
                            }}
                            {(flags > 0).then(|| view! { " " <strong class="flag-count">"⚑ " {flags}</strong> })}
                        </span>
                    </li>
                }
            })
            .collect_view();
        let shown = page_no.get().min(pages - 1) + 1;
        view! {
            <p role="status" data-testid="history-count">{t_string!(i18n, history_count, n = list.len())}</p>
            {list.is_empty().then(|| view! {
                <p class="empty">{tx!(i18n, history_empty)} " "
                    <a href=Route::Questions.href()>{tx!(i18n, nav_questions)}</a></p>
            })}
            <ol class="history-list">{body}</ol>
            {(pages > 1).then(|| view! {
                <nav class="pager" aria-label=txt!(t_string!(i18n, history_pages))>
                    <button type="button" disabled=shown == 1
                        on:click=click(move |_| page_no.update(|p| *p = p.saturating_sub(1)))>
                        {tx!(i18n, history_prev)}
                    </button>
                    <span data-testid="history-page">{t_string!(i18n, history_page_of, n = shown, total = pages)}</span>
                    <button type="button" disabled=shown == pages
                        on:click=click(move |_| page_no.update(|p| *p = (*p + 1).min(pages - 1)))>
                        {tx!(i18n, history_next)}
                    </button>
                </nav>
            })}
        }
    };
    view! {
        <section class="page history" aria-labelledby="history-title">
            <h1 id="history-title" tabindex="-1">{tx!(i18n, history_title)}</h1>
            <p class="actions-row">
                <a class="button" href=Route::Progress.href()>{tx!(i18n, progress_title)}</a>
                <a class="button" href=Route::SelfReviews.href()>{tx!(i18n, selfreview_title)}</a>
            </p>
            <form class="filters history-filters" on:submit=crate::ui::erase::submit(|ev| ev.prevent_default())>
                <label>
                    <span>{tx!(i18n, history_question)}</span>
                    <select data-testid="filter-question" on:change=event(change(|f, v| f.question = (!v.is_empty()).then_some(v)))>
                        <option value="">{tx!(i18n, history_all)}</option>
                        {dview!(questions())}
                    </select>
                </label>
                <label>
                    <span>{tx!(i18n, history_category)}</span>
                    <select on:change=event(change(|f, v| f.category = Category::from_slug(&v)))>
                        <option value="">{tx!(i18n, history_all)}</option>
                        {dview!(categories())}
                    </select>
                </label>
                <label>
                    <span>{tx!(i18n, history_from)}</span>
                    <input type="date" on:change=event(change(|f, v| f.from_ms = day_ms(&v, false))) />
                </label>
                <label>
                    <span>{tx!(i18n, history_to)}</span>
                    <input type="date" on:change=event(change(|f, v| f.until_ms = day_ms(&v, true))) />
                </label>
                <label>
                    <span>{tx!(i18n, history_score)}</span>
                    <select data-testid="filter-score" on:change=event(change(|f, v| f.score = ScoreBand::from_slug(&v)))>
                        {dview!(bands())}
                    </select>
                </label>
            </form>
            {dview!(rows())}
        </section>
    }
}
