//! On-device speech recognition: the Web Speech API's `SpeechRecognition`, only where it runs
//! locally (`processLocally`). It never falls back to a server: where local recognition is not
//! offered, [`availability`] says `Unavailable` and nothing is started.
//!
//! The local-processing parts of the API (`available`, `install`, `processLocally`) are newer
//! than web-sys's bindings, so they are reached through `js_sys::Reflect`.

use super::audio::describe;
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What the browser says of recognising a language on this device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    /// Ready to run locally.
    Available,
    /// Can run locally once its language pack is installed ([`install`]).
    Downloadable,
    /// Its language pack is being installed.
    Downloading,
    /// Not on this device (or only through a server, which this app never uses).
    Unavailable,
}

fn get(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `SpeechRecognition` (or Chrome's prefixed name), if the browser has it.
fn constructor() -> Option<Function> {
    let window = web_sys::window()?;
    ["SpeechRecognition", "webkitSpeechRecognition"]
        .iter()
        .map(|name| get(&window, name))
        .find_map(|c| c.dyn_into::<Function>().ok())
}

/// `{ langs: [lang], processLocally: true }`.
fn options(lang: &str) -> Object {
    let o = Object::new();
    let langs = Array::of1(&JsValue::from_str(lang));
    let _ = Reflect::set(&o, &"langs".into(), &langs);
    let _ = Reflect::set(&o, &"processLocally".into(), &JsValue::TRUE);
    o
}

/// Calls the static method `name` of `SpeechRecognition` with the options for `lang`.
async fn call_static(name: &str, lang: &str) -> Result<JsValue, String> {
    let c = constructor().ok_or("no SpeechRecognition")?;
    let f: Function = get(&c, name)
        .dyn_into()
        .map_err(|_| format!("no SpeechRecognition.{name}"))?;
    let promise: Promise = f
        .call1(&c, &options(lang))
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|e| describe(&e))?;
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

/// Whether `lang` (a BCP 47 tag) can be recognised on this device.
pub async fn availability(lang: &str) -> Availability {
    match call_static("available", lang).await {
        Ok(v) => match v.as_string().as_deref() {
            Some("available") => Availability::Available,
            Some("downloadable") => Availability::Downloadable,
            Some("downloading") => Availability::Downloading,
            _ => Availability::Unavailable,
        },
        Err(_) => Availability::Unavailable,
    }
}

/// Installs the language pack of `lang` for local recognition (the browser downloads it, from its
/// own servers, once). True once installed.
pub async fn install(lang: &str) -> Result<bool, String> {
    call_static("install", lang)
        .await
        .map(|v| v.as_bool().unwrap_or(false))
}

/// The text recognised so far in one recognition session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Heard {
    /// Final results, in order.
    pub done: String,
    /// What is still being recognised (may change).
    pub pending: String,
}

/// Joins recognised pieces: Chinese runs on with no spaces, other languages get one between.
pub fn join(a: &str, b: &str) -> String {
    let (a, b) = (a.trim(), b.trim());
    let cjk = |c: Option<char>| c.is_some_and(crate::domain::attempt::is_cjk);
    if a.is_empty() || b.is_empty() || cjk(a.chars().last()) || cjk(b.chars().next()) {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

/// Reads a `SpeechRecognitionEvent`'s whole result list (continuous mode keeps every result of the
/// session in it).
fn heard(event: &JsValue) -> Heard {
    let results = get(event, "results");
    let length = get(&results, "length").as_f64().unwrap_or(0.0) as u32;
    let mut out = Heard::default();
    for i in 0..length {
        let result = Reflect::get_u32(&results, i).unwrap_or(JsValue::UNDEFINED);
        let best = Reflect::get_u32(&result, 0).unwrap_or(JsValue::UNDEFINED);
        let text = get(&best, "transcript").as_string().unwrap_or_default();
        if get(&result, "isFinal").as_bool().unwrap_or(false) {
            out.done = join(&out.done, &text);
        } else {
            out.pending = join(&out.pending, &text);
        }
    }
    out
}

/// One running recognition session. Dropping it aborts the session.
pub struct Recognizer {
    inner: JsValue,
    _on_result: Closure<dyn FnMut(JsValue)>,
    _on_end: Closure<dyn FnMut(JsValue)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl Recognizer {
    /// Starts recognising `lang` on the device. `on_heard` gets the session's text after every
    /// result; `on_end` is called once when the session ends, with the error's name if it failed
    /// (`"no-speech"`, `"not-allowed"`, `"language-not-supported"`…). Refuses (`Err`) where the
    /// browser cannot promise local processing.
    pub fn start(
        lang: &str,
        on_heard: impl FnMut(Heard) + 'static,
        on_end: impl FnMut(Option<String>) + 'static,
    ) -> Result<Recognizer, String> {
        let c = constructor().ok_or("no SpeechRecognition")?;
        let inner: JsValue = Reflect::construct(&c, &Array::new()).map_err(|e| describe(&e))?;
        let set = |name: &str, value: &JsValue| {
            Reflect::set(&inner, &JsValue::from_str(name), value).map_err(|e| describe(&e))
        };
        set("processLocally", &JsValue::TRUE)?;
        // An implementation without the attribute would ignore it and use a server: refuse.
        if get(&inner, "processLocally").as_bool() != Some(true) {
            return Err("local recognition is not supported".into());
        }
        set("lang", &JsValue::from_str(lang))?;
        set("continuous", &JsValue::TRUE)?;
        set("interimResults", &JsValue::TRUE)?;
        let mut on_heard = on_heard;
        let on_result = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| on_heard(heard(&e)));
        let error = std::rc::Rc::new(std::cell::RefCell::new(None::<String>));
        let seen = error.clone();
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            *seen.borrow_mut() = get(&e, "error").as_string().or(Some("error".into()));
        });
        let mut on_end = on_end;
        let on_stop =
            Closure::<dyn FnMut(JsValue)>::new(move |_| on_end(error.borrow_mut().take()));
        set("onresult", on_result.as_ref())?;
        set("onerror", on_error.as_ref())?;
        set("onend", on_stop.as_ref())?;
        let start: Function = get(&inner, "start")
            .dyn_into()
            .map_err(|_| "no start()".to_string())?;
        start.call0(&inner).map_err(|e| describe(&e))?;
        Ok(Recognizer {
            inner,
            _on_result: on_result,
            _on_end: on_stop,
            _on_error: on_error,
        })
    }

    /// Asks for the last results, then the end (`on_end` follows).
    pub fn stop(&self) {
        self.call("stop");
    }

    fn call(&self, name: &str) {
        if let Ok(f) = get(&self.inner, name).dyn_into::<Function>() {
            let _ = f.call0(&self.inner);
        }
    }
}

impl Drop for Recognizer {
    fn drop(&mut self) {
        for name in ["onresult", "onerror", "onend"] {
            let _ = Reflect::set(&self.inner, &JsValue::from_str(name), &JsValue::NULL);
        }
        self.call("abort");
    }
}
