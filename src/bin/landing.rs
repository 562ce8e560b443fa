//! The first load: the frame, the router and the home page (`ui::Landing`). The boot script
//! (`scripts/boot.js`) calls `start`, and `stop` when the rest of the app takes over.

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
        leptos::view! { <cs_interview_coach::ui::Landing lang=lang /> }
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

/// Takes the landing shell down, right before the rest of the app mounts.
#[wasm_bindgen]
pub fn stop() {
    cs_interview_coach::ui::frame::unmount();
}

fn main() {}
