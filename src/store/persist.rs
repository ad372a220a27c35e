//! Loading and saving the workspace through a [`Backend`], with every failure of PRODUCT.md's
//! reliability table turned into a value the UI can show. No browser APIs here: the same code runs on
//! localStorage in the app and on [`MemoryBackend`](super::backend::MemoryBackend) in native tests.

use super::backend::{Backend, StorageError};
use super::keys::StorageKey;
use crate::io::envelope::{StoredIndex, StoredProgramme};
use crate::io::read::typed;
use crate::io::stored::{parse_stored_index, parse_stored_programme};
use crate::io::ReadError;
use crate::model::{Programme, Timestamp, Workspace};
use serde_json::Value;
use std::collections::BTreeMap;
use uuid::Uuid;

/// A stored entry that could not be read. It is never overwritten: the user downloads it or sets it
/// aside from the recovery screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub error: String,
}

/// What was found in storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub workspace: Workspace,
    pub last_backup_at: Option<Timestamp>,
    /// Entries that could not be read (corrupt, truncated, wrong type).
    pub unreadable: Vec<Unreadable>,
    /// Set when data was written by a newer version of the app: the app must not write anything.
    pub read_only: Option<String>,
    /// Programmes migrated from an older version (their pre-migration copy is kept); to be rewritten.
    pub migrated: Vec<Uuid>,
    /// The exact text of each entry as read, so that a later save can tell whether another tab
    /// changed it meanwhile.
    pub seen: BTreeMap<String, String>,
}

/// Reads everything the app stored. Only fails when storage cannot be listed at all.
pub fn load(backend: &dyn Backend) -> Result<Loaded, StorageError> {
    let mut loaded = Loaded::default();
    let mut keys: Vec<StorageKey> = backend
        .keys()?
        .iter()
        .filter_map(|k| StorageKey::parse(k))
        .collect();
    keys.sort();

    let mut current = None;
    let index_key = StorageKey::Index.as_string();
    if let Some(raw) = backend.get(&index_key)? {
        match parse_stored_index(&raw) {
            Ok(read) => {
                current = read.value.current;
                loaded.last_backup_at = read.value.last_backup_at;
                loaded.seen.insert(index_key.clone(), raw);
            }
            Err(ReadError::Newer { found }) => loaded.read_only = Some(newer_message(found)),
            Err(error) => loaded.unreadable.push(Unreadable {
                key: index_key,
                raw,
                error: describe_unreadable(&error),
            }),
        }
    }

    for key in keys {
        let StorageKey::Programme(id) = key else {
            continue;
        };
        let key_string = key.as_string();
        let Some(raw) = backend.get(&key_string)? else {
            continue;
        };
        match parse_stored_programme(&raw) {
            Ok(read) if read.value.id() != id => loaded.unreadable.push(Unreadable {
                key: key_string,
                raw,
                error: "the programme inside has a different id than its storage key".into(),
            }),
            Ok(read) => {
                if let Some(version) = read.migrated_from {
                    if keep_pre_migration_copy(backend, version, &key_string, &raw).is_ok() {
                        loaded.migrated.push(id);
                    } else {
                        loaded.read_only = Some(
                            "Your data needs upgrading to this version of the app, but there is no room to keep a copy of the old data first. It is shown read-only: download a backup from the Data page, then free some space.".into(),
                        );
                    }
                }
                loaded.workspace.programmes.push(read.value);
                loaded.seen.insert(key_string, raw);
            }
            Err(ReadError::Newer { found }) => {
                loaded.read_only = Some(newer_message(found));
                if let Some(programme) = lenient_programme(&raw) {
                    loaded.workspace.programmes.push(programme);
                }
            }
            Err(error) => loaded.unreadable.push(Unreadable {
                key: key_string,
                raw,
                error: describe_unreadable(&error),
            }),
        }
    }
    loaded.workspace.sort();
    loaded.workspace.current = current;
    Ok(loaded)
}

/// What went wrong with a stored entry, in words for the person at the recovery screen (the read
/// errors speak of files, which is right for imports but not for storage).
pub fn describe_unreadable(error: &ReadError) -> String {
    match error {
        ReadError::Empty => "The saved entry is empty.".into(),
        ReadError::NotJson { line, column, .. } => format!(
            "The saved data is damaged or cut off: it stops making sense at line {line}, character {column}."
        ),
        ReadError::TooDeep { .. } | ReadError::WrongFormat { .. } => {
            "The saved entry is not in Exec Social Playbook's format — something else may have written it.".into()
        }
        ReadError::WrongShape { reason, .. } => {
            format!("The saved data is incomplete or has unexpected content ({reason}).")
        }
        other => other.to_string(),
    }
}

fn newer_message(version: u32) -> String {
    format!(
        "This data was saved by a newer version of Exec Social Playbook (data version {version}; this version reads up to {}). It is shown read-only and nothing is saved. Open the newer version of the app to edit it.",
        crate::io::SCHEMA_VERSION
    )
}

