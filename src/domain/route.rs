//! Hash routes: `#/`, `#/settings`, … They work on any static host with no rewrite rules.

/// How a practice page was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// The session under way, if any (`#/practice`).
    Resume,
    /// A new session with one question.
    Question(String),
    /// A new session with a set's questions.
    Set(String),
    /// A new session of random questions.
    Random,
}

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Settings,
    /// The question bank: browse, search, filter, random pick.
    Questions,
    /// A new custom question.
    NewQuestion,
    /// Edit a custom question.
    EditQuestion(String),
    /// Practice sets.
    Sets,
    /// One practice set.
    Set(String),
    /// The preparation checklist.
    Checklist,
    /// Practice: resume the session under way, or start one.
    Practice(Start),
    /// Every attempt, filterable, a page at a time.
    History,
    /// One attempt: its recording or text, its review, coverage and insights.
    Attempt(String),
    /// Two attempts of the same question side by side.
    Compare(String, String),
    /// A session's printable report.
    Report(String),
    /// The progress chart.
    Progress,
    /// After-interview self-reviews.
    SelfReviews,
    SelfReview(String),
    /// Edit the rubric.
    Rubric,
    /// Export, import, delete everything.
    Data,
    /// Interviewer mode: candidates, panel files.
    Interviewer,
    /// One candidate: details, interviews, scorecards.
    Candidate(String),
    /// Interview kits.
    Kits,
    /// One kit (built-in: read only; custom: editable).
    Kit(String),
    /// A live interview (one scorecard).
    Interview(String),
    /// Every candidate side by side.
    Candidates,
    /// Everything that is not a main destination: language, storage, settings, the other pages.
    More,
    /// The interviewer's guide: how to run the process (seed 002).
    Guide,
    /// Anything else; keeps the path that was asked for.
    NotFound(String),
}

/// Who the app is serving: the two sets of main destinations in the tab bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Candidate,
    Interviewer,
}

