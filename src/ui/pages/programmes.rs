use crate::model::dates::short_date;
use crate::model::Programme;
use crate::ui::components::{ProgrammeForm, ProgrammeFormValues};
use crate::ui::state::{AppState, UndoAction};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

/// Create, open, rename/edit, duplicate and delete programmes.
#[component]
pub fn ProgrammesPage() -> impl IntoView {
    let state = AppState::expect();
    let creating = RwSignal::new(false);
    let editing = RwSignal::new(None::<Uuid>);
    let navigate = use_navigate();

    let create = move |values: ProgrammeFormValues| {
        let created = state
            .edit_workspace(|ws, at| vec![ws.add(Programme::new(values.into_new_programme(), at))]);
        if created {
            creating.set(false);
            state.notify("Programme created and opened.");
            navigate("/", Default::default());
        }
    };
    // Only the ids: each card reads its own programme, so a change elsewhere (another tab's save
    // arriving, say) never rebuilds a card whose settings form is open.
    let ids = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| ws.live_programmes().map(Programme::id).collect::<Vec<_>>())
    });

    view! {
        <section class="programmes">
            <div class="page-head">
                <h1>"Programmes"</h1>
                <button type="button" class="primary" on:click=move |_| creating.set(true) disabled=move || creating.get()>
                    "Create programme"
                </button>
            </div>
            <p class="lead">
                "Run several programmes side by side — one per company or per year. Each is saved separately in this browser."
            </p>
            <Show when=move || creating.get()>
                <section class="panel" aria-labelledby="create-heading">
                    <h2 id="create-heading">"New programme"</h2>
                    <ProgrammeForm
                        id_prefix="new-programme".to_string()
                        initial=ProgrammeFormValues::default()
                        submit_label="Create programme"
                        on_submit=create.clone()
                        on_cancel=move |_| creating.set(false)
                    />
                </section>
            </Show>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">"No programmes yet. Create one, or load the demo programme from the dashboard."</p>
            </Show>
            <ul class="programme-list">
                <For each=move || ids.get() key=|id| *id children=move |id| view! { <ProgrammeCard id=id editing=editing/> }/>
            </ul>
        </section>
    }
}

/// What a card shows of its programme.
#[derive(Clone, Debug, PartialEq)]
struct ProgrammeSummary {
    name: String,
    company: String,
    executives: usize,
    created: String,
    is_current: bool,
}

#[component]
fn ProgrammeCard(id: Uuid, editing: RwSignal<Option<Uuid>>) -> impl IntoView {
    let state = AppState::expect();
    let navigate = use_navigate();
    let summary = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let current = ws.current_id();
            ws.get(id).map(|p| ProgrammeSummary {
                name: p.name().to_string(),
                company: p.settings.company.clone(),
                executives: p.roster().count(),
                created: short_date(p.settings.created_at.date_naive()),
                is_current: Some(id) == current,
            })
        })
    });
    let name = move || summary.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default());
    let is_current = move || summary.with(|s| s.as_ref().is_some_and(|s| s.is_current));
    let heading_id = format!("programme-{id}");

    let open = move |_| {
        state.open_programme(id);
        navigate("/", Default::default());
    };
    let duplicate = move |_| {
        let mut copy_name = String::new();
        let done = state.edit_workspace(|ws, at| {
            let Some(copy) = ws.get(id).map(|p| p.duplicate(at)) else {
                return Vec::new();
            };
            copy_name = copy.name().to_string();
            vec![ws.add(copy)]
        });
        if done && !copy_name.is_empty() {
            state.notify(format!("Created “{copy_name}” and opened it."));
        }
    };
    let delete = move |_| {
        let mut before = None;
        state.edit_workspace(|ws, at| {
            before = ws.delete(id, at);
            vec![id]
        });
        if let Some(before) = before {
            state.offer_undo(
                format!("Programme “{}” deleted.", before.name()),
                UndoAction::RestoreProgramme(Box::new(before)),
            );
        }
    };
    // The values the form opened with: the save applies only what the user changed from them.
    let initial = StoredValue::new(ProgrammeFormValues::default());
    let start_editing = move |_| {
        let values = state
            .workspace
            .with_untracked(|ws| {
                ws.get(id)
                    .map(|p| ProgrammeFormValues::from_settings(&p.settings))
            })
            .unwrap_or_default();
        initial.set_value(values);
        editing.set(Some(id));
    };
    let save_settings = move |values: ProgrammeFormValues| {
        let opened_with = initial.get_value();
        let mut changed = false;
        let applied = state.edit_programme(id, |programme, at| {
            programme.edit_settings(at, |settings| {
                changed = values.apply_changes(&opened_with, settings)
            });
        });
        if applied {
            editing.set(None);
            state.notify(if changed {
                "Programme settings updated."
            } else {
                "Nothing to change."
            });
        }
    };
    let is_editing = move || editing.get() == Some(id);

    view! {
        <li class="programme-card" class:current=is_current>
            <h2 id=heading_id>{name}</h2>
            <p class="meta">
                {move || summary.with(|s| s.as_ref().map(|s| {
                    let company = if s.company.is_empty() { String::new() } else { format!("{} · ", s.company) };
                    let plural = if s.executives == 1 { "" } else { "s" };
                    format!("{company}{} executive{plural} · created {}", s.executives, s.created)
                }).unwrap_or_default())}
                <Show when=is_current>
                    <span class="badge">"Open now"</span>
                </Show>
            </p>
            <div class="actions">
                <Show when=move || !is_current()>
                    <button type="button" on:click=open.clone()>"Open"<span class="visually-hidden">{move || format!(" {}", name())}</span></button>
                </Show>
                <button type="button" on:click=start_editing aria-expanded=move || is_editing().to_string()>
                    "Edit settings"<span class="visually-hidden">{move || format!(" of {}", name())}</span>
                </button>
                <button type="button" on:click=duplicate>
                    "Duplicate"<span class="visually-hidden">{move || format!(" {}", name())}</span>
                </button>
                <button type="button" class="danger" on:click=delete>
                    "Delete"<span class="visually-hidden">{move || format!(" {}", name())}</span>
                </button>
            </div>
            <Show when=is_editing>
                <ProgrammeForm
                    id_prefix=format!("edit-{id}")
                    initial=initial.get_value()
                    submit_label="Save settings"
                    on_submit=save_settings
                    on_cancel=move |_| editing.set(None)
                />
            </Show>
        </li>
    }
}
