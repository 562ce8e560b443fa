use crate::i18n::*;
use crate::ui::erase::click;
use crate::ui::state::{use_notices, Notice};
use leptos::prelude::*;

/// Storage notices, announced politely and kept until dismissed.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For each=move || notices.list() key=|(id, _)| *id let:item>
                {
                    let (id, notice) = item;
                    let text = move || match &notice {
                        Notice::Unreadable { set_aside_as: Some(key) } => {
                            t_string!(i18n, notice_unreadable, key = key.clone()).to_string()
                        }
                        Notice::Unreadable { set_aside_as: None } => {
                            t_string!(i18n, notice_unreadable_kept).to_string()
                        }
                        Notice::StorageUnavailable => {
                            t_string!(i18n, notice_storage_unavailable).to_string()
                        }
                        Notice::UnreadableMany { count, kinds } => t_string!(
                            i18n,
                            notice_unreadable_many,
                            n = count,
                            kinds = kinds.join(", ")
                        ),
                        Notice::StorageFull => t_string!(i18n, notice_storage_full).to_string(),
                        Notice::WriteAborted => t_string!(i18n, notice_write_aborted).to_string(),
                        Notice::SaveFailed => t_string!(i18n, notice_save_failed).to_string(),
                        Notice::DeletedElsewhere => {
                            t_string!(i18n, notice_deleted_elsewhere).to_string()
                        }
                        Notice::ImportUndone => t_string!(i18n, notice_import_undone).to_string(),
                        Notice::WipedElsewhere => {
                            t_string!(i18n, notice_wiped_elsewhere).to_string()
                        }
                    };
                    view! {
                        <div class="notice">
                            <p>{txt!(text())}</p>
                            <button type="button" on:click=click(move |_| notices.dismiss(id))>
                                {tx!(i18n, dismiss)}
                            </button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
