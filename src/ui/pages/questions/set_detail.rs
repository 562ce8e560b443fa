use super::sets::{builtin_description, builtin_name, set_seconds};
use crate::domain::bank::title_of;
use crate::domain::bank::Entry;
use crate::domain::route::{Route, Start};
use crate::domain::sets::{clean_name, move_item, BuiltinSet, PracticeSet, MAX_SET_QUESTIONS};
use crate::i18n::*;
use crate::ui::components::TextField;
use crate::ui::dom::{focus_now, from_locale};
use crate::ui::erase::{click, drag, event, submit};
use crate::ui::labels;
use crate::ui::router::go;
use crate::ui::state::queries::draw;
use crate::ui::state::{use_bank, use_practice, use_reviews};
use leptos::prelude::*;

/// Keeps the keyboard on a moved question: its button for the same direction, or the other one
/// when it reached an end. Runs after the list has re-rendered (render effects run before timers).
fn focus_move_button(index: usize, down: bool) {
    set_timeout(
        move || {
            let find = |dir: &str| {
                format!(
                    ".set-item:nth-child({}) button[data-move={dir}]:not([disabled])",
                    index + 1
                )
            };
            let (first, second) = if down { ("down", "up") } else { ("up", "down") };
            if !focus_now(&find(first)) {
                focus_now(&find(second));
            }
        },
        std::time::Duration::ZERO,
    );
}

