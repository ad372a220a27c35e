//! Step 6 CSV: the activity import of a period (reliability row 12: BOM, `;`, CRLF, quoted line
//! breaks, missing/extra columns, `1,5`, text in number columns, negatives → per-row errors, nothing
//! applied until confirmed; row 15: never panics), matching rows with executives, the locked
//! period, and the scoreboard export (row 13: formula injection neutralised, numbers stay numbers).
//!
//! Test data is built with struct literals, so that these tests depend on the model's rules only
//! where the import goes through them (rules_for, set_values, the period's label).

use chrono::NaiveDate;
use exec_social_playbook::io::activity_csv::*;
use exec_social_playbook::io::csv::RowError;
use exec_social_playbook::model::competition::{
    scoreboard, ActivityRow, Competition, CompetitionError, CompetitionSettings, Kpi, KpiKind,
    KpiLine, Movement, Period, PeriodAction, PeriodEvent, PeriodKind, PeriodRecord, Rules, Score,
    Scoreboard, ScoringMode, Standing, DEFAULT_CUSTOM_DAYS,
};
use exec_social_playbook::model::{timestamp_from_millis, Executive, Timestamp};
use proptest::prelude::*;
use uuid::Uuid;

// --- Test data -----------------------------------------------------------------------------------

/// 2026-01-01T00:00:00Z plus `seconds`.
fn at(seconds: i64) -> Timestamp {
    timestamp_from_millis(1_767_225_600_000 + seconds * 1000)
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const ADA: u128 = 1;
const JOHN: u128 = 2;
const GRACE: u128 = 3;
/// On the roster but not in the league.
const OUTSIDER: u128 = 4;
/// Deleted, but still in the league.
const GONE: u128 = 5;

fn person(n: u128, name: &str, email: &str) -> Executive {
    Executive {
        id: id(n),
        email: email.to_string(),
        title: format!("Title of {name}"),
        department: "Executive office".to_string(),
        ..Executive::new(name, at(n as i64))
    }
}

fn executives() -> Vec<Executive> {
    vec![
        person(ADA, "Ada Brightwater", "ada@northwind.example"),
        person(JOHN, "John Smith", "john.smith@northwind.example"),
        person(GRACE, "Grace Okafor", "grace@northwind.example"),
        person(OUTSIDER, "Olu Outside", "olu@northwind.example"),
        Executive {
            deleted: true,
            ..person(GONE, "Deleted executive", "")
        },
    ]
}

fn kpi(id: &str, kind: KpiKind, label: &str, points: f64) -> Kpi {
    Kpi {
        id: id.to_string(),
        kind,
        label: label.to_string(),
        points,
        cap: None,
        network: None,
    }
}

fn kpis() -> Vec<Kpi> {
    vec![
        kpi("posts", KpiKind::Posts, "Posts", 10.0),
        kpi("comments", KpiKind::Comments, "Comments", 3.0),
        kpi(
            "followers_gained",
            KpiKind::FollowersGained,
            "Followers gained",
            1.0,
        ),
        kpi("custom-1", KpiKind::Custom, "Intranet articles", 8.0),
    ]
}

/// January 2026, the first period of [`competition`].
fn january() -> Period {
    Period {
        index: 0,
        start: date(2026, 1, 1),
        end: date(2026, 1, 31),
        kind: PeriodKind::Monthly,
    }
}

fn row(executive: u128, values: &[(&str, u32)]) -> ActivityRow {
    ActivityRow {
        period: january().start,
        executive: id(executive),
        values: values.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        updated_at: at(100),
    }
}

/// A monthly competition: Ada, John, Grace and the deleted executive in the league; Ada has 3
/// posts and 2 comments recorded in January.
fn competition() -> Competition {
    Competition {
        settings: CompetitionSettings {
            id: id(50),
            created_at: at(0),
            updated_at: at(0),
            deleted: false,
            name: "Most social 2026".to_string(),
            period_kind: PeriodKind::Monthly,
            start: date(2026, 1, 1),
            end: None,
            custom_days: DEFAULT_CUSTOM_DAYS,
            rules: Rules {
                kpis: kpis(),
                scoring: ScoringMode::Raw,
                league: vec![id(ADA), id(JOHN), id(GRACE), id(GONE)],
            },
        },
        periods: Vec::new(),
        activity: vec![row(ADA, &[("posts", 3), ("comments", 2)])],
    }
}

fn closed(mut competition: Competition) -> Competition {
    competition.periods.push(PeriodRecord {
        period: january().start,
        updated_at: at(200),
        closed: true,
        log: Vec::new(),
        rules: Some(competition.settings.rules.clone()),
        most_social: vec![id(ADA)],
        most_improved: Vec::new(),
        note: None,
    });
    competition
}

fn parse(text: &str) -> ActivityImport {
    parse_activity_csv(text, &kpis()).unwrap_or_else(|e| panic!("the file should be usable: {e}"))
}

fn plan(competition: &Competition, text: &str) -> ActivityPlan {
    plan_activity_import(competition, &executives(), &january(), &parse(text))
}

fn values(import: &ActivityImport) -> Vec<(&str, Vec<(String, u32)>)> {
    import
        .rows
        .iter()
        .map(|r| (r.name.as_str(), r.values.clone()))
        .collect()
}

fn v(pairs: &[(&str, u32)]) -> Vec<(String, u32)> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

fn error_lines(errors: &[RowError]) -> Vec<usize> {
    errors.iter().map(|e| e.line).collect()
}

/// Reads a CSV text back into its cells.
fn cells(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

// --- The template --------------------------------------------------------------------------------

#[test]
fn the_template_has_a_column_per_kpi_and_a_row_per_live_league_member() {
    let template = activity_template(&competition(), &executives(), &january());
    assert!(template.ends_with("\r\n"));
    assert!(!template.replace("\r\n", "").contains('\n'));
    assert_eq!(
        cells(&template),
        vec![
            vec![
                "name",
                "email",
                "Posts",
                "Comments",
                "Followers gained",
                "Intranet articles"
            ],
            vec!["Ada Brightwater", "ada@northwind.example", "3", "2", "", ""],
            vec!["John Smith", "john.smith@northwind.example", "", "", "", ""],
            vec!["Grace Okafor", "grace@northwind.example", "", "", "", ""],
        ]
    );
}

#[test]
fn the_template_reads_back_and_changes_nothing() {
    let competition = competition();
    let template = activity_template(&competition, &executives(), &january());
    let import = parse(&template);
    assert_eq!(import.errors, vec![]);
    assert_eq!(import.warnings, Vec::<String>::new());
    assert_eq!(import.rows.len(), 3);
    assert_eq!(import.rows[0].line, 2);
    assert_eq!(import.rows[0].values, v(&[("posts", 3), ("comments", 2)]));
    let plan = plan_activity_import(&competition, &executives(), &january(), &import);
    assert_eq!(plan.updates, vec![]);
    assert_eq!(plan.unchanged, 3);
    assert!(!plan.changes_anything());
}

#[test]
fn a_filled_in_template_previews_each_change_as_old_to_new() {
    let competition = competition();
    let template = activity_template(&competition, &executives(), &january())
        .replace(
            "ada@northwind.example,3,2,,",
            "ada@northwind.example,5,2,\"1,200\",",
        )
        .replace(
            "john.smith@northwind.example,,,,",
            "john.smith@northwind.example,0,4,,",
        );
    let plan = plan(&competition, &template);
    assert_eq!(plan.unchanged, 1, "Grace's row changes nothing");
    let described: Vec<(usize, String, String)> = plan
        .updates
        .iter()
        .map(|u| (u.line, u.name.clone(), u.describe()))
        .collect();
    assert_eq!(
        described,
        vec![
            (
                2,
                "Ada Brightwater".to_string(),
                "Posts 3 → 5, Followers gained — → 1,200".to_string()
            ),
            (
                3,
                "John Smith".to_string(),
                "Posts — → 0, Comments — → 4".to_string()
            ),
        ]
    );
    assert_eq!(plan.updates[0].changes[0].old, Some(3));
    assert_eq!(plan.updates[0].changes[1].new, 1200);
}

#[test]
fn the_template_of_names_that_look_like_formulas_is_neutralised_and_still_reads_back() {
    let mut people = executives();
    people[0].name = "=HYPERLINK(\"http://evil.example\",\"Ada\")".into();
    people[1].name = "@John".into();
    people[1].email = "-john@northwind.example".into();
    let competition = competition();
    let template = activity_template(&competition, &people, &january());
    let rows = cells(&template);
    assert_eq!(rows[1][0], "'=HYPERLINK(\"http://evil.example\",\"Ada\")");
    assert_eq!(rows[2][0], "'@John");
    assert_eq!(rows[2][1], "'-john@northwind.example");
    let import = parse(&template);
    assert_eq!(import.rows[1].name, "@John");
    assert_eq!(import.rows[1].email, "-john@northwind.example");
    let plan = plan_activity_import(&competition, &people, &january(), &import);
    assert_eq!(plan.unknown, vec![]);
    assert_eq!(plan.unchanged, 3);
}

#[test]
fn a_closed_and_reopened_period_uses_the_rules_kept_at_closing() {
    // January was closed with only Posts, then reopened; the competition now also counts comments.
    let mut competition = competition();
    let mut kept = competition.settings.rules.clone();
    kept.kpis.truncate(1);
    competition.periods.push(PeriodRecord {
        period: january().start,
        updated_at: at(300),
        closed: false,
        log: vec![
            PeriodEvent {
                action: PeriodAction::Closed,
                at: at(200),
            },
            PeriodEvent {
                action: PeriodAction::Reopened,
                at: at(300),
            },
        ],
        rules: Some(kept.clone()),
        most_social: Vec::new(),
        most_improved: Vec::new(),
        note: None,
    });
    let template = activity_template(&competition, &executives(), &january());
    assert_eq!(cells(&template)[0], ["name", "email", "Posts"]);
    let import = parse_activity_csv("name,Posts,Comments\nAda Brightwater,4,9\n", &kept.kpis)
        .expect("usable");
    assert_eq!(
        import.warnings,
        ["The column “Comments” is not a KPI of this period; it is ignored."]
    );
    assert_eq!(import.rows[0].values, v(&[("posts", 4)]));
}

// --- Reading: row 12 -----------------------------------------------------------------------------

#[test]
fn a_semicolon_file_with_a_byte_order_mark_and_windows_line_ends_is_read() {
    let import = parse(
        "\u{feff}Name;E-mail;Posts;Comments\r\nAda Brightwater;ada@northwind.example;4;1,5\r\nJohn Smith;;1.200;7\r\n",
    );
    assert_eq!(
        values(&import),
        [("John Smith", v(&[("posts", 1200), ("comments", 7)]))]
    );
    assert_eq!(import.errors.len(), 1);
    assert_eq!(import.errors[0].line, 2);
    assert_eq!(
        import.errors[0].message,
        "“1,5” in Comments is not a whole number — type a count such as 12 (no decimals, no text)."
    );
    assert_eq!(import.warnings, Vec::<String>::new());
}

#[test]
fn a_tab_separated_file_is_read() {
    let import = parse("name\tposts\nAda Brightwater\t4\n");
    assert_eq!(values(&import), [("Ada Brightwater", v(&[("posts", 4)]))]);
}

#[test]
fn quoted_line_breaks_stay_in_their_row_and_line_numbers_stay_right() {
    let import = parse(
        "name,Posts,Comments\r\n\"Ada\r\nBrightwater\",1,2\r\n\r\nJohn Smith,x,3\r\n\"Grace\nOkafor\",\"4\",\"5\"\r\n",
    );
    assert_eq!(
        values(&import),
        [
            ("Ada Brightwater", v(&[("posts", 1), ("comments", 2)])),
            ("Grace Okafor", v(&[("posts", 4), ("comments", 5)])),
        ]
    );
    assert_eq!(import.rows[0].line, 2);
    assert_eq!(import.rows[1].line, 6);
    assert_eq!(error_lines(&import.errors), [5]);
    assert_eq!(
        import.errors[0].message,
        "“x” in Posts is not a whole number — type a count such as 12 (no decimals, no text)."
    );
}

#[test]
fn kpi_columns_match_by_label_or_id_in_any_case_spacing_or_punctuation() {
    let import = parse(
        "EMAIL ADDRESS,followers_gained,  POSTS ,intranet-articles,custom 1\nada@northwind.example,1,2,3,\n",
    );
    assert_eq!(import.rows[0].email, "ada@northwind.example");
    assert_eq!(
        import.rows[0].values,
        v(&[("posts", 2), ("followers_gained", 1), ("custom-1", 3)])
    );
    assert_eq!(
        import.warnings,
        ["The column “custom 1” repeats another column; only the first one is read."]
    );
}

#[test]
fn missing_kpi_columns_are_fine_and_unknown_columns_are_ignored_with_a_warning() {
    let import = parse("name,department,Posts,Likes\nAda Brightwater,Sales,6,100\n");
    assert_eq!(values(&import), [("Ada Brightwater", v(&[("posts", 6)]))]);
    assert_eq!(
        import.warnings,
        [
            "The column “department” is not a KPI of this period; it is ignored.",
            "The column “Likes” is not a KPI of this period; it is ignored.",
        ]
    );
}

#[test]
fn a_file_without_any_kpi_column_warns_that_it_changes_nothing() {
    let import = parse("name,email\nAda Brightwater,ada@northwind.example\n");
    assert_eq!(import.rows.len(), 1);
    assert_eq!(
        import.warnings,
        ["The file has no column for any KPI of this period (Posts, Comments, Followers gained, Intranet articles), so it changes nothing. The template for the period shows the columns."]
    );
}

#[test]
fn a_negative_count_is_a_row_error_in_plain_words() {
    let import = parse("name,Posts,Comments\nAda Brightwater,-3,1\nJohn Smith,2,−1\n");
    assert_eq!(import.rows, vec![]);
    let messages: Vec<&str> = import.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "“-3” in Posts is negative — counts start at 0.",
            "“−1” in Comments is negative — counts start at 0.",
        ]
    );
    assert_eq!(error_lines(&import.errors), [2, 3]);
}

