//! The whole app: every route group. The boot script (`scripts/boot.js`) loads it for any page but
//! the home page, or when the user leaves the home page, and calls `start`.

use wasm_bindgen::prelude::wasm_bindgen;

/// Installs the strings of `lang` (its locale file's text), which the boot script fetched. A task
/// of its own, so that no one task of the start-up blocks the page for long.
#[wasm_bindgen]
pub fn strings(lang: &str, text: &str) {
    cs_interview_coach::ui::frame::install_strings(lang, text);
}

/// Renders the part's frame in `lang` (its strings installed), not yet on screen.
#[wasm_bindgen]
pub fn start(lang: &str) {
    cs_interview_coach::ui::frame::mount(lang, |lang| {
        leptos::view! { <cs_interview_coach::ui::App lang=lang /> }
    });
}

/// Renders the page's main content (the next task after `start`).
#[wasm_bindgen]
pub fn rest() {
    cs_interview_coach::ui::frame::render_rest();
}

/// Puts the rendered part on screen in place of the static shell or the part before
/// (`handover`: a part was on screen, so focus moves to the new page's heading).
#[wasm_bindgen]
pub fn attach(handover: bool) {
    cs_interview_coach::ui::frame::attach(handover);
}

fn main() {}
