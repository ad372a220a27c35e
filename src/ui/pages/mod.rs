//! One file per screen.

mod dashboard;
mod data;
mod naturals;
mod not_found;
mod programmes;
mod recovery;
mod welcome;

pub use dashboard::Dashboard;
pub use data::DataPage;
pub use naturals::NaturalsPage;
pub use not_found::NotFound;
pub use programmes::ProgrammesPage;
pub use recovery::RecoveryScreen;
pub use welcome::Welcome;
