//! localStorage behind the [`Backend`] trait. `window.localStorage` itself can throw (blocked
//! storage), so it is reached through `web_sys` returning `Result`s, never `gloo_storage`'s panicking
//! accessors.

use super::backend::{Backend, StorageError};
use wasm_bindgen::{JsCast, JsValue};

pub struct BrowserBackend {
    storage: web_sys::Storage,
}

/// Opens the page's localStorage, or says why it cannot be used.
pub fn local_storage() -> Result<BrowserBackend, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Blocked("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(BrowserBackend { storage }),
        Ok(None) => Err(StorageError::Blocked(
            "localStorage is not available".into(),
        )),
        Err(error) => Err(match classify(error) {
            StorageError::Failed(reason) => StorageError::Blocked(reason),
            other => other,
        }),
    }
}

/// Turns whatever the browser threw into a [`StorageError`].
pub fn classify(error: JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) => StorageError::from_dom_exception(
            &exception.name(),
            exception.code(),
            &exception.message(),
        ),
        None => StorageError::Failed(
            error
                .as_string()
                .unwrap_or_else(|| "unknown error".to_string()),
        ),
    }
}

impl Backend for BrowserBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let length = self.storage.length().map_err(classify)?;
        let mut keys = Vec::with_capacity(length as usize);
        for i in 0..length {
            if let Some(key) = self.storage.key(i).map_err(classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
