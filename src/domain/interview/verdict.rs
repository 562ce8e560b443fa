//! The interviewer's judgements: a red flag's severity, and the recommendation.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Minor,
    Major,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Minor, Severity::Major, Severity::Critical];

    pub fn slug(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }

    pub fn from_slug(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|x| x.slug() == s)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recommendation {
    StrongNo,
    No,
    Mixed,
    Yes,
    StrongYes,
    #[default]
    NoDecision,
}

impl Recommendation {
    pub const ALL: [Recommendation; 6] = [
        Recommendation::StrongNo,
        Recommendation::No,
        Recommendation::Mixed,
        Recommendation::Yes,
        Recommendation::StrongYes,
        Recommendation::NoDecision,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Recommendation::StrongNo => "strong-no",
            Recommendation::No => "no",
            Recommendation::Mixed => "mixed",
            Recommendation::Yes => "yes",
            Recommendation::StrongYes => "strong-yes",
            Recommendation::NoDecision => "no-decision",
        }
    }

    pub fn from_slug(s: &str) -> Recommendation {
        Recommendation::ALL
            .into_iter()
            .find(|x| x.slug() == s)
            .unwrap_or_default()
    }

    /// 1 (strong no) to 5 (strong yes); `None` for no decision.
    pub fn value(self) -> Option<u8> {
        match self {
            Recommendation::StrongNo => Some(1),
            Recommendation::No => Some(2),
            Recommendation::Mixed => Some(3),
            Recommendation::Yes => Some(4),
            Recommendation::StrongYes => Some(5),
            Recommendation::NoDecision => None,
        }
    }

    pub fn is_hire(self) -> bool {
        matches!(self, Recommendation::Yes | Recommendation::StrongYes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_round_trip_through_their_slugs_and_none_is_no_flag() {
        for s in Severity::ALL {
            assert_eq!(Severity::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Severity::from_slug(""), None);
    }

    #[test]
    fn only_yes_and_strong_yes_are_hires_and_no_decision_has_no_value() {
        let hires: Vec<Recommendation> = Recommendation::ALL
            .into_iter()
            .filter(|r| r.is_hire())
            .collect();
        assert_eq!(hires, [Recommendation::Yes, Recommendation::StrongYes]);
        assert_eq!(Recommendation::NoDecision.value(), None);
        assert_eq!(
            Recommendation::from_slug("maybe"),
            Recommendation::NoDecision
        );
    }
}
