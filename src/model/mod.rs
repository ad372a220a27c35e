//! The programme's data and rules: pure Rust, no Leptos and no browser APIs.

pub mod competition;
pub mod dates;
pub mod demo;
pub mod evidence;
pub mod goals;
pub mod naturals;
pub mod numbers;
pub mod programme;
pub mod progress;
pub mod record;
pub mod reorder;
pub mod templates;

pub use programme::{Executive, Network, NewProgramme, Programme, ProgrammeSettings, Workspace};
pub use record::{timestamp_from_millis, Timestamp};
