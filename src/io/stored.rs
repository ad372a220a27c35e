//! Reading what the app keeps in storage: the index and one document per programme.

use super::envelope::{
    StoredIndex, StoredProgramme, INDEX_FORMAT, PROGRAMME_FORMAT, SCHEMA_VERSION,
};
use super::read::{read_document, typed, Read, ReadError, MAX_BYTES};
use crate::model::Programme;

/// Reads a stored programme, migrating it when it is older than this app.
pub fn parse_stored_programme(text: &str) -> Result<Read<Programme>, ReadError> {
    const WHAT: &str = "stored programme";
    // The common case — this app's own current format — is read straight into its type: going
    // through `serde_json::Value` first doubles the time, which is most of a big programme's load.
    // Anything else (older, newer, damaged) takes the careful path with its specific errors. No
    // depth scan first: serde_json stops at 128 levels by itself (an error, then the careful path
    // says "too deep"), and the scan of a 2 MB programme cost ~5 ms of a cold load.
    if text.len() <= MAX_BYTES {
        if let Ok(stored) = serde_json::from_str::<StoredProgramme>(text) {
            if stored.format == PROGRAMME_FORMAT && stored.schema_version == SCHEMA_VERSION {
                let mut programme = stored.programme;
                programme.normalise();
                return Ok(Read {
                    value: programme,
                    migrated_from: None,
                });
            }
        }
    }
    let (_, read) = read_document(text, &[PROGRAMME_FORMAT], WHAT)?;
    let stored: StoredProgramme = typed(read.value, WHAT)?;
    let mut programme = stored.programme;
    programme.normalise();
    Ok(Read {
        value: programme,
        migrated_from: read.migrated_from,
    })
}

/// Reads the stored index of programmes.
pub fn parse_stored_index(text: &str) -> Result<Read<StoredIndex>, ReadError> {
    const WHAT: &str = "programme index";
    let (_, read) = read_document(text, &[INDEX_FORMAT], WHAT)?;
    Ok(Read {
        value: typed(read.value, WHAT)?,
        migrated_from: read.migrated_from,
    })
}
