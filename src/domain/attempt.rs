//! Attempts: one spoken or typed answer to one question. Earlier attempts are always kept.
//!
//! The attempt's metadata is a small document; its audio lives elsewhere (IndexedDB), in chunks
//! named by [`chunk_key`], written while the answer is being recorded.

use super::progress::Progress;
use super::record::Record;
use serde::{Deserialize, Serialize};
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
}

impl Record for Attempt {
    const KIND: &'static str = "attempt";
    const VERSION: u32 = 1;
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
    use crate::domain::record::{decode, encode};

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
}