/// One practice set: a built-in one to read, or one of the user's to rename, reorder and edit.
#[component]
pub fn SetPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let bank = use_bank();
    let entries = Memo::new(move |_| bank.entries(from_locale(i18n.get_locale())));
    if let Some(builtin) = BuiltinSet::from_id(&id) {
        return view! { <BuiltinSetView set=builtin entries=entries /> }.into_any();
    }
    match bank.set(&id) {
        Some(_) => view! { <CustomSetView id=id entries=entries /> }.into_any(),
        None => view! {
            <section class="page" aria-labelledby="set-title">
                <h1 id="set-title" tabindex="-1">{tx!(i18n, set_missing)}</h1>
                <p>
                    <a class="button" href=Route::Sets.href()>{tx!(i18n, set_back)}</a>
                </p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn BuiltinSetView(set: BuiltinSet, entries: Memo<Vec<Entry>>) -> impl IntoView {
    let i18n = use_i18n();
    let (bank, practice, reviews) = (use_bank(), use_practice(), use_reviews());
    let fixed: Vec<String> = set.question_ids().iter().map(|s| s.to_string()).collect();
    let drawn = RwSignal::new(Vec::<String>::new());
    let pick = move |_| drawn.set(draw(bank, practice, reviews, 3));
    let ids = move || {
        if set == BuiltinSet::Quick3 {
            drawn.get()
        } else {
            fixed.clone()
        }
    };
    let ids_for_total = ids.clone();
    view! {
        <section class="page set" aria-labelledby="set-title">
            <p><a href=Route::Sets.href()>{tx!(i18n, set_back)}</a></p>
            <h1 id="set-title" tabindex="-1">{txt!(builtin_name(i18n, set))}</h1>
            <p class="lead">{txt!(builtin_description(i18n, set))}</p>
            <p>
                <a class="button primary" href=Route::Practice(Start::Set(set.id().into())).href()>
                    {tx!(i18n, practice_this_set)}
                </a>
            </p>
            {(set == BuiltinSet::Quick3)
                .then(|| {
                    view! {
                        <button type="button" class="primary" on:click=click(pick)>
                            {tx!(i18n, set_draw)}
                        </button>
                    }
                })}
            <p class="meta" role="status">
                {txt!({
                    let list = ids_for_total();
                    let secs = entries.with(|e| set_seconds(e, &list));
                    t_string!(i18n, set_summary, n = list.len(), minutes = labels::minutes(i18n, secs))
                        .to_string()
                })}
            </p>
            <ol class="set-items" data-testid="set-items">
                {dview!({
                    ids()
                        .into_iter()
                        .map(|id| view! { <li>{entries.with(|e| title_of(e, &id))}</li> })
                        .collect_view()
                })}
            </ol>
        </section>
    }
}

#[component]
fn CustomSetView(id: String, entries: Memo<Vec<Entry>>) -> impl IntoView {
    let i18n = use_i18n();
    let bank = use_bank();
    let set_id = id.clone();
    let practise_href = Route::Practice(Start::Set(id.clone())).href();
    let current = Memo::new(move |_| bank.set(&set_id));
    let name = RwSignal::new(current.get_untracked().map(|s| s.name).unwrap_or_default());
    let name_error = RwSignal::new(None::<String>);
    let announce = RwSignal::new(String::new());
    let to_add = RwSignal::new(String::new());
    let dragging = RwSignal::new(None::<usize>);

    let update = move |change: &dyn Fn(&mut PracticeSet)| -> bool {
        match current.get_untracked() {
            Some(mut set) => {
                change(&mut set);
                bank.save_set(set)
            }
            None => false,
        }
    };

    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match clean_name(&name.get_untracked()) {
            Ok(clean) => {
                if update(&|s| s.name = clean.clone()) {
                    name_error.set(None);
                    announce.set(t_string!(i18n, set_renamed).to_string());
                }
            }
            Err(e) => name_error.set(Some(labels::set_name_error(i18n, &e))),
        }
    };

    let move_to = move |from: usize, to: usize| {
        let title = current
            .get_untracked()
            .and_then(|s| s.question_ids.get(from).cloned())
            .map(|id| entries.with_untracked(|e| title_of(e, &id)))
            .unwrap_or_default();
        if update(&|s| move_item(&mut s.question_ids, from, to)) {
            announce.set(
                t_string!(i18n, set_moved, title = title.clone(), position = to + 1).to_string(),
            );
            focus_move_button(to, to > from);
        }
    };

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = to_add.get_untracked();
        if id.is_empty() {
            return;
        }
        if update(&|s| {
            if s.question_ids.len() < MAX_SET_QUESTIONS && !s.question_ids.contains(&id) {
                s.question_ids.push(id.clone());
            }
        }) {
            to_add.set(String::new());
        }
    };

    let delete_id = id.clone();
    let delete = move |_| {
        let question = t_string!(i18n, set_confirm_delete).to_string();
        let ok = crate::ui::dom::confirm(&question);
        if ok {
            bank.delete_set(&delete_id);
            go(&Route::Sets);
        }
    };

    let rows = move || {
        let Some(set) = current.get() else {
            return Vec::new();
        };
        let count = set.question_ids.len();
        set.question_ids
            .iter()
            .enumerate()
            .map(|(i, qid)| {
                let title = entries.with(|e| title_of(e, qid));
                let remove_id = qid.clone();
                view! {
                    <li
                        class="set-item"
                        draggable="true"
                        class:dragging=move || dragging.get() == Some(i)
                        on:dragstart=drag(move |_| dragging.set(Some(i)))
                        on:dragend=drag(move |_| dragging.set(None))
                        on:dragover=drag(|ev| ev.prevent_default())
                        on:drop=drag(move |ev| {
                            ev.prevent_default();
                            if let Some(from) = dragging.get_untracked() {
                                move_to(from, i);
                            }
                            dragging.set(None);
                        })
                    >
                        <span class="handle" aria-hidden="true">"⋮⋮"</span>
                        <span class="item-title">{title.clone()}</span>
                        <span class="item-actions">
                            <button
                                type="button"
                                data-move="up"
                                disabled=i == 0
                                on:click=click(move |_| move_to(i, i - 1))
                            >
                                <span aria-hidden="true">"↑"</span>
                                <span class="visually-hidden">
                                    {tx!(i18n, set_move_up)} ": " {title.clone()}
                                </span>
                            </button>
                            <button
                                type="button"
                                data-move="down"
                                disabled=i + 1 == count
                                on:click=click(move |_| move_to(i, i + 1))
                            >
                                <span aria-hidden="true">"↓"</span>
                                <span class="visually-hidden">
                                    {tx!(i18n, set_move_down)} ": " {title.clone()}
                                </span>
                            </button>
                            <button
                                type="button"
                                on:click=click(move |_| {
                                    let rid = remove_id.clone();
                                    update(&|s| s.question_ids.retain(|q| *q != rid));
                                })
                            >
                                <span aria-hidden="true">"✕"</span>
                                <span class="visually-hidden">
                                    {tx!(i18n, set_remove)} ": " {title.clone()}
                                </span>
                            </button>
                        </span>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };

    let options = move || {
        let in_set = current.get().map(|s| s.question_ids).unwrap_or_default();
        let hidden = bank.library().hidden;
        entries.with(|e| {
            e.iter()
                .filter(|x| !in_set.contains(&x.id) && !hidden.contains(&x.id))
                .map(|x| view! { <option value=x.id.clone()>{x.title.clone()}</option> })
                .collect_view()
        })
    };

    view! {
        <section class="page set" aria-labelledby="set-title">
            <p><a href=Route::Sets.href()>{tx!(i18n, set_back)}</a></p>
            <h1 id="set-title" tabindex="-1">{txt!(current.get().map(|s| s.name).unwrap_or_default())}</h1>
            <p>
                <a class="button primary" href=practise_href>
                    {tx!(i18n, practice_this_set)}
                </a>
            </p>
            <form class="rename" on:submit=submit(rename) novalidate>
                <TextField
                    id="set-name"
                    label=Signal::derive(move || t_string!(i18n, set_name).to_string())
                    value=name
                    error=name_error
                />
                <button type="submit">{tx!(i18n, set_rename)}</button>
            </form>
            <p class="meta">
                {txt!({
                    let list = current.get().map(|s| s.question_ids).unwrap_or_default();
                    let secs = entries.with(|e| set_seconds(e, &list));
                    t_string!(i18n, set_summary, n = list.len(), minutes = labels::minutes(i18n, secs))
                        .to_string()
                })}
            </p>
            <p class="help">{tx!(i18n, set_reorder_help)}</p>
            <ol class="set-items editable" data-testid="set-items">{dview!(rows())}</ol>
            {dview!({
                current
                    .with(|s| s.as_ref().is_some_and(|s| s.question_ids.is_empty()))
                    .then(|| view! { <p class="empty">{tx!(i18n, set_empty)}</p> })
            })}
            <p class="visually-hidden" role="status" aria-live="polite">{txt!(announce.get())}</p>
            <form class="add-question" on:submit=submit(add)>
                <div class="field grow">
                    <label for="add-question">{tx!(i18n, set_add_label)}</label>
                    <select
                        id="add-question"
                        prop:value=to_add
                        on:change=event(move |ev| to_add.set(event_target_value(&ev)))
                    >
                        <option value="">{tx!(i18n, set_choose_question)}</option>
                        {dview!(options())}
                    </select>
                </div>
                <button type="submit">{tx!(i18n, set_add)}</button>
            </form>
            <p>
                <button type="button" class="danger" on:click=click(delete)>{tx!(i18n, set_delete)}</button>
            </p>
        </section>
    }
}
