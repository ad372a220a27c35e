use crate::platform::download_text;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Shown instead of the app when stored data could not be read. Nothing is overwritten until the
/// user decides: download the raw text, set it aside (kept under a backup key), or continue without
/// saving.
#[component]
pub fn RecoveryScreen() -> impl IntoView {
    let state = AppState::expect();
    let error = RwSignal::new(None::<String>);
    let set_aside = move |_| match state.set_aside_unreadable() {
        Ok(()) => {
            state.notify("The unreadable data was set aside. Its copy is listed on the Data page.")
        }
        Err(message) => error.set(Some(message)),
    };
    view! {
        <main id="main" class="recovery">
            <h1>"Some saved data could not be read"</h1>
            <p class="lead">
                "Part of what this browser stored for Exec Social Playbook is damaged or not in a form this app understands. "
                "Nothing has been changed or deleted. Download the raw data first — it may be repairable, and support can read it."
            </p>
            <ul class="unreadable-list">
                {move || state.unreadable.get().into_iter().enumerate().map(|(i, entry)| {
                    let file_name = format!("exec-social-playbook-unreadable-{}.txt", i + 1);
                    let raw = entry.raw.clone();
                    let download = move |_| {
                        if let Err(message) = download_text(&file_name, "text/plain", &raw) {
                            error.set(Some(message));
                        }
                    };
                    view! {
                        <li class="panel">
                            <h2>{format!("Entry {}", i + 1)}</h2>
                            <dl class="facts">
                                <div><dt>"Storage key"</dt><dd><code>{entry.key.clone()}</code></dd></div>
                                <div><dt>"Problem"</dt><dd>{entry.error.clone()}</dd></div>
                                <div><dt>"Size"</dt><dd>{format!("{} characters", entry.raw.chars().count())}</dd></div>
                            </dl>
                            <button type="button" class="primary" on:click=download>
                                "Download raw data"<span class="visually-hidden">{format!(" of entry {}", i + 1)}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <section class="panel" aria-labelledby="recovery-choices">
                <h2 id="recovery-choices">"Then choose"</h2>
                <div class="choice">
                    <button type="button" on:click=set_aside>"Set aside and open the app"</button>
                    <p>"Keeps an exact copy under a backup key (listed on the Data page, downloadable any time), then opens the app without it."</p>
                </div>
                <div class="choice">
                    <button type="button" on:click=move |_| state.continue_without_saving()>"Continue without saving"</button>
                    <p>"Leaves storage exactly as it is. You can look around and export, but nothing you change is saved."</p>
                </div>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            </section>
        </main>
    }
}
