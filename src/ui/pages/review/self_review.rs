//! After a real interview (`000_…` §5): rate how it went, note what was shaky and the feedback, and
//! plan what to practise. Plan items linked to a question make the random pick favour it.

use crate::domain::route::{Route, Start};
use crate::domain::selfreview::{PlanItem, SelfReview};
use crate::i18n::*;
use crate::ui::components::Levels;
use crate::ui::dom::{fresh_id, from_locale, now_ms};
use crate::ui::erase::{click, event};
use crate::ui::labels;
use crate::ui::router::go;
use crate::ui::state::{use_bank, use_reviews};
use leptos::prelude::*;

#[component]
pub fn SelfReviewsPage() -> impl IntoView {
    let i18n = use_i18n();
    let reviews = use_reviews();
    let create = move |_| {
        let r = SelfReview::new(fresh_id("interview"), now_ms());
        let id = r.id.clone();
        if reviews.save_selfreview(r) {
            go(&Route::SelfReview(id));
        }
    };
    let list = move || {
        let lang = i18n.get_locale();
        let mut all = reviews.selfreviews();
        all.sort_by_key(|r| std::cmp::Reverse(r.created_ms));
        if all.is_empty() {
            return view! { <p class="empty">{tx!(i18n, selfreview_empty)}</p> }.into_any();
        }
        all.into_iter()
            .map(|r| {
                let name = if r.title.trim().is_empty() {
                    t_string!(i18n, selfreview_untitled).to_string()
                } else {
                    r.title.clone()
                };
                let when = if r.date.is_empty() { labels::date(r.created_ms, lang, false) } else { r.date.clone() };
                let open = r.plan.iter().filter(|p| !p.done).count();
                view! {
                    <li class="card">
                        <a href=Route::SelfReview(r.id.clone()).href()>{name}</a>
                        <span class="meta">{when} " · " {txt!(t_string!(i18n, selfreview_open_items, n = open))}</span>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="page self-reviews" aria-labelledby="sr-title">
            <h1 id="sr-title" tabindex="-1">{tx!(i18n, selfreview_title)}</h1>
            <p class="lead">{tx!(i18n, selfreview_intro)}</p>
            <p><button type="button" class="primary" on:click=click(create)>{tx!(i18n, selfreview_new)}</button></p>
            <ul class="plain-list">{dview!(list())}</ul>
            <p class="hint">{tx!(i18n, selfreview_tips)}</p>
        </section>
    }
}

#[component]
pub fn SelfReviewPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let reviews = use_reviews();
    let bank = use_bank();
    let id = StoredValue::new(id);
    let Some(initial) = reviews.selfreview(&id.read_value()) else {
        return view! {
            <section class="page" aria-labelledby="sr-title">
                <h1 id="sr-title" tabindex="-1">{tx!(i18n, selfreview_missing)}</h1>
                <p><a href=Route::SelfReviews.href()>{tx!(i18n, selfreview_title)}</a></p>
            </section>
        }
        .into_any();
    };
    let edit = move |change: Box<dyn FnOnce(&mut SelfReview)>| {
        if let Some(mut r) = reviews.selfreview(&id.read_value()) {
            change(&mut r);
            reviews.save_selfreview(r);
        }
    };
    let text_input = move |apply: fn(&mut SelfReview, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            edit(Box::new(move |r| apply(r, v)));
        }
    };
    let rating = move |label: String,
                       name: &'static str,
                       get: fn(&SelfReview) -> Option<u8>,
                       set: fn(&mut SelfReview, Option<u8>)| {
        let current =
            Signal::derive(move || reviews.selfreview(&id.read_value()).and_then(|r| get(&r)));
        let pick = Callback::new(move |n: u8| edit(Box::new(move |r| set(r, Some(n)))));
        view! {
            <fieldset class="scale">
                <legend>{label}</legend>
                <Levels name=name.to_string() key=name.to_string() current=current on_pick=pick />
            </fieldset>
        }
    };
    let plan = move || {
        let lang = from_locale(i18n.get_locale());
        let entries = bank.entries(lang);
        let items = reviews
            .selfreview(&id.read_value())
            .map(|r| r.plan)
            .unwrap_or_default();
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let options = entries
                    .iter()
                    .map(|e| {
                        let sel = item.question.as_deref() == Some(e.id.as_str());
                        view! { <option value=e.id.clone() selected=sel>{e.title.clone()}</option> }
                    })
                    .collect_view();
                let set_text = move |ev: leptos::ev::Event| {
                    let v = event_target_value(&ev);
                    edit(Box::new(move |r| if let Some(p) = r.plan.get_mut(i) { p.text = v }));
                };
                let set_q = move |ev: leptos::ev::Event| {
                    let v = event_target_value(&ev);
                    edit(Box::new(move |r| if let Some(p) = r.plan.get_mut(i) { p.question = (!v.is_empty()).then_some(v) }));
                };
                let set_done = move |ev: leptos::ev::Event| {
                    let v = event_target_checked(&ev);
                    edit(Box::new(move |r| if let Some(p) = r.plan.get_mut(i) { p.done = v }));
                };
                let remove = move |_| edit(Box::new(move |r| { if i < r.plan.len() { r.plan.remove(i); } }));
                let practise = item.question.clone().map(|q| view! {
                    <a class="button" href=Route::Practice(Start::Question(q)).href()>{tx!(i18n, practice_this)}</a>
                });
                let text_id = format!("plan-{i}");
                let q_id = format!("plan-q-{i}");
                view! {
                    <li class="plan-item" data-testid="plan-item">
                        <label for=text_id.clone()>{txt!(t_string!(i18n, selfreview_plan_item, n = i + 1))}</label>
                        <input id=text_id type="text" prop:value=item.text.clone() on:change=event(set_text) />
                        <label for=q_id.clone()>{tx!(i18n, selfreview_plan_question)}</label>
                        <select id=q_id on:change=event(set_q)>
                            <option value="" selected=item.question.is_none()>"—"</option>
                            {options}
                        </select>
                        <div class="actions-row">
                            <label class="check">
                                <input type="checkbox" prop:checked=item.done on:change=event(set_done) />
                                {tx!(i18n, selfreview_done)}
                            </label>
                            {practise}
                            <button type="button" class="link danger" on:click=click(remove)>{tx!(i18n, selfreview_remove)}</button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    let add = move |_| edit(Box::new(|r| r.plan.push(PlanItem::default())));
    let delete = move |_| {
        let ok = crate::ui::dom::confirm(t_string!(i18n, selfreview_confirm_delete));
        if ok {
            reviews.delete_selfreview(&id.read_value());
            go(&Route::SelfReviews);
        }
    };
    view! {
        <section class="page self-review" aria-labelledby="sr-title">
            <h1 id="sr-title" tabindex="-1">{tx!(i18n, selfreview_edit_title)}</h1>
            <p class="hint">{tx!(i18n, selfreview_saved_as_typed)}</p>
            <label for="sr-name">{tx!(i18n, selfreview_name)}</label>
            <input id="sr-name" type="text" prop:value=initial.title.clone() on:input=event(text_input(|r, v| r.title = v)) />
            <label for="sr-date">{tx!(i18n, selfreview_date)}</label>
            <input id="sr-date" type="date" prop:value=initial.date.clone() on:change=event(text_input(|r, v| r.date = v)) />
            <h2>{tx!(i18n, selfreview_how)}</h2>
            {rating(t_string!(i18n, selfreview_fluency).to_string(), "fluency", |r| r.fluency, |r, v| r.fluency = v)}
            {rating(t_string!(i18n, selfreview_logic).to_string(), "logic", |r| r.logic, |r, v| r.logic = v)}
            {rating(t_string!(i18n, selfreview_professionalism).to_string(), "professionalism", |r| r.professionalism, |r, v| r.professionalism = v)}
            <label for="sr-unsure">{tx!(i18n, selfreview_unsure)}</label>
            <textarea id="sr-unsure" rows="3" prop:value=initial.unsure.clone() on:input=event(text_input(|r, v| r.unsure = v))></textarea>
            <label for="sr-feedback">{tx!(i18n, selfreview_feedback)}</label>
            <textarea id="sr-feedback" rows="3" prop:value=initial.feedback.clone() on:input=event(text_input(|r, v| r.feedback = v))></textarea>
            <h2>{tx!(i18n, selfreview_plan)}</h2>
            <p class="hint">{tx!(i18n, selfreview_plan_hint)}</p>
            <ol class="plan">{dview!(plan())}</ol>
            <p class="actions-row">
                <button type="button" on:click=click(add)>{tx!(i18n, selfreview_add_item)}</button>
                <a class="button" href=Route::SelfReviews.href()>{tx!(i18n, selfreview_back)}</a>
                <button type="button" class="link danger" on:click=click(delete)>{tx!(i18n, selfreview_delete)}</button>
            </p>
        </section>
    }
    .into_any()
}
