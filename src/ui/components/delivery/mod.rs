//! Feedback on an answer's delivery: what its sound says (envelope, strip, figures), what its words
//! say (coverage, fillers, pace), and the transcript of a spoken answer.
//!
//! - `envelope.rs`: `use_envelope`, the envelope of an attempt's recording (read once, then kept).
//! - `figures.rs`: the delivery figures, each with how it was computed.
//! - `strip.rs`: the envelope strip with the pauses; tapping it plays from there.
//! - `spoken.rs`: a spoken answer's recording with its strip and figures.
//! - `words.rs`: coverage and word insights on typed or transcribed text.
//! - `transcript.rs`: the transcript, made on the device or written down after.

mod envelope;
mod figures;
mod spoken;
mod strip;
mod transcript;
mod words;

pub use envelope::{read_envelope, use_envelope, EnvelopeState};
pub use figures::{first_word, pause_seconds, pauses, segments, speaking, volume, DeliveryFigures};
pub use spoken::SpokenAnswer;
pub use strip::EnvelopeStrip;
pub use transcript::TranscriptBox;
pub use words::{pace, Coverage, WordInsights};
