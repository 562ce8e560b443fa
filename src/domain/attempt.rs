//! Attempts: one spoken or typed answer to one question. Earlier attempts are always kept.
//!
//! The attempt's metadata is a small document; its audio lives elsewhere (IndexedDB), in chunks
//! named by [`chunk_key`], written while the answer is being recorded.

use super::delivery::{analyze, Delivery, Envelope};
use super::progress::Progress;
use super::record::{DecodeError, Record};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Where an attempt stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttemptState {
    /// Being recorded or typed right now.
    Live,
    /// Finished normally.
    Complete,
    /// Cut off (a reload, a closed tab, a full disk): kept up to the last saved chunk.
    Interrupted,
}

/// One answer. Audio attempts have a `mime`; typed ones have `text`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: String,
    /// The practice session it belongs to.
    pub session: String,
    pub question: String,
    /// When the answer started, in ms since the epoch.
    pub started_ms: u64,
    /// Answering time, pauses excluded.
    pub duration_ms: u64,
    /// The recording's type (`audio/webm;codecs=opus`…); empty for a typed answer.
    #[serde(default)]
    pub mime: String,
    /// Audio bytes saved so far.
    #[serde(default)]
    pub size: u64,
    /// Audio chunks saved so far.
    #[serde(default)]
    pub chunks: u32,
    /// The typed answer.
    #[serde(default)]
    pub text: String,
    /// The candidate's own notes.
    #[serde(default)]
    pub notes: String,
    pub state: AttemptState,
    /// When the recording was deleted by the retention setting (ms since the epoch); `chunks` and
    /// `size` are then 0, while the mime, duration, text, notes and review stay. Not written while
    /// `None`, so attempts saved before load (and encode) unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_removed_ms: Option<u64>,
    /// The recording's energy envelope, once read (live or decoded later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<Envelope>,
    /// What was said, transcribed on the device or written down afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transcript: Option<Transcript>,
}

/// The words of a spoken answer, kept apart from `text` (a typed answer) so that the two are never
/// confused: a transcript has a pace (over the recording's speaking time), typed text has not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    pub text: String,
    pub source: TranscriptSource,
    /// BCP 47 tag it was recognised in ("zh-CN", "zh-TW", "en-US"); empty for typed.
    #[serde(default)]
    pub lang: String,
    /// When it was saved, in ms since the epoch.
    pub saved_ms: u64,
}

/// Where a transcript came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TranscriptSource {
    /// The browser's speech recognition, on the device.
    Device,
    /// Written down by the candidate after listening back.
    Typed,
}

impl Record for Attempt {
    const KIND: &'static str = "attempt";
    /// v2 added `envelope` and `transcript`.
    const VERSION: u32 = 2;

    /// v1 → v2: the transcript is written out as `null` (absent). Envelopes were never written at
    /// v1, so nothing else changes; a v1 attempt that already has the field keeps it.
    fn migrate_step(from: u32, data: Value) -> Result<Value, DecodeError> {
        match from {
            1 => {
                let Value::Object(mut map) = data else {
                    return Err(DecodeError::Shape("a v1 attempt is not an object".into()));
                };
                map.entry("transcript").or_insert(Value::Null);
                Ok(Value::Object(map))
            }
            _ => Err(DecodeError::NoMigration {
                kind: Self::KIND,
                from,
            }),
        }
    }
}

/// The blob-store key prefix of an attempt's audio chunks.
pub fn audio_prefix(attempt: &str) -> String {
    format!("audio:{attempt}:")
}

/// The key of chunk `n`, zero-padded so that keys sort in recording order.
pub fn chunk_key(attempt: &str, n: u32) -> String {
    format!("audio:{attempt}:{n:06}")
}

impl AttemptState {
    pub fn name(self) -> &'static str {
        match self {
            AttemptState::Live => "live",
            AttemptState::Complete => "complete",
            AttemptState::Interrupted => "interrupted",
        }
    }
}

impl Attempt {
    /// A new attempt, live from `now`. `mime` is empty for a typed answer.
    pub fn start(id: String, session: &str, question: &str, mime: &str, now: u64) -> Attempt {
        Attempt {
            id,
            session: session.to_string(),
            question: question.to_string(),
            started_ms: now,
            duration_ms: 0,
            mime: mime.to_string(),
            size: 0,
            chunks: 0,
            text: String::new(),
            notes: String::new(),
            state: AttemptState::Live,
            audio_removed_ms: None,
            envelope: None,
            transcript: None,
        }
    }

