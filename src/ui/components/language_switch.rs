use crate::domain::locale::Lang;
use crate::i18n::*;
use crate::ui::dom::{from_locale, to_locale};
use crate::ui::erase::event;
use crate::ui::state::use_prefs;
use leptos::prelude::*;

/// A labelled `<select>` of the three languages. The choice applies at once and persists.
#[component]
pub fn LanguageSwitch(
    /// The select's id; each instance on a page needs its own.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let current = move || from_locale(i18n.get_locale());
    let on_change = move |ev| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
            prefs.set_language(lang);
            i18n.set_locale(to_locale(lang));
        }
    };
    view! {
        <div class="lang-switch">
            <label for=id.clone()>{tx!(i18n, language)}</label>
            <select id=id on:change=event(on_change) prop:value=move || current().tag()>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option
                                value=lang.tag()
                                lang=lang.tag()
                                selected=move || current() == lang
                            >
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
