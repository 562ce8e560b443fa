//! Keyboard shortcuts of a running session: Space starts or stops, P pauses, N goes on, Esc leaves,
//! ? lists them. Keys typed into a field, or pressed on a control that acts on them, are left alone.

use super::ctl::Ctl;
use crate::domain::timer::Phase;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn on_key(ctl: Ctl, e: web_sys::KeyboardEvent) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
        return;
    }
    let target = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.tag_name())
        .unwrap_or_default();
    if matches!(
        target.as_str(),
        "INPUT" | "TEXTAREA" | "SELECT" | "AUDIO" | "VIDEO"
    ) {
        return;
    }
    if ctl.help.get_untracked() {
        return;
    }
    let Some(s) = ctl.session_untracked() else {
        return;
    };
    let key = e.key();
    let handled = match key.as_str() {
        // A focused button or link already acts on Space.
        " " if matches!(target.as_str(), "BUTTON" | "A" | "SUMMARY") => false,
        " " => {
            match s.timer.phase() {
                Phase::Idle => ctl.start(),
                Phase::Done => ctl.retry(),
                Phase::Thinking => ctl.answer_now(),
                _ => ctl.stop(),
            }
            true
        }
        "p" | "P" => {
            ctl.pause_or_resume();
            true
        }
        "n" | "N" => {
            ctl.next();
            true
        }
        "Escape" => {
            ctl.leave();
            true
        }
        "?" => {
            ctl.help.set(true);
            true
        }
        _ => false,
    };
    if handled {
        e.prevent_default();
    }
}
