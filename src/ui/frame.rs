//! What every page of the app sits in: the skip link, the header with the tab bar, the footer, and
//! the root element they are mounted in.
//!
//! The app renders into a new `<div class="app-root">` outside the document, the frame first and
//! the page's main content ([`Later`]) in later tasks, then swaps it in for the static shell that
//! `index.html` painted before the wasm arrived (`scripts/shell.mjs` writes it with the same
//! markup; on the home page the landing part adopted it, `ui::landing`) in one task ([`attach`]),
//! so that the page does not move (CLS 0) and no one task of the start-up is long.

use crate::domain::locale::Lang;
use crate::i18n::*;
use crate::ui::dom::{elements, focus_now};
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
    /// The root [`mount`] rendered into, until [`attach`] puts it in the document.
    static PENDING: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
    /// How many of the start-up's later stages may render (see [`Later`]).
    static STAGE: ArcRwSignal<u8> = ArcRwSignal::new(0);
}

/// A part of the frame rendered in a later task of the start-up ([`render_rest`] opens one stage
/// per task): the start-up is then a few short tasks instead of one long one (a long task blocks a
/// phone's first taps). Stage 1 is the tab bar, stage 2 the page's content and the footer.
#[component]
pub fn Later(#[prop(default = 2)] stage: u8, children: ChildrenFn) -> impl IntoView {
    let open = STAGE.with(|s| s.clone());
    // Only the moment it opens matters: later stages (and the swap) must not build it again.
    let shown = Memo::new(move |_| open.get() >= stage);
    move || shown.get().then(|| children())
}

/// Sets the document's title, unless it already is that (setting it costs a few ms on a phone,
/// and the boot script already set the language's title before the first paint).
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if doc.title() != title {
            doc.set_title(title);
        }
    }
}

/// Installs `text` (the locale file of `lang`, which the boot script fetched) as its strings.
pub fn install_strings(lang: &str, text: &str) {
    let lang = Lang::from_tag(lang).unwrap_or(Lang::En);
    if let Err(e) = crate::i18n::install(lang, text) {
        web_sys::console::error_1(&format!("strings for {}: {e}", lang.tag()).into());
    }
}

/// Renders `app` in `lang` (its strings installed: [`install_strings`]) into a new root that is
/// not yet in the document: the static shell (or the part before) stays on screen meanwhile. The
/// boot script then calls [`render_rest`] and [`attach`], each in a task of its own.
pub fn mount<V: IntoView + 'static>(lang: &str, app: impl FnOnce(Lang) -> V + 'static) {
    let lang = Lang::from_tag(lang).unwrap_or(Lang::En);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(root) = document.create_element("div") else {
        return;
    };
    root.set_class_name("app-root");
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    let handle = leptos::mount::mount_to(root.clone(), move || app(lang));
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
    PENDING.with(|p| *p.borrow_mut() = Some(root));
}

/// Renders the next stage of what [`Later`] held back.
pub fn render_rest() {
    STAGE.with(|s| s.update(|n| *n = n.saturating_add(1)));
}

/// Puts the rendered root in the document and removes the static shell and any root mounted
/// before, in the same task: nothing blank is painted in between, and the page does not move.
/// `handover`: another part was on screen (the user left the home page), so focus moves to the
/// new page's heading, as after any navigation; on the first load it stays where it is.
pub fn attach(handover: bool) {
    STAGE.with(|s| s.set(u8::MAX));
    let Some(root) = PENDING.with(|p| p.borrow_mut().take()) else {
        return;
    };
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    for old in elements(body.query_selector_all(".app-root")) {
        old.remove();
    }
    let _ = body.append_child(&root);
    if handover {
        request_animation_frame(|| {
            focus_now("#main h1");
        });
    }
}

/// Takes the mounted app down: its nodes, listeners, timers and effects go. The boot script calls
/// it right before the next part's [`attach`], in the same task, so nothing blank is ever painted.
pub fn unmount() {
    let handle = MOUNTED.with(|m| m.borrow_mut().take());
    drop(handle);
}
