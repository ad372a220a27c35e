//! Step 6 — make a competition: the KPIs and their points, the periods, the activity recorded per
//! executive and period, the scoreboard, and closing a period with its winners and note.
//!
//! Stored shape (inside a programme): a [`Competition`] is its [`CompetitionSettings`] (one record,
//! latest edit wins), one [`PeriodRecord`] per period that was ever closed (keyed by the period's
//! first day), and one [`ActivityRow`] per executive and period (keyed by both). Merging two copies
//! merges each of the three record by record, so two people filling different executives' rows never
//! overwrite each other.
//!
//! Rules that keep the scores honest: a closed period is locked (activity edits are refused until it
//! is reopened, and reopening is recorded with its date); closing a period keeps a copy of the rules
//! it was scored under ([`Rules`]), so later changes to KPIs, points or the league never re-score it
//! (no silent back-dating); caps per KPI keep volume alone from winning.

mod activity_format;
mod edit;
mod note;
mod periods;
mod scoring;

pub use edit::{merge_competitions, new_kpi};
pub use note::{certificates, congratulation_note, mailto_link, note_subject, Certificate};
pub use periods::{generate_periods, period_containing, Period, MAX_PERIODS};
pub use scoring::{
    previous_ranks, running_summary, scoreboard, scoreboard_with, trends, KpiLine, Movement,
    NetworkLine, PreviousRanks, RunningSummary, Score, Scoreboard, Standing,
};

use super::dates::{iso, rfc3339};
use super::programme::Network;
use super::record::{is_false, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// How long each period of a competition lasts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Weekly,
    #[default]
    Monthly,
    Quarterly,
    /// Periods of [`CompetitionSettings::custom_days`] days each (a single custom range when the
    /// competition's `end` is the last day of the first period).
    Custom,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 4] = [
        PeriodKind::Monthly,
        PeriodKind::Weekly,
        PeriodKind::Quarterly,
        PeriodKind::Custom,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PeriodKind::Weekly => "Weekly",
            PeriodKind::Monthly => "Monthly",
            PeriodKind::Quarterly => "Quarterly",
            PeriodKind::Custom => "Custom length",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            PeriodKind::Weekly => "weekly",
            PeriodKind::Monthly => "monthly",
            PeriodKind::Quarterly => "quarterly",
            PeriodKind::Custom => "custom",
        }
    }

    pub fn from_key(key: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// What a KPI counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiKind {
    Posts,
    Comments,
    Reactions,
    Shares,
    FollowersGained,
    ProfileViews,
    IntranetPosts,
    Custom,
}

impl KpiKind {
    pub const ALL: [KpiKind; 8] = [
        KpiKind::Posts,
        KpiKind::Comments,
        KpiKind::Reactions,
        KpiKind::Shares,
        KpiKind::FollowersGained,
        KpiKind::ProfileViews,
        KpiKind::IntranetPosts,
        KpiKind::Custom,
    ];

    /// The default name of a KPI of this kind.
    pub fn label(self) -> &'static str {
        match self {
            KpiKind::Posts => "Posts",
            KpiKind::Comments => "Comments",
            KpiKind::Reactions => "Reactions",
            KpiKind::Shares => "Shares / reposts",
            KpiKind::FollowersGained => "Followers gained",
            KpiKind::ProfileViews => "Profile views",
            KpiKind::IntranetPosts => "Intranet posts",
            KpiKind::Custom => "Custom",
        }
    }

    /// The id of a built-in KPI of this kind (`"posts"`, …); custom KPIs get `custom-1`, `custom-2` ….
    pub fn key(self) -> &'static str {
        match self {
            KpiKind::Posts => "posts",
            KpiKind::Comments => "comments",
            KpiKind::Reactions => "reactions",
            KpiKind::Shares => "shares",
            KpiKind::FollowersGained => "followers_gained",
            KpiKind::ProfileViews => "profile_views",
            KpiKind::IntranetPosts => "intranet_posts",
            KpiKind::Custom => "custom",
        }
    }

    pub fn from_key(key: &str) -> Option<KpiKind> {
        KpiKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Suggested points per unit for a new KPI of this kind.
    pub fn default_points(self) -> f64 {
        match self {
            KpiKind::Posts | KpiKind::IntranetPosts => 10.0,
            KpiKind::Comments => 3.0,
            KpiKind::Reactions => 0.5,
            KpiKind::Shares => 5.0,
            KpiKind::FollowersGained => 1.0,
            KpiKind::ProfileViews => 0.1,
            KpiKind::Custom => 1.0,
        }
    }
}

/// One thing the competition counts, and what it is worth.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    /// Stable id within the competition: the kind's key for built-in KPIs, `custom-N` for others.
    /// Activity values are stored under it.
    pub id: String,
    pub kind: KpiKind,
    /// The name shown; for built-in kinds the kind's label unless the user renamed it.
    #[serde(default)]
    pub label: String,
    /// Points per unit (≥ 0; decimals allowed).
    pub points: f64,
    /// At most this many units count per executive and period (against volume-gaming).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<u32>,
    /// The network the KPI is measured on, for per-network normalised scoring; `None` = all
    /// networks together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<Network>,
}

