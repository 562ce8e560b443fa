use crate::domain::units::format_bytes;
use crate::i18n::*;
use crate::ui::components::{use_storage_estimate, LanguageSwitch};
use leptos::prelude::*;

/// Language, and what is stored where.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let estimate = use_storage_estimate();
    let usage = move || match estimate.get() {
        Some(e) => t_string!(
            i18n,
            settings_storage_usage,
            used = format_bytes(e.usage),
            quota = format_bytes(e.quota)
        )
        .to_string(),
        None => t_string!(i18n, settings_storage_unavailable).to_string(),
    };
    view! {
        <section class="page settings" aria-labelledby="settings-title">
            <h1 id="settings-title" tabindex="-1">{tx!(i18n, settings_title)}</h1>
            <div class="card">
                <LanguageSwitch id="lang-settings" />
                <p class="help">{tx!(i18n, settings_language_help)}</p>
            </div>
            <div class="card">
                <h2>{tx!(i18n, settings_storage_title)}</h2>
                <p>{tx!(i18n, settings_storage_body)}</p>
                <p>{txt!(usage())}</p>
            </div>
        </section>
    }
}
