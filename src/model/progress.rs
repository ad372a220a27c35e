//! The programme's steps and where each executive stands in them, for the dashboard.

use super::evidence::{proof_status, ProofReadiness};
use super::goals::{goals_status, missing_for_pitch, GoalsReadiness};
use super::naturals::{current_stage, outreach_order, stage_since, OutreachStage};
use super::programme::{Executive, Programme};
use super::record::Timestamp;
use super::templates;
use chrono::NaiveDate;

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

/// Where `executive` stands in `step`, from the data the programme holds. `today` dates the stale
/// rule of Step 3.
pub fn step_status(
    programme: &Programme,
    executive: &Executive,
    step: Step,
    today: NaiveDate,
) -> StepStatus {
    match step {
        Step::Naturals => naturals_status(executive),
        // Done = the pitch can be written: goals, audiences, emphasis and 3–5 themes are set.
        Step::Goals => match goals_status(executive) {
            GoalsReadiness::NotStarted => StepStatus::NotStarted,
            GoalsReadiness::InProgress => StepStatus::InProgress,
            GoalsReadiness::Ready => StepStatus::Done,
        },
        // Done = the proof pack is ready: the pitch plus at least two current matched items.
        Step::Proof => match proof_status(
            executive,
            &programme.evidence,
            today,
            programme.settings.stale_after_years,
        ) {
            ProofReadiness::NotStarted => StepStatus::NotStarted,
            ProofReadiness::InProgress => StepStatus::InProgress,
            ProofReadiness::Ready => StepStatus::Done,
        },
        Step::Competition => competition_status(programme, executive),
        _ => StepStatus::NotStarted,
    }
}

/// Step 6 is under way once the executive is in a competition's league, and done once they took
/// part (had activity recorded) in a closed period.
fn competition_status(programme: &Programme, executive: &Executive) -> StepStatus {
    let mut in_league = false;
    for competition in programme.live_competitions() {
        let took_part = competition.activity.iter().any(|row| {
            row.executive == executive.id
                && !row.values.is_empty()
                && competition.is_closed(row.period)
        });
        if took_part {
            return StepStatus::Done;
        }
        in_league |= competition.settings.rules.league.contains(&executive.id);
    }
    if in_league {
        StepStatus::InProgress
    } else {
        StepStatus::NotStarted
    }
}

/// A running period ending within this many days becomes a next action.
pub const PERIOD_ENDING_DAYS: i64 = 3;

