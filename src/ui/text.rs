//! Translated text that follows the language.
//!
//! Leptos compiles its renderer once per closure type, and every `t!` call site is a closure type
//! of its own. [`tr`] returns one closure type for every string, so the renderer is compiled once:
//! this keeps the wasm small. Use it through the `tx!` macro: `{tx!(i18n, key)}`.

use super::labels::I18n;

pub fn tr(i18n: I18n, text: fn(I18n) -> String) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || text(i18n)
}
