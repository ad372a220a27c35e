//! Step 2 — Link to business goals: the goal catalogue, readiness, the "Why social, for you" pitch
//! and the suggested measures.

mod common;

use chrono::NaiveDate;
use common::*;
use exec_social_playbook::io::{parse_backup, ReadError};
use exec_social_playbook::model::evidence::{Evidence, Origin, Scope};
use exec_social_playbook::model::goals::{
    goals_status, missing_for_pitch, Audience, Emphasis, Goal, GoalKind, GoalsReadiness,
    MAX_THEMES, MIN_THEMES,
};
use exec_social_playbook::model::naturals::{set_stage, OutreachStage};
use exec_social_playbook::model::progress::{next_actions, step_status, Step, StepStatus};
use exec_social_playbook::model::templates::{pitch, suggested_kpis, PITCH_EVIDENCE};
use exec_social_playbook::model::Executive;
use proptest::prelude::*;

// --- Builders -----------------------------------------------------------------------------------

/// An executive with everything the pitch needs.
fn ready(goals: Vec<Goal>) -> Executive {
    let mut e = executive(1, "Lukas Brandt", 0, 0);
    e.title = "Chief Technology Officer".into();
    e.goals = goals;
    e.audiences = vec![Audience::Candidates, Audience::Prospects];
    e.emphasis = Some(Emphasis::External);
    e.themes = vec![
        "Data platforms".into(),
        "Engineering culture".into(),
        "Open source".into(),
    ];
    e
}

fn goal(kind: GoalKind) -> Goal {
    Goal::new(kind, "")
}

fn starter_item(n: u128, number: u32) -> Evidence {
    let mut e = evidence(n, "Leaders' posts draw 3x the comments", 0, 0);
    e.origin = Origin::Starter { number };
    e.figure = "3x comments".into();
    e.claim =
        "Content posted by leaders gets three times as many comments as company pages.".into();
    e.source_name = "FTI Consulting press release".into();
    e.published = "2023-09".into();
    e.scopes = vec![Scope::External];
    e.caveats = "It measures comments only. The study focuses on the FTSE 100.".into();
    e
}

fn in_house_item(n: u128) -> Evidence {
    let mut e = evidence(n, "Lukas's post beat the company page", 0, 0);
    e.origin = Origin::InHouse;
    e.figure = "3×".into();
    e.claim = "Lukas's post on the data platform got 3× the engagement of the company page's post."
        .into();
    e.source_name = "LinkedIn page analytics".into();
    e.published = "2026-10-02".into();
    e
}

/// Fails with the offending text when generated text has a gap, a placeholder or a doubled
/// separator — the marks of a blank field or an unfilled template slot.
fn assert_clean(text: &str) {
    for bad in [
        "{", "}", "  ", " ,", " .", " ;", " :", ",,", "..", ",.", "()", "( ", " )", "''", "\"\"",
        " and .", " and ,", "— .", "— ,", "for ,", "in .", "at ,", "at .", "As ,", "\n\n\n", "\n ",
        " \n", "- \n", "null", "None", "Some(",
    ] {
        assert!(!text.contains(bad), "{bad:?} in:\n{text}");
    }
    assert!(
        !text.ends_with('\n') && !text.starts_with(char::is_whitespace),
        "{text:?}"
    );
    assert!(!text.trim_end().ends_with("- "), "{text}");
}

// --- The catalogue --------------------------------------------------------------------------------

#[test]
fn the_catalogue_lists_the_eight_goals_in_the_order_of_the_issue() {
    let labels: Vec<&str> = GoalKind::CATALOGUE.iter().map(|k| k.label()).collect();
    assert_eq!(
        labels,
        [
            "Win deals",
            "Recruit talent",
            "Launch a product",
            "Thought leadership",
            "Lead change internally",
            "Investor confidence",
            "Customer loyalty",
            "Partner ecosystem",
        ]
    );
    assert!(!GoalKind::CATALOGUE.contains(&GoalKind::Custom));
}

