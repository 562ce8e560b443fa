use crate::domain::route::{Mode, Route};
use crate::i18n::*;
use crate::ui::components::{LanguageSwitch, StorageIndicator};
use crate::ui::state::mode::use_mode;
use leptos::prelude::*;

/// Everything that is not a main destination: the language, the storage used, and the other pages
/// (those of the current mode first).
#[component]
pub fn MorePage() -> impl IntoView {
    let i18n = use_i18n();
    let mode = use_mode();
    let link = move |route: Route, text: fn(I18nContext) -> &'static str| {
        view! {
            <li>
                <a href=route.href()>{move || text(i18n)}</a>
            </li>
        }
    };
    view! {
        <section class="page more" aria-labelledby="more-title">
            <h1 id="more-title" tabindex="-1">{tx!(i18n, more_title)}</h1>
            <div class="more-settings">
                <LanguageSwitch id="lang-more" />
                <StorageIndicator />
            </div>
            <nav aria-label=txt!(t_string!(i18n, more_pages))>
                <ul class="more-links">
                    {dview!(match mode.get() {
                        Mode::Candidate => view! {
                            {link(Route::Sets, |i| t_string!(i, nav_sets))}
                            {link(Route::Checklist, |i| t_string!(i, nav_checklist))}
                            {link(Route::SelfReviews, |i| t_string!(i, selfreview_title))}
                        }
                        .into_any(),
                        Mode::Interviewer => view! {
                            {link(Route::Guide, |i| t_string!(i, guide_title))}
                        }
                        .into_any(),
                    })}
                    {link(Route::Settings, |i| t_string!(i, nav_settings))}
                    {link(Route::Data, |i| t_string!(i, data_title))}
                    {link(Route::Rubric, |i| t_string!(i, rubric_edit_title))}
                </ul>
            </nav>
        </section>
    }
}
