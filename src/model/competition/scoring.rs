//! Turning recorded activity into points and a ranking: caps, scoring modes, ties, movement, trends.
//!
//! Scores must be transparent (the scoreboard shows a "why this score" line per KPI), so here is
//! every rule, in the order they apply:
//!
//! - **Rules of a period**: the rules kept when the period was closed (also while it is reopened),
//!   else the competition's current rules. The league is that rules' league, limited to live
//!   executives; a deleted executive or one outside the league never appears. League order does not
//!   matter.
//! - **Points per KPI line**: counted = min(recorded value, cap) (no cap = everything counts);
//!   capped = the value exceeded the cap; points = counted × points per unit. Points per unit that
//!   are negative or not a number (only possible in a hand-edited file) are worth 0. A KPI with
//!   nothing recorded counts 0. **Raw points** are the sum of the lines.
//! - **Raw mode**: points = raw points.
//! - **Normalised mode**: the KPI lines are grouped by network (KPIs without a network form one
//!   "all networks" group), groups in the order they first appear among the KPIs. For each group,
//!   the league's best raw points on it get 100: group points = group raw / best × 100 (0 when the
//!   best is 0). points = sum of the group points. Being the strongest on the intranet is then worth
//!   as much as being the strongest on LinkedIn.
//! - **Improvement** (every mode, shown; ranked on in most-improved mode): the previous period is the
//!   one just before in the list of periods. previous raw = the executive's raw points there, under
//!   *that* period's rules — only when something was recorded for them there. Nothing recorded last
//!   period means no improvement (`None`), not "improved from 0": a newcomer is not the most
//!   improved. improvement = raw − previous raw. The first period has no improvement for anyone.
//! - **Ranked on**: points (raw and normalised modes) or improvement (most-improved mode).
//! - **Order and ranks**: values are compared as the UI shows them, rounded to one decimal — two
//!   people both shown with 12.5 points tie. Higher first; unknown values (`None`) after every
//!   known one; ties ordered by name (case-insensitive), then id. Ranks are standard competition
//!   ranks: 1 + the number of people strictly better (1, 2, 2, 4); everyone without a value shares
//!   the rank after the last known value.
//! - **Movement**: the rank in the previous period's scoreboard (scored under its own rules and
//!   mode) against the rank now; "new" when there is no previous period or the executive was not
//!   ranked in it.
//! - **Winners**: a closed period names those stored when it was closed (minus executives deleted
//!   since). An open period shows who would win now: most social = everyone with the top points (as
//!   shown) when that top is above 0; most improved = everyone with the top improvement when it is
//!   above 0, whatever the scoring mode. Nobody otherwise.

use super::{ActivityRow, Competition, Kpi, Period, PeriodRecord, Rules, ScoringMode};
use crate::model::programme::{Executive, Network};
use chrono::NaiveDate;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use uuid::Uuid;

/// One KPI's part of an executive's score: the "why this score" line.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiLine {
    pub kpi: String,
    pub label: String,
    pub network: Option<Network>,
    /// What was recorded (0 when nothing was).
    pub value: u32,
    /// What counts after the cap.
    pub counted: u32,
    pub capped: bool,
    pub points_per_unit: f64,
    /// counted × points_per_unit.
    pub points: f64,
}

/// In normalised scoring, one network's part: its raw points, the league's best raw points on it,
/// and the normalised points (raw / best × 100; 0 when best is 0).
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkLine {
    pub network: Option<Network>,
    pub raw: f64,
    pub best: f64,
    pub points: f64,
}