#[test]
fn goal_audience_and_emphasis_keys_are_their_names_in_files() {
    for kind in GoalKind::CATALOGUE.into_iter().chain([GoalKind::Custom]) {
        assert_eq!(
            serde_json::to_value(kind).unwrap(),
            serde_json::json!(kind.key())
        );
        assert_eq!(GoalKind::from_key(kind.key()), Some(kind));
    }
    for audience in Audience::ALL {
        assert_eq!(
            serde_json::to_value(audience).unwrap(),
            serde_json::json!(audience.key())
        );
        assert_eq!(Audience::from_key(audience.key()), Some(audience));
        assert!(!audience.label().is_empty());
    }
    for emphasis in Emphasis::ALL {
        assert_eq!(
            serde_json::to_value(emphasis).unwrap(),
            serde_json::json!(emphasis.key())
        );
        assert_eq!(Emphasis::from_key(emphasis.key()), Some(emphasis));
    }
    assert_eq!(Audience::ALL.len(), 7);
}

#[test]
fn only_goals_that_need_a_detail_ask_for_one() {
    assert_eq!(
        GoalKind::ThoughtLeadership.detail_label(),
        Some("In which field?")
    );
    assert_eq!(
        GoalKind::LaunchProduct.detail_label(),
        Some("Which product or launch?")
    );
    assert_eq!(
        GoalKind::Custom.detail_label(),
        Some("The goal, in their words")
    );
    for kind in [
        GoalKind::WinDeals,
        GoalKind::RecruitTalent,
        GoalKind::LeadChange,
        GoalKind::InvestorConfidence,
        GoalKind::CustomerLoyalty,
        GoalKind::PartnerEcosystem,
    ] {
        assert_eq!(kind.detail_label(), None, "{kind:?}");
    }
}

#[test]
fn a_goal_is_described_with_its_detail() {
    let cases = [
        (
            Goal::new(GoalKind::ThoughtLeadership, "supply-chain analytics"),
            "Thought leadership in supply-chain analytics",
        ),
        (
            Goal::new(GoalKind::ThoughtLeadership, "in supply-chain analytics"),
            "Thought leadership in supply-chain analytics",
        ),
        (
            Goal::new(GoalKind::LaunchProduct, "the forecasting suite"),
            "Launch: the forecasting suite",
        ),
        (
            Goal::new(GoalKind::Custom, "Open the Lisbon office"),
            "Open the Lisbon office",
        ),
        (Goal::new(GoalKind::WinDeals, ""), "Win deals"),
        (
            Goal::new(GoalKind::ThoughtLeadership, "   "),
            "Thought leadership",
        ),
        (
            Goal::new(GoalKind::LaunchProduct, " the \n forecasting   suite "),
            "Launch: the forecasting suite",
        ),
    ];
    for (goal, expected) in cases {
        assert_eq!(goal.describe(), expected, "{goal:?}");
    }
}

