//! UI strings in three languages, and the current language as a signal in context.
//!
//! **Where strings live.** `locales/en.json`, `locales/zh-Hans.json` and `locales/zh-Hant.json`
//! map a key (a Rust identifier) to a string, which may have `{{ name }}` placeholders. Every key
//! is in every locale with the same placeholders (`tests/translations.rs`), and every key is used
//! somewhere under `src/` (the same test file fails, listing them, on keys no code names).
//!
//! **Plural forms.** English may add `<key>_one`, the singular form of `<key>`, with the same
//! placeholders (`"questions_count_one": "{{ n }} question"` beside `"{{ n }} questions"`). It is
//! not a key of its own: [`template`] picks it when the argument `n` displays as exactly `1`.
//! Chinese has no plural: its locales have no `_one` entries and always use the base string.
//!
//! **What `build.rs` generates** (in `OUT_DIR/strings.rs`, included here):
//! - [`key`]: `pub const <key>: usize`, the key's index;
//! - `params`: `pub struct <key> { pub <name>: (), … }`, one `()` field per placeholder;
//! - [`KEYS`]: every key's name, in index order.
//!
//! **Only the current language in the first load.** The strings are not compiled into the wasm. The
//! build packs each locale file as `dist/strings-<lang>-<hash>.txt` (`key` U+001F `string` U+001E: nothing to parse on the phone) and names it in
//! `<meta name="csic-strings-<lang>">`; the boot script hands the current language's text to the
//! wasm, which [`install`]s it as a [`Table`] before the first render. Switching language fetches
//! the other table first ([`I18nContext::set_locale`]); the service worker precaches all three.
//! Native builds (tests) read the locale files compiled in ([`embedded`]).
//!
//! It stops the build, naming it, on a key or placeholder that is not a plain Rust identifier
//! (keywords included) and on a `_one` entry without its base key.
//!
//! **Looking strings up.** `t_string!(i18n, key)` gives the `&'static str` for `key` in the current
//! language (and tracks it); `t_string!(i18n, key, name = value, …)` gives a `String` through
//! [`I18nContext::text_with`]: [`template`] chooses the form, [`interpolate`] fills it. Both forms
//! build `params::<key> { name: (), … }` in a `const`, so an unknown key, a misspelt or repeated
//! argument, a missing one, or no arguments for a key that has placeholders, does not compile; the
//! check leaves no code behind. The macro's documentation (crate root) shows each failure as a
//! `compile_fail` doctest.

use crate::domain::locale::Lang;
use leptos::prelude::*;
use std::fmt::Display;

include!(concat!(env!("OUT_DIR"), "/strings.rs"));

/// The language of the interface: the domain's [`Lang`].
pub type Locale = Lang;

/// One language's strings, in [`key`] order, and its singular forms (`<key>_one`, English only).
pub struct Table {
    strings: Vec<&'static str>,
    singular: Vec<(usize, &'static str)>,
}

impl Table {
    /// Reads a packed table: `key` U+001F `string` U+001E, for every key of a locale file, as
    /// `build.rs` and `scripts/post-build.mjs` write it. One string crosses into the wasm and is
    /// split in place: no JSON parse and no copy per string (this was the first load's longest
    /// task, first through serde, then through the browser's JSON parser). A key the table lacks
    /// reads as "".
    pub fn parse(packed: &str) -> Result<Table, String> {
        let text: &'static str = Box::leak(packed.into());
        let mut pairs = Vec::new();
        for record in text.split(RECORD).filter(|r| !r.is_empty()) {
            let pair = record
                .split_once(UNIT)
                .ok_or_else(|| format!("not a packed table: {:.20}…", record))?;
            pairs.push(pair);
        }
        Ok(Table::from_pairs(pairs))
    }

    /// A table from a locale file's `(key, string)` pairs: keys are found in [`KEYS`] (sorted) by
    /// binary search, `<key>_one` as that key's singular form; unknown keys are left out.
    fn from_pairs(pairs: Vec<(&'static str, &'static str)>) -> Table {
        let mut strings: Vec<&'static str> = vec![""; KEYS.len()];
        let mut singular = Vec::new();
        for (k, v) in pairs {
            if let Ok(i) = KEYS.binary_search(&k) {
                strings[i] = v;
            } else if let Some(i) = k
                .strip_suffix("_one")
                .and_then(|base| KEYS.binary_search(&base).ok())
            {
                singular.push((i, v));
            }
        }
        singular.sort_unstable_by_key(|(i, _)| *i);
        Table { strings, singular }
    }

    /// The string `key`, as it is.
    pub fn get(&self, key: usize) -> &'static str {
        self.strings.get(key).copied().unwrap_or_default()
    }

