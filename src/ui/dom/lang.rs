//! The interface language is the domain's [`Lang`]; these keep the call sites readable.

use crate::domain::locale::Lang;

pub fn to_locale(lang: Lang) -> Lang {
    lang
}

pub fn from_locale(locale: Lang) -> Lang {
    locale
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
