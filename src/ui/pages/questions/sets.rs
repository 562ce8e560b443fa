use crate::domain::bank::Entry;
use crate::domain::route::Route;
use crate::domain::sets::{clean_name, total_seconds, BuiltinSet, PracticeSet};
use crate::i18n::*;
use crate::ui::components::TextField;
use crate::ui::dom::{fresh_id, from_locale};
use crate::ui::erase::submit;
use crate::ui::labels::{self, I18n};
use crate::ui::router::go;
use crate::ui::state::use_bank;
use leptos::prelude::*;

pub fn builtin_name(i18n: I18n, set: BuiltinSet) -> String {
    match set {
        BuiltinSet::PhoneScreen => t_string!(i18n, set_phone_screen),
        BuiltinSet::OnSite => t_string!(i18n, set_on_site),
        BuiltinSet::Quick3 => t_string!(i18n, set_quick3),
    }
    .to_string()
}

pub fn builtin_description(i18n: I18n, set: BuiltinSet) -> String {
    match set {
        BuiltinSet::PhoneScreen => t_string!(i18n, set_phone_screen_desc),
        BuiltinSet::OnSite => t_string!(i18n, set_on_site_desc),
        BuiltinSet::Quick3 => t_string!(i18n, set_quick3_desc),
    }
    .to_string()
}

/// Seconds of think and answer time for the questions of `ids` that exist in `entries`.
pub fn set_seconds(entries: &[Entry], ids: &[String]) -> u32 {
    total_seconds(ids, &|id| {
        entries
            .iter()
            .find(|e| e.id == id)
            .map(Entry::total_seconds)
    })
}

/// Built-in and custom practice sets, and a form to create one.
#[component]
pub fn SetsPage() -> impl IntoView {
    let i18n = use_i18n();
    let bank = use_bank();
    let entries = Memo::new(move |_| bank.entries(from_locale(i18n.get_locale())));
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match clean_name(&name.get_untracked()) {
            Ok(clean) => {
                let set = PracticeSet {
                    id: fresh_id("set"),
                    name: clean,
                    question_ids: Vec::new(),
                };
                let id = set.id.clone();
                if bank.save_set(set) {
                    error.set(None);
                    name.set(String::new());
                    go(&Route::Set(id));
                }
            }
            Err(e) => error.set(Some(labels::set_name_error(i18n, &e))),
        }
    };

    let builtin_cards = BuiltinSet::ALL
        .into_iter()
        .map(|set| {
            let summary = move || {
                let ids: Vec<String> = set.question_ids().iter().map(|s| s.to_string()).collect();
                match set {
                    BuiltinSet::Quick3 => t_string!(i18n, set_quick3_summary).to_string(),
                    _ => {
                        let secs = entries.with(|e| set_seconds(e, &ids));
                        t_string!(
                            i18n,
                            set_summary,
                            n = ids.len(),
                            minutes = labels::minutes(i18n, secs)
                        )
                        .to_string()
                    }
                }
            };
            view! {
                <li class="card set-card">
                    <h3>
                        <a href=Route::Set(set.id().to_string()).href()>
                            {txt!(builtin_name(i18n, set))}
                        </a>
                    </h3>
                    <p>{txt!(builtin_description(i18n, set))}</p>
                    <p class="meta">{txt!(summary())}</p>
                </li>
            }
        })
        .collect_view();

    view! {
        <section class="page sets" aria-labelledby="sets-title">
            <h1 id="sets-title" tabindex="-1">{tx!(i18n, sets_title)}</h1>
            <p class="lead">{tx!(i18n, sets_intro)}</p>
            <h2>{tx!(i18n, sets_builtin)}</h2>
            <ul class="set-list">{builtin_cards}</ul>
            <h2 id="my-sets">{tx!(i18n, sets_mine)}</h2>
            {dview!({
                let sets = bank.sets();
                if sets.is_empty() {
                    view! { <p class="empty">{tx!(i18n, sets_none)}</p> }.into_any()
                } else {
                    let items = sets
                        .into_iter()
                        .map(|s| {
                            let secs = entries.with(|e| set_seconds(e, &s.question_ids));
                            let n = s.question_ids.len();
                            view! {
                                <li class="card set-card" data-testid="my-set">
                                    <h3>
                                        <a href=Route::Set(s.id.clone()).href()>{s.name.clone()}</a>
                                    </h3>
                                    <p class="meta">
                                        {txt!({
                                            t_string!(i18n, set_summary, n = n, minutes = labels::minutes(i18n, secs))
                                                .to_string()
                                        })}
                                    </p>
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="set-list">{items}</ul> }.into_any()
                }
            })}
            <form class="card create-set" on:submit=submit(create) novalidate>
                <TextField
                    id="new-set-name"
                    label=Signal::derive(move || t_string!(i18n, sets_new_name).to_string())
                    value=name
                    error=error
                />
                <button type="submit" class="primary">{tx!(i18n, sets_create)}</button>
            </form>
        </section>
    }
}
