//! Reliability row 6: documents written by an older app are migrated to the current schema.

mod common;

use common::*;
use exec_social_playbook::io::migrate::{migrate, MigrationError};
use exec_social_playbook::io::stored::{parse_stored_index, parse_stored_programme};
use exec_social_playbook::io::{parse_backup, ReadError, StoredProgramme, SCHEMA_VERSION};
use exec_social_playbook::model::{timestamp_from_millis, Network};
use serde_json::{json, Value};

const V1_PROGRAMME_ID: &str = "6f1c2a9e-3b7d-4c55-9a1e-0d2f4b6a8c10";
const ADA_ID: &str = "0b9f0c52-5d8e-4f3a-8a41-2c7e9d1b3f64";
const GRACE_ID: &str = "9d3e1f7a-2b4c-4d6e-8f0a-1b3c5d7e9f21";

/// A programme as the pre-release app (data version 1) stored it: networks by display name, no
/// `created_at` anywhere.
fn v1_programme(networks: Value) -> Value {
    json!({
        "settings": {
            "id": V1_PROGRAMME_ID,
            "updated_at": "2025-03-01T10:00:00Z",
            "name": "Contoso pilot",
            "company": "Contoso",
            "owner": "Sam Lee",
            "start_date": "2025-02-01",
            "networks": networks
        },
        "executives": [
            { "id": ADA_ID, "updated_at": "2025-03-02T09:30:00.250Z", "name": "Ada Lovelace", "title": "CTO" },
            { "id": GRACE_ID, "updated_at": "2025-03-03T08:00:00Z", "name": "Grace Hopper", "deleted": true }
        ]
    })
}

fn v1_stored_programme(networks: Value) -> String {
    json!({
        "format": "exec-social-playbook/programme",
        "schema_version": 1,
        "programme": v1_programme(networks)
    })
    .to_string()
}

fn v1_backup(networks: Value) -> String {
    json!({
        "format": "exec-social-playbook/backup",
        "schema_version": 1,
        "exported_at": "2025-03-04T12:00:00Z",
        "app_version": "0.0.9",
        "current_programme_id": V1_PROGRAMME_ID,
        "programmes": [v1_programme(networks)]
    })
    .to_string()
}

fn the_v1_networks() -> Value {
    json!(["LinkedIn", "X (Twitter)", "Internal social intranet"])
}

fn time(text: &str) -> exec_social_playbook::model::Timestamp {
    text.parse().expect("a valid RFC 3339 time")
}

#[test]
fn a_version_1_stored_programme_is_migrated_to_network_ids() {
    let read = parse_stored_programme(&v1_stored_programme(the_v1_networks())).expect("migrates");
    assert_eq!(read.migrated_from, Some(1));
    assert_eq!(
        read.value.settings.networks,
        [Network::Linkedin, Network::X, Network::Intranet]
    );
}

#[test]
fn a_version_1_stored_programme_gets_creation_times_from_its_edit_times() {
    let programme = parse_stored_programme(&v1_stored_programme(the_v1_networks()))
        .expect("migrates")
        .value;
    assert_eq!(programme.settings.created_at, time("2025-03-01T10:00:00Z"));
    assert_eq!(programme.settings.created_at, programme.settings.updated_at);
    assert_eq!(programme.executives.len(), 2);
    for executive in &programme.executives {
        assert_eq!(
            executive.created_at, executive.updated_at,
            "{}",
            executive.name
        );
    }
    assert_eq!(
        programme.executives[0].created_at,
        timestamp_from_millis(time("2025-03-02T09:30:00Z").timestamp_millis() + 250)
    );
}

#[test]
fn a_version_1_stored_programme_keeps_everything_else() {
    let programme = parse_stored_programme(&v1_stored_programme(the_v1_networks()))
        .expect("migrates")
        .value;
    assert_eq!(programme.id().to_string(), V1_PROGRAMME_ID);
    assert_eq!(programme.name(), "Contoso pilot");
    assert_eq!(programme.settings.owner, "Sam Lee");
    assert_eq!(
        programme.settings.start_date,
        chrono::NaiveDate::from_ymd_opt(2025, 2, 1)
    );
    assert_eq!(programme.executives[0].title, "CTO");
    assert!(
        programme.executives[1].deleted,
        "tombstones stay tombstones"
    );
    let roster: Vec<&str> = programme.roster().map(|e| e.name.as_str()).collect();
    assert_eq!(roster, ["Ada Lovelace"]);
}

