//! Schema migrations: each step lifts a document one version, on plain JSON, before it is typed.
//!
//! Version history (see `docs/data-format.md`):
//! - **1** — pre-release layout: networks stored by display name (`"LinkedIn"`, `"X (Twitter)"`), and
//!   records without `created_at`.
//! - **2** — networks stored by id (`"linkedin"`, `"x"`); every record has `created_at`.
//! - **3** — Step 1: executives gain `profiles`, `willingness` and `outreach`; programme settings gain
//!   `natural_weights`. All have defaults, so nothing is rewritten; the version exists so that a build
//!   that predates them opens such data read-only instead of dropping those fields when it saves.
//! - **4** — Steps 2 and 3: executives gain `goals`, `audiences`, `emphasis`, `themes`, `pitch`,
//!   `pinned_evidence` and `excluded_evidence`; programme settings gain `stale_after_years`;
//!   programmes gain the `evidence` collection. All have defaults: nothing is rewritten (same reason
//!   as 3).
//! - **5** — Step 6: programmes gain the `competitions` collection (settings, period records and
//!   activity rows). It defaults to empty: nothing is rewritten (same reason as 3).

use super::envelope::SCHEMA_VERSION;
use crate::model::Network;
use serde_json::{Map, Value};

/// Why a document could not be brought to the current version.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    #[error("it was written by a newer version of the app (data version {found}; this app reads up to {SCHEMA_VERSION})")]
    Newer { found: u32 },
    #[error("its data version ({found}) is not one this app knows")]
    Unknown { found: u32 },
    #[error("it could not be upgraded from data version {from}: {reason}")]
    Failed { from: u32, reason: String },
}

/// Brings a document (backup file, stored programme or index) from `version` to [`SCHEMA_VERSION`].
/// Returns the document unchanged when it is already current.
pub fn migrate(mut document: Value, version: u32) -> Result<Value, MigrationError> {
    if version > SCHEMA_VERSION {
        return Err(MigrationError::Newer { found: version });
    }
    if version == 0 {
        return Err(MigrationError::Unknown { found: version });
    }
    let mut at = version;
    while at < SCHEMA_VERSION {
        document = match at {
            1 => v1_to_v2(document).map_err(|reason| MigrationError::Failed { from: 1, reason })?,
            // v3 only adds fields with defaults.
            2 => document,
            // v4 only adds fields and a collection with defaults.
            3 => document,
            // v5 only adds a collection with a default (competitions).
            4 => document,
            other => return Err(MigrationError::Unknown { found: other }),
        };
        at += 1;
    }
    if let Some(object) = document.as_object_mut() {
        object.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
    Ok(document)
}

/// v1 → v2: network names become ids; records gain `created_at` (taken from `updated_at`).
fn v1_to_v2(mut document: Value) -> Result<Value, String> {
    let object = document
        .as_object_mut()
        .ok_or_else(|| "the document is not a JSON object".to_string())?;
    if let Some(programme) = object.get_mut("programme") {
        upgrade_programme_v1(programme)?;
    }
    if let Some(Value::Array(programmes)) = object.get_mut("programmes") {
        for programme in programmes {
            upgrade_programme_v1(programme)?;
        }
    }
    Ok(document)
}

fn upgrade_programme_v1(programme: &mut Value) -> Result<(), String> {
    let programme = programme
        .as_object_mut()
        .ok_or_else(|| "a programme is not a JSON object".to_string())?;
    if let Some(Value::Object(settings)) = programme.get_mut("settings") {
        add_created_at(settings);
        if let Some(Value::Array(networks)) = settings.get_mut("networks") {
            for network in networks.iter_mut() {
                if let Value::String(name) = network {
                    *network = Value::from(network_id_from_v1_name(name)?.key());
                }
            }
        }
    }
    if let Some(Value::Array(executives)) = programme.get_mut("executives") {
        for executive in executives {
            if let Value::Object(executive) = executive {
                add_created_at(executive);
            }
        }
    }
    Ok(())
}

fn add_created_at(record: &mut Map<String, Value>) {
    if !record.contains_key("created_at") {
        if let Some(updated) = record.get("updated_at").cloned() {
            record.insert("created_at".into(), updated);
        }
    }
}

fn network_id_from_v1_name(name: &str) -> Result<Network, String> {
    let network = match name.trim().to_ascii_lowercase().as_str() {
        "linkedin" => Network::Linkedin,
        "x" | "x (twitter)" | "twitter" => Network::X,
        "intranet" | "internal social intranet" | "social intranet" => Network::Intranet,
        "instagram" => Network::Instagram,
        "youtube" => Network::Youtube,
        "bluesky" => Network::Bluesky,
        "mastodon" => Network::Mastodon,
        "threads" => Network::Threads,
        "other" => Network::Other,
        _ => return Err(format!("unknown network \"{name}\"")),
    };
    Ok(network)
}
