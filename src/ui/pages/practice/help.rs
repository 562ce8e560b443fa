//! The keyboard shortcuts, in a modal dialog.

use super::ctl::Ctl;
use crate::ui::erase::{click, event};
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn Help(ctl: Ctl) -> impl IntoView {
    let i18n = ctl.i18n;
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        let open = ctl.help.get();
        if let Some(d) = dialog.get() {
            if open && !d.open() {
                let _ = d.show_modal();
            } else if !open && d.open() {
                d.close();
            }
        }
    });
    let keys = [
        ("Space", tx!(i18n, practice_key_space)),
        ("P", tx!(i18n, practice_key_p)),
        ("N", tx!(i18n, practice_key_n)),
        ("Esc", tx!(i18n, practice_key_esc)),
        ("?", tx!(i18n, practice_key_help)),
    ]
    .map(|(k, what)| view! { <dt><kbd>{k}</kbd></dt> <dd>{what}</dd> })
    .into_iter()
    .collect_view();
    view! {
        <dialog node_ref=dialog class="shortcuts" aria-labelledby="help-title"
            on:close=event(move |_| ctl.help.set(false))>
            <h2 id="help-title">{tx!(i18n, practice_shortcuts)}</h2>
            <dl class="keys">{keys}</dl>
            <button type="button" class="primary" on:click=click(move |_| ctl.help.set(false))>
                {tx!(i18n, practice_close)}
            </button>
        </dialog>
    }
}
