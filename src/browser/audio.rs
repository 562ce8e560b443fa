//! A recording's energy envelope, read with Web Audio: the stored chunks are decoded (off the main
//! thread, by the browser) at a low sample rate, and the samples are fed to the domain's
//! [`EnvelopeBuilder`] a few seconds at a time, yielding between pieces, so that no task is long
//! even for a 10-minute answer.

use crate::domain::delivery::{Envelope, EnvelopeBuilder};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Decoding rate: speech energy needs no more (a telephone's band), and a sixth of 48 kHz is a
/// sixth of the memory: a 10-minute answer decodes to 19 MB instead of 115 MB, which the garbage
/// collector would otherwise pause the page to reclaim.
const DECODE_RATE: f32 = 8_000.0;
/// Samples fed to the builder between two yields: a few ms of work at most.
const PIECE: usize = 8_000 * 8;

/// Lets the browser run other tasks (input, paint) before going on.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Why a recording could not be read.
pub fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The envelope of `blob` (a whole recording: its chunks joined).
pub async fn envelope_of(blob: &web_sys::Blob) -> Result<Envelope, String> {
    let bytes = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| describe(&e))?;
    let bytes: js_sys::ArrayBuffer = bytes.dyn_into().map_err(|e| describe(&e))?;
    let context =
        web_sys::OfflineAudioContext::new_with_number_of_channels_and_length_and_sample_rate(
            1,
            1,
            DECODE_RATE,
        )
        .map_err(|e| describe(&e))?;
    let decoded = context
        .decode_audio_data(&bytes)
        .map_err(|e| describe(&e))?;
    let buffer: web_sys::AudioBuffer = JsFuture::from(decoded)
        .await
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|e| describe(&e))?;
    let total = buffer.length() as usize;
    let mut builder = EnvelopeBuilder::new(buffer.sample_rate());
    let mut piece = vec![0.0f32; PIECE.min(total.max(1))];
    let mut at = 0usize;
    while at < total {
        let n = PIECE.min(total - at);
        buffer
            .copy_from_channel_with_start_in_channel(&mut piece[..n], 0, at as u32)
            .map_err(|e| describe(&e))?;
        builder.push(&piece[..n]);
        at += n;
        if at < total {
            next_task().await;
        }
    }
    Ok(builder.finish())
}
