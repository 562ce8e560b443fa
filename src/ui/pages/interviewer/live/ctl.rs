//! The live interview's controller: the scorecard (saved as it changes), the rubric it is rated
//! against, and the clock's ticking "now". `Copy`, so each part of the screen takes it as a prop.

use crate::domain::interview::Scorecard;
use crate::domain::rubric::Rubric;
use crate::ui::dom::{every, now_ms};
use crate::ui::labels::I18n;
use crate::ui::state::Interviews;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Live {
    pub i18n: I18n,
    pub iv: Interviews,
    id: StoredValue<String>,
    pub card: Memo<Option<Scorecard>>,
    /// The clock's display: ticked every second while the page is open.
    pub now: RwSignal<u64>,
    pub rubric: StoredValue<Rubric>,
}

impl Live {
    pub fn new(i18n: I18n, iv: Interviews, id: String, rubric: Rubric) -> Live {
        let id = StoredValue::new(id);
        let card = Memo::new(move |_| iv.card(&id.read_value()));
        let now = RwSignal::new(now_ms());
        every(1000, move || now.set(now_ms()));
        Live {
            i18n,
            iv,
            id,
            card,
            now,
            rubric: StoredValue::new(rubric),
        }
    }

    /// Reads the card (tracked); `None` once it is gone.
    pub fn with<R>(self, f: impl FnOnce(&Scorecard) -> R) -> Option<R> {
        self.card.with(|c| c.as_ref().map(f))
    }

    /// Changes the card and saves it.
    pub fn update(self, change: Box<dyn FnOnce(&mut Scorecard)>) {
        self.iv.update_card(&self.id.read_value(), change);
    }

    /// Submits the card if the rules allow it and saves it: whether it was allowed (`None` without
    /// a card).
    pub fn submit(self) -> Option<bool> {
        let mut c = self.iv.card(&self.id.read_value())?;
        let ok = c.submit(now_ms()).is_ok();
        if ok {
            self.iv.save_card(c);
        }
        Some(ok)
    }
}