#[test]
fn a_goal_without_detail_is_written_without_the_detail_field() {
    let json = serde_json::to_string(&goal(GoalKind::WinDeals)).unwrap();
    assert_eq!(json, r#"{"kind":"win_deals"}"#);
}

// --- Readiness ------------------------------------------------------------------------------------

#[test]
fn an_executive_without_step_2_inputs_has_not_started() {
    let e = executive(1, "Ada", 0, 0);
    assert_eq!(goals_status(&e), GoalsReadiness::NotStarted);
    assert_eq!(
        missing_for_pitch(&e),
        [
            "a goal",
            "an audience",
            "an internal or external emphasis",
            "3 content themes"
        ]
    );
}

#[test]
fn goals_are_ready_with_a_goal_an_audience_an_emphasis_and_three_to_five_themes() {
    let e = ready(vec![goal(GoalKind::WinDeals)]);
    assert_eq!(goals_status(&e), GoalsReadiness::Ready);
    assert!(missing_for_pitch(&e).is_empty());

    let mut no_goal = e.clone();
    no_goal.goals.clear();
    assert_eq!(goals_status(&no_goal), GoalsReadiness::InProgress);
    assert_eq!(missing_for_pitch(&no_goal), ["a goal"]);

    let mut no_audience = e.clone();
    no_audience.audiences.clear();
    assert_eq!(missing_for_pitch(&no_audience), ["an audience"]);

    let mut no_emphasis = e.clone();
    no_emphasis.emphasis = None;
    assert_eq!(goals_status(&no_emphasis), GoalsReadiness::InProgress);
}

#[test]
fn themes_count_from_three_to_five_ignoring_blanks_and_repeats() {
    let with = |themes: &[&str]| {
        let mut e = ready(vec![goal(GoalKind::WinDeals)]);
        e.themes = themes.iter().map(|t| t.to_string()).collect();
        e
    };
    assert_eq!((MIN_THEMES, MAX_THEMES), (3, 5));
    assert_eq!(
        missing_for_pitch(&with(&["AI", "Data"])),
        ["3 content themes"]
    );
    assert_eq!(
        missing_for_pitch(&with(&["AI", "Data", " "])),
        ["3 content themes"]
    );
    assert_eq!(
        missing_for_pitch(&with(&["AI", "Data", "ai "])),
        ["3 content themes"]
    );
    assert_eq!(
        goals_status(&with(&["AI", "Data", "Hiring"])),
        GoalsReadiness::Ready
    );
    assert_eq!(
        goals_status(&with(&["A", "B", "C", "D", "E"])),
        GoalsReadiness::Ready
    );
    assert_eq!(
        missing_for_pitch(&with(&["A", "B", "C", "D", "E", "F"])),
        ["fewer content themes (at most 5)"]
    );
}

#[test]
fn a_custom_goal_without_words_is_not_a_goal() {
    let e = ready(vec![Goal::new(GoalKind::Custom, "  ")]);
    assert_eq!(missing_for_pitch(&e), ["a goal"]);
    let e = ready(vec![Goal::new(GoalKind::Custom, "Open the Lisbon office")]);
    assert_eq!(goals_status(&e), GoalsReadiness::Ready);
}

proptest! {
    #[test]
    fn goals_are_ready_exactly_when_nothing_is_missing(step2 in small_step2()) {
        let mut e = executive(1, "Ada", 0, 0);
        e.goals = step2.goals;
        e.audiences = step2.audiences;
        e.emphasis = step2.emphasis;
        e.themes = step2.themes;
        prop_assert_eq!(
            goals_status(&e) == GoalsReadiness::Ready,
            missing_for_pitch(&e).is_empty()
        );
    }
}

#[test]
fn the_dashboard_shows_step_2_as_done_once_the_pitch_can_be_written() {
    let mut programme = programme(1, "P", 0, 0);
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let mut partial = executive(2, "Ada", 0, 0);
    partial.themes = vec!["AI".into()];
    programme.executives = vec![
        executive(1, "Grace", 0, 0),
        partial,
        ready(vec![goal(GoalKind::WinDeals)]),
    ];
    let statuses: Vec<StepStatus> = programme
        .executives
        .iter()
        .map(|e| step_status(&programme, e, Step::Goals, today))
        .collect();
    assert_eq!(
        statuses,
        [
            StepStatus::NotStarted,
            StepStatus::InProgress,
            StepStatus::Done
        ]
    );
}

#[test]
fn the_dashboard_asks_for_the_pitch_inputs_of_a_committed_executive() {
    let mut programme = programme(1, "P", 0, 0);
    let mut ada = executive(2, "Ada Lovelace", 0, 0);
    set_stage(
        &mut ada,
        OutreachStage::Committed,
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    );
    ada.goals = vec![goal(GoalKind::WinDeals)];
    ada.audiences = vec![Audience::Customers];
    ada.emphasis = Some(Emphasis::External);
    programme.executives = vec![ada];
    let actions = next_actions(&programme, Some(at(0)), at(60));
    let pitch_action = actions
        .iter()
        .find(|a| a.path == "/goals")
        .expect("a Step 2 action");
    assert_eq!(
        pitch_action.text,
        "Write the pitch for Ada Lovelace: it still needs 3 content themes."
    );
    // Once the pitch is ready, an empty library is the next thing to fix.
    programme.executives[0].themes = vec!["A".into(), "B".into(), "C".into()];
    let actions = next_actions(&programme, Some(at(0)), at(60));
    assert!(actions.iter().all(|a| a.path != "/goals"));
    assert!(actions.iter().any(|a| a.path == "/proof"));
    programme.evidence.push(starter_item(50, 3));
    let actions = next_actions(&programme, Some(at(0)), at(60));
    assert!(actions.iter().all(|a| a.path != "/proof"));
}

// --- The pitch ----------------------------------------------------------------------------------

/// A phrase from the reviewed case for each kind of goal.
fn case_phrase(kind: GoalKind) -> &'static str {
    match kind {
        GoalKind::WinDeals => "Buyers look up the people behind a supplier",
        GoalKind::RecruitTalent => "a human face for the company",
        GoalKind::LaunchProduct => "carries the news further",
        GoalKind::ThoughtLeadership => "Thought leadership is built in public",
        GoalKind::LeadChange => "lines up with the strategy",
        GoalKind::InvestorConfidence => "within disclosure rules",
        GoalKind::CustomerLoyalty => "someone behind the brand who listens",
        GoalKind::PartnerEcosystem => "in it together",
        GoalKind::Custom => "a direct, personal channel",
    }
}

