//! Reading the result of a DOM query.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, NodeList};

/// The elements of a `querySelectorAll` (none if it failed).
pub fn elements(list: Result<NodeList, JsValue>) -> Vec<Element> {
    let Ok(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}
