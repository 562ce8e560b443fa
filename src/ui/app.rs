//! The app shell: header, notices, the current page, footer.

use super::components::{Header, NoticeArea, UpdateBanner};
use super::frame::{Footer, Later, SkipLink};
use super::pages::home::{HomePage, MorePage, NotFoundPage};
use super::pages::interviewer::{
    CandidatePage, CandidatesPage, GuidePage, InterviewPage, InterviewerPage, KitPage, KitsPage,
};
use super::pages::practice::PracticePage;
use super::pages::questions::{
    ChecklistPage, QuestionEditorPage, QuestionsPage, SetPage, SetsPage,
};
use super::pages::review::{
    AttemptPage, ComparePage, HistoryPage, ProgressPage, ReportPage, SelfReviewPage,
    SelfReviewsPage,
};
use super::pages::settings::{DataPage, RubricPage, SettingsPage};
use super::router::provide_route;
use crate::domain::locale::Lang;
use crate::domain::route::Route;
use crate::i18n::*;
use crate::storage::LocalStore;
use crate::ui::dom::{focus_now, to_locale};
use leptos::prelude::*;

/// The whole app, in `lang` (its strings installed).
#[component]
pub fn App(lang: Lang) -> impl IntoView {
    view! {
        <I18nProvider lang=lang>
            <Shell />
        </I18nProvider>
    }
}

/// Moves keyboard focus to the page's heading, so that screen readers announce the new page.
fn focus_heading() {
    focus_now("#main h1");
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    // The one place the document store is made; every store is handed it.
    let state = super::state::provide(LocalStore::app());
    let prefs = state.prefs;
    // Recordings older than the user's retention setting go, once the practice store is ready.
    super::state::queries::retention_at_start_up(state.prefs, state.practice, state.notices);
    // A real conflict between two tabs (the same field changed in both) is the user's to settle.
    super::state::sync::set_asker(move |_, fields| {
        let question = t_string!(i18n, sync_conflict, fields = fields.join(", "));
        crate::ui::dom::confirm(&question)
    });
    let initial = to_locale(prefs.language_untracked());
    i18n.set_locale(initial);
    let route = provide_route();
    super::state::mode::provide_mode(route);

    // The tab title follows the page and the language.
    Effect::new(move |_| {
        let page = match route.get() {
            Route::Home => t_string!(i18n, app_tagline).to_string(),
            Route::Settings => t_string!(i18n, nav_settings).to_string(),
            Route::Questions => t_string!(i18n, questions_title).to_string(),
            Route::NewQuestion | Route::EditQuestion(_) => {
                t_string!(i18n, editor_title_new).to_string()
            }
            Route::Sets | Route::Set(_) => t_string!(i18n, sets_title).to_string(),
            Route::Checklist => t_string!(i18n, checklist_title).to_string(),
            Route::Practice(_) => t_string!(i18n, practice_title).to_string(),
            Route::History | Route::Attempt(_) | Route::Compare(..) => {
                t_string!(i18n, history_title).to_string()
            }
            Route::Report(_) => t_string!(i18n, report_title).to_string(),
            Route::Progress => t_string!(i18n, progress_title).to_string(),
            Route::SelfReviews | Route::SelfReview(_) => {
                t_string!(i18n, selfreview_title).to_string()
            }
            Route::Rubric => t_string!(i18n, rubric_edit_title).to_string(),
            Route::Data => t_string!(i18n, data_title).to_string(),
            Route::Interviewer | Route::Candidate(_) | Route::Interview(_) => {
                t_string!(i18n, interviewer_title).to_string()
            }
            Route::Kits | Route::Kit(_) => t_string!(i18n, kits_title).to_string(),
            Route::Candidates => t_string!(i18n, compare_candidates_title).to_string(),
            Route::More => t_string!(i18n, more_title).to_string(),
            Route::Guide => t_string!(i18n, guide_title).to_string(),
            Route::NotFound(_) => t_string!(i18n, not_found_title).to_string(),
        };
        let title = format!("{page} · {}", t_string!(i18n, app_name));
        super::frame::set_title(&title);
    });

    // After a navigation (not the first load), focus the new page's heading.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            request_animation_frame(focus_heading);
        }
        current
    });

    view! {
        <SkipLink />
        <Header />
        <NoticeArea />
        {(!cfg!(debug_assertions)).then(|| view! { <UpdateBanner /> })}
        <main id="main" tabindex="-1">
            <Later>
                {dview!(match route.get() {
                    Route::Home => view! { <HomePage /> }.into_any(),
                    Route::Settings => view! { <SettingsPage /> }.into_any(),
                    Route::Questions => view! { <QuestionsPage /> }.into_any(),
                    Route::NewQuestion => view! { <QuestionEditorPage id=None /> }.into_any(),
                    Route::EditQuestion(id) => view! { <QuestionEditorPage id=Some(id) /> }.into_any(),
                    Route::Sets => view! { <SetsPage /> }.into_any(),
                    Route::Set(id) => view! { <SetPage id=id /> }.into_any(),
                    Route::Checklist => view! { <ChecklistPage /> }.into_any(),
                    Route::Practice(start) => view! { <PracticePage start=start /> }.into_any(),
                    Route::History => view! { <HistoryPage /> }.into_any(),
                    Route::Attempt(id) => view! { <AttemptPage id=id /> }.into_any(),
                    Route::Compare(a, b) => view! { <ComparePage a=a b=b /> }.into_any(),
                    Route::Report(id) => view! { <ReportPage id=id /> }.into_any(),
                    Route::Progress => view! { <ProgressPage /> }.into_any(),
                    Route::SelfReviews => view! { <SelfReviewsPage /> }.into_any(),
                    Route::SelfReview(id) => view! { <SelfReviewPage id=id /> }.into_any(),
                    Route::Rubric => view! { <RubricPage /> }.into_any(),
                    Route::Data => view! { <DataPage /> }.into_any(),
                    Route::Interviewer => view! { <InterviewerPage /> }.into_any(),
                    Route::Candidate(id) => view! { <CandidatePage id=id /> }.into_any(),
                    Route::Kits => view! { <KitsPage /> }.into_any(),
                    Route::Kit(id) => view! { <KitPage id=id /> }.into_any(),
                    Route::Interview(id) => view! { <InterviewPage id=id /> }.into_any(),
                    Route::Candidates => view! { <CandidatesPage /> }.into_any(),
                    Route::More => view! { <MorePage /> }.into_any(),
                    Route::Guide => view! { <GuidePage /> }.into_any(),
                    Route::NotFound(path) => view! { <NotFoundPage path=path /> }.into_any(),
                })}
            </Later>
        </main>
        <Later>
            <Footer />
        </Later>
    }
}
