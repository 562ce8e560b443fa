//! Labels for interviewer mode's enums, shared by its pages.

use crate::domain::interview::{Recommendation, Status};
use crate::ui::labels::I18n;

pub fn recommendation_label(i18n: I18n, r: Recommendation) -> String {
    match r {
        Recommendation::StrongNo => t_string!(i18n, rec_strong_no),
        Recommendation::No => t_string!(i18n, rec_no),
        Recommendation::Mixed => t_string!(i18n, rec_mixed),
        Recommendation::Yes => t_string!(i18n, rec_yes),
        Recommendation::StrongYes => t_string!(i18n, rec_strong_yes),
        Recommendation::NoDecision => t_string!(i18n, rec_none),
    }
    .to_string()
}

pub fn status_label(i18n: I18n, s: Status) -> String {
    match s {
        Status::Screen => t_string!(i18n, status_screen),
        Status::Onsite => t_string!(i18n, status_onsite),
        Status::Decided => t_string!(i18n, status_decided),
    }
    .to_string()
}
