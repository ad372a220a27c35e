//! Persistence: typed storage keys, the storage backends, and loading/saving with every failure
//! reported. `browser` is the only part that touches browser APIs.

pub mod backend;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod keys;
pub mod persist;

pub use backend::{Backend, MemoryBackend, StorageError};
pub use keys::StorageKey;
