//! Repeating timers that end with the component that started them.
//!
//! Leptos' `set_interval_with_handle` keeps the timer id as an `i32`. Browsers' ids are small, but
//! fake clocks (Playwright's `context.clock`) hand out ids past 2³¹: the id then wraps, the
//! `clearInterval` in `on_cleanup` misses, and the leaked callback keeps running on a page that is
//! gone (reading disposed signals, which aborts the wasm). Here the id stays the `JsValue` the
//! browser returned, and the callback is dropped when the owner is cleaned up.

use leptos::prelude::on_cleanup;
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Running = (JsValue, Closure<dyn FnMut()>);

thread_local! {
    /// Running timers by our own number: the cleanup (which must be `Send`) only carries the number.
    static RUNNING: RefCell<(u64, BTreeMap<u64, Running>)> = const { RefCell::new((0, BTreeMap::new())) };
}

fn window_fn(name: &str) -> Option<(web_sys::Window, js_sys::Function)> {
    let window = web_sys::window()?;
    let f = js_sys::Reflect::get(&window, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    Some((window, f))
}

fn clear(number: u64) {
    let Some((id, closure)) = RUNNING.with(|r| r.borrow_mut().1.remove(&number)) else {
        return;
    };
    if let Some((window, clear)) = window_fn("clearInterval") {
        let _ = clear.call1(&window, &id);
    }
    drop(closure);
}

/// Calls `f` every `ms` milliseconds until the current reactive owner (the page or component
/// being built) is cleaned up.
pub fn every(ms: u32, f: impl FnMut() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(f);
    let Some((window, set)) = window_fn("setInterval") else {
        return;
    };
    let Ok(id) = set.call2(&window, closure.as_ref(), &JsValue::from(ms)) else {
        return;
    };
    let number = RUNNING.with(|r| {
        let mut r = r.borrow_mut();
        r.0 += 1;
        let n = r.0;
        r.1.insert(n, (id, closure));
        n
    });
    on_cleanup(move || clear(number));
}
