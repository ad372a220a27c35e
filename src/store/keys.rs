//! Every localStorage key the app uses, as a type: no key string is written anywhere else.

use uuid::Uuid;

/// All keys start with this, so the app never touches another app's data on the same origin.
pub const PREFIX: &str = "esp:";

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum StorageKey {
    /// The list of programmes, the open one, the last backup time.
    Index,
    /// One programme's document.
    Programme(Uuid),
    /// The raw text of an entry that could not be read, set aside by the user from the recovery screen.
    Recovered { original: String, at_millis: i64 },
    /// The raw text of an entry as it was before it was migrated to a newer schema version.
    PreMigration { version: u32, original: String },
}

impl StorageKey {
    pub fn as_string(&self) -> String {
        match self {
            StorageKey::Index => format!("{PREFIX}index"),
            StorageKey::Programme(id) => format!("{PREFIX}programme:{id}"),
            StorageKey::Recovered {
                original,
                at_millis,
            } => format!("{PREFIX}recovered:{at_millis}:{original}"),
            StorageKey::PreMigration { version, original } => {
                format!("{PREFIX}pre-migration:v{version}:{original}")
            }
        }
    }

    /// Reads a key back; `None` for keys that are not the app's.
    pub fn parse(key: &str) -> Option<StorageKey> {
        let rest = key.strip_prefix(PREFIX)?;
        if rest == "index" {
            return Some(StorageKey::Index);
        }
        if let Some(id) = rest.strip_prefix("programme:") {
            return Uuid::parse_str(id).ok().map(StorageKey::Programme);
        }
        if let Some(tail) = rest.strip_prefix("recovered:") {
            let (at, original) = tail.split_once(':')?;
            return Some(StorageKey::Recovered {
                original: original.to_string(),
                at_millis: at.parse().ok()?,
            });
        }
        if let Some(tail) = rest.strip_prefix("pre-migration:v") {
            let (version, original) = tail.split_once(':')?;
            return Some(StorageKey::PreMigration {
                version: version.parse().ok()?,
                original: original.to_string(),
            });
        }
        None
    }
}
