//! Small components shared by pages.

pub mod delivery;
mod header;
mod highlight;
mod language_switch;
mod levels;
mod notice_area;
mod question_card;
mod recording;
mod resume_link;
mod rubric_form;
mod storage_indicator;
mod text_field;
mod update_banner;

pub use header::Header;
pub use highlight::highlighted;
pub use language_switch::LanguageSwitch;
pub use levels::Levels;
pub use notice_area::NoticeArea;
pub use question_card::QuestionCard;
pub use recording::Recording;
pub use resume_link::ResumeLink;
pub use rubric_form::{QuickRubric, RubricForm};
pub use storage_indicator::{use_storage_estimate, StorageIndicator};
pub use text_field::TextField;
pub use update_banner::UpdateBanner;
