//! Importing a backup file: reliability rows 9 (specific errors), 10 (repairs) and 15 (never panic),
//! and the preview of what an import would change.

mod common;

use chrono::NaiveDate;
use common::*;
use exec_social_playbook::io::envelope::{BACKUP_FORMAT, INDEX_FORMAT, PROGRAMME_FORMAT};
use exec_social_playbook::io::read::{nesting_depth_exceeds, MAX_BYTES, MAX_DEPTH};
use exec_social_playbook::io::stored::{parse_stored_index, parse_stored_programme};
use exec_social_playbook::io::{
    parse_backup, preview, BackupFile, ReadError, RecordCounts, StoredProgramme, SCHEMA_VERSION,
};
use exec_social_playbook::model::competition::{
    ActivityRow, Competition, CompetitionSettings, Kpi, KpiKind, PeriodAction, PeriodEvent,
    PeriodKind, PeriodRecord, Rules, ScoringMode, DEFAULT_CUSTOM_DAYS,
};
use exec_social_playbook::model::demo::demo_programme;
use exec_social_playbook::model::{Programme, Workspace};
use proptest::prelude::*;

fn import_error(text: &str) -> ReadError {
    match parse_backup(text) {
        Ok(parsed) => panic!("expected an error, got {parsed:?}"),
        Err(error) => {
            assert_plain_words(&error.to_string());
            error
        }
    }
}

fn backup_json(programmes: Vec<Programme>, current: Option<uuid::Uuid>) -> String {
    BackupFile::new(programmes, current, at(100)).to_json()
}

/// A valid backup with `extra` spliced in as the value of an unknown top-level field.
fn backup_with_extra_field(extra: &str) -> String {
    let json = backup_json(vec![programme(1, "Pilot", 0, 0)], None);
    json.replacen('{', &format!("{{\"extra\": {extra},"), 1)
}

// --- Row 9: each problem is a specific error in plain words ----------------------------------------

#[test]
fn importing_an_empty_file_says_it_is_empty() {
    assert_eq!(import_error(""), ReadError::Empty);
    assert_eq!(ReadError::Empty.to_string(), "The file is empty.");
}

#[test]
fn importing_a_file_of_only_whitespace_says_it_is_empty() {
    assert_eq!(import_error("  \n\t\r\n  "), ReadError::Empty);
}

#[test]
fn importing_a_file_of_only_a_byte_order_mark_says_it_is_empty() {
    assert_eq!(import_error("\u{feff}"), ReadError::Empty);
    assert_eq!(import_error("\u{feff}  \n"), ReadError::Empty);
}

#[test]
fn importing_a_backup_that_starts_with_a_byte_order_mark_works() {
    let json = format!(
        "\u{feff}{}",
        backup_json(vec![programme(1, "Pilot", 0, 0)], None)
    );
    assert!(parse_backup(&json).is_ok());
}