    /// A spoken answer (even once its recording was removed); typed answers are not.
    pub fn is_audio(&self) -> bool {
        !self.mime.is_empty()
    }

    /// Whether a recording is stored to be played: a spoken answer with saved chunks, not removed.
    pub fn has_recording(&self) -> bool {
        self.is_audio() && self.chunks > 0 && self.audio_removed_ms.is_none()
    }

    /// Whether retention deleted this attempt's recording.
    pub fn audio_removed(&self) -> bool {
        self.audio_removed_ms.is_some()
    }

    /// Records that the recording was deleted at `now` (its chunks are gone from the blob store):
    /// no chunks or bytes are counted any more; the answer itself (time, text, notes, review) is
    /// kept. Does nothing to an attempt without a recording, so the first removal's time stands.
    pub fn remove_audio(&mut self, now: u64) {
        if !self.has_recording() {
            return;
        }
        self.chunks = 0;
        self.size = 0;
        self.audio_removed_ms = Some(now);
    }

    /// Records that one more chunk (of `bytes`) was saved, with `answered_ms` of answer behind it.
    pub fn saved_chunk(&mut self, bytes: u64, answered_ms: u64) {
        self.chunks += 1;
        self.size += bytes;
        self.duration_ms = self.duration_ms.max(answered_ms);
    }

    /// Ends the attempt normally with its final answering time.
    pub fn finish(&mut self, answered_ms: u64) {
        self.duration_ms = answered_ms;
        self.state = AttemptState::Complete;
    }

    /// The words to analyse and whether they were spoken: the typed text if there is any, else
    /// the transcript of the recording; `None` when there are no words.
    pub fn words(&self) -> Option<(&str, bool)> {
        if !self.text.trim().is_empty() {
            return Some((&self.text, false));
        }
        self.transcript
            .as_ref()
            .filter(|t| !t.text.trim().is_empty())
            .map(|t| (t.text.as_str(), true))
    }

    /// The delivery read from the recording's envelope, once there is one.
    pub fn delivery(&self) -> Option<Delivery> {
        self.envelope.as_ref().map(analyze)
    }

    /// Keeps `text` (trimmed) as the transcript, saved at `now`; blank text removes it. A typed
    /// transcript has no recognition language, so `lang` is kept only for the device's.
    pub fn set_transcript(&mut self, text: &str, source: TranscriptSource, lang: &str, now: u64) {
        let text = text.trim();
        self.transcript = (!text.is_empty()).then(|| Transcript {
            text: text.to_string(),
            source,
            lang: match source {
                TranscriptSource::Device => lang.trim().to_string(),
                TranscriptSource::Typed => String::new(),
            },
            saved_ms: now,
        });
    }

    /// The attempt without the parts that change on their own after it was made (its notes, its
    /// envelope once read, its transcript once saved): what a view that shows those parts through
    /// their own components is built from, so that their changes do not rebuild it.
    pub fn outline(self) -> Attempt {
        Attempt {
            notes: String::new(),
            envelope: None,
            transcript: None,
            ..self
        }
    }

    /// Whether anything was captured: audio (even if retention removed it since), or words.
    pub fn has_content(&self) -> bool {
        self.chunks > 0 || self.audio_removed() || !self.text.trim().is_empty()
    }
}

/// After a reload nothing can still be live: live attempts become interrupted, keeping what was
/// saved. Returns the changed attempts (to write back).
pub fn interrupt_live(attempts: &mut [Attempt]) -> Vec<Attempt> {
    attempts
        .iter_mut()
        .filter(|a| a.state == AttemptState::Live)
        .map(|a| {
            a.state = AttemptState::Interrupted;
            a.clone()
        })
        .collect()
}

/// Practice per question, from the attempts that captured something. `score_of` gives an
/// attempt's score (0.0–1.0) once it was reviewed; the latest scored attempt sets `last_score`.
pub fn progress(
    attempts: &[Attempt],
    score_of: &dyn Fn(&str) -> Option<f64>,
) -> BTreeMap<String, Progress> {
    let mut map: BTreeMap<String, Progress> = BTreeMap::new();
    let mut scored_at: BTreeMap<&str, u64> = BTreeMap::new();
    for a in attempts.iter().filter(|a| a.has_content()) {
        let p = map.entry(a.question.clone()).or_default();
        p.attempts += 1;
        let at = a.started_ms as f64;
        p.last_practised_ms = Some(p.last_practised_ms.map_or(at, |t| t.max(at)));
        if let Some(s) = score_of(&a.id) {
            let latest = scored_at.entry(&a.question).or_insert(0);
            if a.started_ms >= *latest {
                *latest = a.started_ms;
                p.last_score = Some(s);
            }
        }
    }
    map
}

