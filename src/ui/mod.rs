//! The app shell, pages and components.

/// `{tx!(i18n, key)}`: the translated string `key`, following the language (see [`text::tr`]).
macro_rules! tx {
    ($i18n:expr, $key:ident) => {
        $crate::ui::text::tr($i18n, |i| t_string!(i, $key).to_string())
    };
}

mod app;
pub mod bank;
pub mod components;
pub mod labels;
pub mod lang;
pub mod notices;
pub mod pages;
pub mod prefs;
pub mod router;
pub mod text;

pub use app::App;
