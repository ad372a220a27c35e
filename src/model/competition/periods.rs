//! The periods of a competition, generated from its start, period kind and end.
//!
//! Periods are never stored: they are computed from the settings each time, so that the stored data
//! (activity rows and period records keyed by a period's first day) stays small and a file from
//! another device cannot disagree about where a period starts.

use super::{CompetitionSettings, PeriodKind};
use crate::model::dates::{long_date, short_date};
use chrono::{Datelike, Days, Months, NaiveDate};

/// A competition never has more periods than this (ten years of weeks): a guard against a start
/// date typed decades ago.
pub const MAX_PERIODS: usize = 520;

/// The longest custom period, in days: a year (leap years included).
const MAX_CUSTOM_DAYS: u16 = 366;

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
    ///
    /// The shape follows the dates, not only the kind: a monthly period starting on the 31st is a
    /// range, and a last period cut short by the competition's end is shown as the range it covers
    /// (calling three days "Week of …" or "November 2026" would overstate it).
    pub fn label(&self) -> String {
        let start = self.start;
        let end = self.end;
        let last_of_month = |months: u32| {
            start
                .checked_add_months(Months::new(months))
                .and_then(|next| next.pred_opt())
        };
        if start.day() == 1 && last_of_month(1) == Some(end) {
            // "1 November 2026" → "November 2026".
            let long = long_date(start);
            return long.strip_prefix("1 ").map(str::to_string).unwrap_or(long);
        }
        if self.kind == PeriodKind::Quarterly
            && start.day() == 1
            && start.month0().is_multiple_of(3)
            && last_of_month(3) == Some(end)
        {
            return format!("Q{} {}", start.month0() / 3 + 1, start.year());
        }
        if self.kind == PeriodKind::Weekly && (end - start).num_days() == 6 {
            return format!("Week of {}", short_date(start));
        }
        if start == end {
            return short_date(start);
        }
        if start.year() == end.year() {
            // "31 Jan 2027" → "31 Jan".
            let first = short_date(start);
            let first = first
                .rsplit_once(' ')
                .map(|(day_month, _year)| day_month.to_string())
                .unwrap_or(first);
            format!("{first} – {}", short_date(end))
        } else {
            format!("{} – {}", short_date(start), short_date(end))
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Days from `today` to the last day (0 on the last day; negative once over).
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.end - today).num_days()
    }

    pub fn has_started(&self, today: NaiveDate) -> bool {
        today >= self.start
    }

    pub fn has_ended(&self, today: NaiveDate) -> bool {
        today > self.end
    }
}

/// The competition's periods from its start through the one containing `today` (or through the
/// competition's `end`, whichever comes first); always at least the first period (which may lie in
/// the future); at most [`MAX_PERIODS`]. Period n starts n months (n × 3 months, n weeks, n ×
/// custom_days days) after the start, counted from the start so that month ends stay right (31 Jan →
/// 28/29 Feb → 31 Mar); a period ends the day before the next starts, and the last period is cut at
/// `end`.
///
/// An `end` before the start (which the settings form should not let through) leaves just the
/// first period, uncut: there is always something to show.
pub fn generate_periods(settings: &CompetitionSettings, today: NaiveDate) -> Vec<Period> {
    let mut periods = Vec::new();
    let Some(first) = period_at(settings, 0) else {
        // Only when the start is so close to the last date chrono can hold that no period fits.
        return periods;
    };
    periods.push(first);
    for index in 1..MAX_PERIODS {
        match period_at(settings, index) {
            Some(period) if period.start <= today => periods.push(period),
            _ => break,
        }
    }
    periods
}

/// The period that contains `date`, if the competition runs then (not before its start, not after
/// its end, within [`MAX_PERIODS`]).
pub fn period_containing(settings: &CompetitionSettings, date: NaiveDate) -> Option<Period> {
    if date < settings.start || settings.end.is_some_and(|end| date > end) {
        return None;
    }
    // A first guess from the distance, then a step back where month ends were clamped (a period
    // counted from 31 Jan starts on 31 Mar, so 15 Mar still belongs to the one before).
    let guess = match step(settings) {
        Step::Months(months) => {
            let elapsed = (date.year() - settings.start.year()) * 12 + date.month0() as i32
                - settings.start.month0() as i32;
            usize::try_from(elapsed).ok()? / months as usize
        }
        Step::Days(days) => {
            usize::try_from((date - settings.start).num_days()).ok()? / days as usize
        }
    };
    (guess.saturating_sub(1)..=guess)
        .rev()
        .filter(|&index| index < MAX_PERIODS)
        .filter_map(|index| period_at(settings, index))
        .find(|period| period.contains(date))
}

/// How far apart period starts are.
#[derive(Clone, Copy)]
enum Step {
    Months(u32),
    Days(u64),
}

fn step(settings: &CompetitionSettings) -> Step {
    match settings.period_kind {
        PeriodKind::Monthly => Step::Months(1),
        PeriodKind::Quarterly => Step::Months(3),
        PeriodKind::Weekly => Step::Days(7),
        PeriodKind::Custom => Step::Days(u64::from(settings.custom_days.clamp(1, MAX_CUSTOM_DAYS))),
    }
}

/// The first day of period `index`, counted from the competition's start; `None` past the last
/// date chrono can hold.
fn start_of(settings: &CompetitionSettings, index: usize) -> Option<NaiveDate> {
    let index = u32::try_from(index).ok()?;
    match step(settings) {
        Step::Months(months) => settings
            .start
            .checked_add_months(Months::new(months.checked_mul(index)?)),
        Step::Days(days) => settings
            .start
            .checked_add_days(Days::new(days.checked_mul(u64::from(index))?)),
    }
}

/// Period `index`, or `None` when it starts after the competition's end (it does not exist) or
/// cannot be dated. The first period always exists when it can be dated; an `end` before the start
/// does not cut it.
fn period_at(settings: &CompetitionSettings, index: usize) -> Option<Period> {
    let start = start_of(settings, index)?;
    if index > 0 && settings.end.is_some_and(|end| start > end) {
        return None;
    }
    let natural_end = match start_of(settings, index + 1) {
        Some(next) => next.pred_opt()?,
        // The next period cannot be dated: this one runs to the end of the calendar.
        None => NaiveDate::MAX,
    };
    let end = match settings.end.filter(|&end| end >= start) {
        Some(cut) => natural_end.min(cut),
        None => natural_end,
    };
    Some(Period {
        index,
        start,
        end,
        kind: settings.period_kind,
    })
}