#[test]
fn text_decimals_and_huge_numbers_are_row_errors_naming_the_column() {
    let import = parse(
        "name,Posts,Comments\nAda Brightwater,twelve,1\nJohn Smith,2.5,1\nGrace Okafor,4294967296,1\nOlu Outside,-abc,1\n",
    );
    assert_eq!(import.rows, vec![]);
    let messages: Vec<&str> = import.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "“twelve” in Posts is not a whole number — type a count such as 12 (no decimals, no text).",
            "“2.5” in Posts is not a whole number — type a count such as 12 (no decimals, no text).",
            "“4294967296” in Posts is too large — at most 4,294,967,295 per period.",
            "“-abc” in Posts is not a whole number — type a count such as 12 (no decimals, no text).",
        ]
    );
}

#[test]
fn every_problem_of_a_row_is_reported_and_the_row_is_left_out() {
    let import = parse("name,Posts,Comments\nAda Brightwater,-1,x\nJohn Smith,1,2\n");
    assert_eq!(
        values(&import),
        [("John Smith", v(&[("posts", 1), ("comments", 2)]))]
    );
    assert_eq!(error_lines(&import.errors), [2, 2]);
}

#[test]
fn an_unquoted_decimal_comma_shows_up_as_an_extra_value() {
    let import = parse("name,Posts\nAda Brightwater,1,5\n");
    assert_eq!(import.rows, vec![]);
    assert!(
        import.errors[0].message.contains("“1,5” without quotes"),
        "{}",
        import.errors[0].message
    );
}

