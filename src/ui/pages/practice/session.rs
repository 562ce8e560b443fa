//! The running session's page: builds the controller, runs its clock and keyboard for as long as
//! the page is open (and not a moment longer), and shows the step the session is at.

use super::ctl::Ctl;
use super::help::Help;
use super::keyboard::on_key;
use super::media::{MicState, PageMedia};
use super::mic_check::MicCheck;
use super::question::QuestionView;
use super::summary::Summary;
use crate::domain::timer::Phase;
use crate::i18n::*;
use crate::ui::dom::{every, from_locale, locks, now_ms};
use crate::ui::erase::click;
use crate::ui::state::{
    practice_lock, use_bank, use_notices, use_practice, use_prefs, use_reviews, Notice,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Below this much free space (decimal megabytes, as browsers report quota), recording is refused
/// before it starts.
const MIN_FREE_BYTES: u64 = 5_000_000;

/// The page's clock: often enough for a smooth countdown and level meter.
const TICK_MS: u32 = 200;

/// This page's hold on its session's Web Lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hold {
    Asking,
    Held,
    /// Another tab runs this session.
    Elsewhere,
    /// Another tab took it over.
    Lost,
}

#[component]
pub fn Runner(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let ctl = Ctl {
        sid: StoredValue::new(id),
        i18n,
        practice: use_practice(),
        bank: use_bank(),
        prefs: use_prefs(),
        reviews: use_reviews(),
        notices: use_notices(),
        now: RwSignal::new(now_ms()),
        mic: RwSignal::new(MicState::Unchecked),
        mic_ok: RwSignal::new(false),
        level: RwSignal::new(0),
        devices: RwSignal::new(Vec::new()),
        announce: RwSignal::new(String::new()),
        help: RwSignal::new(false),
        low_storage: RwSignal::new(false),
        media: PageMedia::open(),
        live: super::transcribe::Live::new(),
    };
    // While thinking or answering, the frame shows no site navigation, only a way out.
    let focus = crate::ui::state::mode::use_focus();
    Effect::new(move |_| {
        use crate::domain::timer::Phase;
        let running = ctl.reading().is_some_and(|r| {
            matches!(
                r.phase,
                Phase::Thinking | Phase::Answering | Phase::Paused | Phase::Overtime
            )
        });
        if focus.get_untracked() != running {
            focus.set(running);
        }
    });
    on_cleanup(move || focus.set(false));
    // One tab at a time runs a session: this page acts only while it holds the session's lock.
    let hold = RwSignal::new(Hold::Asking);
    let held = move || hold.get_untracked() == Hold::Held;
    let owner = StoredValue::new_local(Owner::current());
    let ask = move |steal: bool| {
        let lock = practice_lock(&ctl.sid.get_value());
        let granted = move |ok: bool| {
            hold.try_set(if ok { Hold::Held } else { Hold::Elsewhere });
        };
        let lost = move || {
            if hold.try_get_untracked() == Some(Hold::Held) {
                ctl.teardown();
                hold.try_set(Hold::Lost);
            }
        };
        let _ = match owner.get_value() {
            Some(o) => o.with(|| locks::hold(&lock, steal, granted, lost)),
            None => locks::hold(&lock, steal, granted, lost),
        };
    };
    // Asked once the app has stopped what no tab runs (else this page would count as another tab).
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) {
            return true;
        }
        if !ctl.practice.recovered.get() {
            return false;
        }
        untrack(|| ask(false));
        true
    });
    // Both end with the page: `every` clears its timer, the listener is removed, the media released.
    every(TICK_MS, move || {
        if held() {
            ctl.tick();
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if held() {
            on_key(ctl, e);
        }
    });
    on_cleanup(move || {
        keys.remove();
        ctl.teardown();
    });
    // Free space is checked on arrival and again after every recording saved or deleted.
    Effect::new(move |_| {
        ctl.practice.stored.track();
        spawn_local(async move {
            if let Some(e) = crate::storage::storage_estimate().await {
                let low = e.quota.saturating_sub(e.usage) < MIN_FREE_BYTES;
                if ctl.low_storage.try_set(low).is_some() {
                    return;
                }
                if low {
                    ctl.notices.push(Notice::StorageFull);
                }
            }
        });
    });

    let lang = move || from_locale(i18n.get_locale());
    let entry = Memo::new(move |_| {
        let q = ctl
            .session()
            .and_then(|s| s.current().map(str::to_string))?;
        ctl.bank.entry(&q, lang())
    });
    let finished = Memo::new(move |_| ctl.session().is_some_and(|s| s.finished_ms.is_some()));
    let needs_mic = Memo::new(move |_| {
        ctl.session()
            .is_some_and(|s| !s.typed && s.timer.phase() == Phase::Idle)
            && !ctl.mic_ok.get()
    });
    let screen =
        move || {
            match hold.get() {
                Hold::Held => {}
                Hold::Asking => return ().into_any(),
                Hold::Elsewhere => return view! {
                    <div class="notice-inline" role="alert" data-testid="practice-elsewhere">
                        <p>{tx!(i18n, practice_open_elsewhere)}</p>
                        <button type="button" class="primary" on:click=click(move |_| ask(true))>
                            {tx!(i18n, practice_take_over)}
                        </button>
                    </div>
                }
                .into_any(),
                Hold::Lost => {
                    return view! {
                        <p class="notice-inline" role="alert" data-testid="practice-elsewhere">
                            {tx!(i18n, practice_taken_over)}
                        </p>
                    }
                    .into_any()
                }
            }
            if finished.get() {
                view! { <Summary ctl=ctl /> }.into_any()
            } else if needs_mic.get() {
                view! { <MicCheck ctl=ctl /> }.into_any()
            } else {
                match entry.get() {
                    Some(e) => view! { <QuestionView ctl=ctl entry=e /> }.into_any(),
                    None => view! { <p>{tx!(i18n, questions_loading)}</p> }.into_any(),
                }
            }
        };
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
            {txt!(ctl.announce.get())}
        </p>
        {dview!(screen())}
        <Help ctl=ctl />
    }
}
