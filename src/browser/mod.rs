//! Browser glue for practice: the microphone, the recorder, the level meter, speech and signals,
//! reading a recording's envelope, and on-device speech recognition.
//!
//! Thin wrappers over web-sys with no app logic; failures come back as values, never panics.

pub mod audio;
mod media;
mod signals;
pub mod speech;

pub use media::{audio_inputs, open_mic, recorder_mime, stop_stream, Meter, MicError, Recorder};
pub use signals::{beep, mark, measure, speak, speech_available, vibrate};
