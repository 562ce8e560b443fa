use crate::domain::content::Category;
use crate::domain::custom::{Draft, Field, InputError};
use crate::domain::route::Route;
use crate::i18n::*;
use crate::ui::dom::{focus_id, fresh_id, from_locale};
use crate::ui::erase::{event, submit};
use crate::ui::labels;
use crate::ui::router::go;
use crate::ui::state::use_bank;
use leptos::prelude::*;

/// Create or edit a custom question. Every field is checked at once; problems are listed, translated.
#[component]
pub fn QuestionEditorPage(
    /// The question to edit; `None` for a new one.
    id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let bank = use_bank();
    let existing = id.as_deref().and_then(|id| bank.custom(id));
    if id.is_some() && existing.is_none() {
        return view! {
            <section class="page" aria-labelledby="editor-title">
                <h1 id="editor-title" tabindex="-1">{tx!(i18n, editor_missing)}</h1>
                <p>
                    <a class="button" href=Route::Questions.href()>{tx!(i18n, editor_back)}</a>
                </p>
            </section>
        }
        .into_any();
    }
    let editing = existing.is_some();
    let draft = RwSignal::new(
        existing
            .as_ref()
            .map(Draft::from_question)
            .unwrap_or_else(Draft::blank),
    );
    let errors = RwSignal::new(Vec::<InputError>::new());
    let written_in = existing.as_ref().map(|q| q.lang);
    // The draft is an edit of the question as stored now: saved over that, it merges with what
    // another tab saved meanwhile, and a question deleted meanwhile stays deleted.
    let base = StoredValue::new(id.as_deref().and_then(|id| bank.custom.base(id)));

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = id.clone().unwrap_or_else(|| fresh_id("custom"));
        let lang = written_in.unwrap_or_else(|| from_locale(i18n.get_locale_untracked()));
        match draft.with_untracked(|d| d.validate(&id, lang)) {
            Ok(question) => {
                errors.set(Vec::new());
                if bank.custom.save_over(question, base.get_value()) {
                    go(&Route::Questions);
                } else if editing && bank.custom(&id).is_none() {
                    // Deleted in another tab (a notice says so): nothing to edit any more.
                    go(&Route::Questions);
                }
            }
            Err(list) => {
                errors.set(list);
                focus_id("editor-errors");
            }
        }
    };

    let field_errors = move |f: Field| {
        move || {
            errors.with(|list| {
                list.iter()
                    .filter(|e| e.field() == f)
                    .map(|e| labels::input_error(i18n, e))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        }
    };
    let invalid = move |f: Field| {
        move || {
            errors
                .with(|l| l.iter().any(|e| e.field() == f))
                .to_string()
        }
    };

    // One labelled control with its error line.
    let text_field = move |key: &'static str,
                           f: Field,
                           multiline: bool,
                           help: Option<String>,
                           get: fn(&Draft) -> String,
                           set: fn(&mut Draft, String)| {
        let input_id = format!("f-{key}");
        let error_id = format!("f-{key}-error");
        let help_id = format!("f-{key}-help");
        let described = if help.is_some() {
            format!("{help_id} {error_id}")
        } else {
            error_id.clone()
        };
        let value = move || draft.with(get);
        let on_input = move |ev| {
            let v = event_target_value(&ev);
            draft.update(|d| set(d, v));
        };
        let control = if multiline {
            view! {
                <textarea
                    id=input_id.clone()
                    rows="4"
                    aria-invalid=invalid(f)
                    aria-describedby=described
                    prop:value=value
                    on:input=event(on_input)
                ></textarea>
            }
            .into_any()
        } else {
            view! {
                <input
                    id=input_id.clone()
                    type="text"
                    aria-invalid=invalid(f)
                    aria-describedby=described
                    prop:value=value
                    on:input=event(on_input)
                />
            }
            .into_any()
        };
        view! {
            <div class="field">
                <label for=input_id>{txt!(labels::field(i18n, f))}</label>
                {help.map(|h| view! { <p class="help" id=help_id>{h}</p> })}
                {control}
                <p class="field-error" id=error_id>{field_errors(f)}</p>
            </div>
        }
    };
    let one_per_line = t_string!(i18n, editor_one_per_line).to_string();

    view! {
        <section class="page editor" aria-labelledby="editor-title">
            <h1 id="editor-title" tabindex="-1">
                {txt!({
                    if editing {
                        t_string!(i18n, editor_title_edit).to_string()
                    } else {
                        t_string!(i18n, editor_title_new).to_string()
                    }
                })}
            </h1>
            <p class="help">{tx!(i18n, editor_intro)}</p>
            <div id="editor-errors" tabindex="-1" role="alert" class:error-summary=move || errors.with(|e| !e.is_empty())>
                {dview!({
                    errors
                        .with(|list| {
                            (!list.is_empty())
                                .then(|| {
                                    let items = list
                                        .iter()
                                        .map(|e| view! { <li>{labels::input_error(i18n, e)}</li> })
                                        .collect_view();
                                    view! {
                                        <p>{tx!(i18n, editor_fix)}</p>
                                        <ul>{items}</ul>
                                    }
                                })
                        })
                })}
            </div>
            <form novalidate on:submit=submit(save)>
                {text_field("title", Field::Title, true, None, |d| d.title.clone(), |d, v| d.title = v)}
                <div class="row">
                    <div class="field">
                        <label for="f-category">{tx!(i18n, field_category)}</label>
                        <select
                            id="f-category"
                            on:change=event(move |ev| draft.update(|d| d.category = event_target_value(&ev)))
                            prop:value=move || draft.with(|d| d.category.clone())
                        >
                            {Category::ALL
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <option value=c.slug() selected=move || draft.with(|d| d.category == c.slug())>
                                            {txt!(labels::category(i18n, c))}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        <p class="field-error">{field_errors(Field::Category)}</p>
                    </div>
                    <div class="field">
                        <label for="f-difficulty">{tx!(i18n, field_difficulty)}</label>
                        <select
                            id="f-difficulty"
                            on:change=event(move |ev| draft.update(|d| d.difficulty = event_target_value(&ev)))
                            prop:value=move || draft.with(|d| d.difficulty.clone())
                        >
                            {[1u8, 2, 3]
                                .into_iter()
                                .map(|n| {
                                    view! {
                                        <option value=n.to_string() selected=move || draft.with(|d| d.difficulty == n.to_string())>
                                            {txt!(labels::difficulty(i18n, n))}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        <p class="field-error">{field_errors(Field::Difficulty)}</p>
                    </div>
                    {text_field("think", Field::ThinkSeconds, false, None, |d| d.think_seconds.clone(), |d, v| d.think_seconds = v)}
                    {text_field("answer", Field::AnswerSeconds, false, None, |d| d.answer_seconds.clone(), |d, v| d.answer_seconds = v)}
                </div>
                <fieldset>
                    <legend>{tx!(i18n, editor_guidance)}</legend>
                    {text_field("looking-for", Field::LookingFor, true, None, |d| d.looking_for.clone(), |d, v| d.looking_for = v)}
                    {text_field("structure", Field::Structure, true, Some(one_per_line.clone()), |d| d.structure.clone(), |d, v| d.structure = v)}
                    {text_field("talking-points", Field::TalkingPoints, true, Some(one_per_line.clone()), |d| d.talking_points.clone(), |d, v| d.talking_points = v)}
                    {text_field("good-signals", Field::GoodSignals, true, Some(one_per_line.clone()), |d| d.good_signals.clone(), |d, v| d.good_signals = v)}
                    {text_field("warning-signs", Field::WarningSigns, true, Some(one_per_line), |d| d.warning_signs.clone(), |d, v| d.warning_signs = v)}
                </fieldset>
                <div class="actions-row">
                    <button type="submit" class="primary">{tx!(i18n, editor_save)}</button>
                    <a class="button" href=Route::Questions.href()>{tx!(i18n, editor_cancel)}</a>
                </div>
            </form>
        </section>
    }
        .into_any()
}
