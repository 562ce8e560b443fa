//! Delivery read from a recording's energy envelope: when the candidate spoke, for how long, where
//! they paused and how loud they were. No model and no guesswork about words: only how loud each
//! 1/25 s of the recording was.
//!
//! The browser reads the recording once into an [`Envelope`] (25 levels a second, through
//! [`EnvelopeBuilder`]), which is small enough to keep with the attempt; [`analyze`] turns it into
//! a [`Delivery`]. Thresholds are not fixed levels: they follow the recording's own background
//! (its noise floor), so that a quiet room and a noisy one give the same reading of the same talk.

use serde::{Deserialize, Serialize};

/// Envelope samples per second.
pub const RATE: u32 = 25;
/// A pause is a silence between two stretches of speech longer than this.
pub const PAUSE_MS: u64 = 2_000;

/// The quietest level's loudness: 0 is −60 dBFS or quieter (a quiet room through a laptop
/// microphone sits around there; anything below is silence for our purpose).
const FLOOR_DB: f32 = -60.0;
/// dB per level: 100 levels span the 60 dB from [`FLOOR_DB`] to full scale.
const DB_PER_LEVEL: f32 = 0.6;

/// The noise floor is this percentile of the levels: even a talkative answer has a tenth of its
/// windows between words and sentences, and a tenth is enough to ignore a few dropouts.
const FLOOR_PERCENTILE: u64 = 10;
/// The loud end is this percentile: a little speech (a twentieth of the time) is enough to find
/// it, and the loudest few windows (a cough, a bump) do not move it.
const LOUD_PERCENTILE: u64 = 95;
/// Below this spread between loud and floor (6 dB) there is no speech to tell from the background:
/// a microphone picking up only its room varies about that much.
const MIN_SPREAD: u8 = 10;
/// The threshold is at least this far above the floor (6 dB), so that the background's own
/// flicker is never read as speech.
const MIN_MARGIN: u8 = 10;
/// ... and otherwise this share of the spread (in tenths): low enough to keep soft word endings,
/// high enough to leave the background out.
const MARGIN_TENTHS: u8 = 3;
/// Voiced windows separated by at most this much stay one stretch of speech: gaps between
/// syllables, words and quick breaths are shorter, pauses for thought are longer.
const MERGE_GAP_MS: u64 = 300;
/// A window at or above this level (−0.6 dBFS) is at the top of the microphone's range: clipped.
const CLIPPED_LEVEL: u8 = 99;
/// Clipping is reported once this share of speech hits the top: one window in a hundred is
/// already audible distortion, a lone peak is not.
const CLIPPING_SHARE: f64 = 0.01;
/// Speech whose median level is below this (about −33 dBFS) is quiet: the listener has to turn
/// it up.
const QUIET_LEVEL: u8 = 45;

/// A window's peak amplitude (0.0–1.0, |sample|) as a level 0–100: 0 is −60 dBFS or quieter,
/// 100 is full scale (0 dBFS); linear in dB between (1 level = 0.6 dB). NaN → 0.
pub fn level_of_peak(peak: f32) -> u8 {
    if peak.is_nan() || peak <= 0.0 {
        return 0;
    }
    let db = 20.0 * peak.log10();
    ((db - FLOOR_DB) / DB_PER_LEVEL).round().clamp(0.0, 100.0) as u8
}

/// A recording's energy envelope: one level (0–100) per 1/rate s.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub rate: u32,
    /// Serialized as a lower-case hex string, two digits per level ("00640a…"): a 10-minute
    /// recording is 30 KB of text instead of ~50 KB of JSON numbers. Deserializing refuses
    /// odd lengths, non-hex digits and levels above 100 (a clear serde error).
    #[serde(with = "hex_levels")]
    pub levels: Vec<u8>,
}

impl Envelope {
    /// The recording's length as the envelope covers it (0 for a rate of 0).
    pub fn duration_ms(&self) -> u64 {
        window_ms(self.levels.len(), self.rate)
    }
}

