//! Loads files the build made (see scripts/post-build.mjs) from the app's own origin: the question
//! bank, and each language's UI strings.

use crate::domain::content::{parse_bundle, Question};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why the bank could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum ContentError {
    /// The page names no bundle (a build problem).
    Missing,
    /// The network failed or the server said no.
    Network(String),
    /// The file is not a valid bundle.
    Invalid(String),
}

impl std::fmt::Display for ContentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContentError::Missing => f.write_str("the page does not name the file"),
            ContentError::Network(e) => write!(f, "network: {e}"),
            ContentError::Invalid(e) => write!(f, "invalid bundle: {e}"),
        }
    }
}

/// Fetches and parses the bundle named by `<meta name="csic-questions">`.
pub async fn load_questions() -> Result<Vec<Question>, ContentError> {
    let text = fetch_named("csic-questions").await?;
    parse_bundle(&text).map_err(ContentError::Invalid)
}

/// Fetches and parses the example answers named by `<meta name="csic-examples">`.
pub async fn load_examples() -> Result<Vec<crate::domain::examples::ExampleAnswers>, ContentError> {
    let text = fetch_named("csic-examples").await?;
    crate::domain::examples::parse_bundle(&text).map_err(ContentError::Invalid)
}

/// The text of the file that `<meta name="{meta}" content="…">` names: how the app finds the files the
/// build made (their names carry a content hash), on its own origin and so in the offline cache.
pub async fn fetch_named(meta: &str) -> Result<String, ContentError> {
    let window = web_sys::window().ok_or(ContentError::Missing)?;
    let url = window
        .document()
        .and_then(|d| {
            d.query_selector(&format!("meta[name=\"{meta}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .ok_or(ContentError::Missing)?;
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| ContentError::Network(format!("{e:?}")))?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| ContentError::Network("not a response".into()))?;
    if !response.ok() {
        return Err(ContentError::Network(format!("HTTP {}", response.status())));
    }
    let text = response
        .text()
        .map_err(|e| ContentError::Network(format!("{e:?}")))?;
    Ok(JsFuture::from(text)
        .await
        .map_err(|e| ContentError::Network(format!("{e:?}")))?
        .as_string()
        .unwrap_or_default())
}
