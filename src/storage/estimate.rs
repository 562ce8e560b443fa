//! `navigator.storage.estimate()`: how much this origin uses and may use.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Bytes used and available to this origin, as the browser estimates them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageEstimate {
    pub usage: u64,
    pub quota: u64,
}

fn number(obj: &JsValue, field: &str) -> Option<u64> {
    js_sys::Reflect::get(obj, &field.into())
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| v as u64)
}

/// `None` where the browser does not offer the Storage API (older browsers, insecure origins).
pub async fn storage_estimate() -> Option<StorageEstimate> {
    let navigator = web_sys::window()?.navigator();
    // `navigator.storage` is missing on insecure origins; web-sys would not tell us, so ask JS.
    let manager = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    if manager.is_undefined() || manager.is_null() {
        return None;
    }
    let promise = navigator.storage().estimate().ok()?;
    let estimate = JsFuture::from(promise).await.ok()?;
    Some(StorageEstimate {
        usage: number(&estimate, "usage")?,
        quota: number(&estimate, "quota")?,
    })
}

/// Asks the browser to keep this origin's data under storage pressure (`ask = true`), or only
/// whether it already does. `None` where the Storage API is missing.
pub async fn persist(ask: bool) -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    if manager.is_undefined() || manager.is_null() {
        return None;
    }
    let manager = navigator.storage();
    let promise = if ask {
        manager.persist()
    } else {
        manager.persisted()
    };
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}