/// One executive's score in one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// One line per KPI of the period's rules, in KPI order.
    pub lines: Vec<KpiLine>,
    /// Sum of the lines' points.
    pub raw: f64,
    /// Normalised scoring only: one line per network group, in order of first appearance.
    pub networks: Vec<NetworkLine>,
    /// The points shown: raw (Raw and MostImproved modes) or the sum of the network lines
    /// (Normalised).
    pub points: f64,
    /// Whether anything was recorded for the executive in this period.
    pub recorded: bool,
    /// Raw points in the previous period, when there is one and the executive had activity recorded
    /// in it.
    pub previous_raw: Option<f64>,
    /// raw − previous_raw, when previous_raw is known.
    pub improvement: Option<f64>,
}

/// Change of rank against the previous period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Movement {
    /// Up by this many places.
    Up(usize),
    Down(usize),
    Same,
    /// Not ranked in the previous period (first period, or not in its league).
    New,
}

/// One line of the scoreboard.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    pub executive: Uuid,
    /// 1-based; equal ranked values share a rank (1, 2, 2, 4). Values are compared as shown, to one
    /// decimal.
    pub rank: usize,
    pub score: Score,
    /// The value ranked on: `score.points`, or `score.improvement` in MostImproved mode. `None`
    /// (nothing recorded last period) sorts after every known value, and all of them share the rank
    /// after the last known one.
    pub ranked_on: Option<f64>,
    pub movement: Movement,
}

/// A period's scoreboard.
#[derive(Clone, Debug, PartialEq)]
pub struct Scoreboard {
    pub period: Period,
    pub rules: Rules,
    pub closed: bool,
    /// League members that are live executives, best first; ties by name.
    pub standings: Vec<Standing>,
    /// Closed: the names stored at closing. Open: who would win now (the leaders); empty when nobody
    /// scored.
    pub most_social: Vec<Uuid>,
    pub most_improved: Vec<Uuid>,
    /// The highest ranked_on value (for bar lengths), 0 when none is positive.
    pub best: f64,
    /// Whether a previous period exists (for movement and improvement).
    pub has_previous: bool,
    /// Whether anything is recorded for anyone in the period.
    pub any_activity: bool,
}

/// Each executive's rank in the scoreboard of the period before `periods[index]` (scored under its
/// own rules and mode), for the movement column: what [`scoreboard`] works out each time. The UI
/// keeps it while only `periods[index]`'s activity changes and passes it to [`scoreboard_with`],
/// so that a keystroke in the grid ranks one period, not two. Empty for the first period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PreviousRanks {
    /// (executive id, rank), sorted by id.
    ranks: Vec<(u128, usize)>,
}

impl PreviousRanks {
    fn get(&self, id: Uuid) -> Option<usize> {
        find_by_id(&self.ranks, id)
    }
}

/// The value for `id` in a list of (id, value) sorted by id.
fn find_by_id(sorted: &[(u128, usize)], id: Uuid) -> Option<usize> {
    let id = id.as_u128();
    sorted
        .binary_search_by_key(&id, |(key, _)| *key)
        .ok()
        .and_then(|at| sorted.get(at))
        .map(|(_, value)| *value)
}

/// See [`PreviousRanks`].
pub fn previous_ranks(
    competition: &Competition,
    executives: &[Executive],
    periods: &[Period],
    index: usize,
) -> PreviousRanks {
    let (Some(prev), before_previous) = with_previous(periods, index.checked_sub(1)) else {
        return PreviousRanks::default();
    };
    let roster = Roster::new(executives);
    let rows = RowIndex::of_periods(competition, &roster, [Some(prev), before_previous]);
    // One level only: the previous period's improvement needs the raw points of the period
    // before it, not that period's ranking.
    let tally = PeriodTally::new(competition, &roster, &rows, prev.start);
    let before = earlier_raw(competition, &roster, &rows, before_previous);
    let values: Vec<(usize, Option<f64>)> = tally
        .scores
        .iter()
        .map(|s| {
            let earlier = before.get(s.slot).copied().flatten();
            (s.slot, ranked_value(tally.rules.scoring, s, earlier))
        })
        .collect();
    let mut ranks: Vec<(u128, usize)> = ranking(&values, &roster)
        .into_iter()
        .filter_map(|(i, rank)| {
            let (slot, _) = values.get(i)?;
            Some((roster.id(*slot).as_u128(), rank))
        })
        .collect();
    ranks.sort_unstable();
    PreviousRanks { ranks }
}

