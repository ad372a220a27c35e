//! The Leptos front end: the shell and router here, shared widgets in `components/`, one file per
//! screen in `pages/`.

pub mod components;
pub mod pages;
mod settled;
pub mod state;

use components::{AppHeader, StatusBanner, Toast};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::{
    CompetitionPage, Dashboard, DataPage, GoalsPage, NaturalsPage, NotFound, ProgrammesPage,
    ProofPage, RecoveryScreen,
};
use state::{provide_app_state, AppState};

/// The path the app is served under, read once from the page's `<base href>` (set by
/// `trunk build --public-url`): `""` at the root, `"/exec-social-playbook"` under a sub-path. The same
/// build works at both.
pub fn base_path() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        let path = web_sys::Url::new(&base)
            .map(|url| url.pathname())
            .unwrap_or_default();
        path.trim_end_matches('/').to_string()
    })
}

/// An in-app link target such as `/data`, under the base path. leptos_router 0.8's `<A>` does not
/// add the router's base to absolute paths, so every link goes through this.
pub fn href(path: &str) -> String {
    format!("{}{path}", base_path())
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
        <Router base=base_path()>
            <ClearNoticeOnNavigation/>
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
                        <Route path=path!("/naturals") view=NaturalsPage/>
                        <Route path=path!("/goals") view=GoalsPage/>
                        <Route path=path!("/proof") view=ProofPage/>
                        <Route path=path!("/competition") view=CompetitionPage/>
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

/// A notice belongs to the page it was given on: moving to another page clears it (an offer to undo
/// stays until it is used or dismissed).
#[component]
fn ClearNoticeOnNavigation() -> impl IntoView {
    let state = AppState::expect();
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            state.notice.set(None);
        }
        path
    });
}
