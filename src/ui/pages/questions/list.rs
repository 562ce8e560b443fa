use crate::domain::bank::Entry;
use crate::domain::content::Category;
use crate::domain::filter::{apply, Filter};
use crate::domain::route::Route;
use crate::i18n::*;
use crate::ui::components::QuestionCard;
use crate::ui::dom::{focus_id, from_locale};
use crate::ui::erase::{click, event};
use crate::ui::labels;
use crate::ui::state::queries::{draw_from, progress};
use crate::ui::state::{use_bank, use_practice, use_reviews, LoadState};
use leptos::prelude::*;

/// The question bank: search, filters, browse by category, and a weighted random pick.
#[component]
pub fn QuestionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let bank = use_bank();
    let practice = use_practice();
    let reviews = use_reviews();
    let filter = RwSignal::new(Filter::default());
    let query = Signal::derive(move || filter.with(|f| f.query.clone()));
    let random_id = RwSignal::new(None::<String>);

    let all = Memo::new(move |_| bank.entries(from_locale(i18n.get_locale())));
    let visible = Memo::new(move |_| {
        let library = bank.library();
        let progress = progress(practice, reviews);
        all.with(|entries| {
            filter.with(|f| {
                apply(entries, f, &library, &progress)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<Entry>>()
            })
        })
    });

    let draw = move |_| {
        let ids: Vec<String> = visible.with(|v| v.iter().map(|e| e.id.clone()).collect());
        let picked = draw_from(&ids, practice, reviews, 1);
        random_id.set(picked.into_iter().next());
        focus_id("random-title");
    };
    let random_entry = move || {
        let id = random_id.get()?;
        all.with(|a| a.iter().find(|e| e.id == id).cloned())
    };

    let set_query = move |ev| filter.update(|f| f.query = event_target_value(&ev));
    let set_category =
        move |ev| filter.update(|f| f.category = Category::from_slug(&event_target_value(&ev)));
    let set_difficulty =
        move |ev| filter.update(|f| f.difficulty = event_target_value(&ev).parse().ok());
    let checkbox = move |apply: fn(&mut Filter, bool)| {
        move |ev: leptos::ev::Event| {
            let checked = event_target_checked(&ev);
            filter.update(|f| apply(f, checked));
        }
    };

    let groups = move || {
        let list = visible.get();
        Category::ALL
            .into_iter()
            .filter_map(|c| {
                let items: Vec<Entry> = list.iter().filter(|e| e.category == c).cloned().collect();
                (!items.is_empty()).then(|| {
                    let count = items.len();
                    let heading_id = format!("cat-{}", c.slug());
                    let labelled_by = heading_id.clone();
                    view! {
                        <section class="category" aria-labelledby=labelled_by>
                            <h2 id=heading_id>
                                {txt!(labels::category(i18n, c))}
                                " "
                                <span class="count">"(" {count} ")"</span>
                            </h2>
                            <For
                                each=move || items.clone()
                                key=|e| (e.id.clone(), e.title.clone())
                                let:entry
                            >
                                <QuestionCard entry=entry query=query />
                            </For>
                        </section>
                    }
                })
            })
            .collect_view()
    };

    view! {
        <section class="page questions" aria-labelledby="questions-title">
            <h1 id="questions-title" tabindex="-1">{tx!(i18n, questions_title)}</h1>
            <p class="lead">{tx!(i18n, questions_intro)}</p>
            <div class="toolbar" role="search">
                <div class="field grow">
                    <label for="q-search">{tx!(i18n, questions_search)}</label>
                    <input
                        id="q-search"
                        type="search"
                        autocomplete="off"
                        prop:value=query
                        on:input=event(set_query)
                    />
                </div>
                <div class="field">
                    <label for="q-category">{tx!(i18n, field_category)}</label>
                    <select id="q-category" on:change=event(set_category)>
                        <option value="">{tx!(i18n, filter_all_categories)}</option>
                        {Category::ALL
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <option value=c.slug()>{txt!(labels::category(i18n, c))}</option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="q-difficulty">{tx!(i18n, field_difficulty)}</label>
                    <select id="q-difficulty" on:change=event(set_difficulty)>
                        <option value="">{tx!(i18n, filter_any_difficulty)}</option>
                        {[1u8, 2, 3]
                            .into_iter()
                            .map(|d| {
                                view! {
                                    <option value=d.to_string()>
                                        {txt!(labels::difficulty(i18n, d))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <fieldset class="checks">
                    <legend class="visually-hidden">{tx!(i18n, filter_show_only)}</legend>
                    <label>
                        <input type="checkbox" on:change=event(checkbox(|f, on| f.not_practised = on)) />
                        {tx!(i18n, filter_not_practised)}
                    </label>
                    <label>
                        <input type="checkbox" on:change=event(checkbox(|f, on| f.needs_work = on)) />
                        {tx!(i18n, filter_needs_work)}
                    </label>
                    <label>
                        <input type="checkbox" on:change=event(checkbox(|f, on| f.starred = on)) />
                        {tx!(i18n, filter_starred)}
                    </label>
                    <label>
                        <input type="checkbox" on:change=event(checkbox(|f, on| f.show_hidden = on)) />
                        {tx!(i18n, filter_show_hidden)}
                    </label>
                </fieldset>
            </div>
            <div class="actions-row">
                <button type="button" class="primary" on:click=click(draw)>
                    {tx!(i18n, questions_random)}
                </button>
                <a class="button" href=Route::NewQuestion.href()>{tx!(i18n, questions_new)}</a>
            </div>
            {dview!({
                random_entry()
                    .map(|entry| {
                        view! {
                            <section class="random-pick" aria-labelledby="random-title">
                                <h2 id="random-title" tabindex="-1">{tx!(i18n, questions_random_pick)}</h2>
                                <QuestionCard entry=entry query=query />
                            </section>
                        }
                    })
            })}
            <p class="result-count" role="status" aria-live="polite">
                {txt!({
                    let n = visible.with(Vec::len);
                    t_string!(i18n, questions_count, n = n).to_string()
                })}
            </p>
            {dview!(match bank.state() {
                LoadState::Loading => {
                    view! { <p class="loading">{tx!(i18n, questions_loading)}</p> }.into_any()
                }
                LoadState::Failed(_) => {
                    view! {
                        <div class="notice" role="alert">
                            <p>{tx!(i18n, questions_load_failed)}</p>
                            <button type="button" on:click=click(move |_| bank.load())>
                                {tx!(i18n, retry)}
                            </button>
                        </div>
                    }
                        .into_any()
                }
                LoadState::Ready(_) => {
                    let empty = visible.with(Vec::is_empty);
                    if empty {
                        let needs_work = filter.with(|f| f.needs_work);
                        view! {
                            <p class="empty">
                                {if needs_work {
                                    t_string!(i18n, questions_none_need_work).to_string()
                                } else {
                                    t_string!(i18n, questions_none).to_string()
                                }}
                            </p>
                        }
                            .into_any()
                    } else {
                        groups().into_any()
                    }
                }
            })}
        </section>
    }
}
