use crate::ui::href;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

/// The pages in the navigation bar, in order. Later steps add theirs here.
const NAV: [(&str, &str); 7] = [
    ("/", "Dashboard"),
    ("/naturals", "1 · Naturals"),
    ("/goals", "2 · Goals"),
    ("/proof", "3 · Proof"),
    ("/competition", "6 · Competition"),
    ("/programmes", "Programmes"),
    ("/data", "Data"),
];

/// Title, programme switcher, navigation and the save indicator.
#[component]
pub fn AppHeader() -> impl IntoView {
    let state = AppState::expect();
    // Memos: the workspace changes on every keystroke anywhere, the names and the choice rarely,
    // and the options are rebuilt only when they do.
    let options = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.live_programmes()
                .map(|p| (p.id(), p.name().to_string()))
                .collect::<Vec<_>>()
        })
    });
    let has_programmes = move || options.with(|o| !o.is_empty());
    let current = Memo::new(move |_| state.workspace.with(|ws| ws.current_id()));
    let on_switch = move |ev: leptos::ev::Event| {
        if let Ok(id) = Uuid::parse_str(&event_target_value(&ev)) {
            state.open_programme(id);
        }
    };
    view! {
        <header class="app-header">
            <div class="brand">
                <A href=href("/")>"Exec Social Playbook"</A>
            </div>
            <Show when=has_programmes>
                <div class="switcher">
                    <label for="programme-switcher">"Programme"</label>
                    <select id="programme-switcher" on:change=on_switch>
                        {move || {
                            let selected = current.get();
                            options
                                .get()
                                .into_iter()
                                .map(|(id, name)| {
                                    view! {
                                        <option value=id.to_string() selected=Some(id) == selected>
                                            {name}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
            </Show>
            <nav aria-label="Main">
                <ul>
                    {NAV
                        .into_iter()
                        .map(|(path, label)| view! { <li><A href=href(path) exact=true>{label}</A></li> })
                        .collect_view()}
                </ul>
            </nav>
            <p
                class="save-status"
                class:problem=move || state.status.with(|s| s.is_problem())
                role="status"
                aria-live="polite"
                data-testid="save-status"
            >
                {move || state.status.with(|s| s.label())}
            </p>
        </header>
    }
}