#[test]
fn a_row_with_fewer_values_than_columns_is_an_error() {
    let import = parse("name,Posts,Comments\nAda Brightwater,1\n");
    assert_eq!(import.rows, vec![]);
    assert!(import.errors[0]
        .message
        .starts_with("This row has 2 values but the first line names 3 columns."));
}

#[test]
fn blank_cells_and_blank_rows_change_nothing() {
    let import = parse("name,Posts,Comments\n\nAda Brightwater, ,4\n,,\n");
    assert_eq!(
        values(&import),
        [("Ada Brightwater", v(&[("comments", 4)]))]
    );
    assert_eq!(import.errors, vec![]);
}

#[test]
fn a_row_without_name_or_email_cannot_be_matched() {
    let import = parse("name,email,Posts\n,,3\n");
    assert_eq!(import.rows, vec![]);
    assert_eq!(
        import.errors[0].message,
        "The name and the e-mail address are both blank, so the row cannot be matched to an executive."
    );
}

#[test]
fn files_that_cannot_be_used_at_all_are_refused_with_a_reason() {
    let refused = |text: &str| parse_activity_csv(text, &kpis()).expect_err("refused");
    assert_eq!(refused(""), "The file is empty.");
    assert_eq!(refused("\u{feff} \r\n"), "The file is empty.");
    assert!(refused("name\0,Posts").starts_with("This is not a text file."));
    assert!(
        refused("Posts,Comments\n1,2\n").starts_with("The file has no “name” or “email” column")
    );
    let huge = format!(
        "name,Posts\n{}",
        "Ada,1\n".repeat(MAX_ACTIVITY_BYTES / 6 + 1)
    );
    assert!(refused(&huge).starts_with("The file is too large"));
}