#[test]
fn importing_text_that_is_not_json_names_the_line_and_column() {
    let error = import_error("{\n  \"format\": oops\n}");
    match &error {
        ReadError::NotJson { line, column, .. } => {
            assert_eq!((*line, *column), (2, 13));
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
    let message = error.to_string();
    assert!(
        message.starts_with("The file is not valid JSON (line 2, column 13: "),
        "{message}"
    );
    assert!(
        !message.contains(" at line "),
        "no doubled position: {message}"
    );
}

#[test]
fn importing_a_spreadsheet_says_it_is_not_json() {
    let error = import_error("name,title\nAda,CTO\n");
    assert!(
        matches!(error, ReadError::NotJson { line: 1, .. }),
        "{error:?}"
    );
}

#[test]
fn importing_a_cut_off_file_says_it_ends_too_early() {
    let full = backup_json(vec![demo_programme(at(0))], None);
    for cut in [1, 10, full.len() / 2, full.len() - 1] {
        let error = import_error(&full[..cut]);
        match &error {
            ReadError::NotJson { reason, .. } => {
                assert!(reason.contains("ends too early"), "cut at {cut}: {reason}")
            }
            other => panic!("cut at {cut}: expected NotJson, got {other:?}"),
        }
        assert!(error.to_string().contains("it may be cut off"));
    }
}

#[test]
fn importing_a_file_over_the_size_limit_says_it_is_too_large() {
    let padding = "x".repeat(MAX_BYTES);
    let text = backup_with_extra_field(&format!("\"{padding}\""));
    let error = import_error(&text);
    match error {
        ReadError::TooLarge { bytes, limit } => {
            assert_eq!(limit, MAX_BYTES);
            assert!(bytes > limit, "{bytes} vs {limit}");
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    let message = import_error(&"x".repeat(30 * 1024 * 1024)).to_string();
    assert_eq!(
        message,
        "The file is too large (30 MB); the limit is 25 MB."
    );
    let just_over = import_error(&"x".repeat(MAX_BYTES + 1)).to_string();
    assert_eq!(
        just_over,
        "The file is too large (25.1 MB); the limit is 25 MB."
    );
}

#[test]
fn importing_a_file_exactly_at_the_size_limit_is_accepted() {
    let base = backup_json(vec![programme(1, "Pilot", 0, 0)], None);
    let text = format!("{base}{}", " ".repeat(MAX_BYTES - base.len()));
    assert_eq!(text.len(), MAX_BYTES);
    assert!(parse_backup(&text).is_ok());
}

#[test]
fn importing_200_levels_of_lists_says_it_is_nested_too_deeply() {
    let text = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(import_error(&text), ReadError::TooDeep { depth: MAX_DEPTH });
}

#[test]
fn importing_200_levels_of_objects_says_it_is_nested_too_deeply() {
    let text = format!("{}1{}", "{\"a\":".repeat(200), "}".repeat(200));
    assert_eq!(import_error(&text), ReadError::TooDeep { depth: MAX_DEPTH });
}

#[test]
fn importing_a_valid_backup_with_a_deeply_nested_extra_field_says_it_is_nested_too_deeply() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let text = backup_with_extra_field(&deep);
    assert_eq!(import_error(&text), ReadError::TooDeep { depth: MAX_DEPTH });
}

#[test]
fn importing_a_million_open_brackets_does_not_overflow_the_stack() {
    let text = "[".repeat(1_000_000);
    assert_eq!(import_error(&text), ReadError::TooDeep { depth: MAX_DEPTH });
    let text = "{\"a\":".repeat(1_000_000);
    assert_eq!(import_error(&text), ReadError::TooDeep { depth: MAX_DEPTH });
}

#[test]
fn brackets_inside_text_do_not_count_as_nesting() {
    let mut executive = executive(1, "Ada", 0, 0);
    executive.notes = format!("\\\"{}\" {{", "[".repeat(500));
    let programme = with_executives(programme(1, "Pilot", 0, 0), vec![executive.clone()]);
    let parsed =
        parse_backup(&backup_json(vec![programme], None)).expect("brackets in notes are text");
    assert_eq!(
        parsed.file.programmes[0].executives[0].notes,
        executive.notes
    );
}

#[test]
fn nesting_just_within_the_limit_is_not_too_deep() {
    let at_limit = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(!nesting_depth_exceeds(&at_limit, MAX_DEPTH));
    let past_limit = format!("[{at_limit}]");
    assert!(nesting_depth_exceeds(&past_limit, MAX_DEPTH));
}

#[test]
fn importing_a_json_list_says_it_is_not_a_backup_file() {
    let error = import_error("[1, 2, 3]");
    assert_eq!(
        error,
        ReadError::WrongFormat {
            expected: "backup file",
            found: "a JSON list".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "This is not an Exec Social Playbook backup file (its format is a JSON list)."
    );
}

#[test]
fn importing_a_bare_json_value_names_what_it_is() {
    for (text, kind) in [
        ("\"hello\"", "a JSON string"),
        ("42", "a JSON number"),
        ("null", "a JSON null"),
        ("true", "a JSON true/false value"),
    ] {
        match import_error(text) {
            ReadError::WrongFormat { found, .. } => assert_eq!(found, kind),
            other => panic!("{text}: expected WrongFormat, got {other:?}"),
        }
    }
}

#[test]
fn importing_another_apps_json_names_its_format() {
    let error = import_error(r#"{"format": "some-other-app/export", "schema_version": 2}"#);
    assert_eq!(
        error,
        ReadError::WrongFormat {
            expected: "backup file",
            found: "\"some-other-app/export\"".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "This is not an Exec Social Playbook backup file (its format is \"some-other-app/export\")."
    );
}

#[test]
fn importing_the_programme_index_is_refused_as_the_wrong_format() {
    let text =
        format!(r#"{{"format": "{INDEX_FORMAT}", "schema_version": 2, "programme_ids": []}}"#);
    assert!(matches!(import_error(&text), ReadError::WrongFormat { .. }));
}

#[test]
fn a_very_long_foreign_format_name_is_shortened_in_the_message() {
    let long = "z".repeat(10_000);
    let text = format!(r#"{{"format": "{long}"}}"#);
    match import_error(&text) {
        ReadError::WrongFormat { found, .. } => assert!(found.len() < 100, "{}", found.len()),
        other => panic!("expected WrongFormat, got {other:?}"),
    }
}

#[test]
fn importing_json_without_a_format_says_the_format_is_not_stated() {
    for text in [
        r#"{"schema_version": 2, "programmes": []}"#,
        r#"{"format": 7, "schema_version": 2}"#,
        "{}",
    ] {
        assert_eq!(
            import_error(text),
            ReadError::WrongFormat {
                expected: "backup file",
                found: "not stated".into()
            },
            "{text}"
        );
    }
}

#[test]
fn importing_a_backup_from_a_newer_app_says_to_update_the_app() {
    let text = backup_json(vec![programme(1, "Pilot", 0, 0)], None).replacen(
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        &format!("\"schema_version\": {}", SCHEMA_VERSION + 1),
        1,
    );
    let error = import_error(&text);
    assert_eq!(
        error,
        ReadError::Newer {
            found: SCHEMA_VERSION + 1
        }
    );
    let message = error.to_string();
    assert!(message.contains("newer version"), "{message}");
    assert!(message.contains("Update the app"), "{message}");
}

#[test]
fn importing_a_backup_with_a_huge_version_says_it_is_newer() {
    let text = format!(r#"{{"format": "{BACKUP_FORMAT}", "schema_version": 99999999999}}"#);
    assert!(matches!(import_error(&text), ReadError::Newer { .. }));
}

#[test]
fn importing_a_stored_programme_from_a_newer_app_says_it_is_newer() {
    let text = StoredProgramme::to_json(&programme(1, "Pilot", 0, 0)).replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        "\"schema_version\":7",
        1,
    );
    assert_eq!(import_error(&text), ReadError::Newer { found: 7 });
    assert_eq!(
        parse_stored_programme(&text).unwrap_err(),
        ReadError::Newer { found: 7 }
    );
}

#[test]
fn importing_a_backup_without_a_version_says_its_content_is_not_valid() {
    let text = format!(r#"{{"format": "{BACKUP_FORMAT}", "programmes": []}}"#);
    match import_error(&text) {
        ReadError::WrongShape { expected, reason } => {
            assert_eq!(expected, "backup file");
            assert!(reason.contains("schema_version"), "{reason}");
        }
        other => panic!("expected WrongShape, got {other:?}"),
    }
}

#[test]
fn importing_a_backup_of_the_wrong_shape_says_its_content_is_not_valid() {
    let cases = [
        format!(r#"{{"format": "{BACKUP_FORMAT}", "schema_version": 2}}"#),
        format!(
            r#"{{"format": "{BACKUP_FORMAT}", "schema_version": 2, "exported_at": "2026-01-01T00:00:00Z", "programmes": "all of them"}}"#
        ),
        format!(
            r#"{{"format": "{BACKUP_FORMAT}", "schema_version": 2, "exported_at": "yesterday", "programmes": []}}"#
        ),
        backup_json(vec![programme(1, "Pilot", 0, 0)], None).replacen(
            &id(1).to_string(),
            "not-a-uuid",
            1,
        ),
        format!(r#"{{"format": "{PROGRAMME_FORMAT}", "schema_version": 2, "programme": []}}"#),
    ];
    for text in cases {
        let error = import_error(&text);
        assert!(matches!(error, ReadError::WrongShape { .. }), "{error:?}");
        assert!(
            error
                .to_string()
                .starts_with("The file looks like an Exec Social Playbook backup file but its content is not valid: "),
            "{error}"
        );
    }
}

#[test]
fn stored_documents_report_the_same_specific_errors() {
    assert_eq!(parse_stored_programme("").unwrap_err(), ReadError::Empty);
    assert!(matches!(
        parse_stored_programme("{\"format\":").unwrap_err(),
        ReadError::NotJson { .. }
    ));
    assert!(matches!(
        parse_stored_index(&backup_json(vec![], None)).unwrap_err(),
        ReadError::WrongFormat {
            expected: "programme index",
            ..
        }
    ));
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(
        parse_stored_index(&deep).unwrap_err(),
        ReadError::TooDeep { depth: MAX_DEPTH }
    );
    // A stored programme too: its fast typed reading has no depth scan of its own, so the deep
    // nesting has to be refused by serde_json's limit and then named by the careful reading —
    // also inside a field that the typed reading would skip.
    assert_eq!(
        parse_stored_programme(&deep).unwrap_err(),
        ReadError::TooDeep { depth: MAX_DEPTH }
    );
    let hidden = format!(
        "{{\"format\":\"exec-social-playbook/programme\",\"schema_version\":5,\"extra\":{}1{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert_eq!(
        parse_stored_programme(&hidden).unwrap_err(),
        ReadError::TooDeep { depth: MAX_DEPTH }
    );
}

#[test]
fn every_error_message_is_plain_words() {
    let errors = [
        ReadError::Empty,
        ReadError::TooLarge {
            bytes: 33_030_144,
            limit: MAX_BYTES,
        },
        ReadError::NotJson {
            line: 3,
            column: 7,
            reason: "the file ends too early — it may be cut off".into(),
        },
        ReadError::TooDeep { depth: MAX_DEPTH },
        ReadError::WrongFormat {
            expected: "backup file",
            found: "a JSON list".into(),
        },
        ReadError::Newer { found: 3 },
        ReadError::Migration("its data version (0) is not one this app knows".into()),
        ReadError::WrongShape {
            expected: "backup file",
            reason: "missing field `programmes`".into(),
        },
    ];
    for error in errors {
        assert_plain_words(&error.to_string());
    }
}

// --- Row 10: what a file gets wrong is repaired and reported ----------------------------------------

#[test]
fn a_programme_that_appears_twice_in_a_file_is_merged_and_reported() {
    let first = with_executives(programme(1, "Pilot", 0, 0), vec![executive(1, "Ada", 0, 0)]);
    let mut second = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![executive(2, "Grace", 1, 1)],
    );
    second.edit_settings(at(9), |s| s.owner = "Newer owner".into());
    let parsed = parse_backup(&backup_json(vec![first.clone(), second.clone()], None)).unwrap();

    assert_eq!(parsed.file.programmes, vec![first.merge(&second)]);
    let merged = &parsed.file.programmes[0];
    assert_eq!(merged.settings.owner, "Newer owner");
    assert_eq!(merged.roster().count(), 2);
    assert_eq!(parsed.repairs.len(), 1, "{:?}", parsed.repairs);
    assert!(
        parsed.repairs[0].contains("\"Pilot\""),
        "{}",
        parsed.repairs[0]
    );
    assert!(
        parsed.repairs[0].contains("more than once"),
        "{}",
        parsed.repairs[0]
    );
}

#[test]
fn programmes_keep_the_order_of_the_file_after_a_duplicate_is_merged() {
    let a = programme(5, "A", 0, 0);
    let b = programme(2, "B", 1, 1);
    let parsed = parse_backup(&backup_json(vec![a.clone(), b.clone(), a.clone()], None)).unwrap();
    let ids: Vec<_> = parsed.file.programmes.iter().map(Programme::id).collect();
    assert_eq!(ids, [a.id(), b.id()]);
}

#[test]
fn an_executive_that_appears_twice_keeps_the_newer_copy_and_is_reported() {
    let programme = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![
            executive(1, "Ada (newer)", 0, 20),
            executive(2, "Grace", 1, 1),
            executive(1, "Ada (older)", 0, 10),
        ],
    );
    let parsed = parse_backup(&backup_json(vec![programme], None)).unwrap();
    let names: Vec<&str> = parsed.file.programmes[0]
        .executives
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["Ada (newer)", "Grace"]);
    assert_eq!(parsed.repairs.len(), 1, "{:?}", parsed.repairs);
    assert!(
        parsed.repairs[0].contains("1 executive record(s) shared an id"),
        "{}",
        parsed.repairs[0]
    );
}

#[test]
fn a_duplicated_executive_whose_newer_copy_is_a_tombstone_stays_deleted() {
    let programme = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![executive(1, "Ada", 0, 10), tombstone(1, "Ada", 0, 20)],
    );
    let parsed = parse_backup(&backup_json(vec![programme], None)).unwrap();
    assert_eq!(
        parsed.file.programmes[0].executives,
        vec![tombstone(1, "Ada", 0, 20)]
    );
}

#[test]
fn executives_without_a_name_are_called_unnamed_and_reported() {
    let programme = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![
            executive(1, "", 0, 0),
            executive(2, "   ", 1, 1),
            executive(3, "Ada", 2, 2),
        ],
    );
    let parsed = parse_backup(&backup_json(vec![programme], None)).unwrap();
    let names: Vec<&str> = parsed.file.programmes[0]
        .executives
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["Unnamed executive", "Unnamed executive", "Ada"]);
    assert_eq!(parsed.repairs.len(), 1, "{:?}", parsed.repairs);
    assert!(
        parsed.repairs[0].contains("2 executive(s) had no name"),
        "{}",
        parsed.repairs[0]
    );
}

#[test]
fn an_open_programme_that_is_not_in_the_file_is_dropped_and_reported() {
    let parsed = parse_backup(&backup_json(
        vec![programme(1, "Pilot", 0, 0)],
        Some(id(99)),
    ))
    .unwrap();
    assert_eq!(parsed.file.current_programme_id, None);
    assert_eq!(parsed.repairs.len(), 1);
    assert!(
        parsed.repairs[0].contains("does not contain"),
        "{}",
        parsed.repairs[0]
    );
}

#[test]
fn an_open_programme_that_is_in_the_file_is_kept() {
    let parsed =
        parse_backup(&backup_json(vec![programme(1, "Pilot", 0, 0)], Some(id(1)))).unwrap();
    assert_eq!(parsed.file.current_programme_id, Some(id(1)));
    assert!(parsed.repairs.is_empty());
}

#[test]
fn several_problems_in_one_file_are_each_reported() {
    let twice = programme(1, "Twice", 0, 0);
    let broken = with_executives(
        programme(2, "Broken", 1, 1),
        vec![executive(1, "", 0, 0), executive(1, "", 0, 5)],
    );
    let text = backup_json(vec![twice.clone(), broken, twice], Some(id(42)));
    let parsed = parse_backup(&text).unwrap();
    assert_eq!(parsed.repairs.len(), 4, "{:#?}", parsed.repairs);
    for repair in &parsed.repairs {
        assert_plain_words(repair);
    }
}

#[test]
fn duplicated_executives_inside_a_duplicated_programme_end_up_once() {
    let broken = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![executive(1, "Ada", 0, 0), executive(1, "Ada (newer)", 0, 5)],
    );
    let parsed = parse_backup(&backup_json(vec![broken.clone(), broken], None)).unwrap();
    assert_eq!(
        parsed.file.programmes[0].executives,
        vec![executive(1, "Ada (newer)", 0, 5)]
    );
    assert!(!parsed.repairs.is_empty());
}

#[test]
fn a_clean_file_needs_no_repairs() {
    let demo = demo_programme(at(0));
    let parsed = parse_backup(&backup_json(vec![demo.clone()], Some(demo.id()))).unwrap();
    assert!(parsed.repairs.is_empty(), "{:?}", parsed.repairs);
    assert_eq!(parsed.migrated_from, None);
}

// --- Row 10 for competitions (Step 6) ---------------------------------------------------------------

/// A KPI as the app writes one.
fn kpi(id: &str, kind: KpiKind, points: f64) -> Kpi {
    Kpi {
        id: id.to_string(),
        kind,
        label: kind.label().to_string(),
        points,
        cap: None,
        network: None,
    }
}

fn rules(league: Vec<uuid::Uuid>) -> Rules {
    Rules {
        kpis: vec![
            kpi("posts", KpiKind::Posts, 10.0),
            kpi("comments", KpiKind::Comments, 3.0),
        ],
        scoring: ScoringMode::Raw,
        league,
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
}

/// A monthly competition with a fixed id, built as a struct literal (the model's constructors are
/// tested with the model).
fn competition(n: u128, name: &str, league: Vec<uuid::Uuid>) -> Competition {
    Competition {
        settings: CompetitionSettings {
            id: id(n),
            created_at: at(0),
            updated_at: at(0),
            deleted: false,
            name: name.to_string(),
            period_kind: PeriodKind::Monthly,
            start: day(1),
            end: None,
            custom_days: DEFAULT_CUSTOM_DAYS,
            rules: rules(league),
        },
        periods: Vec::new(),
        activity: Vec::new(),
    }
}

fn row(executive: u128, values: &[(&str, u32)], updated: i64) -> ActivityRow {
    ActivityRow {
        period: day(1),
        executive: id(executive),
        values: values.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        updated_at: at(updated),
    }
}

fn closed_record(most_social: Vec<uuid::Uuid>, updated: i64) -> PeriodRecord {
    PeriodRecord {
        period: day(1),
        updated_at: at(updated),
        closed: true,
        log: vec![PeriodEvent {
            action: PeriodAction::Closed,
            at: at(updated),
        }],
        rules: Some(rules(vec![id(1), id(2)])),
        most_social,
        most_improved: Vec::new(),
        note: None,
    }
}

/// "Pilot" with Ada (1), Grace (2) and a deleted executive (3), holding `competitions`.
fn programme_with(competitions: Vec<Competition>) -> Programme {
    let mut p = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![
            executive(1, "Ada", 0, 0),
            executive(2, "Grace", 1, 1),
            tombstone(3, "Deleted executive", 2, 2),
        ],
    );
    p.competitions = competitions;
    p
}

fn repaired(competitions: Vec<Competition>) -> (Programme, Vec<String>) {
    let parsed = parse_backup(&backup_json(vec![programme_with(competitions)], None))
        .expect("a repairable file");
    (parsed.file.programmes[0].clone(), parsed.repairs)
}

fn assert_one_repair_saying(repairs: &[String], words: &[&str]) {
    assert_eq!(repairs.len(), 1, "{repairs:?}");
    for word in words {
        assert!(
            repairs[0].contains(word),
            "{word:?} not in {:?}",
            repairs[0]
        );
    }
    assert_plain_words(&repairs[0]);
}

#[test]
fn a_clean_competition_needs_no_repair_and_keeps_deleted_executives() {
    // The deleted executive (3) took part and won before being deleted: history stays.
    let mut clean = competition(50, "Cup", vec![id(1), id(2)]);
    let mut record = closed_record(vec![id(3)], 10);
    if let Some(kept) = record.rules.as_mut() {
        kept.league.push(id(3));
    }
    clean.periods.push(record);
    clean.activity = vec![
        row(1, &[("posts", 3)], 5),
        row(2, &[("comments", 1)], 5),
        row(3, &[("posts", 9)], 5),
    ];
    let (programme, repairs) = repaired(vec![clean.clone()]);
    assert_eq!(repairs, Vec::<String>::new());
    assert_eq!(programme.competitions, vec![clean]);
}

#[test]
fn league_members_and_winners_that_are_no_executives_are_dropped_and_reported() {
    let mut broken = competition(50, "Cup", vec![id(1), id(99), id(2)]);
    let mut record = closed_record(vec![id(98), id(1)], 10);
    record.most_improved = vec![id(97)];
    if let Some(kept) = record.rules.as_mut() {
        kept.league.push(id(96));
    }
    broken.periods.push(record);
    let (programme, repairs) = repaired(vec![broken]);
    let competition = &programme.competitions[0];
    assert_eq!(competition.settings.rules.league, [id(1), id(2)]);
    let record = &competition.periods[0];
    assert_eq!(record.most_social, [id(1)]);
    assert!(record.most_improved.is_empty());
    assert_eq!(record.rules.as_ref().unwrap().league, [id(1), id(2)]);
    assert_one_repair_saying(
        &repairs,
        &["\"Pilot\"", "\"Cup\"", "4 league member(s) or winner(s)"],
    );
}

#[test]
fn an_executive_listed_twice_in_a_league_is_listed_once() {
    let (programme, repairs) = repaired(vec![competition(50, "Cup", vec![id(1), id(2), id(1)])]);
    assert_eq!(
        programme.competitions[0].settings.rules.league,
        [id(1), id(2)]
    );
    assert_one_repair_saying(&repairs, &["listed twice in a league"]);
}

#[test]
fn activity_rows_of_unknown_executives_are_dropped_and_reported() {
    let mut broken = competition(50, "Cup", vec![id(1), id(2)]);
    broken.activity = vec![
        row(1, &[("posts", 3)], 5),
        row(42, &[("posts", 30)], 5),
        row(43, &[("posts", 31)], 5),
    ];
    let (programme, repairs) = repaired(vec![broken]);
    assert_eq!(
        programme.competitions[0].activity,
        vec![row(1, &[("posts", 3)], 5)]
    );
    assert_one_repair_saying(&repairs, &["2 activity row(s)", "not in the file"]);
}

#[test]
fn a_repeated_activity_row_keeps_the_newer_copy_and_is_reported() {
    let mut broken = competition(50, "Cup", vec![id(1), id(2)]);
    broken.activity = vec![
        row(2, &[("posts", 1)], 5),
        row(1, &[("posts", 7)], 20),
        row(1, &[("posts", 3)], 10),
    ];
    let (programme, repairs) = repaired(vec![broken]);
    // The newer copy, and the rows in canonical order (period, then executive).
    assert_eq!(
        programme.competitions[0].activity,
        vec![row(1, &[("posts", 7)], 20), row(2, &[("posts", 1)], 5)]
    );
    assert_one_repair_saying(&repairs, &["1 activity row(s) repeated", "newer"]);
}

#[test]
fn repeated_activity_rows_with_the_same_time_keep_the_same_copy_whatever_their_order() {
    let a = row(1, &[("posts", 7)], 10);
    let b = row(1, &[("posts", 3)], 10);
    let mut first = competition(50, "Cup", vec![id(1)]);
    first.activity = vec![a.clone(), b.clone()];
    let mut second = competition(50, "Cup", vec![id(1)]);
    second.activity = vec![b, a];
    assert_eq!(repaired(vec![first]).0, repaired(vec![second]).0);
}

#[test]
fn a_repeated_period_record_keeps_the_newer_copy_and_is_reported() {
    let mut broken = competition(50, "Cup", vec![id(1), id(2)]);
    let mut older = closed_record(vec![id(2)], 10);
    older.note = Some("Older note".into());
    let newer = closed_record(vec![id(1)], 30);
    broken.periods = vec![newer.clone(), older];
    let (programme, repairs) = repaired(vec![broken]);
    assert_eq!(programme.competitions[0].periods, vec![newer]);
    assert_one_repair_saying(&repairs, &["1 period record(s) repeated a period"]);
}

#[test]
fn negative_points_count_zero_and_are_reported() {
    let mut broken = competition(50, "Cup", vec![id(1)]);
    broken.settings.rules.kpis[1].points = -3.0;
    let (programme, repairs) = repaired(vec![broken]);
    assert_eq!(programme.competitions[0].settings.rules.kpis[1].points, 0.0);
    assert_eq!(
        programme.competitions[0].settings.rules.kpis[0].points,
        10.0
    );
    assert_one_repair_saying(&repairs, &["1 KPI(s) had negative or invalid points"]);
}

#[test]
fn a_kpi_id_used_twice_in_the_rules_keeps_the_first_kpi() {
    let mut broken = competition(50, "Cup", vec![id(1)]);
    broken
        .settings
        .rules
        .kpis
        .push(kpi("posts", KpiKind::Posts, 99.0));
    let (programme, repairs) = repaired(vec![broken]);
    let kpis = &programme.competitions[0].settings.rules.kpis;
    assert_eq!(kpis.len(), 2);
    assert_eq!(kpis[0].points, 10.0);
    assert_one_repair_saying(&repairs, &["repeated the id of another KPI"]);
}

#[test]
fn an_impossible_custom_period_length_is_set_to_the_nearest_possible_one() {
    for (days, repaired_to) in [(0u16, 1u16), (400, 366), (u16::MAX, 366)] {
        let mut broken = competition(50, "Cup", vec![id(1)]);
        broken.settings.period_kind = PeriodKind::Custom;
        broken.settings.custom_days = days;
        let (programme, repairs) = repaired(vec![broken]);
        assert_eq!(programme.competitions[0].settings.custom_days, repaired_to);
        assert_one_repair_saying(&repairs, &[&format!("{days} days is not possible")]);
    }
}

#[test]
fn values_of_kpis_that_no_rules_name_are_kept_without_a_repair() {
    let mut competition = competition(50, "Cup", vec![id(1)]);
    competition.activity = vec![row(1, &[("posts", 2), ("retired-kpi", 40)], 5)];
    let (programme, repairs) = repaired(vec![competition.clone()]);
    assert_eq!(repairs, Vec::<String>::new());
    assert_eq!(programme.competitions, vec![competition]);
}

#[test]
fn competitions_are_put_in_canonical_order_without_a_repair() {
    let mut later = competition(40, "Later", vec![id(1)]);
    later.settings.created_at = at(9);
    later.settings.updated_at = at(9);
    let earlier = competition(60, "Earlier", vec![id(1)]);
    let (programme, repairs) = repaired(vec![later.clone(), earlier.clone()]);
    assert_eq!(repairs, Vec::<String>::new());
    assert_eq!(programme.competitions, vec![earlier, later]);
}

#[test]
fn a_competition_that_appears_twice_is_merged_and_reported() {
    let mut first = competition(50, "Cup", vec![id(1), id(2)]);
    first.activity = vec![row(1, &[("posts", 3)], 5)];
    let mut second = competition(50, "Cup", vec![id(1), id(2)]);
    second.settings.name = "Cup (renamed)".into();
    second.settings.updated_at = at(9);
    second.activity = vec![row(2, &[("posts", 4)], 6)];
    let (programme, repairs) = repaired(vec![first, second]);
    assert_eq!(programme.competitions.len(), 1);
    let merged = &programme.competitions[0];
    assert_eq!(merged.settings.name, "Cup (renamed)");
    assert_eq!(merged.activity.len(), 2, "both copies' rows are kept");
    assert_one_repair_saying(&repairs, &["appears more than once", "merged"]);
}

#[test]
fn the_app_rejects_the_schema_invalid_competition_fixtures() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid-schema");
    for (name, reason) in [
        (
            "backup-competition-unknown-period-kind.json",
            "unknown variant `fortnightly`",
        ),
        (
            "backup-competition-activity-negative.json",
            "invalid value: integer `-3`",
        ),
        (
            "backup-competition-activity-as-text.json",
            "invalid type: string \"40\"",
        ),
        (
            "backup-competition-activity-short-row.json",
            "invalid type: sequence, expected a string",
        ),
        (
            "backup-competition-activity-repeated-kpi.json",
            "name \"posts\" more than once",
        ),
    ] {
        let text = std::fs::read_to_string(dir.join(name)).expect("the fixture");
        match parse_backup(&text) {
            Err(ReadError::WrongShape { reason: found, .. }) => {
                assert!(found.contains(reason), "{name}: {found}")
            }
            other => panic!("{name}: expected a content error, got {other:?}"),
        }
    }
}

/// Competitions with every kind of problem the repairs handle, in small spaces so that repeats are
/// frequent.
fn messy_competitions() -> impl Strategy<Value = Vec<Competition>> {
    let member = (1u128..6).prop_map(id);
    let one = (
        50u128..52,
        0i64..3,
        prop::collection::vec(member.clone(), 0..5),
        prop::sample::select(vec![0u16, 14, 400]),
        prop::sample::select(vec![-1.0f64, 0.0, 2.5]),
        prop::collection::vec((member.clone(), 0u32..3, 0i64..3), 0..6),
        prop::collection::vec(
            (
                prop::collection::vec(member.clone(), 0..3),
                0i64..3,
                any::<bool>(),
            ),
            0..3,
        ),
        any::<bool>(),
    )
        .prop_map(
            |(n, updated, league, days, points, rows, records, repeat_kpi)| {
                let mut c = competition(n, "Cup", league.clone());
                c.settings.updated_at = at(updated);
                c.settings.custom_days = days;
                c.settings.rules.kpis[0].points = points;
                if repeat_kpi {
                    c.settings
                        .rules
                        .kpis
                        .push(kpi("posts", KpiKind::Posts, 1.0));
                }
                c.activity = rows
                    .into_iter()
                    .map(|(who, posts, t)| ActivityRow {
                        period: day(1),
                        executive: who,
                        values: [("posts".to_string(), posts)].into_iter().collect(),
                        updated_at: at(t),
                    })
                    .collect();
                c.periods = records
                    .into_iter()
                    .map(|(winners, t, closed)| PeriodRecord {
                        closed,
                        rules: Some(rules(league.clone())),
                        ..closed_record(winners, t)
                    })
                    .collect();
                c
            },
        );
    prop::collection::vec(one, 0..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_repaired_competition_never_needs_repairing_again(competitions in messy_competitions()) {
        let text = backup_json(vec![programme_with(competitions)], None);
        let once = parse_backup(&text).expect("repairable");
        let twice = parse_backup(&once.file.to_json()).expect("readable");
        prop_assert!(twice.repairs.is_empty(), "{:?}", twice.repairs);
        prop_assert_eq!(&twice.file, &once.file);
        let executives = [id(1), id(2), id(3)];
        for competition in &once.file.programmes[0].competitions {
            prop_assert!(competition.settings.rules.league.iter().all(|e| executives.contains(e)));
            prop_assert!(competition.activity.iter().all(|r| executives.contains(&r.executive)));
            prop_assert!(competition.settings.rules.kpis.iter().all(|k| k.points >= 0.0));
            prop_assert!((1..=366).contains(&competition.settings.custom_days));
            let keys: Vec<_> = competition.activity.iter().map(|r| (r.period, r.executive)).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            sorted.dedup();
            prop_assert_eq!(keys, sorted);
        }
    }
}

// --- Preview ----------------------------------------------------------------------------------------

fn preview_workspace() -> (Workspace, BackupFile) {
    let ours = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![
            executive(1, "Unchanged", 0, 5),
            executive(2, "Edited in the file", 1, 5),
            executive(3, "Deleted in the file", 2, 5),
            executive(4, "Edited here later", 3, 50),
            executive(5, "Only here", 4, 5),
            tombstone(7, "Deleted here, not in the file", 6, 5),
        ],
    );
    let theirs = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![
            executive(1, "Unchanged", 0, 5),
            executive(2, "Edited in the file (new name)", 1, 20),
            tombstone(3, "Deleted in the file", 2, 20),
            executive(4, "Edited here later (old name)", 3, 20),
            executive(6, "New in the file", 5, 20),
            tombstone(8, "Deleted in the file, never here", 7, 20),
        ],
    );
    let new_programme = with_executives(
        programme(2, "Second", 10, 10),
        vec![executive(20, "Eve", 10, 10), tombstone(21, "Gone", 10, 10)],
    );
    let mut workspace = Workspace::default();
    workspace.add(ours);
    let file = BackupFile::new(vec![theirs, new_programme], None, at(100));
    (workspace, file)
}

#[test]
fn preview_counts_new_updated_deleted_unchanged_and_newer_here_executives() {
    let (workspace, file) = preview_workspace();
    let previews = preview(&file, &workspace);
    assert_eq!(previews.len(), 2);

    let existing = &previews[0];
    assert_eq!(existing.id, id(1));
    assert_eq!(existing.name, "Pilot");
    assert!(existing.exists);
    assert!(!existing.deleted_in_file);
    assert_eq!(
        existing.executives,
        RecordCounts {
            new: 1,
            updated: 1,
            deleted: 1,
            unchanged: 1,
            kept_newer_here: 1,
        }
    );
    assert_eq!(existing.executives_only_here, 1);
}

#[test]
fn preview_of_a_programme_new_to_this_browser_counts_its_live_executives_as_new() {
    let (workspace, file) = preview_workspace();
    let new = &preview(&file, &workspace)[1];
    assert!(!new.exists);
    assert_eq!(
        new.executives,
        RecordCounts {
            new: 1,
            ..RecordCounts::default()
        }
    );
    assert_eq!(new.executives_only_here, 0);
}

#[test]
fn preview_flags_a_programme_the_file_deletes() {
    let mut workspace = Workspace::default();
    workspace.add(programme(1, "Pilot", 0, 0));
    let mut deleted = programme(1, "Pilot", 0, 0);
    deleted.edit_settings(at(10), |s| s.deleted = true);
    let file = BackupFile::new(vec![deleted], None, at(10));
    let previews = preview(&file, &workspace);
    assert!(previews[0].exists);
    assert!(previews[0].deleted_in_file);
}

#[test]
fn preview_counts_a_file_that_brings_back_an_executive_deleted_here_earlier_as_updated() {
    let mut workspace = Workspace::default();
    workspace.add(with_executives(
        programme(1, "Pilot", 0, 0),
        vec![tombstone(1, "Ada", 0, 10)],
    ));
    let file = BackupFile::new(
        vec![with_executives(
            programme(1, "Pilot", 0, 0),
            vec![executive(1, "Ada", 0, 20)],
        )],
        None,
        at(20),
    );
    assert_eq!(
        preview(&file, &workspace)[0].executives,
        RecordCounts {
            updated: 1,
            ..RecordCounts::default()
        }
    );
}

#[test]
fn preview_leaves_the_workspace_as_it_was() {
    let (workspace, file) = preview_workspace();
    let before = workspace.clone();
    let _ = preview(&file, &workspace);
    assert_eq!(workspace, before);
}

#[test]
fn record_counts_describe_only_the_non_zero_counts() {
    let counts = RecordCounts {
        new: 3,
        updated: 1,
        unchanged: 2,
        ..RecordCounts::default()
    };
    assert_eq!(
        counts.describe("executives"),
        "executives: 3 new, 1 updated, 2 unchanged"
    );
    assert_eq!(
        RecordCounts::default().describe("executives"),
        "no executives"
    );
    let all = RecordCounts {
        new: 1,
        updated: 2,
        deleted: 3,
        unchanged: 4,
        kept_newer_here: 5,
    };
    assert_eq!(
        all.describe("executives"),
        "executives: 1 new, 2 updated, 3 deleted, 4 unchanged, 5 newer here, kept"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn preview_counts_agree_with_what_a_merge_does(
        here in small_programme(),
        file in small_programme(),
    ) {
        let here = normalised(&here);
        let mut workspace = Workspace::default();
        workspace.add(here.clone());
        let backup = BackupFile::new(vec![file.clone()], None, at(100));
        let counts = preview(&backup, &workspace)[0].executives;

        let merged = here.merge(&file);
        let mut changed = 0;
        let mut same = 0;
        for theirs in &file.executives {
            let ours = here.executives.iter().find(|e| e.id == theirs.id);
            let result = merged.executives.iter().find(|e| e.id == theirs.id).unwrap();
            match ours {
                None if theirs.deleted => {}
                None => changed += 1,
                Some(ours) if result != ours => changed += 1,
                Some(_) => same += 1,
            }
        }
        prop_assert_eq!(counts.new + counts.updated + counts.deleted, changed, "{:?}", counts);
        prop_assert_eq!(counts.unchanged + counts.kept_newer_here, same, "{:?}", counts);
    }

    #[test]
    fn preview_counts_executives_only_here_as_live_ones_missing_from_the_file(
        here in small_programme(),
        file in small_programme(),
    ) {
        let mut workspace = Workspace::default();
        workspace.add(here.clone());
        let backup = BackupFile::new(vec![file.clone()], None, at(100));
        let expected = here
            .roster()
            .filter(|e| file.executives.iter().all(|t| t.id != e.id))
            .count();
        prop_assert_eq!(preview(&backup, &workspace)[0].executives_only_here, expected);
    }

    #[test]
    fn a_repaired_file_never_needs_repairing_again(
        programmes in prop::collection::vec(
            (small_settings(uuid::Uuid::from_u128(PROGRAMME_ID)), small_roster_with_duplicates()),
            1..4,
        ),
        current in prop::option::of(100u128..102),
    ) {
        let programmes: Vec<Programme> = programmes
            .into_iter()
            .map(|(settings, executives)| Programme {
                settings,
                executives,
                evidence: Vec::new(),
                competitions: Vec::new(),
            })
            .collect();
        let text = BackupFile::new(programmes, current.map(uuid::Uuid::from_u128), at(0)).to_json();
        let once = parse_backup(&text).expect("repairable");
        let twice = parse_backup(&once.file.to_json()).expect("readable");
        prop_assert!(twice.repairs.is_empty(), "{:?}", twice.repairs);
        prop_assert_eq!(twice.file, once.file);
    }
}

// --- Row 15: the importer never panics --------------------------------------------------------------

fn sample_backup() -> String {
    let demo = demo_programme(at(0));
    let mut second = with_executives(
        programme(7, "Second", 1, 1),
        vec![executive(1, "", 0, 0), tombstone(2, "Gone", 0, 3)],
    );
    second.settings.start_date = None;
    BackupFile::new(vec![demo.clone(), second], Some(demo.id()), at(9)).to_json()
}

fn char_boundary(text: &str, index: prop::sample::Index) -> usize {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    boundaries[index.index(boundaries.len())]
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(prop::sample::Index),
    Delete(prop::sample::Index, usize),
    Insert(prop::sample::Index, String),
    Replace(prop::sample::Index, String),
    SwapVersion(String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let junk = prop_oneof![
        "[\\[\\]{}\":,\\\\0-9a-zA-Z\\-+.eE ]{1,12}",
        Just("null".to_string()),
        Just("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".to_string()),
        Just("\"\\ud800\"".to_string()),
        Just("1e999999".to_string()),
        Just("-".to_string()),
        Just("\u{feff}".to_string()),
        any::<String>(),
    ];
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        (any::<prop::sample::Index>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<prop::sample::Index>(), junk.clone()).prop_map(|(i, s)| Mutation::Insert(i, s)),
        (any::<prop::sample::Index>(), junk).prop_map(|(i, s)| Mutation::Replace(i, s)),
        prop_oneof![
            Just("0"),
            Just("1"),
            Just("-1"),
            Just("2.5"),
            Just("\"2\""),
            Just("18446744073709551616"),
            Just("4294967296"),
        ]
        .prop_map(|v| Mutation::SwapVersion(v.to_string())),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    match mutation {
        Mutation::Truncate(i) => text[..char_boundary(text, *i)].to_string(),
        Mutation::Delete(i, n) => {
            let start = char_boundary(text, *i);
            let end = text[start..]
                .char_indices()
                .nth(*n)
                .map_or(text.len(), |(j, _)| start + j);
            format!("{}{}", &text[..start], &text[end..])
        }
        Mutation::Insert(i, s) => {
            let at = char_boundary(text, *i);
            format!("{}{s}{}", &text[..at], &text[at..])
        }
        Mutation::Replace(i, s) => {
            let start = char_boundary(text, *i);
            let end = text[start..]
                .char_indices()
                .nth(s.chars().count())
                .map_or(text.len(), |(j, _)| start + j);
            format!("{}{s}{}", &text[..start], &text[end..])
        }
        Mutation::SwapVersion(v) => text.replacen(
            &format!("\"schema_version\": {SCHEMA_VERSION}"),
            &format!("\"schema_version\": {v}"),
            1,
        ),
    }
}

/// Everything the app does with an imported file, so that a panic anywhere along the way shows up.
fn import_everything(text: &str) {
    if let Ok(parsed) = parse_backup(text) {
        let mut workspace = Workspace::default();
        workspace.add(demo_programme(at(0)));
        for preview in preview(&parsed.file, &workspace) {
            let _ = preview.executives.describe("executives");
        }
        let mut merged = workspace.clone();
        merged.merge_programmes(&parsed.file.programmes);
        merged.merge_programmes(&parsed.file.programmes);
        workspace.replace_programmes(&parsed.file.programmes, at(50));
        let _ = parsed.file.to_json();
        let _ = parsed.file.file_name();
    } else if let Err(error) = parse_backup(text) {
        let _ = error.to_string();
    }
    let _ = parse_stored_programme(text);
    let _ = parse_stored_index(text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn importing_any_text_never_panics(text in any::<String>()) {
        import_everything(&text);
    }

    #[test]
    fn importing_json_like_text_never_panics(text in "[\\[\\]{}\":,\\\\0-9a-z_ \\-.]{0,300}") {
        import_everything(&text);
    }

    #[test]
    fn importing_a_mutated_backup_never_panics(
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let mut text = sample_backup();
        for mutation in &mutations {
            text = apply(&text, mutation);
        }
        import_everything(&text);
    }

    #[test]
    fn importing_a_backup_whose_programmes_are_any_json_never_panics(
        value in any_json(),
    ) {
        let text = format!(
            r#"{{"format": "{BACKUP_FORMAT}", "schema_version": 2, "exported_at": "2026-01-01T00:00:00Z", "programmes": [{{"settings": {value}, "executives": {value}}}, {value}]}}"#
        );
        import_everything(&text);
        let v1 = text.replacen("\"schema_version\": 2", "\"schema_version\": 1", 1);
        import_everything(&v1);
    }
}

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-zA-Z0-9 ()\\-:TZ.]{0,24}".prop_map(Value::String),
        Just(Value::String(id(1).to_string())),
        Just(Value::String("2026-01-01T00:00:00Z".into())),
        Just(Value::String("+262143-12-31T23:59:59Z".into())),
        Just(Value::String("LinkedIn".into())),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "id",
                    "created_at",
                    "updated_at",
                    "deleted",
                    "name",
                    "networks",
                    "start_date",
                    "settings",
                    "executives",
                    "consent",
                ]),
                inner,
                0..6,
            )
            .prop_map(|map| Value::Object(
                map.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}
