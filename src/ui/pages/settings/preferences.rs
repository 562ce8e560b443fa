use crate::domain::custom::Field;
use crate::domain::session::{PracticePrefs, ANSWER_RANGE, THINK_RANGE};
use crate::domain::units::format_bytes;
use crate::i18n::*;
use crate::ui::components::{use_storage_estimate, LanguageSwitch, TextField};
use crate::ui::erase::event;
use crate::ui::labels;
use crate::ui::state::{use_practice, use_prefs};
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
                    <input type="checkbox" id="question-times" prop:checked=initial.question_times
                        on:change=event(checkbox(|p, on| p.question_times = on)) />
                    {tx!(i18n, settings_question_times)}
                </label>
                <TextField id="think-seconds" label=Signal::derive(move || labels::field(i18n, Field::ThinkSeconds))
                    value=think error=think_error />
                <TextField id="answer-seconds" label=Signal::derive(move || labels::field(i18n, Field::AnswerSeconds))
                    value=answer error=answer_error />
                <p class="help">{tx!(i18n, settings_times_help)}</p>
                <label class="check">
                    <input type="checkbox" id="allow-overtime" prop:checked=initial.allow_overtime
                        on:change=event(checkbox(|p, on| p.allow_overtime = on)) />
                    {tx!(i18n, settings_overtime)}
                </label>
                <label class="check">
                    <input type="checkbox" id="warning-tone" prop:checked=initial.tone
                        on:change=event(checkbox(|p, on| p.tone = on)) />
                    {tx!(i18n, settings_tone)}
                </label>
                <label class="check">
                    <input type="checkbox" id="warning-vibrate" prop:checked=initial.vibrate
                        on:change=event(checkbox(|p, on| p.vibrate = on)) />
                    {tx!(i18n, settings_vibrate)}
                </label>
            </div>
            <div class="card">
                <h2>{tx!(i18n, settings_storage_title)}</h2>
                <p>{tx!(i18n, settings_storage_body)}</p>
                <p>{txt!(usage())}</p>
                <p data-testid="persisted">{txt!(persisted())}</p>
                <p><a class="button" href=crate::domain::route::Route::Data.href()>{tx!(i18n, data_title)}</a></p>
            </div>
            <div class="card">
                <h2>{tx!(i18n, rubric_edit_title)}</h2>
                <p>{tx!(i18n, settings_rubric_body)}</p>
                <p><a class="button" href=crate::domain::route::Route::Rubric.href()>{tx!(i18n, rubric_edit_title)}</a></p>
            </div>
        </section>
    }
}
