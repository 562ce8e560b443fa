//! Interview kits: the built-in ones (read only; copy to change) and the user's own, edited in
//! place: name, sections with a time budget, and the questions of each, in order.

use crate::domain::bank::title_of;
use crate::domain::interview::{Kit, KitSection};
use crate::domain::route::Route;
use crate::domain::rubric::{same_text, text};
use crate::i18n::*;
use crate::ui::dom::{fresh_id, from_locale};
use crate::ui::erase::{click, event};
use crate::ui::router::go;
use crate::ui::state::{use_bank, use_interviews};
use leptos::prelude::*;

/// A copy of `kit` that the user owns, named "<name> (copy)".
fn copy_of(kit: &Kit, suffix: &str) -> Kit {
    let mut k = kit.clone();
    k.id = fresh_id("kit");
    k.builtin = false;
    for (lang, name) in kit.name.iter() {
        let copy = format!("{name} {suffix}");
        k.name.set(lang, copy)
    }
    k
}

#[component]
pub fn KitsPage() -> impl IntoView {
    let i18n = use_i18n();
    let iv = use_interviews();
    let create = move |_| {
        let k = Kit {
            id: fresh_id("kit"),
            name: same_text(t_string!(i18n, kit_new_name)),
            purpose: same_text(""),
            sections: vec![KitSection {
                id: "s1".into(),
                title: same_text(t_string!(i18n, kit_new_section)),
                minutes: 10,
                questions: Vec::new(),
            }],
            builtin: false,
        };
        let id = k.id.clone();
        if iv.save_kit(k) {
            go(&Route::Kit(id));
        }
    };
    let list = move || {
        let lang = i18n.get_locale();
        iv.kits()
            .into_iter()
            .map(|k| {
                let meta = t_string!(i18n, kit_meta, minutes = k.minutes(), n = k.flat().len());
                let kind = if k.builtin { t_string!(i18n, kit_builtin) } else { t_string!(i18n, kit_custom) };
                let copy = {
                    let k = k.clone();
                    move |_| {
                        let c = copy_of(&k, t_string!(i18n, kit_copy_suffix));
                        let id = c.id.clone();
                        if iv.save_kit(c) {
                            go(&Route::Kit(id));
                        }
                    }
                };
                view! {
                    <li class="card" data-testid="kit">
                        <a href=Route::Kit(k.id.clone()).href()>{text(&k.name, lang).to_string()}</a>
                        <p class="meta">{kind} " · " {meta}</p>
                        {(!text(&k.purpose, lang).is_empty()).then(|| view! { <p>{text(&k.purpose, lang).to_string()}</p> })}
                        <button type="button" on:click=click(copy)>{tx!(i18n, kit_copy)}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="page kits" aria-labelledby="kits-title">
            <h1 id="kits-title" tabindex="-1">{tx!(i18n, kits_title)}</h1>
            <p class="lead">{tx!(i18n, kits_intro)}</p>
            <p><button type="button" class="primary" on:click=click(create)>{tx!(i18n, kit_create)}</button></p>
            <ul class="plain-list">{dview!(list())}</ul>
        </section>
    }
}

#[component]
pub fn KitPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let iv = use_interviews();
    let bank = use_bank();
    let id = StoredValue::new(id);
    let kit = Memo::new(move |_| iv.kit(&id.read_value()));
    let edit = move |change: Box<dyn FnOnce(&mut Kit)>| {
        if let Some(mut k) = iv.kit(&id.read_value()).filter(|k| !k.builtin) {
            change(&mut k);
            iv.save_kit(k);
        }
    };
    // Rebuilt when the kit's shape changes (sections or questions), not on every keystroke.
    let shape = Memo::new(move |_| {
        kit.with(|k| {
            k.as_ref().map(|k| {
                (
                    k.builtin,
                    k.sections
                        .iter()
                        .map(|s| s.questions.clone())
                        .collect::<Vec<_>>(),
                )
            })
        })
    });
    let body = move || {
        let (builtin, _) = shape.get()?;
        let k = kit.get_untracked()?;
        let lang = i18n.get_locale();
        let entries = bank.entries(from_locale(lang));
        let title_of = |q: &str| title_of(&entries, q);
        let set_lang = move |t: &mut crate::domain::content::PerLang<String>, v: String| {
            t.set(from_locale(i18n.get_locale_untracked()), v)
        };
        let sections = k
            .sections
            .iter()
            .enumerate()
            .map(|(si, s)| {
                let questions = s
                    .questions
                    .iter()
                    .enumerate()
                    .map(|(qi, q)| {
                        let mv = move |delta: isize| {
                            edit(Box::new(move |k| {
                                if let Some(s) = k.sections.get_mut(si) {
                                    let to = qi as isize + delta;
                                    if to >= 0 && (to as usize) < s.questions.len() {
                                        s.questions.swap(qi, to as usize);
                                    }
                                }
                            }))
                        };
                        let remove = move |_| {
                            edit(Box::new(move |k| {
                                if let Some(s) = k.sections.get_mut(si) {
                                    if qi < s.questions.len() {
                                        s.questions.remove(qi);
                                    }
                                }
                            }))
                        };
                        let title = title_of(q);
                        view! {
                            <li class="kit-question">
                                <span>{title.clone()}</span>
                                {(!builtin).then(|| view! {
                                    <span class="actions-row">
                                        <button type="button" aria-label=format!("↑ {title}") on:click=click(move |_| mv(-1))>"↑"</button>
                                        <button type="button" aria-label=format!("↓ {title}") on:click=click(move |_| mv(1))>"↓"</button>
                                        <button type="button" class="link danger" on:click=click(remove)>{tx!(i18n, rubric_remove)}</button>
                                    </span>
                                })}
                            </li>
                        }
                    })
                    .collect_view();
                let editor = (!builtin).then(|| {
                    let options = entries
                        .iter()
                        .map(|e| view! { <option value=e.id.clone()>{e.title.clone()}</option> })
                        .collect_view();
                    let add = move |ev: leptos::ev::Event| {
                        let q = event_target_value(&ev);
                        if q.is_empty() {
                            return;
                        }
                        edit(Box::new(move |k| {
                            if let Some(s) = k.sections.get_mut(si) {
                                if !s.questions.contains(&q) {
                                    s.questions.push(q);
                                }
                            }
                        }));
                    };
                    let title_input = move |ev: leptos::ev::Event| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |k| {
                            if let Some(s) = k.sections.get_mut(si) {
                                set_lang(&mut s.title, v);
                            }
                        }));
                    };
                    let minutes = move |ev: leptos::ev::Event| {
                        let v: u32 = event_target_value(&ev).trim().parse().unwrap_or(0);
                        edit(Box::new(move |k| {
                            if let Some(s) = k.sections.get_mut(si) {
                                s.minutes = v.clamp(1, 180);
                            }
                        }));
                    };
                    let remove_section = move |_| {
                        edit(Box::new(move |k| {
                            if si < k.sections.len() && k.sections.len() > 1 {
                                k.sections.remove(si);
                            }
                        }))
                    };
                    let tid = format!("section-title-{si}");
                    let mid = format!("section-minutes-{si}");
                    let aid = format!("section-add-{si}");
                    view! {
                        <div class="kit-section-edit">
                            <label for=tid.clone()>{tx!(i18n, kit_section_title)}</label>
                            <input id=tid type="text" prop:value=text(&s.title, lang).to_string() on:change=event(title_input) />
                            <label for=mid.clone()>{tx!(i18n, kit_section_minutes)}</label>
                            <input id=mid type="number" min="1" max="180" inputmode="numeric" prop:value=s.minutes.to_string() on:change=event(minutes) />
                            <label for=aid.clone()>{tx!(i18n, kit_add_question)}</label>
                            <select id=aid on:change=event(add)>
                                <option value="">"—"</option>
                                {options}
                            </select>
                            <button type="button" class="link danger" on:click=click(remove_section)>{tx!(i18n, kit_remove_section)}</button>
                        </div>
                    }
                });
                view! {
                    <section class="card kit-section" data-testid="kit-section">
                        <h2>{text(&s.title, lang).to_string()} " · " {t_string!(i18n, kit_minutes, n = s.minutes)}</h2>
                        {editor}
                        <ol>{questions}</ol>
                    </section>
                }
            })
            .collect_view();
        let name_input = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            if !v.trim().is_empty() {
                edit(Box::new(move |k| set_lang(&mut k.name, v)));
            }
        };
        let add_section = move |_| {
            edit(Box::new(|k| {
                let n = k.sections.len() + 1;
                k.sections.push(KitSection {
                    id: format!("s{n}-{}", js_sys::Date::now() as u64),
                    title: same_text(&format!("{n}")),
                    minutes: 10,
                    questions: Vec::new(),
                })
            }))
        };
        let delete = move |_| {
            if crate::ui::dom::confirm(t_string!(i18n, kit_confirm_delete)) {
                iv.delete_kit(&id.read_value());
                go(&Route::Kits);
            }
        };
        Some(view! {
            <h1 id="kit-title" tabindex="-1">{text(&k.name, lang).to_string()}</h1>
            <p class="meta" data-testid="kit-meta">{txt!(kit.with(|k| k.as_ref().map(|k| t_string!(i18n, kit_meta, minutes = k.minutes(), n = k.flat().len())).unwrap_or_default()))}</p>
            {builtin.then(|| view! { <p class="hint">{tx!(i18n, kit_builtin_hint)}</p> })}
            {(!builtin).then(|| view! {
                <label for="kit-name">{tx!(i18n, kit_name)}</label>
                <input id="kit-name" type="text" prop:value=text(&k.name, lang).to_string() on:change=event(name_input) />
            })}
            {sections}
            {(!builtin).then(|| view! {
                <p class="actions-row">
                    <button type="button" on:click=click(add_section)>{tx!(i18n, kit_add_section)}</button>
                    <button type="button" class="danger" on:click=click(delete)>{tx!(i18n, kit_delete)}</button>
                </p>
            })}
            <p><a href=Route::Kits.href()>{tx!(i18n, kits_title)}</a></p>
        }.into_any())
    };
    view! {
        <section class="page kit" aria-labelledby="kit-title">
            {dview!(body().unwrap_or_else(|| view! {
                <h1 id="kit-title" tabindex="-1">{tx!(i18n, kit_missing)}</h1>
                <p><a href=Route::Kits.href()>{tx!(i18n, kits_title)}</a></p>
            }.into_any()))}
        </section>
    }
}
