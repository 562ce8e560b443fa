//! The live interview: the question with what to look for and the warning signs (for the
//! interviewer's eyes), the overall and section clocks against their budgets, notes and a rating per
//! question, red flags with severity, and the scorecard. Everything saves as it is typed; a reload
//! resumes at the same question with the clock where it was.

use super::candidate::recommendation_label;
use crate::domain::interview::{budget, Budget, Recommendation, Scorecard, Severity, SubmitError};
use crate::domain::route::Route;
use crate::domain::rubric::{mark_key, text, Kind};
use crate::domain::timer::duration;
use crate::i18n::*;
use crate::ui::bank::Bank;
use crate::ui::components::Levels;
use crate::ui::erase::{click, event};
use crate::ui::interviews::Interviews;
use crate::ui::lang::from_locale;
use crate::ui::practice::now_ms;
use crate::ui::reviews::Reviews;
use leptos::prelude::*;

#[component]
pub fn InterviewPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let iv = expect_context::<Interviews>();
    let bank = expect_context::<Bank>();
    let reviews = expect_context::<Reviews>();
    let id = StoredValue::new(id);
    let Some(initial) = iv.card(&id.read_value()) else {
        return view! {
            <section class="page" aria-labelledby="live-title">
                <h1 id="live-title" tabindex="-1">{tx!(i18n, interview_missing)}</h1>
                <p><a href=Route::Interviewer.href()>{tx!(i18n, interviewer_title)}</a></p>
            </section>
        }
        .into_any();
    };
    let card = Memo::new(move |_| iv.card(&id.read_value()));
    let update = move |change: Box<dyn FnOnce(&mut Scorecard)>| {
        iv.update_card(&id.read_value(), change);
    };
    // The clock's display: a signal ticked every second while the page is open.
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(now_ms()),
        std::time::Duration::from_millis(1000),
    ) {
        on_cleanup(move || handle.clear());
    }
    let rubric = reviews.rubric(initial.rubric.max(1));
    let rubric = StoredValue::new(rubric);
    let candidate_name = iv
        .candidate(&initial.candidate)
        .map(|c| c.name)
        .unwrap_or_default();

    // Each clock figure is its own reactive text, so the button under them stays put.
    let section_now = move || {
        card.with(|c| {
            let c = c.as_ref()?;
            let section = c.flat().get(c.current).map(|(s, _)| *s).unwrap_or(0);
            Some((section, c.sections.get(section)?.minutes))
        })
    };
    let spent = move || {
        let t = now.get();
        let (section, _) = section_now().unwrap_or((0, 0));
        card.with(|c| {
            c.as_ref()
                .map(|c| c.clock.section_ms(section, t))
                .unwrap_or(0)
        })
    };
    let budget_state = move || {
        let (_, minutes) = section_now().unwrap_or((0, 0));
        budget(spent(), minutes)
    };
    let clocks = move || {
        let total_budget: u32 = card.with_untracked(|c| {
            c.as_ref()
                .map(|c| c.sections.iter().map(|s| s.minutes).sum())
                .unwrap_or(0)
        });
        let total = move || {
            let t = now.get();
            card.with(|c| {
                c.as_ref()
                    .map(|c| duration(c.clock.total_ms(c.sections.len(), t)))
                    .unwrap_or_default()
            })
        };
        let title = move || {
            let lang = i18n.get_locale();
            let (section, _) = section_now().unwrap_or((0, 0));
            card.with(|c| {
                c.as_ref()
                    .and_then(|c| c.sections.get(section))
                    .map(|s| text(&s.title, lang).to_string())
                    .unwrap_or_default()
            })
        };
        let of = move || duration(u64::from(section_now().map(|(_, m)| m).unwrap_or(0)) * 60_000);
        let warning = move || match budget_state() {
            Budget::Within => String::new(),
            Budget::Near => t_string!(i18n, budget_near).to_string(),
            Budget::Over { .. } => {
                let limit = u64::from(section_now().map(|(_, m)| m).unwrap_or(0)) * 60_000;
                t_string!(
                    i18n,
                    budget_over,
                    over = duration(spent().saturating_sub(limit))
                )
            }
        };
        let state_name = move || match budget_state() {
            Budget::Within => "within",
            Budget::Near => "near",
            Budget::Over { .. } => "over",
        };
        let toggle = move |_| {
            update(Box::new(move |c| {
                if c.clock.running() {
                    c.clock.stop(now_ms());
                } else {
                    c.clock.start(now_ms());
                }
            }))
        };
        let label = move || {
            card.with(|c| match c {
                Some(c) if c.clock.running() => t_string!(i18n, clock_pause),
                Some(c) if c.clock.spent.iter().any(|s| *s > 0) => t_string!(i18n, clock_resume),
                _ => t_string!(i18n, clock_start),
            })
        };
        view! {
            <div class="clocks" data-budget=state_name data-testid="clocks">
                <p><strong>{tx!(i18n, clock_total)}</strong> " "
                    <span data-testid="total-clock">{txt!(total())}</span>
                    " / " {duration(u64::from(total_budget) * 60_000)}</p>
                <p><strong>{txt!(title())}</strong> " "
                    <span data-testid="section-clock">{txt!(duration(spent()))}</span> " / " {txt!(of())}</p>
                <p class="budget-warning" role="status" data-testid="budget-warning">{txt!(warning())}</p>
                <button type="button" data-testid="clock-toggle" on:click=click(toggle)>{txt!(label())}</button>
            </div>
        }
    };

    let current = Memo::new(move |_| card.with(|c| c.as_ref().map(|c| c.current)));
    let question = move || {
        current.get()?;
        let c = card.get_untracked()?;
        let lang = i18n.get_locale();
        let flat: Vec<(usize, String)> = c
            .flat()
            .into_iter()
            .map(|(s, q)| (s, q.to_string()))
            .collect();
        let (_, qid) = flat.get(c.current)?.clone();
        let entry = bank
            .entries(from_locale(lang))
            .into_iter()
            .find(|e| e.id == qid);
        let title = entry
            .as_ref()
            .map(|e| e.title.clone())
            .unwrap_or_else(|| qid.clone());
        let looking = entry
            .as_ref()
            .map(|e| e.looking_for.clone())
            .unwrap_or_default();
        let good: Vec<String> = entry
            .as_ref()
            .map(|e| e.good_signals.clone())
            .unwrap_or_default();
        let warn: Vec<String> = entry
            .as_ref()
            .map(|e| e.warning_signs.clone())
            .unwrap_or_default();
        let answer = c.answers.get(&qid).cloned().unwrap_or_default();
        let n = c.current;
        let total = flat.len();
        let q1 = qid.clone();
        let notes = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let q = q1.clone();
            update(Box::new(move |c| c.answers.entry(q).or_default().notes = v));
        };
        let q = StoredValue::new(qid.clone());
        let rating = Signal::derive(move || {
            card.with(|c| {
                c.as_ref()
                    .and_then(|c| c.answers.get(&*q.read_value()))
                    .and_then(|a| a.rating)
            })
        });
        let rate = Callback::new(move |r: u8| {
            let q = q.get_value();
            update(Box::new(move |c| {
                c.answers.entry(q).or_default().rating = Some(r)
            }));
        });
        let go_to = move |to: usize| update(Box::new(move |c| c.go_to(to, now_ms())));
        let options = flat
            .iter()
            .enumerate()
            .map(|(i, (_, q))| {
                let t = bank
                    .entries(from_locale(lang))
                    .into_iter()
                    .find(|e| &e.id == q)
                    .map(|e| e.title)
                    .unwrap_or_else(|| q.clone());
                view! { <option value=i selected=i == n>{format!("{}. {t}", i + 1)}</option> }
            })
            .collect_view();
        Some(view! {
            <section class="live-question" aria-labelledby="live-question-title">
                <p class="meta" data-testid="question-position">{t_string!(i18n, interview_position, n = n + 1, total = total)}</p>
                <h2 id="live-question-title" tabindex="-1">{title}</h2>
                <details class="for-interviewer" open>
                    <summary>{tx!(i18n, interview_look_for)}</summary>
                    <p>{looking}</p>
                    <ul>{good.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                    <p><strong>{tx!(i18n, interview_warning_signs)}</strong></p>
                    <ul class="warning-signs">{warn.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                </details>
                <label for="question-notes">{tx!(i18n, interview_notes)}</label>
                <textarea id="question-notes" rows="4" prop:value=answer.notes on:input=event(notes)></textarea>
                <fieldset class="scale">
                    <legend>{tx!(i18n, interview_rating)}</legend>
                    <Levels name="question-rating".to_string() key="question-rating".to_string()
                        current=rating on_pick=rate />
                </fieldset>
                <div class="actions-row">
                    <button type="button" disabled=n == 0 on:click=click(move |_| go_to(n.saturating_sub(1)))>{tx!(i18n, history_prev)}</button>
                    <button type="button" class="primary" disabled={n + 1 >= total} on:click=click(move |_| go_to(n + 1))>{tx!(i18n, history_next)}</button>
                    <label class="jump">
                        <span class="visually-hidden">{tx!(i18n, interview_jump)}</span>
                        <select on:change=event(move |ev| go_to(event_target_value(&ev).parse().unwrap_or(0)))>{options}</select>
                    </label>
                </div>
            </section>
        })
    };

    let flags = move || {
        let lang = i18n.get_locale();
        let r = rubric.get_value();
        let sec = r.sections.iter().find(|s| s.kind == Kind::Flag)?.clone();
        let rows = sec
            .items
            .iter()
            .map(|item| {
                let fid = item.id.clone();
                let f2 = StoredValue::new(item.id.clone());
                let current = move || card.with(|c| c.as_ref().and_then(|c| c.flags.get(&*f2.read_value()).copied()));
                let select_id = format!("flag-{fid}");
                let change = move |ev: leptos::ev::Event| {
                    let v = Severity::from_slug(&event_target_value(&ev));
                    let f = fid.clone();
                    update(Box::new(move |c| match v {
                        Some(s) => {
                            c.flags.insert(f, s);
                        }
                        None => {
                            c.flags.remove(&f);
                        }
                    }));
                };
                let opt = |s: Option<Severity>, label: String| {
                    view! { <option value=s.map(Severity::slug).unwrap_or("")>{label}</option> }
                };
                let slug = move || current().map(Severity::slug).unwrap_or("");
                view! {
                    <div class="flag-row" data-severity=move || current().map(Severity::slug).unwrap_or("none")>
                        <label for=select_id.clone()>{text(&item.label, lang).to_string()}</label>
                        <select id=select_id on:change=event(change) data-flag=item.id.clone() prop:value=slug>
                            {opt(None, t_string!(i18n, severity_none).to_string())}
                            {opt(Some(Severity::Minor), t_string!(i18n, severity_minor).to_string())}
                            {opt(Some(Severity::Major), t_string!(i18n, severity_major).to_string())}
                            {opt(Some(Severity::Critical), t_string!(i18n, severity_critical).to_string())}
                        </select>
                    </div>
                }
            })
            .collect_view();
        Some(view! {
            <fieldset class="red-flags">
                <legend>{text(&sec.title, lang).to_string()}</legend>
                {rows}
            </fieldset>
        })
    };

    let scorecard = move || {
        let lang = i18n.get_locale();
        let r = rubric.get_value();
        let scales = r
            .sections
            .iter()
            .filter(|s| s.kind == Kind::Scale)
            .map(|s| {
                let items = s
                    .items
                    .iter()
                    .map(|item| {
                        let key = mark_key(&s.id, &item.id);
                        let k2 = StoredValue::new(key.clone());
                        let current = move || card.with(|c| c.as_ref().and_then(|c| c.ratings.get(&*k2.read_value()).copied()));
                        let levels = StoredValue::new(item.levels.clone());
                        let described = move || {
                            let n = current()?;
                            levels.with_value(|l| l.get(usize::from(n) - 1).map(|l| format!("{n}: {}", text(l, lang))))
                        };
                        let titles: Vec<String> = item.levels.iter().map(|l| text(l, lang).to_string()).collect();
                        let pick = Callback::new(move |n: u8| {
                            let k = k2.get_value();
                            update(Box::new(move |c| {
                                c.ratings.insert(k, n);
                            }));
                        });
                        view! {
                            <fieldset class="scale">
                                <legend>{text(&item.label, lang).to_string()}</legend>
                                <Levels name=format!("card-{key}") key=key.clone() titles=titles
                                    current=Signal::derive(current) on_pick=pick />
                                <p class="level-text">{txt!(described().unwrap_or_default())}</p>
                            </fieldset>
                        }
                    })
                    .collect_view();
                view! { <fieldset class="rubric-section"><legend>{text(&s.title, lang).to_string()}</legend>{items}</fieldset> }
            })
            .collect_view();
        let traits = iv
            .traits()
            .into_iter()
            .map(|t| {
                let t2 = t.id.clone();
                let checked = move || card.with(|c| c.as_ref().is_some_and(|c| c.traits.contains(&t2)));
                let tid = t.id.clone();
                let toggle = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    let t = tid.clone();
                    update(Box::new(move |c| {
                        c.traits.retain(|x| *x != t);
                        if on {
                            c.traits.push(t);
                        }
                    }));
                };
                view! {
                    <label class="chip">
                        <input type="checkbox" data-trait=t.id.clone() prop:checked=checked on:change=event(toggle) />
                        <span>{text(&t.label, lang).to_string()}</span>
                    </label>
                }
            })
            .collect_view();
        let recs = Recommendation::ALL
            .into_iter()
            .map(|rec| {
                let pick = move |_| update(Box::new(move |c| c.recommendation = rec));
                view! {
                    <label class="chip">
                        <input type="radio" name="recommendation" value=rec.slug()
                            prop:checked=move || card.with(|c| c.as_ref().map(|c| c.recommendation)) == Some(rec) on:change=event(pick) />
                        <span>{recommendation_label(i18n, rec)}</span>
                    </label>
                }
            })
            .collect_view();
        Some(view! {
            <section class="scorecard" aria-labelledby="scorecard-title">
                <h2 id="scorecard-title">{tx!(i18n, scorecard_title)}</h2>
                {scales}
                <fieldset class="rubric-section">
                    <legend>{tx!(i18n, card_traits)}</legend>
                    <div class="chips">{traits}</div>
                </fieldset>
                <fieldset class="rubric-section">
                    <legend>{tx!(i18n, card_recommendation)}</legend>
                    <div class="chips">{recs}</div>
                </fieldset>
            </section>
        })
    };
    let reason = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        update(Box::new(move |c| c.reason = v));
    };
    let takeaways = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        update(Box::new(move |c| c.takeaways = v));
    };
    let submit_error = RwSignal::new(false);
    let submit = move |_| {
        let Some(mut c) = iv.card(&id.read_value()) else {
            return;
        };
        let ok = c.submit(now_ms()).is_ok();
        if ok {
            iv.save_card(c);
        } else {
            crate::ui::focus::focus_id("card-reason");
        }
        submit_error.set(!ok);
    };
    let submitted = move || card.with(|c| c.as_ref().is_some_and(|c| c.submitted()));
    // A critical red flag with a hire recommendation: the rule, then (once a reason is written) a note.
    let rule = move || {
        card.with(|c| {
            let c = c.as_ref()?;
            (c.recommendation.is_hire() && c.critical_flags() > 0)
                .then(|| c.check() == Err(SubmitError::CriticalFlagNeedsReason))
        })
    };
    let candidate_link = Route::Candidate(initial.candidate.clone()).href();
    view! {
        <section class="page live" aria-labelledby="live-title">
            <h1 id="live-title" tabindex="-1">{candidate_name} " · " {initial.kit_name.clone()}</h1>
            {clocks()}
            {dview!(question())}
            {dview!(flags())}
            {dview!(scorecard())}
            <label for="card-takeaways">{tx!(i18n, card_takeaways)}</label>
            <textarea id="card-takeaways" rows="3" prop:value=initial.takeaways.clone() on:input=event(takeaways)></textarea>
            {move || rule().map(|blocked| view! {
                <p class=if blocked { "error" } else { "warning" } data-testid="critical-rule">{tx!(i18n, card_critical_rule)}</p>
            })}
            <label for="card-reason">{tx!(i18n, card_reason)}</label>
            <textarea id="card-reason" rows="2" prop:value=initial.reason.clone() on:input=event(reason)></textarea>
            {move || submit_error.get().then(|| view! { <p role="alert" class="error" data-testid="submit-error">{tx!(i18n, card_submit_blocked)}</p> })}
            <p class="actions-row">
                {move || if submitted() {
                    view! { <span class="ok" role="status" data-testid="submitted">{tx!(i18n, card_submitted)}</span> }.into_any()
                } else {
                    view! { <button type="button" class="primary" on:click=click(submit)>{tx!(i18n, card_submit)}</button> }.into_any()
                }}
                <a class="button" href=candidate_link>{tx!(i18n, interview_to_candidate)}</a>
            </p>
        </section>
    }
    .into_any()
}
