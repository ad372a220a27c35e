//! Widgets shared by several pages.

mod executive_picker;
mod header;
mod keyed_rows;
mod printable;
mod programme_form;
mod status;
mod toast;

pub use executive_picker::{focused_executive, ExecutivePicker};
pub use header::AppHeader;
pub(crate) use keyed_rows::keyed_rows;
pub use printable::PrintableText;
pub use programme_form::{ProgrammeForm, ProgrammeFormValues};
pub use status::StatusBanner;
pub use toast::Toast;

/// Days since `at`, in words: "today", "yesterday", "5 days ago".
pub fn days_ago(at: crate::model::Timestamp, now: crate::model::Timestamp) -> String {
    match (now - at).num_days() {
        d if d <= 0 => "today".to_string(),
        1 => "yesterday".to_string(),
        d => format!("{d} days ago"),
    }
}
