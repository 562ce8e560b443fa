//! The browser's own confirmation dialog: accessible, modal, and worded (and translated) by us.

/// Asks `question` with OK and Cancel; `false` when the browser cannot ask.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}