/// `periods[at]` and the period just before it, each when it exists.
fn with_previous(periods: &[Period], at: Option<usize>) -> (Option<Period>, Option<Period>) {
    let Some(at) = at else {
        return (None, None);
    };
    let before = at.checked_sub(1).and_then(|i| periods.get(i)).copied();
    (periods.get(at).copied(), before)
}

/// Raw points in an earlier period (none: no period), for those with something recorded there;
/// by roster slot.
fn earlier_raw(
    competition: &Competition,
    roster: &Roster,
    rows: &RowIndex,
    earlier: Option<Period>,
) -> Vec<Option<f64>> {
    match earlier {
        None => vec![None; roster.len()],
        Some(p) => {
            let plan = Plan::new(rules_of(competition, p.start));
            rows.grid(p.start, roster.len())
                .into_iter()
                .map(|row| raw_if_recorded(&plan, row))
                .collect()
        }
    }
}

/// The scoreboard of `periods[index]`.
///
/// Cost: one pass over the competition's activity to pick out the rows of this period and the two
/// before it (needed for improvement and for the previous period's ranks), then work proportional
/// to the league × KPIs — no scan of the activity per executive and no hashing per value, since
/// the scoreboard is re-ranked on every keystroke of the activity grid. An `index` outside
/// `periods` (which the UI never passes) gives an empty scoreboard rather than a panic.
pub fn scoreboard(
    competition: &Competition,
    executives: &[Executive],
    periods: &[Period],
    index: usize,
) -> Scoreboard {
    let previous = previous_ranks(competition, executives, periods, index);
    scoreboard_with(competition, executives, periods, index, &previous)
}

