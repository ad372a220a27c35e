//! Where the bytes go: a key-value store that can fail on every call.
//!
//! The browser's localStorage fails in ways that differ per browser (quota errors have three names;
//! private modes throw `SecurityError`), so every call returns a [`StorageError`] the UI can explain.

use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// Storage cannot be used at all (blocked by settings or a private mode).
    #[error("this browser does not allow this site to store data ({0})")]
    Blocked(String),
    /// Storage is full.
    #[error("the browser's storage for this site is full")]
    Full,
    /// Any other write or read failure.
    #[error("the browser refused to store the data ({0})")]
    Failed(String),
}

impl StorageError {
    /// Classifies a DOMException by its name and legacy code, as every browser reports quota errors
    /// differently: `QuotaExceededError` (Chromium, Safari), `NS_ERROR_DOM_QUOTA_REACHED` (old Firefox),
    /// legacy code 22.
    pub fn from_dom_exception(name: &str, code: u16, message: &str) -> StorageError {
        match (name, code) {
            ("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED", _) | (_, 22) => {
                StorageError::Full
            }
            ("SecurityError", _) => StorageError::Blocked(message.to_string()),
            _ if message.is_empty() => StorageError::Failed(name.to_string()),
            _ => StorageError::Failed(format!("{name}: {message}")),
        }
    }
}

/// A string key-value store such as localStorage.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// An in-memory store: what the app runs on when localStorage is blocked, and what native tests use.
/// `capacity` (in UTF-16 code units of keys and values, like browsers count) makes it fail like a full
/// localStorage does.
#[derive(Debug, Default)]
pub struct MemoryBackend {
    entries: RefCell<BTreeMap<String, String>>,
    capacity: Option<usize>,
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(units: usize) -> Self {
        MemoryBackend {
            entries: RefCell::default(),
            capacity: Some(units),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(capacity) = self.capacity {
            let needed = key.encode_utf16().count() + value.encode_utf16().count();
            if self.used_without(key) + needed > capacity {
                return Err(StorageError::Full);
            }
        }
        self.entries
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}
