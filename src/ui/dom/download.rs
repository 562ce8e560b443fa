//! Saving a file the app made: a JSON download through a temporary object URL.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `name`; false if the browser refused.
pub fn download(name: &str, text: &str) -> bool {
    let parts = js_sys::Array::new();
    parts.push(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// `<stem>-YYYY-MM-DD.json`, today's local date.
pub fn dated_name(stem: &str) -> String {
    let d = js_sys::Date::new_0();
    let two = |n: u32| format!("{n:02}");
    format!(
        "{stem}-{}-{}-{}.json",
        d.get_full_year(),
        two(d.get_month() + 1),
        two(d.get_date())
    )
}

/// The file chosen in an `<input type="file">`, from its change event. The input is emptied, so
/// that picking the same file again (a retry) is a change too.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// A chosen file's text (empty if it cannot be read: the parser then says what is wrong).
pub async fn file_text(file: web_sys::File) -> String {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}
