use crate::ui::erase::event;
use leptos::prelude::*;

/// A labelled one-line text input bound to `value`, with its error line (announced when it appears).
#[component]
pub fn TextField(
    /// The input's id; the error line is `<id>-error`.
    id: &'static str,
    /// The label's text.
    #[prop(into)]
    label: Signal<String>,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            <input
                id=id
                type="text"
                aria-describedby=error_id.clone()
                aria-invalid=txt!(error.with(Option::is_some))
                prop:value=value
                on:input=event(move |ev| value.set(event_target_value(&ev)))
            />
            <p class="field-error" id=error_id role="alert">
                {txt!(error.get().unwrap_or_default())}
            </p>
        </div>
    }
}
