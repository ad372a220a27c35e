use crate::ui::state::AppState;
use leptos::prelude::*;

/// A message at the bottom of the screen, with "Undo" when the last action can be taken back.
#[component]
pub fn Toast() -> impl IntoView {
    let state = AppState::expect();
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