/// When window `i` starts, in ms (0 for a rate of 0, which has no time).
fn window_ms(i: usize, rate: u32) -> u64 {
    match rate {
        0 => 0,
        r => i as u64 * 1_000 / u64::from(r),
    }
}

/// The levels as hex text: two digits a level, so that a long envelope stays small in storage.
mod hex_levels {
    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;

    const DIGITS: &[u8; 16] = b"0123456789abcdef";

    pub fn serialize<S: Serializer>(levels: &[u8], s: S) -> Result<S::Ok, S::Error> {
        let mut text = String::with_capacity(levels.len() * 2);
        for l in levels {
            text.push(DIGITS[usize::from(l >> 4)] as char);
            text.push(DIGITS[usize::from(l & 15)] as char);
        }
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        d.deserialize_str(HexVisitor)
    }

    struct HexVisitor;

    fn digit(b: u8) -> Option<u8> {
        match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            b'A'..=b'F' => Some(b - b'A' + 10),
            _ => None,
        }
    }

    impl Visitor<'_> for HexVisitor {
        type Value = Vec<u8>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("envelope levels as hex, two digits per level from 00 to 64")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Vec<u8>, E> {
            let bytes = text.as_bytes();
            if let Some(at) = bytes.iter().position(|b| digit(*b).is_none()) {
                return Err(E::custom(format!(
                    "envelope levels: not a hex digit at {at}"
                )));
            }
            if bytes.len() % 2 != 0 {
                return Err(E::custom(format!(
                    "envelope levels: an odd number of hex digits ({})",
                    bytes.len()
                )));
            }
            bytes
                .chunks(2)
                .enumerate()
                .map(|(i, pair)| {
                    let level = digit(pair[0]).unwrap_or(0) * 16 + digit(pair[1]).unwrap_or(0);
                    if level > 100 {
                        return Err(E::custom(format!(
                            "envelope levels: level {level} at {i} is above 100"
                        )));
                    }
                    Ok(level)
                })
                .collect()
        }
    }
}

/// Builds an envelope from PCM samples fed in pieces of any size (so the browser can feed one
/// second at a time and yield between pieces). Each output level is the peak |sample| of one
/// window of sample_rate/RATE samples (fractional windows handled without drift: window k covers
/// samples [k*sr/RATE, (k+1)*sr/RATE) ). A last partial window is kept if it is at least half a
/// window.
pub struct EnvelopeBuilder {
    /// Samples per window, possibly fractional: 1,920 at 48 kHz, 1,764 at 44.1 kHz, 640.4 at a
    /// device's odd 16,010 Hz.
    window: f64,
    /// Samples taken so far.
    pos: u64,
    /// The window being filled: its index, its first sample and the first sample after it.
    index: u64,
    start: u64,
    end: u64,
    /// The largest |sample| of that window so far.
    peak: f32,
    levels: Vec<u8>,
}

impl EnvelopeBuilder {
    /// A builder for samples at `sample_rate` Hz. A rate below [`RATE`] (or not a number) is read
    /// as [`RATE`], one sample a window: no browser records so, and every window keeps a sample.
    pub fn new(sample_rate: f32) -> Self {
        let rate = if sample_rate.is_finite() && sample_rate >= RATE as f32 {
            f64::from(sample_rate)
        } else {
            f64::from(RATE)
        };
        let mut builder = EnvelopeBuilder {
            window: rate / f64::from(RATE),
            pos: 0,
            index: 0,
            start: 0,
            end: 0,
            peak: 0.0,
            levels: Vec::new(),
        };
        builder.end = builder.bound(1);
        builder
    }

    /// The first sample of window `k`: each boundary is computed from the start, so that
    /// fractional windows never add up to a drift.
    fn bound(&self, k: u64) -> u64 {
        (k as f64 * self.window).ceil() as u64
    }

    /// Ends the window being filled with its level and starts the next.
    fn close_window(&mut self) {
        self.levels.push(level_of_peak(self.peak));
        self.peak = 0.0;
        self.index += 1;
        self.start = self.end;
        self.end = self.bound(self.index + 1);
    }

