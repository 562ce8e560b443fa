//! What can go wrong when reading or writing stored data.

use crate::domain::record::DecodeError;
use std::fmt;

/// What can go wrong when reading or writing stored data.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The browser does not give us this storage (disabled, private mode, no IndexedDB…).
    Unavailable(String),
    /// The storage quota is used up; nothing was written.
    Full,
    /// A stored value could not be read. It was moved to `set_aside_as` so that it is not lost and
    /// does not block the app.
    Unreadable {
        key: String,
        set_aside_as: Option<String>,
        error: DecodeError,
    },
    /// The browser cancelled the write (an aborted IndexedDB transaction: the page was closing, or
    /// storage was being cleared); nothing of it was kept.
    Aborted,
    /// Any other error the browser reported.
    Browser(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(e) => write!(f, "storage unavailable: {e}"),
            StoreError::Full => write!(f, "storage is full"),
            StoreError::Unreadable {
                key,
                set_aside_as,
                error,
            } => match set_aside_as {
                Some(aside) => write!(f, "{key} was unreadable ({error}) and was moved to {aside}"),
                None => write!(f, "{key} was unreadable ({error})"),
            },
            StoreError::Aborted => write!(f, "the browser cancelled the write"),
            StoreError::Browser(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StoreError {}