impl Mode {
    /// How the mode is remembered on the device (and read by the boot script, `scripts/boot.js`).
    pub fn tag(self) -> &'static str {
        match self {
            Mode::Candidate => "candidate",
            Mode::Interviewer => "interviewer",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Mode> {
        match tag {
            "candidate" => Some(Mode::Candidate),
            "interviewer" => Some(Mode::Interviewer),
            _ => None,
        }
    }

    /// Where switching to this mode leads.
    pub fn home(self) -> Route {
        match self {
            Mode::Candidate => Route::Home,
            Mode::Interviewer => Route::Interviewer,
        }
    }
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.split(['?']).next().unwrap_or("");
        let trimmed = path.trim_matches('/');
        let parts: Vec<&str> = trimmed.split('/').collect();
        let valid_id = |id: &str| {
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        match parts.as_slice() {
            [""] => Route::Home,
            ["settings"] => Route::Settings,
            ["questions"] => Route::Questions,
            ["questions", "new"] => Route::NewQuestion,
            ["questions", id, "edit"] if valid_id(id) => Route::EditQuestion(id.to_string()),
            ["sets"] => Route::Sets,
            ["sets", id] if valid_id(id) => Route::Set(id.to_string()),
            ["checklist"] => Route::Checklist,
            ["practice"] => Route::Practice(Start::Resume),
            ["practice", "random"] => Route::Practice(Start::Random),
            ["practice", "question", id] if valid_id(id) => {
                Route::Practice(Start::Question(id.to_string()))
            }
            ["practice", "set", id] if valid_id(id) => Route::Practice(Start::Set(id.to_string())),
            ["history"] => Route::History,
            ["history", "attempt", id] if valid_id(id) => Route::Attempt(id.to_string()),
            ["history", "compare", a, b] if valid_id(a) && valid_id(b) => {
                Route::Compare(a.to_string(), b.to_string())
            }
            ["history", "session", id] if valid_id(id) => Route::Report(id.to_string()),
            ["progress"] => Route::Progress,
            ["self-review"] => Route::SelfReviews,
            ["self-review", id] if valid_id(id) => Route::SelfReview(id.to_string()),
            ["rubric"] => Route::Rubric,
            ["data"] => Route::Data,
            ["interviewer"] => Route::Interviewer,
            ["interviewer", "candidate", id] if valid_id(id) => Route::Candidate(id.to_string()),
            ["interviewer", "kits"] => Route::Kits,
            ["interviewer", "kits", id] if valid_id(id) => Route::Kit(id.to_string()),
            ["interviewer", "interview", id] if valid_id(id) => Route::Interview(id.to_string()),
            ["interviewer", "compare"] => Route::Candidates,
            ["more"] => Route::More,
            ["interviewer", "guide"] => Route::Guide,
            _ => Route::NotFound(format!("/{trimmed}")),
        }
    }

    /// The `href` that leads to this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Settings => "#/settings".into(),
            Route::Questions => "#/questions".into(),
            Route::NewQuestion => "#/questions/new".into(),
            Route::EditQuestion(id) => format!("#/questions/{id}/edit"),
            Route::Sets => "#/sets".into(),
            Route::Set(id) => format!("#/sets/{id}"),
            Route::Checklist => "#/checklist".into(),
            Route::Practice(start) => match start {
                Start::Resume => "#/practice".into(),
                Start::Question(id) => format!("#/practice/question/{id}"),
                Start::Set(id) => format!("#/practice/set/{id}"),
                Start::Random => "#/practice/random".into(),
            },
            Route::History => "#/history".into(),
            Route::Attempt(id) => format!("#/history/attempt/{id}"),
            Route::Compare(a, b) => format!("#/history/compare/{a}/{b}"),
            Route::Report(id) => format!("#/history/session/{id}"),
            Route::Progress => "#/progress".into(),
            Route::SelfReviews => "#/self-review".into(),
            Route::SelfReview(id) => format!("#/self-review/{id}"),
            Route::Rubric => "#/rubric".into(),
            Route::Data => "#/data".into(),
            Route::Interviewer => "#/interviewer".into(),
            Route::Candidate(id) => format!("#/interviewer/candidate/{id}"),
            Route::Kits => "#/interviewer/kits".into(),
            Route::Kit(id) => format!("#/interviewer/kits/{id}"),
            Route::Interview(id) => format!("#/interviewer/interview/{id}"),
            Route::Candidates => "#/interviewer/compare".into(),
            Route::More => "#/more".into(),
            Route::Guide => "#/interviewer/guide".into(),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// Whether the landing group shows this route: the pages of the first load (the rest of the
    /// app loads when one of its routes is first visited). The boot script (`scripts/boot.js`)
    /// applies the same rule to `location.hash`.
    pub fn is_landing(&self) -> bool {
        matches!(self, Route::Home)
    }

    /// The mode this page belongs to; `None` for pages both modes share (settings, data, more…),
    /// which keep the mode the user was in.
    pub fn mode(&self) -> Option<Mode> {
        match self {
            Route::Interviewer
            | Route::Candidate(_)
            | Route::Kits
            | Route::Kit(_)
            | Route::Interview(_)
            | Route::Candidates
            | Route::Guide => Some(Mode::Interviewer),
            Route::Home
            | Route::Questions
            | Route::NewQuestion
            | Route::EditQuestion(_)
            | Route::Sets
            | Route::Set(_)
            | Route::Checklist
            | Route::Practice(_)
            | Route::History
            | Route::Attempt(_)
            | Route::Compare(..)
            | Route::Report(_)
            | Route::Progress
            | Route::SelfReviews
            | Route::SelfReview(_) => Some(Mode::Candidate),
            Route::Settings | Route::Rubric | Route::Data | Route::More | Route::NotFound(_) => {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Route, Start};

    #[test]
    fn parses_known_routes() {
        for h in ["", "#", "#/", "/", "#//"] {
            assert_eq!(Route::parse(h), Route::Home, "{h:?}");
        }
        assert_eq!(Route::parse("#/settings"), Route::Settings);
        assert_eq!(Route::parse("#/settings/"), Route::Settings);
        assert_eq!(Route::parse("#/settings?x=1"), Route::Settings);
        assert_eq!(Route::parse("#/interviewer/guide"), Route::Guide);
        assert_eq!(Route::Guide.href(), "#/interviewer/guide");
        assert!(matches!(
            Route::parse("#/interviewer/guide/x"),
            Route::NotFound(_)
        ));
    }

    #[test]
    fn ids_in_routes_must_be_plain() {
        assert_eq!(Route::parse("#/sets/on-site"), Route::Set("on-site".into()));
        assert_eq!(
            Route::parse("#/questions/custom-1/edit"),
            Route::EditQuestion("custom-1".into())
        );
        assert!(matches!(Route::parse("#/sets/<b>"), Route::NotFound(_)));
        assert!(matches!(
            Route::parse("#/questions/x/y"),
            Route::NotFound(_)
        ));
    }

    #[test]
    fn unknown_routes_keep_their_path() {
        assert_eq!(
            Route::parse("#/nope/deeper"),
            Route::NotFound("/nope/deeper".into())
        );
    }

    #[test]
    fn href_parses_back_to_the_same_route() {
        for r in [
            Route::Home,
            Route::Settings,
            Route::NotFound("/x".into()),
            Route::Practice(Start::Resume),
            Route::Practice(Start::Random),
            Route::Practice(Start::Question("q-1".into())),
            Route::Practice(Start::Set("phone-screen".into())),
            Route::History,
            Route::Attempt("a-1".into()),
            Route::Compare("a-1".into(), "a-2".into()),
            Route::Report("s-1".into()),
            Route::Progress,
            Route::SelfReviews,
            Route::SelfReview("r-1".into()),
            Route::Rubric,
            Route::Data,
            Route::Interviewer,
            Route::Candidate("c-1".into()),
            Route::Kits,
            Route::Kit("phone-screen".into()),
            Route::Interview("s-1".into()),
            Route::Candidates,
            Route::More,
            Route::Guide,
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }

    #[test]
    fn the_first_load_shows_the_home_page_only() {
        for h in ["", "#", "#/", "#//", "#/?x=1"] {
            assert!(Route::parse(h).is_landing(), "{h:?}");
        }
        for h in [
            "#/more",
            "#/questions",
            "#/practice",
            "#/nope",
            "#/interviewer",
            "#/settings",
        ] {
            assert!(!Route::parse(h).is_landing(), "{h:?}");
        }
    }

    #[test]
    fn each_page_has_its_mode_or_keeps_the_users() {
        use super::Mode;
        assert_eq!(Route::History.mode(), Some(Mode::Candidate));
        assert_eq!(Route::Kits.mode(), Some(Mode::Interviewer));
        assert_eq!(Route::Interview("s".into()).mode(), Some(Mode::Interviewer));
        assert_eq!(Route::Settings.mode(), None);
        assert_eq!(Route::More.mode(), None);
        for m in [Mode::Candidate, Mode::Interviewer] {
            assert_eq!(Mode::from_tag(m.tag()), Some(m));
            assert_eq!(m.home().mode(), Some(m));
        }
        assert_eq!(Mode::from_tag("x"), None);
    }
}
