//! One file per screen.

mod competition;
mod dashboard;
mod data;
mod goals;
mod naturals;
mod not_found;
mod programmes;
mod proof;
mod recovery;
mod welcome;

pub use competition::CompetitionPage;
pub use dashboard::Dashboard;
pub use data::DataPage;
pub use goals::GoalsPage;
pub use naturals::NaturalsPage;
pub use not_found::NotFound;
pub use programmes::ProgrammesPage;
pub use proof::ProofPage;
pub use recovery::RecoveryScreen;
pub use welcome::Welcome;

use crate::ui::state::AppState;
use leptos::prelude::*;
use uuid::Uuid;

/// A page about the open programme: `page` with its id, or the welcome screen when there is none.
/// Rebuilt only when another programme is opened, never on an edit.
pub(crate) fn for_current_programme(
    page: impl Fn(Uuid) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let programme_id = Memo::new(move |_| state.workspace.with(|ws| ws.current_id()));
    move || match programme_id.get() {
        None => view! { <Welcome/> }.into_any(),
        Some(id) => page(id),
    }
}