#[test]
fn the_pitch_makes_the_case_for_each_catalogue_goal() {
    for kind in GoalKind::CATALOGUE {
        let g = match kind {
            GoalKind::ThoughtLeadership => Goal::new(kind, "data platforms"),
            GoalKind::LaunchProduct => Goal::new(kind, "the forecasting suite"),
            _ => goal(kind),
        };
        let e = ready(vec![g.clone()]);
        let text = pitch(&e, "Northwind", &[]);
        assert!(
            text.starts_with("Why social, for you — Lukas Brandt\n\n"),
            "{text}"
        );
        assert!(
            text.contains(&format!("\n\n{}. ", g.describe())),
            "{kind:?}: {text}"
        );
        assert!(text.contains(case_phrase(kind)), "{kind:?}: {text}");
        assert!(
            text.contains("As Chief Technology Officer at Northwind,"),
            "{text}"
        );
        assert!(text.contains("\n\nSuggested measures\n- "), "{text}");
        assert_clean(&text);
    }
}

#[test]
fn the_pitch_uses_the_words_of_a_custom_goal() {
    let e = ready(vec![Goal::new(GoalKind::Custom, "Open the Lisbon office")]);
    let text = pitch(&e, "Northwind", &[]);
    assert!(
        text.contains("\n\nOpen the Lisbon office. Social gives you"),
        "{text}"
    );
    assert!(text.contains("candidates and prospects"), "{text}");
    assert_clean(&text);
    // A goal that already ends a sentence is not given a second full stop.
    let e = ready(vec![Goal::new(GoalKind::Custom, "Open the Lisbon office!")]);
    assert!(pitch(&e, "Northwind", &[]).contains("Open the Lisbon office! Social"));
}

#[test]
fn the_pitch_without_goals_says_what_is_missing_instead_of_inventing_a_case() {
    let mut e = executive(1, "Priya Raman", 0, 0);
    e.themes = vec!["Hiring".into()];
    let text = pitch(&e, "Northwind", &[&starter_item(50, 3)]);
    assert_eq!(
        text,
        "Why social, for you — Priya Raman\n\nThis brief is written from Priya Raman's business goals, and none are set yet. It still needs a goal, an audience, an internal or external emphasis and 3 content themes."
    );
    assert_clean(&text);
}

#[test]
fn the_pitch_for_many_goals_covers_each_once() {
    let mut goals: Vec<Goal> = GoalKind::CATALOGUE.into_iter().map(goal).collect();
    goals.push(Goal::new(GoalKind::Custom, "Open the Lisbon office"));
    let mut e = ready(goals.clone());
    e.audiences = Audience::ALL.to_vec();
    e.emphasis = Some(Emphasis::Balanced);
    let text = pitch(&e, "Northwind", &[]);
    for g in &goals {
        assert_eq!(
            text.matches(&format!("\n\n{}. ", g.describe())).count(),
            1,
            "{g:?}"
        );
        assert!(text.contains(case_phrase(g.kind)), "{g:?}");
    }
    let kpis = suggested_kpis(&e);
    for kpi in &kpis {
        assert_eq!(text.matches(&format!("- {kpi}\n")).count(), 1, "{kpi}");
    }
    assert_clean(&text);
}