/// How the scoreboard turns activity into a ranking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoringMode {
    /// Sum of capped units × points per unit.
    #[default]
    Raw,
    /// Points per network are scaled so that the league's best on each network gets 100: being
    /// strong on the intranet counts as much as being strong on LinkedIn.
    Normalised,
    /// Raw points this period minus raw points in the previous period.
    MostImproved,
}

impl ScoringMode {
    pub const ALL: [ScoringMode; 3] = [
        ScoringMode::Raw,
        ScoringMode::Normalised,
        ScoringMode::MostImproved,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ScoringMode::Raw => "Raw points",
            ScoringMode::Normalised => "Per-network normalised",
            ScoringMode::MostImproved => "Most improved vs previous period",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ScoringMode::Raw => "raw",
            ScoringMode::Normalised => "normalised",
            ScoringMode::MostImproved => "most_improved",
        }
    }

    pub fn from_key(key: &str) -> Option<ScoringMode> {
        ScoringMode::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// What a period is scored under: the KPIs, the scoring mode and the league.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    pub kpis: Vec<Kpi>,
    #[serde(default)]
    pub scoring: ScoringMode,
    /// The eligible executives, in the order the user added them.
    #[serde(default)]
    pub league: Vec<Uuid>,
}

/// A competition's own settings: one record whose id is the competition's id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompetitionSettings {
    pub id: Uuid,
    #[serde(with = "rfc3339")]
    pub created_at: Timestamp,
    #[serde(with = "rfc3339")]
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    pub name: String,
    #[serde(default)]
    pub period_kind: PeriodKind,
    /// The first day of the first period.
    #[serde(with = "iso")]
    pub start: NaiveDate,
    /// The last day of the competition; `None` = runs on, one period after another.
    #[serde(default, with = "iso::option", skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// Days per period when `period_kind` is [`PeriodKind::Custom`] (1–366).
    #[serde(default = "default_custom_days")]
    pub custom_days: u16,
    /// The rules open periods are scored under.
    pub rules: Rules,
}

/// A new custom-length competition runs in two-week periods unless the user says otherwise.
pub const DEFAULT_CUSTOM_DAYS: u16 = 14;

fn default_custom_days() -> u16 {
    DEFAULT_CUSTOM_DAYS
}
super::record::impl_record!(CompetitionSettings);

/// What happened to a period: closing it or reopening it, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodAction {
    Closed,
    Reopened,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodEvent {
    pub action: PeriodAction,
    #[serde(with = "rfc3339")]
    pub at: Timestamp,
}

/// The state of one period that has been closed at least once. Periods never closed have none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodRecord {
    /// The period's first day (its key within the competition).
    #[serde(with = "iso")]
    pub period: NaiveDate,
    #[serde(with = "rfc3339")]
    pub updated_at: Timestamp,
    pub closed: bool,
    /// Every close and reopen, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<PeriodEvent>,
    /// The rules the period was scored under when it was (last) closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Rules>,
    /// Named when the period was (last) closed: the most social executive(s) (ties share the title)…
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub most_social: Vec<Uuid>,
    /// …and the most improved vs the previous period (empty when nobody improved or there is no
    /// previous period).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub most_improved: Vec<Uuid>,
    /// The congratulation note as the user edited it; `None` while the generated one is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The activity of one executive in one period: a count per KPI id. A KPI without a value has
/// nothing recorded (counts as 0).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivityRow {
    /// The period's first day.
    #[serde(with = "iso")]
    pub period: NaiveDate,
    pub executive: Uuid,
    #[serde(default)]
    pub values: BTreeMap<String, u32>,
    #[serde(with = "rfc3339")]
    pub updated_at: Timestamp,
}

/// A competition with its period states and recorded activity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Competition {
    pub settings: CompetitionSettings,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<PeriodRecord>,
    /// Stored as one compact table (KPI ids named once), not one object per row: see
    /// `activity_format`.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "activity_format"
    )]
    pub activity: Vec<ActivityRow>,
}

/// Why a change to a competition was refused; the text is what the user is told.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CompetitionError {
    #[error("{0} is closed, so its activity is locked. Reopen the period to change it (reopening is recorded).")]
    Closed(String),
    #[error("{0} is already closed.")]
    AlreadyClosed(String),
    #[error("{0} is not closed.")]
    NotClosed(String),
    #[error("{0} has not started yet.")]
    NotStarted(String),
    #[error("{0} is not in this competition's league.")]
    NotInLeague(String),
    #[error("There is no KPI “{0}” in this competition.")]
    UnknownKpi(String),
    #[error("The period type, start and length cannot change once activity is recorded or a period is closed — they would move recorded activity to other periods — and the end date cannot come before a period that has activity. Start a new competition instead.")]
    PeriodsFixed,
}
