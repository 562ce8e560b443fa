//! A tiny hash router: the current [`Route`] as a signal, following `hashchange`.
//! Back and forward work because every navigation is a plain hash change.

use crate::domain::route::Route;
use leptos::prelude::*;

/// `location.hash`, or empty.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Provides the current route as context and returns it.
pub fn provide_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Route::parse(&current_hash());
        if route.get_untracked() != next {
            set_route.set(next);
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(route);
    provide_context(set_route);
    route
}

/// Shows `route` in place of the current one, without a new history entry (so that Back does not
/// repeat what led here, such as starting a session).
pub fn replace_route(route: Route) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.href()));
    }
    if let Some(set) = use_context::<WriteSignal<Route>>() {
        set.set(route);
    }
}

pub fn use_route() -> ReadSignal<Route> {
    expect_context::<ReadSignal<Route>>()
}

/// Goes to `route` as a plain navigation (a new history entry).
pub fn go(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
    }
}
