//! Reading any of the app's JSON documents safely: size and depth limits, format check, version
//! check and migration — each failure a specific, plain-words error.

use super::envelope::SCHEMA_VERSION;
use super::migrate::{migrate, MigrationError};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The largest file the app accepts (a 500-executive programme with two years of data is ~5 MB).
pub const MAX_BYTES: usize = 25 * 1024 * 1024;
/// The deepest nesting a valid document needs is under 10; anything past this is not ours.
pub const MAX_DEPTH: usize = 64;

/// Why a document could not be read. The text is what the user sees.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ReadError {
    #[error("The file is empty.")]
    Empty,
    #[error("The file is too large ({} MB); the limit is {} MB.", megabytes(*bytes), megabytes(*limit))]
    TooLarge { bytes: usize, limit: usize },
    #[error("The file is not valid JSON (line {line}, column {column}: {reason}).")]
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("The file is nested too deeply ({depth}+ levels) to be an Exec Social Playbook file.")]
    TooDeep { depth: usize },
    #[error("This is not an Exec Social Playbook {expected} (its format is {found}).")]
    WrongFormat {
        expected: &'static str,
        found: String,
    },
    #[error("This file was written by a newer version of Exec Social Playbook (data version {found}; this app reads up to {SCHEMA_VERSION}). Update the app, then try again.")]
    Newer { found: u32 },
    #[error("The file could not be upgraded: {0}")]
    Migration(String),
    #[error("The file looks like an Exec Social Playbook {expected} but its content is not valid: {reason}")]
    WrongShape {
        expected: &'static str,
        reason: String,
    },
}

/// A document read and brought to the current version.
#[derive(Clone, Debug, PartialEq)]
pub struct Read<T> {
    pub value: T,
    /// The version the document had, when it was older than this app's and was migrated.
    pub migrated_from: Option<u32>,
}

/// Reads `text` as a document of one of the `formats` (the first is the one named in errors) and
/// returns the format it had with the migrated JSON.
pub fn read_document(
    text: &str,
    formats: &[&'static str],
    what: &'static str,
) -> Result<(String, Read<Value>), ReadError> {
    // A byte order mark alone (an "empty" file saved as UTF-8 with BOM) is still an empty file.
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ReadError::Empty);
    }
    if text.len() > MAX_BYTES {
        return Err(ReadError::TooLarge {
            bytes: text.len(),
            limit: MAX_BYTES,
        });
    }
    if nesting_depth_exceeds(text, MAX_DEPTH) {
        return Err(ReadError::TooDeep { depth: MAX_DEPTH });
    }
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        ReadError::NotJson {
            line: e.line(),
            column: e.column(),
            reason: plain_json_reason(&e),
        }
    })?;
    let object = value.as_object().ok_or_else(|| ReadError::WrongFormat {
        expected: what,
        found: format!("a JSON {}", json_kind(&value)),
    })?;
    let format = match object.get("format") {
        Some(Value::String(f)) if formats.contains(&f.as_str()) => f.clone(),
        Some(Value::String(f)) => {
            return Err(ReadError::WrongFormat {
                expected: what,
                found: format!("\"{}\"", f.chars().take(60).collect::<String>()),
            })
        }
        _ => {
            return Err(ReadError::WrongFormat {
                expected: what,
                found: "not stated".to_string(),
            })
        }
    };
    let version = match object.get("schema_version").and_then(Value::as_u64) {
        Some(v) => u32::try_from(v).unwrap_or(u32::MAX),
        None => {
            return Err(ReadError::WrongShape {
                expected: what,
                reason: "it has no schema_version".into(),
            })
        }
    };
    let migrated = migrate(value, version).map_err(|e| match e {
        MigrationError::Newer { found } => ReadError::Newer { found },
        other => ReadError::Migration(other.to_string()),
    })?;
    let migrated_from = (version < SCHEMA_VERSION).then_some(version);
    Ok((
        format,
        Read {
            value: migrated,
            migrated_from,
        },
    ))
}

/// Bytes as megabytes (MiB) with one decimal, rounded up so that anything over a limit reads as
/// more than it: `megabytes(25 MiB + 1) == "25.1"`, `megabytes(25 MiB) == "25"`. Integer maths only:
/// float formatting would add ~10 KB to the WebAssembly bundle.
pub fn megabytes(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    let tenths = bytes.saturating_mul(10).div_ceil(MIB);
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// Turns migrated JSON into a typed document, naming where it went wrong.
pub fn typed<T: DeserializeOwned>(value: Value, what: &'static str) -> Result<T, ReadError> {
    serde_json::from_value(value).map_err(|e| ReadError::WrongShape {
        expected: what,
        reason: e.to_string(),
    })
}

/// `true` when arrays/objects nest deeper than `limit` (strings are skipped, escapes honoured).
/// Checked before parsing so that a hostile file cannot exhaust the stack.
pub fn nesting_depth_exceeds(text: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn plain_json_reason(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Eof => "the file ends too early — it may be cut off".into(),
        _ => {
            let text = error.to_string();
            text.split(" at line").next().unwrap_or(&text).to_string()
        }
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false value",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}
