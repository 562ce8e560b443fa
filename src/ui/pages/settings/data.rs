//! The user's backup: export everything to one file, import a file (checked, merged without
//! duplicates, nothing overwritten without consent), and delete everything.

use crate::domain::backup::{
    export, export_size, parse, Backup, ImportError, Plan, TooBig, SCHEMA,
};
use crate::domain::units::format_bytes;
use crate::i18n::*;
use crate::storage::{apply, audio_chunks, audio_keys, clear_everything, ApplyError, StoreError};
use crate::ui::dom::locks::{self, LockHandle};
use crate::ui::dom::{dated_name, download, file_text, now_ms, picked_file};
use crate::ui::erase::{click, event};
use crate::ui::state::{sync, use_practice, use_store, IMPORT_LOCK};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// A message kept across the reload that follows an import or a deletion.
const FLASH: &str = "csic-flash";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn reload_with(flash: &str) {
    if let Some(s) = session_storage() {
        let _ = s.set_item(FLASH, flash);
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Why an import did not happen, and what that means for what is stored.
fn import_error(what: String, then: String) -> AnyView {
    view! {
        <div role="alert" class="error" data-testid="import-error">
            <p>{what}</p>
            <p>{then}</p>
        </div>
    }
    .into_any()
}

enum ImportState {
    Idle,
    Reading,
    Failed(ImportError),
    Ready(Arc<Backup>, Plan),
    Writing,
    /// Storage refused a write part way: the import was undone.
    WriteFailed(ApplyError),
    /// The file does not fit in the storage left: nothing was written.
    TooBig(TooBig),
    /// Another tab is importing.
    Busy,
}

#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let practice = use_practice();
    let store = StoredValue::new(use_store());
    let with_audio = RwSignal::new(true);
    let exporting = RwSignal::new(false);
    let export_error = RwSignal::new(false);
    // How many damaged records the last export carried as set aside.
    let exported_aside = RwSignal::new(0usize);
    let flash = session_storage().and_then(|s| {
        let v = s.get_item(FLASH).ok().flatten();
        let _ = s.remove_item(FLASH);
        v
    });
    let state = RwSignal::new(ImportState::Idle);
    let replace = RwSignal::new(false);

    let estimate = move || {
        let docs = store.with_value(|s| s.documents()).unwrap_or_default();
        let audio: Vec<(String, u64)> = if with_audio.get() {
            practice
                .all_attempts()
                .iter()
                .map(|a| {
                    (
                        format!("audio:{}:000000", a.id),
                        a.size + 40 * u64::from(a.chunks),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        let _ = practice.stored.get();
        t_string!(
            i18n,
            data_export_size,
            size = format_bytes(export_size(&docs, &audio)),
            n = docs.len()
        )
    };
    let do_export = move |_| {
        exporting.set(true);
        export_error.set(false);
        let include = with_audio.get_untracked();
        spawn_local(async move {
            // Values set aside as unreadable go along too (the file lists them as set aside).
            let docs = match store.with_value(|s| {
                let mut docs = s.documents()?;
                docs.extend(s.set_aside_values()?);
                Ok::<_, crate::storage::StoreError>(docs)
            }) {
                Ok(d) => d,
                Err(_) => {
                    export_error.set(true);
                    exporting.set(false);
                    return;
                }
            };
            let audio = if include {
                match audio_chunks().await {
                    Ok(a) => a,
                    Err(_) => {
                        export_error.set(true);
                        exporting.set(false);
                        return;
                    }
                }
            } else {
                Vec::new()
            };
            let (text, set_aside) = export(&docs, &audio, now_ms());
            if !download(&dated_name("cs-interview-coach"), &text) {
                export_error.set(true);
            }
            exported_aside.set(set_aside.len());
            exporting.set(false);
        });
    };
    let pick = move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else {
            return;
        };
        state.set(ImportState::Reading);
        replace.set(false);
        spawn_local(async move {
            let text = file_text(file).await;
            let backup = match parse(&text) {
                Ok(b) => b,
                Err(e) => {
                    state.set(ImportState::Failed(e));
                    return;
                }
            };
            let present = audio_keys().await.unwrap_or_default();
            let local = store.get_value();
            let plan = crate::domain::backup::plan(&backup, &|k| local.raw_value(k), &present);
            state.set(ImportState::Ready(Arc::new(backup), plan));
        });
    };
    let kind_name = move |k: &str| -> String {
        match k {
            "attempt" => t_string!(i18n, data_kind_attempt),
            "session" => t_string!(i18n, data_kind_session),
            "review" => t_string!(i18n, data_kind_review),
            "rubric" => t_string!(i18n, data_kind_rubric),
            "selfreview" => t_string!(i18n, data_kind_selfreview),
            "question" => t_string!(i18n, data_kind_question),
            "set" => t_string!(i18n, data_kind_set),
            "candidate" => t_string!(i18n, data_kind_candidate),
            "scorecard" => t_string!(i18n, data_kind_scorecard),
            "kit" => t_string!(i18n, data_kind_kit),
            _ => t_string!(i18n, data_kind_other),
        }
        .to_string()
    };
    // One import at a time across tabs (the start-up recovery leaves a running one alone).
    let pending = StoredValue::new(None::<(Arc<Backup>, Plan, bool)>);
    let import_lock = StoredValue::new(None::<LockHandle>);
    // The lock belongs to the page, not to the button that asked for it (that view goes as the
    // import starts, and its cleanup would drop the lock's callback).
    let page_owner = StoredValue::new_local(Owner::current());
    let release = move || {
        if let Some(h) = import_lock.try_update_value(Option::take).flatten() {
            h.release();
        }
    };
    let write_import = move |(backup, plan, replace): (Arc<Backup>, Plan, bool)| {
        spawn_local(async move {
            // Nothing is written unless all of it fits.
            let free = crate::storage::storage_estimate()
                .await
                .map(|e| e.quota.saturating_sub(e.usage));
            let room = if replace {
                plan.check_room_replacing(free)
            } else {
                plan.check_room(free)
            };
            if let Err(too_big) = room {
                release();
                state.set(ImportState::TooBig(too_big));
                return;
            }
            let local = store.get_value();
            match apply(&local, &backup, &plan, replace).await {
                Ok((docs, chunks)) => reload_with(&format!("imported:{docs}:{chunks}")),
                Err(e) => {
                    release();
                    state.set(ImportState::WriteFailed(e));
                }
            }
        });
    };
    let run_import = move |_| {
        let ImportState::Ready(backup, plan) =
            std::mem::replace(&mut *state.write(), ImportState::Writing)
        else {
            return;
        };
        pending.set_value(Some((backup, plan, replace.get_untracked())));
        let granted = move |ok: bool| {
            if !ok {
                state.try_set(ImportState::Busy);
                return;
            }
            if let Some(job) = pending.try_update_value(Option::take).flatten() {
                write_import(job);
            }
        };
        let handle = match page_owner.get_value() {
            Some(owner) => owner.with(|| locks::hold(IMPORT_LOCK, false, granted, || {})),
            None => locks::hold(IMPORT_LOCK, false, granted, || {}),
        };
        import_lock.set_value(handle);
    };
    let import_view = move || {
        state.with(|st| match st {
        ImportState::Idle => ().into_any(),
        ImportState::Busy => {
            view! { <p role="alert" class="error" data-testid="import-error">{tx!(i18n, data_import_busy)}</p> }
                .into_any()
        }
        ImportState::Reading | ImportState::Writing => {
            view! { <p role="status">{tx!(i18n, data_working)}</p> }.into_any()
        }
        ImportState::Failed(e) => {
            let msg = match e {
                ImportError::NotOurs => t_string!(i18n, data_error_not_ours).to_string(),
                ImportError::Corrupt(_) => t_string!(i18n, data_error_corrupt).to_string(),
                ImportError::Newer { found, .. } => {
                    t_string!(i18n, data_error_newer, found = found, supported = SCHEMA)
                }
            };
            import_error(msg, t_string!(i18n, data_nothing_changed).to_string())
        }
        ImportState::WriteFailed(e) => {
            let why = match e.error {
                StoreError::Full => t_string!(i18n, data_error_write_full),
                _ => t_string!(i18n, data_error_write_other),
            };
            import_error(t_string!(i18n, data_error_write).to_string(), why.to_string())
        }
        ImportState::TooBig(t) => {
            let msg = t_string!(
                i18n,
                data_error_too_big,
                needed = format_bytes(t.needed),
                free = format_bytes(t.free)
            );
            import_error(msg, t_string!(i18n, data_nothing_changed).to_string())
        }
        ImportState::Ready(_, plan) => {
            let adds = plan
                .added_by_kind()
                .into_iter()
                .map(|(k, n)| view! { <li>{kind_name(&k)} ": " {n}</li> })
                .collect_view();
            let conflicts = plan.conflicts.len();
            let rejected = plan.rejected.len();
            let nothing = plan.is_empty();
            let summary = t_string!(i18n, data_plan_summary, add = plan.add.len(), same = plan.same, audio = plan.audio_add.len());
            view! {
                <div class="import-plan" data-testid="import-plan">
                    <p>{summary}</p>
                    <ul>{adds}</ul>
                    {(rejected > 0).then(|| view! {
                        <p class="warning" data-testid="import-rejected">
                            {txt!(t_string!(i18n, data_plan_rejected, n = rejected))}
                        </p>
                    })}
                    {(conflicts > 0).then(|| view! {
                        <p class="warning">{txt!(t_string!(i18n, data_plan_conflicts, n = conflicts))}</p>
                        <label class="check">
                            <input type="checkbox" data-testid="import-replace" prop:checked=move || replace.get()
                                on:change=event(move |ev| replace.set(event_target_checked(&ev))) />
                            {txt!(t_string!(i18n, data_replace, n = conflicts))}
                        </label>
                    })}
                    {if nothing && rejected > 0 {
                        view! { <p role="status">{tx!(i18n, data_plan_nothing_importable)}</p> }.into_any()
                    } else if nothing {
                        view! { <p role="status">{tx!(i18n, data_plan_nothing)}</p> }.into_any()
                    } else {
                        view! { <button type="button" class="primary" on:click=click(run_import)>{tx!(i18n, data_import_go)}</button> }.into_any()
                    }}
                </div>
            }
            .into_any()
        }
    })
    };
    let delete_all = move |_| {
        let ok = crate::ui::dom::confirm(t_string!(i18n, data_confirm_delete));
        if ok {
            spawn_local(async move {
                // Every tab (this one too) stops writing before anything is deleted, and tabs that
                // reloaded meanwhile are stopped again once it is done (see `state::sync`).
                let local = store.get_value();
                sync::wiping();
                let _ = local.mark_wiped(now_ms());
                let cleared = clear_everything(&local).await.is_ok();
                let _ = local.mark_wiped(now_ms());
                if cleared {
                    reload_with("deleted");
                }
            });
        }
    };
    let flash_view = flash.map(|f| {
        let msg = if f == "deleted" {
            t_string!(i18n, data_deleted).to_string()
        } else {
            let mut parts = f.split(':').skip(1);
            let docs = parts.next().unwrap_or("0").to_string();
            let chunks = parts.next().unwrap_or("0").to_string();
            t_string!(i18n, data_imported, n = docs, audio = chunks)
        };
        view! { <p role="status" class="ok" data-testid="data-flash">{msg}</p> }
    });
    view! {
        <section class="page data" aria-labelledby="data-title">
            <h1 id="data-title" tabindex="-1">{tx!(i18n, data_title)}</h1>
            {flash_view}
            <p class="lead">{tx!(i18n, data_intro)}</p>
            <h2>{tx!(i18n, data_export_title)}</h2>
            <label class="check">
                <input type="checkbox" data-testid="export-audio" prop:checked=move || with_audio.get()
                    on:change=event(move |ev| with_audio.set(event_target_checked(&ev))) />
                {tx!(i18n, data_include_audio)}
            </label>
            <p data-testid="export-size">{txt!(estimate())}</p>
            <button type="button" class="primary" disabled=move || exporting.get() on:click=click(do_export)>
                {tx!(i18n, data_export)}
            </button>
            {move || export_error.get().then(|| view! { <p role="alert" class="error">{tx!(i18n, data_export_failed)}</p> })}
            {move || (exported_aside.get() > 0).then(|| view! {
                <p role="status" class="warning" data-testid="export-set-aside">
                    {txt!(t_string!(i18n, data_export_set_aside, n = exported_aside.get()))}
                </p>
            })}
            <h2>{tx!(i18n, data_import_title)}</h2>
            <p>{tx!(i18n, data_import_intro)}</p>
            <label for="import-file">{tx!(i18n, data_choose_file)}</label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=event(pick) />
            {dview!(import_view())}
            <h2>{tx!(i18n, data_delete_title)}</h2>
            <p>{tx!(i18n, data_delete_intro)}</p>
            <button type="button" class="danger" data-testid="delete-all" on:click=click(delete_all)>{tx!(i18n, data_delete)}</button>
        </section>
    }
}