#[test]
fn an_email_column_alone_is_enough() {
    let competition = competition();
    let plan = plan(
        &competition,
        "email,Posts\nJOHN.SMITH@northwind.example,3\n",
    );
    assert_eq!(plan.updates.len(), 1);
    assert_eq!(plan.updates[0].executive, id(JOHN));
}

// --- Matching and the plan -----------------------------------------------------------------------

#[test]
fn unknown_names_are_reported_with_a_suggestion_when_one_is_close() {
    let competition = competition();
    let plan = plan(
        &competition,
        "name,email,Posts\nAda Brightwater,,1\nJon Smyth,,2\nZed Nobody,,3\n,nobody@northwind.example,4\n",
    );
    assert_eq!(plan.updates.len(), 1);
    assert_eq!(
        plan.unknown,
        vec![
            RowError {
                line: 3,
                message: "“Jon Smyth” is not on the roster. Did you mean “John Smith”? Correct the name (or add the e-mail address) in the file and import it again.".into()
            },
            RowError {
                line: 4,
                message: "“Zed Nobody” is not on the roster. Check the spelling, or add the executive to the roster (Step 1) and to the league first.".into()
            },
            RowError {
                line: 5,
                message: "No executive on the roster has the e-mail address “nobody@northwind.example”. Check the spelling, or add the executive to the roster (Step 1) and to the league first.".into()
            },
        ]
    );
}