    /// Takes the next samples of the recording (mono, −1.0–1.0).
    pub fn push(&mut self, samples: &[f32]) {
        let mut rest = samples;
        while !rest.is_empty() {
            if self.pos >= self.end {
                self.close_window();
                continue;
            }
            let room = usize::try_from(self.end - self.pos).unwrap_or(usize::MAX);
            let (now, later) = rest.split_at(room.min(rest.len()));
            // `max` ignores NaN, so a bad sample cannot poison the window.
            self.peak = now.iter().fold(self.peak, |p, s| p.max(s.abs()));
            self.pos += now.len() as u64;
            rest = later;
        }
    }

    /// The envelope of everything pushed. The last window counts if it holds at least half a
    /// window's samples; a shorter tail is only where the recording happened to stop, too little
    /// to stand for a whole window.
    pub fn finish(mut self) -> Envelope {
        let taken = (self.pos - self.start) as f64;
        if taken > 0.0 && taken * 2.0 >= self.window {
            self.close_window();
        }
        Envelope {
            rate: RATE,
            levels: self.levels,
        }
    }
}

/// A stretch of a recording, in ms from its start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start_ms: u64,
    pub end_ms: u64,
}

impl Span {
    pub fn len_ms(&self) -> u64 {
        self.end_ms.saturating_sub(self.start_ms)
    }
}

/// How loud the speech was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Volume {
    /// Well above the background and below the top of the range.
    Steady,
    /// Speech, but low (median under about −33 dBFS): hard to hear back.
    Quiet,
    /// At least 1 % of speech at the top of the range: distorted.
    Clipping,
    /// No speech found.
    Silent,
}

/// What the envelope says about how the answer was delivered.
#[derive(Clone, Debug, PartialEq)]
pub struct Delivery {
    pub total_ms: u64,
    /// The sum of the speech segments' lengths.
    pub speaking_ms: u64,
    /// `total_ms - speaking_ms`.
    pub silence_ms: u64,
    /// When the first segment starts; `None` without speech.
    pub first_word_ms: Option<u64>,
    /// The stretches of speech.
    pub segments: Vec<Span>,
    /// The gaps between consecutive segments longer than [`PAUSE_MS`] (not the leading or
    /// trailing silence).
    pub pauses: Vec<Span>,
    /// 0 without pauses.
    pub longest_pause_ms: u64,
    /// Segments over total minutes (0 when `total_ms` is 0).
    pub segments_per_minute: f64,
    /// The level the recording's own background sits at.
    pub noise_floor: u8,
    /// Levels above it count as speech.
    pub threshold: u8,
    /// The median level of speech windows (0 without speech).
    pub speech_level: u8,
    /// The share (0–1) of speech windows at level 99 or more.
    pub clipped_share: f64,
    pub volume: Volume,
}

impl Delivery {
    /// Pauses over total minutes, 0 when the total is 0.
    pub fn pauses_per_minute(&self) -> f64 {
        per_minute(self.pauses.len(), self.total_ms)
    }

    /// `speaking_ms / total_ms`, 0 when the total is 0.
    pub fn speaking_share(&self) -> f64 {
        match self.total_ms {
            0 => 0.0,
            t => self.speaking_ms as f64 / t as f64,
        }
    }
}

fn per_minute(count: usize, total_ms: u64) -> f64 {
    match total_ms {
        0 => 0.0,
        t => count as f64 * 60_000.0 / t as f64,
    }
}

/// How many windows have each level 0–100 (anything above 100 counts as 100). Percentiles then
/// cost one pass, however long the recording.
fn histogram(levels: &[u8]) -> [u64; 101] {
    let mut hist = [0u64; 101];
    for l in levels {
        hist[usize::from((*l).min(100))] += 1;
    }
    hist
}

/// The nearest-rank `p`th percentile of the values a histogram counts: the smallest index whose
/// running count reaches p % of the total (0 for an empty histogram).
fn percentile(hist: &[u64], p: u64) -> usize {
    let total: u64 = hist.iter().sum();
    let rank = (total * p).div_ceil(100).max(1);
    let mut seen = 0;
    for (i, n) in hist.iter().enumerate() {
        seen += n;
        if seen >= rank {
            return i;
        }
    }
    0
}

