//! Reading what the app keeps in storage: the index and one document per programme.

use super::envelope::{StoredIndex, StoredProgramme, INDEX_FORMAT, PROGRAMME_FORMAT};
use super::read::{read_document, typed, Read, ReadError};
use crate::model::Programme;

/// Reads a stored programme, migrating it when it is older than this app.
pub fn parse_stored_programme(text: &str) -> Result<Read<Programme>, ReadError> {
    const WHAT: &str = "stored programme";
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
