//! The clock and the random source, read from the browser. The domain takes both as arguments.

/// Milliseconds since the epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A new id from the clock and Math.random(): `<prefix>-<time>-<random>`.
pub fn fresh_id(prefix: &str) -> String {
    crate::domain::custom::new_id(js_sys::Date::now(), js_sys::Math::random())
        .replacen("custom", prefix, 1)
}
