//! Edit the rubric: rename, add and remove items. Saving makes a new version; reviews made earlier
//! keep the version they were made with.

use crate::domain::rubric::{builtin, new_item_id, same_text, text, Item, Kind};
use crate::i18n::*;
use crate::ui::dom::from_locale;
use crate::ui::erase::{click, event};
use crate::ui::state::use_reviews;
use leptos::prelude::*;

#[component]
pub fn RubricPage() -> impl IntoView {
    let i18n = use_i18n();
    let reviews = use_reviews();
    let draft = RwSignal::new(reviews.current());
    let status = RwSignal::new(None::<Result<u32, ()>>);
    let sections = move || {
        let lang = i18n.get_locale();
        let r = draft.get();
        r.sections
            .iter()
            .enumerate()
            .map(|(si, s)| {
                let items = s
                    .items
                    .iter()
                    .enumerate()
                    .map(|(ii, item)| {
                        let input_id = format!("rubric-{}-{}", s.id, item.id);
                        let set = move |ev: leptos::ev::Event| {
                            let v = event_target_value(&ev);
                            let lang = from_locale(i18n.get_locale_untracked());
                            draft.update(|d| {
                                if let Some(it) = d.sections.get_mut(si).and_then(|s| s.items.get_mut(ii)) {
                                    it.label.set(lang, v)
                                }
                            });
                            status.set(None);
                        };
                        let remove = move |_| {
                            draft.update(|d| {
                                if let Some(s) = d.sections.get_mut(si) {
                                    if ii < s.items.len() {
                                        s.items.remove(ii);
                                    }
                                }
                            });
                            status.set(None);
                        };
                        let label = text(&item.label, lang).to_string();
                        view! {
                            <li class="rubric-item">
                                <label class="visually-hidden" for=input_id.clone()>{label.clone()}</label>
                                <input id=input_id type="text" prop:value=label on:change=event(set) data-testid="rubric-item" />
                                <button type="button" class="link danger" on:click=click(remove)>{tx!(i18n, rubric_remove)}</button>
                            </li>
                        }
                    })
                    .collect_view();
                let new_id = format!("rubric-new-{}", s.id);
                let new_id2 = new_id.clone();
                let add = move |_| {
                    let Some(input) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(&new_id2))
                        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok())
                    else {
                        return;
                    };
                    let v = input.value();
                    if v.trim().is_empty() {
                        return;
                    }
                    draft.update(|d| {
                        if let Some(s) = d.sections.get_mut(si) {
                            let id = new_item_id(s);
                            s.items.push(Item { id, label: same_text(v.trim()), levels: Vec::new() });
                        }
                    });
                    input.set_value("");
                    status.set(None);
                };
                let kind = match s.kind {
                    Kind::Check => t_string!(i18n, rubric_kind_check),
                    Kind::Scale => t_string!(i18n, rubric_kind_scale),
                    Kind::Flag => t_string!(i18n, rubric_kind_flag),
                };
                view! {
                    <fieldset class="rubric-section" data-section=s.id.clone()>
                        <legend>{text(&s.title, lang).to_string()} " · " <span class="meta">{kind}</span></legend>
                        <ul class="plain-list">{items}</ul>
                        <div class="add-row">
                            <label for=new_id.clone()>{tx!(i18n, rubric_new_item)}</label>
                            <input id=new_id type="text" />
                            <button type="button" on:click=click(add)>{tx!(i18n, rubric_add)}</button>
                        </div>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let save = move |_| {
        let d = draft.get_untracked();
        if !d.validate().is_empty()
            || d.sections.iter().any(|s| {
                s.items
                    .iter()
                    .any(|i| i.label.iter().all(|(_, t)| t.trim().is_empty()))
            })
        {
            status.set(Some(Err(())));
            return;
        }
        if reviews.save_rubric(d) {
            let current = reviews.current();
            status.set(Some(Ok(current.version)));
            draft.set(current);
        }
    };
    let reset = move |_| {
        let ok = crate::ui::dom::confirm(t_string!(i18n, rubric_confirm_reset));
        if ok && reviews.save_rubric(builtin()) {
            let current = reviews.current();
            status.set(Some(Ok(current.version)));
            draft.set(current);
        }
    };
    let message = move || {
        status.get().map(|s| match s {
            Ok(v) => view! { <p role="status" class="ok">{txt!(t_string!(i18n, rubric_saved, v = v))}</p> }.into_any(),
            Err(()) => view! { <p role="alert" class="error">{tx!(i18n, rubric_invalid)}</p> }.into_any(),
        })
    };
    let version = move || t_string!(i18n, rubric_version, v = reviews.current().version);
    view! {
        <section class="page rubric-page" aria-labelledby="rubric-title">
            <h1 id="rubric-title" tabindex="-1">{tx!(i18n, rubric_edit_title)}</h1>
            <p class="lead">{tx!(i18n, rubric_edit_intro)}</p>
            <p data-testid="rubric-version">{txt!(version())}</p>
            {dview!(sections())}
            {dview!(message())}
            <p class="actions-row">
                <button type="button" class="primary" on:click=click(save)>{tx!(i18n, rubric_save)}</button>
                <button type="button" on:click=click(reset)>{tx!(i18n, rubric_reset)}</button>
            </p>
        </section>
    }
}
