//! Changing a competition: activity values, closing and reopening periods, settings; and merging
//! two copies.
//!
//! Every change stamps what it changed (the settings, one period record or one activity row) with a
//! time later than the one it replaces, so that the change wins in a later merge even when this
//! device's clock is behind the one that made the previous edit.
//!
//! Nothing here is ever removed outright where another copy may still hold it: a cleared activity
//! row keeps its key with no values, and a deleted competition keeps its rows and period records
//! emptied (see [`Competition::tombstone`]). A merge then settles each key by its latest edit alone,
//! which keeps merging commutative, idempotent and associative.

use super::{
    ActivityRow, Competition, CompetitionError, CompetitionSettings, Kpi, KpiKind, Period,
    PeriodAction, PeriodEvent, PeriodKind, PeriodRecord, Rules, ScoringMode, DEFAULT_CUSTOM_DAYS,
};
use crate::model::programme::after;
use crate::model::record::{latest_by, newer, Timestamp};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use uuid::Uuid;

/// The cap a new competition puts on reactions: a like is one click, so without a cap a burst of
/// them would outscore real posts.
const DEFAULT_REACTIONS_CAP: u32 = 200;

/// A new KPI of `kind` with its default points and no cap; custom KPIs get the first free id
/// `custom-1`, `custom-2`, … and the label "Custom KPI N".
///
/// A built-in kind that is already counted (posts on LinkedIn, and posts again on the intranet, for
/// normalised scoring) gets the first free id `posts-2`, `posts-3`, …: activity is stored under the
/// id, so two KPIs must never share one.
pub fn new_kpi(kind: KpiKind, existing: &[Kpi]) -> Kpi {
    let taken = |id: &str| existing.iter().any(|k| k.id == id);
    let (id, label) = if kind == KpiKind::Custom {
        let n = (1..).find(|n| !taken(&format!("custom-{n}"))).unwrap_or(1);
        (format!("custom-{n}"), format!("Custom KPI {n}"))
    } else if !taken(kind.key()) {
        (kind.key().to_string(), kind.label().to_string())
    } else {
        let n = (2..)
            .find(|n| !taken(&format!("{}-{n}", kind.key())))
            .unwrap_or(2);
        (format!("{}-{n}", kind.key()), kind.label().to_string())
    };
    Kpi {
        id,
        kind,
        label,
        points: kind.default_points(),
        cap: None,
        network: None,
    }
}

/// A period record that says nothing: never closed (as far as this copy knows). It stands in for a
/// record that a replacement or a deletion removed, so that the removal wins over older copies in a
/// merge; it reads as no record at all.
fn is_blank(record: &PeriodRecord) -> bool {
    !record.closed && record.log.is_empty()
}

fn blank_record(period: NaiveDate, at: Timestamp) -> PeriodRecord {
    PeriodRecord {
        period,
        updated_at: at,
        closed: false,
        log: Vec::new(),
        rules: None,
        most_social: Vec::new(),
        most_improved: Vec::new(),
        note: None,
    }
}

/// What `record` becomes when it is removed at `at`: blank, stamped later than its last edit.
fn blanked(record: &PeriodRecord, at: Timestamp) -> PeriodRecord {
    blank_record(record.period, after(at, record.updated_at))
}

/// What `row` becomes when it is removed at `at`: no values, stamped later than its last edit.
fn emptied(row: &ActivityRow, at: Timestamp) -> ActivityRow {
    ActivityRow {
        period: row.period,
        executive: row.executive,
        values: BTreeMap::new(),
        updated_at: after(at, row.updated_at),
    }
}

impl Competition {
    /// A new monthly competition in raw-points mode counting posts, comments, reactions (capped)
    /// and shares, with `league` as its league.
    pub fn new(
        name: impl Into<String>,
        start: NaiveDate,
        league: Vec<Uuid>,
        now: Timestamp,
    ) -> Self {
        let mut kpis: Vec<Kpi> = Vec::new();
        for kind in [
            KpiKind::Posts,
            KpiKind::Comments,
            KpiKind::Reactions,
            KpiKind::Shares,
        ] {
            let mut kpi = new_kpi(kind, &kpis);
            if kind == KpiKind::Reactions {
                kpi.cap = Some(DEFAULT_REACTIONS_CAP);
            }
            kpis.push(kpi);
        }
        Competition {
            settings: CompetitionSettings {
                id: Uuid::new_v4(),
                created_at: now,
                updated_at: now,
                deleted: false,
                name: name.into(),
                period_kind: PeriodKind::Monthly,
                start,
                end: None,
                custom_days: DEFAULT_CUSTOM_DAYS,
                rules: Rules {
                    kpis,
                    scoring: ScoringMode::Raw,
                    league,
                },
            },
            periods: Vec::new(),
            activity: Vec::new(),
        }
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
        self.periods
            .iter()
            .find(|r| r.period == period && !is_blank(r))
    }