#[test]
fn the_pitch_leaves_out_what_is_blank_instead_of_leaving_a_gap() {
    let mut e = ready(vec![
        Goal::new(GoalKind::ThoughtLeadership, ""),
        goal(GoalKind::LeadChange),
    ]);
    e.title = "  ".into();
    e.themes = vec![" ".into(), String::new()];
    e.audiences.clear();
    for emphasis in [
        None,
        Some(Emphasis::Internal),
        Some(Emphasis::Balanced),
        Some(Emphasis::External),
    ] {
        e.emphasis = emphasis;
        for company in ["", "  ", "Northwind"] {
            let text = pitch(&e, company, &[]);
            assert_clean(&text);
            assert!(!text.contains("What to post about"), "{text}");
            assert!(text.contains("As "), "{text}");
        }
    }
    let text = pitch(&e, "", &[]);
    assert!(text.contains("As a leader,"), "{text}");
    assert!(!text.contains("at ,"), "{text}");
    e.title = "COO".into();
    assert!(pitch(&e, "", &[]).contains("As COO, "));
    e.title.clear();
    assert!(pitch(&e, "Northwind", &[]).contains("As one of the leaders of Northwind, "));
    e.name = "  ".into();
    let text = pitch(&e, "", &[]);
    assert!(text.starts_with("Why social, for you\n\n"), "{text}");
    assert_clean(&text);
}

#[test]
fn the_pitch_weaves_in_audiences_themes_and_emphasis() {
    let mut e = ready(vec![
        goal(GoalKind::RecruitTalent),
        goal(GoalKind::WinDeals),
    ]);
    e.audiences = vec![Audience::Candidates, Audience::Prospects, Audience::Media];
    let text = pitch(&e, "Northwind", &[]);
    assert!(
        text.contains(
            "You want to reach candidates, prospects and media, mostly outside the company."
        ),
        "{text}"
    );
    assert!(
        text.contains("people want to talk to people, not faceless brands")
            || text.contains("People want to talk to people, not faceless brands"),
        "{text}"
    );
    assert!(
        text.contains("What to post about: Data platforms, Engineering culture and Open source."),
        "{text}"
    );
    assert!(text.contains("Your posts show candidates what working with you is like"));
    assert!(text.contains("starts conversations with prospects and keeps you in mind"));
    e.emphasis = Some(Emphasis::Internal);
    let text = pitch(&e, "Northwind", &[]);
    assert!(text.contains("social intranet"), "{text}");
    assert!(text.contains("mostly on the social intranet."), "{text}");
}

#[test]
fn the_pitch_cites_evidence_with_source_year_and_a_verify_warning() {
    let e = ready(vec![goal(GoalKind::ThoughtLeadership)]);
    let starter = starter_item(50, 3);
    let own = in_house_item(51);
    let mut published = starter_item(52, 0);
    published.origin = Origin::Published;
    published.figure = "76%".into();
    published.claim = "Most executives want their CEO on social.".into();
    published.source_name = "Weber Shandwick".into();
    published.published = "2013-05".into();
    published.caveats = String::new();
    let text = pitch(&e, "Northwind", &[&starter, &own, &published]);
    assert!(text.contains("\n\nThe evidence\n- 3x comments — Content posted by leaders gets three times as many comments as company pages (FTI Consulting press release, 2023; published — verify before use). Caveat: It measures comments only.\n"), "{text}");
    assert!(text.contains("\n- 3× — Lukas's post on the data platform got 3× the engagement of the company page's post (our own result, 2026).\n"), "{text}");
    assert!(text.contains("\n- 76% — Most executives want their CEO on social (Weber Shandwick, 2013; published — verify before use).\n"), "{text}");
    assert_clean(&text);
}

