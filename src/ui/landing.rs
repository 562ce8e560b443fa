//! The landing part: the first load, for the home page. It adopts the static shell that
//! `index.html` painted (`scripts/shell.mjs` writes it with the markup of the app's frame and home
//! page, from the same locale files) instead of rendering the same page again: the first page
//! builds no view at all, so its start-up is a few short tasks, and nothing on screen moves.
//!
//! What it does to the shell of the current language:
//! - removes the other languages' copies and gives the page the app's ids (`#main`, `#home-title`);
//! - marks the current tab and mode (`aria-current`), as the app's header does, and remembers the
//!   mode (`state::mode`);
//! - shows "Resume practice" when storage holds an unfinished session;
//! - follows the address: any page but the home page asks the boot script for the rest of the app
//!   (`csicBoot.load()`, see `scripts/boot.js`), and meanwhile the shell shows that page's tab and a
//!   placeholder (the `data-route`, `data-tab` and `data-mode` of `<html>`, as on a deep link).
//!
//! (The shell's skip link is the boot script's, so that it works before any wasm.)
//!
//! It does this in three short tasks (the page, then the address, then storage), so that no one
//! task blocks a phone's first tap for long. The rest of the app takes over the screen when it is
//! ready (`ui::frame::attach`), after the boot script has called [`stop`].

use crate::domain::nav::Tab;
use crate::domain::record::Record;
use crate::domain::route::Route;
use crate::domain::session::{unfinished_raw, Session};
use crate::storage::{Browser, KeyValue, LocalStore};
use crate::ui::dom::elements;
use crate::ui::router::current_hash;
use crate::ui::state::mode::{remember, remembered};
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, EventTarget};

type Listener = Closure<dyn FnMut(Event)>;

thread_local! {
    /// The listeners [`adopt`] added, so that [`stop`] can take them off.
    static LISTENERS: RefCell<Vec<(EventTarget, &'static str, Listener)>> = const { RefCell::new(Vec::new()) };
    /// Whether [`stop`] was called: the steps still queued do nothing.
    static STOPPED: Cell<bool> = const { Cell::new(false) };
}

/// Whether storage holds an unfinished practice session (read once: the home page of the first
/// load has no practice store).
fn stored_unfinished() -> bool {
    let store = LocalStore::app();
    let prefix = format!("{}:{}:", store.prefix(), <Session as Record>::KIND);
    Browser.keys().unwrap_or_default().iter().any(|k| {
        k.starts_with(&prefix)
            && Browser
                .get(k)
                .ok()
                .flatten()
                .is_some_and(|v| unfinished_raw(&v))
    })
}

/// Asks the boot script for the rest of the app. Without one (a test page), nothing happens.
fn load_app() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let boot = js_sys::Reflect::get(&window, &JsValue::from_str("csicBoot")).unwrap_or_default();
    let load = js_sys::Reflect::get(&boot, &JsValue::from_str("load")).unwrap_or_default();
    if let Some(load) = load.dyn_ref::<js_sys::Function>() {
        let _ = load.call0(&boot);
    }
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn current_route() -> Route {
    Route::parse(&current_hash())
}

/// Sets (or with `None` removes) an attribute, unless it already is so: a change to `<html>`'s
/// attributes makes the browser restyle the whole page.
fn set(el: &Element, name: &str, value: Option<&str>) {
    if el.get_attribute(name).as_deref() == value {
        return;
    }
    let _ = match value {
        Some(value) => el.set_attribute(name, value),
        None => el.remove_attribute(name),
    };
}

/// Shows `route` in the shell: its mode's tab bar with its tab current, and the home page or the
/// placeholder. Any page but the home page asks for the rest of the app.
fn show(shell: &Element, route: &Route) {
    let mode = route.mode().unwrap_or_else(remembered);
    if route.mode().is_some() {
        remember(mode);
    }
    let tab = Tab::current(mode, route);
    if let Some(html) = document().and_then(|d| d.document_element()) {
        set(&html, "data-mode", Some(mode.tag()));
        set(&html, "data-tab", Some(tab.map(Tab::name).unwrap_or("")));
        let page = if route.is_landing() { "home" } else { "page" };
        set(&html, "data-route", Some(page));
        set(
            &html,
            "data-focused",
            matches!(route, Route::Practice(_)).then_some(""),
        );
    }
    for link in elements(shell.query_selector_all("[aria-current]")) {
        let _ = link.remove_attribute("aria-current");
    }
    if let Some(tab) = tab {
        let selector = format!("li[data-mode=\"{}\"] .tab-{}", mode.tag(), tab.name());
        if let Ok(Some(link)) = shell.query_selector(&selector) {
            let _ = link.set_attribute("aria-current", "page");
        }
    }
    let selector = format!(".mode[data-mode=\"{}\"]", mode.tag());
    if let Ok(Some(link)) = shell.query_selector(&selector) {
        let _ = link.set_attribute("aria-current", "true");
    }
    if !route.is_landing() {
        load_app();
    }
}

/// Gives the element `old_id` inside `shell` the id `id` (the shell's ids carry the language, as
/// every language's copy is in the page until one is chosen).
fn rename(shell: &Element, old_id: &str, id: &str) {
    if let Ok(Some(el)) = shell.query_selector(&format!("#{old_id}")) {
        el.set_id(id);
    }
}

fn listen(target: EventTarget, event: &'static str, f: impl FnMut(Event) + 'static) {
    let listener: Listener = Closure::new(f);
    if target
        .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref())
        .is_ok()
    {
        LISTENERS.with(|l| l.borrow_mut().push((target, event, listener)));
    }
}

