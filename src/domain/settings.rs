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
    /// Recordings older than this many days are deleted at start-up (their attempts, text, notes
    /// and scores stay); `None`, the default, keeps every recording. Added in v1 with a default, so
    /// settings saved before load unchanged. Only a value in [`RETENTION_RANGE`] applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_days: Option<u32>,
}

/// The days a retention setting may have: from one day to ten years.
pub const RETENTION_RANGE: (u32, u32) = (1, 3650);

/// The days offered when the user first turns retention on.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

/// Typed days outside [`RETENTION_RANGE`] (or not a whole number); the UI translates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfRange {
    pub min: u32,
    pub max: u32,
}

/// Whether `days` is a retention the app applies.
pub fn valid_retention_days(days: u32) -> bool {
    let (min, max) = RETENTION_RANGE;
    (min..=max).contains(&days)
}

/// Reads the days typed in the retention box: a whole number in [`RETENTION_RANGE`].
pub fn parse_retention_days(text: &str) -> Result<u32, OutOfRange> {
    let (min, max) = RETENTION_RANGE;
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|d| valid_retention_days(*d))
        .ok_or(OutOfRange { min, max })
}

impl Settings {
    pub const ID: &'static str = "app";

    /// The language to use: the user's choice, else the browser's preference.
    pub fn language<S: AsRef<str>>(&self, browser_languages: &[S]) -> Lang {
        self.locale
            .unwrap_or_else(|| Lang::detect(browser_languages))
    }

    /// The retention to apply: the stored days if they are in range, else none (a value out of
    /// range, from an edited or foreign file, deletes nothing).
    pub fn retention(&self) -> Option<u32> {
        self.retention_days.filter(|d| valid_retention_days(*d))
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

    #[test]
    fn retention_is_off_by_default_and_old_settings_load_without_it() {
        assert_eq!(Settings::default().retention(), None);
        let old = r#"{"v":1,"data":{"locale":"en","practice":{"tone":true}}}"#;
        let s = decode::<Settings>(old).expect("old settings");
        assert_eq!((s.locale, s.retention_days), (Some(Lang::En), None));
        assert!(s.practice.tone);
        // Off is not written at all, so settings without retention encode as before.
        assert!(!encode(&Settings::default())
            .expect("encode")
            .contains("retention"));
    }

    #[test]
    fn retention_days_round_trip_like_any_setting() {
        let s = Settings {
            retention_days: Some(30),
            ..Settings::default()
        };
        let raw = encode(&s).expect("encode");
        assert!(raw.contains("\"retention_days\":30"));
        let back = decode::<Settings>(&raw).expect("decode");
        assert_eq!((back.retention(), back), (Some(30), s));
    }

    #[test]
    fn typed_days_must_be_a_whole_number_from_1_to_3650() {
        let err = Err(OutOfRange { min: 1, max: 3650 });
        assert_eq!(parse_retention_days("30"), Ok(30));
        assert_eq!(parse_retention_days(" 1 "), Ok(1));
        assert_eq!(parse_retention_days("3650"), Ok(3650));
        for bad in ["0", "3651", "-5", "2.5", "", "thirty", "99999999999"] {
            assert_eq!(parse_retention_days(bad), err, "{bad:?}");
        }
    }

    #[test]
    fn stored_days_out_of_range_delete_nothing() {
        for days in [0, 3651, u32::MAX] {
            let s = Settings {
                retention_days: Some(days),
                ..Settings::default()
            };
            assert_eq!(s.retention(), None, "{days}");
        }
    }
}