#[test]
fn names_match_ignoring_case_and_extra_spaces() {
    let competition = competition();
    let plan = plan(&competition, "name,Posts\n  john   SMITH ,2\n");
    assert_eq!(plan.unknown, vec![]);
    assert_eq!(plan.updates[0].executive, id(JOHN));
    assert_eq!(plan.updates[0].name, "John Smith");
}

#[test]
fn the_email_address_beats_the_name() {
    let competition = competition();
    // The name says Grace, the address is Ada's: the row is Ada's.
    let plan = plan(
        &competition,
        "name,email,Posts\nGrace Okafor,ADA@northwind.example,9\n",
    );
    assert_eq!(plan.updates.len(), 1);
    assert_eq!(plan.updates[0].executive, id(ADA));
    assert_eq!(plan.updates[0].describe(), "Posts 3 → 9");
}

#[test]
fn an_unknown_email_address_falls_back_to_the_name() {
    let competition = competition();
    let plan = plan(
        &competition,
        "name,email,Posts\nGrace Okafor,grace@old.example,9\n",
    );
    assert_eq!(plan.updates[0].executive, id(GRACE));
}

#[test]
fn a_second_row_about_the_same_executive_is_left_out() {
    let competition = competition();
    let plan = plan(
        &competition,
        "name,email,Posts\nAda Brightwater,,4\nJohn Smith,,1\n,ada@northwind.example,8\n",
    );
    assert_eq!(plan.updates.len(), 2);
    assert_eq!(plan.updates[0].describe(), "Posts 3 → 4");
    assert_eq!(
        plan.skipped,
        vec![RowError {
            line: 4,
            message: "Line 2 already gives the activity of Ada Brightwater; this row is left out."
                .into()
        }]
    );
}

#[test]
fn executives_outside_the_league_and_deleted_ones_are_not_imported() {
    let competition = competition();
    let plan = plan(
        &competition,
        "name,Posts\nOlu Outside,4\nDeleted executive,2\nJohn Smith,1\n",
    );
    assert_eq!(plan.updates.len(), 1);
    assert_eq!(
        plan.not_in_league,
        vec![RowError {
            line: 2,
            message: "Olu Outside is not in this competition's league. The row is left out.".into()
        }]
    );
    assert_eq!(
        error_lines(&plan.unknown),
        [3],
        "a deleted executive is not on the roster"
    );
}

