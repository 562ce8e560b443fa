//! History: filtering and paging attempts, and the weekly progress series for the chart.

use super::attempt::Attempt;
use super::content::Category;
use std::collections::BTreeMap;

pub const PER_PAGE: usize = 20;
const DAY_MS: i64 = 86_400_000;

/// Which scores to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ScoreBand {
    #[default]
    Any,
    Unscored,
    /// Under 60 %: needs work.
    Low,
    /// 60 to 79 %.
    Mid,
    /// 80 % and over.
    High,
}

impl ScoreBand {
    pub const ALL: [ScoreBand; 5] = [
        ScoreBand::Any,
        ScoreBand::Unscored,
        ScoreBand::Low,
        ScoreBand::Mid,
        ScoreBand::High,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ScoreBand::Any => "any",
            ScoreBand::Unscored => "unscored",
            ScoreBand::Low => "low",
            ScoreBand::Mid => "mid",
            ScoreBand::High => "high",
        }
    }

    pub fn from_slug(s: &str) -> ScoreBand {
        ScoreBand::ALL
            .into_iter()
            .find(|b| b.slug() == s)
            .unwrap_or_default()
    }

    pub fn admits(self, score: Option<u8>) -> bool {
        match (self, score) {
            (ScoreBand::Any, _) => true,
            (ScoreBand::Unscored, s) => s.is_none(),
            (ScoreBand::Low, Some(s)) => s < 60,
            (ScoreBand::Mid, Some(s)) => (60..80).contains(&s),
            (ScoreBand::High, Some(s)) => s >= 80,
            _ => false,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct HistoryFilter {
    pub question: Option<String>,
    pub category: Option<Category>,
    /// Attempts started at or after this time (ms).
    pub from_ms: Option<u64>,
    /// Attempts started before this time (ms).
    pub until_ms: Option<u64>,
    pub score: ScoreBand,
}

/// The attempts that pass `filter`, newest first. Attempts with nothing captured are left out.
pub fn filter<'a>(
    attempts: &'a [Attempt],
    filter: &HistoryFilter,
    category_of: &dyn Fn(&str) -> Option<Category>,
    score_of: &dyn Fn(&str) -> Option<u8>,
) -> Vec<&'a Attempt> {
    let mut list: Vec<&Attempt> = attempts
        .iter()
        .filter(|a| a.has_content())
        .filter(|a| filter.question.as_ref().is_none_or(|q| &a.question == q))
        .filter(|a| {
            filter
                .category
                .is_none_or(|c| category_of(&a.question) == Some(c))
        })
        .filter(|a| filter.from_ms.is_none_or(|t| a.started_ms >= t))
        .filter(|a| filter.until_ms.is_none_or(|t| a.started_ms < t))
        .filter(|a| filter.score.admits(score_of(&a.id)))
        .collect();
    list.sort_by(|a, b| {
        b.started_ms
            .cmp(&a.started_ms)
            .then_with(|| a.id.cmp(&b.id))
    });
    list
}

/// Page `page` (from 0) of `items`, and the number of pages (at least 1).
pub fn page<T>(items: &[T], page: usize, per_page: usize) -> (&[T], usize) {
    let per_page = per_page.max(1);
    let pages = items.len().div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let start = page * per_page;
    (
        &items[start.min(items.len())..(start + per_page).min(items.len())],
        pages,
    )
}

/// The start of the week (Monday 00:00, local time) holding `ms`. `offset_min` is the local
/// time's offset from UTC in minutes (UTC+8 is 480).
pub fn week_start(ms: u64, offset_min: i32) -> u64 {
    let local = ms as i64 + i64::from(offset_min) * 60_000;
    let day = local.div_euclid(DAY_MS);
    // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday.
    let monday = day - (day + 3).rem_euclid(7);
    (monday * DAY_MS - i64::from(offset_min) * 60_000).max(0) as u64
}

/// One week of the progress chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Week {
    pub start_ms: u64,
    pub sessions: u32,
    /// One average per series (in the order asked for), `None` when nothing was rated.
    pub averages: Vec<Option<f64>>,
}

/// A scored answer, as the chart sees it.
pub struct Point<'a> {
    pub at_ms: u64,
    /// Series key → value.
    pub values: &'a BTreeMap<String, f64>,
}

