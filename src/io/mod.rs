//! File and storage formats: pure Rust, no browser APIs, so that every format is tested natively.

pub mod activity_csv;
pub mod backup;
pub mod csv;
pub mod envelope;
pub mod migrate;
pub mod read;
pub mod stored;

pub use backup::{parse_backup, preview, ParsedBackup, ProgrammePreview, RecordCounts};
pub use envelope::{BackupFile, StoredIndex, StoredProgramme, SCHEMA_VERSION};
pub use read::ReadError;