#[test]
fn a_closed_period_is_locked_and_nothing_can_be_applied() {
    let mut competition = closed(competition());
    let plan = plan(
        &competition,
        "name,Posts\nAda Brightwater,40\nZed Nobody,1\n",
    );
    assert_eq!(
        plan.locked.as_deref(),
        Some("January 2026 is closed, so its activity is locked. Reopen the period to change it (reopening is recorded).")
    );
    assert_eq!(plan.updates, vec![]);
    assert!(!plan.changes_anything());
    assert_eq!(
        error_lines(&plan.unknown),
        [3],
        "unknown names are still reported"
    );
    let before = competition.clone();
    assert_eq!(
        apply_activity_import(&mut competition, &january(), &plan, at(500)),
        Err(CompetitionError::Closed("January 2026".into()))
    );
    assert_eq!(competition, before);
}

#[test]
fn a_period_closed_after_the_preview_refuses_the_import() {
    let competition = competition();
    let plan = plan(&competition, "name,Posts\nAda Brightwater,40\n");
    assert!(plan.locked.is_none());
    let mut now_closed = closed(competition);
    let before = now_closed.clone();
    assert!(matches!(
        apply_activity_import(&mut now_closed, &january(), &plan, at(500)),
        Err(CompetitionError::Closed(_))
    ));
    assert_eq!(now_closed, before);
}

// --- Applying ------------------------------------------------------------------------------------

#[test]
fn nothing_is_applied_until_the_plan_is_confirmed() {
    let competition = competition();
    let before = competition.clone();
    let text = "name,Posts,Comments\nAda Brightwater,9,\nJohn Smith,1,1\n";
    let import = parse(text);
    let _ = plan_activity_import(&competition, &executives(), &january(), &import);
    assert_eq!(competition, before);
}

#[test]
fn applying_records_the_planned_values_and_leaves_the_rest_alone() {
    let mut competition = competition();
    let plan = plan(
        &competition,
        "name,Posts,Comments\nAda Brightwater,9,\nJohn Smith,1,1\nGrace Okafor,,\n",
    );
    assert_eq!(
        apply_activity_import(&mut competition, &january(), &plan, at(500)),
        Ok(2)
    );
    let jan = january().start;
    // Ada: posts changed, comments (blank in the file) kept.
    assert_eq!(competition.value(jan, id(ADA), "posts"), Some(9));
    assert_eq!(competition.value(jan, id(ADA), "comments"), Some(2));
    assert_eq!(competition.value(jan, id(JOHN), "posts"), Some(1));
    assert_eq!(competition.value(jan, id(JOHN), "comments"), Some(1));
    assert_eq!(
        competition.row(jan, id(GRACE)),
        None,
        "an empty row records nothing"
    );
    assert!(competition.row(jan, id(ADA)).unwrap().updated_at >= at(500));
    // Importing the same file again changes nothing.
    let again = plan_activity_import(
        &competition,
        &executives(),
        &january(),
        &parse("name,Posts,Comments\nAda Brightwater,9,\nJohn Smith,1,1\n"),
    );
    assert_eq!(again.updates, vec![]);
    assert_eq!(again.unchanged, 2);
}

#[test]
fn applying_is_all_or_nothing_when_the_league_changed_since_the_preview() {
    let mut competition = competition();
    let plan = plan(
        &competition,
        "name,Posts\nAda Brightwater,9\nJohn Smith,1\n",
    );
    // John leaves the league between the preview and the confirmation.
    competition.settings.rules.league.retain(|e| *e != id(JOHN));
    let before = competition.clone();
    assert!(matches!(
        apply_activity_import(&mut competition, &january(), &plan, at(500)),
        Err(CompetitionError::NotInLeague(_))
    ));
    assert_eq!(competition, before, "Ada's row was not applied either");
}

#[test]
fn two_kpis_with_the_same_label_are_told_apart_by_their_order() {
    let mut competition = competition();
    competition.settings.rules.kpis = vec![
        kpi("custom-1", KpiKind::Custom, "Articles", 1.0),
        kpi("custom-2", KpiKind::Custom, "Articles", 2.0),
    ];
    let template = activity_template(&competition, &executives(), &january());
    let filled = template.replacen("ada@northwind.example,,", "ada@northwind.example,4,7", 1);
    let import = parse_activity_csv(&filled, &competition.settings.rules.kpis).expect("usable");
    assert_eq!(import.warnings, Vec::<String>::new());
    assert_eq!(
        import.rows[0].values,
        v(&[("custom-1", 4), ("custom-2", 7)])
    );
}

// --- The scoreboard export: row 13 ---------------------------------------------------------------

