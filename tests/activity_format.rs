//! The stored form of a competition's activity (`src/model/competition/activity_format.rs`): one
//! table with the KPI ids named once. Exact text, strict reading with readable errors, round trips
//! that are byte-identical, and no panic on anything a file could hold.

mod common;

use chrono::NaiveDate;
use common::timing::median_ms;
use common::*;
use exec_social_playbook::io::{parse_backup, BackupFile, ReadError, SCHEMA_VERSION};
use exec_social_playbook::model::competition::{
    ActivityRow, Competition, CompetitionSettings, PeriodKind, Rules, ScoringMode,
};
use exec_social_playbook::model::{timestamp_from_millis, Timestamp};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

const ADA: &str = "1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5";
const BRUNO: &str = "2e3f4051-6b7c-4d8e-9fa0-b1c2d3e4f506";
const CHEN: &str = "3f405162-7c8d-4e9f-a0b1-c2d3e4f50617";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn time(text: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(text)
        .expect("a time")
        .to_utc()
}

fn uuid(text: &str) -> Uuid {
    Uuid::parse_str(text).expect("a uuid")
}

fn row(period: NaiveDate, executive: &str, at: &str, values: &[(&str, u32)]) -> ActivityRow {
    ActivityRow {
        period,
        executive: uuid(executive),
        values: values.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        updated_at: time(at),
    }
}

fn competition(activity: Vec<ActivityRow>) -> Competition {
    Competition {
        settings: CompetitionSettings {
            id: Uuid::from_u128(0xC0),
            created_at: timestamp_from_millis(BASE_MILLIS),
            updated_at: timestamp_from_millis(BASE_MILLIS),
            deleted: false,
            name: "Most social".into(),
            period_kind: PeriodKind::Monthly,
            start: day(2027, 1, 1),
            end: None,
            custom_days: 14,
            rules: Rules {
                kpis: Vec::new(),
                scoring: ScoringMode::Raw,
                league: Vec::new(),
            },
        },
        periods: Vec::new(),
        activity,
    }
}

/// The example of `docs/data-format.md`: gaps, trailing gaps and an emptied row.
fn example() -> Vec<ActivityRow> {
    vec![
        row(
            day(2027, 1, 1),
            ADA,
            "2027-01-31T17:00:00Z",
            &[("comments", 40), ("posts", 12), ("reactions", 130)],
        ),
        row(
            day(2027, 1, 1),
            CHEN,
            "2027-01-20T12:00:00.500Z",
            &[("posts", 1)],
        ),
        row(
            day(2027, 2, 1),
            ADA,
            "2027-02-09T09:15:00Z",
            &[("custom-1", 2), ("shares", 1)],
        ),
        row(day(2027, 2, 1), BRUNO, "2027-02-03T09:00:00Z", &[]),
    ]
}

const EXAMPLE_TEXT: &str = concat!(
    r#"{"kpis":["comments","custom-1","posts","reactions","shares"],"rows":["#,
    r#"["2027-01-01","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-01-31T17:00:00Z",[40,null,12,130]],"#,
    r#"["2027-01-01","3f405162-7c8d-4e9f-a0b1-c2d3e4f50617","2027-01-20T12:00:00.500Z",[null,null,1]],"#,
    r#"["2027-02-01","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-02-09T09:15:00Z",[null,2,null,null,1]],"#,
    r#"["2027-02-01","2e3f4051-6b7c-4d8e-9fa0-b1c2d3e4f506","2027-02-03T09:00:00Z",[]]"#,
    "]}"
);