/// [`scoreboard`], with the previous period's ranks already worked out by [`previous_ranks`] for
/// the same competition, executives, periods and index (only this period's activity may differ).
pub fn scoreboard_with(
    competition: &Competition,
    executives: &[Executive],
    periods: &[Period],
    index: usize,
    previous_ranking: &PreviousRanks,
) -> Scoreboard {
    let (Some(period), previous) = with_previous(periods, Some(index)) else {
        return empty_board(competition, index);
    };
    let roster = Roster::new(executives);
    let rows = RowIndex::of_periods(competition, &roster, [Some(period), previous]);

    let current = PeriodTally::new(competition, &roster, &rows, period.start);
    let previous_raw = earlier_raw(competition, &roster, &rows, previous);
    let previous_ranks: Vec<Option<usize>> = (0..roster.len())
        .map(|slot| previous_ranking.get(roster.id(slot)))
        .collect();

    let rules = current.rules;
    // Each entry is taken out once, in ranking order, into its standing.
    let mut scores: Vec<Option<(usize, Score, Option<f64>)>> = current
        .scores
        .iter()
        .enumerate()
        .map(|(i, tally)| {
            let previous_raw = previous_raw.get(tally.slot).copied().flatten();
            let improvement = previous_raw.map(|p| sane(tally.raw - p));
            let ranked_on = ranked_value(rules.scoring, tally, previous_raw);
            let networks = match rules.scoring {
                ScoringMode::Normalised => current
                    .plan
                    .groups
                    .iter()
                    .zip(current.groups_of(i))
                    .zip(&current.bests)
                    .map(|((network, raw), best)| NetworkLine {
                        network: *network,
                        raw: *raw,
                        best: *best,
                        points: normalised(*raw, *best),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let score = Score {
                lines: current.plan.lines(current.row(tally.slot)),
                raw: tally.raw,
                networks,
                points: tally.points,
                recorded: tally.recorded,
                previous_raw,
                improvement,
            };
            Some((tally.slot, score, ranked_on))
        })
        .collect();

    let values: Vec<(usize, Option<f64>)> = scores
        .iter()
        .flatten()
        .map(|(slot, _, value)| (*slot, *value))
        .collect();
    let standings: Vec<Standing> = ranking(&values, &roster)
        .into_iter()
        .filter_map(|(i, rank)| {
            let (slot, score, ranked_on) = scores.get_mut(i)?.take()?;
            let movement = match previous_ranks.get(slot).copied().flatten() {
                Some(before) if before > rank => Movement::Up(before - rank),
                Some(before) if before < rank => Movement::Down(rank - before),
                Some(_) => Movement::Same,
                None => Movement::New,
            };
            Some(Standing {
                executive: roster.id(slot),
                rank,
                score,
                ranked_on,
                movement,
            })
        })
        .collect();

    let record = record_of(competition, period.start);
    let closed = record.is_some_and(|r| r.closed);
    let (most_social, most_improved) = match record.filter(|r| r.closed) {
        Some(record) => (
            stored_winners(&record.most_social, &roster),
            stored_winners(&record.most_improved, &roster),
        ),
        None => (
            leaders(&standings, &roster, |s| Some(s.score.points)),
            leaders(&standings, &roster, |s| s.score.improvement),
        ),
    };
    let best = standings
        .iter()
        .filter_map(|s| s.ranked_on)
        .fold(0.0_f64, f64::max);
    Scoreboard {
        period,
        rules: rules.clone(),
        closed,
        most_social,
        most_improved,
        best,
        has_previous: previous.is_some(),
        any_activity: current.scores.iter().any(|s| s.recorded),
        standings,
    }
}

/// Each league member's `score.points` in every period (`None` where they were not in that
/// period's league), for the trend lines.
///
/// The members are the live executives of the competition's *current* league; each period is
/// scored under its own rules (kept rules for closed periods) and mode, exactly as its scoreboard
/// shows `score.points`. The activity is indexed once for all periods, so 500 executives × 24
/// periods take a few milliseconds.
pub fn trends(
    competition: &Competition,
    executives: &[Executive],
    periods: &[Period],
) -> BTreeMap<Uuid, Vec<Option<f64>>> {
    let roster = Roster::new(executives);
    let tracked = league_members(&competition.settings.rules, &roster);
    if tracked.is_empty() {
        return BTreeMap::new();
    }
    let mut lines: Vec<Option<Vec<Option<f64>>>> = vec![None; roster.len()];
    for slot in &tracked {
        if let Some(line) = lines.get_mut(*slot) {
            *line = Some(vec![None; periods.len()]);
        }
    }
    let starts: Vec<NaiveDate> = periods.iter().map(|p| p.start).collect();
    let rows = RowIndex::new(competition, &roster, &starts);
    for (i, period) in periods.iter().enumerate() {
        let tally = PeriodTally::new(competition, &roster, &rows, period.start);
        for score in &tally.scores {
            let point = lines
                .get_mut(score.slot)
                .and_then(Option::as_mut)
                .and_then(|line| line.get_mut(i));
            if let Some(point) = point {
                *point = Some(score.points);
            }
        }
    }
    lines
        .into_iter()
        .enumerate()
        .filter_map(|(slot, line)| Some((roster.id(slot), line?)))
        .collect()
}

/// What the dashboard shows of a running competition.
#[derive(Clone, Debug, PartialEq)]
pub struct RunningSummary {
    pub competition: Uuid,
    pub name: String,
    pub period: Period,
    pub days_left: i64,
    /// The current leaders (empty when nobody has scored yet).
    pub leaders: Vec<Uuid>,
    pub points: f64,
}

/// The period running on `today` of a live competition, with its leaders; `None` when no period
/// runs today.
///
/// The leaders are the scoreboard's most social executives (the stored winners if that period was
/// closed early) and `points` is their `score.points` (0 when there are none).
pub fn running_summary(
    competition: &Competition,
    executives: &[Executive],
    today: NaiveDate,
) -> Option<RunningSummary> {
    if competition.settings.deleted {
        return None;
    }
    let periods = super::generate_periods(&competition.settings, today);
    let index = periods.iter().rposition(|p| p.contains(today))?;
    let board = scoreboard(competition, executives, &periods, index);
    let points = board
        .most_social
        .iter()
        .find_map(|leader| board.standings.iter().find(|s| s.executive == *leader))
        .map_or(0.0, |s| s.score.points);
    Some(RunningSummary {
        competition: competition.settings.id,
        name: competition.settings.name.clone(),
        period: board.period,
        days_left: board.period.days_left(today),
        leaders: board.most_social,
        points,
    })
}

// --- Helpers ------------------------------------------------------------------------------------
//
// Scoring works on "slots": each live executive's position in a [`Roster`], so that per-period
// lookups are plain vector accesses rather than hashing ids again for every period and value.

/// The live executives, each with a slot (their position here), found by id with a binary search.
/// Should an id repeat, the first live copy counts.
struct Roster<'a> {
    executives: Vec<&'a Executive>,
    /// (id, slot), sorted by id.
    by_id: Vec<(u128, usize)>,
}

impl<'a> Roster<'a> {
    fn new(executives: &'a [Executive]) -> Self {
        let mut live: Vec<&Executive> = executives.iter().filter(|e| !e.deleted).collect();
        // Stable: among equal ids the first copy stays first, and `dedup_by_key` keeps it.
        live.sort_by_key(|e| e.id.as_u128());
        live.dedup_by_key(|e| e.id.as_u128());
        let by_id = live
            .iter()
            .enumerate()
            .map(|(slot, e)| (e.id.as_u128(), slot))
            .collect();
        Roster {
            executives: live,
            by_id,
        }
    }

    fn len(&self) -> usize {
        self.executives.len()
    }

    fn slot(&self, id: Uuid) -> Option<usize> {
        find_by_id(&self.by_id, id)
    }

    fn id(&self, slot: usize) -> Uuid {
        self.executives.get(slot).map_or(Uuid::nil(), |e| e.id)
    }

    /// The name an executive is sorted by: case-insensitive.
    fn sort_name(&self, slot: usize) -> String {
        self.executives
            .get(slot)
            .map(|e| e.name.trim().to_lowercase())
            .unwrap_or_default()
    }
}

/// The activity rows of some periods by (period, slot), from one pass over the activity. Rows of
/// executives not on the roster (deleted) are left out. Should two rows share a key (never after a
/// merge), the first one counts.
struct RowIndex<'a> {
    /// (period start, slot, row), sorted by period then slot.
    rows: Vec<(NaiveDate, usize, &'a ActivityRow)>,
}

impl<'a> RowIndex<'a> {
    /// The rows of these periods (those that exist).
    fn of_periods(
        competition: &'a Competition,
        roster: &Roster,
        periods: [Option<Period>; 2],
    ) -> Self {
        let starts: Vec<NaiveDate> = periods.into_iter().flatten().map(|p| p.start).collect();
        RowIndex::new(competition, roster, &starts)
    }

    fn new(competition: &'a Competition, roster: &Roster, starts: &[NaiveDate]) -> Self {
        let mut wanted = starts.to_vec();
        wanted.sort_unstable();
        let mut rows: Vec<(NaiveDate, usize, &ActivityRow)> = competition
            .activity
            .iter()
            .filter(|row| wanted.binary_search(&row.period).is_ok())
            .filter_map(|row| Some((row.period, roster.slot(row.executive)?, row)))
            .collect();
        // Stable, so that the first of two rows with the same key stays first.
        rows.sort_by_key(|(period, slot, _)| (*period, *slot));
        RowIndex { rows }
    }

    /// One period's rows by slot.
    fn grid(&self, start: NaiveDate, slots: usize) -> Vec<Option<&'a ActivityRow>> {
        let mut grid = vec![None; slots];
        let from = self.rows.partition_point(|(period, _, _)| *period < start);
        let of_period = self.rows.iter().skip(from);
        for (_, slot, row) in of_period.take_while(|(period, _, _)| *period == start) {
            if let Some(cell) = grid.get_mut(*slot) {
                if cell.is_none() {
                    *cell = Some(*row);
                }
            }
        }
        grid
    }
}

/// The league's live members as slots, each once, in league order.
fn league_members(rules: &Rules, roster: &Roster) -> Vec<usize> {
    let mut seen = vec![false; roster.len()];
    rules
        .league
        .iter()
        .filter_map(|id| roster.slot(*id))
        .filter(|slot| match seen.get_mut(*slot) {
            Some(seen) if !*seen => {
                *seen = true;
                true
            }
            _ => false,
        })
        .collect()
}

fn record_of(competition: &Competition, period: NaiveDate) -> Option<&PeriodRecord> {
    competition.periods.iter().find(|r| r.period == period)
}

/// The rules a period is scored under: those kept when it was closed, else the current ones.
fn rules_of(competition: &Competition, period: NaiveDate) -> &Rules {
    record_of(competition, period)
        .and_then(|r| r.rules.as_ref())
        .unwrap_or(&competition.settings.rules)
}

/// A number safe to add, compare and divide: NaN (only reachable through absurd stored points)
/// counts as 0 and overflow stops at the largest finite value.
fn sane(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(-f64::MAX, f64::MAX)
    }
}

