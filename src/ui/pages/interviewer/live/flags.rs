//! The rubric's red flags, each with a severity (or none).

use super::ctl::Live;
use crate::domain::interview::Severity;
use crate::domain::rubric::{text, Kind};
use crate::ui::erase::event;
use leptos::prelude::*;

#[component]
pub fn Flags(ctl: Live) -> impl IntoView {
    let i18n = ctl.i18n;
    let flags = move || {
        let lang = i18n.get_locale();
        let r = ctl.rubric.get_value();
        let sec = r.sections.iter().find(|s| s.kind == Kind::Flag)?.clone();
        let rows = sec
            .items
            .iter()
            .map(|item| {
                let fid = item.id.clone();
                let f2 = StoredValue::new(item.id.clone());
                let current = move || ctl.with(|c| c.flag_severity(&f2.read_value())).flatten();
                let select_id = format!("flag-{fid}");
                let change = move |ev: leptos::ev::Event| {
                    let v = Severity::from_slug(&event_target_value(&ev));
                    let f = fid.clone();
                    ctl.update(Box::new(move |c| c.set_flag_severity(f, v)));
                };
                let opt = |s: Option<Severity>, label: String| {
                    view! { <option value=s.map(Severity::slug).unwrap_or("")>{label}</option> }
                };
                let slug = move || current().map(Severity::slug).unwrap_or("");
                view! {
                    <div class="flag-row" data-severity=move || current().map(Severity::slug).unwrap_or("none")>
                        <label for=select_id.clone()>{text(&item.label, lang).to_string()}</label>
                        <select id=select_id on:change=event(change) data-flag=item.id.clone() prop:value=slug>
                            {opt(None, t_string!(i18n, severity_none).to_string())}
                            {opt(Some(Severity::Minor), t_string!(i18n, severity_minor).to_string())}
                            {opt(Some(Severity::Major), t_string!(i18n, severity_major).to_string())}
                            {opt(Some(Severity::Critical), t_string!(i18n, severity_critical).to_string())}
                        </select>
                    </div>
                }
            })
            .collect_view();
        Some(view! {
            <fieldset class="red-flags">
                <legend>{text(&sec.title, lang).to_string()}</legend>
                {rows}
            </fieldset>
        })
    };
    dview!(flags())
}