/// A best-effort reading of a programme saved by a newer app, for read-only display.
fn lenient_programme(raw: &str) -> Option<Programme> {
    let value: Value = serde_json::from_str(raw).ok()?;
    typed::<Programme>(value.get("programme")?.clone(), "stored programme").ok()
}

fn keep_pre_migration_copy(
    backend: &dyn Backend,
    version: u32,
    key: &str,
    raw: &str,
) -> Result<(), StorageError> {
    let copy_key = StorageKey::PreMigration {
        version,
        original: key.to_string(),
    }
    .as_string();
    if backend.get(&copy_key)?.is_none() {
        backend.set(&copy_key, raw)?;
    }
    Ok(())
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("{0}")]
    Storage(#[from] StorageError),
    /// Another tab wrote something this version cannot read; overwriting it could lose data.
    #[error("another tab saved data this tab cannot read ({0}); reload the page")]
    Conflict(String),
}

/// A programme written to storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The text now stored (remember it as seen).
    pub text: String,
    /// Set when another tab had changed the stored copy: what was written is the merge of both, and
    /// this tab should show it.
    pub merged: Option<Programme>,
}

/// Saves one programme without losing another tab's changes: when the stored text is not what this
/// tab last saw, the stored copy is merged in (record by record) before writing.
pub fn save_programme(
    backend: &dyn Backend,
    programme: &Programme,
    last_seen: Option<&str>,
) -> Result<Saved, SaveError> {
    let key = StorageKey::Programme(programme.id()).as_string();
    let stored = backend.get(&key)?;
    let mut merged = None;
    if let Some(stored) = stored.as_deref().filter(|s| Some(*s) != last_seen) {
        let theirs =
            parse_stored_programme(stored).map_err(|e| SaveError::Conflict(e.to_string()))?;
        let combined = programme.merge(&theirs.value);
        if combined != *programme {
            merged = Some(combined);
        }
    }
    let text = StoredProgramme::to_json(merged.as_ref().unwrap_or(programme));
    if stored.as_deref() != Some(text.as_str()) {
        backend.set(&key, &text)?;
    }
    Ok(Saved { text, merged })
}

/// Saves the index (the programme list, the open programme and the last backup time).
pub fn save_index(
    backend: &dyn Backend,
    workspace: &Workspace,
    last_backup_at: Option<Timestamp>,
) -> Result<String, StorageError> {
    let ids = workspace.programmes.iter().map(Programme::id).collect();
    let text = StoredIndex::new(ids, workspace.current_id(), last_backup_at).to_json();
    backend.set(&StorageKey::Index.as_string(), &text)?;
    Ok(text)
}

/// Moves an unreadable entry out of the way: its raw text is copied to a `recovered` key, checked,
/// and only then is the original removed. Returns the key of the copy.
pub fn set_aside(
    backend: &dyn Backend,
    entry: &Unreadable,
    now_millis: i64,
) -> Result<String, StorageError> {
    let copy_key = StorageKey::Recovered {
        original: entry.key.clone(),
        at_millis: now_millis,
    }
    .as_string();
    backend.set(&copy_key, &entry.raw)?;
    if backend.get(&copy_key)?.as_deref() != Some(entry.raw.as_str()) {
        return Err(StorageError::Failed(
            "the copy could not be verified".into(),
        ));
    }
    backend.remove(&entry.key)?;
    Ok(copy_key)
}

/// A copy the app keeps of earlier data: set aside from the recovery screen, or from before a migration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptCopy {
    pub key: String,
    pub description: String,
    pub size: usize,
}

/// The kept copies in storage, for the Data page.
pub fn kept_copies(backend: &dyn Backend) -> Result<Vec<KeptCopy>, StorageError> {
    let mut copies = Vec::new();
    for key in backend.keys()? {
        let description = match StorageKey::parse(&key) {
            Some(StorageKey::Recovered { original, .. }) => {
                format!("Unreadable data set aside from {original}")
            }
            Some(StorageKey::PreMigration { version, original }) => {
                format!("{original} as it was in data version {version}, before the upgrade")
            }
            _ => continue,
        };
        let size = backend.get(&key)?.map_or(0, |v| v.len());
        copies.push(KeptCopy {
            key,
            description,
            size,
        });
    }
    copies.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(copies)
}

/// How much the app's entries take, in UTF-16 code units (what browsers count against the ~5 MB quota).
pub fn used_units(backend: &dyn Backend) -> Result<usize, StorageError> {
    let mut total = 0;
    for key in backend.keys()? {
        if StorageKey::parse(&key).is_some() {
            total += key.encode_utf16().count()
                + backend.get(&key)?.map_or(0, |v| v.encode_utf16().count());
        }
    }
    Ok(total)
}
