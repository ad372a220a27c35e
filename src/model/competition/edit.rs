//! Changing a competition: activity values, closing and reopening periods, settings; and merging
//! two copies.

use super::{
    ActivityRow, Competition, CompetitionError, CompetitionSettings, Kpi, KpiKind, Period,
    PeriodKind, PeriodRecord, Rules,
};
use crate::model::record::Timestamp;
use chrono::NaiveDate;
use uuid::Uuid;

/// A new KPI of `kind` with its default points and no cap; custom KPIs get the first free id
/// `custom-1`, `custom-2`, … and the label "Custom KPI N".
pub fn new_kpi(kind: KpiKind, existing: &[Kpi]) -> Kpi {
    todo!()
}

impl Competition {
    /// A new monthly competition in raw-points mode counting posts, comments, reactions (capped)
    /// and shares, with `league` as its league.
    pub fn new(name: impl Into<String>, start: NaiveDate, league: Vec<Uuid>, now: Timestamp) -> Self {
        todo!()
    }

    pub fn id(&self) -> Uuid {
        self.settings.id
    }

    pub fn is_deleted(&self) -> bool {
        self.settings.deleted
    }

    /// See [`super::generate_periods`].
    pub fn periods(&self, today: NaiveDate) -> Vec<Period> {
        super::generate_periods(&self.settings, today)
    }

    /// The record of a period that has been closed at least once.
    pub fn record(&self, period: NaiveDate) -> Option<&PeriodRecord> {
        todo!()
    }

    pub fn is_closed(&self, period: NaiveDate) -> bool {
        todo!()
    }

    /// The rules a period is scored under: those kept when it was first closed (also while it is
    /// reopened), else the competition's current rules.
    pub fn rules_for(&self, period: NaiveDate) -> &Rules {
        todo!()
    }

    pub fn row(&self, period: NaiveDate, executive: Uuid) -> Option<&ActivityRow> {
        todo!()
    }

    pub fn value(&self, period: NaiveDate, executive: Uuid, kpi: &str) -> Option<u32> {
        todo!()
    }

    /// Records one value (`None` clears it). Refused when the period is closed, the executive is not
    /// in the period's league or the KPI is not in its rules. `Ok(false)` when nothing changed (the
    /// row is then not stamped).
    pub fn set_value(
        &mut self,
        period: &Period,
        executive: Uuid,
        kpi: &str,
        value: Option<u32>,
        now: Timestamp,
    ) -> Result<bool, CompetitionError> {
        todo!()
    }

    /// Records several values of one executive at once (CSV import); same rules as
    /// [`Competition::set_value`], all or nothing.
    pub fn set_values(
        &mut self,
        period: &Period,
        executive: Uuid,
        values: &[(String, Option<u32>)],
        now: Timestamp,
    ) -> Result<bool, CompetitionError> {
        todo!()
    }

    /// Closes `periods[index]`: locks it, keeps its rules (the first time), names the winners from
    /// its scoreboard and logs the closing. Refused when already closed.
    pub fn close_period(
        &mut self,
        executives: &[crate::model::Executive],
        periods: &[Period],
        index: usize,
        now: Timestamp,
    ) -> Result<(), CompetitionError> {
        todo!()
    }

    /// Reopens a closed period (logged with its date); its kept rules stay, its winners are cleared
    /// until it is closed again.
    pub fn reopen_period(&mut self, period: &Period, now: Timestamp) -> Result<(), CompetitionError> {
        todo!()
    }

    /// Stores the edited congratulation note of a closed period (`None` = back to the generated one).
    pub fn set_note(
        &mut self,
        period: &Period,
        note: Option<String>,
        now: Timestamp,
    ) -> Result<(), CompetitionError> {
        todo!()
    }

    /// Changes the settings through `edit` and stamps the change.
    pub fn edit_settings(&mut self, now: Timestamp, edit: impl FnOnce(&mut CompetitionSettings)) {
        todo!()
    }

    /// Changes how periods are cut. Refused ([`CompetitionError::PeriodsFixed`]) once
    /// [`Competition::has_history`], unless nothing would change.
    pub fn set_period_settings(
        &mut self,
        kind: PeriodKind,
        start: NaiveDate,
        custom_days: u16,
        end: Option<NaiveDate>,
        now: Timestamp,
    ) -> Result<(), CompetitionError> {
        todo!()
    }

    /// Whether any activity value is recorded or any period was ever closed.
    pub fn has_history(&self) -> bool {
        todo!()
    }

    /// The deleted competition's tombstone: settings marked deleted (stamped `at`), activity and
    /// period records dropped.
    pub fn tombstone(self, at: Timestamp) -> Self {
        todo!()
    }
}

/// Merges two collections of competitions: settings by the record rule, period records by period
/// and activity rows by (period, executive) with the same latest-edit-wins rule; a deleted
/// competition keeps no activity. Commutative, idempotent, canonical order (created_at, id; rows by
/// period then executive; records by period).
pub fn merge_competitions(a: &[Competition], b: &[Competition]) -> Vec<Competition> {
    todo!()
}