#[test]
fn a_version_1_backup_file_is_migrated() {
    let parsed = parse_backup(&v1_backup(the_v1_networks())).expect("migrates");
    assert_eq!(parsed.migrated_from, Some(1));
    assert!(parsed.repairs.is_empty(), "{:?}", parsed.repairs);
    assert_eq!(parsed.file.schema_version, SCHEMA_VERSION);
    assert_eq!(parsed.file.app_version, "0.0.9");
    assert_eq!(
        parsed.file.current_programme_id.unwrap().to_string(),
        V1_PROGRAMME_ID
    );
    let programme = &parsed.file.programmes[0];
    assert_eq!(
        programme.settings.networks,
        [Network::Linkedin, Network::X, Network::Intranet]
    );
    assert_eq!(programme.settings.created_at, programme.settings.updated_at);
    for executive in &programme.executives {
        assert_eq!(executive.created_at, executive.updated_at);
    }
}

#[test]
fn a_version_1_stored_programme_imported_as_a_backup_is_migrated() {
    let parsed = parse_backup(&v1_stored_programme(the_v1_networks())).expect("migrates");
    assert_eq!(parsed.migrated_from, Some(1));
    assert_eq!(
        parsed.file.programmes[0].settings.networks,
        [Network::Linkedin, Network::X, Network::Intranet]
    );
}

#[test]
fn a_migrated_backup_and_a_migrated_stored_programme_agree() {
    let from_backup = parse_backup(&v1_backup(the_v1_networks())).unwrap();
    let from_storage = parse_stored_programme(&v1_stored_programme(the_v1_networks())).unwrap();
    assert_eq!(from_backup.file.programmes, vec![from_storage.value]);
}

