use crate::domain::custom::Field;
use crate::domain::session::{PracticePrefs, ANSWER_RANGE, THINK_RANGE};
use crate::domain::settings::{parse_retention_days, OutOfRange, DEFAULT_RETENTION_DAYS};
use crate::domain::units::format_bytes;
use crate::i18n::*;
use crate::ui::components::{use_storage_estimate, LanguageSwitch, TextField};
use crate::ui::dom::confirm;
use crate::ui::erase::{click, event};
use crate::ui::labels;
use crate::ui::state::{queries, use_notices, use_practice, use_prefs};
use leptos::prelude::*;

/// Language, practice timing and signals, and what is stored where.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let estimate = use_storage_estimate();
    let usage = move || match estimate.get() {
        Some(e) => t_string!(
            i18n,
            settings_storage_usage,
            used = format_bytes(e.usage),
            quota = format_bytes(e.quota)
        )
        .to_string(),
        None => t_string!(i18n, settings_storage_unavailable).to_string(),
    };
    let checkbox = move |apply: fn(&mut PracticePrefs, bool)| {
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            prefs.update_practice(|p| apply(p, on));
        }
    };
    let initial = prefs.practice();
    // A number of seconds: saved when it is a whole number in range, else an error under the box.
    let seconds =
        move |field: Field, (min, max): (u32, u32), apply: fn(&mut PracticePrefs, u32)| {
            let value = RwSignal::new(
                match field {
                    Field::ThinkSeconds => initial.think_seconds,
                    _ => initial.answer_seconds,
                }
                .to_string(),
            );
            let error = RwSignal::new(None::<String>);
            // Another tab's change shows here too (the box follows what is stored).
            Effect::new(move |_| {
                let p = prefs.practice();
                let stored = match field {
                    Field::ThinkSeconds => p.think_seconds,
                    _ => p.answer_seconds,
                };
                if untrack(|| value.get().trim().parse::<u32>().ok()) != Some(stored) {
                    value.set(stored.to_string());
                }
            });
            Effect::new(move |_| {
                let text = value.get();
                match text.trim().parse::<u32>() {
                    Ok(n) if (min..=max).contains(&n) => {
                        error.set(None);
                        let mut next = untrack(|| prefs.practice());
                        let old = next.clone();
                        apply(&mut next, n);
                        if next != old {
                            prefs.update_practice(|p| apply(p, n));
                        }
                    }
                    _ => error.set(Some(labels::input_error(
                        i18n,
                        &crate::domain::custom::InputError::OutOfRange { field, min, max },
                    ))),
                }
            });
            (value, error)
        };
    let (think, think_error) =
        seconds(Field::ThinkSeconds, THINK_RANGE, |p, n| p.think_seconds = n);
    let (answer, answer_error) = seconds(Field::AnswerSeconds, ANSWER_RANGE, |p, n| {
        p.answer_seconds = n
    });
    let persisted = move || {
        let practice = use_practice();
        match practice.persisted.get() {
            Some(true) => t_string!(i18n, storage_persistent).to_string(),
            Some(false) => t_string!(i18n, storage_not_persistent).to_string(),
            None => String::new(),
        }
    };
    view! {
        <section class="page settings" aria-labelledby="settings-title">
            <h1 id="settings-title" tabindex="-1">{tx!(i18n, settings_title)}</h1>
            <div class="card">
                <LanguageSwitch id="lang-settings" />
                <p class="help">{tx!(i18n, settings_language_help)}</p>
            </div>
            <div class="card">
                <h2>{tx!(i18n, settings_practice_title)}</h2>
                <label class="check">
                    <input type="checkbox" id="question-times" prop:checked=move || prefs.practice().question_times
                        on:change=event(checkbox(|p, on| p.question_times = on)) />
                    {tx!(i18n, settings_question_times)}
                </label>
                <TextField id="think-seconds" label=Signal::derive(move || labels::field(i18n, Field::ThinkSeconds))
                    value=think error=think_error />
                <TextField id="answer-seconds" label=Signal::derive(move || labels::field(i18n, Field::AnswerSeconds))
                    value=answer error=answer_error />
                <p class="help">{tx!(i18n, settings_times_help)}</p>
                <label class="check">
                    <input type="checkbox" id="allow-overtime" prop:checked=move || prefs.practice().allow_overtime
                        on:change=event(checkbox(|p, on| p.allow_overtime = on)) />
                    {tx!(i18n, settings_overtime)}
                </label>
                <label class="check">
                    <input type="checkbox" id="warning-tone" prop:checked=move || prefs.practice().tone
                        on:change=event(checkbox(|p, on| p.tone = on)) />
                    {tx!(i18n, settings_tone)}
                </label>
                <label class="check">
                    <input type="checkbox" id="warning-vibrate" prop:checked=move || prefs.practice().vibrate
                        on:change=event(checkbox(|p, on| p.vibrate = on)) />
                    {tx!(i18n, settings_vibrate)}
                </label>
            </div>
            <super::transcribe::TranscribeSetting />
            <div class="card">
                <h2>{tx!(i18n, settings_storage_title)}</h2>
                <p>{tx!(i18n, settings_storage_body)}</p>
                <p>{txt!(usage())}</p>
                <p data-testid="persisted">{txt!(persisted())}</p>
                <p><a class="button" href=crate::domain::route::Route::Data.href()>{tx!(i18n, data_title)}</a></p>
            </div>
            <RetentionSettings />
            <div class="card">
                <h2>{tx!(i18n, rubric_edit_title)}</h2>
                <p>{tx!(i18n, settings_rubric_body)}</p>
                <p><a class="button" href=crate::domain::route::Route::Rubric.href()>{tx!(i18n, rubric_edit_title)}</a></p>
            </div>
        </section>
    }
}