    pub fn is_closed(&self, period: NaiveDate) -> bool {
        self.record(period).is_some_and(|r| r.closed)
    }

    /// The rules a period is scored under: those kept when it was first closed (also while it is
    /// reopened), else the competition's current rules.
    pub fn rules_for(&self, period: NaiveDate) -> &Rules {
        self.record(period)
            .and_then(|r| r.rules.as_ref())
            .unwrap_or(&self.settings.rules)
    }

    pub fn row(&self, period: NaiveDate, executive: Uuid) -> Option<&ActivityRow> {
        self.activity
            .iter()
            .find(|r| r.period == period && r.executive == executive)
    }

    pub fn value(&self, period: NaiveDate, executive: Uuid, kpi: &str) -> Option<u32> {
        self.row(period, executive)
            .and_then(|r| r.values.get(kpi).copied())
    }

    /// Records one value (`None` clears it). Refused when the period is closed, the executive is not
    /// in the period's league or the KPI is not in its rules. `Ok(false)` when nothing changed (the
    /// row is then not stamped).
    ///
    /// A row whose last value is cleared stays, with no values and its new stamp: removing it would
    /// let an older copy's values come back in a merge.
    pub fn set_value(
        &mut self,
        period: &Period,
        executive: Uuid,
        kpi: &str,
        value: Option<u32>,
        now: Timestamp,
    ) -> Result<bool, CompetitionError> {
        self.set_values(period, executive, &[(kpi.to_string(), value)], now)
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
        if self.is_closed(period.start) {
            return Err(CompetitionError::Closed(period.label()));
        }
        let rules = self.rules_for(period.start);
        if !rules.league.contains(&executive) {
            return Err(CompetitionError::NotInLeague("This executive".into()));
        }
        if let Some((kpi, _)) = values
            .iter()
            .find(|(kpi, _)| !rules.kpis.iter().any(|k| k.id == *kpi))
        {
            return Err(CompetitionError::UnknownKpi(kpi.clone()));
        }
        let current = self.row(period.start, executive);
        let mut changed = current.map(|r| r.values.clone()).unwrap_or_default();
        for (kpi, value) in values {
            match value {
                Some(value) => changed.insert(kpi.clone(), *value),
                None => changed.remove(kpi),
            };
        }
        let unchanged = match current {
            Some(row) => row.values == changed,
            None => changed.is_empty(),
        };
        if unchanged {
            return Ok(false);
        }
        match self
            .activity
            .iter_mut()
            .find(|r| r.period == period.start && r.executive == executive)
        {
            Some(row) => {
                row.values = changed;
                row.updated_at = after(now, row.updated_at);
            }
            // In canonical place (period, then executive), as a reload or a merge would put it:
            // the stored text is then the same whether the row was typed or restored.
            None => {
                let at = self
                    .activity
                    .partition_point(|r| (r.period, r.executive) < (period.start, executive));
                self.activity.insert(
                    at,
                    ActivityRow {
                        period: period.start,
                        executive,
                        values: changed,
                        updated_at: now,
                    },
                );
            }
        }
        Ok(true)
    }

    /// Closes `periods[index]`: locks it, keeps its rules (the first time), names the winners from
    /// its scoreboard and logs the closing. Refused when already closed.
    ///
    /// Also refused ([`CompetitionError::NotStarted`]) for a period that starts after `now`'s date
    /// (nobody can have won it yet) or an index past the periods given. A running period may be
    /// closed early: the user decides when the scores are final.
    pub fn close_period(
        &mut self,
        executives: &[crate::model::Executive],
        periods: &[Period],
        index: usize,
        now: Timestamp,
    ) -> Result<(), CompetitionError> {
        let Some(period) = periods.get(index) else {
            return Err(CompetitionError::NotStarted("This period".into()));
        };
        if self.is_closed(period.start) {
            return Err(CompetitionError::AlreadyClosed(period.label()));
        }
        if period.start > now.date_naive() {
            return Err(CompetitionError::NotStarted(period.label()));
        }
        // The scoreboard of the still-open period names who leads now: they are the winners.
        let board = super::scoreboard(self, executives, periods, index);
        let rules = self
            .record(period.start)
            .and_then(|r| r.rules.clone())
            .unwrap_or_else(|| self.settings.rules.clone());
        let (record, at) = self.record_to_change(period.start, now);
        record.updated_at = at;
        record.closed = true;
        record.rules = Some(rules);
        record.most_social = board.most_social;
        record.most_improved = board.most_improved;
        record.log.push(PeriodEvent {
            action: PeriodAction::Closed,
            at,
        });
        Ok(())
    }