#[test]
fn a_migrated_programme_is_written_back_with_network_ids_and_the_current_version() {
    let programme = parse_stored_programme(&v1_stored_programme(the_v1_networks()))
        .unwrap()
        .value;
    let json = StoredProgramme::to_json(&programme);
    assert!(
        json.contains(r#""networks":["linkedin","x","intranet"]"#),
        "{json}"
    );
    assert!(json.contains(&format!("\"schema_version\":{SCHEMA_VERSION}")));
    assert!(json.contains("\"created_at\""));
    let again = parse_stored_programme(&json).expect("readable");
    assert_eq!(
        again.migrated_from, None,
        "a migrated document needs no second migration"
    );
    assert_eq!(again.value, programme);
}

#[test]
fn every_version_1_network_name_maps_to_a_network() {
    let names = [
        ("LinkedIn", Network::Linkedin),
        ("linkedin", Network::Linkedin),
        ("  LINKEDIN ", Network::Linkedin),
        ("X", Network::X),
        ("x", Network::X),
        ("X (Twitter)", Network::X),
        ("Twitter", Network::X),
        ("Internal social intranet", Network::Intranet),
        ("Social intranet", Network::Intranet),
        ("Intranet", Network::Intranet),
        ("Instagram", Network::Instagram),
        ("YouTube", Network::Youtube),
        ("Bluesky", Network::Bluesky),
        ("Mastodon", Network::Mastodon),
        ("Threads", Network::Threads),
        ("Other", Network::Other),
    ];
    for (name, network) in names {
        let read = parse_stored_programme(&v1_stored_programme(json!([name])))
            .unwrap_or_else(|e| panic!("{name:?}: {e}"));
        assert_eq!(read.value.settings.networks, [network], "{name:?}");
    }
}

#[test]
fn every_current_network_label_is_understood_as_a_version_1_name() {
    for network in Network::ALL {
        let read = parse_stored_programme(&v1_stored_programme(json!([network.label()])))
            .unwrap_or_else(|e| panic!("{}: {e}", network.label()));
        assert_eq!(read.value.settings.networks, [network]);
    }
}

#[test]
fn a_version_1_programme_without_networks_is_migrated() {
    let mut document: Value = serde_json::from_str(&v1_stored_programme(json!([]))).unwrap();
    document["programme"]["settings"]
        .as_object_mut()
        .unwrap()
        .remove("networks");
    let read = parse_stored_programme(&document.to_string()).expect("migrates");
    assert!(read.value.settings.networks.is_empty());
}

#[test]
fn a_version_1_record_that_already_has_a_creation_time_keeps_it() {
    let mut document: Value = serde_json::from_str(&v1_backup(the_v1_networks())).unwrap();
    document["programmes"][0]["executives"][0]["created_at"] = json!("2024-12-24T18:00:00Z");
    let parsed = parse_backup(&document.to_string()).expect("migrates");
    let ada = &parsed.file.programmes[0].executives[0];
    assert_eq!(ada.created_at, time("2024-12-24T18:00:00Z"));
    assert_eq!(ada.updated_at, time("2025-03-02T09:30:00.250Z"));
}

#[test]
fn a_version_1_stored_programme_with_an_unknown_network_fails_with_a_migration_error() {
    let error = parse_stored_programme(&v1_stored_programme(json!(["LinkedIn", "MySpace"])))
        .expect_err("MySpace is not a network the app knows");
    match &error {
        ReadError::Migration(reason) => {
            assert!(reason.contains("MySpace"), "{reason}");
            assert!(reason.contains("data version 1"), "{reason}");
        }
        other => panic!("expected a migration error, got {other:?}"),
    }
    assert_plain_words(&error.to_string());
}

#[test]
fn a_version_1_backup_with_an_unknown_network_fails_with_a_migration_error() {
    let error = parse_backup(&v1_backup(json!(["Friendster"]))).expect_err("unknown network");
    assert!(
        matches!(&error, ReadError::Migration(reason) if reason.contains("Friendster")),
        "{error:?}"
    );
    assert!(error
        .to_string()
        .starts_with("The file could not be upgraded"));
}

#[test]
fn a_document_of_data_version_0_is_refused() {
    let text = v1_stored_programme(the_v1_networks()).replacen(
        "\"schema_version\":1",
        "\"schema_version\":0",
        1,
    );
    assert!(text.contains("\"schema_version\":0"));
    for error in [
        parse_stored_programme(&text).unwrap_err(),
        parse_backup(&text).unwrap_err(),
    ] {
        assert!(
            matches!(&error, ReadError::Migration(reason) if reason.contains("(0)")),
            "{error:?}"
        );
        assert_plain_words(&error.to_string());
    }
}

#[test]
fn a_version_1_programme_index_is_migrated() {
    let text = json!({
        "format": "exec-social-playbook/index",
        "schema_version": 1,
        "programme_ids": [V1_PROGRAMME_ID],
        "current": V1_PROGRAMME_ID
    })
    .to_string();
    let read = parse_stored_index(&text).expect("migrates");
    assert_eq!(read.migrated_from, Some(1));
    assert_eq!(read.value.schema_version, SCHEMA_VERSION);
    assert_eq!(read.value.programme_ids.len(), 1);
}

#[test]
fn a_current_document_is_not_reported_as_migrated() {
    let programme = programme(1, "Pilot", 0, 0);
    let read = parse_stored_programme(&StoredProgramme::to_json(&programme)).unwrap();
    assert_eq!(read.migrated_from, None);
}

#[test]
fn migrate_leaves_a_current_document_unchanged() {
    let document = json!({"format": "exec-social-playbook/backup", "schema_version": SCHEMA_VERSION, "x": [1, 2]});
    assert_eq!(migrate(document.clone(), SCHEMA_VERSION), Ok(document));
}

#[test]
fn migrate_sets_the_current_version() {
    let document = json!({"format": "exec-social-playbook/index", "schema_version": 1});
    let migrated = migrate(document, 1).unwrap();
    assert_eq!(migrated["schema_version"], json!(SCHEMA_VERSION));
}

#[test]
fn migrate_refuses_newer_unknown_and_malformed_documents() {
    assert_eq!(
        migrate(json!({}), SCHEMA_VERSION + 1),
        Err(MigrationError::Newer {
            found: SCHEMA_VERSION + 1
        })
    );
    assert_eq!(
        migrate(json!({}), 0),
        Err(MigrationError::Unknown { found: 0 })
    );
    assert!(matches!(
        migrate(json!([1, 2, 3]), 1),
        Err(MigrationError::Failed { from: 1, .. })
    ));
    assert!(matches!(
        migrate(json!({"programmes": ["not a programme"]}), 1),
        Err(MigrationError::Failed { from: 1, .. })
    ));
}

#[test]
fn migration_errors_read_as_plain_words() {
    for error in [
        MigrationError::Newer { found: 9 },
        MigrationError::Unknown { found: 0 },
        MigrationError::Failed {
            from: 1,
            reason: "unknown network \"MySpace\"".into(),
        },
    ] {
        let text = error.to_string();
        assert!(!text.contains("Failed {"), "{text}");
        assert!(text.split_whitespace().count() >= 4, "{text}");
    }
}

#[test]
fn a_version_2_programme_opens_unchanged_as_the_current_version() {
    let v2 = r#"{"format":"exec-social-playbook/programme","schema_version":2,"programme":{"settings":{"id":"9f95f3db-655c-42b1-921e-0a2edcd33a8c","created_at":"2026-11-02T09:00:00Z","updated_at":"2026-11-02T09:00:00Z","name":"Fabrikam","networks":["linkedin"]},"executives":[{"id":"7a725061-b18e-42bd-9a15-5003c762705f","created_at":"2026-11-02T09:05:00Z","updated_at":"2026-11-02T09:05:00Z","name":"Alex Moreau","consent":true}]}}"#;
    let read = exec_social_playbook::io::stored::parse_stored_programme(v2)
        .expect("a v2 programme is read");
    assert_eq!(read.migrated_from, Some(2));
    let programme = read.value;
    assert_eq!(programme.settings.natural_weights, Default::default());
    assert_eq!(programme.executives[0].name, "Alex Moreau");
    assert!(programme.executives[0].profiles.is_empty());
    assert_eq!(programme.executives[0].willingness, None);
    let rewritten = StoredProgramme::to_json(&programme);
    assert!(rewritten.contains(&format!("\"schema_version\":{SCHEMA_VERSION}")));
    assert_eq!(SCHEMA_VERSION, 5);
}

/// A stored programme as version 3 wrote it: Step 1 data, no Step 2/3 fields.
const V3_PROGRAMME: &str = r#"{"format":"exec-social-playbook/programme","schema_version":3,"programme":{"settings":{"id":"9f95f3db-655c-42b1-921e-0a2edcd33a8c","created_at":"2026-11-02T09:00:00Z","updated_at":"2026-11-02T09:00:00Z","name":"Fabrikam","company":"Fabrikam","owner":"Jo Park","start_date":"2027-02-01","networks":["linkedin","x"],"natural_weights":{"completeness":5,"activity":5,"reach":3,"engagement":3,"willingness":4}},"executives":[{"id":"7a725061-b18e-42bd-9a15-5003c762705f","created_at":"2026-11-02T09:05:00Z","updated_at":"2026-11-25T17:30:00Z","name":"Alex Moreau","title":"CEO","department":"","email":"","notes":"","consent":true,"profiles":[{"network":"linkedin","address":"@alex","followers":4200,"posts_30d":6,"avg_engagement":96.5,"audit":["photo"]}],"willingness":4,"outreach":[{"stage":"contacted","on":"2026-11-10"}]}]}}"#;

#[test]
fn a_version_3_programme_opens_unchanged_as_the_current_version() {
    let read = parse_stored_programme(V3_PROGRAMME).expect("a v3 programme is read");
    assert_eq!(read.migrated_from, Some(3));
    let programme = read.value;
    // Step 1 data as it was …
    let alex = &programme.executives[0];
    assert_eq!(alex.name, "Alex Moreau");
    assert_eq!(alex.willingness, Some(4));
    assert_eq!(alex.profiles[0].followers, Some(4200));
    assert_eq!(alex.outreach.len(), 1);
    // … and Steps 2 and 3 empty, with the default stale age.
    assert!(alex.goals.is_empty() && alex.audiences.is_empty() && alex.themes.is_empty());
    assert_eq!(alex.emphasis, None);
    assert_eq!(alex.pitch, None);
    assert!(alex.pinned_evidence.is_empty() && alex.excluded_evidence.is_empty());
    assert!(programme.evidence.is_empty());
    assert_eq!(programme.settings.stale_after_years, 3);
    // Written back, the document is the same but for the version and the stale age.
    let expected: Value = {
        let mut v: Value = serde_json::from_str(V3_PROGRAMME).unwrap();
        v["schema_version"] = json!(SCHEMA_VERSION);
        v["programme"]["settings"]["stale_after_years"] = json!(3);
        v
    };
    let rewritten: Value = serde_json::from_str(&StoredProgramme::to_json(&programme)).unwrap();
    assert_eq!(rewritten, expected);
}

#[test]
fn the_migration_from_version_3_only_changes_the_version_number() {
    let document: Value = serde_json::from_str(V3_PROGRAMME).unwrap();
    let migrated = migrate(document.clone(), 3).expect("v3 migrates");
    let mut expected = document;
    expected["schema_version"] = json!(SCHEMA_VERSION);
    assert_eq!(migrated, expected);
}

/// A stored programme as version 4 wrote it: Steps 1–3 data (an executive with goals and a pinned
/// item of evidence), no competitions.
const V4_PROGRAMME: &str = r#"{"format":"exec-social-playbook/programme","schema_version":4,"programme":{"settings":{"id":"9f95f3db-655c-42b1-921e-0a2edcd33a8c","created_at":"2026-11-02T09:00:00Z","updated_at":"2026-11-02T09:00:00Z","name":"Fabrikam","company":"Fabrikam","owner":"Jo Park","start_date":"2027-02-01","networks":["linkedin"],"natural_weights":{"completeness":5,"activity":5,"reach":3,"engagement":3,"willingness":4},"stale_after_years":3},"executives":[{"id":"7a725061-b18e-42bd-9a15-5003c762705f","created_at":"2026-11-02T09:05:00Z","updated_at":"2026-11-25T17:30:00Z","name":"Alex Moreau","title":"CEO","department":"","email":"","notes":"","consent":true,"goals":[{"kind":"win_deals"}],"themes":["Data"],"pinned_evidence":["1667dfa5-4cc6-44f0-88c8-4b0fca1a6213"]}],"evidence":[{"id":"1667dfa5-4cc6-44f0-88c8-4b0fca1a6213","created_at":"2026-11-21T09:00:00Z","updated_at":"2026-11-21T09:00:00Z","title":"Leaders' posts","claim":"","figure":"3x","source_name":"","source_url":"","published":"2023-09","origin":{"kind":"published"},"scopes":[],"goals":[],"audiences":[],"tags":[]}]}}"#;

#[test]
fn a_version_4_programme_opens_unchanged_as_version_5_without_competitions() {
    let read = parse_stored_programme(V4_PROGRAMME).expect("a v4 programme is read");
    assert_eq!(read.migrated_from, Some(4));
    let programme = read.value;
    assert_eq!(programme.executives[0].name, "Alex Moreau");
    assert_eq!(programme.executives[0].pinned_evidence.len(), 1);
    assert_eq!(programme.evidence.len(), 1);
    assert!(programme.competitions.is_empty());
    // Written back, the document is the same but for the version: no empty `competitions` appears.
    let expected: Value = {
        let mut v: Value = serde_json::from_str(V4_PROGRAMME).unwrap();
        v["schema_version"] = json!(5);
        v
    };
    let rewritten: Value = serde_json::from_str(&StoredProgramme::to_json(&programme)).unwrap();
    assert_eq!(rewritten, expected);
}

#[test]
fn the_migration_from_version_4_only_changes_the_version_number() {
    let document: Value = serde_json::from_str(V4_PROGRAMME).unwrap();
    let migrated = migrate(document.clone(), 4).expect("v4 migrates");
    let mut expected = document;
    expected["schema_version"] = json!(SCHEMA_VERSION);
    assert_eq!(migrated, expected);
}

#[test]
fn a_version_4_backup_is_migrated_and_needs_no_repair() {
    let programme: Value =
        serde_json::from_str::<Value>(V4_PROGRAMME).unwrap()["programme"].clone();
    let text = json!({
        "format": "exec-social-playbook/backup",
        "schema_version": 4,
        "exported_at": "2026-11-26T10:15:30Z",
        "app_version": "0.1.0",
        "current_programme_id": null,
        "programmes": [programme]
    })
    .to_string();
    let parsed = parse_backup(&text).expect("migrates");
    assert_eq!(parsed.migrated_from, Some(4));
    assert_eq!(parsed.repairs, Vec::<String>::new());
    assert_eq!(parsed.file.schema_version, SCHEMA_VERSION);
    assert!(parsed.file.programmes[0].competitions.is_empty());
}

#[test]
fn a_version_1_programme_comes_through_every_step_to_version_5() {
    let read = parse_stored_programme(&v1_stored_programme(the_v1_networks())).expect("migrates");
    assert_eq!(read.migrated_from, Some(1));
    assert!(read.value.competitions.is_empty());
    let json = StoredProgramme::to_json(&read.value);
    assert!(json.contains("\"schema_version\":5"), "{json}");
    assert!(!json.contains("competitions"), "{json}");
}

#[test]
fn a_current_document_with_a_competition_is_not_migrated() {
    // Competitions are a field a version 4 build does not know; it would drop them on saving. The
    // version bump makes such a build refuse the document (read-only) instead.
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/valid/backup-competition.json"),
    )
    .expect("the competition fixture");
    let document: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(document["schema_version"], json!(5));
    assert!(document["programmes"][0]["competitions"].is_array());
    assert_eq!(
        migrate(document.clone(), 5),
        Ok(document),
        "a current document is not changed"
    );
    assert_eq!(
        migrate(json!({}), 6),
        Err(MigrationError::Newer { found: 6 })
    );
}
