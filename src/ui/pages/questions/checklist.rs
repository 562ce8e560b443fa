use crate::domain::checklist::{Checklist, ITEMS};
use crate::i18n::*;
use crate::ui::erase::event;
use crate::ui::labels::I18n;
use crate::ui::state::use_bank;
use leptos::prelude::*;

fn item_text(i18n: I18n, id: &str) -> (String, String) {
    let (title, body) = match id {
        "research-company" => (
            t_string!(i18n, check_research_company),
            t_string!(i18n, check_research_company_body),
        ),
        "mock-interview" => (
            t_string!(i18n, check_mock_interview),
            t_string!(i18n, check_mock_interview_body),
        ),
        "prepare-self-introduction" => (
            t_string!(i18n, check_self_introduction),
            t_string!(i18n, check_self_introduction_body),
        ),
        "attitude" => (
            t_string!(i18n, check_attitude),
            t_string!(i18n, check_attitude_body),
        ),
        _ => (
            t_string!(i18n, check_thank_you),
            t_string!(i18n, check_thank_you_body),
        ),
    };
    (title.to_string(), body.to_string())
}

/// The preparation checklist; ticks persist.
#[component]
pub fn ChecklistPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = use_bank().checklist;

    let items = ITEMS
        .into_iter()
        .map(|item| {
            let input_id = format!("check-{item}");
            let body_id = format!("check-{item}-body");
            let toggle = move |ev| {
                // A failed save sets the box back to what is stored (a notice says why).
                list.update(|l| l.set(item, event_target_checked(&ev)));
            };
            view! {
                <li class="check-item">
                    <input
                        type="checkbox"
                        id=input_id.clone()
                        aria-describedby=body_id.clone()
                        prop:checked=move || list.with(|l| l.is_done(item))
                        on:change=event(toggle)
                    />
                    <div>
                        <label for=input_id>{txt!(item_text(i18n, item).0)}</label>
                        <p class="help" id=body_id>{txt!(item_text(i18n, item).1)}</p>
                    </div>
                </li>
            }
        })
        .collect_view();

    view! {
        <section class="page checklist" aria-labelledby="checklist-title">
            <h1 id="checklist-title" tabindex="-1">{tx!(i18n, checklist_title)}</h1>
            <p class="lead">{tx!(i18n, checklist_intro)}</p>
            <p class="meta" role="status">
                {txt!({
                    let (done, total) = list.with(Checklist::progress);
                    t_string!(i18n, checklist_progress, done = done, total = total).to_string()
                })}
            </p>
            <ul class="check-list">{items}</ul>
            <p class="hint">{tx!(i18n, checklist_after)} " "
                <a href=crate::domain::route::Route::SelfReviews.href()>{tx!(i18n, selfreview_title)}</a></p>
        </section>
    }
}
