//! The programme's steps and where each executive stands in them, for the dashboard.

use super::naturals::{current_stage, OutreachStage};
use super::programme::{Executive, Programme};
use super::record::Timestamp;

/// The six steps of the method, and the check-ins after them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Naturals,
    Goals,
    Proof,
    Train,
    Easy,
    Competition,
    CheckIns,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Naturals,
        Step::Goals,
        Step::Proof,
        Step::Train,
        Step::Easy,
        Step::Competition,
        Step::CheckIns,
    ];

    /// "Step 1", …, or "After" for the check-ins.
    pub fn number(self) -> &'static str {
        match self {
            Step::Naturals => "Step 1",
            Step::Goals => "Step 2",
            Step::Proof => "Step 3",
            Step::Train => "Step 4",
            Step::Easy => "Step 5",
            Step::Competition => "Step 6",
            Step::CheckIns => "Afterwards",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Step::Naturals => "Find the naturals",
            Step::Goals => "Link to business goals",
            Step::Proof => "Provide the proof",
            Step::Train => "Train them",
            Step::Easy => "Make it easy",
            Step::Competition => "Make a competition",
            Step::CheckIns => "Check in periodically",
        }
    }

    /// One sentence on what the step is for.
    pub fn summary(self) -> &'static str {
        match self {
            Step::Naturals => "Review each executive's profiles and activity; approach the most developed, most active and most willing first.",
            Step::Goals => "Show each executive, concisely, how social helps reach their own business goals — outside and inside the company.",
            Step::Proof => "Back it up with case studies and concrete figures, including the executive's own role in them.",
            Step::Train => "One-on-one sessions: review their profiles, demonstrate live, leave step-by-step instructions, practise.",
            Step::Easy => "Fit social into a busy week: suggested topics, drafted posts to approve, posting from mobile.",
            Step::Competition => "Measure posts and engagement over a period and congratulate the most social executive.",
            Step::CheckIns => "Acknowledge the effort and remind gently, on a regular cadence.",
        }
    }
}

/// How far one executive is in one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepStatus {
    NotStarted,
    InProgress,
    Done,
    /// The executive said "not now": to revisit later.
    Paused,
    /// The executive declined.
    Declined,
}

impl StepStatus {
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "Not started",
            StepStatus::InProgress => "In progress",
            StepStatus::Done => "Done",
            StepStatus::Paused => "Not now",
            StepStatus::Declined => "Declined",
        }
    }

    /// A CSS-friendly name, e.g. `in-progress`.
    pub fn key(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "not-started",
            StepStatus::InProgress => "in-progress",
            StepStatus::Done => "done",
            StepStatus::Paused => "paused",
            StepStatus::Declined => "declined",
        }
    }
}

/// Where `executive` stands in `step`, from the data the programme holds.
pub fn step_status(_programme: &Programme, executive: &Executive, step: Step) -> StepStatus {
    match step {
        Step::Naturals => naturals_status(executive),
        _ => StepStatus::NotStarted,
    }
}

/// Step 1 is done when the executive has committed; it is under way once their profiles are being
/// reviewed or they have been approached.
fn naturals_status(executive: &Executive) -> StepStatus {
    match current_stage(executive) {
        OutreachStage::Committed => StepStatus::Done,
        OutreachStage::Declined => StepStatus::Declined,
        OutreachStage::NotNow => StepStatus::Paused,
        OutreachStage::Contacted | OutreachStage::Interested => StepStatus::InProgress,
        OutreachStage::NotContacted
            if !executive.profiles.is_empty() || executive.willingness.is_some() =>
        {
            StepStatus::InProgress
        }
        OutreachStage::NotContacted => StepStatus::NotStarted,
    }
}

/// Something the dashboard suggests doing next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextAction {
    pub text: String,
    /// Where to do it: a page path such as `/data`.
    pub path: &'static str,
    pub urgent: bool,
}

/// After this many days without a backup, a backup becomes a next action.
pub const BACKUP_DUE_DAYS: i64 = 14;

/// The next actions for a programme, most urgent first.
pub fn next_actions(
    programme: &Programme,
    last_backup_at: Option<Timestamp>,
    now: Timestamp,
) -> Vec<NextAction> {
    let mut actions = Vec::new();
    match last_backup_at {
        None => actions.push(NextAction {
            text: "Download a first backup: your data lives only in this browser.".into(),
            path: "/data",
            urgent: false,
        }),
        Some(at) if (now - at).num_days() >= BACKUP_DUE_DAYS => actions.push(NextAction {
            text: format!(
                "Download a backup: the last one is {} days old.",
                (now - at).num_days()
            ),
            path: "/data",
            urgent: true,
        }),
        Some(_) => {}
    }
    let settings = &programme.settings;
    let mut missing = Vec::new();
    if settings.owner.trim().is_empty() {
        missing.push("owner");
    }
    if settings.start_date.is_none() {
        missing.push("start date");
    }
    if settings.networks.is_empty() {
        missing.push("networks in use");
    }
    if !missing.is_empty() {
        actions.push(NextAction {
            text: format!("Complete the programme settings: {}.", missing.join(", ")),
            path: "/programmes",
            urgent: false,
        });
    }
    actions
}
