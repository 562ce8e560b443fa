use super::highlight::highlighted;
use crate::domain::bank::{format_duration, Entry};
use crate::domain::route::{Route, Start};
use crate::i18n::*;
use crate::ui::erase::click;
use crate::ui::labels;
use crate::ui::state::use_bank;
use leptos::prelude::*;

/// One part of the guidance: a heading and its text or list; nothing when there is nothing to say.
fn part(heading: impl IntoView + 'static, items: Vec<String>, ordered: bool) -> Option<AnyView> {
    if items.is_empty() {
        return None;
    }
    let lis = items
        .into_iter()
        .map(|i| view! { <li>{i}</li> })
        .collect_view();
    let body = if ordered {
        view! { <ol>{lis}</ol> }.into_any()
    } else {
        view! { <ul>{lis}</ul> }.into_any()
    };
    Some(view! { <h4>{heading}</h4> {body} }.into_any())
}

/// One question: title (with search matches marked), facts, a star, guidance behind a disclosure,
/// and its actions (hide a built-in one; edit or delete a custom one).
#[component]
pub fn QuestionCard(
    entry: Entry,
    /// The search text to mark.
    #[prop(into)]
    query: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let bank = use_bank();
    let id = entry.id.clone();
    let starred = {
        let id = id.clone();
        Signal::derive(move || bank.library().is_starred(&id))
    };
    let hidden = {
        let id = id.clone();
        Signal::derive(move || bank.library().is_hidden(&id))
    };
    let title = entry.title.clone();
    let variants = entry.variants.clone();
    let toggle_star = {
        let id = id.clone();
        move |_| bank.toggle_star(&id)
    };
    let category = entry.category;
    let difficulty = entry.difficulty;
    let (think, answer) = (entry.think_seconds, entry.answer_seconds);

    let guidance = entry.has_guidance().then(|| {
        let e = entry.clone();
        view! {
            <details class="guidance">
                <summary>{tx!(i18n, q_guidance)}</summary>
                {(!e.looking_for.is_empty())
                    .then(|| {
                        view! {
                            <h4>{tx!(i18n, q_looking_for)}</h4>
                            <p>{e.looking_for.clone()}</p>
                        }
                    })}
                {part(tx!(i18n, q_structure), e.structure.clone(), true)}
                {part(tx!(i18n, q_talking_points), e.talking_points.clone(), false)}
                {part(tx!(i18n, q_good_signals), e.good_signals.clone(), false)}
                {part(tx!(i18n, q_warning_signs), e.warning_signs.clone(), false)}
                {(!e.sources.is_empty())
                    .then(|| {
                        let sources = e
                            .sources
                            .iter()
                            .map(|s| format!("{} {}", s.seed, s.section))
                            .collect::<Vec<_>>()
                            .join(" · ");
                        view! {
                            <p class="sources">{tx!(i18n, q_source)} " " {sources}</p>
                        }
                    })}
            </details>
        }
    });

    let actions = if entry.custom {
        let delete_id = id.clone();
        let delete_title = title.clone();
        let delete = move |_| {
            let question =
                t_string!(i18n, q_confirm_delete, title = delete_title.clone()).to_string();
            let ok = crate::ui::dom::confirm(&question);
            if ok {
                bank.delete_custom(&delete_id);
            }
        };
        view! {
            <a class="button" href=Route::EditQuestion(id.clone()).href()>
                {tx!(i18n, q_edit)}
            </a>
            <button type="button" class="danger" on:click=click(delete)>
                {tx!(i18n, q_delete)}
            </button>
        }
        .into_any()
    } else {
        let hide_id = id.clone();
        let toggle_hidden = move |_| bank.set_hidden(&hide_id, !hidden.get_untracked());
        view! {
            <button type="button" on:click=click(toggle_hidden)>
                {txt!({
                    if hidden.get() {
                        t_string!(i18n, q_unhide).to_string()
                    } else {
                        t_string!(i18n, q_hide).to_string()
                    }
                })}
            </button>
        }
        .into_any()
    };

    let variants_view = (!variants.is_empty()).then(|| {
        view! {
            <p class="q-variants">
                <span class="label">{tx!(i18n, q_also_asked)}</span>
                " "
                {dview!({
                    let q = query.get();
                    variants
                        .iter()
                        .map(|v| view! { <span class="variant">{highlighted(v, &q)}</span> })
                        .collect_view()
                })}
            </p>
        }
    });

    let card_title = title.clone();
    view! {
        <article
            class="q-card"
            class:is-hidden=hidden
            data-testid="question"
            data-id=id.clone()
        >
            <div class="q-head">
                <h3 class="q-title">{dview!(highlighted(&card_title, &query.get()))}</h3>
                <button
                    type="button"
                    class="star"
                    aria-pressed=txt!(starred.get())
                    on:click=click(toggle_star)
                >
                    <span aria-hidden="true">{txt!(if starred.get() { "★" } else { "☆" })}</span>
                    <span class="visually-hidden">{tx!(i18n, q_star)}</span>
                </button>
            </div>
            <p class="q-meta">
                <span class="tag">{txt!(labels::category(i18n, category))}</span>
                <span class="tag">{txt!(labels::difficulty(i18n, difficulty))}</span>
                <span>
                    {tx!(i18n, q_think)} " " {format_duration(think)} " · " {tx!(i18n, q_answer)} " "
                    {format_duration(answer)}
                </span>
                {entry.custom.then(|| view! { <span class="tag mine">{tx!(i18n, q_custom)}</span> })}
                {move || hidden.get().then(|| view! { <span class="tag">{tx!(i18n, q_hidden)}</span> })}
            </p>
            {variants_view}
            {guidance}
            <div class="q-actions">
                <a class="button primary" href=Route::Practice(Start::Question(id.clone())).href()>
                    {tx!(i18n, practice_this)}
                </a>
                {actions}
            </div>
        </article>
    }
}
