//! The whole app: every route group. The boot script (`scripts/boot.js`) loads it for any page but
//! the home page, or when the user leaves the home page. Its interface to the boot script, each
//! step a task of its own: `strings(lang, text)` installs the language's packed table,
//! `start(lang)` renders the frame off screen, `rest()` opens the next stage of `ui::frame::Later`,
//! `attach(handover)` swaps it in (`ui::frame`), and `stop()` takes it down.

use cs_interview_coach::ui::{frame, App};
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
pub fn strings(lang: &str, text: &str) {
    frame::install_strings(lang, text);
}

#[wasm_bindgen]
pub fn start(lang: &str) {
    frame::mount(lang, |lang| leptos::view! { <App lang=lang /> });
}

#[wasm_bindgen]
pub fn rest() {
    frame::render_rest();
}

#[wasm_bindgen]
pub fn attach(handover: bool) {
    frame::attach(handover);
}

#[wasm_bindgen]
pub fn stop() {
    frame::unmount();
}

fn main() {}
