//! Hash routes: `#/`, `#/settings`, … They work on any static host with no rewrite rules.

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Settings,
    /// Anything else; keeps the path that was asked for.
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.split(['?']).next().unwrap_or("");
        let trimmed = path.trim_matches('/');
        match trimmed {
            "" => Route::Home,
            "settings" => Route::Settings,
            _ => Route::NotFound(format!("/{trimmed}")),
        }
    }

    /// The `href` that leads to this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Settings => "#/settings".into(),
            Route::NotFound(path) => format!("#{path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn parses_known_routes() {
        for h in ["", "#", "#/", "/", "#//"] {
            assert_eq!(Route::parse(h), Route::Home, "{h:?}");
        }
        assert_eq!(Route::parse("#/settings"), Route::Settings);
        assert_eq!(Route::parse("#/settings/"), Route::Settings);
        assert_eq!(Route::parse("#/settings?x=1"), Route::Settings);
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
        for r in [Route::Home, Route::Settings, Route::NotFound("/x".into())] {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }
}
