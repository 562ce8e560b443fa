//! Web Locks (`navigator.locks`): one tab at a time holds a named lock, such as a practice session's,
//! for as long as the page that asked for it lives. Where the browser has no Web Locks, every
//! request is granted (and tabs are not coordinated).

use leptos::prelude::on_cleanup;
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The closures and the release function of one held (or requested) lock.
struct Held {
    _grant: Closure<dyn FnMut(JsValue) -> JsValue>,
    _lost: Closure<dyn FnMut(JsValue)>,
    release: Option<js_sys::Function>,
}

thread_local! {
    static HELD: RefCell<(u64, BTreeMap<u64, Held>)> = const { RefCell::new((0, BTreeMap::new())) };
}

fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

fn release(number: u64) {
    let held = HELD.with(|h| h.borrow_mut().1.remove(&number));
    if let Some(release) = held.and_then(|h| h.release) {
        let _ = release.call0(&JsValue::NULL);
    }
}

/// A lock asked for with [`hold`]; [`LockHandle::release`] gives it up early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockHandle(u64);

impl LockHandle {
    pub fn release(self) {
        release(self.0);
    }
}

/// Asks for lock `name` until the current owner (if any) is cleaned up, or until released.
/// `granted(true)` once it is held, `granted(false)` if another tab holds it (unless `steal`, which
/// takes it from that tab). `lost()` runs if another tab steals it later.
pub fn hold(
    name: &str,
    steal: bool,
    granted: impl Fn(bool) + 'static,
    lost: impl Fn() + 'static,
) -> Option<LockHandle> {
    let Some(locks) = lock_manager() else {
        granted(true);
        return None;
    };
    let number = HELD.with(|h| {
        let mut h = h.borrow_mut();
        h.0 += 1;
        h.0
    });
    let grant = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |lock: JsValue| {
        if lock.is_null() || lock.is_undefined() {
            granted(false);
            return JsValue::UNDEFINED;
        }
        granted(true);
        // Held until this promise resolves: on cleanup.
        let mut resolve_fn = None;
        let promise = js_sys::Promise::new(&mut |resolve, _| resolve_fn = Some(resolve));
        HELD.with(|h| {
            if let Some(held) = h.borrow_mut().1.get_mut(&number) {
                held.release = resolve_fn.take();
            }
        });
        promise.into()
    });
    let lost = Closure::<dyn FnMut(JsValue)>::new(move |_| lost());
    let options = js_sys::Object::new();
    let flag = if steal { "steal" } else { "ifAvailable" };
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str(flag), &JsValue::TRUE);
    let request = js_sys::Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let request = request?;
    let Ok(result) = request.call3(&locks, &JsValue::from_str(name), &options, grant.as_ref())
    else {
        return None;
    };
    if let Ok(promise) = result.dyn_into::<js_sys::Promise>() {
        // A stolen lock rejects the request's promise.
        let _ = promise.catch(&lost);
    }
    HELD.with(|h| {
        h.borrow_mut().1.insert(
            number,
            Held {
                _grant: grant,
                _lost: lost,
                release: None,
            },
        )
    });
    if leptos::prelude::Owner::current().is_some() {
        on_cleanup(move || release(number));
    }
    Some(LockHandle(number))
}

/// The names of the locks held now, in any tab of this app (empty where there are no Web Locks).
pub async fn held() -> Vec<String> {
    let Some(locks) = lock_manager() else {
        return Vec::new();
    };
    let query = js_sys::Reflect::get(&locks, &JsValue::from_str("query"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = query
        .and_then(|q| q.call0(&locks).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return Vec::new();
    };
    let Ok(snapshot) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return Vec::new();
    };
    let held = js_sys::Reflect::get(&snapshot, &JsValue::from_str("held")).unwrap_or_default();
    js_sys::Array::from(&held)
        .iter()
        .filter_map(|l| js_sys::Reflect::get(&l, &JsValue::from_str("name")).ok())
        .filter_map(|n| n.as_string())
        .collect()
}
