//! Type erasure that keeps the wasm small: the one place it is written and explained.
//!
//! Leptos compiles its renderer (and each event listener) once per closure type, and every closure
//! is a type of its own: a hundred call sites cost a hundred copies. These helpers put closures
//! behind one trait-object type each, so the renderer is compiled once.
//!
//! - Event handlers are ordinary functions: `on:click=click(move |_| …)`, `on:input=event(…)`
//!   (also `change`, `close`, any plain `Event`), `on:submit=submit(…)`, `on:dragstart=drag(…)`.
//!   `scripts/check-architecture.mjs` fails on a raw `on:…=move |…|` closure under `src/ui/`.
//! - Reactive text and views need a macro only because they wrap an expression in a closure:
//!   `{txt!(expr)}` (anything with `to_string`) goes through [`dyn_text`], `{dview!(expr)}`
//!   through [`dyn_view`], and `{tx!(i18n, key)}` (a translated string; the key is an identifier
//!   checked by `t_string!`) through [`tr`].

/// `{tx!(i18n, key)}`: the translated string `key`, following the language (see [`erase::tr`]).
/// `{txt!(expr)}`: a reactive string (anything with `to_string`), sharing one closure type.
macro_rules! txt {
    ($e:expr) => {
        $crate::ui::erase::dyn_text(::std::sync::Arc::new(move || ($e).to_string()))
    };
}

/// `{dview!(expr)}`: a reactive view, sharing one closure type.
macro_rules! dview {
    ($e:expr) => {
        $crate::ui::erase::dyn_view(::std::sync::Arc::new(move || {
            leptos::prelude::IntoAny::into_any($e)
        }))
    };
}

macro_rules! tx {
    ($i18n:expr, $key:ident) => {
        $crate::ui::erase::tr($i18n, |i| t_string!(i, $key).to_string())
    };
}

use super::labels::I18n;

pub fn tr(
    i18n: I18n,
    text: fn(I18n) -> String,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || text(i18n)
}

/// A reactive string behind a trait object: every call site shares one closure type.
pub type TextFn = std::sync::Arc<dyn Fn() -> String + Send + Sync>;

pub fn dyn_text(f: TextFn) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    move || f()
}

/// A reactive view behind a trait object: every call site shares one closure type.
pub type ViewFn = std::sync::Arc<dyn Fn() -> leptos::prelude::AnyView + Send + Sync>;

pub fn dyn_view(
    f: ViewFn,
) -> impl Fn() -> leptos::prelude::AnyView + Clone + Send + Sync + 'static {
    move || f()
}

pub fn click(
    f: impl FnMut(leptos::ev::MouseEvent) + 'static,
) -> Box<dyn FnMut(leptos::ev::MouseEvent)> {
    Box::new(f)
}

/// For `input` and `change`.
pub fn event(f: impl FnMut(leptos::ev::Event) + 'static) -> Box<dyn FnMut(leptos::ev::Event)> {
    Box::new(f)
}

pub fn submit(
    f: impl FnMut(leptos::ev::SubmitEvent) + 'static,
) -> Box<dyn FnMut(leptos::ev::SubmitEvent)> {
    Box::new(f)
}

pub fn drag(
    f: impl FnMut(leptos::ev::DragEvent) + 'static,
) -> Box<dyn FnMut(leptos::ev::DragEvent)> {
    Box::new(f)
}
