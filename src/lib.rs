//! Customer-Service Interview Coach: a Leptos single-page app that runs wholly in the browser.
//!
//! - [`domain`]: pure Rust, tested natively.
//! - [`storage`]: browser persistence behind small traits.
//! - [`browser`]: browser glue for practice (microphone, recorder, meter, speech, tones).
//! - [`ui`]: the app shell, pages and components.

/// The UI string `key` (a key of `locales/en.json`) in the current language, tracked. The whole
/// scheme is described in [`i18n`]; in short:
///
/// - `t_string!(i18n, key)`: a `&'static str`, for a key without placeholders;
/// - `t_string!(i18n, key, name = value, …)`: a `String` with its `{{ name }}` placeholders filled
///   (each `value` is `Display`); English picks the singular form `<key>_one` when `n` shows as `1`.
///
/// Checked at compile time, at no run-time cost: the key must exist, and the arguments must name
/// exactly the key's placeholders (in any order), each once. `build.rs` makes a struct per key,
/// `i18n::params::<key>`, with one `()` field per placeholder, and the macro builds it inside a
/// `const`, so the compiler reports an unknown name ("no field named"), a missing one ("missing
/// field") or a repeated one ("specified more than once").
///
/// ```no_run
/// use cs_interview_coach::{i18n::use_i18n, t_string};
/// let i18n = use_i18n();
/// let title: &str = t_string!(i18n, app_name);
/// let position: String = t_string!(i18n, practice_position, total = 9, n = 1);
/// ```
///
/// Each example below is that one with one mistake. (Stable rustdoc does not check error codes, so
/// they are named in the text; each fails with that error alone.) A misspelt placeholder name
/// does not compile (E0560):
///
/// ```compile_fail
/// # use cs_interview_coach::{i18n::use_i18n, t_string};
/// # let i18n = use_i18n();
/// t_string!(i18n, practice_position, m = 1, total = 9);
/// ```
///
/// Nor does a missing argument (E0063)…
///
/// ```compile_fail
/// # use cs_interview_coach::{i18n::use_i18n, t_string};
/// # let i18n = use_i18n();
/// t_string!(i18n, practice_position, n = 1);
/// ```
///
/// …nor leaving out every argument of a key that has placeholders (E0063)…
///
/// ```compile_fail
/// # use cs_interview_coach::{i18n::use_i18n, t_string};
/// # let i18n = use_i18n();
/// t_string!(i18n, practice_position);
/// ```
///
/// …nor a repeated one (E0062), nor an argument for a key without placeholders (E0560):
///
/// ```compile_fail
/// # use cs_interview_coach::{i18n::use_i18n, t_string};
/// # let i18n = use_i18n();
/// t_string!(i18n, practice_position, n = 1, n = 2);
/// ```
///
/// ```compile_fail
/// # use cs_interview_coach::{i18n::use_i18n, t_string};
/// # let i18n = use_i18n();
/// t_string!(i18n, app_name, n = 1);
/// ```
///
/// Nor a key that is not in `locales/en.json` (E0425):
///
/// ```compile_fail
/// # use cs_interview_coach::{i18n::use_i18n, t_string};
/// # let i18n = use_i18n();
/// t_string!(i18n, app_nmae);
/// ```
///
/// Exported only so that these examples can run as doctests; the app uses it by textual scope.
#[macro_export]
macro_rules! t_string {
    ($i18n:expr, $key:ident) => {{
        const _: () = {
            let _ = $crate::i18n::params::$key {};
        };
        $i18n.text($crate::i18n::key::$key)
    }};
    ($i18n:expr, $key:ident, $($name:ident = $value:expr),+ $(,)?) => {{
        const _: () = {
            let _ = $crate::i18n::params::$key { $($name: ()),+ };
        };
        $i18n.text_with(
            $crate::i18n::key::$key,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    }};
}

pub mod browser;
pub mod domain;
pub mod i18n;
pub mod storage;
pub mod ui;
