//! Type erasure that keeps the wasm small.
//!
//! Leptos compiles its renderer (and each event listener) once per closure type, and every closure
//! is a type of its own: a hundred call sites cost a hundred copies. These helpers put closures
//! behind one trait-object type each, so the renderer is compiled once:
//! - [`tr`] through `{tx!(i18n, key)}`: a translated string;
//! - [`dyn_text`] through `{txt!(expr)}` and [`dyn_view`] through `{dview!(expr)}`;
//! - [`click`], [`event`], [`submit`] and [`drag`] for event handlers.

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
