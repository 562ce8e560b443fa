//! The practice page: starts a session from a question, a set or at random, or resumes one.

use super::ctl::timer_for;
use super::session::Runner;
use crate::domain::route::{Route, Start};
use crate::domain::session::Session;
use crate::domain::sets::BuiltinSet;
use crate::i18n::*;
use crate::storage::StoreError;
use crate::ui::dom::{fresh_id, now_ms};
use crate::ui::router::replace_route;
use crate::ui::state::queries::draw;
use crate::ui::state::{
    use_bank, use_practice, use_prefs, use_reviews, Bank, LoadState, Practice, Reviews,
};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
enum NotStarted {
    NoQuestions,
    NotSaved(Option<StoreError>),
}

/// The questions a new session would ask, once the bank is loaded. Empty if none is available.
fn questions_for(bank: Bank, practice: Practice, reviews: Reviews, start: &Start) -> Vec<String> {
    // Every question's entry is built once, not once per id.
    let known: Vec<String> = bank
        .entries(crate::domain::locale::Lang::En)
        .into_iter()
        .map(|e| e.id)
        .collect();
    let exists = |id: &String| known.contains(id);
    let ids: Vec<String> = match start {
        Start::Resume => Vec::new(),
        Start::Question(id) => vec![id.clone()],
        Start::Random => draw(bank, practice, reviews, 1),
        Start::Set(id) => match BuiltinSet::from_id(id) {
            Some(BuiltinSet::Quick3) => draw(bank, practice, reviews, 3),
            Some(set) => set.question_ids().iter().map(|s| s.to_string()).collect(),
            None => bank.set(id).map(|s| s.question_ids).unwrap_or_default(),
        },
    };
    ids.into_iter().filter(exists).collect()
}

#[component]
pub fn PracticePage(start: Start) -> impl IntoView {
    let i18n = use_i18n();
    let bank = use_bank();
    let practice = use_practice();
    let prefs = use_prefs();
    let reviews = use_reviews();
    // Why no session could start: no question to ask, or it could not be saved (and why).
    let failed = RwSignal::new(None::<NotStarted>);
    let resume = start == Start::Resume;
    // A new session is created once the bank has loaded, then the address becomes `#/practice`,
    // so that a reload or Back resumes it rather than starting another.
    if !resume {
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) || matches!(bank.state(), LoadState::Loading) {
                return done.unwrap_or(false);
            }
            let ids = untrack(|| questions_for(bank, practice, reviews, &start));
            let Some(first) = ids.first().cloned() else {
                failed.set(Some(NotStarted::NoQuestions));
                return true;
            };
            let now = now_ms();
            if let Some(mut old) = practice.resumable() {
                old.finish(now);
                practice.save_session(old);
            }
            let timer = untrack(|| timer_for(bank, prefs, &first));
            let mut session = Session::new(fresh_id("session"), ids, now, timer);
            session.random = start == Start::Random;
            if let Start::Set(id) = &start {
                session.set = Some(id.clone());
            }
            match practice.sessions.try_save(session) {
                Ok(()) => replace_route(Route::Practice(Start::Resume)),
                Err(error) => failed.set(Some(NotStarted::NotSaved(error))),
            }
            true
        });
    }
    // Only the session's id: the runner must not be rebuilt on every change of the session.
    // A session that finishes here stays on screen (its summary) until the user moves on.
    let current = Memo::new(move |prev: Option<&Option<String>>| {
        practice
            .resumable()
            .map(|s| s.id)
            .or_else(|| prev.cloned().flatten())
    });
    let body = move || {
        if let Some(why) = failed.get() {
            let text = match why {
                NotStarted::NoQuestions => t_string!(i18n, practice_no_questions),
                NotStarted::NotSaved(Some(StoreError::Full)) => {
                    t_string!(i18n, practice_not_saved_full)
                }
                NotStarted::NotSaved(Some(StoreError::Unavailable(_))) => {
                    t_string!(i18n, practice_not_saved_blocked)
                }
                NotStarted::NotSaved(Some(StoreError::Aborted)) => {
                    t_string!(i18n, practice_not_saved_aborted)
                }
                NotStarted::NotSaved(_) => t_string!(i18n, practice_not_saved),
            };
            return view! { <p class="error" role="alert" data-testid="practice-not-started">{text}</p> }
                .into_any();
        }
        match current.get() {
            Some(id) if resume => view! { <Runner id=id /> }.into_any(),
            _ if !resume => view! { <p>{tx!(i18n, questions_loading)}</p> }.into_any(),
            _ => view! { <StartPanel /> }.into_any(),
        }
    };
    view! {
        <section class="page practice" aria-labelledby="practice-title">
            <h1 id="practice-title" tabindex="-1">{tx!(i18n, practice_title)}</h1>
            {dview!(body())}
        </section>
    }
}

/// No session under way: ways to start one.
#[component]
fn StartPanel() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="lead">{tx!(i18n, practice_intro)}</p>
        <div class="actions-row">
            <a class="button primary" href=Route::Practice(Start::Random).href()>
                {tx!(i18n, practice_random)}
            </a>
            <a class="button" href=Route::Practice(Start::Set(BuiltinSet::PhoneScreen.id().into())).href()>
                {tx!(i18n, practice_phone_screen)}
            </a>
            <a class="button" href=Route::Questions.href()>{tx!(i18n, practice_choose_question)}</a>
            <a class="button" href=Route::Sets.href()>{tx!(i18n, practice_choose_set)}</a>
        </div>
    }
}
