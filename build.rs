//! Generates the `i18n` module from `locales/*.json` (leptos_i18n). Nothing is downloaded here.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let config = Config::new("en")
        .and_then(|c| c.add_locales(["zh-Hans", "zh-Hant"]))
        .expect("valid locale names")
        // Lets `t_string!` take interpolated values (used for attributes and computed text).
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(config).expect("locales/*.json parse");
    infos.rerun_if_locales_changed();
    infos.emit_diagnostics();
    infos
        .generate_i18n_module(out_dir.join("i18n"))
        .expect("write the i18n module");
}