/// "Delete recordings older than N days", off by default. Before a change applies, a preview says
/// how many recordings (and bytes) it deletes now; a change that deletes any asks first, then is
/// saved and applied at once. From then on it applies at every start-up.
#[component]
fn RetentionSettings() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let practice = use_practice();
    let notices = use_notices();
    let saved = move || prefs.retention_days();
    let text = RwSignal::new(untrack(saved).unwrap_or(DEFAULT_RETENTION_DAYS).to_string());
    let typed = Memo::new(move |_| parse_retention_days(&text.get()));
    let error = move || match typed.get() {
        Err(OutOfRange { min, max }) => {
            t_string!(i18n, settings_retention_range, min = min, max = max)
        }
        Ok(_) => String::new(),
    };
    // The typed days, when they are valid and differ from what is saved.
    let pending = move || typed.get().ok().filter(|d| saved() != Some(*d));
    // Saves `days` and applies them at once, asking first when that deletes recordings. `false`
    // when the user said no or the setting could not be saved (a notice says so).
    let commit = move |days: u32| -> bool {
        let plan = untrack(|| queries::retention_plan(practice, days));
        if !plan.is_empty() {
            let question = t_string!(
                i18n,
                settings_retention_confirm,
                n = plan.recordings,
                size = format_bytes(plan.bytes)
            );
            if !confirm(&question) {
                return false;
            }
        }
        if !prefs.set_retention_days(Some(days)) {
            return false;
        }
        queries::apply_retention(practice, notices, days);
        true
    };
    let toggle = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let done = if input.checked() {
            typed.get_untracked().is_ok_and(commit)
        } else {
            prefs.set_retention_days(None)
        };
        if !done {
            // Said no, days not valid, or not saved: the box shows what is stored.
            input.set_checked(untrack(saved).is_some());
        }
    };
    let apply = move |_| {
        if let Ok(days) = typed.get_untracked() {
            commit(days);
        }
    };
    let preview = move || {
        let days = pending()?;
        let plan = queries::retention_plan(practice, days);
        Some(if plan.is_empty() {
            t_string!(i18n, settings_retention_nothing).to_string()
        } else {
            t_string!(
                i18n,
                settings_retention_preview,
                n = plan.recordings,
                size = format_bytes(plan.bytes)
            )
        })
    };
    let rule = move || match typed.get() {
        Ok(days) if saved() == Some(days) => t_string!(i18n, settings_retention_active, n = days),
        Ok(days) => t_string!(i18n, settings_retention_rule, n = days),
        Err(_) => String::new(),
    };
    let show_apply = move || saved().is_some() && pending().is_some();
    view! {
        <fieldset class="card retention" data-testid="retention">
            <legend>{tx!(i18n, settings_recordings_title)}</legend>
            <label class="check">
                <input type="checkbox" id="retention-on" data-testid="retention-on"
                    prop:checked=move || saved().is_some()
                    aria-describedby="retention-preview retention-rule"
                    on:change=event(toggle) />
                {tx!(i18n, settings_retention_on)}
            </label>
            <div class="field">
                <label for="retention-days">{tx!(i18n, settings_retention_days)}</label>
                <input id="retention-days" data-testid="retention-days" type="text" inputmode="numeric"
                    aria-describedby="retention-days-error retention-preview retention-rule"
                    aria-invalid=txt!(typed.get().is_err())
                    prop:value=text
                    on:input=event(move |ev| text.set(event_target_value(&ev))) />
                <p class="field-error" id="retention-days-error" role="alert">{txt!(error())}</p>
            </div>
            <p class="help" id="retention-preview" data-testid="retention-preview">
                {txt!(preview().unwrap_or_default())}
            </p>
            <p class="help" id="retention-rule">{txt!(rule())}</p>
            {dview!(show_apply().then(|| view! {
                <button type="button" data-testid="retention-apply" on:click=click(apply)>
                    {tx!(i18n, settings_retention_apply)}
                </button>
            }))}
        </fieldset>
    }
}
