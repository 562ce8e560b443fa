//! Messages about storage problems, shown in a polite live region until dismissed.

use crate::storage::StoreError;
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A stored value was unreadable; `set_aside_as` is where it was kept.
    Unreadable {
        set_aside_as: Option<String>,
    },
    /// Several were (at start-up, every kind is read): how many, and of which kinds. One notice.
    UnreadableMany {
        count: usize,
        kinds: Vec<String>,
    },
    StorageUnavailable,
    StorageFull,
    /// The browser cancelled a write (an aborted IndexedDB transaction).
    WriteAborted,
    SaveFailed,
    /// Another tab deleted what this tab was saving: it was not brought back.
    DeletedElsewhere,
    /// "Delete all my data" ran in another tab: this tab writes nothing more.
    WipedElsewhere,
    /// An import cut off by a reload was rolled back at start-up.
    ImportUndone,
}

impl From<&StoreError> for Notice {
    fn from(error: &StoreError) -> Self {
        match error {
            StoreError::Unreadable { set_aside_as, .. } => Notice::Unreadable {
                set_aside_as: set_aside_as.clone(),
            },
            StoreError::Unavailable(_) => Notice::StorageUnavailable,
            StoreError::Full => Notice::StorageFull,
            StoreError::Aborted => Notice::WriteAborted,
            StoreError::Browser(_) => Notice::SaveFailed,
        }
    }
}

/// The list of notices on screen, shared through context.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<(u32, Notice)>>,
    next: RwSignal<u32>,
}

impl Notices {
    pub fn provide() -> Self {
        let notices = Notices {
            list: RwSignal::new(Vec::new()),
            next: RwSignal::new(0),
        };
        provide_context(notices);
        notices
    }

    /// Shows a notice, once: the same notice is not stacked twice.
    pub fn push(&self, notice: Notice) {
        if self
            .list
            .with_untracked(|l| l.iter().any(|(_, n)| *n == notice))
        {
            return;
        }
        let id = self.next.get_untracked();
        self.next.set(id + 1);
        self.list.update(|l| l.push((id, notice)));
    }

    pub fn report(&self, error: &StoreError) {
        leptos::logging::warn!("storage: {error}");
        if let StoreError::Unreadable { key, .. } = error {
            self.unreadable(key, Notice::from(error));
            return;
        }
        self.push(Notice::from(error));
    }

    /// The first unreadable value gets its own notice; any more join it in one that counts them
    /// and names their kinds.
    fn unreadable(&self, key: &str, single: Notice) {
        // `csic:<kind>:<id>`, and a set-aside copy `csic:unreadable:<kind>:<id>:<ms>`.
        let kind_of = |k: &str| k.split(':').nth(1).unwrap_or(k).to_string();
        let kind = kind_of(key);
        let mut merged = false;
        self.list.update(|l| {
            for (_, n) in l.iter_mut() {
                let (count, mut kinds) = match n {
                    Notice::Unreadable { set_aside_as } => (
                        1,
                        set_aside_as
                            .as_deref()
                            .and_then(|a| a.split(':').nth(2))
                            .map(|k| vec![k.to_string()])
                            .unwrap_or_default(),
                    ),
                    Notice::UnreadableMany { count, kinds } => (*count, kinds.clone()),
                    _ => continue,
                };
                if !kinds.contains(&kind) {
                    kinds.push(kind.clone());
                }
                *n = Notice::UnreadableMany {
                    count: count + 1,
                    kinds,
                };
                merged = true;
                break;
            }
        });
        if !merged {
            self.push(single);
        }
    }

    pub fn dismiss(&self, id: u32) {
        self.list.update(|l| l.retain(|(i, _)| *i != id));
    }

    pub fn list(&self) -> Vec<(u32, Notice)> {
        self.list.get()
    }
}

/// The notices of this app.
pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}