    /// The singular form of `key`, if this language has one.
    pub fn singular(&self, key: usize) -> Option<&'static str> {
        self.singular
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, one)| *one)
    }

    /// The keys that have a singular form, in order.
    pub fn singular_keys(&self) -> impl Iterator<Item = usize> + '_ {
        self.singular.iter().map(|(k, _)| *k)
    }
}

thread_local! {
    static TABLES: std::cell::RefCell<[Option<&'static Table>; 3]> =
        const { std::cell::RefCell::new([None, None, None]) };
}

/// Makes `json` (a locale file) the table of `lang`.
pub fn install(lang: Lang, json: &str) -> Result<(), String> {
    let table: &'static Table = Box::leak(Box::new(Table::parse(json)?));
    TABLES.with(|t| t.borrow_mut()[lang as usize] = Some(table));
    Ok(())
}

/// The table of `lang`, once installed. Native builds read the locale files compiled in.
pub fn table(lang: Lang) -> Option<&'static Table> {
    let found = TABLES.with(|t| t.borrow()[lang as usize]);
    #[cfg(not(target_arch = "wasm32"))]
    if found.is_none() {
        install(lang, embedded(lang)).ok()?;
        return TABLES.with(|t| t.borrow()[lang as usize]);
    }
    found
}

/// Separates a key from its string in a packed table.
pub const UNIT: char = '\u{1f}';
/// Ends one key's record in a packed table.
pub const RECORD: char = '\u{1e}';

/// The packed table of `lang` as the build writes it: for native code and tests only (a wasm that
/// calls this carries all three languages).
pub fn embedded(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/strings-en.txt")),
        Lang::ZhHans => include_str!(concat!(env!("OUT_DIR"), "/strings-zh-Hans.txt")),
        Lang::ZhHant => include_str!(concat!(env!("OUT_DIR"), "/strings-zh-Hant.txt")),
    }
}

/// Fetches the table of `lang` that the build named in `<meta name="csic-strings-<lang>">`.
pub async fn fetch_table(lang: Lang) -> Result<(), String> {
    if TABLES.with(|t| t.borrow()[lang as usize].is_some()) {
        return Ok(());
    }
    let text = crate::storage::fetch_named(&format!("csic-strings-{}", lang.tag()))
        .await
        .map_err(|e| e.to_string())?;
    install(lang, &text)
}

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18nContext {
    locale: RwSignal<Lang>,
}

impl I18nContext {
    pub fn get_locale(&self) -> Lang {
        self.locale.get()
    }

    pub fn get_locale_untracked(&self) -> Lang {
        self.locale.get_untracked()
    }

    /// Switches the language and `<html lang>`, once its table is here: at once when it is, else
    /// after fetching it (from the offline cache when offline). A table that cannot be had leaves
    /// the language as it is.
    pub fn set_locale(&self, lang: Lang) {
        if TABLES.with(|t| t.borrow()[lang as usize].is_some()) || table(lang).is_some() {
            self.apply(lang);
            return;
        }
        let this = *self;
        leptos::task::spawn_local(async move {
            match fetch_table(lang).await {
                Ok(()) => this.apply(lang),
                Err(e) => {
                    web_sys::console::warn_1(&format!("strings for {}: {e}", lang.tag()).into())
                }
            }
        });
    }

    fn apply(&self, lang: Lang) {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
        if self.locale.get_untracked() != lang {
            self.locale.set(lang);
        }
    }

    /// The string `key` (a [`key`] constant) in the current language, as it is (no placeholders
    /// filled, no singular form chosen).
    pub fn text(&self, key: usize) -> &'static str {
        table(self.locale.get())
            .map(|t| t.get(key))
            .unwrap_or_default()
    }

    /// The string `key` in the current language, in the form `args` call for ([`template`]), with
    /// its placeholders filled from `args` ([`interpolate`]). What `t_string!` with arguments calls.
    pub fn text_with(&self, key: usize, args: &[(&str, &dyn Display)]) -> String {
        interpolate(template(self.locale.get(), key, args), args)
    }
}

pub fn use_i18n() -> I18nContext {
    expect_context::<I18nContext>()
}

/// Provides the language (English until the app sets it) to `children`.
#[component]
pub fn I18nContextProvider(children: Children) -> impl IntoView {
    provide_context(I18nContext {
        locale: RwSignal::new(Lang::En),
    });
    children()
}

/// Provides `lang` as the language (its table already installed) to `children`.
#[component]
pub fn I18nProvider(lang: Lang, children: Children) -> impl IntoView {
    provide_context(I18nContext {
        locale: RwSignal::new(lang),
    });
    children()
}