/// Runs `f` in a task of its own, after the tasks already queued (such as the browser's input),
/// unless the rest of the app has taken over by then ([`stop`]).
fn later(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let f = Closure::once_into_js(move || {
        if !STOPPED.get() {
            f();
        }
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
}

/// Takes over the static shell in `lang` (see the module's description), in three tasks: the
/// page, the address, then storage and the app's ids (`#main`: from then on the page is the app's).
/// The promise resolves after the last one. Without the shell (an `index.html` from elsewhere),
/// the rest of the app is asked for, which renders its own.
pub fn adopt(lang: &str) -> js_sys::Promise {
    let mut done = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| done = Some(resolve));
    let finish = move || {
        if let Some(done) = done {
            let _ = done.call0(&JsValue::UNDEFINED);
        }
    };
    let Some(document) = document() else {
        finish();
        return promise;
    };
    let Ok(Some(shell)) = document.query_selector(&format!(".shell[lang=\"{lang}\"]")) else {
        load_app();
        finish();
        return promise;
    };
    for other in elements(document.query_selector_all(".shell")) {
        if other.get_attribute("lang").as_deref() != Some(lang) {
            other.remove();
        }
    }
    let lang = lang.to_string();
    later(move || {
        show(&shell, &current_route());
        if let Some(window) = web_sys::window() {
            let here = shell.clone();
            listen(window.into(), "hashchange", move |_| {
                show(&here, &current_route());
            });
        }
        later(move || {
            if stored_unfinished() {
                if let Ok(Some(resume)) = shell.query_selector(".resume") {
                    let _ = resume.remove_attribute("hidden");
                }
            }
            rename(&shell, &format!("main-{lang}"), "main");
            rename(&shell, &format!("home-title-{lang}"), "home-title");
            if let Ok(Some(home)) = shell.query_selector(".home") {
                let _ = home.set_attribute("aria-labelledby", "home-title");
            }
            if let Ok(Some(skip)) = shell.query_selector(".skip-link") {
                let _ = skip.set_attribute("href", "#main");
            }
            finish();
        });
    });
    promise
}

/// Takes the landing part's listeners off: the rest of the app is taking over the screen.
pub fn stop() {
    STOPPED.set(true);
    let listeners = LISTENERS.with(|l| std::mem::take(&mut *l.borrow_mut()));
    for (target, event, listener) in listeners {
        let _ =
            target.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    }
}