    /// Reopens a closed period (logged with its date); its kept rules stay, its winners are cleared
    /// until it is closed again.
    pub fn reopen_period(
        &mut self,
        period: &Period,
        now: Timestamp,
    ) -> Result<(), CompetitionError> {
        if !self.is_closed(period.start) {
            return Err(CompetitionError::NotClosed(period.label()));
        }
        let (record, at) = self.record_to_change(period.start, now);
        record.updated_at = at;
        record.closed = false;
        record.most_social.clear();
        record.most_improved.clear();
        record.log.push(PeriodEvent {
            action: PeriodAction::Reopened,
            at,
        });
        Ok(())
    }

    /// Stores the edited congratulation note of a closed period (`None` = back to the generated one).
    ///
    /// Also allowed while the period is reopened (the note of its last closing stays); refused
    /// ([`CompetitionError::NotClosed`]) for a period never closed.
    pub fn set_note(
        &mut self,
        period: &Period,
        note: Option<String>,
        now: Timestamp,
    ) -> Result<(), CompetitionError> {
        match self.record(period.start) {
            None => return Err(CompetitionError::NotClosed(period.label())),
            Some(record) if record.note == note => return Ok(()),
            Some(_) => {}
        }
        let (record, at) = self.record_to_change(period.start, now);
        record.note = note;
        record.updated_at = at;
        Ok(())
    }

    /// Changes the settings through `edit` and stamps the change. An edit that changes nothing is
    /// not stamped (a form may report every keystroke, including ones that change nothing).
    pub fn edit_settings(&mut self, now: Timestamp, edit: impl FnOnce(&mut CompetitionSettings)) {
        let before = self.settings.clone();
        edit(&mut self.settings);
        if self.settings != before {
            self.settings.updated_at = after(now, before.updated_at);
        }
    }

    /// Changes how periods are cut. Refused ([`CompetitionError::PeriodsFixed`]) once
    /// [`Competition::has_history`], unless nothing would change or only the end date moves and no
    /// period with history starts after it. `custom_days` is kept within 1–366.
    pub fn set_period_settings(
        &mut self,
        kind: PeriodKind,
        start: NaiveDate,
        custom_days: u16,
        end: Option<NaiveDate>,
        now: Timestamp,
    ) -> Result<(), CompetitionError> {
        let custom_days = custom_days.clamp(1, 366);
        let s = &self.settings;
        if (s.period_kind, s.start, s.custom_days, s.end) == (kind, start, custom_days, end) {
            return Ok(());
        }
        let only_end_changes =
            (s.period_kind, s.start, s.custom_days) == (kind, start, custom_days);
        if self.has_history() && !(only_end_changes && self.history_ends_by(end)) {
            return Err(CompetitionError::PeriodsFixed);
        }
        self.edit_settings(now, |s| {
            s.period_kind = kind;
            s.start = start;
            s.custom_days = custom_days;
            s.end = end;
        });
        Ok(())
    }

    /// Whether every period with history (recorded activity, a closing) starts on or before `end`:
    /// then moving the end there — extending the competition, or ending it sooner — moves no
    /// recorded activity to another period (periods are keyed by their first day).
    fn history_ends_by(&self, end: Option<NaiveDate>) -> bool {
        let Some(end) = end else {
            return true;
        };
        self.activity
            .iter()
            .filter(|r| !r.values.is_empty())
            .map(|r| r.period)
            .chain(
                self.periods
                    .iter()
                    .filter(|r| !is_blank(r))
                    .map(|r| r.period),
            )
            .all(|start| start <= end)
    }

    /// Whether any activity value is recorded or any period was ever closed.
    pub fn has_history(&self) -> bool {
        self.activity.iter().any(|r| !r.values.is_empty())
            || self.periods.iter().any(|r| !is_blank(r))
    }

