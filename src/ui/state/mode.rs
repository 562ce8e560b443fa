//! The mode (candidate or interviewer): the page's own mode, or on a page both share, the mode the
//! user was last in, remembered on this device (`localStorage["csic-mode"]`, which the boot script
//! also reads so that the first paint shows the right tab bar).

use crate::domain::route::{Mode, Route};
use crate::storage::{Browser, KeyValue};
use leptos::prelude::*;

/// The key the mode is remembered under (outside the documents' prefix: it is not exported).
pub const MODE_KEY: &str = "csic-mode";

/// The mode the user was last in (candidate, if none is remembered).
pub fn remembered() -> Mode {
    Browser
        .get(MODE_KEY)
        .ok()
        .flatten()
        .and_then(|t| Mode::from_tag(&t))
        .unwrap_or(Mode::Candidate)
}

/// Remembers `m` as the mode the user was last in (unless it already is).
pub fn remember(m: Mode) {
    if Browser.get(MODE_KEY).ok().flatten().as_deref() != Some(m.tag()) {
        // Remembering is a convenience: a full or blocked storage changes nothing else.
        let _ = Browser.set(MODE_KEY, m.tag());
    }
}

/// Provides the current mode, following `route`, and remembers each mode the user enters; and the
/// focus flag ([`Focus`]).
pub fn provide_mode(route: ReadSignal<Route>) -> Memo<Mode> {
    provide_focus();
    let last = RwSignal::new(remembered());
    Effect::new(move |_| {
        if let Some(m) = route.with(Route::mode) {
            if last.get_untracked() != m {
                last.set(m);
            }
            remember(m);
        }
    });
    let mode = Memo::new(move |_| route.with(Route::mode).unwrap_or_else(|| last.get()));
    provide_context(mode);
    mode
}

pub fn use_mode() -> Memo<Mode> {
    expect_context::<Memo<Mode>>()
}

/// Whether the page asks for a focused view (no site navigation): practice, while thinking or
/// answering.
#[derive(Clone, Copy)]
pub struct Focus(RwSignal<bool>);

impl Focus {
    pub fn get(&self) -> bool {
        self.0.get()
    }

    pub fn get_untracked(&self) -> bool {
        self.0.get_untracked()
    }

    pub fn set(&self, focused: bool) {
        self.0.try_set(focused);
    }
}

/// Provides the focus flag (off) for the frame and its pages.
pub fn provide_focus() -> Focus {
    let focus = Focus(RwSignal::new(false));
    provide_context(focus);
    focus
}

pub fn use_focus() -> Focus {
    expect_context::<Focus>()
}
