//! One candidate: details (saved as typed), their interviews, the panel's scorecards (blind until
//! mine is submitted), a printable report, and deletion of everything about them.

use super::labels::{recommendation_label, status_label};
use super::name::InterviewerName;
use crate::domain::interview::{visible, Candidate, Scorecard, Status};
use crate::domain::route::Route;
use crate::domain::rubric::text;
use crate::i18n::*;
use crate::ui::dom::{fresh_id, now_ms};
use crate::ui::erase::{click, event};
use crate::ui::labels;
use crate::ui::router::go;
use crate::ui::state::{use_interviews, use_prefs, use_reviews};
use leptos::prelude::*;

/// A scorecard, read only: ratings, flags, traits, take-aways and the recommendation.
#[component]
pub fn CardSummary(card: Scorecard) -> impl IntoView {
    let i18n = use_i18n();
    let reviews = use_reviews();
    let iv = use_interviews();
    let lang = i18n.get_locale_untracked();
    let rubric = reviews.current();
    let ratings = rubric
        .scales()
        .filter_map(|(key, item)| {
            card.ratings
                .get(&key)
                .map(|r| format!("{}: {r}/5", text(&item.label, lang)))
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let flag_label = |id: &str| {
        rubric
            .section("red-flags")
            .and_then(|s| s.items.iter().find(|i| i.id == id))
            .map(|i| text(&i.label, lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let flags = card
        .flags
        .iter()
        .map(|(id, sev)| {
            let sev = match sev {
                crate::domain::interview::Severity::Minor => t_string!(i18n, severity_minor),
                crate::domain::interview::Severity::Major => t_string!(i18n, severity_major),
                crate::domain::interview::Severity::Critical => t_string!(i18n, severity_critical),
            };
            view! { <li class="flag">"⚑ " {flag_label(id)} " (" {sev} ")"</li> }
        })
        .collect_view();
    let traits = iv
        .traits()
        .into_iter()
        .filter(|t| card.traits.contains(&t.id))
        .map(|t| text(&t.label, lang).to_string())
        .collect::<Vec<_>>()
        .join(" · ");
    let status = if card.submitted() {
        t_string!(i18n, card_submitted).to_string()
    } else {
        t_string!(i18n, card_in_progress).to_string()
    };
    view! {
        <article class="card scorecard-summary" data-testid="scorecard">
            <h3>{card.interviewer.name.clone()} " · " {card.kit_name.clone()}</h3>
            <p class="meta">{labels::date(card.started_ms, lang, false)} " · " {status}</p>
            <p><strong>{tx!(i18n, card_recommendation)} ": "</strong>
                <span data-testid="card-recommendation">{recommendation_label(i18n, card.recommendation)}</span></p>
            {(!ratings.is_empty()).then(|| view! { <p data-testid="card-ratings">{ratings}</p> })}
            {(!card.flags.is_empty()).then(|| view! { <ul class="plain-list">{flags}</ul> })}
            {(!card.reason.trim().is_empty()).then(|| view! { <p><strong>{tx!(i18n, card_reason)} ": "</strong>{card.reason.clone()}</p> })}
            {(!traits.is_empty()).then(|| view! { <p><strong>{tx!(i18n, card_traits)} ": "</strong>{traits}</p> })}
            {(!card.takeaways.trim().is_empty()).then(|| view! { <p><strong>{tx!(i18n, card_takeaways)} ": "</strong>{card.takeaways.clone()}</p> })}
        </article>
    }
}

#[component]
pub fn CandidatePage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let iv = use_interviews();
    let prefs = use_prefs();
    let reviews = use_reviews();
    let id = StoredValue::new(id);
    if iv.candidate(&id.read_value()).is_none() {
        return view! {
            <section class="page" aria-labelledby="candidate-title">
                <h1 id="candidate-title" tabindex="-1">{tx!(i18n, candidate_missing)}</h1>
                <p><a href=Route::Interviewer.href()>{tx!(i18n, interviewer_title)}</a></p>
            </section>
        }
        .into_any();
    }
    let edit = move |apply: fn(&mut Candidate, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            if let Some(mut c) = iv.candidate(&id.read_value()) {
                apply(&mut c, v);
                iv.save_candidate(c);
            }
        }
    };
    let title = move || {
        iv.candidate(&id.read_value())
            .map(|c| c.name)
            .unwrap_or_default()
    };
    let kit_choice = RwSignal::new(String::from("phone-screen"));
    let kits = move || {
        let lang = i18n.get_locale();
        iv.kits()
            .into_iter()
            .map(
                |k| view! { <option value=k.id.clone()>{text(&k.name, lang).to_string()}</option> },
            )
            .collect_view()
    };
    let need_name = RwSignal::new(false);
    let start = move |_| {
        let Some(me) = prefs.interviewer() else {
            need_name.set(true);
            crate::ui::dom::focus_id("interviewer-name");
            return;
        };
        let Some(kit) = iv.kit(&kit_choice.get_untracked()) else {
            return;
        };
        let name = text(&kit.name, i18n.get_locale_untracked()).to_string();
        let mut card = Scorecard::new(
            fresh_id("interview"),
            &id.read_value(),
            &me,
            &kit,
            &name,
            now_ms(),
        );
        card.rubric = reviews.current().version;
        let card_id = card.id.clone();
        if iv.save_card(card) {
            go(&Route::Interview(card_id));
        }
    };
    let cards = move || {
        let me = prefs.interviewer().map(|i| i.id).unwrap_or_default();
        let all = iv.cards();
        let v = visible(&all, &me, &id.read_value());
        let mine: Vec<Scorecard> = all
            .iter()
            .filter(|c| c.candidate == *id.read_value() && c.interviewer.id == me)
            .cloned()
            .collect();
        let mine_view = mine
            .into_iter()
            .map(|c| {
                let link = Route::Interview(c.id.clone()).href();
                let label = if c.submitted() {
                    t_string!(i18n, card_open)
                } else {
                    t_string!(i18n, card_continue)
                };
                view! { <CardSummary card=c /> <p><a class="button" href=link>{label}</a></p> }
            })
            .collect_view();
        let others = v
            .others
            .into_iter()
            .cloned()
            .map(|c| view! { <CardSummary card=c /> })
            .collect_view();
        view! {
            <h2>{tx!(i18n, candidate_my_interviews)}</h2>
            {mine_view}
            <h2>{tx!(i18n, candidate_panel)}</h2>
            {(v.hidden > 0).then(|| view! {
                <p class="notice-inline" data-testid="blind">{txt!(t_string!(i18n, candidate_blind, n = v.hidden))}</p>
            })}
            {others}
        }
    };
    let statuses = move || {
        let current = iv
            .candidate(&id.read_value())
            .map(|c| c.status)
            .unwrap_or_default();
        Status::ALL
            .into_iter()
            .map(|s| view! { <option value=s.slug() selected=s == current>{status_label(i18n, s)}</option> })
            .collect_view()
    };
    let delete = move |_| {
        let name = title();
        if crate::ui::dom::confirm(&t_string!(i18n, candidate_confirm_delete, name = name))
            && iv.delete_candidate(&id.read_value())
        {
            go(&Route::Interviewer);
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="page candidate report" aria-labelledby="candidate-title">
            <h1 id="candidate-title" tabindex="-1">{txt!(title())}</h1>
            <div class="candidate-fields no-print">
                <div class="field">
                    <label for="cand-name">{tx!(i18n, candidate_name)}</label>
                    <input id="cand-name" type="text" prop:value=move || iv.candidate(&id.read_value()).map(|c| c.name).unwrap_or_default() on:change=event(edit(|c, v| if !v.trim().is_empty() { c.name = v.trim().to_string() })) />
                </div>
                <div class="field">
                    <label for="cand-role">{tx!(i18n, candidate_role)}</label>
                    <input id="cand-role" type="text" prop:value=move || iv.candidate(&id.read_value()).map(|c| c.role).unwrap_or_default() on:input=event(edit(|c, v| c.role = v)) />
                </div>
                <div class="field">
                    <label for="cand-date">{tx!(i18n, candidate_date)}</label>
                    <input id="cand-date" type="date" prop:value=move || iv.candidate(&id.read_value()).map(|c| c.date).unwrap_or_default() on:change=event(edit(|c, v| c.date = v)) />
                </div>
                <div class="field">
                    <label for="cand-status">{tx!(i18n, candidate_status)}</label>
                    <select id="cand-status" on:change=event(edit(|c, v| c.status = Status::from_slug(&v)))>{dview!(statuses())}</select>
                </div>
                <div class="field">
                    <label for="cand-notes">{tx!(i18n, candidate_notes)}</label>
                    <textarea id="cand-notes" rows="3" prop:value=move || iv.candidate(&id.read_value()).map(|c| c.notes).unwrap_or_default() on:input=event(edit(|c, v| c.notes = v))></textarea>
                </div>
            </div>
            <div class="card no-print">
                <h2>{tx!(i18n, candidate_start_title)}</h2>
                <InterviewerName />
                {move || need_name.get().then(|| view! { <p role="alert" class="error">{tx!(i18n, interviewer_name_needed)}</p> })}
                <div class="field">
                    <label for="kit-choice">{tx!(i18n, kit_choose)}</label>
                    <select id="kit-choice" on:change=event(move |ev| kit_choice.set(event_target_value(&ev)))>{dview!(kits())}</select>
                </div>
                <button type="button" class="primary" on:click=click(start)>{tx!(i18n, interview_start)}</button>
            </div>
            {dview!(cards())}
            <p class="actions-row no-print">
                <button type="button" on:click=click(print)>{tx!(i18n, report_print)}</button>
                <button type="button" class="danger" on:click=click(delete)>{tx!(i18n, candidate_delete)}</button>
            </p>
        </section>
    }
    .into_any()
}
