use super::{LanguageSwitch, StorageIndicator};
use crate::domain::route::{Route, Start};
use crate::i18n::*;
use crate::ui::router::use_route;
use leptos::prelude::*;

/// The product name, the navigation, the language switch and the storage indicator.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let route = use_route();
    let current = move |r: Route| move || (route.get() == r).then_some("page");
    view! {
        <header class="app-header">
            <a class="brand" href=Route::Home.href()>
                <img src="icons/icon-192.png" alt="" width="28" height="28" />
                <span>{tx!(i18n, app_name)}</span>
            </a>
            <nav class="app-nav" aria-label=txt!(t_string!(i18n, nav_label))>
                <ul>
                    <li>
                        <a href=Route::Home.href() aria-current=current(Route::Home)>
                            {tx!(i18n, nav_home)}
                        </a>
                    </li>
                    <li>
                        <a href=Route::Questions.href() aria-current=current(Route::Questions)>
                            {tx!(i18n, nav_questions)}
                        </a>
                    </li>
                    <li>
                        <a href=Route::Practice(Start::Resume).href()
                            aria-current=move || matches!(route.get(), Route::Practice(_)).then_some("page")>
                            {tx!(i18n, nav_practice)}
                        </a>
                    </li>
                    <li>
                        <a href=Route::Sets.href() aria-current=current(Route::Sets)>
                            {tx!(i18n, nav_sets)}
                        </a>
                    </li>
                    <li>
                        <a href=Route::History.href()
                            aria-current=move || matches!(route.get(), Route::History | Route::Attempt(_) | Route::Compare(..) | Route::Report(_)).then_some("page")>
                            {tx!(i18n, nav_history)}
                        </a>
                    </li>
                    <li>
                        <a href=Route::Progress.href() aria-current=current(Route::Progress)>
                            {tx!(i18n, nav_progress)}
                        </a>
                    </li>
                    <li>
                        <a href=Route::Interviewer.href()
                            aria-current=move || matches!(route.get(), Route::Interviewer | Route::Candidate(_) | Route::Kits | Route::Kit(_) | Route::Interview(_) | Route::Candidates).then_some("page")>
                            {tx!(i18n, nav_interviewer)}
                        </a>
                    </li>
                    <li>
                        <a href=Route::Checklist.href() aria-current=current(Route::Checklist)>
                            {tx!(i18n, nav_checklist)}
                        </a>
                    </li>
                    <li>
                        <a href=Route::Settings.href() aria-current=current(Route::Settings)>
                            {tx!(i18n, nav_settings)}
                        </a>
                    </li>
                </ul>
            </nav>
            <div class="header-tools">
                <LanguageSwitch id="lang-header" />
                <StorageIndicator />
            </div>
        </header>
    }
}
