//! The fixtures in `tests/fixtures/` make the documented data format (`docs/data-format.md`)
//! concrete. `tools/check-schema.mjs` checks them against the JSON Schema; these tests check them
//! against the app itself, so that the schema, the documentation and the Rust types cannot drift
//! apart unnoticed.

use exec_social_playbook::io::{self, stored, ReadError, StoredProgramme};
use serde_json::Value;
use std::path::PathBuf;

const BACKUP: &str = "exec-social-playbook/backup";
const PROGRAMME: &str = "exec-social-playbook/programme";
const INDEX: &str = "exec-social-playbook/index";

fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// `(file name, text)` of every `.json` file in `tests/fixtures/<folder>`, by name.
fn fixtures(folder: &str) -> Vec<(String, String)> {
    let dir = repo_path(&format!("tests/fixtures/{folder}"));
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (name, text)
        })
        .collect();
    files.sort();
    files
}

fn json(name: &str, text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"))
}

#[test]
fn every_valid_fixture_is_read_as_is_and_written_back_unchanged() {
    let mut formats_seen = Vec::new();
    for (name, text) in fixtures("valid") {
        let original = json(&name, &text);
        let format = original["format"].as_str().unwrap_or_default().to_string();
        let written: Value = match format.as_str() {
            BACKUP => {
                let parsed = io::parse_backup(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(
                    parsed.repairs,
                    Vec::<String>::new(),
                    "{name}: needed repairs"
                );
                assert_eq!(parsed.migrated_from, None, "{name}: was migrated");
                json(&name, &parsed.file.to_json())
            }
            PROGRAMME => {
                // A stored programme can also be imported as a one-programme backup.
                let parsed = io::parse_backup(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(
                    parsed.repairs,
                    Vec::<String>::new(),
                    "{name}: needed repairs"
                );
                assert_eq!(parsed.file.programmes.len(), 1, "{name}");
                let read =
                    stored::parse_stored_programme(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(read.migrated_from, None, "{name}: was migrated");
                json(&name, &StoredProgramme::to_json(&read.value))
            }
            INDEX => {
                let read =
                    stored::parse_stored_index(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(read.migrated_from, None, "{name}: was migrated");
                json(&name, &read.value.to_json())
            }
            other => panic!("{name}: unexpected format {other:?}"),
        };
        // Writing what was read gives the same document: the fixture holds every field the app
        // writes, timestamps as chrono writes them, and records in canonical order.
        assert_eq!(
            written, original,
            "{name}: the app writes this document differently"
        );
        formats_seen.push(format);
    }
    for format in [BACKUP, PROGRAMME, INDEX] {
        assert!(
            formats_seen.iter().any(|f| f == format),
            "no valid fixture of format {format}"
        );
    }
}

#[test]
fn the_app_rejects_the_schema_invalid_fixtures_for_the_same_reason() {
    // Not every schema-invalid document must be rejected by the app (the schema may be stricter),
    // but these three are also errors for the Rust reader.
    let expected = [
        ("backup-bad-uuid.json", "UUID"),
        ("backup-unknown-network.json", "unknown variant `facebook`"),
        ("backup-executive-missing-name.json", "missing field `name`"),
    ];
    let files = fixtures("invalid-schema");
    for (name, reason_contains) in expected {
        let (_, text) = files
            .iter()
            .find(|(file, _)| file == name)
            .unwrap_or_else(|| panic!("missing fixture invalid-schema/{name}"));
        match io::parse_backup(text) {
            Err(ReadError::WrongShape { reason, .. }) => assert!(
                reason.contains(reason_contains),
                "{name}: rejected, but for another reason: {reason}"
            ),
            other => panic!("{name}: expected a content error, got {other:?}"),
        }
    }
}

#[test]
fn the_example_in_the_documentation_is_exactly_what_an_export_writes() {
    let example = std::fs::read_to_string(repo_path("tests/fixtures/valid/backup-example.json"))
        .expect("the example fixture");
    let parsed = io::parse_backup(&example).expect("the example is a valid backup");
    assert_eq!(parsed.file.to_json(), example.trim_end());
    let doc =
        std::fs::read_to_string(repo_path("docs/data-format.md")).expect("the data format doc");
    assert!(
        doc.contains(example.trim_end()),
        "docs/data-format.md must show tests/fixtures/valid/backup-example.json verbatim"
    );
}