    /// The deleted competition's tombstone: settings marked deleted (stamped `at`), activity and
    /// period records dropped.
    ///
    /// "Dropped" keeps each key with nothing in it — rows without values, blank period records —
    /// each stamped later than its last edit: an older copy merged in later (another tab, a
    /// colleague's file) then cannot bring the deleted figures back, and merging needs no special
    /// rule for deleted competitions (a rule that would break associativity once a deletion is
    /// undone).
    pub fn tombstone(mut self, at: Timestamp) -> Self {
        self.settings.deleted = true;
        self.settings.updated_at = at;
        self.periods = self.periods.iter().map(|r| blanked(r, at)).collect();
        self.activity = self.activity.iter().map(|r| emptied(r, at)).collect();
        self
    }

    /// The record of `period` about to change (created blank when there is none), and the stamp
    /// the change takes: `now`, or just after the record's last edit when the clock says otherwise.
    fn record_to_change(
        &mut self,
        period: NaiveDate,
        now: Timestamp,
    ) -> (&mut PeriodRecord, Timestamp) {
        match self.periods.iter().position(|r| r.period == period) {
            Some(position) => {
                let record = &mut self.periods[position];
                let at = after(now, record.updated_at);
                (record, at)
            }
            None => {
                // In canonical place (by period), as a reload or a merge would put it.
                let position = self.periods.partition_point(|r| r.period < period);
                self.periods.insert(position, blank_record(period, now));
                (&mut self.periods[position], now)
            }
        }
    }
}

/// Merges entries by key, keeping the [`latest_by`] copy (latest stamp) of each, in key order.
fn merge_keyed<'a, T, K>(
    entries: impl Iterator<Item = &'a T>,
    key: impl Fn(&T) -> K,
    stamp: impl Fn(&T) -> Timestamp + Copy,
) -> Vec<T>
where
    T: Clone + Serialize + 'a,
    K: Ord,
{
    let mut by_key: BTreeMap<K, &T> = BTreeMap::new();
    for entry in entries {
        let winner = match by_key.get(&key(entry)) {
            Some(existing) => latest_by(*existing, entry, stamp),
            None => entry,
        };
        by_key.insert(key(entry), winner);
    }
    by_key.into_values().cloned().collect()
}

/// Merges two collections of competitions: settings by the record rule, period records by period
/// and activity rows by (period, executive) with the same latest-edit-wins rule; a deleted
/// competition keeps no activity. Commutative, idempotent, canonical order (created_at, id; rows by
/// period then executive; records by period).
///
/// A deleted competition keeps no activity because its tombstone empties every row and record it
/// had, stamped at the deletion ([`Competition::tombstone`]), and those empty copies win over
/// older ones here like any later edit. The merge itself has no special rule for deletions, so it
/// is also associative: files merged in any grouping give the same result. (Clearing deleted
/// competitions here instead would lose, depending on the grouping, activity recorded elsewhere
/// before a deletion that was later undone.)
pub fn merge_competitions(a: &[Competition], b: &[Competition]) -> Vec<Competition> {
    let mut copies: BTreeMap<Uuid, Vec<&Competition>> = BTreeMap::new();
    for competition in a.iter().chain(b) {
        copies
            .entry(competition.id())
            .or_default()
            .push(competition);
    }
    let mut merged: Vec<Competition> = copies
        .into_values()
        .filter_map(|copies| {
            let settings = copies
                .iter()
                .map(|c| &c.settings)
                .reduce(|x, y| newer(x, y))?
                .clone();
            Some(Competition {
                settings,
                periods: merge_keyed(
                    copies.iter().flat_map(|c| &c.periods),
                    |r| r.period,
                    |r| r.updated_at,
                ),
                activity: merge_keyed(
                    copies.iter().flat_map(|c| &c.activity),
                    |r| (r.period, r.executive),
                    |r| r.updated_at,
                ),
            })
        })
        .collect();
    sort_competitions(&mut merged);
    merged
}

/// Puts competitions, their period records and activity rows in the canonical order a merge
/// leaves them in.
fn sort_competitions(competitions: &mut [Competition]) {
    competitions.sort_by_key(|c| (c.settings.created_at, c.settings.id));
    for competition in competitions {
        competition.periods.sort_by_key(|r| r.period);
        competition
            .activity
            .sort_by_key(|r| (r.period, r.executive));
    }
}

/// What the rest of the model needs from a programme's competitions as a whole (kept here, next to
/// the stamping rules they rely on).
impl Competition {
    /// Puts competitions and their records and rows in canonical order (as a merge leaves them).
    pub(crate) fn sort_all(competitions: &mut [Competition]) {
        sort_competitions(competitions);
    }

