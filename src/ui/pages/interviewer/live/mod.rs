//! The live interview: the question with what to look for and the warning signs (for the
//! interviewer's eyes), the overall and section clocks against their budgets, notes and a rating per
//! question, red flags with severity, and the scorecard. Everything saves as it is typed; a reload
//! resumes at the same question with the clock where it was.
//!
//! - `mod.rs`: the page, wiring the parts;
//! - `ctl.rs`: the controller every part takes (the card, saved as it changes; the rubric; the clock);
//! - `clock_bar.rs`, `question.rs`, `flags.rs`, `scorecard.rs`, `submit.rs`: the parts, top to bottom.
//!
//! The rules (budgets, the clock, flags, traits, the critical-flag rule) are the scorecard's, in
//! `crate::domain::interview`.

mod clock_bar;
mod ctl;
mod flags;
mod question;
mod scorecard;
mod submit;

use crate::domain::route::Route;
use crate::i18n::*;
use crate::ui::state::{use_interviews, use_reviews};
use clock_bar::ClockBar;
use ctl::Live;
use flags::Flags;
use leptos::prelude::*;
use question::Question;
use scorecard::ScorecardForm;
use submit::Submit;

#[component]
pub fn InterviewPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let iv = use_interviews();
    let reviews = use_reviews();
    let Some(initial) = iv.card(&id) else {
        return view! {
            <section class="page" aria-labelledby="live-title">
                <h1 id="live-title" tabindex="-1">{tx!(i18n, interview_missing)}</h1>
                <p><a href=Route::Interviewer.href()>{tx!(i18n, interviewer_title)}</a></p>
            </section>
        }
        .into_any();
    };
    let ctl = Live::new(i18n, iv, id, reviews.rubric(initial.rubric_version()));
    let candidate_name = iv
        .candidate(&initial.candidate)
        .map(|c| c.name)
        .unwrap_or_default();
    view! {
        <section class="page live" aria-labelledby="live-title">
            <h1 id="live-title" tabindex="-1">{candidate_name} " · " {initial.kit_name}</h1>
            <p class="live-guide">
                <a href=Route::Guide.href()>{tx!(i18n, guide_title)}</a>
                " · " {tx!(i18n, guide_live_hint)}
            </p>
            <ClockBar ctl />
            <Question ctl />
            <Flags ctl />
            <ScorecardForm ctl />
            <Submit ctl />
        </section>
    }
    .into_any()
}
