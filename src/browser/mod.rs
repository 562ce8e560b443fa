//! Browser glue for practice: the microphone, the recorder, the level meter, speech and signals.
//!
//! Thin wrappers over web-sys with no app logic; failures come back as values, never panics.

mod media;
mod signals;

pub use media::{audio_inputs, open_mic, recorder_mime, stop_stream, Meter, MicError, Recorder};
pub use signals::{beep, mark, measure, speak, speech_available, vibrate};
