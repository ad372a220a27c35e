//! The versioned JSON documents the app writes: the backup file, and what it keeps in storage.
//!
//! All three share one envelope — `{"format": …, "schema_version": …, …}` — so that any of them can be
//! recognised, migrated and validated by the same code. See `docs/data-format.md`.

use crate::model::dates::{iso_date, rfc3339};
use crate::model::{Programme, Timestamp};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 5;

/// The `format` of a backup file (one programme or many).
pub const BACKUP_FORMAT: &str = "exec-social-playbook/backup";
/// The `format` of one stored programme.
pub const PROGRAMME_FORMAT: &str = "exec-social-playbook/programme";
/// The `format` of the stored index of programmes.
pub const INDEX_FORMAT: &str = "exec-social-playbook/index";

/// A backup file: one or more programmes, as exported from the Data page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupFile {
    pub format: String,
    pub schema_version: u32,
    #[serde(with = "rfc3339")]
    pub exported_at: Timestamp,
    /// The app version that wrote the file, for support; never used to decide anything.
    #[serde(default)]
    pub app_version: String,
    /// The programme that was open when the file was written, if the file holds several.
    #[serde(default)]
    pub current_programme_id: Option<Uuid>,
    pub programmes: Vec<Programme>,
}

impl BackupFile {
    pub fn new(programmes: Vec<Programme>, current: Option<Uuid>, now: Timestamp) -> Self {
        BackupFile {
            format: BACKUP_FORMAT.to_string(),
            schema_version: SCHEMA_VERSION,
            exported_at: now,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            current_programme_id: current,
            programmes,
        }
    }

    /// The file's text: pretty-printed, so a person can read and diff it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A file name such as `exec-social-playbook-northwind-2026-11-26.json`.
    pub fn file_name(&self) -> String {
        let subject = match self.programmes.as_slice() {
            [only] => slug(only.name()),
            _ => "all-programmes".to_string(),
        };
        let date = iso_date(self.exported_at.date_naive());
        if subject.is_empty() {
            format!("exec-social-playbook-{date}.json")
        } else {
            format!("exec-social-playbook-{subject}-{date}.json")
        }
    }
}

/// One programme as kept in storage under its own key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredProgramme {
    pub format: String,
    pub schema_version: u32,
    pub programme: Programme,
}

impl StoredProgramme {
    pub fn to_json(programme: &Programme) -> String {
        #[derive(Serialize)]
        struct Borrowed<'a> {
            format: &'static str,
            schema_version: u32,
            programme: &'a Programme,
        }
        serde_json::to_string(&Borrowed {
            format: PROGRAMME_FORMAT,
            schema_version: SCHEMA_VERSION,
            programme,
        })
        .unwrap_or_default()
    }
}

/// The list of programmes in this browser, the open one, and when the user last made a backup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredIndex {
    pub format: String,
    pub schema_version: u32,
    pub programme_ids: Vec<Uuid>,
    #[serde(default)]
    pub current: Option<Uuid>,
    #[serde(default, with = "rfc3339::option")]
    pub last_backup_at: Option<Timestamp>,
}

impl StoredIndex {
    pub fn new(
        programme_ids: Vec<Uuid>,
        current: Option<Uuid>,
        last_backup_at: Option<Timestamp>,
    ) -> Self {
        StoredIndex {
            format: INDEX_FORMAT.to_string(),
            schema_version: SCHEMA_VERSION,
            programme_ids,
            current,
            last_backup_at,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Lower-case ASCII letters and digits joined by single dashes: safe in any file name.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-')
        .chars()
        .take(40)
        .collect::<String>()
}
