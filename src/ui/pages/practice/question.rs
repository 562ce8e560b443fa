//! The question screen of a running session: the question, the clock and its phase, the recording
//! line or the typed answer, the controls, and the review once the answer is done.

use super::after_answer::AfterAnswer;
use super::ctl::Ctl;
use crate::browser;
use crate::domain::attempt::{counts_characters, word_count, AttemptState};
use crate::domain::bank::Entry;
use crate::domain::timer::{clock, duration, Phase, Reading};
use crate::ui::dom::{focus_now, from_locale};
use crate::ui::erase::{click, event};
use crate::ui::labels::I18n;
use leptos::prelude::*;

/// If focus fell to the page (its button went away), puts it on the first action button.
fn keep_focus() {
    let lost = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.active_element().is_none_or(|e| e.tag_name() == "BODY"));
    if lost {
        focus_now(".practice-run .actions-row button, .review .actions-row button.primary");
    }
}

fn phase_label(i18n: I18n, r: &Reading) -> String {
    match r.phase {
        Phase::Idle => t_string!(i18n, practice_phase_ready),
        Phase::Thinking => t_string!(i18n, practice_phase_think),
        Phase::Answering => t_string!(i18n, practice_phase_answer),
        Phase::Paused => t_string!(i18n, practice_phase_paused),
        Phase::Overtime => t_string!(i18n, practice_phase_overtime),
        Phase::Done => t_string!(i18n, practice_phase_done),
    }
    .to_string()
}

/// The clock text: time left, or `+0:12` in overtime.
fn clock_text(r: &Reading) -> String {
    if r.phase == Phase::Done {
        duration(r.answered_ms)
    } else if r.running == Phase::Overtime {
        clock(r.overtime_ms, true)
    } else {
        clock(r.remaining_ms, false)
    }
}