/// Points per unit as scored: a negative or non-finite value (only possible in a hand-edited
/// file) is worth nothing rather than turning the scoreboard upside down.
fn points_per_unit(kpi: &Kpi) -> f64 {
    if kpi.points.is_finite() && kpi.points > 0.0 {
        kpi.points
    } else {
        0.0
    }
}

/// raw / best × 100, the league's best on the network getting 100; 0 when nobody scored there.
fn normalised(raw: f64, best: f64) -> f64 {
    if best > 0.0 {
        sane(raw / best * 100.0)
    } else {
        0.0
    }
}

/// What counts of a recorded value: at most the cap.
fn counted(value: u32, cap: Option<u32>) -> u32 {
    cap.map_or(value, |cap| value.min(cap))
}

/// A period's rules prepared for scoring many executives: each KPI with its points per unit and
/// network group, and the groups in order of first appearance.
struct Plan<'a> {
    kpis: Vec<(&'a Kpi, f64, usize)>,
    groups: Vec<Option<Network>>,
}

impl<'a> Plan<'a> {
    fn new(rules: &'a Rules) -> Self {
        let mut groups: Vec<Option<Network>> = Vec::new();
        let kpis = rules
            .kpis
            .iter()
            .map(|kpi| {
                let group = match groups.iter().position(|g| *g == kpi.network) {
                    Some(at) => at,
                    None => {
                        groups.push(kpi.network);
                        groups.len() - 1
                    }
                };
                (kpi, points_per_unit(kpi), group)
            })
            .collect();
        Plan { kpis, groups }
    }