/// The string `key` in `lang`, before its placeholders are filled: the singular form when `lang`
/// has one for `key` and the argument `n` displays as exactly `1`, else the string.
pub fn template(lang: Lang, key: usize, args: &[(&str, &dyn Display)]) -> &'static str {
    let Some(table) = table(lang) else {
        return "";
    };
    match table.singular(key) {
        Some(one)
            if args
                .iter()
                .any(|(name, v)| *name == "n" && v.to_string() == "1") =>
        {
            one
        }
        _ => table.get(key),
    }
}

/// Fills `{{ name }}` placeholders of `text` from `args`; an unknown name is left as it is.
pub fn interpolate(text: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let name = after[..end].trim();
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => {
                        use std::fmt::Write as _;
                        let _ = write!(out, "{value}");
                    }
                    None => out.push_str(&rest[start..start + 2 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name() {
        let n = 3;
        assert_eq!(
            interpolate("{{ n }} of {{total}}", &[("n", &n), ("total", &"9")]),
            "3 of 9"
        );
        assert_eq!(interpolate("no {{ x }} here", &[]), "no {{ x }} here");
        assert_eq!(interpolate("open {{ end", &[]), "open {{ end");
        assert_eq!(interpolate("第 {{ n }} 题", &[("n", &2)]), "第 2 题");
    }

    #[test]
    fn english_counts_of_one_take_the_singular_form() {
        let en = |n: &dyn Display| {
            let args: [(&str, &dyn Display); 1] = [("n", n)];
            interpolate(template(Lang::En, key::questions_count, &args), &args)
        };
        assert_eq!(en(&1), "1 question");
        assert_eq!(en(&"1"), "1 question");
        assert_eq!(en(&0), "0 questions");
        assert_eq!(en(&2), "2 questions");
        assert_eq!(en(&11), "11 questions");
        assert_eq!(en(&1.5), "1.5 questions");
        // Only `n` chooses; other arguments of 1 do not.
        let args: [(&str, &dyn Display); 2] = [("n", &2), ("minutes", &"1 min")];
        assert_eq!(
            template(Lang::En, key::set_summary, &args),
            table(Lang::En).unwrap().get(key::set_summary)
        );
        let args: [(&str, &dyn Display); 2] = [("n", &1), ("minutes", &"8 min")];
        assert_eq!(
            interpolate(template(Lang::En, key::set_summary, &args), &args),
            "1 question · 8 min"
        );
        // A key with no singular form is left alone.
        let args: [(&str, &dyn Display); 2] = [("n", &1), ("total", &9)];
        assert_eq!(
            template(Lang::En, key::practice_position, &args),
            "Question {{ n }} of {{ total }}"
        );
    }

    #[test]
    fn chinese_counts_always_take_the_base_string() {
        for lang in [Lang::ZhHans, Lang::ZhHant] {
            assert!(table(lang).unwrap().singular_keys().next().is_none());
            for n in [0, 1, 2] {
                let args: [(&str, &dyn Display); 1] = [("n", &n)];
                assert_eq!(
                    template(lang, key::questions_count, &args),
                    table(lang).unwrap().get(key::questions_count)
                );
            }
        }
        let args: [(&str, &dyn Display); 1] = [("n", &1)];
        assert_eq!(
            interpolate(template(Lang::ZhHans, key::questions_count, &args), &args),
            interpolate(
                table(Lang::ZhHans).unwrap().get(key::questions_count),
                &args
            )
        );
    }

    #[test]
    fn singular_forms_belong_to_real_keys_once() {
        let en = table(Lang::En).unwrap();
        let keys: Vec<usize> = en.singular_keys().collect();
        assert!(!keys.is_empty());
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        assert!(keys
            .iter()
            .all(|k| *k < KEYS.len() && en.singular(*k).is_some_and(|s| !s.is_empty())));
    }

    #[test]
    fn every_language_has_every_key() {
        assert_eq!(KEYS[key::app_name], "app_name");
        // Tables are read by binary search over the key names.
        assert!(KEYS.windows(2).all(|w| w[0] < w[1]));
        for lang in Lang::ALL {
            let t = table(lang).unwrap();
            assert!((0..KEYS.len()).all(|k| !t.get(k).is_empty()), "{lang:?}");
        }
        assert!(Table::parse("not a packed table").is_err());
        // A table that lacks a key reads it as "".
        let partial = Table::parse("app_name\u{1f}x\u{1e}").unwrap();
        assert_eq!(partial.get(key::app_name), "x");
        assert_eq!(partial.get(key::nav_home), "");
    }
}
