//! The random pick: simple spaced repetition that favours questions not practised yet, questions
//! scored low, and questions not seen for a while.

use super::progress::Progress;
use std::collections::BTreeMap;

const DAY_MS: f64 = 86_400_000.0;

/// How likely a question is to be drawn, relative to the others.
///
/// - never practised: 4
/// - practised: 1, plus up to 3 for a low last score (unscored counts as middling: +1.5), plus up to
///   1 for the time since it was last practised (a full point after a week)
/// - flagged for practice (e.g. in an improvement plan): doubled
pub fn weight(progress: Option<&Progress>, now_ms: f64, flagged: bool) -> f64 {
    let base = match progress.filter(|p| p.practised()) {
        None => 4.0,
        Some(p) => {
            let score_part = match p.last_score {
                Some(s) => 3.0 * (1.0 - s.clamp(0.0, 1.0)),
                None => 1.5,
            };
            let age_part = p
                .last_practised_ms
                .map(|t| ((now_ms - t) / (7.0 * DAY_MS)).clamp(0.0, 1.0))
                .unwrap_or(1.0);
            1.0 + score_part + age_part
        }
    };
    if flagged {
        base * 2.0
    } else {
        base
    }
}

/// Picks an index from `weights` with `r` drawn uniformly from [0, 1).
pub fn pick_index(weights: &[f64], r: f64) -> Option<usize> {
    let total: f64 = weights.iter().filter(|w| w.is_finite() && **w > 0.0).sum();
    if total <= 0.0 {
        return None;
    }
    let mut target = r.clamp(0.0, 1.0) * total;
    for (i, w) in weights.iter().enumerate() {
        if !w.is_finite() || *w <= 0.0 {
            continue;
        }
        if target < *w {
            return Some(i);
        }
        target -= w;
    }
    weights.iter().rposition(|w| w.is_finite() && *w > 0.0)
}

/// Draws up to `n` distinct ids, each draw weighted as [`weight`] says.
pub fn pick_many(
    ids: &[String],
    progress: &BTreeMap<String, Progress>,
    flagged: &dyn Fn(&str) -> bool,
    now_ms: f64,
    n: usize,
    random: &mut dyn FnMut() -> f64,
) -> Vec<String> {
    let mut pool: Vec<(String, f64)> = ids
        .iter()
        .map(|id| (id.clone(), weight(progress.get(id), now_ms, flagged(id))))
        .collect();
    let mut out = Vec::new();
    while out.len() < n && !pool.is_empty() {
        let weights: Vec<f64> = pool.iter().map(|(_, w)| *w).collect();
        match pick_index(&weights, random()) {
            Some(i) => out.push(pool.remove(i).0),
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 100.0 * DAY_MS;

    fn practised(score: Option<f64>, days_ago: f64) -> Progress {
        Progress {
            attempts: 1,
            last_score: score,
            last_practised_ms: Some(NOW - days_ago * DAY_MS),
        }
    }

    #[test]
    fn unpractised_and_low_scores_weigh_more() {
        let fresh = weight(None, NOW, false);
        let weak = weight(Some(&practised(Some(0.2), 0.0)), NOW, false);
        let strong = weight(Some(&practised(Some(1.0), 0.0)), NOW, false);
        let strong_old = weight(Some(&practised(Some(1.0), 30.0)), NOW, false);
        assert!(fresh > weak && weak > strong, "{fresh} {weak} {strong}");
        assert!(strong_old > strong, "time since practice adds weight");
        assert_eq!(strong, 1.0, "even a perfect, recent answer can come up");
        assert_eq!(weight(None, NOW, true), 2.0 * fresh);
    }

    #[test]
    fn pick_index_follows_the_weights() {
        let w = [1.0, 0.0, 3.0];
        assert_eq!(pick_index(&w, 0.0), Some(0));
        assert_eq!(pick_index(&w, 0.24), Some(0));
        assert_eq!(pick_index(&w, 0.25), Some(2));
        assert_eq!(pick_index(&w, 0.999), Some(2));
        assert_eq!(pick_index(&w, 1.0), Some(2));
        assert_eq!(pick_index(&[], 0.5), None);
        assert_eq!(pick_index(&[0.0, f64::NAN], 0.5), None);
    }

    #[test]
    fn over_many_draws_the_frequencies_match_the_weights() {
        let ids: Vec<String> = ["fresh", "weak", "strong"].map(String::from).to_vec();
        let mut progress = BTreeMap::new();
        progress.insert("weak".to_string(), practised(Some(0.0), 0.0)); // weight 4
        progress.insert("strong".to_string(), practised(Some(1.0), 0.0)); // weight 1
        let mut counts = BTreeMap::new();
        // A deterministic uniform sequence stands in for Math.random().
        let steps = 9000;
        for i in 0..steps {
            let r = (i as f64 + 0.5) / steps as f64;
            let got = pick_many(&ids, &progress, &|_| false, NOW, 1, &mut || r);
            *counts.entry(got[0].clone()).or_insert(0) += 1;
        }
        assert_eq!(counts["fresh"], 4000);
        assert_eq!(counts["weak"], 4000);
        assert_eq!(counts["strong"], 1000);
    }

    #[test]
    fn pick_many_draws_distinct_ids() {
        let ids: Vec<String> = (0..5).map(|i| format!("q{i}")).collect();
        let mut seq = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9].into_iter();
        let got = pick_many(&ids, &BTreeMap::new(), &|_| false, NOW, 3, &mut || {
            seq.next().unwrap_or(0.0)
        });
        assert_eq!(got, vec!["q4", "q3", "q2"]);
        let all = pick_many(&ids, &BTreeMap::new(), &|_| false, NOW, 9, &mut || 0.0);
        assert_eq!(all.len(), 5);
    }
}