/// The level above which a window is speech: [`MIN_MARGIN`] or [`MARGIN_TENTHS`] of the spread
/// above the floor, whichever is more (rounded, at most 100).
fn threshold_of(floor: u8, loud: u8) -> u8 {
    let spread = u16::from(loud.saturating_sub(floor));
    let share = (spread * u16::from(MARGIN_TENTHS) + 5) / 10;
    let margin = share.max(u16::from(MIN_MARGIN));
    (u16::from(floor) + margin).min(100) as u8
}

/// The stretches of speech: runs of windows above `threshold`, with gaps of at most
/// [`MERGE_GAP_MS`] closed. A single loud window is a stretch too (a short beep fills one).
fn segments_of(levels: &[u8], threshold: u8, rate: u32) -> Vec<Span> {
    let ms = |i: usize| window_ms(i, rate);
    let mut spans: Vec<Span> = Vec::new();
    for (i, _) in levels.iter().enumerate().filter(|(_, l)| **l > threshold) {
        let (start_ms, end_ms) = (ms(i), ms(i + 1));
        match spans.last_mut() {
            Some(last) if start_ms - last.end_ms <= MERGE_GAP_MS => last.end_ms = end_ms,
            _ => spans.push(Span { start_ms, end_ms }),
        }
    }
    spans
}

/// The gaps between consecutive segments that are longer than [`PAUSE_MS`].
fn pauses_of(segments: &[Span]) -> Vec<Span> {
    segments
        .windows(2)
        .map(|pair| Span {
            start_ms: pair[0].end_ms,
            end_ms: pair[1].start_ms,
        })
        .filter(|gap| gap.len_ms() > PAUSE_MS)
        .collect()
}

/// How the speech sounds, from its median level and its clipped share.
fn volume_of(has_speech: bool, speech_level: u8, clipped_share: f64) -> Volume {
    if !has_speech {
        Volume::Silent
    } else if clipped_share >= CLIPPING_SHARE {
        Volume::Clipping
    } else if speech_level < QUIET_LEVEL {
        Volume::Quiet
    } else {
        Volume::Steady
    }
}