#[test]
fn the_pitch_cites_at_most_three_items_and_says_undated_when_undated() {
    let e = ready(vec![goal(GoalKind::WinDeals)]);
    let mut items: Vec<Evidence> = (0..5u128).map(|n| starter_item(60 + n, n as u32)).collect();
    items[0].published = String::new();
    items[0].source_name = String::new();
    items[0].caveats = String::new();
    let refs: Vec<&Evidence> = items.iter().collect();
    let text = pitch(&e, "Northwind", &refs);
    let evidence = text.split("The evidence\n").nth(1).unwrap();
    assert_eq!(
        evidence.lines().filter(|l| l.starts_with("- ")).count(),
        PITCH_EVIDENCE
    );
    assert!(
        evidence.starts_with("- 3x comments — Content posted by leaders gets three times as many comments as company pages (undated; published — verify before use).\n"),
        "{evidence}"
    );
    assert_clean(&text);
}

#[test]
fn a_pitch_for_three_goals_with_three_citations_fits_one_page() {
    let mut e = ready(vec![
        Goal::new(GoalKind::ThoughtLeadership, "data platform engineering"),
        goal(GoalKind::RecruitTalent),
        goal(GoalKind::WinDeals),
    ]);
    e.audiences = Audience::ALL.to_vec();
    e.themes = vec![
        "Data platform architecture".into(),
        "Engineering culture".into(),
        "Open source".into(),
        "Lessons from production incidents".into(),
        "Hiring in Lisbon".into(),
    ];
    let mut long = starter_item(70, 13);
    long.claim = "In the 2020 Edelman-LinkedIn study, B2B decision-makers said good thought leadership has led them to award business (49%), buy products or services they hadn't considered (51%), and issue RFP invitations (39%).".into();
    long.source_name = "Edelman (with LinkedIn): 2020 B2B Thought Leadership Impact Study, Edelman Insights article".into();
    long.caveats = "\"Thought leadership\" here means an organisation's free expert content in general, not only executives' social posts. The same page warns that 25% say poor-quality thought leadership led them not to award business.".into();
    let text = pitch(&e, "Northwind Analytics (demo)", &[&long, &long, &long]);
    let words = text.split_whitespace().count();
    assert!(words <= 600, "{words} words:\n{text}");
    assert!(text.lines().count() <= 40, "{text}");
}

#[test]
fn user_text_passes_through_the_pitch_as_written() {
    let xss = "<script>alert(1)</script>";
    let img = "<img src=x onerror=alert(1)>";
    let mut e = ready(vec![
        Goal::new(GoalKind::Custom, xss),
        Goal::new(GoalKind::ThoughtLeadership, img),
    ]);
    e.name = xss.into();
    e.title = img.into();
    e.themes = vec![xss.into(), img.into(), "AI & <b>data</b>".into()];
    let mut item = starter_item(50, 3);
    item.claim = xss.into();
    item.source_name = img.into();
    let text = pitch(&e, "R&D <Lab>", &[&item]);
    assert!(text.starts_with(&format!("Why social, for you — {xss}\n")));
    assert!(text.contains(&format!("As {img} at R&D <Lab>,")), "{text}");
    assert!(
        text.contains(&format!("\n\n{xss}. Social gives you")),
        "{text}"
    );
    assert!(
        text.contains(&format!("Thought leadership in {img}.")),
        "{text}"
    );
    assert!(text.contains("AI & <b>data</b>"), "{text}");
    assert!(
        text.contains(&format!("3x comments — {xss} ({img}, 2023;")),
        "{text}"
    );
    assert!(!text.contains("&lt;") && !text.contains("&amp;"), "{text}");
}