#[component]
pub fn QuestionView(ctl: Ctl, entry: Entry) -> impl IntoView {
    let i18n = ctl.i18n;
    let reading = Memo::new(move |_| ctl.reading());
    // Views that depend on the phase only are rebuilt when it changes, not on every tick.
    let phase_memo = Memo::new(move |_| reading.get().map(|r| r.phase).unwrap_or(Phase::Idle));
    let phase = move || phase_memo.get();
    // The buttons change with the phase: keep keyboard focus on the new main one.
    Effect::new(move |prev: Option<Phase>| {
        let now = phase_memo.get();
        if prev.is_some_and(|p| p != now) {
            request_animation_frame(keep_focus);
        }
        now
    });
    let position = move || {
        ctl.session()
            .map(|s| {
                t_string!(
                    i18n,
                    practice_position,
                    n = s.index + 1,
                    total = s.questions.len()
                )
                .to_string()
            })
            .unwrap_or_default()
    };
    let title = entry.title.clone();
    let speak_title = entry.title.clone();
    let read_aloud = move |_| {
        let tag = match from_locale(i18n.get_locale()) {
            crate::domain::locale::Lang::En => "en-US",
            crate::domain::locale::Lang::ZhHans => "zh-CN",
            crate::domain::locale::Lang::ZhHant => "zh-TW",
        };
        browser::speak(&speak_title, tag);
    };
    // The clock ended the answer (not the user, nor a reload): say so, with the time, on screen.
    let time_up = Memo::new(move |_| {
        let s = ctl.session()?;
        if !s.timer.timed_out() {
            return None;
        }
        let last = ctl.practice.attempts_of(&s.id, s.current()?).pop()?;
        (last.state != AttemptState::Interrupted).then_some(s.typed)
    });
    let phase_text = move || {
        let r = reading.get()?;
        Some(match time_up.get().filter(|_| r.phase == Phase::Done) {
            Some(false) => t_string!(
                i18n,
                practice_time_up_recording,
                time = duration(r.answered_ms)
            ),
            Some(true) => t_string!(i18n, practice_time_up_typed, time = duration(r.answered_ms)),
            None => phase_label(i18n, &r),
        })
    };
    let typed_memo = Memo::new(move |_| ctl.session().is_some_and(|s| s.typed));
    let typed = move || typed_memo.get();
    let live_typed = Memo::new(move |_| ctl.session().and_then(|s| s.live.filter(|_| s.typed)));
    let controls = move || {
        let b = |label: String, primary: bool, f: fn(&Ctl)| {
            view! {
                <button type="button" class:primary=primary on:click=click(move |_| f(&ctl))>
                    {label}
                </button>
            }
            .into_any()
        };
        let t = |f: fn(I18n) -> String| f(i18n);
        match phase() {
            Phase::Idle => vec![b(
                t(|i| t_string!(i, practice_start).to_string()),
                true,
                Ctl::start,
            )],
            Phase::Thinking => vec![
                b(
                    t(|i| t_string!(i, practice_answer_now).to_string()),
                    true,
                    Ctl::answer_now,
                ),
                b(
                    t(|i| t_string!(i, practice_pause).to_string()),
                    false,
                    Ctl::pause_or_resume,
                ),
            ],
            Phase::Answering | Phase::Overtime => vec![
                b(
                    t(|i| t_string!(i, practice_stop).to_string()),
                    true,
                    Ctl::stop,
                ),
                b(
                    t(|i| t_string!(i, practice_pause).to_string()),
                    false,
                    Ctl::pause_or_resume,
                ),
            ],
            Phase::Paused => vec![
                b(
                    t(|i| t_string!(i, practice_resume_timer).to_string()),
                    true,
                    Ctl::pause_or_resume,
                ),
                b(
                    t(|i| t_string!(i, practice_stop).to_string()),
                    false,
                    Ctl::stop,
                ),
            ],
            Phase::Done => Vec::new(),
        }
    };
    let switch_mode = move |_| ctl.set_typed(!typed());
    let typed_box = move || {
        let live = live_typed.get()?;
        let initial = ctl
            .practice
            .attempt(&live)
            .map(|a| a.text)
            .unwrap_or_default();
        let count = RwSignal::new(initial.clone());
        let on_input = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            count.set(text.clone());
            ctl.practice.update_attempt(&live, |a| a.text = text);
        };
        Some(view! {
            <label for="typed-answer">{tx!(i18n, practice_typed_label)}</label>
            <textarea id="typed-answer" rows="8" prop:value=initial on:input=event(on_input)></textarea>
            <p class="help" data-testid="word-count">
                {txt!(count.with(|t| {
                    let n = word_count(t);
                    if counts_characters(t) {
                        t_string!(i18n, practice_chars, n = n).to_string()
                    } else {
                        t_string!(i18n, practice_words, n = n).to_string()
                    }
                }))}
            </p>
        })
    };
    view! {
        <div class="practice-run">
            <p class="position">{txt!(position())}</p>
            <h2 id="practice-question" tabindex="-1">{title}</h2>
            {browser::speech_available().then(|| view! {
                <button type="button" class="link" on:click=click(read_aloud)>
                    {tx!(i18n, practice_read_aloud)}
                </button>
            })}
            <div class="timer" class:warning=move || reading.get().is_some_and(|r| r.warning)
                class:urgent=move || reading.get().is_some_and(|r| r.phase == Phase::Answering && r.remaining_ms <= 10_000)
                data-phase=move || phase().name()>
                <p class="phase" class:time-up=move || time_up.get().is_some() data-testid="phase">
                    {txt!(phase_text().unwrap_or_default())}
                </p>
                <p class="clock" data-testid="clock">{txt!(reading.get().map(|r| clock_text(&r)).unwrap_or_default())}</p>
                <progress max="1000" value=move || reading.get().map(|r| r.permille).unwrap_or(0)
                    aria-label=txt!(t_string!(i18n, practice_progress))></progress>
            </div>
            {move || (matches!(phase(), Phase::Answering | Phase::Overtime) && !typed()).then(|| view! {
                <p class="recording" data-testid="recording">
                    <span aria-hidden="true">"● "</span>
                    {tx!(i18n, practice_recording)}
                    <meter min="0" max="100" value=move || ctl.level.get()
                        aria-label=txt!(t_string!(i18n, practice_mic_level))></meter>
                </p>
            })}
            {move || (matches!(phase(), Phase::Answering | Phase::Overtime | Phase::Paused)
                && !typed() && ctl.prefs.practice().transcribe)
                .then(|| view! { <super::transcribe::LiveTranscript live=ctl.live /> })}
            {dview!(typed_box())}
            <div class="actions-row">
                {dview!(controls())}
                {move || (phase() == Phase::Idle).then(|| view! {
                    <button type="button" class="link" on:click=click(switch_mode)>
                        {txt!(if typed() { t_string!(i18n, practice_speak_instead) } else { t_string!(i18n, practice_type_instead) })}
                    </button>
                })}
            </div>
            {dview!((phase() == Phase::Done).then(|| view! { <AfterAnswer ctl=ctl /> }))}
            // Offered only where a keyboard is likely (see the style sheet's "keyboard shortcuts" block).
            <button type="button" class="link shortcuts-button" on:click=click(move |_| ctl.help.set(true))>
                {tx!(i18n, practice_shortcuts)}
            </button>
        </div>
    }
}
