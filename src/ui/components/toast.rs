use crate::ui::state::AppState;
use leptos::prelude::*;
use std::time::Duration;

/// How long a plain notice stays. Undo offers stay until dismissed or replaced, so nobody is rushed.
const NOTICE_DURATION: Duration = Duration::from_secs(8);

/// A message at the bottom of the screen, with "Undo" when the last action can be taken back.
#[component]
pub fn Toast() -> impl IntoView {
    let state = AppState::expect();
    // Each new notice restarts the clock; an older timer never clears a newer notice.
    Effect::new(move |_| {
        if let Some(text) = state.notice.get() {
            set_timeout(
                move || {
                    if state.notice.get_untracked().as_deref() == Some(text.as_str()) {
                        state.notice.set(None);
                    }
                },
                NOTICE_DURATION,
            );
        }
    });
    let dismiss = move |_| {
        state.undo.set(None);
        state.notice.set(None);
    };
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || state.undo.get().map(|undo| view! {
                <div class="toast">
                    <p>{undo.message}</p>
                    <button type="button" class="primary" on:click=move |_| state.run_undo()>"Undo"</button>
                    <button type="button" on:click=dismiss>"Dismiss"</button>
                </div>
            })}
            {move || state.notice.get().map(|text| view! {
                <div class="toast">
                    <p>{text}</p>
                    <button type="button" on:click=dismiss>"Dismiss"</button>
                </div>
            })}
        </div>
    }
}
