//! Reliability row 1: any programme, serialised and parsed back, is identical.

mod common;

use chrono::NaiveDate;
use common::*;
use exec_social_playbook::io::envelope::{StoredIndex, PROGRAMME_FORMAT};
use exec_social_playbook::io::stored::{parse_stored_index, parse_stored_programme};
use exec_social_playbook::io::{parse_backup, BackupFile, StoredProgramme, SCHEMA_VERSION};
use exec_social_playbook::model::demo::demo_programme;
use exec_social_playbook::model::Programme;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_programme_survives_the_storage_format_byte_for_byte(programme in any_programme()) {
        let json = StoredProgramme::to_json(&programme);
        let stored: StoredProgramme = serde_json::from_str(&json).expect("the app's own JSON parses");
        prop_assert_eq!(stored.format.as_str(), PROGRAMME_FORMAT);
        prop_assert_eq!(stored.schema_version, SCHEMA_VERSION);
        prop_assert_eq!(stored.programme, programme);
    }

    #[test]
    fn any_programme_read_back_from_storage_is_identical_in_canonical_order(programme in any_programme()) {
        let read = parse_stored_programme(&StoredProgramme::to_json(&programme)).expect("readable");
        prop_assert_eq!(read.migrated_from, None);
        prop_assert_eq!(read.value, normalised(&programme));
    }

    #[test]
    fn any_canonical_programme_read_back_from_storage_is_identical(programme in any_canonical_programme()) {
        let read = parse_stored_programme(&StoredProgramme::to_json(&programme)).expect("readable");
        prop_assert_eq!(read.value, programme);
    }

    #[test]
    fn any_backup_file_survives_its_json_byte_for_byte(file in any_backup_file()) {
        let back: BackupFile = serde_json::from_str(&file.to_json()).expect("the app's own JSON parses");
        prop_assert_eq!(back, file);
    }

    #[test]
    fn any_backup_file_imports_back_identical_and_without_repairs(file in any_backup_file()) {
        let parsed = parse_backup(&file.to_json()).expect("the app's own backup imports");
        prop_assert_eq!(parsed.migrated_from, None);
        prop_assert!(parsed.repairs.is_empty(), "unexpected repairs: {:?}", parsed.repairs);
        prop_assert_eq!(parsed.file, file);
    }

    #[test]
    fn any_stored_programme_imports_as_a_one_programme_backup(programme in any_canonical_programme()) {
        let parsed = parse_backup(&StoredProgramme::to_json(&programme)).expect("importable");
        prop_assert_eq!(parsed.file.programmes, vec![programme.clone()]);
        prop_assert_eq!(parsed.file.current_programme_id, None);
        prop_assert_eq!(parsed.file.exported_at, programme.settings.updated_at);
    }

    #[test]
    fn serialising_twice_gives_the_same_text(programme in any_programme()) {
        let once = StoredProgramme::to_json(&programme);
        let stored: StoredProgramme = serde_json::from_str(&once).expect("parses");
        prop_assert_eq!(StoredProgramme::to_json(&stored.programme), once);
    }

    #[test]
    fn the_stored_index_survives_its_json(
        ids in prop::collection::vec(any::<u128>(), 0..5),
        current in prop::option::of(any::<u128>()),
        last_backup_at in prop::option::of(any_time()),
    ) {
        let index = StoredIndex::new(
            ids.into_iter().map(uuid::Uuid::from_u128).collect(),
            current.map(uuid::Uuid::from_u128),
            last_backup_at,
        );
        let read = parse_stored_index(&index.to_json()).expect("readable");
        prop_assert_eq!(read.value, index);
    }
}

#[test]
fn the_demo_programme_survives_a_backup_round_trip() {
    let programme = demo_programme(at(0));
    let file = BackupFile::new(vec![programme.clone()], Some(programme.id()), at(5));
    let parsed = parse_backup(&file.to_json()).expect("importable");
    assert!(parsed.repairs.is_empty());
    assert_eq!(parsed.file, file);
}

#[test]
fn start_dates_past_the_year_9999_survive_a_round_trip() {
    // A date field in a browser accepts years up to 275760.
    for (year, month, day) in [(10_000, 1, 1), (275_760, 9, 13), (1, 1, 1), (9_999, 12, 31)] {
        let mut programme: Programme = programme(1, "Far future", 0, 0);
        programme.settings.start_date = NaiveDate::from_ymd_opt(year, month, day);
        let read = parse_stored_programme(&StoredProgramme::to_json(&programme))
            .unwrap_or_else(|e| panic!("year {year}: {e}"));
        assert_eq!(read.value, programme, "year {year}");
    }
}

#[test]
fn timestamps_keep_their_milliseconds() {
    let mut programme = programme(1, "Precise", 0, 0);
    programme.settings.updated_at =
        exec_social_playbook::model::timestamp_from_millis(BASE_MILLIS + 1);
    let read = parse_stored_programme(&StoredProgramme::to_json(&programme)).expect("readable");
    assert_eq!(
        read.value.settings.updated_at,
        programme.settings.updated_at
    );
}

#[test]
fn the_backup_file_is_pretty_printed_for_people_to_read() {
    let file = BackupFile::new(vec![programme(1, "Pilot", 0, 0)], None, at(0));
    let json = file.to_json();
    assert!(json.contains('\n'));
    assert!(json.contains("\"format\": \"exec-social-playbook/backup\""));
    assert!(json.contains(&format!("\"schema_version\": {SCHEMA_VERSION}")));
}

#[test]
fn a_live_record_does_not_write_a_deleted_flag_but_a_tombstone_does() {
    let live = programme(1, "Live", 0, 0);
    assert!(!StoredProgramme::to_json(&live).contains("\"deleted\""));
    let mut gone = live.clone();
    gone.settings.deleted = true;
    assert!(StoredProgramme::to_json(&gone).contains("\"deleted\":true"));
}

#[test]
fn backup_file_names_are_safe_and_dated() {
    let one = BackupFile::new(
        vec![programme(1, "Northwind — 2027 / Pilot!", 0, 0)],
        None,
        at(0),
    );
    assert_eq!(
        one.file_name(),
        "exec-social-playbook-northwind-2027-pilot-2026-01-01.json"
    );
    let all = BackupFile::new(
        vec![programme(1, "A", 0, 0), programme(2, "B", 0, 0)],
        None,
        at(0),
    );
    assert_eq!(
        all.file_name(),
        "exec-social-playbook-all-programmes-2026-01-01.json"
    );
    let unnamed = BackupFile::new(vec![programme(1, "???", 0, 0)], None, at(0));
    assert_eq!(unnamed.file_name(), "exec-social-playbook-2026-01-01.json");
}
