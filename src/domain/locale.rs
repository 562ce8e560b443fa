//! The languages the app speaks, and how the first one is chosen.

use serde::{Deserialize, Serialize};

/// A language of the user interface and of the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-Hans")]
    ZhHans,
    #[serde(rename = "zh-Hant")]
    ZhHant,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhHans, Lang::ZhHant, Lang::En];

    /// The BCP 47 tag, as used for `<html lang>` and the locale files.
    /// The tag speech recognition is asked for: the language and the region whose speech models
    /// browsers ship (Chrome's on-device recognition offers en-US, zh-CN and zh-TW).
    pub fn speech_tag(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::ZhHans => "zh-CN",
            Lang::ZhHant => "zh-TW",
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
        }
    }

    /// The language's own name for itself, shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhHans => "简体中文",
            Lang::ZhHant => "繁體中文",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// Maps one browser language tag to a language of the app, if it is one we speak.
    ///
    /// zh-TW, zh-HK, zh-MO and any zh-Hant* give 繁體; any other zh* gives 简体; en* gives English.
    pub fn from_browser_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        match parts.next()? {
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"));
                let simplified = rest.contains(&"hans");
                Some(if traditional && !simplified {
                    Lang::ZhHant
                } else {
                    Lang::ZhHans
                })
            }
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the language from `navigator.languages`, in the user's order of preference.
    /// The first tag we speak wins; with none, English.
    pub fn detect<S: AsRef<str>>(languages: &[S]) -> Lang {
        languages
            .iter()
            .find_map(|t| Lang::from_browser_tag(t.as_ref()))
            .unwrap_or(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_regions_and_script_give_zh_hant() {
        for tag in [
            "zh-TW",
            "zh-HK",
            "zh-MO",
            "zh-Hant",
            "zh-Hant-TW",
            "zh_tw",
            "ZH-hant-HK",
        ] {
            assert_eq!(Lang::detect(&[tag]), Lang::ZhHant, "{tag}");
        }
    }

    #[test]
    fn other_chinese_gives_zh_hans() {
        for tag in [
            "zh",
            "zh-CN",
            "zh-SG",
            "zh-Hans",
            "zh-Hans-HK",
            "zh-Hans-CN",
        ] {
            assert_eq!(Lang::detect(&[tag]), Lang::ZhHans, "{tag}");
        }
    }

    #[test]
    fn everything_else_gives_english() {
        assert_eq!(Lang::detect(&["fr-FR", "de"]), Lang::En);
        assert_eq!(Lang::detect::<&str>(&[]), Lang::En);
        assert_eq!(Lang::detect(&["en-GB"]), Lang::En);
    }

    #[test]
    fn the_first_spoken_language_in_order_wins() {
        assert_eq!(Lang::detect(&["fr", "zh-TW", "en"]), Lang::ZhHant);
        assert_eq!(Lang::detect(&["en-US", "zh-CN"]), Lang::En);
    }

    #[test]
    fn tags_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Lang::from_tag("xx"), None);
    }
}
