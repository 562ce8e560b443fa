//! The whole app: every route group. The boot script (`scripts/boot.js`) loads it for any page but
//! the home page, or when the user leaves the home page, and calls `start`.

use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the app in `lang`, with that language's strings (its locale file's text).
#[wasm_bindgen]
pub fn start(lang: &str, strings: &str) {
    cs_interview_coach::ui::frame::mount(lang, strings, |lang| {
        leptos::view! { <cs_interview_coach::ui::App lang=lang /> }
    });
}

fn main() {}
