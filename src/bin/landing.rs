//! The first load: the router and the home page, which it adopts from the static shell instead of
//! rendering it (`ui::landing`). The boot script (`scripts/boot.js`) calls `adopt(lang)` once the
//! shell has painted, and `stop()` when the rest of the app takes over.

use wasm_bindgen::prelude::wasm_bindgen;

/// Resolves once the shell is adopted.
#[wasm_bindgen]
pub fn adopt(lang: &str) -> js_sys::Promise {
    cs_interview_coach::ui::landing::adopt(lang)
}

#[wasm_bindgen]
pub fn stop() {
    cs_interview_coach::ui::landing::stop();
}

fn main() {}
