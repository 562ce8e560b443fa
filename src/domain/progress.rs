//! What the picker knows of the user's practice, per question.

/// A question's practice record, summarised.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    pub attempts: u32,
    /// The latest score, from 0.0 (poor) to 1.0 (excellent), once the answer was scored.
    pub last_score: Option<f64>,
    /// When it was last practised, in ms since the epoch.
    pub last_practised_ms: Option<f64>,
}

/// Below this, a scored question "needs work".
pub const NEEDS_WORK_BELOW: f64 = 0.6;

impl Progress {
    pub fn practised(&self) -> bool {
        self.attempts > 0
    }

    pub fn needs_work(&self) -> bool {
        self.last_score.is_some_and(|s| s < NEEDS_WORK_BELOW)
    }
}