/// Weekly figures from the first week with data to the last, with empty weeks in between, at most
/// the last `max_weeks`.
pub fn weekly(
    session_starts: &[u64],
    points: &[Point],
    series: &[String],
    offset_min: i32,
    max_weeks: usize,
) -> Vec<Week> {
    let mut sessions: BTreeMap<u64, u32> = BTreeMap::new();
    for t in session_starts {
        *sessions.entry(week_start(*t, offset_min)).or_default() += 1;
    }
    let mut sums: BTreeMap<u64, Vec<(f64, u32)>> = BTreeMap::new();
    for p in points {
        let w = sums
            .entry(week_start(p.at_ms, offset_min))
            .or_insert_with(|| vec![(0.0, 0); series.len()]);
        for (i, key) in series.iter().enumerate() {
            if let Some(v) = p.values.get(key) {
                w[i].0 += v;
                w[i].1 += 1;
            }
        }
    }
    let first = sessions.keys().chain(sums.keys()).min().copied();
    let last = sessions.keys().chain(sums.keys()).max().copied();
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let mut weeks = Vec::new();
    let mut w = first;
    while w <= last {
        weeks.push(Week {
            start_ms: w,
            sessions: sessions.get(&w).copied().unwrap_or(0),
            averages: match sums.get(&w) {
                Some(s) => s
                    .iter()
                    .map(|(sum, n)| (*n > 0).then(|| sum / f64::from(*n)))
                    .collect(),
                None => vec![None; series.len()],
            },
        });
        // The next Monday, found from the middle of next week (daylight saving shifts an hour).
        w = week_start(w + 10 * DAY_MS as u64, offset_min);
    }
    let skip = weeks.len().saturating_sub(max_weeks);
    weeks.split_off(skip)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(id: &str, q: &str, at: u64) -> Attempt {
        let mut a = Attempt::start(id.into(), "s", q, "", at);
        a.text = "words".into();
        a
    }

    #[test]
    fn filters_by_question_category_date_and_score_newest_first() {
        let list = vec![
            attempt("a1", "angry-customer", 1_000),
            attempt("a2", "handle-stress", 2_000),
            attempt("a3", "angry-customer", 3_000),
            Attempt::start("empty".into(), "s", "angry-customer", "", 4_000),
        ];
        let cat = |q: &str| {
            Some(if q == "angry-customer" {
                Category::PressureEmotions
            } else {
                Category::PastBehaviour
            })
        };
        let score = |id: &str| match id {
            "a1" => Some(40),
            "a3" => Some(85),
            _ => None,
        };
        let ids = |f: HistoryFilter| -> Vec<String> {
            filter(&list, &f, &cat, &score)
                .iter()
                .map(|a| a.id.clone())
                .collect()
        };
        assert_eq!(ids(HistoryFilter::default()), ["a3", "a2", "a1"]);
        let q = HistoryFilter {
            question: Some("angry-customer".into()),
            ..Default::default()
        };
        assert_eq!(ids(q), ["a3", "a1"]);
        let c = HistoryFilter {
            category: Some(Category::PastBehaviour),
            ..Default::default()
        };
        assert_eq!(ids(c), ["a2"]);
        let d = HistoryFilter {
            from_ms: Some(2_000),
            until_ms: Some(3_000),
            ..Default::default()
        };
        assert_eq!(ids(d), ["a2"]);
        for (band, want) in [
            (ScoreBand::Unscored, vec!["a2"]),
            (ScoreBand::Low, vec!["a1"]),
            (ScoreBand::Mid, vec![]),
            (ScoreBand::High, vec!["a3"]),
        ] {
            assert_eq!(
                ids(HistoryFilter {
                    score: band,
                    ..Default::default()
                }),
                want,
                "{band:?}"
            );
            assert_eq!(ScoreBand::from_slug(band.slug()), band);
        }
    }

    #[test]
    fn pages_never_run_past_the_end() {
        let items: Vec<u32> = (0..45).collect();
        let (p0, pages) = page(&items, 0, 20);
        assert_eq!((p0.len(), pages), (20, 3));
        assert_eq!(page(&items, 2, 20).0, &items[40..]);
        assert_eq!(page(&items, 99, 20).0, &items[40..]);
        let none: Vec<u32> = Vec::new();
        assert_eq!(page(&none, 3, 20), (&none[..], 1));
    }

    #[test]
    fn weeks_start_on_monday_in_local_time() {
        // 2026-11-23 is a Monday. 10:00 UTC that day, and 23:30 UTC on Sunday the 22nd.
        let monday_10 = 1_795_428_000_000u64;
        let sunday_2330 = monday_10 - 10 * 3_600_000 - 30 * 60_000;
        let monday_utc = monday_10 - 10 * 3_600_000;
        assert_eq!(week_start(monday_10, 0), monday_utc);
        assert_eq!(week_start(sunday_2330, 0), monday_utc - 7 * 86_400_000);
        // In UTC+8, Sunday 23:30 UTC is already Monday 07:30.
        assert_eq!(week_start(sunday_2330, 480), monday_utc - 8 * 3_600_000);
    }

    #[test]
    fn weekly_averages_and_session_counts_with_gaps() {
        let week = 7 * 86_400_000u64;
        let t0 = 1_795_428_000_000u64;
        let a: BTreeMap<String, f64> = [("criteria/skills".to_string(), 2.0)].into();
        let b: BTreeMap<String, f64> = [
            ("criteria/skills".to_string(), 4.0),
            ("score".to_string(), 50.0),
        ]
        .into();
        let c: BTreeMap<String, f64> = [("criteria/skills".to_string(), 5.0)].into();
        let points = [
            Point {
                at_ms: t0,
                values: &a,
            },
            Point {
                at_ms: t0 + 3_600_000,
                values: &b,
            },
            Point {
                at_ms: t0 + 2 * week,
                values: &c,
            },
        ];
        let series = vec!["criteria/skills".to_string(), "score".to_string()];
        let weeks = weekly(&[t0, t0 + 60_000, t0 + 2 * week], &points, &series, 0, 26);
        assert_eq!(weeks.len(), 3);
        assert_eq!(weeks[0].sessions, 2);
        assert_eq!(weeks[0].averages, vec![Some(3.0), Some(50.0)]);
        assert_eq!(weeks[1].sessions, 0);
        assert_eq!(weeks[1].averages, vec![None, None]);
        assert_eq!(weeks[2].averages, vec![Some(5.0), None]);
        assert_eq!(weekly(&[t0, t0 + 2 * week], &[], &series, 0, 2).len(), 2);
        assert!(weekly(&[], &[], &series, 0, 26).is_empty());
    }
}
