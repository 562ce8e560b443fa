//! Translated names for domain values (categories, difficulties, input errors).

use crate::domain::content::Category;
use crate::domain::custom::{Field, InputError};
use crate::domain::sets::SetNameError;

pub type I18n = crate::i18n::I18nContext;

pub fn category(i18n: I18n, c: Category) -> String {
    match c {
        Category::MotivationFit => t_string!(i18n, cat_motivation_fit),
        Category::ExperienceSkills => t_string!(i18n, cat_experience_skills),
        Category::PastBehaviour => t_string!(i18n, cat_past_behaviour),
        Category::Hypothetical => t_string!(i18n, cat_hypothetical),
        Category::PressureEmotions => t_string!(i18n, cat_pressure_emotions),
        Category::TeamworkEthics => t_string!(i18n, cat_teamwork_ethics),
        Category::BusinessProduct => t_string!(i18n, cat_business_product),
    }
    .to_string()
}

pub fn difficulty(i18n: I18n, d: u8) -> String {
    match d {
        1 => t_string!(i18n, difficulty_1),
        2 => t_string!(i18n, difficulty_2),
        _ => t_string!(i18n, difficulty_3),
    }
    .to_string()
}

pub fn field(i18n: I18n, f: Field) -> String {
    match f {
        Field::Title => t_string!(i18n, field_title),
        Field::Category => t_string!(i18n, field_category),
        Field::Difficulty => t_string!(i18n, field_difficulty),
        Field::ThinkSeconds => t_string!(i18n, field_think_seconds),
        Field::AnswerSeconds => t_string!(i18n, field_answer_seconds),
        Field::LookingFor => t_string!(i18n, field_looking_for),
        Field::Structure => t_string!(i18n, field_structure),
        Field::GoodSignals => t_string!(i18n, field_good_signals),
        Field::WarningSigns => t_string!(i18n, field_warning_signs),
        Field::TalkingPoints => t_string!(i18n, field_talking_points),
    }
    .to_string()
}

pub fn input_error(i18n: I18n, e: &InputError) -> String {
    let name = field(i18n, e.field());
    match e {
        InputError::Required(_) => t_string!(i18n, err_required, field = name).to_string(),
        InputError::TooLong { max, .. } => {
            t_string!(i18n, err_too_long, field = name, max = *max).to_string()
        }
        InputError::TooManyItems { max, .. } => {
            t_string!(i18n, err_too_many_items, field = name, max = *max).to_string()
        }
        InputError::ItemTooLong { max, .. } => {
            t_string!(i18n, err_item_too_long, field = name, max = *max).to_string()
        }
        InputError::OutOfRange { min, max, .. } => {
            t_string!(i18n, err_out_of_range, field = name, min = *min, max = *max).to_string()
        }
    }
}

pub fn set_name_error(i18n: I18n, e: &SetNameError) -> String {
    match e {
        SetNameError::Empty => t_string!(i18n, err_set_name_empty).to_string(),
        SetNameError::TooLong(max) => {
            t_string!(i18n, err_set_name_too_long, max = *max).to_string()
        }
    }
}

/// "2 min" style, translated.
pub fn minutes(i18n: I18n, seconds: u32) -> String {
    let n = crate::domain::bank::minutes_rounded_up(seconds);
    t_string!(i18n, minutes_short, n = n).to_string()
}

/// A date (and time, if `time`) in the user's language, from ms since the epoch.
pub fn date(ms: u64, lang: crate::domain::locale::Lang, time: bool) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let s = if time {
        d.to_locale_string(lang.tag(), &wasm_bindgen::JsValue::UNDEFINED)
    } else {
        d.to_locale_date_string(lang.tag(), &wasm_bindgen::JsValue::UNDEFINED)
    };
    String::from(s)
}

/// A tenth-precision number without float formatting (which would cost code size): 3.25 → "3.3".
pub fn tenths(v: f64) -> String {
    let t = (v * 10.0).round().max(0.0) as u64;
    format!("{}.{}", t / 10, t % 10)
}