/// Plain words a user might type, or nothing.
fn words() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        " ",
        "Ada",
        "Chief Data Officer",
        "Northwind",
        "supply-chain analytics",
        "the forecasting suite",
        "Hiring  in\nLisbon",
        "AI.",
        "R&D",
    ])
    .prop_map(String::from)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_pitch_is_free_of_gaps_and_placeholders(
        name in words(),
        title in words(),
        company in words(),
        details in prop::collection::vec((prop::sample::select(GoalKind::CATALOGUE.into_iter().chain([GoalKind::Custom]).collect::<Vec<_>>()), words()), 0..4),
        audiences in prop::sample::subsequence(Audience::ALL.to_vec(), 0..=7),
        emphasis in prop::option::of(prop::sample::select(Emphasis::ALL.to_vec())),
        themes in prop::collection::vec(words(), 0..6),
        cite in 0usize..3,
    ) {
        let mut e = executive(1, "x", 0, 0);
        e.name = name;
        e.title = title;
        e.goals = details.into_iter().map(|(kind, detail)| Goal::new(kind, detail)).collect();
        e.audiences = audiences;
        e.emphasis = emphasis;
        e.themes = themes;
        let items = [starter_item(50, 3), in_house_item(51)];
        let cited: Vec<&Evidence> = items.iter().take(cite).collect();
        let text = pitch(&e, &company, &cited);
        assert_clean(&text);
        prop_assert!(text.starts_with("Why social, for you"));
    }
}

// --- Suggested measures ---------------------------------------------------------------------------

#[test]
fn each_goal_suggests_its_own_measures() {
    let first = |kind| suggested_kpis(&ready(vec![goal(kind)]))[0].clone();
    assert_eq!(
        first(GoalKind::WinDeals),
        "Conversations started with target accounts"
    );
    assert_eq!(
        first(GoalKind::RecruitTalent),
        "Applications mentioning the executive's posts"
    );
    assert_eq!(first(GoalKind::LeadChange), "Intranet posts and comments");
    for kind in GoalKind::CATALOGUE {
        let kpis = suggested_kpis(&ready(vec![goal(kind)]));
        assert!(kpis.len() >= 2, "{kind:?}: {kpis:?}");
        assert_eq!(
            kpis.last().map(String::as_str),
            Some("Posts a month and average engagement per post")
        );
    }
}

#[test]
fn measures_are_not_repeated_and_an_internal_emphasis_adds_the_intranet() {
    let mut e = ready(vec![goal(GoalKind::LeadChange), goal(GoalKind::LeadChange)]);
    e.emphasis = Some(Emphasis::Internal);
    let kpis = suggested_kpis(&e);
    assert_eq!(
        kpis,
        [
            "Intranet posts and comments",
            "Questions asked and answered in the open",
            "Posts a month and average engagement per post"
        ]
    );
    let mut external = ready(vec![goal(GoalKind::WinDeals)]);
    assert!(!suggested_kpis(&external).contains(&"Intranet posts and comments".to_string()));
    external.emphasis = Some(Emphasis::Balanced);
    assert!(suggested_kpis(&external).contains(&"Intranet posts and comments".to_string()));
}

#[test]
fn no_goal_means_no_suggested_measures() {
    let mut e = ready(vec![]);
    assert!(suggested_kpis(&e).is_empty());
    e.goals = vec![Goal::new(GoalKind::Custom, " ")];
    assert!(suggested_kpis(&e).is_empty());
}

// --- Files ----------------------------------------------------------------------------------------

#[test]
fn a_backup_with_an_unknown_goal_kind_is_refused_naming_it() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/invalid-schema/backup-unknown-goal-kind.json"),
    )
    .unwrap();
    match parse_backup(&text) {
        Err(ReadError::WrongShape { reason, .. }) => {
            assert!(reason.contains("world_domination"), "{reason}")
        }
        other => panic!("expected a content error, got {other:?}"),
    }
}

/// Regression: a theme or company name that ends with its own full stop ("AI.", "Acme Inc.") once
/// produced "AI.." at the end of a sentence.
#[test]
fn user_text_ending_in_a_full_stop_does_not_get_a_second_one() {
    let mut e = ready(vec![goal(GoalKind::WinDeals)]);
    e.themes = vec!["Data".into(), "Hiring".into(), "AI.".into()];
    e.emphasis = Some(Emphasis::Balanced);
    let text = pitch(&e, "Acme Inc.", &[]);
    assert!(
        text.contains("What to post about: Data, Hiring and AI. These"),
        "{text}"
    );
    assert!(
        text.contains("outside and inside Acme Inc. Outside,"),
        "{text}"
    );
    assert!(!text.contains(".."), "{text}");
}