fn line(kpi: &str, label: &str, value: u32, counted: u32, ppu: f64) -> KpiLine {
    KpiLine {
        kpi: kpi.to_string(),
        label: label.to_string(),
        network: None,
        value,
        counted,
        capped: counted < value,
        points_per_unit: ppu,
        points: f64::from(counted) * ppu,
    }
}

fn standing(
    executive: u128,
    rank: usize,
    lines: Vec<KpiLine>,
    movement: Movement,
    improvement: Option<f64>,
) -> Standing {
    let raw: f64 = lines.iter().map(|l| l.points).sum();
    Standing {
        executive: id(executive),
        rank,
        score: Score {
            lines,
            raw,
            networks: Vec::new(),
            points: raw,
            recorded: true,
            previous_raw: improvement.map(|i| raw - i),
            improvement,
        },
        ranked_on: Some(raw),
        movement,
    }
}

fn board() -> Scoreboard {
    let rules = Rules {
        kpis: vec![
            kpi("posts", KpiKind::Posts, "Posts", 10.0),
            kpi("reactions", KpiKind::Reactions, "=Reactions", 0.5),
        ],
        scoring: ScoringMode::Raw,
        league: vec![id(ADA), id(JOHN), id(GRACE)],
    };
    Scoreboard {
        period: january(),
        rules,
        closed: false,
        standings: vec![
            standing(
                ADA,
                1,
                vec![
                    line("posts", "Posts", 1234, 1234, 10.0),
                    line("reactions", "=Reactions", 5, 5, 0.5),
                ],
                Movement::Up(2),
                Some(12.5),
            ),
            standing(
                JOHN,
                2,
                vec![
                    line("posts", "Posts", 1, 1, 10.0),
                    line("reactions", "=Reactions", 300, 200, 0.5),
                ],
                Movement::Down(1),
                Some(-2.5),
            ),
            standing(
                GRACE,
                2,
                vec![
                    line("posts", "Posts", 11, 11, 10.0),
                    line("reactions", "=Reactions", 0, 0, 0.5),
                ],
                Movement::Same,
                None,
            ),
        ],
        most_social: vec![id(ADA)],
        most_improved: vec![id(ADA)],
        best: 12342.5,
        has_previous: true,
        any_activity: true,
    }
}

#[test]
fn the_scoreboard_export_has_its_columns_and_plain_numbers() {
    let text = scoreboard_csv(&board(), &executives());
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        cells(&text),
        vec![
            vec![
                "rank",
                "name",
                "title",
                "department",
                "email",
                "points",
                "movement",
                "improvement",
                "Posts count",
                "Posts points",
                "'=Reactions count",
                "'=Reactions points"
            ],
            vec![
                "1",
                "Ada Brightwater",
                "Title of Ada Brightwater",
                "Executive office",
                "ada@northwind.example",
                "12342.5",
                "up 2",
                "12.5",
                "1234",
                "12340",
                "5",
                "2.5"
            ],
            vec![
                "2",
                "John Smith",
                "Title of John Smith",
                "Executive office",
                "john.smith@northwind.example",
                "110",
                "down 1",
                "-2.5",
                "1",
                "10",
                "300",
                "100"
            ],
            vec![
                "2",
                "Grace Okafor",
                "Title of Grace Okafor",
                "Executive office",
                "grace@northwind.example",
                "110",
                "same",
                "",
                "11",
                "110",
                "0",
                "0"
            ],
        ]
    );
}