/// Reads the delivery from an envelope. One pass to count levels, one to find the segments: a
/// 10-minute recording (15,000 levels) takes well under a millisecond.
pub fn analyze(env: &Envelope) -> Delivery {
    let total_ms = env.duration_ms();
    let hist = histogram(&env.levels);
    let noise_floor = percentile(&hist, FLOOR_PERCENTILE) as u8;
    let loud = percentile(&hist, LOUD_PERCENTILE) as u8;
    let threshold = threshold_of(noise_floor, loud);
    let has_range = total_ms > 0 && loud - noise_floor >= MIN_SPREAD;
    let segments = if has_range {
        segments_of(&env.levels, threshold, env.rate)
    } else {
        Vec::new()
    };
    let has_speech = !segments.is_empty();
    // Speech windows are those above the threshold: their levels are the histogram's top part.
    let speech = &hist[usize::from(threshold) + 1..];
    let voiced: u64 = speech.iter().sum();
    let (speech_level, clipped_share) = if has_speech && voiced > 0 {
        let clipped_from = usize::from(CLIPPED_LEVEL.max(threshold.saturating_add(1)));
        let clipped: u64 = hist[clipped_from.min(hist.len())..].iter().sum();
        (
            (percentile(speech, 50) + usize::from(threshold) + 1) as u8,
            clipped as f64 / voiced as f64,
        )
    } else {
        (0, 0.0)
    };
    let speaking_ms = segments.iter().map(Span::len_ms).sum();
    let pauses = pauses_of(&segments);
    Delivery {
        total_ms,
        speaking_ms,
        silence_ms: total_ms.saturating_sub(speaking_ms),
        first_word_ms: segments.first().map(|s| s.start_ms),
        longest_pause_ms: pauses.iter().map(Span::len_ms).max().unwrap_or(0),
        segments_per_minute: per_minute(segments.len(), total_ms),
        segments,
        pauses,
        noise_floor,
        threshold,
        speech_level,
        clipped_share,
        volume: volume_of(has_speech, speech_level, clipped_share),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Speech in the tests: a steady level well above any floor used.
    const TALK: u8 = 80;

    /// Whole windows in `ms` (rounded: 250 ms is 6 windows, 240 ms).
    fn windows(ms: u64) -> usize {
        ((ms * u64::from(RATE) + 500) / 1_000) as usize
    }

    /// An envelope of `(level, ms)` pieces.
    fn env(parts: &[(u8, u64)]) -> Envelope {
        let levels = parts
            .iter()
            .flat_map(|&(level, ms)| std::iter::repeat_n(level, windows(ms)))
            .collect();
        Envelope { rate: RATE, levels }
    }

    /// The same envelope with its silence (level 0) replaced by a background at `floor` that
    /// flickers by up to 3 levels, as a real room does.
    fn over(floor: u8, e: &Envelope) -> Envelope {
        let levels = e
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| if *l == 0 { floor + (i % 4) as u8 } else { *l })
            .collect();
        Envelope {
            rate: e.rate,
            levels,
        }
    }

    fn span(start_ms: u64, end_ms: u64) -> Span {
        Span { start_ms, end_ms }
    }

    #[test]
    fn levels_are_linear_in_db_from_minus_60_to_full_scale() {
        assert_eq!(level_of_peak(1.0), 100);
        assert_eq!(level_of_peak(2.0), 100, "over full scale is still the top");
        assert_eq!(level_of_peak(f32::INFINITY), 100);
        // −6 dB is 10 levels down.
        assert_eq!(level_of_peak(0.5), 90);
        // −20 dB: 40 dB above the bottom, 66.7 levels.
        assert_eq!(level_of_peak(0.1), 67);
        assert_eq!(level_of_peak(0.001), 0, "−60 dBFS");
        for quiet in [0.0, -0.5, 1e-9, f32::NAN, f32::NEG_INFINITY] {
            assert_eq!(level_of_peak(quiet), 0, "{quiet}");
        }
    }

    #[test]
    fn speech_and_silence_give_segments_pauses_and_the_first_word() {
        let e = env(&[
            (0, 1_000),
            (TALK, 3_000),
            (0, 3_000),
            (TALK, 2_000),
            (0, 1_000),
            (TALK, 1_000),
            (0, 500),
        ]);
        let d = analyze(&e);
        assert_eq!(d.total_ms, 11_520, "500 ms is 13 windows");
        assert_eq!(
            d.segments,
            [span(1_000, 4_000), span(7_000, 9_000), span(10_000, 11_000)]
        );
        assert_eq!(d.pauses, [span(4_000, 7_000)], "1 s is no pause");
        assert_eq!(d.longest_pause_ms, 3_000);
        assert_eq!(d.first_word_ms, Some(1_000));
        assert_eq!((d.speaking_ms, d.silence_ms), (6_000, 5_520));
        assert_eq!((d.noise_floor, d.speech_level), (0, TALK));
        assert_eq!(d.threshold, 24, "0.3 of the 80-level spread");
        assert_eq!(d.volume, Volume::Steady);
        assert!((d.segments_per_minute - 3.0 * 60.0 / 11.52).abs() < 1e-9);
        assert!((d.pauses_per_minute() - 60.0 / 11.52).abs() < 1e-9);
        assert!((d.speaking_share() - 6.0 / 11.52).abs() < 1e-9);
    }

    #[test]
    fn short_gaps_merge_two_seconds_is_no_pause_and_longer_is() {
        let two = |gap: u64| {
            analyze(&env(&[
                (0, 1_000),
                (TALK, 1_000),
                (0, gap),
                (TALK, 1_000),
                (0, 1_000),
            ]))
        };
        // 250 ms (6 windows): one stretch of speech, the gap inside it.
        let d = two(250);
        assert_eq!(d.segments, [span(1_000, 3_240)]);
        assert_eq!(d.speaking_ms, 2_240);
        // The merge limit is 300 ms: 280 ms merges, 320 ms does not.
        assert_eq!(two(280).segments.len(), 1);
        assert_eq!(two(320).segments, [span(1_000, 2_000), span(2_320, 3_320)]);
        assert!(two(320).pauses.is_empty());
        // Exactly 2 s is two stretches, but not a pause.
        let d = two(2_000);
        assert_eq!(d.segments.len(), 2);
        assert!(d.pauses.is_empty());
        assert_eq!(d.longest_pause_ms, 0);
        // 2.5 s is.
        let d = two(2_500);
        assert_eq!(d.pauses.len(), 1);
        assert_eq!(d.longest_pause_ms, 2_520, "63 windows");
        assert!(d.longest_pause_ms > PAUSE_MS);
        // Leading and trailing silence is never a pause, however long.
        let d = analyze(&env(&[(0, 9_000), (TALK, 2_000), (0, 9_000)]));
        assert_eq!((d.segments.len(), d.pauses.len()), (1, 0));
        assert_eq!(d.first_word_ms, Some(9_000));
    }

    #[test]
    fn a_single_loud_window_is_a_segment() {
        // Chromium's fake microphone: a 20 ms beep every 500 ms, each inside one 40 ms window.
        let levels: Vec<u8> = (0..250)
            .map(|i| {
                if (i * 2) % 25 == 0 || (i * 2) % 25 == 1 {
                    90
                } else {
                    0
                }
            })
            .collect();
        let beeps = levels.iter().filter(|l| **l > 0).count();
        assert_eq!(beeps, 20);
        let d = analyze(&Envelope { rate: RATE, levels });
        assert_eq!(d.segments.len(), 20);
        assert!(d.segments.iter().all(|s| s.len_ms() == 40));
        assert_eq!(d.first_word_ms, Some(0));
        assert_eq!(d.speaking_ms, 800);
        assert!(d.pauses.is_empty());
    }

    #[test]
    fn the_same_speech_over_a_quiet_or_a_noisy_floor_gives_the_same_segments() {
        let talk = env(&[
            (0, 1_200),
            (TALK, 2_000),
            (0, 200),
            (TALK, 1_000),
            (0, 2_400),
            (TALK, 3_000),
            (0, 800),
        ]);
        let quiet = analyze(&over(5, &talk));
        let noisy = analyze(&over(40, &talk));
        assert_eq!(
            quiet.segments,
            [span(1_200, 4_400), span(6_800, 9_800)],
            "{quiet:?}"
        );
        assert_eq!(noisy.segments, quiet.segments);
        assert_eq!(noisy.pauses, quiet.pauses);
        assert_eq!(quiet.pauses, [span(4_400, 6_800)]);
        assert_eq!((quiet.noise_floor, noisy.noise_floor), (5, 40));
        assert!(noisy.threshold > 43 && noisy.threshold < TALK, "{noisy:?}");
        assert!(quiet.threshold > 8 && quiet.threshold < TALK, "{quiet:?}");
    }

    #[test]
    fn silence_or_a_steady_hum_is_silent() {
        for e in [
            env(&[(0, 10_000)]),
            env(&[(30, 10_000)]),
            over(30, &env(&[(0, 10_000)])),
            // Less than 6 dB above the hum is the hum.
            env(&[(30, 5_000), (38, 5_000)]),
        ] {
            let d = analyze(&e);
            assert_eq!(d.volume, Volume::Silent, "{:?}", &e.levels[..4]);
            assert!(d.segments.is_empty() && d.pauses.is_empty());
            assert_eq!(d.first_word_ms, None);
            assert_eq!((d.speaking_ms, d.silence_ms), (0, 10_000));
            assert_eq!((d.speech_level, d.clipped_share), (0, 0.0));
            assert_eq!((d.speaking_share(), d.segments_per_minute), (0.0, 0.0));
        }
        // Nothing at all, or no time at all: nothing to divide by.
        for e in [
            env(&[]),
            Envelope {
                rate: 0,
                levels: vec![80; 10],
            },
        ] {
            let d = analyze(&e);
            assert_eq!((d.total_ms, d.volume), (0, Volume::Silent));
            assert_eq!((d.pauses_per_minute(), d.speaking_share()), (0.0, 0.0));
            assert_eq!(d.segments_per_minute, 0.0);
        }
    }

    #[test]
    fn clipping_quiet_and_steady_speech_are_told_apart() {
        let shape = |talk: u8, floor: u8| {
            analyze(&over(
                floor,
                &env(&[(0, 2_000), (talk, 4_000), (0, 3_000), (talk, 3_000)]),
            ))
        };
        let loud = shape(100, 0);
        assert_eq!(loud.volume, Volume::Clipping);
        assert_eq!(loud.clipped_share, 1.0);
        let quiet = shape(30, 2);
        assert_eq!(quiet.volume, Volume::Quiet);
        assert_eq!(quiet.speech_level, 30);
        assert_eq!(quiet.segments.len(), 2);
        assert_eq!(shape(TALK, 2).volume, Volume::Steady);
        // One clipped window in 175 of speech is under 1 %: a lone peak, not distortion.
        let mut e = env(&[(0, 2_000), (TALK, 7_000)]);
        e.levels[60] = 100;
        let d = analyze(&e);
        assert_eq!(d.volume, Volume::Steady);
        assert!(d.clipped_share > 0.0 && d.clipped_share < 0.01);
        // Two are over it.
        e.levels[61] = 99;
        assert_eq!(analyze(&e).volume, Volume::Clipping);
    }

    #[test]
    fn ten_minutes_of_speech_and_pauses_count_right() {
        let levels: Vec<u8> = (0..15_000)
            .map(|i| if i % 175 < 100 { TALK } else { 3 })
            .collect();
        let e = Envelope { rate: RATE, levels };
        let d = analyze(&e);
        // 85 whole cycles of 4 s + 3 s, then 4 s of speech and 1 s of silence.
        assert_eq!(d.total_ms, 600_000);
        assert_eq!(d.segments.len(), 86);
        assert_eq!(d.pauses.len(), 85);
        assert!(d.pauses.iter().all(|p| p.len_ms() == 3_000));
        assert_eq!(d.longest_pause_ms, 3_000);
        assert_eq!(d.speaking_ms, 86 * 4_000);
        assert_eq!(d.first_word_ms, Some(0));
        assert!((d.segments_per_minute - 8.6).abs() < 1e-9);
        assert!((d.pauses_per_minute() - 8.5).abs() < 1e-9);
    }

    /// `secs` of a 440 Hz sine of amplitude `amp` at `rate` Hz.
    fn sine(rate: f32, secs: f32, amp: f32) -> Vec<f32> {
        let n = (rate * secs).round() as usize;
        (0..n)
            .map(|i| amp * (std::f32::consts::TAU * 440.0 * i as f32 / rate).sin())
            .collect()
    }

    fn tone_then_silence(rate: f32) -> Vec<f32> {
        let mut samples = sine(rate, 1.0, 0.5);
        samples.resize(samples.len() * 2, 0.0);
        samples
    }

    fn built(rate: f32, samples: &[f32], pieces: &[usize]) -> Envelope {
        let mut b = EnvelopeBuilder::new(rate);
        let mut rest = samples;
        for size in pieces.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (now, later) = rest.split_at((*size).min(rest.len()));
            b.push(now);
            rest = later;
        }
        b.finish()
    }

    #[test]
    fn the_builder_reads_a_tone_then_silence_in_pieces_or_whole() {
        let samples = tone_then_silence(48_000.0);
        let whole = built(48_000.0, &samples, &[samples.len()]);
        assert_eq!(whole.rate, RATE);
        assert_eq!(whole.levels.len(), 50);
        assert_eq!(whole.duration_ms(), 2_000);
        assert!(whole.levels[..25]
            .iter()
            .all(|l| l.abs_diff(level_of_peak(0.5)) <= 1));
        assert_eq!(level_of_peak(0.5), 90);
        assert!(whole.levels[25..].iter().all(|l| *l == 0));
        let uneven = built(48_000.0, &samples, &[1, 7, 1_000, 4_801, 333, 0, 48_000]);
        assert_eq!(uneven, whole);
        // The first second is speech, the second silence.
        let d = analyze(&whole);
        assert_eq!(d.segments, [span(0, 1_000)]);
    }

    #[test]
    fn the_builder_keeps_no_drift_with_other_rates() {
        // 44.1 kHz: 1,764 samples a window.
        let samples = tone_then_silence(44_100.0);
        let e = built(44_100.0, &samples, &[4_410, 999]);
        assert_eq!(e.levels.len(), 50);
        assert!(e.levels[..25].iter().all(|l| l.abs_diff(90) <= 1));
        assert!(e.levels[25..].iter().all(|l| *l == 0));
        // A truly fractional window (1,764.4 samples): still 50 levels for 2 s, none lost or
        // added over the length.
        let samples = tone_then_silence(44_110.0);
        assert_eq!(samples.len(), 88_220);
        let e = built(44_110.0, &samples, &[1_000]);
        assert_eq!(e.levels.len(), 50);
        assert!(e.levels[..25].iter().all(|l| l.abs_diff(90) <= 1));
        assert!(e.levels[25..].iter().all(|l| *l == 0), "{:?}", e.levels);
    }

    #[test]
    fn the_last_partial_window_counts_from_half_a_window() {
        let level_count = |n: usize| built(48_000.0, &vec![0.5; n], &[700]).levels.len();
        assert_eq!(level_count(0), 0);
        assert_eq!(level_count(1_920), 1);
        assert_eq!(level_count(1_920 + 959), 1);
        assert_eq!(level_count(1_920 + 960), 2);
        assert_eq!(level_count(959), 0);
        // A rate no browser has still gives one level a sample, never an endless loop.
        for rate in [0.0, -1.0, f32::NAN, 10.0] {
            let mut b = EnvelopeBuilder::new(rate);
            b.push(&[1.0, 0.0, f32::NAN]);
            assert_eq!(b.finish().levels, [100, 0, 0], "{rate}");
        }
    }

    #[test]
    fn envelopes_are_stored_as_hex_and_bad_hex_is_refused() {
        let e = Envelope {
            rate: RATE,
            levels: vec![0, 100, 10, 100],
        };
        let json = serde_json::to_string(&e).expect("encode");
        assert_eq!(json, r#"{"rate":25,"levels":"00640a64"}"#);
        assert_eq!(serde_json::from_str::<Envelope>(&json).ok(), Some(e));
        let empty = r#"{"rate":25,"levels":""}"#;
        assert_eq!(
            serde_json::from_str::<Envelope>(empty)
                .map(|e| e.levels.len())
                .ok(),
            Some(0)
        );
        let upper = r#"{"rate":25,"levels":"0A"}"#;
        assert_eq!(
            serde_json::from_str::<Envelope>(upper)
                .map(|e| e.levels)
                .ok(),
            Some(vec![10])
        );
        for (bad, why) in [
            ("\"0g\"", "not a hex digit"),
            ("\"0\"", "odd number"),
            ("\"ff\"", "above 100"),
            ("\"65\"", "above 100"),
            ("\"é0\"", "not a hex digit"),
            ("\"0é\"", "not a hex digit at 1"),
            ("[0,1]", "hex"),
        ] {
            let raw = format!(r#"{{"rate":25,"levels":{bad}}}"#);
            let err = serde_json::from_str::<Envelope>(&raw).expect_err(bad);
            assert!(err.to_string().contains(why), "{bad}: {err}");
        }
        // Ten minutes: two characters a level.
        let long = Envelope {
            rate: RATE,
            levels: vec![42; 15_000],
        };
        let json = serde_json::to_string(&long).expect("encode");
        assert!(json.len() < 30_100, "{}", json.len());
    }
}