    /// `target`'s competitions made to win over `current`'s in any later merge, as a new edit
    /// stamped `now` (for [`crate::model::Programme::replaced_by`]): settings, period records and
    /// rows that differ from `current`'s copy are stamped later than it; records and rows that
    /// `current` has and `target` lacks are kept blank or empty, stamped likewise; competitions
    /// that `current` has and `target` lacks become tombstones (existing tombstones are kept as
    /// they are).
    pub(crate) fn replace_all(
        current: &[Competition],
        target: &[Competition],
        now: Timestamp,
    ) -> Vec<Competition> {
        let mut out: Vec<Competition> = Vec::with_capacity(target.len());
        for wanted in target {
            match current.iter().find(|c| c.id() == wanted.id()) {
                Some(old) if old == wanted => out.push(wanted.clone()),
                Some(old) => out.push(replaced(old, wanted, now)),
                None => out.push(wanted.clone()),
            }
        }
        for old in current {
            if target.iter().any(|t| t.id() == old.id()) {
                continue;
            }
            if old.is_deleted() {
                out.push(old.clone());
            } else {
                out.push(old.clone().tombstone(after(now, old.settings.updated_at)));
            }
        }
        out
    }

    /// The copy that goes into a duplicated programme: the same competition under a new id, with
    /// every executive id mapped through `executives` (old id → the copy's id). Ids that do not map
    /// (executives left out of the copy) are dropped, with their rows; empty rows and blank records
    /// (merge markers) are left out. `None` for a deleted competition.
    pub(crate) fn copied(
        &self,
        executives: &BTreeMap<Uuid, Uuid>,
        now: Timestamp,
    ) -> Option<Competition> {
        if self.is_deleted() {
            return None;
        }
        let remap = |ids: &[Uuid]| -> Vec<Uuid> {
            ids.iter()
                .filter_map(|id| executives.get(id).copied())
                .collect()
        };
        let remap_rules = |rules: &Rules| Rules {
            league: remap(&rules.league),
            ..rules.clone()
        };
        let mut copy = self.clone();
        copy.settings.id = Uuid::new_v4();
        copy.settings.updated_at = now;
        copy.settings.rules = remap_rules(&self.settings.rules);
        copy.periods = self
            .periods
            .iter()
            .filter(|r| !is_blank(r))
            .map(|r| PeriodRecord {
                updated_at: now,
                rules: r.rules.as_ref().map(remap_rules),
                most_social: remap(&r.most_social),
                most_improved: remap(&r.most_improved),
                ..r.clone()
            })
            .collect();
        copy.activity = self
            .activity
            .iter()
            .filter(|r| !r.values.is_empty())
            .filter_map(|r| {
                Some(ActivityRow {
                    executive: *executives.get(&r.executive)?,
                    updated_at: now,
                    ..r.clone()
                })
            })
            .collect();
        Some(copy)
    }
}

/// `wanted` (a changed copy of `old`) stamped so that each part that differs wins over `old`.
/// Looks entries up by key (a competition may hold thousands of rows).
fn replaced(old: &Competition, wanted: &Competition, now: Timestamp) -> Competition {
    let mut result = wanted.clone();
    if result.settings != old.settings {
        result.settings.updated_at = after(now, old.settings.updated_at);
    }

    let old_records: BTreeMap<NaiveDate, &PeriodRecord> =
        old.periods.iter().map(|r| (r.period, r)).collect();
    for record in &mut result.periods {
        if let Some(previous) = old_records.get(&record.period) {
            if *previous != record {
                record.updated_at = after(now, previous.updated_at);
            }
        }
    }
    let wanted_records: std::collections::BTreeSet<NaiveDate> =
        wanted.periods.iter().map(|r| r.period).collect();
    for previous in old
        .periods
        .iter()
        .filter(|r| !wanted_records.contains(&r.period))
    {
        result.periods.push(if is_blank(previous) {
            previous.clone()
        } else {
            blanked(previous, now)
        });
    }

    let old_rows: BTreeMap<(NaiveDate, Uuid), &ActivityRow> = old
        .activity
        .iter()
        .map(|r| ((r.period, r.executive), r))
        .collect();
    for row in &mut result.activity {
        if let Some(previous) = old_rows.get(&(row.period, row.executive)) {
            if *previous != row {
                row.updated_at = after(now, previous.updated_at);
            }
        }
    }
    let wanted_rows: std::collections::BTreeSet<(NaiveDate, Uuid)> = wanted
        .activity
        .iter()
        .map(|r| (r.period, r.executive))
        .collect();
    for previous in old
        .activity
        .iter()
        .filter(|r| !wanted_rows.contains(&(r.period, r.executive)))
    {
        result.activity.push(if previous.values.is_empty() {
            previous.clone()
        } else {
            emptied(previous, now)
        });
    }
    result
}
