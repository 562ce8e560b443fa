//! Recording retention: which recordings a "delete recordings older than N days" setting removes.
//!
//! Only the audio goes. The attempt stays, with its typed answer, transcript, notes, duration and
//! review, marked by [`Attempt::remove_audio`]. The same plan gives the settings page its preview
//! (how many recordings, how many bytes) and the start-up run its work.

use super::attempt::{audio_prefix, Attempt, AttemptState};

/// One day, in ms.
pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// What applying a retention of some days would delete now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetentionPlan {
    /// The attempts whose recording goes, in the order given.
    pub attempts: Vec<String>,
    /// How many recordings that is (one per attempt).
    pub recordings: usize,
    /// Their audio bytes, summed.
    pub bytes: u64,
}

impl RetentionPlan {
    /// Nothing would be deleted.
    pub fn is_empty(&self) -> bool {
        self.attempts.is_empty()
    }

    /// The blob-store prefixes to delete: one per attempt, naming all of its chunks.
    pub fn prefixes(&self) -> Vec<String> {
        self.attempts.iter().map(|id| audio_prefix(id)).collect()
    }
}

/// The first moment that is kept: recordings started before it are more than `days` old.
pub fn cutoff_ms(now_ms: u64, days: u32) -> u64 {
    now_ms.saturating_sub(u64::from(days) * DAY_MS)
}

/// Whether `attempt`'s recording goes under a retention of `days`: it started more than `days`
/// days before `now_ms` (exactly `days` is kept), it still has audio, and it is not being recorded.
pub fn expired(attempt: &Attempt, now_ms: u64, days: u32) -> bool {
    attempt.has_recording()
        && attempt.state != AttemptState::Live
        && attempt.started_ms < cutoff_ms(now_ms, days)
}

/// The recordings a retention of `days` deletes at `now_ms`.
pub fn plan(attempts: &[Attempt], now_ms: u64, days: u32) -> RetentionPlan {
    let gone: Vec<&Attempt> = attempts
        .iter()
        .filter(|a| expired(a, now_ms, days))
        .collect();
    RetentionPlan {
        attempts: gone.iter().map(|a| a.id.clone()).collect(),
        recordings: gone.len(),
        bytes: gone.iter().map(|a| a.size).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// About 2024: far enough from the epoch for the longest retention.
    const NOW: u64 = 20_000 * DAY_MS;

    /// A finished recording of `bytes`, started `days_ago` days (plus `extra_ms`) before [`NOW`].
    fn recording(id: &str, days_ago: u64, extra_ms: u64, bytes: u64) -> Attempt {
        let started = NOW - days_ago * DAY_MS - extra_ms;
        let mut a = Attempt::start(id.into(), "s", "q", "audio/webm", started);
        a.saved_chunk(bytes, 5_000);
        a.finish(5_000);
        a
    }

    #[test]
    fn nothing_to_delete_is_an_empty_plan() {
        assert!(plan(&[], NOW, 30).is_empty());
        let fresh = recording("a1", 2, 0, 10);
        assert_eq!(plan(&[fresh], NOW, 30), RetentionPlan::default());
    }

    #[test]
    fn a_recording_exactly_n_days_old_is_kept_and_one_ms_older_goes() {
        let exactly = recording("exactly", 30, 0, 10);
        let older = recording("older", 30, 1, 10);
        let younger = recording("younger", 29, DAY_MS - 1, 10);
        let p = plan(&[exactly, older, younger], NOW, 30);
        assert_eq!(p.attempts, vec!["older".to_string()]);
        assert_eq!(p.recordings, 1);
    }

    #[test]
    fn bytes_are_summed_over_the_deleted_recordings_only() {
        let mut big = recording("big", 100, 0, 1_000_000);
        big.saved_chunk(250_000, 9_000);
        let list = [
            big,
            recording("small", 40, 0, 2_345),
            recording("recent", 1, 0, 7_000_000),
        ];
        let p = plan(&list, NOW, 30);
        assert_eq!(p.attempts, vec!["big".to_string(), "small".to_string()]);
        assert_eq!((p.recordings, p.bytes), (2, 1_252_345));
    }

    #[test]
    fn a_live_attempt_keeps_its_recording_however_old() {
        let mut live = Attempt::start("live".into(), "s", "q", "audio/webm", 0);
        live.saved_chunk(50, 1_000);
        let mut interrupted = live.clone();
        interrupted.id = "cut".into();
        interrupted.state = AttemptState::Interrupted;
        let p = plan(&[live, interrupted], NOW, 1);
        assert_eq!(p.attempts, vec!["cut".to_string()]);
    }

    #[test]
    fn typed_answers_and_recordings_without_audio_are_not_counted() {
        let mut typed = Attempt::start("typed".into(), "s", "q", "", 0);
        typed.text = "I would apologise first.".into();
        typed.finish(60_000);
        let mut silent = Attempt::start("silent".into(), "s", "q", "audio/webm", 0);
        silent.finish(1_000);
        assert!(plan(&[typed, silent], NOW, 1).is_empty());
    }

    #[test]
    fn recordings_already_removed_are_not_counted_again() {
        let mut removed = recording("removed", 400, 0, 5_000);
        removed.remove_audio(NOW - DAY_MS);
        let p = plan(&[removed, recording("kept", 400, 0, 9)], NOW, 30);
        assert_eq!((p.attempts, p.bytes), (vec!["kept".to_string()], 9));
    }

    #[test]
    fn applying_the_plan_leaves_nothing_for_the_next_start_up() {
        let mut list = vec![recording("a1", 60, 0, 10), recording("a2", 5, 0, 20)];
        let p = plan(&list, NOW, 30);
        for a in list.iter_mut().filter(|a| p.attempts.contains(&a.id)) {
            a.remove_audio(NOW);
        }
        assert!(plan(&list, NOW + DAY_MS, 30).is_empty());
        assert_eq!(list[0].duration_ms, 5_000);
    }

    #[test]
    fn each_planned_attempt_names_the_prefix_of_its_chunks() {
        let p = plan(&[recording("a1", 60, 0, 10)], NOW, 30);
        assert_eq!(p.prefixes(), vec![audio_prefix("a1")]);
        assert!(crate::domain::attempt::chunk_key("a1", 3).starts_with(&p.prefixes()[0]));
    }

    #[test]
    fn a_clock_earlier_than_the_retention_deletes_nothing() {
        assert_eq!(cutoff_ms(5 * DAY_MS, 30), 0);
        let mut at_zero = Attempt::start("z".into(), "s", "q", "audio/webm", 0);
        at_zero.saved_chunk(1, 1);
        at_zero.finish(1);
        assert!(plan(&[at_zero], 5 * DAY_MS, 30).is_empty());
        assert_eq!(cutoff_ms(NOW, 3650), NOW - 3650 * DAY_MS);
    }
}