    /// Raw points of one row, adding each KPI's points to its network group in `groups`.
    fn raw(&self, row: Option<&ActivityRow>, groups: &mut [f64]) -> f64 {
        let mut raw = 0.0;
        let Some(row) = row.filter(|r| !r.values.is_empty()) else {
            return raw;
        };
        for (kpi, per_unit, group) in &self.kpis {
            let value = row.values.get(&kpi.id).copied().unwrap_or(0);
            let points = sane(f64::from(counted(value, kpi.cap)) * per_unit);
            raw = sane(raw + points);
            if let Some(total) = groups.get_mut(*group) {
                *total = sane(*total + points);
            }
        }
        raw
    }

    /// The "why this score" lines of one row, one per KPI in KPI order.
    fn lines(&self, row: Option<&ActivityRow>) -> Vec<KpiLine> {
        self.kpis
            .iter()
            .map(|(kpi, per_unit, _)| {
                let value = row
                    .and_then(|r| r.values.get(&kpi.id))
                    .copied()
                    .unwrap_or(0);
                let counted = counted(value, kpi.cap);
                KpiLine {
                    kpi: kpi.id.clone(),
                    label: if kpi.label.trim().is_empty() {
                        kpi.kind.label().to_string()
                    } else {
                        kpi.label.clone()
                    },
                    network: kpi.network,
                    value,
                    counted,
                    capped: kpi.cap.is_some_and(|cap| value > cap),
                    points_per_unit: *per_unit,
                    points: sane(f64::from(counted) * per_unit),
                }
            })
            .collect()
    }
}

