//! The Leptos front end: the shell and router here, shared widgets in `components/`, one file per
//! screen in `pages/`.

pub mod components;
pub mod pages;
pub mod state;

use components::{AppHeader, StatusBanner, Toast};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::{Dashboard, DataPage, NotFound, ProgrammesPage, RecoveryScreen};
use state::{provide_app_state, AppState};

/// The router's base path, read from the page's `<base href>` (set by `trunk build --public-url`), so
/// the same build works at `/` and under a sub-path such as `/exec-social-playbook/`.
fn router_base() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base)
        .map(|url| url.pathname())
        .unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

/// The whole app: the recovery screen when stored data could not be read, the shell otherwise.
#[component]
pub fn App() -> impl IntoView {
    let state = provide_app_state();
    let recovering = move || !state.unreadable.with(Vec::is_empty);
    view! {
        <Show when=recovering fallback=Shell>
            <RecoveryScreen/>
        </Show>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <Router base=router_base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <AppHeader/>
            <StatusBanner/>
            <main id="main" tabindex="-1">
                <ErrorBoundary fallback=|errors| view! {
                    <section class="panel error" role="alert">
                        <h1>"Something went wrong on this page"</h1>
                        <p>"Your data is safe. Details:"</p>
                        <ul>
                            {move || errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()}
                        </ul>
                    </section>
                }>
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=Dashboard/>
                        <Route path=path!("/programmes") view=ProgrammesPage/>
                        <Route path=path!("/data") view=DataPage/>
                    </Routes>
                </ErrorBoundary>
            </main>
            <Toast/>
            <footer class="app-footer">
                <p>
                    "Exec Social Playbook — your data stays in this browser. "
                    {move || match state.workspace.with(|ws| ws.live_programmes().count()) {
                        0 => String::new(),
                        1 => "1 programme.".to_string(),
                        n => format!("{n} programmes."),
                    }}
                </p>
            </footer>
        </Router>
    }
}
