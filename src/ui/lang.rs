//! Glue between the domain's [`Lang`] and leptos_i18n's generated `Locale`.

use crate::domain::locale::Lang;
use crate::i18n::Locale;
use leptos_i18n::Locale as _;

pub fn to_locale(lang: Lang) -> Locale {
    Locale::get_all()
        .iter()
        .copied()
        .find(|l| l.as_str() == lang.tag())
        .unwrap_or_default()
}

pub fn from_locale(locale: Locale) -> Lang {
    Lang::from_tag(locale.as_str()).unwrap_or(Lang::En)
}

/// `navigator.languages`, in the user's order of preference.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}