/// Raw points in a period under its plan, only when something was recorded for the executive
/// there: an executive with nothing recorded last period has no improvement (not "improved from
/// 0"), so a newcomer is never the most improved.
fn raw_if_recorded(plan: &Plan, row: Option<&ActivityRow>) -> Option<f64> {
    let row = row.filter(|r| !r.values.is_empty())?;
    Some(plan.raw(Some(row), &mut []))
}

/// One league member's totals in one period.
struct Tally {
    slot: usize,
    raw: f64,
    points: f64,
    recorded: bool,
}

/// A period scored under its own rules: every live league member's totals and, for normalised
/// scoring, the league's best raw points per network group.
struct PeriodTally<'a> {
    rules: &'a Rules,
    plan: Plan<'a>,
    /// The period's rows by slot.
    grid: Vec<Option<&'a ActivityRow>>,
    /// League members in league order.
    scores: Vec<Tally>,
    /// Raw points per member and network group: `plan.groups.len()` values per member, in
    /// `scores` order.
    groups: Vec<f64>,
    /// The best raw points per network group.
    bests: Vec<f64>,
}

impl<'a> PeriodTally<'a> {
    fn new(
        competition: &'a Competition,
        roster: &Roster,
        rows: &RowIndex<'a>,
        start: NaiveDate,
    ) -> Self {
        let rules = rules_of(competition, start);
        let plan = Plan::new(rules);
        let grid = rows.grid(start, roster.len());
        let members = league_members(rules, roster);
        let width = plan.groups.len();
        let mut groups = vec![0.0_f64; members.len() * width];
        let mut bests = vec![0.0_f64; width];
        let mut scores: Vec<Tally> = Vec::with_capacity(members.len());
        for (i, slot) in members.into_iter().enumerate() {
            let own = groups
                .get_mut(i * width..(i + 1) * width)
                .unwrap_or(&mut []);
            let row = grid.get(slot).copied().flatten();
            let raw = plan.raw(row, own);
            for (best, group) in bests.iter_mut().zip(own.iter()) {
                *best = best.max(*group);
            }
            scores.push(Tally {
                slot,
                raw,
                points: raw,
                recorded: row.is_some_and(|r| !r.values.is_empty()),
            });
        }
        if rules.scoring == ScoringMode::Normalised {
            for (i, tally) in scores.iter_mut().enumerate() {
                let own = groups.get(i * width..(i + 1) * width).unwrap_or(&[]);
                tally.points = own
                    .iter()
                    .zip(&bests)
                    .fold(0.0, |sum, (raw, best)| sane(sum + normalised(*raw, *best)));
            }
        }
        PeriodTally {
            rules,
            plan,
            grid,
            scores,
            groups,
            bests,
        }
    }

    /// The raw points per network group of the `i`th member.
    fn groups_of(&self, i: usize) -> &[f64] {
        let width = self.plan.groups.len();
        self.groups.get(i * width..(i + 1) * width).unwrap_or(&[])
    }

    fn row(&self, slot: usize) -> Option<&'a ActivityRow> {
        self.grid.get(slot).copied().flatten()
    }
}

