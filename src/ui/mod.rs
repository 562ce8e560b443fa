//! The app shell, pages and components.

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

mod app;
pub mod components;
pub mod dom;
pub mod erase;
pub mod labels;
pub mod pages;
pub mod router;
pub mod state;

pub use app::App;
