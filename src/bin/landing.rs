//! The first load: the frame, the router and the home page (`ui::Landing`). The boot script
//! (`scripts/boot.js`) calls `start`, and `stop` when the rest of the app takes over.

use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the landing shell in `lang`, with that language's strings (its locale file's text).
#[wasm_bindgen]
pub fn start(lang: &str, strings: &str) {
    cs_interview_coach::ui::frame::mount(lang, strings, |lang| {
        leptos::view! { <cs_interview_coach::ui::Landing lang=lang /> }
    });
}

/// Takes the landing shell down, right before the rest of the app mounts.
#[wasm_bindgen]
pub fn stop() {
    cs_interview_coach::ui::frame::unmount();
}

fn main() {}