/// The value an executive is ranked on: their points, or in most-improved mode their improvement
/// (`None` when nothing was recorded for them in the previous period).
fn ranked_value(mode: ScoringMode, tally: &Tally, previous_raw: Option<f64>) -> Option<f64> {
    match mode {
        ScoringMode::Raw | ScoringMode::Normalised => Some(tally.points),
        ScoringMode::MostImproved => previous_raw.map(|p| sane(tally.raw - p)),
    }
}

/// A value as the UI shows it, in tenths, for comparing: 10.04 and 9.96 both read "10" and tie.
/// (−0 is made +0 so that a tiny loss and a tiny gain tie too.)
fn shown(value: f64) -> f64 {
    let tenths = (value * 10.0).round();
    if tenths == 0.0 {
        0.0
    } else {
        tenths
    }
}

/// Orders `(slot, ranked value)` pairs best first — higher shown value, unknown values last, then
/// name (case-insensitive), then id — and gives each its standard competition rank: 1 + the number
/// of values strictly better as shown (1, 2, 2, 4). Unknown values share the rank after the last
/// known one. Returns (index into `values`, rank) in order.
fn ranking(values: &[(usize, Option<f64>)], roster: &Roster) -> Vec<(usize, usize)> {
    let mut keyed: Vec<(usize, Option<f64>, String, u128)> = values
        .iter()
        .enumerate()
        .map(|(i, (slot, value))| {
            let id = roster.id(*slot).as_u128();
            (i, value.map(shown), roster.sort_name(*slot), id)
        })
        .collect();
    keyed.sort_by(|a, b| {
        let by_value = match (a.1, b.1) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_value
            .then_with(|| a.2.cmp(&b.2))
            .then_with(|| a.3.cmp(&b.3))
    });
    let mut out = Vec::with_capacity(keyed.len());
    let mut previous: Option<(Option<f64>, usize)> = None;
    for (position, (i, key, _, _)) in keyed.into_iter().enumerate() {
        let rank = match previous {
            Some((last, rank)) if last == key => rank,
            _ => position + 1,
        };
        previous = Some((key, rank));
        out.push((i, rank));
    }
    out
}

/// Everyone sharing the top value (as shown) when that top is above 0, ordered by name then id.
fn leaders(
    standings: &[Standing],
    roster: &Roster,
    value: impl Fn(&Standing) -> Option<f64>,
) -> Vec<Uuid> {
    let top = standings
        .iter()
        .filter_map(|s| value(s).map(shown))
        .fold(0.0_f64, f64::max);
    if top <= 0.0 {
        return Vec::new();
    }
    let mut winners: Vec<(String, Uuid)> = standings
        .iter()
        .filter(|s| value(s).map(shown) == Some(top))
        .map(|s| {
            let name = roster
                .slot(s.executive)
                .map(|slot| roster.sort_name(slot))
                .unwrap_or_default();
            (name, s.executive)
        })
        .collect();
    winners.sort();
    winners.into_iter().map(|(_, id)| id).collect()
}

/// Winners stored at closing, without any executive deleted since (each once).
fn stored_winners(stored: &[Uuid], roster: &Roster) -> Vec<Uuid> {
    let mut out: Vec<Uuid> = Vec::with_capacity(stored.len());
    for id in stored {
        if roster.slot(*id).is_some() && !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

/// The scoreboard for an index outside the periods: nothing to rank.
fn empty_board(competition: &Competition, index: usize) -> Scoreboard {
    let start = competition.settings.start;
    Scoreboard {
        period: Period {
            index,
            start,
            end: start,
            kind: competition.settings.period_kind,
        },
        rules: competition.settings.rules.clone(),
        closed: false,
        standings: Vec::new(),
        most_social: Vec::new(),
        most_improved: Vec::new(),
        best: 0.0,
        has_previous: false,
        any_activity: false,
    }
}
