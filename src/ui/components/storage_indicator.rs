use crate::domain::units::format_bytes;
use crate::i18n::*;
use crate::storage::storage_estimate;
use leptos::prelude::*;

/// "Storage: 12 KB of 1.2 GB used", from `navigator.storage.estimate()`.
#[component]
pub fn StorageIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let estimate = LocalResource::new(storage_estimate);
    let text = move || match estimate.get().flatten() {
        Some(e) => t_string!(
            i18n,
            storage_used,
            used = format_bytes(e.usage),
            quota = format_bytes(e.quota)
        )
        .to_string(),
        None => t_string!(i18n, storage_unknown).to_string(),
    };
    view! {
        <p class="storage-indicator">
            <span class="label">{tx!(i18n, storage_label)}</span>
            " "
            <span data-testid="storage-usage">{text}</span>
        </p>
    }
}
