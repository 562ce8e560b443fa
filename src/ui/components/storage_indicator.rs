use crate::domain::units::format_bytes;
use crate::i18n::*;
use crate::storage::{storage_estimate, StorageEstimate};
use crate::ui::state::use_practice;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// `navigator.storage.estimate()` as a signal: `None` until it answers, or where it is missing.
/// Asked again whenever a recording is saved or deleted.
pub fn use_storage_estimate() -> ReadSignal<Option<StorageEstimate>> {
    let (estimate, set_estimate) = signal(None);
    let practice = use_practice();
    Effect::new(move |_| {
        practice.stored.track();
        spawn_local(async move {
            let _ = set_estimate.try_set(storage_estimate().await);
        });
    });
    estimate
}

/// "Storage: 12 KB of 1.2 GB used", from `navigator.storage.estimate()`.
#[component]
pub fn StorageIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let estimate = use_storage_estimate();
    let text = move || match estimate.get() {
        Some(e) => t_string!(
            i18n,
            storage_used,
            used = format_bytes(e.usage),
            quota = format_bytes(e.quota)
        )
        .to_string(),
        None => t_string!(i18n, storage_unknown).to_string(),
    };
    let practice = use_practice();
    let persisted = move || match practice.persisted.get() {
        Some(true) => format!(" · {}", t_string!(i18n, storage_persistent)),
        Some(false) => format!(" · {}", t_string!(i18n, storage_temporary)),
        None => String::new(),
    };
    view! {
        <p class="storage-indicator">
            <span class="label">{tx!(i18n, storage_label)}</span>
            " "
            <span data-testid="storage-usage">{txt!(text())}</span>
            <span class="persisted" data-testid="storage-persisted">{txt!(persisted())}</span>
        </p>
    }
}