/// The competition's JSON with `activity` replaced by `activity` (any JSON text).
fn competition_text(activity: &str) -> String {
    let settings = serde_json::to_string(&competition(Vec::new()).settings).expect("settings");
    format!(r#"{{"settings":{settings},"activity":{activity}}}"#)
}

/// Reads a competition both ways the app does: straight from the text (storage) and through a
/// `serde_json::Value` (imports). Both must agree, on success and on the error.
fn read(activity: &str) -> Result<Vec<ActivityRow>, String> {
    let text = competition_text(activity);
    let direct = serde_json::from_str::<Competition>(&text)
        .map(|c| c.activity)
        .map_err(|e| e.to_string());
    match serde_json::from_str::<Value>(&text) {
        Ok(value) => {
            let through_value = serde_json::from_value::<Competition>(value)
                .map(|c| c.activity)
                .map_err(|e| e.to_string());
            assert_eq!(
                direct.is_ok(),
                through_value.is_ok(),
                "{activity}: {direct:?} vs {through_value:?}"
            );
            if let (Ok(a), Ok(b)) = (&direct, &through_value) {
                assert_eq!(a, b, "{activity}");
            }
            through_value.map_err(|e| format!("{e} / {}", direct.err().unwrap_or_default()))
        }
        Err(_) => direct,
    }
}

fn refused(activity: &str, reason: &str) {
    match read(activity) {
        Ok(rows) => panic!("{activity}: read as {rows:?}, expected an error saying {reason}"),
        Err(e) => assert!(e.contains(reason), "{activity}: {e} (expected {reason})"),
    }
}

fn activity_text(rows: Vec<ActivityRow>) -> String {
    let value = serde_json::to_value(competition(rows)).expect("serialisable");
    value
        .get("activity")
        .map(Value::to_string)
        .unwrap_or_default()
}

#[test]
fn the_activity_is_written_as_one_table_with_the_kpis_named_once() {
    assert_eq!(activity_text(example()), EXAMPLE_TEXT);
    let text = serde_json::to_string(&competition(example())).expect("serialisable");
    assert!(
        text.contains(&format!(r#""activity":{EXAMPLE_TEXT}"#)),
        "{text}"
    );
}

#[test]
fn the_table_reads_back_as_the_rows_it_was_written_from() {
    assert_eq!(read(EXAMPLE_TEXT), Ok(example()));
}

#[test]
fn no_activity_is_left_out_and_reads_as_none() {
    let text = serde_json::to_string(&competition(Vec::new())).expect("serialisable");
    assert!(!text.contains("activity"), "{text}");
    let back: Competition = serde_json::from_str(&text).expect("readable");
    assert!(back.activity.is_empty());
}

#[test]
fn emptied_rows_alone_give_an_empty_kpi_list() {
    let rows = vec![row(day(2027, 1, 1), ADA, "2027-01-02T00:00:00Z", &[])];
    assert_eq!(
        activity_text(rows.clone()),
        r#"{"kpis":[],"rows":[["2027-01-01","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-01-02T00:00:00Z",[]]]}"#
    );
    assert_eq!(read(&activity_text(rows.clone())), Ok(rows));
}

#[test]
fn dates_and_times_are_written_as_everywhere_else_in_the_files() {
    // Expanded years (iso_date) and sub-second times (rfc3339) keep their usual text.
    let far = row(
        day(12_345, 6, 7),
        ADA,
        "2027-01-02T03:04:05.123456789Z",
        &[("posts", u32::MAX)],
    );
    let text = activity_text(vec![far.clone()]);
    assert!(text.contains(r#""+12345-06-07""#), "{text}");
    assert!(
        text.contains(r#""2027-01-02T03:04:05.123456789Z""#),
        "{text}"
    );
    assert!(text.contains("[4294967295]"), "{text}");
    assert_eq!(read(&text), Ok(vec![far]));
}

#[test]
fn a_table_is_read_whatever_the_order_of_its_keys_and_unknown_keys_are_ignored() {
    let rows_first = r#"{"note":{"any":[1,2]},"rows":[["2027-01-01","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-01-31T17:00:00Z",[null,4]],["2027-01-01","2e3f4051-6b7c-4d8e-9fa0-b1c2d3e4f506","2027-01-31T17:00:00Z",[]]],"kpis":["comments","posts"]}"#;
    assert_eq!(
        read(rows_first),
        Ok(vec![
            row(
                day(2027, 1, 1),
                ADA,
                "2027-01-31T17:00:00Z",
                &[("posts", 4)]
            ),
            row(day(2027, 1, 1), BRUNO, "2027-01-31T17:00:00Z", &[]),
        ])
    );
    // Even then, more values than KPIs are refused.
    refused(
        r#"{"rows":[["2027-01-01","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-01-31T17:00:00Z",[1,2,3]]],"kpis":["posts"]}"#,
        "more values than the 1 KPI(s)",
    );
}

#[test]
fn hand_written_tables_that_are_not_canonical_still_read() {
    // Unsorted and unused KPI ids, trailing nulls: accepted, and written canonically again.
    let text = r#"{"kpis":["posts","comments","unused"],"rows":[["2027-01-01","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-01-31T17:00:00Z",[3,null,null]]]}"#;
    let rows = read(text).expect("readable");
    assert_eq!(
        rows,
        vec![row(
            day(2027, 1, 1),
            ADA,
            "2027-01-31T17:00:00Z",
            &[("posts", 3)]
        )]
    );
    assert_eq!(
        activity_text(rows),
        r#"{"kpis":["posts"],"rows":[["2027-01-01","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-01-31T17:00:00Z",[3]]]}"#
    );
}

#[test]
fn anything_off_shape_is_refused_with_a_reason() {
    let with_row = |row: &str| format!(r#"{{"kpis":["comments","posts"],"rows":[{row}]}}"#);
    let ok = r#""2027-01-01","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-01-31T17:00:00Z""#;
    let cases: Vec<(String, &str)> = vec![
        // The old shape, and other wrong containers.
        (
            r#"[{"period":"2027-01-01","executive":"1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","values":{"posts":1},"updated_at":"2027-01-31T17:00:00Z"}]"#.into(),
            "expected an activity table",
        ),
        ("null".into(), "expected an activity table"),
        ("{}".into(), "missing field `kpis`"),
        (r#"{"kpis":[]}"#.into(), "missing field `rows`"),
        (r#"{"rows":[]}"#.into(), "missing field `kpis`"),
        (r#"{"kpis":"posts","rows":[]}"#.into(), "invalid type"),
        (r#"{"kpis":[1],"rows":[]}"#.into(), "invalid type"),
        (r#"{"kpis":["posts","posts"],"rows":[]}"#.into(), r#"name "posts" more than once"#),
        (r#"{"kpis":[],"rows":{}}"#.into(), "expected a list of activity rows"),
        // Rows of the wrong length or shape.
        (with_row("[]"), "invalid length 0"),
        (with_row(r#"["2027-01-01"]"#), "invalid length 1"),
        (with_row(&format!("[{ok}]")), "invalid length 3"),
        (with_row(&format!("[{ok},[],[]]")), "invalid length 5"),
        (with_row(r#"{"period":"2027-01-01"}"#), "expected an activity row"),
        (with_row(&format!("[{ok},{{\"posts\":1}}]")), "expected a list of counts"),
        // Values.
        (with_row(&format!("[{ok},[1,2,3]]")), "more values than the 2 KPI(s)"),
        (with_row(&format!("[{ok},[null,null,null]]")), "more values than the 2 KPI(s)"),
        (with_row(&format!("[{ok},[-3]]")), "invalid value: integer `-3`"),
        (with_row(&format!("[{ok},[\"40\"]]")), "invalid type: string \"40\""),
        (with_row(&format!("[{ok},[1.5]]")), "invalid type: floating point `1.5`"),
        (with_row(&format!("[{ok},[1.0]]")), "invalid type: floating point `1.0`"),
        (with_row(&format!("[{ok},[4294967296]]")), "invalid value: integer `4294967296`"),
        (with_row(&format!("[{ok},[true]]")), "invalid type: boolean"),
        (with_row(&format!("[{ok},[[1]]]")), "invalid type"),
        // Dates, ids, times.
        (
            with_row(r#"["2027-02-30","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-01-31T17:00:00Z",[]]"#),
            r#""2027-02-30" is not a date like 2026-11-26"#,
        ),
        (
            with_row(r#"["1 Jan 2027","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-01-31T17:00:00Z",[]]"#),
            "is not a date",
        ),
        (
            with_row(r#"[20270101,"1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-01-31T17:00:00Z",[]]"#),
            "invalid type: integer `20270101`, expected a string",
        ),
        (
            with_row(r#"["2027-01-01","not-a-uuid","2027-01-31T17:00:00Z",[]]"#),
            "UUID",
        ),
        (
            with_row(r#"["2027-01-01","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","2027-01-31 17:00",[]]"#),
            "is not an RFC 3339 time",
        ),
        (
            with_row(r#"["2027-01-01","1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5",null,[]]"#),
            "invalid type: null, expected a string",
        ),
    ];
    for (activity, reason) in cases {
        refused(&activity, reason);
    }
    // A key given twice (only the text shows it: `serde_json::Value` keeps one copy).
    for (activity, reason) in [
        (
            r#"{"kpis":[],"rows":[],"kpis":[]}"#,
            "duplicate field `kpis`",
        ),
        (
            r#"{"kpis":[],"rows":[],"rows":[]}"#,
            "duplicate field `rows`",
        ),
    ] {
        match serde_json::from_str::<Competition>(&competition_text(activity)) {
            Ok(c) => panic!("{activity}: read as {:?}", c.activity),
            Err(e) => assert!(e.to_string().contains(reason), "{activity}: {e}"),
        }
    }
}

#[test]
fn a_broken_table_in_a_backup_is_reported_as_a_file_that_is_not_valid() {
    let file = BackupFile::new(
        vec![{
            let mut programme = small_programme_fixed();
            programme.competitions = vec![competition(example())];
            programme
        }],
        None,
        timestamp_from_millis(BASE_MILLIS),
    );
    let good = file.to_json();
    assert!(parse_backup(&good).is_ok());
    let mut document: Value = serde_json::from_str(&good).expect("JSON");
    let values = document["programmes"][0]["competitions"][0]["activity"]["rows"][0][3]
        .as_array_mut()
        .expect("the backup holds the example table");
    values.extend([json!(7), json!(8)]);
    let bad = document.to_string();
    match parse_backup(&bad) {
        Err(ReadError::WrongShape { reason, .. }) => {
            assert!(reason.contains("more values than the 5 KPI(s)"), "{reason}")
        }
        other => panic!("expected a content error, got {other:?}"),
    }
    assert_eq!(
        SCHEMA_VERSION, 5,
        "the table shape is part of schema version 5"
    );
}

fn small_programme_fixed() -> exec_social_playbook::model::Programme {
    use exec_social_playbook::model::{Network, NewProgramme, Programme};
    Programme::new(
        NewProgramme {
            name: "Format".into(),
            company: "Acme".into(),
            owner: "Owner".into(),
            start_date: None,
            networks: vec![Network::Linkedin],
        },
        timestamp_from_millis(BASE_MILLIS),
    )
}

// --- Properties -----------------------------------------------------------------------------------

/// JSON of any shape, biased towards the pieces of an activity table so that the reader gets deep.
fn json_ish() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        (0u32..10).prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![
            "2027-01-01",
            "+12345-01-01",
            "2027-02-30",
            "2027-01-31T17:00:00Z",
            "2027-01-31T17:00:00.5+02:00",
            "9999-12-31T23:59:60Z",
            ADA,
            "posts",
            "comments",
            "",
            "kpis",
            "rows",
        ])
        .prop_map(|s| Value::String(s.into())),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(vec!["kpis", "rows", "values", "x"]),
                    inner
                ),
                0..4
            )
            .prop_map(|pairs| Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

/// A plausible table with any one part replaced by anything.
fn near_table() -> impl Strategy<Value = Value> {
    let row = (
        json_ish(),
        json_ish(),
        json_ish(),
        prop::collection::vec(
            prop_oneof![
                Just(Value::Null),
                (0u32..5).prop_map(|n| json!(n)),
                json_ish()
            ],
            0..5,
        ),
        prop::collection::vec(json_ish(), 0..2),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(period, executive, at, values, extra, which)| {
            let mut parts = vec![
                json!("2027-01-01"),
                json!(ADA),
                json!("2027-01-31T17:00:00Z"),
            ];
            parts[which.index(3)] = [period, executive, at][which.index(3)].clone();
            parts.push(Value::Array(values));
            parts.extend(extra);
            Value::Array(parts)
        });
    (
        prop::collection::vec(
            prop::sample::select(vec!["comments", "posts", "reactions", "posts"]),
            0..5,
        ),
        prop::collection::vec(row, 0..4),
        any::<bool>(),
    )
        .prop_map(|(kpis, rows, rows_first)| {
            let mut table = serde_json::Map::new();
            if rows_first {
                table.insert("rows".into(), Value::Array(rows));
                table.insert("kpis".into(), json!(kpis));
            } else {
                table.insert("kpis".into(), json!(kpis));
                table.insert("rows".into(), Value::Array(rows));
            }
            Value::Object(table)
        })
}

/// Any list of rows, with KPI ids and counts of any kind, and repeated keys.
fn any_rows() -> impl Strategy<Value = Vec<ActivityRow>> {
    prop::collection::vec(
        prop_oneof![
            any_activity_row(),
            (
                any_a_date(),
                0u128..3,
                prop::collection::btree_map(
                    prop::sample::select(vec!["posts", "comments", "reactions", "custom-1", ""])
                        .prop_map(String::from),
                    prop_oneof![0u32..3, Just(u32::MAX)],
                    0..5,
                ),
                any_time(),
            )
                .prop_map(activity_row),
        ],
        0..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_rows_survive_the_table_and_write_the_same_text_again(rows in any_rows()) {
        let text = serde_json::to_string(&competition(rows.clone())).expect("serialisable");
        let back: Competition = serde_json::from_str(&text).expect("the app's own JSON reads");
        prop_assert_eq!(&back.activity, &rows);
        let again = serde_json::to_string(&back).expect("serialisable");
        prop_assert_eq!(&again, &text);
        // The import path goes through serde_json::Value.
        let value: Value = serde_json::from_str(&text).expect("JSON");
        let through_value: Competition = serde_json::from_value(value).expect("readable");
        prop_assert_eq!(&through_value.activity, &rows);
    }

    #[test]
    fn the_kpis_are_the_sorted_ids_in_use_and_no_row_is_longer_than_its_last_value(rows in any_rows()) {
        let table: Value = serde_json::from_str(&activity_text(rows.clone())).unwrap_or(Value::Null);
        if rows.is_empty() {
            prop_assert_eq!(table, Value::Null);
            return Ok(());
        }
        let kpis: Vec<String> = serde_json::from_value(table["kpis"].clone()).expect("names");
        let used: std::collections::BTreeSet<String> =
            rows.iter().flat_map(|r| r.values.keys().cloned()).collect();
        prop_assert_eq!(kpis, used.into_iter().collect::<Vec<_>>());
        for written in table["rows"].as_array().expect("rows") {
            let values = written[3].as_array().expect("values");
            prop_assert!(values.last().is_none_or(|v| !v.is_null()), "trailing null in {}", written);
        }
    }

    #[test]
    fn any_json_as_the_activity_is_read_or_refused_without_a_panic(value in json_ish()) {
        let _ = read(&value.to_string());
    }

    #[test]
    fn any_near_table_is_read_or_refused_without_a_panic(value in near_table()) {
        let _ = read(&value.to_string());
    }

    #[test]
    fn a_damaged_table_text_is_read_or_refused_without_a_panic(
        rows in any_rows(),
        cut in any::<prop::sample::Index>(),
        insert in prop::sample::select(vec!["", "[", "]", ",", "null", "-", "\"", "1e9", "{}", "9999999999"]),
        drop in 0usize..4,
    ) {
        let text = activity_text(rows);
        let at = cut.index(text.len() + 1);
        if text.is_char_boundary(at) {
            let end = (at + drop).min(text.len());
            if text.is_char_boundary(end) {
                let damaged = format!("{}{insert}{}", &text[..at], &text[end..]);
                let _ = serde_json::from_str::<Competition>(&competition_text(&damaged));
            }
        }
    }
}

// --- Timing ---------------------------------------------------------------------------------------

/// 500 executives × 24 periods × 6 KPIs, as `examples/perf_programme.rs` generates.
fn big_activity() -> Vec<ActivityRow> {
    let kpis = [
        "comments",
        "followers_gained",
        "posts",
        "profile_views",
        "reactions",
        "shares",
    ];
    let mut seed = 0x5eed_u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as u32
    };
    let mut rows = Vec::new();
    for month in 0..24u32 {
        let period = day(2023 + (month / 12) as i32, month % 12 + 1, 1);
        for executive in 0..500u128 {
            let values: BTreeMap<String, u32> =
                kpis.iter().map(|k| (k.to_string(), next() % 300)).collect();
            rows.push(ActivityRow {
                period,
                executive: Uuid::from_u128(executive * 0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835),
                values,
                updated_at: timestamp_from_millis(BASE_MILLIS + i64::from(month) * 86_400_000),
            });
        }
    }
    rows
}

/// `cargo test --release --test activity_format -- --ignored --nocapture`: the table against the
/// old one-object-per-row shape (still what `ActivityRow` itself serialises to).
#[test]
#[ignore]
fn timing_of_a_big_activity() {
    let rows = big_activity();
    let table = serde_json::to_string(&competition(rows.clone())).expect("serialisable");
    let objects = serde_json::to_string(&rows).expect("serialisable");
    let parse_table = median_ms(|| {
        let _ = serde_json::from_str::<Competition>(&table).expect("readable");
    });
    let parse_objects = median_ms(|| {
        let _ = serde_json::from_str::<Vec<ActivityRow>>(&objects).expect("readable");
    });
    let write_table = median_ms(|| {
        let _ = serde_json::to_string(&competition(rows.clone()));
    });
    let write_objects = median_ms(|| {
        let _ = serde_json::to_string(&rows);
    });
    // Backups are indented (`to_string_pretty`), one value per line.
    let table_pretty = serde_json::to_string_pretty(&competition(rows.clone())).expect("ok");
    let objects_pretty = serde_json::to_string_pretty(&rows).expect("serialisable");
    println!(
        "12 000 rows: table {} bytes ({} indented), parse {parse_table:.1} ms, write {write_table:.1} ms; \
         objects {} bytes ({} indented), parse {parse_objects:.1} ms, write {write_objects:.1} ms",
        table.len(),
        table_pretty.len(),
        objects.len(),
        objects_pretty.len(),
    );
}