/// Step 6's next actions: close periods that have ended (naming the winners), and make sure the
/// activity is in before the running period ends.
fn competition_actions(programme: &Programme, today: NaiveDate) -> Vec<NextAction> {
    let mut actions = Vec::new();
    for competition in programme.live_competitions() {
        let periods = competition.periods(today);
        let unclosed: Vec<_> = periods
            .iter()
            .filter(|p| p.has_ended(today) && !competition.is_closed(p.start))
            .collect();
        if let Some(last) = unclosed.last() {
            let others = unclosed.len() - 1;
            actions.push(NextAction {
                text: format!(
                    "{}: close {} to name the winners and send the congratulation note{}.",
                    competition.settings.name,
                    last.label(),
                    match others {
                        0 => String::new(),
                        1 => " (one earlier period is not closed either)".to_string(),
                        n => format!(" ({n} earlier periods are not closed either)"),
                    }
                ),
                path: "/competition",
                urgent: true,
            });
        }
        if let Some(running) = periods.iter().find(|p| p.contains(today)) {
            let left = running.days_left(today);
            if left <= PERIOD_ENDING_DAYS && !competition.is_closed(running.start) {
                actions.push(NextAction {
                    text: format!(
                        "{}: {} ends {} — make sure everyone's activity is in.",
                        competition.settings.name,
                        running.label(),
                        match left {
                            0 => "today".to_string(),
                            1 => "tomorrow".to_string(),
                            n => format!("in {n} days"),
                        }
                    ),
                    path: "/competition",
                    urgent: false,
                });
            }
        }
    }
    actions
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
    actions.extend(outreach_actions(programme, now));
    actions.extend(goals_and_proof_actions(programme));
    actions.extend(competition_actions(programme, now.date_naive()));
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

/// After this many days in "contacted" without an answer, a follow-up becomes a next action.
pub const FOLLOW_UP_DAYS: i64 = 14;

/// Step 1's next actions: list the executives, approach the best natural not yet contacted, and
/// follow up with those contacted a while ago who have not answered.
fn outreach_actions(programme: &Programme, now: Timestamp) -> Vec<NextAction> {
    if programme.roster().next().is_none() {
        return vec![NextAction {
            text: "Step 1: list the executives you want to reach, with their profiles.".into(),
            path: "/naturals",
            urgent: false,
        }];
    }
    let today = now.date_naive();
    let mut actions: Vec<NextAction> = programme
        .roster()
        .filter(|e| current_stage(e) == OutreachStage::Contacted)
        .filter_map(|e| {
            let days = (today - stage_since(e)?).num_days();
            (days >= FOLLOW_UP_DAYS).then(|| NextAction {
                text: format!(
                    "Follow up with {}: contacted {days} days ago, no answer yet.",
                    e.name
                ),
                path: "/naturals",
                urgent: true,
            })
        })
        .collect();
    let order = outreach_order(&programme.executives, &programme.settings.natural_weights);
    let next = order.iter().find_map(|(id, score)| {
        programme
            .roster()
            .find(|e| e.id == *id && current_stage(e) == OutreachStage::NotContacted)
            .map(|e| (e, score.total))
    });
    if let Some((executive, total)) = next {
        actions.push(NextAction {
            text: format!(
                "Approach {} next: the highest natural score ({total}) among those not contacted yet.",
                executive.name
            ),
            path: "/naturals",
            urgent: false,
        });
    }
    actions
}

/// Steps 2 and 3's next actions: the pitch of the first committed executive (in roster order) whose
/// Step 2 inputs are incomplete; and, once some pitch is ready, the evidence library if it is empty.
fn goals_and_proof_actions(programme: &Programme) -> Vec<NextAction> {
    let mut actions = Vec::new();
    let incomplete = programme.roster().find(|e| {
        current_stage(e) == OutreachStage::Committed && goals_status(e) != GoalsReadiness::Ready
    });
    if let Some(executive) = incomplete {
        actions.push(NextAction {
            text: templates::pitch_action(&executive.name, &missing_for_pitch(executive)),
            path: "/goals",
            urgent: false,
        });
    }
    let some_pitch_ready = programme
        .roster()
        .any(|e| goals_status(e) == GoalsReadiness::Ready);
    let library_empty = programme.evidence.iter().all(|e| e.deleted);
    if some_pitch_ready && library_empty {
        actions.push(NextAction {
            text: templates::proof_action(),
            path: "/proof",
            urgent: false,
        });
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::naturals::set_stage;
    use crate::model::{timestamp_from_millis, NewProgramme};
    use chrono::Duration;

    const DAY: i64 = 86_400_000;

    fn programme_with(names: &[(&str, u8)]) -> Programme {
        let mut programme = Programme::new(
            NewProgramme {
                name: "P".into(),
                ..Default::default()
            },
            timestamp_from_millis(0),
        );
        for (i, (name, willingness)) in names.iter().enumerate() {
            let mut executive = Executive::new(*name, timestamp_from_millis(i as i64));
            executive.willingness = Some(*willingness);
            programme.add_executive(executive);
        }
        programme
    }

    fn texts(actions: &[NextAction]) -> Vec<&str> {
        actions.iter().map(|a| a.text.as_str()).collect()
    }

    #[test]
    fn an_empty_roster_asks_for_executives() {
        let actions = outreach_actions(&programme_with(&[]), timestamp_from_millis(0));
        assert_eq!(
            texts(&actions),
            ["Step 1: list the executives you want to reach, with their profiles."]
        );
    }

    #[test]
    fn the_best_natural_not_yet_contacted_is_approached_next() {
        let mut programme = programme_with(&[("Ada", 3), ("Grace", 5), ("Linus", 4)]);
        let grace = programme.executives[1].id;
        programme.edit_executive(grace, timestamp_from_millis(DAY), |e| {
            set_stage(
                e,
                OutreachStage::Contacted,
                chrono::NaiveDate::from_ymd_opt(1970, 1, 2).unwrap(),
            )
        });
        let actions = outreach_actions(&programme, timestamp_from_millis(3 * DAY));
        assert_eq!(texts(&actions), ["Approach Linus next: the highest natural score (15) among those not contacted yet."]);
    }

    #[test]
    fn a_contact_without_answer_for_two_weeks_needs_a_follow_up() {
        let mut programme = programme_with(&[("Ada", 3)]);
        let ada = programme.executives[0].id;
        let contacted = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        programme.edit_executive(ada, timestamp_from_millis(0), |e| {
            set_stage(e, OutreachStage::Contacted, contacted)
        });
        let day_13 = timestamp_from_millis(0) + Duration::days(13);
        assert!(outreach_actions(&programme, day_13).is_empty());
        let day_14 = timestamp_from_millis(0) + Duration::days(14);
        let actions = outreach_actions(&programme, day_14);
        assert_eq!(
            texts(&actions),
            ["Follow up with Ada: contacted 14 days ago, no answer yet."]
        );
        assert!(actions[0].urgent);
    }
}
