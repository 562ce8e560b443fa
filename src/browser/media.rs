//! The microphone (`getUserMedia`), `MediaRecorder` and a level meter (Web Audio).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AnalyserNode, AudioContext, Blob, BlobEvent, MediaDeviceInfo, MediaDeviceKind, MediaRecorder,
    MediaRecorderOptions, MediaStream, MediaStreamConstraints, MediaStreamTrack,
};

/// Why the microphone cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MicError {
    /// The user (or a policy) refused permission.
    Denied,
    /// There is no microphone, or the chosen one is gone.
    NotFound,
    /// This browser cannot record audio (no `MediaRecorder` or `getUserMedia`).
    Unsupported,
    /// The microphone is busy or failed.
    Failed,
}

fn error_name(e: &JsValue) -> String {
    Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// The first recording type this browser supports, best first. `None` without `MediaRecorder`.
pub fn recorder_mime() -> Option<String> {
    let window = web_sys::window()?;
    if !Reflect::has(&window, &"MediaRecorder".into()).unwrap_or(false) {
        return None;
    }
    [
        "audio/webm;codecs=opus",
        "audio/webm",
        "audio/mp4",
        "audio/ogg;codecs=opus",
        "audio/mpeg",
    ]
    .into_iter()
    .find(|m| MediaRecorder::is_type_supported(m))
    .map(str::to_string)
}

/// Opens the microphone, `device` if given (falling back to any if it is gone).
pub async fn open_mic(device: Option<String>) -> Result<MediaStream, MicError> {
    let navigator = web_sys::window().ok_or(MicError::Unsupported)?.navigator();
    let has_devices = Reflect::get(&navigator, &"mediaDevices".into())
        .map(|d| !d.is_undefined())
        .unwrap_or(false);
    if !has_devices {
        return Err(MicError::Unsupported);
    }
    let devices = navigator
        .media_devices()
        .map_err(|_| MicError::Unsupported)?;
    let audio: JsValue = match device {
        Some(id) => {
            let exact = Object::new();
            let _ = Reflect::set(&exact, &"ideal".into(), &id.into());
            let c = Object::new();
            let _ = Reflect::set(&c, &"deviceId".into(), &exact);
            c.into()
        }
        None => JsValue::TRUE,
    };
    let constraints = MediaStreamConstraints::new();
    constraints.set_audio(&audio);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| MicError::Unsupported)?;
    match JsFuture::from(promise).await {
        Ok(stream) => Ok(stream.unchecked_into()),
        Err(e) => Err(match error_name(&e).as_str() {
            "NotAllowedError" | "SecurityError" | "PermissionDeniedError" => MicError::Denied,
            "NotFoundError" | "OverconstrainedError" | "DevicesNotFoundError" => MicError::NotFound,
            "TypeError" | "NotSupportedError" => MicError::Unsupported,
            _ => MicError::Failed,
        }),
    }
}

/// Releases the microphone.
pub fn stop_stream(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// The microphones: `(device id, label)`. Labels are empty until permission is given.
pub async fn audio_inputs() -> Vec<(String, String)> {
    let Some(devices) = web_sys::window().and_then(|w| w.navigator().media_devices().ok()) else {
        return Vec::new();
    };
    let Ok(promise) = devices.enumerate_devices() else {
        return Vec::new();
    };
    let Ok(list) = JsFuture::from(promise).await else {
        return Vec::new();
    };
    Array::from(&list)
        .iter()
        .filter_map(|d| d.dyn_into::<MediaDeviceInfo>().ok())
        .filter(|d| d.kind() == MediaDeviceKind::Audioinput)
        .map(|d| (d.device_id(), d.label()))
        .collect()
}

/// A running `MediaRecorder` that hands over a chunk every `slice_ms`. Its handlers belong to
/// the JS side, so they still run for the last chunk after this value is dropped.
pub struct Recorder {
    inner: MediaRecorder,
}

impl Recorder {
    /// Starts recording `stream`. `on_data` gets each non-empty chunk; `on_stop` runs once the
    /// last chunk has been handed over; `on_start` when capture really began.
    pub fn start(
        stream: &MediaStream,
        mime: &str,
        slice_ms: i32,
        mut on_data: impl FnMut(Blob) + 'static,
        mut on_stop: impl FnMut() + 'static,
        mut on_start: impl FnMut() + 'static,
    ) -> Result<Recorder, MicError> {
        let options = MediaRecorderOptions::new();
        options.set_mime_type(mime);
        options.set_audio_bits_per_second(64_000);
        let inner =
            MediaRecorder::new_with_media_stream_and_media_recorder_options(stream, &options)
                .map_err(|_| MicError::Unsupported)?;
        let on_data = Closure::<dyn FnMut(BlobEvent)>::new(move |e: BlobEvent| {
            if let Some(blob) = e.data().filter(|b| b.size() > 0.0) {
                on_data(blob);
            }
        });
        let on_stop = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_stop());
        let on_start = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_start());
        inner.set_ondataavailable(Some(on_data.into_js_value().unchecked_ref()));
        inner.set_onstop(Some(on_stop.into_js_value().unchecked_ref()));
        inner.set_onstart(Some(on_start.into_js_value().unchecked_ref()));
        inner
            .start_with_time_slice(slice_ms)
            .map_err(|_| MicError::Failed)?;
        Ok(Recorder { inner })
    }

    pub fn pause(&self) {
        let _ = self.inner.pause();
    }

    pub fn resume(&self) {
        let _ = self.inner.resume();
    }

    /// Stops; the last chunk and then `on_stop` follow.
    pub fn stop(&self) {
        let _ = self.inner.stop();
    }
}

/// The input level of a stream, read on demand.
pub struct Meter {
    context: AudioContext,
    analyser: AnalyserNode,
}

impl Meter {
    pub fn new(stream: &MediaStream) -> Option<Meter> {
        let context = AudioContext::new().ok()?;
        let source = context.create_media_stream_source(stream).ok()?;
        let analyser = context.create_analyser().ok()?;
        analyser.set_fft_size(512);
        source.connect_with_audio_node(&analyser).ok()?;
        Some(Meter { context, analyser })
    }

    /// The peak level now, 0–100.
    pub fn level(&self) -> u32 {
        let mut buf = vec![128u8; self.analyser.fft_size() as usize];
        self.analyser.get_byte_time_domain_data(&mut buf);
        let peak = buf.iter().map(|b| b.abs_diff(128)).max().unwrap_or(0);
        (u32::from(peak) * 100 / 128).min(100)
    }
}

impl Drop for Meter {
    fn drop(&mut self) {
        let _ = self.context.close();
    }
}
