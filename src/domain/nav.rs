//! The main destinations of each mode: the tabs of the tab bar, and which pages each one holds.
//! Shared by the app's header, the landing part (which keeps the static shell's tab bar current)
//! and, for the first paint only, the boot script (`scripts/boot.js`, `describe`).

use super::route::{Mode, Route};

/// A main destination: a tab of the tab bar.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    Home,
    Questions,
    Practice,
    History,
    Progress,
    Candidates,
    Kits,
    Compare,
    More,
}

impl Tab {
    /// The tabs of `mode`, in order.
    pub fn of(mode: Mode) -> &'static [Tab] {
        match mode {
            Mode::Candidate => &[
                Tab::Home,
                Tab::Questions,
                Tab::Practice,
                Tab::History,
                Tab::Progress,
                Tab::More,
            ],
            Mode::Interviewer => &[Tab::Candidates, Tab::Kits, Tab::Compare, Tab::More],
        }
    }

    pub fn route(self) -> Route {
        match self {
            Tab::Home => Route::Home,
            Tab::Questions => Route::Questions,
            Tab::Practice => Route::Practice(super::route::Start::Resume),
            Tab::History => Route::History,
            Tab::Progress => Route::Progress,
            Tab::Candidates => Route::Interviewer,
            Tab::Kits => Route::Kits,
            Tab::Compare => Route::Candidates,
            Tab::More => Route::More,
        }
    }

    /// Whether `route` is this tab's page or one of the pages under it.
    pub fn holds(self, route: &Route) -> bool {
        match self {
            Tab::Home => matches!(route, Route::Home),
            Tab::Questions => matches!(
                route,
                Route::Questions
                    | Route::NewQuestion
                    | Route::EditQuestion(_)
                    | Route::Sets
                    | Route::Set(_)
            ),
            Tab::Practice => matches!(route, Route::Practice(_)),
            Tab::History => matches!(
                route,
                Route::History | Route::Attempt(_) | Route::Compare(..) | Route::Report(_)
            ),
            Tab::Progress => matches!(route, Route::Progress),
            Tab::Candidates => matches!(
                route,
                Route::Interviewer | Route::Candidate(_) | Route::Interview(_)
            ),
            Tab::Kits => matches!(route, Route::Kits | Route::Kit(_)),
            Tab::Compare => matches!(route, Route::Candidates),
            Tab::More => matches!(
                route,
                Route::More
                    | Route::Settings
                    | Route::Data
                    | Route::Rubric
                    | Route::Checklist
                    | Route::SelfReviews
                    | Route::SelfReview(_)
                    | Route::Guide
            ),
        }
    }

    /// The class of its icon (drawn by CSS, so the shell and the app share it).
    pub fn name(self) -> &'static str {
        match self {
            Tab::Home => "home",
            Tab::Questions => "questions",
            Tab::Practice => "practice",
            Tab::History => "history",
            Tab::Progress => "progress",
            Tab::Candidates => "candidates",
            Tab::Kits => "kits",
            Tab::Compare => "compare",
            Tab::More => "more",
        }
    }

    /// The tab of `mode` that holds `route`, if any (a page outside the tab bar, such as an unknown
    /// address, has none).
    pub fn current(mode: Mode, route: &Route) -> Option<Tab> {
        Tab::of(mode).iter().copied().find(|t| t.holds(route))
    }
}

#[cfg(test)]
mod tests {
    use super::Tab;
    use crate::domain::route::{Mode, Route, Start};

    #[test]
    fn each_tab_holds_its_own_route_in_its_mode() {
        for mode in [Mode::Candidate, Mode::Interviewer] {
            for &tab in Tab::of(mode) {
                assert!(tab.holds(&tab.route()), "{tab:?}");
                assert_eq!(Tab::current(mode, &tab.route()), Some(tab));
                // A tab's page is of its mode, or shared by both (More).
                assert!(tab.route().mode().is_none_or(|m| m == mode), "{tab:?}");
            }
        }
    }

    #[test]
    fn pages_under_a_tab_light_it_and_others_light_none() {
        let answer = Route::Attempt("a-1".into());
        assert_eq!(Tab::current(Mode::Candidate, &answer), Some(Tab::History));
        assert_eq!(
            Tab::current(Mode::Candidate, &Route::Practice(Start::Random)),
            Some(Tab::Practice)
        );
        assert_eq!(
            Tab::current(Mode::Interviewer, &Route::Settings),
            Some(Tab::More)
        );
        assert_eq!(Tab::current(Mode::Interviewer, &Route::Home), None);
        assert_eq!(
            Tab::current(Mode::Candidate, &Route::NotFound("/x".into())),
            None
        );
    }
}
