//! One file per screen.

mod dashboard;
mod data;
mod goals;
mod naturals;
mod not_found;
mod programmes;
mod proof;
mod recovery;
mod welcome;

pub use dashboard::Dashboard;
pub use data::DataPage;
pub use goals::GoalsPage;
pub use naturals::NaturalsPage;
pub use not_found::NotFound;
pub use programmes::ProgrammesPage;
pub use proof::ProofPage;
pub use recovery::RecoveryScreen;
pub use welcome::Welcome;
