//! Interviewer mode: who I am on the panel, the candidates, and the panel files.

mod candidate;
mod compare;
mod guide;
mod kits;
mod labels;
mod live;
mod name;
mod panel;

pub use candidate::CandidatePage;
pub use compare::CandidatesPage;
pub use guide::GuidePage;
pub use kits::{KitPage, KitsPage};
pub use live::InterviewPage;

use crate::domain::interview::{Candidate, Status};
use crate::domain::route::Route;
use crate::i18n::*;
use crate::ui::dom::{fresh_id, now_ms};
use crate::ui::erase::submit;
use crate::ui::state::use_interviews;
use labels::status_label;
use leptos::prelude::*;
use name::InterviewerName;

#[component]
pub fn InterviewerPage() -> impl IntoView {
    let i18n = use_i18n();
    let iv = use_interviews();
    let error = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlFormElement>(t).ok())
        else {
            return;
        };
        let value = |name: &str| -> String {
            form.get_with_name(name)
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok())
                .map(|i| i.value())
                .unwrap_or_default()
        };
        let name = value("name").trim().to_string();
        if name.is_empty() {
            error.set(true);
            crate::ui::dom::focus_id("new-candidate-name");
            return;
        }
        error.set(false);
        let c = Candidate {
            id: fresh_id("candidate"),
            name,
            role: value("role").trim().to_string(),
            date: value("date"),
            status: Status::Screen,
            notes: String::new(),
            created_ms: now_ms(),
        };
        if iv.save_candidate(c) {
            form.reset();
        }
    };
    let list = move || {
        let cards = iv.cards();
        let mut all = iv.candidates();
        all.sort_by_key(|c| std::cmp::Reverse(c.created_ms));
        if all.is_empty() {
            return view! { <p class="empty">{tx!(i18n, candidates_empty)}</p> }.into_any();
        }
        all.into_iter()
            .map(|c| {
                let n = cards.iter().filter(|s| s.candidate == c.id).count();
                let meta = [c.role.clone(), c.date.clone(), status_label(i18n, c.status)]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! {
                    <li class="candidate-row" data-testid="candidate-row">
                        <a href=Route::Candidate(c.id.clone()).href()>{c.name}</a>
                        <span class="meta">{meta} " · " {txt!(t_string!(i18n, candidate_scorecards, n = n))}</span>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="page interviewer" aria-labelledby="interviewer-title">
            <h1 id="interviewer-title" tabindex="-1">{tx!(i18n, interviewer_title)}</h1>
            <p class="lead">{tx!(i18n, interviewer_intro)}</p>
            <InterviewerName />
            <p class="actions-row">
                <a class="button" href=Route::Kits.href()>{tx!(i18n, kits_title)}</a>
                <a class="button" href=Route::Candidates.href()>{tx!(i18n, compare_candidates_title)}</a>
                <a class="button" href=Route::Guide.href()>{tx!(i18n, guide_title)}</a>
            </p>
            <h2>{tx!(i18n, candidates_title)}</h2>
            <form class="card add-candidate" on:submit=submit(add) novalidate>
                <div class="field">
                    <label for="new-candidate-name">{tx!(i18n, candidate_name)}</label>
                    <input id="new-candidate-name" name="name" type="text" required
                        aria-invalid=move || error.get().then_some("true") aria-describedby="new-candidate-error" />
                    <p id="new-candidate-error" class="error" role="alert">
                        {move || error.get().then(|| t_string!(i18n, candidate_name_required))}
                    </p>
                </div>
                <div class="field">
                    <label for="new-candidate-role">{tx!(i18n, candidate_role)}</label>
                    <input id="new-candidate-role" name="role" type="text" />
                </div>
                <div class="field">
                    <label for="new-candidate-date">{tx!(i18n, candidate_date)}</label>
                    <input id="new-candidate-date" name="date" type="date" />
                </div>
                <button type="submit" class="primary">{tx!(i18n, candidate_add)}</button>
            </form>
            <ul class="plain-list candidates">{dview!(list())}</ul>
            <panel::PanelFiles />
        </section>
    }
}
