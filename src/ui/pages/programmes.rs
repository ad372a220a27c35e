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

    let create = {
        let navigate = navigate.clone();
        move |values: ProgrammeFormValues| {
            state.edit_workspace(|ws, at| {
                vec![ws.add(Programme::new(values.into_new_programme(), at))]
            });
            creating.set(false);
            state.notify("Programme created and opened.");
            navigate("/", Default::default());
        }
    };

    let summaries = move || {
        state.workspace.with(|ws| {
            let current = ws.current_id();
            ws.live_programmes()
                .map(|p| ProgrammeSummary {
                    id: p.id(),
                    name: p.name().to_string(),
                    company: p.settings.company.clone(),
                    executives: p.roster().count(),
                    created: crate::model::dates::short_date(p.settings.created_at.date_naive()),
                    is_current: Some(p.id()) == current,
                })
                .collect::<Vec<_>>()
        })
    };

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
            {move || {
                let list = summaries();
                if list.is_empty() {
                    return view! {
                        <p class="empty">"No programmes yet. Create one, or load the demo programme from the dashboard."</p>
                    }.into_any();
                }
                view! {
                    <ul class="programme-list">
                        {list.into_iter().map(|summary| view! {
                            <ProgrammeCard summary=summary editing=editing/>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[derive(Clone, Debug, PartialEq)]
struct ProgrammeSummary {
    id: Uuid,
    name: String,
    company: String,
    executives: usize,
    created: String,
    is_current: bool,
}

#[component]
fn ProgrammeCard(summary: ProgrammeSummary, editing: RwSignal<Option<Uuid>>) -> impl IntoView {
    let state = AppState::expect();
    let navigate = use_navigate();
    let id = summary.id;
    let name = summary.name.clone();
    let heading_id = format!("programme-{id}");

    let open = move |_| {
        state.open_programme(id);
        navigate("/", Default::default());
    };
    let duplicate = move |_| {
        let mut copy_name = String::new();
        state.edit_workspace(|ws, at| {
            let Some(copy) = ws.get(id).map(|p| p.duplicate(at)) else {
                return Vec::new();
            };
            copy_name = copy.name().to_string();
            vec![ws.add(copy)]
        });
        if !copy_name.is_empty() {
            state.notify(format!("Created “{copy_name}” and opened it."));
        }
    };
    let delete = {
        let name = name.clone();
        move |_| {
            let mut before = None;
            state.edit_workspace(|ws, at| {
                before = ws.delete(id, at);
                vec![id]
            });
            if let Some(before) = before {
                state.offer_undo(
                    format!("Programme “{name}” deleted."),
                    UndoAction::RestoreProgramme(Box::new(before)),
                );
            }
        }
    };
    let save_settings = move |values: ProgrammeFormValues| {
        state.edit_programme(id, |programme, at| {
            programme.edit_settings(at, |settings| values.apply_to(settings));
        });
        editing.set(None);
        state.notify("Programme settings saved.");
    };
    let initial = move || {
        state
            .workspace
            .with_untracked(|ws| {
                ws.get(id)
                    .map(|p| ProgrammeFormValues::from_settings(&p.settings))
            })
            .unwrap_or_default()
    };
    let is_editing = move || editing.get() == Some(id);

    view! {
        <li class="programme-card" class:current=summary.is_current>
            <h2 id=heading_id>{summary.name.clone()}</h2>
            <p class="meta">
                {if summary.company.is_empty() { String::new() } else { format!("{} · ", summary.company) }}
                {format!("{} executive{} · created {}", summary.executives, if summary.executives == 1 { "" } else { "s" }, summary.created)}
                {summary.is_current.then(|| view! { <span class="badge">"Open now"</span> })}
            </p>
            <div class="actions">
                {(!summary.is_current).then(|| view! {
                    <button type="button" on:click=open.clone()>"Open"<span class="visually-hidden">{format!(" {name}")}</span></button>
                })}
                <button type="button" on:click=move |_| editing.set(Some(id)) aria-expanded=move || is_editing().to_string()>
                    "Edit settings"<span class="visually-hidden">{format!(" of {}", summary.name)}</span>
                </button>
                <button type="button" on:click=duplicate>
                    "Duplicate"<span class="visually-hidden">{format!(" {}", summary.name)}</span>
                </button>
                <button type="button" class="danger" on:click=delete>
                    "Delete"<span class="visually-hidden">{format!(" {}", summary.name)}</span>
                </button>
            </div>
            <Show when=is_editing>
                <ProgrammeForm
                    id_prefix=format!("edit-{id}")
                    initial=initial()
                    submit_label="Save settings"
                    on_submit=save_settings
                    on_cancel=move |_| editing.set(None)
                />
            </Show>
        </li>
    }
}
