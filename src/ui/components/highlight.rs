use crate::domain::search::highlight;
use leptos::prelude::*;

/// Text with every match of `query` wrapped in `<mark>`. Always plain text, never HTML.
pub fn highlighted(text: &str, query: &str) -> AnyView {
    highlight(text, query)
        .into_iter()
        .map(|segment| {
            if segment.hit {
                view! { <mark>{segment.text}</mark> }.into_any()
            } else {
                segment.text.into_any()
            }
        })
        .collect_view()
        .into_any()
}
