//! The end of the scorecard: the take-aways, the critical-flag rule and the reason it asks for, and
//! submitting (or, once submitted, saying so).

use super::ctl::Live;
use crate::domain::interview::CriticalRule;
use crate::domain::route::Route;
use crate::ui::erase::{click, event};
use leptos::prelude::*;

#[component]
pub fn Submit(ctl: Live) -> impl IntoView {
    let i18n = ctl.i18n;
    let (takeaways_text, reason_text, candidate) = ctl
        .card
        .with_untracked(|c| {
            c.as_ref()
                .map(|c| (c.takeaways.clone(), c.reason.clone(), c.candidate.clone()))
        })
        .unwrap_or_default();
    let reason = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ctl.update(Box::new(move |c| c.reason = v));
    };
    let takeaways = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ctl.update(Box::new(move |c| c.takeaways = v));
    };
    let submit_error = RwSignal::new(false);
    let submit = move |_| {
        let Some(ok) = ctl.submit() else {
            return;
        };
        if !ok {
            crate::ui::dom::focus_id("card-reason");
        }
        submit_error.set(!ok);
    };
    let submitted = move || ctl.with(|c| c.submitted()).unwrap_or(false);
    // A critical red flag with a hire recommendation: the rule (blocking until a reason is written),
    // then a note.
    let rule = move || match ctl.with(|c| c.critical_rule())? {
        CriticalRule::Quiet => None,
        CriticalRule::Blocks => Some(true),
        CriticalRule::Explained => Some(false),
    };
    let candidate_link = Route::Candidate(candidate).href();
    view! {
        <label for="card-takeaways">{tx!(i18n, card_takeaways)}</label>
        <textarea id="card-takeaways" rows="3" prop:value=move || ctl.with(|c| c.takeaways.clone()).unwrap_or_else(|| takeaways_text.clone()) on:input=event(takeaways)></textarea>
        {move || rule().map(|blocked| view! {
            <p class=if blocked { "error" } else { "warning" } data-testid="critical-rule">{tx!(i18n, card_critical_rule)}</p>
        })}
        <label for="card-reason">{tx!(i18n, card_reason)}</label>
        <textarea id="card-reason" rows="2" prop:value=move || ctl.with(|c| c.reason.clone()).unwrap_or_else(|| reason_text.clone()) on:input=event(reason)></textarea>
        {move || submit_error.get().then(|| view! { <p role="alert" class="error" data-testid="submit-error">{tx!(i18n, card_submit_blocked)}</p> })}
        <p class="actions-row">
            {move || if submitted() {
                view! { <span class="ok" role="status" data-testid="submitted">{tx!(i18n, card_submitted)}</span> }.into_any()
            } else {
                view! { <button type="button" class="primary" on:click=click(submit)>{tx!(i18n, card_submit)}</button> }.into_any()
            }}
            <a class="button" href=candidate_link>{tx!(i18n, interview_to_candidate)}</a>
        </p>
    }
}
