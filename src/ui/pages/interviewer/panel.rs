//! Panel files: export my scorecards; import colleagues' and merge them per candidate.

use crate::domain::backup::ImportError;
use crate::domain::panel::{export_panel, merge, parse_panel, Merge, PANEL_SCHEMA};
use crate::i18n::*;
use crate::ui::dom::{dated_name, download, file_text, now_ms, picked_file};
use crate::ui::erase::{click, event};
use crate::ui::state::{use_interviews, use_prefs};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;

#[derive(Clone)]
enum State {
    Idle,
    Failed(ImportError),
    Ready(Merge),
    Done(usize, usize),
}

#[component]
pub fn PanelFiles() -> impl IntoView {
    let i18n = use_i18n();
    let iv = use_interviews();
    let prefs = use_prefs();
    let state = RwSignal::new(State::Idle);
    // Conflicts whose incoming version the user chose to take, by scorecard id.
    let take = RwSignal::new(BTreeSet::<String>::new());
    let no_name = RwSignal::new(false);
    let export = move |_| {
        let Some(me) = prefs.interviewer() else {
            no_name.set(true);
            crate::ui::dom::focus_id("interviewer-name");
            return;
        };
        no_name.set(false);
        let text = export_panel(&me, &iv.candidates(), &iv.cards(), now_ms());
        download(&dated_name("panel"), &text);
    };
    let pick = move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else {
            return;
        };
        take.set(BTreeSet::new());
        spawn_local(async move {
            let text = file_text(file).await;
            state.set(match parse_panel(&text) {
                Ok(f) => State::Ready(merge(&iv.candidates(), &iv.cards(), &f)),
                Err(e) => State::Failed(e),
            });
        });
    };
    let apply = move |_| {
        let State::Ready(m) = state.get_untracked() else {
            return;
        };
        let chosen = take.get_untracked();
        let mut saved = 0;
        for c in m.new_candidates {
            iv.save_candidate(c);
        }
        for card in m.add.into_iter().chain(
            m.conflicts
                .into_iter()
                .map(|(_, theirs)| theirs)
                .filter(|c| chosen.contains(&c.id)),
        ) {
            if iv.save_card(card) {
                saved += 1;
            }
        }
        state.set(State::Done(saved, chosen.len()));
    };
    let view_state = move || {
        match state.get() {
        State::Idle => ().into_any(),
        State::Done(n, replaced) => view! {
            <p role="status" class="ok" data-testid="panel-done">{t_string!(i18n, panel_done, n = n, replaced = replaced)}</p>
        }
        .into_any(),
        State::Failed(e) => {
            let msg = match e {
                ImportError::NotOurs => t_string!(i18n, panel_error_not_ours).to_string(),
                ImportError::Corrupt(_) => t_string!(i18n, panel_error_corrupt).to_string(),
                ImportError::Newer { found, .. } => t_string!(i18n, panel_error_newer, found = found, supported = PANEL_SCHEMA),
            };
            view! { <div role="alert" class="error" data-testid="panel-error"><p>{msg}</p><p>{tx!(i18n, data_nothing_changed)}</p></div> }.into_any()
        }
        State::Ready(m) => {
            let names = iv.candidates();
            let name_of = move |id: &str| names.iter().find(|c| c.id == id).map(|c| c.name.clone()).unwrap_or_else(|| id.to_string());
            let conflicts = m
                .conflicts
                .iter()
                .map(|(mine, theirs)| {
                    let id = theirs.id.clone();
                    let toggle = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        let id = id.clone();
                        take.update(|s| {
                            if on {
                                s.insert(id);
                            } else {
                                s.remove(&id);
                            }
                        });
                    };
                    let who = theirs.interviewer.name.clone();
                    let cand = name_of(&mine.candidate);
                    view! {
                        <li>
                            <label class="check">
                                <input type="checkbox" on:change=event(toggle) />
                                {txt!(t_string!(i18n, panel_conflict, who = who, candidate = cand))}
                            </label>
                        </li>
                    }
                })
                .collect_view();
            let nothing = m.is_empty();
            view! {
                <div class="import-plan" data-testid="panel-plan">
                    <p>{t_string!(i18n, panel_plan, candidates = m.new_candidates.len(), cards = m.add.len(), same = m.same)}</p>
                    {(!m.conflicts.is_empty()).then(|| view! {
                        <p class="warning">{tx!(i18n, panel_conflicts)}</p>
                        <ul class="plain-list" data-testid="panel-conflicts">{conflicts}</ul>
                    })}
                    {if nothing {
                        view! { <p role="status">{tx!(i18n, data_plan_nothing)}</p> }.into_any()
                    } else {
                        view! { <button type="button" class="primary" on:click=click(apply)>{tx!(i18n, panel_merge)}</button> }.into_any()
                    }}
                </div>
            }
            .into_any()
        }
    }
    };
    view! {
        <section class="panel-files" aria-labelledby="panel-title">
            <h2 id="panel-title">{tx!(i18n, panel_title)}</h2>
            <p>{tx!(i18n, panel_intro)}</p>
            <button type="button" on:click=click(export)>{tx!(i18n, panel_export)}</button>
            {move || no_name.get().then(|| view! { <p role="alert" class="error">{tx!(i18n, interviewer_name_needed)}</p> })}
            <div class="field">
                <label for="panel-file">{tx!(i18n, panel_import)}</label>
                <input id="panel-file" type="file" accept=".json,application/json" on:change=event(pick) />
            </div>
            {dview!(view_state())}
        </section>
    }
}