#[test]
fn the_scoreboard_export_neutralises_text_that_a_spreadsheet_would_run() {
    let mut people = executives();
    people[0].name = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
    people[0].title = "+1 (555) 0100".into();
    people[0].department = "-Sales".into();
    people[0].email = "@evil".into();
    people[1].name = "\tJohn".into();
    people[1].title = "\rCFO".into();
    people[1].department = "\nFinance".into();
    let rows = cells(&scoreboard_csv(&board(), &people));
    assert_eq!(rows[1][1], "'=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!(rows[1][2], "'+1 (555) 0100");
    assert_eq!(rows[1][3], "'-Sales");
    assert_eq!(rows[1][4], "'@evil");
    assert_eq!(rows[2][1], "'\tJohn");
    assert_eq!(rows[2][2], "'\rCFO");
    assert_eq!(rows[2][3], "'\nFinance");
    // Numbers stay numbers, also a negative improvement.
    assert_eq!(rows[1][5], "12342.5");
    assert_eq!(rows[2][7], "-2.5");
    for row in &rows[1..] {
        for cell in [&row[0], &row[5], &row[8], &row[9]] {
            assert!(!cell.starts_with('\''), "{cell}");
            assert!(cell.parse::<f64>().is_ok(), "{cell}");
        }
    }
}

#[test]
fn movement_covers_new_executives() {
    let mut board = board();
    for s in &mut board.standings {
        s.movement = Movement::New;
    }
    let rows = cells(&scoreboard_csv(&board, &executives()));
    assert!(rows[1..].iter().all(|r| r[6] == "new"));
}

#[test]
fn numbers_for_spreadsheets_have_one_decimal_at_most_and_no_separators() {
    for (value, text) in [
        (0.0, "0"),
        (-0.0, "0"),
        (-0.04, "0"),
        (3.25, "3.3"),
        (12.0, "12"),
        (0.5, "0.5"),
        (1_234_567.89, "1234567.9"),
        (-2.5, "-2.5"),
        (-12.0, "-12"),
    ] {
        assert_eq!(plain_number(value), text, "{value}");
    }
    assert_eq!(plain_number(f64::NAN), "");
    assert_eq!(plain_number(f64::INFINITY), "");
}

#[test]
fn the_export_of_a_computed_scoreboard_lists_the_live_league_best_first() {
    let competition = competition();
    let board = scoreboard(&competition, &executives(), &[january()], 0);
    let rows = cells(&scoreboard_csv(&board, &executives()));
    assert_eq!(
        rows.len(),
        4,
        "header, then Ada, John and Grace (the deleted member is left out)"
    );
    assert_eq!(
        rows[1][..8],
        [
            "1",
            "Ada Brightwater",
            "Title of Ada Brightwater",
            "Executive office",
            "ada@northwind.example",
            "36",
            "new",
            ""
        ]
    );
    assert_eq!(rows[1][8..], ["3", "30", "2", "6", "0", "0", "0", "0"]);
    assert_eq!(rows[2][0], "2");
    assert_eq!(rows[3][0], "2", "equal points share a rank");
}

// --- Row 15: never panics ------------------------------------------------------------------------

fn csv_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("name".to_string()),
            Just("email".to_string()),
            Just("Posts".to_string()),
            Just("comments".to_string()),
            Just("Ada Brightwater".to_string()),
            Just("ada@northwind.example".to_string()),
            Just("-3".to_string()),
            Just("1,5".to_string()),
            Just("99999999999999999999".to_string()),
            "[0-9]{1,4}",
            "[,;\t\"\r\n\u{feff}' ]{1,3}",
            any::<String>(),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn exercise(text: &str) {
    let competition = competition();
    if let Ok(import) = parse_activity_csv(text, &kpis()) {
        for plan in [
            plan_activity_import(&competition, &executives(), &january(), &import),
            plan_activity_import(
                &closed(competition.clone()),
                &executives(),
                &january(),
                &import,
            ),
        ] {
            for update in &plan.updates {
                let _ = update.describe();
            }
            let mut copy = competition.clone();
            let _ = apply_activity_import(&mut copy, &january(), &plan, at(900));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn reading_any_text_never_panics(text in any::<String>()) {
        exercise(&text);
    }

    #[test]
    fn reading_csv_like_text_never_panics(text in csv_like()) {
        exercise(&text);
    }

    #[test]
    fn the_template_always_reads_back_unchanged(
        names in prop::collection::vec("[=+@\\-a-zA-Z ,;\"]{1,12}", 3),
        posts in prop::collection::vec(prop::option::of(0u32..5000), 3),
    ) {
        let mut people = executives();
        let mut competition = competition();
        competition.activity.clear();
        for (i, (name, posts)) in names.iter().zip(&posts).enumerate() {
            people[i].name = format!("{name} {i}");
            people[i].email = String::new();
            if let Some(n) = posts {
                competition.activity.push(row(people[i].id.as_u128(), &[("posts", *n)]));
            }
        }
        let template = activity_template(&competition, &people, &january());
        let import = parse_activity_csv(&template, &kpis()).expect("the template is usable");
        prop_assert_eq!(&import.errors, &vec![]);
        let plan = plan_activity_import(&competition, &people, &january(), &import);
        prop_assert_eq!(&plan.unknown, &vec![]);
        prop_assert_eq!(&plan.updates, &vec![]);
    }
}
