//! Small signals to the user and to benchmarks: a tone, a vibration, speech, performance marks.

/// A short tone (Web Audio), for the timer warnings.
pub fn beep() {
    let Ok(ctx) = web_sys::AudioContext::new() else {
        return;
    };
    let Ok(osc) = ctx.create_oscillator() else {
        return;
    };
    osc.frequency().set_value(880.0);
    let _ = osc.connect_with_audio_node(&ctx.destination());
    let _ = osc.start();
    let _ = osc.stop_with_when(ctx.current_time() + 0.15);
    let close = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = ctx.close();
    });
    osc.set_onended(Some(wasm_bindgen::JsCast::unchecked_ref(&close)));
}

/// A short vibration, where the device has one.
pub fn vibrate() {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().vibrate_with_duration(200);
    }
}

fn synth() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    let has = js_sys::Reflect::has(&window, &"speechSynthesis".into()).unwrap_or(false);
    has.then(|| window.speech_synthesis().ok()).flatten()
}

pub fn speech_available() -> bool {
    synth().is_some()
}

/// Reads `text` aloud in `lang` (a BCP 47 tag), replacing anything being read.
pub fn speak(text: &str, lang: &str) {
    if let (Some(s), Ok(u)) = (
        synth(),
        web_sys::SpeechSynthesisUtterance::new_with_text(text),
    ) {
        u.set_lang(lang);
        s.cancel();
        s.speak(&u);
    }
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// `performance.mark(name)`: for benchmarks, which read the marks and measures back.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// `performance.measure(name, from)`: from the mark `from` to now.
pub fn measure(name: &str, from: &str) {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark(name, from);
    }
}
