//! What every page sits in, shared by the landing shell and the whole app: the skip link, the
//! header with the tab bar, the footer, and the root element they are mounted in.
//!
//! Both mount into a new `<div class="app-root">` and then remove the static shell that
//! `index.html` painted before the wasm arrived (`scripts/shell.mjs` writes it with the same
//! markup), in the same task, so that the page does not move: CLS 0.

use crate::domain::locale::Lang;
use crate::domain::route::Route;
use crate::i18n::*;
use crate::ui::dom::focus_now;
use crate::ui::erase::click;
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;

#[component]
pub fn SkipLink() -> impl IntoView {
    let i18n = use_i18n();
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_now("#main");
    };
    view! {
        <a class="skip-link" href="#main" on:click=click(skip)>
            {tx!(i18n, skip_to_content)}
        </a>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="app-footer">
            <p>{tx!(i18n, footer_text)}</p>
        </footer>
    }
}

/// What stands for a page whose code is still on its way: the frame's main area at its size.
#[component]
pub fn Placeholder() -> impl IntoView {
    view! { <div class="page-placeholder" aria-busy="true"></div> }
}

thread_local! {
    /// The mounted app, so that [`unmount`] can take it down before another part takes over.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Installs `text` (the locale file of `lang`, which the boot script fetched) as its strings.
pub fn install_strings(lang: &str, text: &str) {
    let lang = Lang::from_tag(lang).unwrap_or(Lang::En);
    if let Err(e) = crate::i18n::install(lang, text) {
        web_sys::console::error_1(&format!("strings for {}: {e}", lang.tag()).into());
    }
}

/// Mounts `app` in `lang` (its strings installed: [`install_strings`]) in a new root, then removes
/// the static shell and any root mounted before.
pub fn mount<V: IntoView + 'static>(lang: &str, app: impl FnOnce(Lang) -> V + 'static) {
    let lang = Lang::from_tag(lang).unwrap_or(Lang::En);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Ok(root)) = (document.body(), document.create_element("div")) else {
        return;
    };
    root.set_class_name("app-root");
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    let _ = body.append_child(&root);
    let handle = leptos::mount::mount_to(root.clone(), move || app(lang));
    // The static shell and any earlier root go in the same task: nothing paints in between.
    if let Ok(old) = document.query_selector_all(".app-root") {
        for i in 0..old.length() {
            if let Some(node) = old.item(i) {
                if !node.is_same_node(Some(&root)) {
                    if let Some(parent) = node.parent_node() {
                        let _ = parent.remove_child(&node);
                    }
                }
            }
        }
    }
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

/// Takes the mounted app down: its nodes, listeners, timers and effects go. The boot script calls
/// it right before the next part's [`mount`], in the same task, so nothing blank is ever painted.
pub fn unmount() {
    let handle = MOUNTED.with(|m| m.borrow_mut().take());
    drop(handle);
}

/// Whether the route is shown by the landing shell; any other route asks the boot script for the
/// rest of the app (see `scripts/boot.js`).
pub fn wants_app(route: &Route) -> bool {
    !route.is_landing()
}
