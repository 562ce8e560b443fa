//! The user's settings document.

use super::locale::Lang;
use super::record::Record;
use super::session::PracticePrefs;
use serde::{Deserialize, Serialize};

/// Stored once, under the id [`Settings::ID`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The language the user chose; `None` until they choose, so the browser's languages decide.
    #[serde(default)]
    pub locale: Option<Lang>,
    /// Timer, warning and microphone choices for practice.
    #[serde(default)]
    pub practice: PracticePrefs,
    /// Who this browser's user is on an interview panel (made on first use).
    #[serde(default)]
    pub interviewer: Option<super::interview::Interviewer>,
}

impl Settings {
    pub const ID: &'static str = "app";

    /// The language to use: the user's choice, else the browser's preference.
    pub fn language<S: AsRef<str>>(&self, browser_languages: &[S]) -> Lang {
        self.locale
            .unwrap_or_else(|| Lang::detect(browser_languages))
    }
}

impl Record for Settings {
    const KIND: &'static str = "settings";
    const VERSION: u32 = 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{decode, encode};

    #[test]
    fn a_chosen_language_beats_the_browser() {
        let s = Settings {
            locale: Some(Lang::En),
            ..Settings::default()
        };
        assert_eq!(s.language(&["zh-TW"]), Lang::En);
        assert_eq!(Settings::default().language(&["zh-TW"]), Lang::ZhHant);
    }

    #[test]
    fn settings_round_trip_through_storage_encoding() {
        let s = Settings {
            locale: Some(Lang::ZhHant),
            ..Settings::default()
        };
        let raw = encode(&s).expect("encode");
        assert!(raw.contains("\"zh-Hant\""));
        assert_eq!(decode::<Settings>(&raw), Ok(s));
    }
}
