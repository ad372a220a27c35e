//! Browser tests of the storage module against the real localStorage of headless Chromium.
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test storage_browser`.
#![cfg(target_arch = "wasm32")]

use exec_social_playbook::io::envelope::StoredProgramme;
use exec_social_playbook::model::{timestamp_from_millis, Executive, NewProgramme, Programme};
use exec_social_playbook::store::browser::{classify, local_storage, BrowserBackend};
use exec_social_playbook::store::persist::{load, save_programme, set_aside};
use exec_social_playbook::store::{Backend, StorageError, StorageKey};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh() -> BrowserBackend {
    let backend = local_storage().expect("localStorage is available in the test browser");
    for key in backend.keys().unwrap() {
        backend.remove(&key).unwrap();
    }
    backend
}

fn current_version() -> String {
    format!(
        "\"schema_version\":{}",
        exec_social_playbook::io::SCHEMA_VERSION
    )
}

fn programme(name: &str, millis: i64) -> Programme {
    let mut p = Programme::new(
        NewProgramme {
            name: name.into(),
            ..Default::default()
        },
        timestamp_from_millis(millis),
    );
    p.add_executive(Executive::new("Ada", timestamp_from_millis(millis)));
    p
}

#[wasm_bindgen_test]
fn values_round_trip_through_local_storage() {
    let backend = fresh();
    backend.set("esp:index", "{\"a\":1}").unwrap();
    assert_eq!(
        backend.get("esp:index").unwrap().as_deref(),
        Some("{\"a\":1}")
    );
    assert_eq!(backend.keys().unwrap(), vec!["esp:index".to_string()]);
    backend.remove("esp:index").unwrap();
    assert_eq!(backend.get("esp:index").unwrap(), None);
}

#[wasm_bindgen_test]
fn every_browsers_quota_error_is_reported_as_storage_full() {
    for name in ["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"] {
        let exception = web_sys::DomException::new_with_message_and_name("full", name).unwrap();
        assert_eq!(classify(exception.into()), StorageError::Full, "{name}");
    }
    let blocked =
        web_sys::DomException::new_with_message_and_name("denied", "SecurityError").unwrap();
    assert!(matches!(classify(blocked.into()), StorageError::Blocked(_)));
    assert!(matches!(
        classify(wasm_bindgen::JsValue::from_str("odd")),
        StorageError::Failed(_)
    ));
}

#[wasm_bindgen_test]
fn a_real_quota_error_leaves_the_stored_copy_unchanged() {
    let backend = fresh();
    backend.set("esp:probe", "kept").unwrap();
    // Chromium allows about 5 MB (10 MB of UTF-16) per origin: 12 M characters cannot fit.
    let huge = "x".repeat(12 * 1024 * 1024);
    assert_eq!(backend.set("esp:probe", &huge), Err(StorageError::Full));
    assert_eq!(backend.get("esp:probe").unwrap().as_deref(), Some("kept"));
    backend.remove("esp:probe").unwrap();
}

#[wasm_bindgen_test]
fn corrupt_stored_data_is_reported_with_its_raw_text_and_never_overwritten() {
    let backend = fresh();
    let good = programme("Good", 1_000);
    backend
        .set(
            &StorageKey::Programme(good.id()).as_string(),
            &StoredProgramme::to_json(&good),
        )
        .unwrap();
    let bad_key = StorageKey::Programme(uuid::Uuid::new_v4()).as_string();
    backend
        .set(&bad_key, "{\"format\":\"exec-social-playbook/prog")
        .unwrap();

    let loaded = load(&backend).unwrap();
    assert_eq!(loaded.workspace.programmes, vec![good]);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].key, bad_key);
    assert_eq!(
        loaded.unreadable[0].raw,
        "{\"format\":\"exec-social-playbook/prog"
    );
    assert_eq!(
        backend.get(&bad_key).unwrap().as_deref(),
        Some("{\"format\":\"exec-social-playbook/prog")
    );

    let copy_key = set_aside(&backend, &loaded.unreadable[0], 42).unwrap();
    assert_eq!(backend.get(&bad_key).unwrap(), None);
    assert_eq!(
        backend.get(&copy_key).unwrap().as_deref(),
        Some("{\"format\":\"exec-social-playbook/prog")
    );
    assert!(load(&backend).unwrap().unreadable.is_empty());
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_opens_read_only() {
    let backend = fresh();
    let p = programme("From the future", 1_000);
    let text = StoredProgramme::to_json(&p).replace(&current_version(), "\"schema_version\":99");
    backend
        .set(&StorageKey::Programme(p.id()).as_string(), &text)
        .unwrap();
    let loaded = load(&backend).unwrap();
    assert!(loaded
        .read_only
        .as_deref()
        .unwrap_or("")
        .contains("newer version"));
    assert_eq!(
        loaded.workspace.programmes.len(),
        1,
        "still shown, read-only"
    );
    assert!(loaded.unreadable.is_empty());
}

#[wasm_bindgen_test]
fn older_data_is_migrated_and_its_original_kept() {
    let backend = fresh();
    let p = programme("Old", 1_000);
    let key = StorageKey::Programme(p.id()).as_string();
    let v1 = StoredProgramme::to_json(&p)
        .replace(&current_version(), "\"schema_version\":1")
        .replace(
            "\"networks\":[]",
            "\"networks\":[\"LinkedIn\",\"X (Twitter)\"]",
        );
    backend.set(&key, &v1).unwrap();
    let loaded = load(&backend).unwrap();
    assert_eq!(loaded.migrated, vec![p.id()]);
    assert_eq!(loaded.workspace.programmes[0].settings.networks.len(), 2);
    let copy = StorageKey::PreMigration {
        version: 1,
        original: key,
    }
    .as_string();
    assert_eq!(backend.get(&copy).unwrap().as_deref(), Some(v1.as_str()));
}

#[wasm_bindgen_test]
fn a_save_merges_what_another_tab_wrote_instead_of_overwriting_it() {
    let backend = fresh();
    let ours = programme("Shared", 1_000);
    let key = StorageKey::Programme(ours.id()).as_string();
    let first = save_programme(&backend, &ours, None).unwrap();

    // Another tab adds an executive and saves.
    let mut theirs = ours.clone();
    theirs.add_executive(Executive::new("Grace", timestamp_from_millis(2_000)));
    backend
        .set(&key, &StoredProgramme::to_json(&theirs))
        .unwrap();

    // This tab renames the programme and saves, still believing the stored copy is `first`.
    let mut edited = ours.clone();
    edited.edit_settings(timestamp_from_millis(3_000), |s| s.name = "Renamed".into());
    let saved = save_programme(&backend, &edited, Some(&first.text)).unwrap();
    let merged = saved.merged.expect("the other tab's change was merged in");
    assert_eq!(merged.settings.name, "Renamed");
    assert_eq!(merged.roster().count(), 2);
    assert_eq!(
        backend.get(&key).unwrap().as_deref(),
        Some(saved.text.as_str())
    );
}
