//! Step 2 — Link to business goals: each executive's goals, audiences, emphasis and content themes,
//! and the "Why social, for you" pitch generated from them.

use super::programme::Executive;
use serde::{Deserialize, Serialize};

/// A business goal from the catalogue, or the executive's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    WinDeals,
    RecruitTalent,
    LaunchProduct,
    ThoughtLeadership,
    LeadChange,
    InvestorConfidence,
    CustomerLoyalty,
    PartnerEcosystem,
    /// Written by the user: the goal is in [`Goal::detail`].
    Custom,
}

/// One goal of one executive. `detail` names the field, product or custom goal ("thought leadership
/// in supply-chain analytics", "launch of the forecasting suite").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub kind: GoalKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// Whom an executive wants to reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Customers,
    Prospects,
    Employees,
    Candidates,
    Partners,
    Investors,
    Media,
}

/// Where the executive's social activity should mostly happen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Emphasis {
    Internal,
    #[default]
    Balanced,
    External,
}

impl GoalKind {
    /// The goals a user picks from, in the order the Goals page lists them (everything but
    /// [`GoalKind::Custom`], which is "write your own").
    pub const CATALOGUE: [GoalKind; 8] = [
        GoalKind::WinDeals,
        GoalKind::RecruitTalent,
        GoalKind::LaunchProduct,
        GoalKind::ThoughtLeadership,
        GoalKind::LeadChange,
        GoalKind::InvestorConfidence,
        GoalKind::CustomerLoyalty,
        GoalKind::PartnerEcosystem,
    ];

    /// The goal as the catalogue names it.
    pub fn label(self) -> &'static str {
        match self {
            GoalKind::WinDeals => "Win deals",
            GoalKind::RecruitTalent => "Recruit talent",
            GoalKind::LaunchProduct => "Launch a product",
            GoalKind::ThoughtLeadership => "Thought leadership",
            GoalKind::LeadChange => "Lead change internally",
            GoalKind::InvestorConfidence => "Investor confidence",
            GoalKind::CustomerLoyalty => "Customer loyalty",
            GoalKind::PartnerEcosystem => "Partner ecosystem",
            GoalKind::Custom => "Own goal",
        }
    }

    /// The id used in stored data and files (`"win_deals"`, …) — the serde name.
    pub fn key(self) -> &'static str {
        match self {
            GoalKind::WinDeals => "win_deals",
            GoalKind::RecruitTalent => "recruit_talent",
            GoalKind::LaunchProduct => "launch_product",
            GoalKind::ThoughtLeadership => "thought_leadership",
            GoalKind::LeadChange => "lead_change",
            GoalKind::InvestorConfidence => "investor_confidence",
            GoalKind::CustomerLoyalty => "customer_loyalty",
            GoalKind::PartnerEcosystem => "partner_ecosystem",
            GoalKind::Custom => "custom",
        }
    }

    /// The goal with this [`key`](GoalKind::key), if any.
    pub fn from_key(key: &str) -> Option<GoalKind> {
        GoalKind::CATALOGUE
            .into_iter()
            .chain([GoalKind::Custom])
            .find(|kind| kind.key() == key)
    }

    /// The label of the detail field for goals that take one (the field, the product, the goal
    /// itself); `None` for goals that stand on their own.
    pub fn detail_label(self) -> Option<&'static str> {
        match self {
            GoalKind::ThoughtLeadership => Some("In which field?"),
            GoalKind::LaunchProduct => Some("Which product or launch?"),
            GoalKind::Custom => Some("The goal, in their words"),
            _ => None,
        }
    }
}

impl Goal {
    pub fn new(kind: GoalKind, detail: impl Into<String>) -> Self {
        Goal {
            kind,
            detail: detail.into(),
        }
    }

    /// The goal in one phrase: "Thought leadership in supply-chain analytics", "Launch: the
    /// forecasting suite", a custom goal as written; the label alone when there is no detail.
    /// Runs of spaces and line breaks in the detail become single spaces.
    pub fn describe(&self) -> String {
        let detail = tidy(&self.detail);
        if detail.is_empty() {
            return self.kind.label().to_string();
        }
        match self.kind {
            GoalKind::Custom => detail,
            GoalKind::ThoughtLeadership => {
                // "in supply-chain analytics" typed with its "in" must not read "in in".
                let field = strip_prefix_ignoring_case(&detail, "in ").unwrap_or(&detail);
                format!("Thought leadership in {field}")
            }
            GoalKind::LaunchProduct => format!("Launch: {detail}"),
            other => format!("{}: {detail}", other.label()),
        }
    }

