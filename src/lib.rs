//! Exec Social Playbook: run a six-step programme that gets executives active on social media.
//!
//! `model/` and `io/` are pure Rust (tested natively); `store/` keeps data in the browser;
//! `ui/` is the Leptos front end.

pub mod io;
pub mod model;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use ui::App;
