//! Customer-Service Interview Coach: a Leptos single-page app that runs wholly in the browser.
//!
//! - [`domain`]: pure Rust, tested natively.
//! - [`storage`]: browser persistence behind small traits.
//! - [`browser`]: browser glue for practice (microphone, recorder, meter, speech, tones).
//! - [`ui`]: the app shell, pages and components.

/// `t_string!(i18n, key)`: the UI string `key` in the current language (tracked), a `&'static str`.
/// `t_string!(i18n, key, name = value, …)`: with its `{{ name }}` placeholders filled, a `String`.
/// A key that is not in `locales/en.json` does not compile.
macro_rules! t_string {
    ($i18n:expr, $key:ident) => {
        $i18n.text($crate::i18n::key::$key)
    };
    ($i18n:expr, $key:ident, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::interpolate(
            $i18n.text($crate::i18n::key::$key),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

pub mod browser;
pub mod domain;
pub mod i18n;
pub mod storage;
pub mod ui;
