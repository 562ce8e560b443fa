//! Small components shared by pages.

mod header;
mod language_switch;
mod notice_area;
mod storage_indicator;
mod update_banner;

pub use header::Header;
pub use language_switch::LanguageSwitch;
pub use notice_area::NoticeArea;
pub use storage_indicator::StorageIndicator;
pub use update_banner::UpdateBanner;
