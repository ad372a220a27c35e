//! Values derived from the workspace that readers see change only when they do.
//!
//! A [`Memo`] that reads the workspace is marked for checking on every change to it — each
//! keystroke in the activity grid — and so is every memo and effect that reads it, down the whole
//! page, even when the value turns out the same. A settled value is a signal that one effect sets
//! only when the value really changed: what depends on the competition's settings, its period
//! records or the roster is then not visited at all while activity is typed.

use leptos::prelude::*;

/// `compute` (which may read any signal) as a signal that changes only when its result does. Its
/// readers see a new value one effect run after the sources change (in the same task); `compute`
/// runs once more than a memo's would, when the effect first runs.
pub(crate) fn settled<T>(compute: impl Fn() -> T + 'static) -> ReadSignal<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let value = RwSignal::new(untrack(&compute));
    Effect::new(move |_| {
        let next = compute();
        if value.with_untracked(|current| *current != next) {
            value.set(next);
        }
    });
    value.read_only()
}
