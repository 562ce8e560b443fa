//! Moving keyboard focus: after navigation, to an error summary, to a moved item, between the
//! practice session's steps.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;

/// The first element matching a CSS `selector`, if it can take focus.
pub fn element(selector: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Focuses the first element matching `selector` now. Returns whether there was one.
pub fn focus_now(selector: &str) -> bool {
    element(selector).is_some_and(|el| el.focus().is_ok())
}

/// Focuses the element with this `id` in the next frame, once the view that holds it is drawn.
pub fn focus_id(id: &str) {
    let selector = format!("#{id}");
    request_animation_frame(move || {
        focus_now(&selector);
    });
}
