//! The periods of a competition, generated from its start, period kind and end.

use super::{CompetitionSettings, PeriodKind};
use chrono::NaiveDate;

/// A competition never has more periods than this (ten years of weeks): a guard against a start
/// date typed decades ago.
pub const MAX_PERIODS: usize = 520;

/// One period: first and last day (inclusive) and its position in the competition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// 0 for the first period.
    pub index: usize,
    pub start: NaiveDate,
    /// The last day, inclusive.
    pub end: NaiveDate,
    pub kind: PeriodKind,
}

impl Period {
    /// What the user calls the period: "November 2026" (a calendar month), "Week of 23 Nov 2026",
    /// "Q4 2026" (a calendar quarter), otherwise the range "31 Jan – 28 Feb 2027".
    pub fn label(&self) -> String {
        todo!()
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        todo!()
    }

    /// Days from `today` to the last day (0 on the last day; negative once over).
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        todo!()
    }

    pub fn has_started(&self, today: NaiveDate) -> bool {
        todo!()
    }

    pub fn has_ended(&self, today: NaiveDate) -> bool {
        todo!()
    }
}

/// The competition's periods from its start through the one containing `today` (or through the
/// competition's `end`, whichever comes first); always at least the first period (which may lie in
/// the future); at most [`MAX_PERIODS`]. Period n starts n months (n × 3 months, n weeks, n ×
/// custom_days days) after the start, counted from the start so that month ends stay right (31 Jan →
/// 28/29 Feb → 31 Mar); a period ends the day before the next starts, and the last period is cut at
/// `end`.
pub fn generate_periods(settings: &CompetitionSettings, today: NaiveDate) -> Vec<Period> {
    todo!()
}

/// The period that contains `date`, if the competition runs then (not before its start, not after
/// its end, within [`MAX_PERIODS`]).
pub fn period_containing(settings: &CompetitionSettings, date: NaiveDate) -> Option<Period> {
    todo!()
}
