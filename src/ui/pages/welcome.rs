use crate::model::demo::demo_programme;
use crate::model::progress::Step;
use crate::model::Programme;
use crate::ui::components::{ProgrammeForm, ProgrammeFormValues};
use crate::ui::href;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::components::A;

/// The first screen: what the method is, and two ways to start.
#[component]
pub fn Welcome() -> impl IntoView {
    let state = AppState::expect();
    let creating = RwSignal::new(false);
    let load_demo = move |_| {
        state.edit_workspace(|ws, at| vec![ws.add(demo_programme(at))]);
        state
            .notify("Demo programme loaded. It is fictional: explore, change or delete it freely.");
    };
    let create = move |values: ProgrammeFormValues| {
        state
            .edit_workspace(|ws, at| vec![ws.add(Programme::new(values.into_new_programme(), at))]);
        state.notify("Programme created.");
    };
    view! {
        <section class="welcome">
            <h1>"Get your executives active on social media"</h1>
            <p class="lead">
                "Executives rarely join in on their own — yet a social programme succeeds when they lead by example. "
                "This playbook walks your communications team through a proven six-step method, one executive at a time."
            </p>
            <ol class="method">
                {Step::ALL
                    .into_iter()
                    .map(|step| view! {
                        <li>
                            <span class="step-number">{step.number()}</span>
                            <strong>{step.title()}</strong>
                            <span class="step-summary">{step.summary()}</span>
                        </li>
                    })
                    .collect_view()}
            </ol>
            <div class="start-actions">
                <button type="button" class="primary large" on:click=move |_| creating.set(true)>
                    "Create programme"
                </button>
                <button type="button" class="large" on:click=load_demo>"Load demo programme"</button>
            </div>
            <p class="hint">
                "Everything stays in this browser — nothing is sent anywhere. Have a backup file? "
                <A href=href("/data")>"Restore it on the Data page"</A>"."
            </p>
            <Show when=move || creating.get()>
                <section class="panel" aria-labelledby="new-programme-heading">
                    <h2 id="new-programme-heading">"New programme"</h2>
                    <ProgrammeForm
                        id_prefix="welcome-new".to_string()
                        initial=ProgrammeFormValues::default()
                        submit_label="Create programme"
                        on_submit=create
                        on_cancel=move |_| creating.set(false)
                    />
                </section>
            </Show>
        </section>
    }
}
