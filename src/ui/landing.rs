//! The landing shell: the first load. It carries the frame, the router and the home page only; a
//! visit to any other page asks the boot script for the rest of the app (`csicBoot.load()`, see
//! `scripts/boot.js`), which takes over the same screen. Meanwhile the page's placeholder shows.
//!
//! It has no update banner: the boot script registers the service worker, and when a new version
//! is waiting it loads the rest of the app, whose banner offers the reload (the same home page
//! stays on screen).

use super::components::Header;
use super::frame::{wants_app, Footer, Later, Placeholder, SkipLink};
use super::pages::home::HomePage;
use super::router::provide_route;
use crate::domain::locale::Lang;
use crate::i18n::*;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Asks the boot script for the rest of the app. Without one (a test page), nothing happens.
fn load_app() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let boot = js_sys::Reflect::get(&window, &JsValue::from_str("csicBoot")).unwrap_or_default();
    let load = js_sys::Reflect::get(&boot, &JsValue::from_str("load")).unwrap_or_default();
    if let Some(load) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&load) {
        let _ = load.call0(&boot);
    }
}

/// The landing shell, in `lang` (its strings installed).
#[component]
pub fn Landing(lang: Lang) -> impl IntoView {
    view! {
        <I18nProvider lang=lang>
            <LandingShell />
        </I18nProvider>
    }
}

#[component]
fn LandingShell() -> impl IntoView {
    let i18n = use_i18n();
    let route = provide_route();
    super::state::mode::provide_mode(route);
    let elsewhere = Memo::new(move |_| route.with(wants_app));
    Effect::new(move |_| {
        if elsewhere.get() {
            load_app();
        }
    });
    Effect::new(move |_| {
        let title = format!(
            "{} · {}",
            t_string!(i18n, app_tagline),
            t_string!(i18n, app_name)
        );
        super::frame::set_title(&title);
    });
    view! {
        <SkipLink />
        <Header />
        <main id="main" tabindex="-1">
            <Later>
                {dview!(if elsewhere.get() {
                    view! { <Placeholder /> }.into_any()
                } else {
                    view! { <HomePage /> }.into_any()
                })}
            </Later>
        </main>
        <Later>
            <Footer />
        </Later>
    }
}
