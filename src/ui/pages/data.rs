use crate::io::read::{ReadError, MAX_BYTES};
use crate::io::{parse_backup, preview, ParsedBackup, ProgrammePreview};
use crate::model::dates::date_time;
use crate::model::Programme;
use crate::platform::{chosen_file, download_text, focus_by_id, now, read_file_text};
use crate::store::persist::{kept_copies, used_units};
use crate::ui::components::days_ago;
use crate::ui::state::{AppState, SaveStatus, UndoAction};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

/// A file read and checked, waiting for the user to choose merge or replace.
#[derive(Clone, Debug, PartialEq)]
struct PendingImport {
    file_name: String,
    parsed: ParsedBackup,
    previews: Vec<ProgrammePreview>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ImportMode {
    Merge,
    Replace,
}

/// Backup, restore, merge, and what the browser keeps.
#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <section class="data-page">
            <h1>"Data and backups"</h1>
            <p class="lead">
                "Everything you enter is kept in this browser's local storage, on this device only — nothing is sent anywhere. "
                "Download a backup regularly, and use it to move your programmes to another browser or to share them with a colleague."
            </p>
            <BackupSection/>
            <ImportSection/>
            <StorageSection/>
        </section>
    }
}

#[component]
fn BackupSection() -> impl IntoView {
    let state = AppState::expect();
    let error = RwSignal::new(None::<String>);
    let download = move |only: Option<Uuid>| {
        let file = state.backup_file(only);
        let covers_everything = state.workspace.with_untracked(|ws| {
            ws.live_programmes()
                .all(|p| file.programmes.iter().any(|f| f.id() == p.id()))
        });
        match download_text(&file.file_name(), "application/json", &file.to_json()) {
            Ok(()) => {
                error.set(None);
                if covers_everything {
                    state.mark_backed_up();
                }
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let current = move || {
        state.workspace.with(|ws| {
            ws.current_programme()
                .map(|p| (p.id(), p.name().to_string()))
        })
    };
    let count = move || state.workspace.with(|ws| ws.live_programmes().count());
    let last_backup = move || match state.last_backup_at.get() {
        Some(at) => format!(
            "Last full backup: {} ({}).",
            days_ago(at, now()),
            date_time(at)
        ),
        None => "No full backup downloaded from this browser yet.".to_string(),
    };
    view! {
        <section class="panel" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Back up"</h2>
            <p data-testid="last-backup">{last_backup}</p>
            <div class="actions">
                {move || current().map(|(id, name)| view! {
                    <button type="button" class="primary" on:click=move |_| download(Some(id))>
                        "Download this programme"<span class="visually-hidden">{format!(" ({name})")}</span>
                    </button>
                })}
                <button type="button" on:click=move |_| download(None) disabled=move || count() == 0>
                    {move || format!("Download all programmes ({})", count())}
                </button>
            </div>
            <p class="hint">"A backup is a JSON file (format documented in docs/data-format.md). Keep it somewhere safe: it holds your notes on people."</p>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
fn ImportSection() -> impl IntoView {
    let state = AppState::expect();
    let pending = RwSignal::new(None::<PendingImport>);
    let error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let reset_input = move || {
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        pending.set(None);
        error.set(None);
        if file.size() > MAX_BYTES as f64 {
            let too_large = ReadError::TooLarge {
                bytes: file.size() as usize,
                limit: MAX_BYTES,
            };
            error.set(Some(format!(
                "“{}” could not be imported. {too_large} Nothing was changed.",
                file.name()
            )));
            return;
        }
        reading.set(true);
        spawn_local(async move {
            let name = file.name();
            let result = read_file_text(file)
                .await
                .and_then(|text| parse_backup(&text).map_err(|e| e.to_string()));
            reading.set(false);
            match result {
                Ok(parsed) => {
                    let previews = state
                        .workspace
                        .with_untracked(|ws| preview(&parsed.file, ws));
                    pending.set(Some(PendingImport {
                        file_name: name,
                        parsed,
                        previews,
                    }));
                    request_animation_frame(|| focus_by_id("preview-heading"));
                }
                Err(message) => error.set(Some(format!(
                    "“{name}” could not be imported. {message} Nothing was changed."
                ))),
            }
        });
    };

    let apply = move |mode: ImportMode| {
        let Some(import) = pending.get_untracked() else {
            return;
        };
        let incoming = import.parsed.file.programmes.clone();
        let before: Vec<(Uuid, Option<Programme>)> = state.workspace.with_untracked(|ws| {
            incoming
                .iter()
                .map(|p| (p.id(), ws.get(p.id()).cloned()))
                .collect()
        });
        let had_programme = state
            .workspace
            .with_untracked(|ws| ws.current_programme().is_some());
        let preferred = import.parsed.file.current_programme_id;
        let applied = state.edit_workspace(|ws, at| {
            let changed = match mode {
                ImportMode::Merge => ws.merge_programmes(&incoming),
                ImportMode::Replace => ws.replace_programmes(&incoming, at),
            };
            if !had_programme {
                if let Some(id) =
                    preferred.filter(|id| ws.get(*id).is_some_and(|p| !p.is_deleted()))
                {
                    ws.current = Some(id);
                } else if let Some(first) = incoming.iter().find(|p| !p.is_deleted()) {
                    ws.current = Some(first.id());
                }
            }
            changed
        });
        if !applied {
            return;
        }
        let verb = match mode {
            ImportMode::Merge => "merged",
            ImportMode::Replace => "restored",
        };
        let count = incoming.len();
        state.offer_undo(
            format!(
                "“{}” {verb}: {count} programme{}.",
                import.file_name,
                if count == 1 { "" } else { "s" }
            ),
            UndoAction::RevertImport(before),
        );
        pending.set(None);
        reset_input();
    };

    let cancel = move |_| {
        pending.set(None);
        reset_input();
    };

    view! {
        <section class="panel" aria-labelledby="import-heading">
            <h2 id="import-heading">"Restore or merge a backup"</h2>
            <p>
                "Choose a backup file. You will see what it contains and what would change before anything is applied, and you can undo it afterwards."
            </p>
            <div class="field">
                <label for="import-file">"Backup file (.json)"</label>
                <input id="import-file" type="file" accept=".json,application/json" node_ref=input_ref on:change=on_file/>
            </div>
            <Show when=move || reading.get()>
                <p role="status">"Reading the file…"</p>
            </Show>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="import-error">{e}</p> })}
            {move || pending.get().map(|import| view! { <ImportPreview import=import apply=apply cancel=cancel/> })}
        </section>
    }
}

#[component]
fn ImportPreview(
    import: PendingImport,
    apply: impl Fn(ImportMode) + Copy + 'static,
    cancel: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
) -> impl IntoView {
    let file = &import.parsed.file;
    let exported = date_time(file.exported_at);
    let rows = import
        .previews
        .iter()
        .map(|p| {
            let merge = if !p.exists {
                format!(
                    "Added as a new programme ({} executives).",
                    p.executives.new
                )
            } else if p.deleted_in_file {
                "The file deletes this programme (if its deletion is newer).".to_string()
            } else {
                let competitions = p.competitions.describe("changes");
                format!(
                    "Executives — {}.{}",
                    p.executives
                        .describe("changes")
                        .trim_start_matches("changes: "),
                    if competitions == "no changes" {
                        String::new()
                    } else {
                        format!(
                            " Competitions — {}.",
                            competitions.trim_start_matches("changes: ")
                        )
                    }
                )
            };
            let replace = if !p.exists {
                "Added as a new programme.".to_string()
            } else if p.executives_only_here > 0 {
                format!(
                    "Your copy becomes the file's; {} executive(s) only in your copy are removed.",
                    p.executives_only_here
                )
            } else {
                "Your copy becomes the file's.".to_string()
            };
            view! {
                <tr>
                    <th scope="row">{p.name.clone()}</th>
                    <td>{if p.exists { "Yes" } else { "No — new" }}</td>
                    <td>{merge}</td>
                    <td>{replace}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="import-preview" aria-labelledby="preview-heading" data-testid="import-preview">
            <h3 id="preview-heading" tabindex="-1">{format!("“{}”", import.file_name)}</h3>
            <p>
                {format!("Exported {exported} · {} programme{}", file.programmes.len(), if file.programmes.len() == 1 { "" } else { "s" })}
                {import.parsed.migrated_from.map(|v| format!(" · upgraded from data version {v}"))}
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="preview-heading">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Programme"</th>
                            <th scope="col">"Already here?"</th>
                            <th scope="col">"Merge would"</th>
                            <th scope="col">"Replace would"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {(!import.parsed.repairs.is_empty()).then(|| view! {
                <div class="repairs">
                    <h4>"Problems found in the file, and how they were repaired"</h4>
                    <ul>{import.parsed.repairs.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                </div>
            })}
            <p class="hint">
                "Merge keeps the latest edit of every record from both sides, and keeps deletions. "
                "Replace makes each programme in the file exactly as the file has it. Programmes not in the file are never touched."
            </p>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| apply(ImportMode::Merge)>"Merge into my data"</button>
                <button type="button" on:click=move |_| apply(ImportMode::Replace)>"Replace with the file's copies"</button>
                <button type="button" on:click=cancel>"Cancel"</button>
            </div>
        </section>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let state = AppState::expect();
    let confirm_delete = RwSignal::new(None::<String>);
    let copies = move || {
        state.storage_revision.track();
        state.status.track();
        state
            .with_backend(|b| kept_copies(b).unwrap_or_default())
            .unwrap_or_default()
    };
    let usage = move || {
        state.storage_revision.track();
        state.status.track();
        state
            .with_backend(|b| used_units(b).ok())
            .flatten()
            .map(|units| match units {
                0 => "Nothing is stored yet.".to_string(),
                units => format!(
                    "About {} KB used by this app (browsers allow about 5 MB per site).",
                    (units * 2).div_ceil(1024)
                ),
            })
    };
    let status_text = move || match state.status.get() {
        SaveStatus::Saved | SaveStatus::Saving => "Saving automatically.".to_string(),
        SaveStatus::NotSaved(reason) => format!("Not saved: {reason}."),
        SaveStatus::MemoryOnly(reason) | SaveStatus::ReadOnly(reason) => reason,
    };
    view! {
        <section class="panel" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"In this browser"</h2>
            <p>{status_text}</p>
            {move || usage().map(|u| view! { <p>{u}</p> })}
            <h3>"Kept copies"</h3>
            {move || {
                let list = copies();
                if list.is_empty() {
                    return view! { <p class="empty">"None. Copies appear here when unreadable data is set aside or older data is upgraded."</p> }.into_any();
                }
                view! {
                    <ul class="kept-copies">
                        {list.into_iter().enumerate().map(|(i, copy)| {
                            let key = copy.key.clone();
                            let key_for_delete = copy.key.clone();
                            let download = move |_| {
                                if let Some(Ok(Some(raw))) = state.with_backend(|b| b.get(&key)) {
                                    let _ = download_text(&format!("exec-social-playbook-kept-copy-{}.txt", i + 1), "text/plain", &raw);
                                }
                            };
                            let delete = move |_| {
                                if confirm_delete.get_untracked().as_deref() == Some(key_for_delete.as_str()) {
                                    let _ = state.with_backend(|b| b.remove(&key_for_delete));
                                    confirm_delete.set(None);
                                    state.storage_revision.update(|r| *r += 1);
                                    state.notify("Kept copy deleted.");
                                } else {
                                    confirm_delete.set(Some(key_for_delete.clone()));
                                }
                            };
                            let asking = {
                                let key = copy.key.clone();
                                move || confirm_delete.get().as_deref() == Some(key.as_str())
                            };
                            view! {
                                <li>
                                    <p>{copy.description.clone()}" — "{format!("{} characters", copy.size)}</p>
                                    <div class="actions">
                                        <button type="button" on:click=download>"Download"<span class="visually-hidden">{format!(" kept copy {}", i + 1)}</span></button>
                                        <button type="button" class="danger" on:click=delete>
                                            {move || if asking() { "Really delete?" } else { "Delete" }}
                                            <span class="visually-hidden">{format!(" kept copy {}", i + 1)}</span>
                                        </button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
