use crate::ui::state::AppState;
use leptos::prelude::*;
use uuid::Uuid;

/// The executive being worked on in Steps 2 and 3: the one chosen here, or else the first on the
/// roster. `None` when the roster is empty.
pub fn focused_executive(state: AppState, programme_id: Uuid) -> Memo<Option<Uuid>> {
    Memo::new(move |_| {
        let chosen = state.focus_executive.get();
        state.workspace.with(|ws| {
            let programme = ws.get(programme_id)?;
            let mut roster = programme.roster();
            match chosen {
                Some(id) if programme.roster().any(|e| e.id == id) => Some(id),
                _ => roster.next().map(|e| e.id),
            }
        })
    })
}

/// A labelled select of the roster that sets the executive worked on.
#[component]
pub fn ExecutivePicker(
    programme_id: Uuid,
    /// The `id` of the select (unique on the page).
    select_id: &'static str,
) -> impl IntoView {
    let state = AppState::expect();
    let focused = focused_executive(state, programme_id);
    let options = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.get(programme_id)
                .map(|p| {
                    p.roster()
                        .map(|e| {
                            let label = if e.title.is_empty() {
                                e.name.clone()
                            } else {
                                format!("{} — {}", e.name, e.title)
                            };
                            (e.id, label)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <div class="field picker">
            <label for=select_id>"Executive"</label>
            <select
                id=select_id
                on:change=move |ev| {
                    if let Ok(id) = Uuid::parse_str(&event_target_value(&ev)) {
                        state.focus_executive.set(Some(id));
                    }
                }
            >
                {move || {
                    let selected = focused.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(id, label)| view! { <option value=id.to_string() selected=Some(id) == selected>{label}</option> })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