    /// A custom goal without words says nothing: it does not count as a goal.
    pub fn is_meaningful(&self) -> bool {
        self.kind != GoalKind::Custom || !self.detail.trim().is_empty()
    }
}

impl Audience {
    pub const ALL: [Audience; 7] = [
        Audience::Customers,
        Audience::Prospects,
        Audience::Employees,
        Audience::Candidates,
        Audience::Partners,
        Audience::Investors,
        Audience::Media,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Audience::Customers => "Customers",
            Audience::Prospects => "Prospects",
            Audience::Employees => "Employees",
            Audience::Candidates => "Candidates",
            Audience::Partners => "Partners",
            Audience::Investors => "Investors",
            Audience::Media => "Media",
        }
    }

    /// The id used in stored data and files (`"customers"`, …) — the serde name.
    pub fn key(self) -> &'static str {
        match self {
            Audience::Customers => "customers",
            Audience::Prospects => "prospects",
            Audience::Employees => "employees",
            Audience::Candidates => "candidates",
            Audience::Partners => "partners",
            Audience::Investors => "investors",
            Audience::Media => "media",
        }
    }

    pub fn from_key(key: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.key() == key)
    }
}

impl Emphasis {
    pub const ALL: [Emphasis; 3] = [Emphasis::Internal, Emphasis::Balanced, Emphasis::External];

    pub fn label(self) -> &'static str {
        match self {
            Emphasis::Internal => "Mostly internal",
            Emphasis::Balanced => "Balanced",
            Emphasis::External => "Mostly external",
        }
    }

    /// The id used in stored data and files (`"internal"`, …) — the serde name.
    pub fn key(self) -> &'static str {
        match self {
            Emphasis::Internal => "internal",
            Emphasis::Balanced => "balanced",
            Emphasis::External => "external",
        }
    }

    pub fn from_key(key: &str) -> Option<Emphasis> {
        Emphasis::ALL.into_iter().find(|e| e.key() == key)
    }
}

/// An executive needs at least this many content themes for the pitch …
pub const MIN_THEMES: usize = 3;
/// … and at most this many: more themes dilute what they are known for.
pub const MAX_THEMES: usize = 5;

/// How far an executive's Step 2 inputs are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalsReadiness {
    /// Nothing entered yet.
    NotStarted,
    /// Something entered, something missing (see [`missing_for_pitch`]).
    InProgress,
    /// Everything the pitch needs: at least one goal, one audience, an emphasis, and
    /// [`MIN_THEMES`]..=[`MAX_THEMES`] themes.
    Ready,
}

/// The executive's goals that say something (a custom goal needs its words).
pub fn meaningful_goals(executive: &Executive) -> impl Iterator<Item = &Goal> {
    executive.goals.iter().filter(|g| g.is_meaningful())
}

/// The executive's themes, tidied, without blanks and without repeats (ignoring case).
pub fn distinct_themes(executive: &Executive) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    executive
        .themes
        .iter()
        .map(|t| tidy(t))
        .filter(|t| !t.is_empty() && seen.insert(t.to_lowercase()))
        .collect()
}

/// Where the executive stands in Step 2. Ready exactly when [`missing_for_pitch`] is empty.
pub fn goals_status(executive: &Executive) -> GoalsReadiness {
    let started = meaningful_goals(executive).next().is_some()
        || !executive.audiences.is_empty()
        || executive.emphasis.is_some()
        || !distinct_themes(executive).is_empty();
    if !started {
        GoalsReadiness::NotStarted
    } else if missing_for_pitch(executive).is_empty() {
        GoalsReadiness::Ready
    } else {
        GoalsReadiness::InProgress
    }
}

/// What the pitch still needs, in words that fit "still needs …": e.g. `["a goal", "3 content
/// themes"]`. Empty when the executive's Step 2 inputs are complete.
pub fn missing_for_pitch(executive: &Executive) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if meaningful_goals(executive).next().is_none() {
        missing.push("a goal");
    }
    if executive.audiences.is_empty() {
        missing.push("an audience");
    }
    if executive.emphasis.is_none() {
        missing.push("an internal or external emphasis");
    }
    let themes = distinct_themes(executive).len();
    if themes < MIN_THEMES {
        missing.push("3 content themes");
    } else if themes > MAX_THEMES {
        missing.push("fewer content themes (at most 5)");
    }
    missing
}

/// Text as one line: runs of spaces, tabs and line breaks become one space, ends trimmed.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text[prefix.len()..].trim_start())
        .filter(|rest| !rest.is_empty())
}
