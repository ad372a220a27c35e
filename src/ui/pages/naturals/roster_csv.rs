//! Roster import from CSV (template, preview with per-row errors, nothing applied until confirmed,
//! undo) and export of the ranked list.

use crate::io::csv::{
    apply_roster_import, parse_roster_csv, plan_roster_import, ranked_csv, roster_template,
    RosterImport, RosterPlan,
};
use crate::io::envelope::slug;
use crate::model::dates::iso_date;
use crate::platform::{chosen_file, download_csv, focus_by_id, now, read_file_text};
use crate::ui::state::{AppState, UndoAction};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

/// The largest roster file accepted.
const MAX_CSV_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

#[derive(Clone, Debug, PartialEq)]
struct PendingRoster {
    file_name: String,
    import: RosterImport,
    plan: RosterPlan,
}

#[component]
pub(super) fn RosterCsv(programme_id: Uuid) -> impl IntoView {
    let state = AppState::expect();
    let pending = RwSignal::new(None::<PendingRoster>);
    let error = RwSignal::new(None::<String>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let reset_input = move || {
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };

    let download = move |name: String, text: String| {
        if let Err(message) = download_csv(&name, &text) {
            error.set(Some(message));
        }
    };
    let export = move |_| {
        let Some((name, text)) = state.workspace.with_untracked(|ws| {
            ws.get(programme_id).map(|p| {
                (
                    format!(
                        "naturals-{}-{}.csv",
                        slug(p.name()),
                        iso_date(now().date_naive())
                    ),
                    ranked_csv(p),
                )
            })
        }) else {
            return;
        };
        download(name, text);
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        pending.set(None);
        error.set(None);
        let name = file.name();
        if file.size() > MAX_CSV_BYTES {
            error.set(Some(format!(
                "“{name}” is larger than 2 MB; a roster file is much smaller. Nothing was changed."
            )));
            return;
        }
        spawn_local(async move {
            let result = read_file_text(file)
                .await
                .and_then(|text| parse_roster_csv(&text));
            match result {
                Ok(import) => {
                    let plan = state.workspace.with_untracked(|ws| {
                        ws.get(programme_id).map(|p| plan_roster_import(p, &import))
                    });
                    match plan {
                        Some(plan) => {
                            pending.set(Some(PendingRoster {
                                file_name: name,
                                import,
                                plan,
                            }));
                            // The preview is below the fold on a long roster: take the reader there.
                            request_animation_frame(|| focus_by_id("roster-preview-heading"));
                        }
                        None => error.set(Some("Open a programme first.".into())),
                    }
                }
                Err(message) => error.set(Some(format!(
                    "“{name}” could not be read: {message} Nothing was changed."
                ))),
            }
        });
    };

    let confirm = move |_| {
        let Some(roster) = pending.get_untracked() else {
            return;
        };
        let before = state
            .workspace
            .with_untracked(|ws| ws.get(programme_id).cloned());
        if !state.edit_programme(programme_id, |programme, at| {
            apply_roster_import(programme, &roster.plan, at);
        }) {
            return;
        }
        let (new, updated) = (roster.plan.new.len(), roster.plan.updates.len());
        state.offer_undo(
            format!("Roster imported: {new} added, {updated} updated."),
            UndoAction::RevertImport(vec![(programme_id, before)]),
        );
        pending.set(None);
        reset_input();
    };

    view! {
        <section class="panel" aria-labelledby="roster-csv-heading">
            <h2 id="roster-csv-heading">"Import and export"</h2>
            <p>
                "Import a roster from a spreadsheet saved as CSV: one executive per row, with columns name, title, department, email and a profile URL per network. "
                "You will see every row, and any problems, before anything is added."
            </p>
            <div class="actions">
                <button type="button" on:click=move |_| download("roster-template.csv".into(), roster_template())>
                    "Download CSV template"
                </button>
                <button type="button" on:click=export>"Export ranked list (CSV)"</button>
            </div>
            <div class="field">
                <label for="roster-file">"Roster file (.csv)"</label>
                <input id="roster-file" type="file" accept=".csv,text/csv" node_ref=input_ref on:change=on_file/>
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="roster-error">{e}</p> })}
            {move || pending.get().map(|roster| {
                let rows_ok = roster.plan.new.len() + roster.plan.updates.len();
                let names = move |id: &Uuid| {
                    state.workspace.with_untracked(|ws| {
                        ws.get(programme_id)
                            .and_then(|p| p.executives.iter().find(|e| e.id == *id))
                            .map(|e| e.name.clone())
                            .unwrap_or_default()
                    })
                };
                let mut lines: Vec<(usize, String, String)> = roster
                    .plan
                    .new
                    .iter()
                    .map(|row| (row.line, row.name.clone(), "Added".to_string()))
                    .chain(roster.plan.updates.iter().map(|(id, row)| {
                        (row.line, row.name.clone(), format!("Updates {}", names(id)))
                    }))
                    .collect();
                lines.sort_by_key(|(line, _, _)| *line);
                view! {
                    <section class="import-preview" aria-labelledby="roster-preview-heading" data-testid="roster-preview">
                        <h3 id="roster-preview-heading" tabindex="-1">{format!("“{}”", roster.file_name)}</h3>
                        <p>
                            {format!(
                                "{} new, {} matching executives updated, {} row(s) with problems (skipped).",
                                roster.plan.new.len(),
                                roster.plan.updates.len(),
                                roster.import.errors.len()
                            )}
                        </p>
                        {(!roster.import.errors.is_empty()).then(|| view! {
                            <div class="repairs" data-testid="roster-row-errors">
                                <h4>"Rows with problems"</h4>
                                <ul>
                                    {roster.import.errors.iter().map(|e| view! { <li>{format!("Line {}: {}", e.line, e.message)}</li> }).collect_view()}
                                </ul>
                            </div>
                        })}
                        {(!roster.plan.skipped.is_empty()).then(|| view! {
                            <div class="repairs">
                                <h4>"Rows left out"</h4>
                                <ul>
                                    {roster.plan.skipped.iter().map(|e| view! { <li>{format!("Line {}: {}", e.line, e.message)}</li> }).collect_view()}
                                </ul>
                            </div>
                        })}
                        {(!roster.plan.networks_not_in_programme.is_empty()).then(|| {
                            let names: Vec<&str> = roster.plan.networks_not_in_programme.iter().map(|n| n.label()).collect();
                            view! {
                                <p class="hint">
                                    {format!("Profiles on {} are kept, but these networks are not among the programme's networks — add them on the Programmes page to review those profiles.", names.join(", "))}
                                </p>
                            }
                        })}
                        {(!roster.import.warnings.is_empty()).then(|| view! {
                            <ul class="hint">{roster.import.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                        })}
                        {(!lines.is_empty()).then(|| view! {
                            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="roster-preview-heading">
                                <table>
                                    <thead><tr><th scope="col">"Line"</th><th scope="col">"Name"</th><th scope="col">"Result"</th></tr></thead>
                                    <tbody>
                                        {lines.into_iter().map(|(line, name, result)| view! {
                                            <tr><td>{line}</td><th scope="row">{name}</th><td>{result}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        })}
                        <div class="actions">
                            <button type="button" class="primary" on:click=confirm disabled=rows_ok == 0>
                                {format!("Import {rows_ok} row{}", if rows_ok == 1 { "" } else { "s" })}
                            </button>
                            <button type="button" on:click=move |_| { pending.set(None); reset_input(); }>"Cancel"</button>
                        </div>
                    </section>
                }
            })}
        </section>
    }
}