/// Words in an answer; each Chinese (CJK) character counts as one, as Chinese word counts do.
pub fn word_count(text: &str) -> u32 {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            count += 1;
            in_word = false;
        } else if c.is_alphanumeric() || c == '\'' || c == '’' {
            if !in_word {
                count += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    count
}

/// Whether the text is mostly Chinese, so that the count is shown as characters.
pub fn counts_characters(text: &str) -> bool {
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    cjk * 2 > text.chars().filter(|c| !c.is_whitespace()).count()
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{data_value, decode, encode};

    fn attempt(id: &str, q: &str, at: u64) -> Attempt {
        Attempt::start(id.into(), "s1", q, "audio/webm", at)
    }

    #[test]
    fn chunks_add_up_and_keys_sort_in_order() {
        let mut a = attempt("a1", "q", 1_000);
        let keys: Vec<String> = (0..12)
            .map(|i| {
                a.saved_chunk(100, i * 2_000);
                chunk_key("a1", i as u32)
            })
            .collect();
        assert_eq!(a.chunks, 12);
        assert_eq!(a.size, 1_200);
        assert_eq!(a.duration_ms, 22_000);
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        assert!(keys.iter().all(|k| k.starts_with(&audio_prefix("a1"))));
        assert_eq!(keys[3], "audio:a1:000003");
        a.finish(23_500);
        assert_eq!((a.state, a.duration_ms), (AttemptState::Complete, 23_500));
    }

    #[test]
    fn a_reload_turns_live_attempts_into_interrupted_ones_and_keeps_their_audio() {
        let mut done = attempt("a1", "q", 0);
        done.saved_chunk(10, 1_000);
        done.finish(1_500);
        let mut live = attempt("a2", "q", 5_000);
        live.saved_chunk(10, 2_000);
        let mut list = vec![done.clone(), live];
        let changed = interrupt_live(&mut list);
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].id, "a2");
        assert_eq!(list[1].state, AttemptState::Interrupted);
        assert_eq!((list[1].chunks, list[1].duration_ms), (1, 2_000));
        assert_eq!(list[0], done);
    }

    #[test]
    fn progress_counts_attempts_with_content_per_question() {
        let mut a = attempt("a1", "q1", 1_000);
        a.saved_chunk(5, 100);
        let mut b = Attempt::start("a2".into(), "s", "q1", "", 9_000);
        b.text = "hello".into();
        let empty = attempt("a3", "q2", 2_000);
        let p = progress(&[a, b, empty], &|id| (id == "a1").then_some(0.4));
        assert_eq!(p.len(), 1);
        assert_eq!(p["q1"].attempts, 2);
        assert_eq!(p["q1"].last_practised_ms, Some(9_000.0));
        // Only a1 was scored: its score stands until a later attempt is scored.
        assert_eq!(p["q1"].last_score, Some(0.4));
    }

    #[test]
    fn words_count_latin_words_and_chinese_characters() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("I'd listen first, then act."), 5);
        assert_eq!(word_count("  two\nwords "), 2);
        assert_eq!(word_count("我会先倾听"), 5);
        assert_eq!(word_count("我會用 CRM 系統"), 6);
        assert!(counts_characters("我会先倾听客户"));
        assert!(!counts_characters("I use CRM 系统"));
    }

    #[test]
    fn attempts_round_trip_and_old_fields_default() {
        let mut a = Attempt::start("a9".into(), "s", "q", "", 7);
        a.text = "typed".into();
        a.notes = "slow down".into();
        let raw = encode(&a).expect("encode");
        assert_eq!(decode::<Attempt>(&raw), Ok(a));
        let minimal = r#"{"v":1,"data":{"id":"x","session":"s","question":"q","started_ms":1,"duration_ms":2,"state":"interrupted"}}"#;
        let m = decode::<Attempt>(minimal).expect("minimal");
        assert_eq!((m.chunks, m.is_audio()), (0, false));
        assert_eq!(m.audio_removed_ms, None);
        // Nothing removed: nothing new is written, so the stored form is what it was.
        assert!(!raw.contains("audio_removed"));
    }

    fn recorded(id: &str, at: u64) -> Attempt {
        let mut a = attempt(id, "q", at);
        a.saved_chunk(400, 3_000);
        a.saved_chunk(600, 6_000);
        a.text = "transcript".into();
        a.notes = "good pace".into();
        a.finish(6_500);
        a
    }

    #[test]
    fn removing_audio_keeps_the_answer_but_not_the_recording() {
        let mut a = recorded("a1", 1_000);
        assert!(a.has_recording());
        a.remove_audio(99_000);
        assert_eq!((a.chunks, a.size), (0, 0));
        assert_eq!(a.audio_removed_ms, Some(99_000));
        assert!(!a.has_recording() && a.audio_removed());
        assert!(a.is_audio(), "still a spoken answer");
        assert_eq!(
            (a.text.as_str(), a.notes.as_str()),
            ("transcript", "good pace")
        );
        assert_eq!((a.duration_ms, a.state), (6_500, AttemptState::Complete));
    }

    #[test]
    fn a_removed_recording_still_counts_as_practice() {
        let mut a = recorded("a1", 1_000);
        a.text.clear();
        a.remove_audio(5_000);
        assert!(a.has_content());
        let p = progress(&[a], &|_| Some(0.8));
        assert_eq!((p["q"].attempts, p["q"].last_score), (1, Some(0.8)));
    }

    #[test]
    fn removing_twice_keeps_the_first_time_and_typed_answers_are_untouched() {
        let mut a = recorded("a1", 1_000);
        a.remove_audio(5_000);
        a.remove_audio(9_000);
        assert_eq!(a.audio_removed_ms, Some(5_000));
        let mut typed = Attempt::start("t".into(), "s", "q", "", 0);
        typed.text = "typed".into();
        let before = typed.clone();
        typed.remove_audio(5_000);
        assert_eq!(typed, before);
        assert!(!typed.has_recording());
    }

    #[test]
    fn a_removed_recording_round_trips_through_storage() {
        let mut a = recorded("a1", 1_000);
        a.remove_audio(42);
        let raw = encode(&a).expect("encode");
        assert!(raw.contains("\"audio_removed_ms\":42"));
        assert_eq!(decode::<Attempt>(&raw), Ok(a));
    }

    /// A spoken attempt with an envelope (1 s of speech between silences) and a transcript.
    fn with_delivery() -> Attempt {
        let mut a = recorded("a1", 1_000);
        a.text.clear();
        let mut levels = vec![0u8; 25];
        levels.extend([80u8; 25]);
        levels.extend([0u8; 25]);
        a.envelope = Some(Envelope { rate: 25, levels });
        a.set_transcript(" 我会先道歉。 ", TranscriptSource::Device, "zh-CN", 9_000);
        a
    }

    const V1: &str = r#"{"v":1,"data":{"id":"a1","session":"s1","question":"q","started_ms":5,"duration_ms":6500,"mime":"audio/webm","size":1000,"chunks":2,"text":"","notes":"slow down","state":"complete","audio_removed_ms":77}}"#;

    #[test]
    fn a_v1_attempt_decodes_without_envelope_or_transcript() {
        let a = decode::<Attempt>(V1).expect("v1");
        assert_eq!((a.envelope, a.transcript), (None, None));
        assert_eq!(
            (a.id.as_str(), a.notes.as_str(), a.chunks, a.size),
            ("a1", "slow down", 2, 1_000)
        );
        assert_eq!(
            (a.duration_ms, a.state, a.audio_removed_ms),
            (6_500, AttemptState::Complete, Some(77))
        );
        // The step only adds the transcript: every other field is what it was.
        let migrated = data_value::<Attempt>(V1).expect("migrated");
        let mut expected: Value = serde_json::from_str(&V1[14..V1.len() - 1]).expect("data");
        expected["transcript"] = Value::Null;
        assert_eq!(migrated, expected);
        // A v1 attempt that somehow has a transcript keeps it.
        let with = V1.replacen(
            "\"notes\"",
            "\"transcript\":{\"text\":\"hi\",\"source\":\"typed\",\"saved_ms\":3},\"notes\"",
            1,
        );
        let t = decode::<Attempt>(&with)
            .expect("v1 with transcript")
            .transcript;
        assert_eq!(
            t.map(|t| (t.text, t.lang)),
            Some(("hi".into(), String::new()))
        );
    }

    #[test]
    fn an_attempt_with_an_envelope_and_a_transcript_round_trips() {
        let a = with_delivery();
        let raw = encode(&a).expect("encode");
        assert!(raw.starts_with("{\"v\":2,"), "{raw}");
        assert!(raw.contains(&format!(
            "\"levels\":\"{}{}{}\"",
            "00".repeat(25),
            "50".repeat(25),
            "00".repeat(25)
        )));
        assert!(
            raw.contains("\"source\":\"device\",\"lang\":\"zh-CN\""),
            "{raw}"
        );
        assert_eq!(decode::<Attempt>(&raw), Ok(a));
    }

    #[test]
    fn a_newer_attempt_and_a_v1_that_is_not_an_object_are_refused() {
        let v3 = V1.replacen("{\"v\":1", "{\"v\":3", 1);
        assert_eq!(
            decode::<Attempt>(&v3),
            Err(DecodeError::TooNew {
                kind: "attempt",
                found: 3,
                supported: 2
            })
        );
        for data in ["[]", "\"a1\"", "null", "7"] {
            let raw = format!("{{\"v\":1,\"data\":{data}}}");
            assert!(
                matches!(decode::<Attempt>(&raw), Err(DecodeError::Shape(_))),
                "{raw}"
            );
        }
        assert_eq!(
            decode::<Attempt>("{\"v\":0,\"data\":{}}"),
            Err(DecodeError::NoMigration {
                kind: "attempt",
                from: 0
            })
        );
    }

    #[test]
    fn the_words_are_the_typed_text_else_the_transcript() {
        let mut typed = Attempt::start("t".into(), "s", "q", "", 0);
        assert_eq!(typed.words(), None);
        typed.text = "I would listen.".into();
        assert_eq!(typed.words(), Some(("I would listen.", false)));
        let mut spoken = with_delivery();
        assert_eq!(spoken.words(), Some(("我会先道歉。", true)));
        // Typed text wins over a transcript.
        spoken.text = "typed too".into();
        assert_eq!(spoken.words(), Some(("typed too", false)));
        spoken.text = "  ".into();
        assert_eq!(spoken.words(), Some(("我会先道歉。", true)));
        spoken.transcript = spoken.transcript.map(|t| Transcript {
            text: " \n".into(),
            ..t
        });
        assert_eq!(spoken.words(), None);
    }

    #[test]
    fn a_transcript_is_trimmed_and_a_blank_one_removed() {
        let mut a = with_delivery();
        let t = a.transcript.clone().expect("transcript");
        assert_eq!(
            (t.text.as_str(), t.source, t.lang.as_str(), t.saved_ms),
            ("我会先道歉。", TranscriptSource::Device, "zh-CN", 9_000)
        );
        a.set_transcript("I'd apologise.\n", TranscriptSource::Typed, "en-US", 10_000);
        let t = a.transcript.clone().expect("typed");
        assert_eq!(
            (t.text.as_str(), t.source, t.lang.as_str(), t.saved_ms),
            ("I'd apologise.", TranscriptSource::Typed, "", 10_000)
        );
        assert!(encode(&a).expect("e").contains("\"source\":\"typed\""));
        a.set_transcript("  \n ", TranscriptSource::Device, "en-US", 11_000);
        assert_eq!(a.transcript, None);
        assert!(!encode(&a).expect("e").contains("transcript"));
    }

    #[test]
    fn the_delivery_is_read_from_the_envelope() {
        let a = with_delivery();
        let d = a.delivery().expect("delivery");
        assert_eq!(d.first_word_ms, Some(1_000));
        assert_eq!(d.speaking_ms, 1_000);
        assert_eq!(Some(d), a.envelope.as_ref().map(analyze));
        assert_eq!(recorded("a2", 0).delivery(), None);
        // A typed answer has no recording, so no speaking time (and so no pace: see insights).
        let typed = Attempt::start("t".into(), "s", "q", "", 0);
        assert_eq!(typed.delivery(), None);
    }

    #[test]
    fn an_outline_leaves_out_only_what_changes_on_its_own() {
        let mut a = with_delivery();
        a.notes = "n".into();
        a.set_transcript("said", TranscriptSource::Typed, "", 5);
        let o = a.clone().outline();
        assert_eq!(
            (o.notes.as_str(), &o.envelope, &o.transcript),
            ("", &None, &None)
        );
        assert_eq!(
            Attempt {
                notes: a.notes.clone(),
                envelope: a.envelope.clone(),
                transcript: a.transcript.clone(),
                ..o
            },
            a
        );
    }
}
