//! The frame's header: the product name, the mode switch and the main destinations of the current
//! mode. The same `<nav>` is a row in the header on a wide screen and the tab bar at the bottom of a
//! phone's screen (CSS alone decides). A focused page (practice, while thinking or answering) shows
//! no site navigation, only a way out.
//!
//! `scripts/shell.mjs` writes the same markup into `index.html` (the static shell that paints
//! before the wasm, and that the landing part adopts), so a change here is a change there:
//! `tests/e2e/first-load.test.mjs` compares what each shows.

use crate::domain::nav::Tab;
use crate::domain::route::{Mode, Route};
use crate::i18n::*;
use crate::ui::frame::Later;
use crate::ui::router::use_route;
use crate::ui::state::mode::{use_focus, use_mode};
use leptos::prelude::*;

fn label(i18n: I18nContext, tab: Tab) -> &'static str {
    match tab {
        Tab::Home => t_string!(i18n, nav_home),
        Tab::Questions => t_string!(i18n, nav_questions),
        Tab::Practice => t_string!(i18n, nav_practice),
        Tab::History => t_string!(i18n, nav_history),
        Tab::Progress => t_string!(i18n, nav_progress),
        Tab::Candidates => t_string!(i18n, nav_candidates),
        Tab::Kits => t_string!(i18n, nav_kits),
        Tab::Compare => t_string!(i18n, nav_compare),
        Tab::More => t_string!(i18n, nav_more),
    }
}

/// The header, and the main destinations of the current mode.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let route = use_route();
    let mode = use_mode();
    let focus = use_focus();
    let focused = Memo::new(move |_| focus.get());
    let mode_link = move |m: Mode| {
        let text = move || match m {
            Mode::Candidate => t_string!(i18n, mode_candidate),
            Mode::Interviewer => t_string!(i18n, mode_interviewer),
        };
        view! {
            <a href=m.home().href() class="mode" data-mode=m.tag()
                aria-current=move || (mode.get() == m).then_some("true")>
                {txt!(text())}
            </a>
        }
    };
    let tabs = move || {
        Tab::of(mode.get())
            .iter()
            .map(|&tab| {
                view! {
                    <li>
                        <a href=tab.route().href() class=format!("tab tab-{}", tab.name())
                            aria-current=move || route.with(|r| tab.holds(r)).then_some("page")>
                            <span class="tab-icon" aria-hidden="true"></span>
                            <span class="tab-label">{move || label(i18n, tab)}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <header class="app-header">
            {dview!(if focused.get() {
                view! {
                    <span class="brand">
                        <img src="icons/icon-192.png" alt="" width="28" height="28" />
                        <span class="brand-name">{tx!(i18n, app_name)}</span>
                    </span>
                    <a class="button exit-focus" href=Route::Questions.href()>
                        {tx!(i18n, practice_exit)}
                    </a>
                }
                .into_any()
            } else {
                view! {
                    <a class="brand" href=Route::Home.href()>
                        <img src="icons/icon-192.png" alt="" width="28" height="28" />
                        <span class="brand-name">{tx!(i18n, app_name)}</span>
                    </a>
                    <nav class="mode-switch" aria-label=txt!(t_string!(i18n, mode_label))>
                        {mode_link(Mode::Candidate)}
                        {mode_link(Mode::Interviewer)}
                    </nav>
                    <nav class="app-nav" aria-label=txt!(t_string!(i18n, nav_label))>
                        <Later stage=1>
                            <ul>{tabs}</ul>
                        </Later>
                    </nav>
                }
                .into_any()
            })}
        </header>
    }
}
