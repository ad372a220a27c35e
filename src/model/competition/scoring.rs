//! Turning recorded activity into points and a ranking: caps, scoring modes, ties, movement, trends.

use super::{Competition, Period, Rules};
use crate::model::programme::{Executive, Network};
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
    /// The value ranked on: `score.points`, or `score.improvement` in MostImproved mode (`None` sorts
    /// after every known value and is ranked as 0 improvement … see scoring.rs docs).
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

/// The scoreboard of `periods[index]`.
pub fn scoreboard(
    competition: &Competition,
    executives: &[Executive],
    periods: &[Period],
    index: usize,
) -> Scoreboard {
    todo!()
}

/// Each league member's `score.points` in every period (`None` where they were not in that
/// period's league), for the trend lines.
pub fn trends(
    competition: &Competition,
    executives: &[Executive],
    periods: &[Period],
) -> BTreeMap<Uuid, Vec<Option<f64>>> {
    todo!()
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
pub fn running_summary(
    competition: &Competition,
    executives: &[Executive],
    today: chrono::NaiveDate,
) -> Option<RunningSummary> {
    todo!()
}
