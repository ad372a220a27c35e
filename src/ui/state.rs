//! The app's state: the workspace in a signal, and the persistence that follows it.
//!
//! Every change goes through [`AppState::edit_programme`] or [`AppState::edit_workspace`], which stamp
//! the change, mark what needs saving and schedule a save 300 ms later (one save per burst of typing;
//! only the changed programmes are serialised). Saving is flushed at once when the page is hidden or
//! closed. Another tab's writes arrive as `storage` events and are merged in record by record, and a
//! save re-checks the stored copy first, so two tabs never silently overwrite each other.

use crate::io::BackupFile;
use crate::model::{Programme, Timestamp, Workspace};
use crate::platform::{now, now_millis, request_persistent_storage};
use crate::store::browser::local_storage;
use crate::store::persist::{self, Unreadable};
use crate::store::{Backend, StorageKey};
use leptos::ev;
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;
use uuid::Uuid;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long after the last change the app saves.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// How often a failed save is tried again (storage may have been freed meanwhile).
const RETRY_DELAY: Duration = Duration::from_secs(5);
/// After this long without a backup, the app reminds the user.
pub const BACKUP_REMINDER_DAYS: i64 = 14;

/// What the save indicator says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Saving,
    /// The last save failed; the data is still in this tab. The text says why.
    NotSaved(String),
    /// Storage cannot be used at all: the app works in memory only.
    MemoryOnly(String),
    /// Data from a newer app version: nothing is written.
    ReadOnly(String),
}

impl SaveStatus {
    /// The short text shown in the header.
    pub fn label(&self) -> String {
        match self {
            SaveStatus::Saved => "Saved".into(),
            SaveStatus::Saving => "Saving…".into(),
            SaveStatus::NotSaved(_) => "Not saved".into(),
            SaveStatus::MemoryOnly(_) => "Not saved — storage blocked".into(),
            SaveStatus::ReadOnly(_) => "Read-only".into(),
        }
    }

    pub fn is_problem(&self) -> bool {
        !matches!(self, SaveStatus::Saved | SaveStatus::Saving)
    }
}

/// Something the user can take back from the toast.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub message: String,
    pub action: UndoAction,
}

#[derive(Clone, Debug, PartialEq)]
pub enum UndoAction {
    /// Bring back a deleted programme.
    RestoreProgramme(Box<Programme>),
    /// Put programmes back as they were before an import; `None` means the import added it.
    RevertImport(Vec<(Uuid, Option<Programme>)>),
    /// Bring back an executive removed from a programme's roster.
    RestoreExecutive {
        programme: Uuid,
        before: Box<crate::model::Executive>,
    },
    /// Bring back a deleted competition.
    RestoreCompetition {
        programme: Uuid,
        before: Box<crate::model::competition::Competition>,
    },
    /// Bring back a deleted evidence item.
    RestoreEvidence {
        programme: Uuid,
        before: Box<crate::model::evidence::Evidence>,
    },
}

/// The browser side of saving, kept out of the reactive graph (it is not `Send`).
struct Persistence {
    backend: Option<Box<dyn Backend>>,
    /// The text of each entry as last read or written by this tab.
    seen: BTreeMap<String, String>,
    dirty: BTreeSet<Uuid>,
    index_dirty: bool,
    timer: Option<TimeoutHandle>,
    read_only: bool,
}

/// The app's state, shared through context; read it with [`AppState::expect`].
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub last_backup_at: RwSignal<Option<Timestamp>>,
    pub status: RwSignal<SaveStatus>,
    /// Entries that could not be read: while not empty, the recovery screen is shown.
    pub unreadable: RwSignal<Vec<Unreadable>>,
    pub undo: RwSignal<Option<Undo>>,
    /// A short message for the toast (e.g. why an action was refused).
    pub notice: RwSignal<Option<String>>,
    /// Bumped whenever stored data changes outside a normal save (for the Data page's storage view).
    pub storage_revision: RwSignal<u64>,
    /// The executive being worked on in Steps 2 and 3, shared so that moving between the pages keeps it.
    pub focus_executive: RwSignal<Option<Uuid>>,
    persistence: StoredValue<Persistence, LocalStorage>,
}

impl AppState {
    /// The state provided by [`provide_app_state`].
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// Is the app allowed to change data? (Not when the data comes from a newer version.)
    pub fn is_read_only(&self) -> bool {
        self.persistence.with_value(|p| p.read_only)
    }

    /// Changes one programme. Refused (with a notice) when read-only; returns whether the change was
    /// made, so that callers announce only what happened.
    pub fn edit_programme(&self, id: Uuid, edit: impl FnOnce(&mut Programme, Timestamp)) -> bool {
        if self.refuse_if_read_only() {
            return false;
        }
        let at = now();
        self.workspace.update(|ws| {
            if let Some(programme) = ws.get_mut(id) {
                edit(programme, at);
            }
        });
        self.mark_dirty([id], false);
        true
    }

    /// Changes one executive of one programme, stamped and saved; returns whether it was changed.
    pub fn edit_executive(
        &self,
        programme_id: Uuid,
        executive_id: Uuid,
        change: impl FnOnce(&mut crate::model::Executive),
    ) -> bool {
        self.edit_programme(programme_id, |programme, at| {
            programme.edit_executive(executive_id, at, change);
        })
    }

    /// Changes the workspace; `edit` returns the ids of the programmes it changed. Refused (with a
    /// notice) when read-only; returns whether the change was made.
    pub fn edit_workspace(
        &self,
        edit: impl FnOnce(&mut Workspace, Timestamp) -> Vec<Uuid>,
    ) -> bool {
        if self.refuse_if_read_only() {
            return false;
        }
        let at = now();
        let mut changed = Vec::new();
        self.workspace.update(|ws| changed = edit(ws, at));
        self.mark_dirty(changed, true);
        true
    }

    /// Opens another programme (remembered across reloads).
    pub fn open_programme(&self, id: Uuid) {
        let mut opened = false;
        self.workspace.update(|ws| opened = ws.open(id));
        if opened && !self.is_read_only() {
            self.mark_dirty([], true);
        }
    }

    /// Records that a backup was just downloaded.
    pub fn mark_backed_up(&self) {
        self.last_backup_at.set(Some(now()));
        if !self.is_read_only() {
            self.mark_dirty([], true);
        }
    }

    /// Shows a short message in the toast.
    pub fn notify(&self, message: impl Into<String>) {
        self.undo.set(None);
        self.notice.set(Some(message.into()));
    }

    /// Offers to take an action back.
    pub fn offer_undo(&self, message: impl Into<String>, action: UndoAction) {
        self.notice.set(None);
        self.undo.set(Some(Undo {
            message: message.into(),
            action,
        }));
    }

    /// Takes back the action in the toast.
    pub fn run_undo(&self) {
        let Some(undo) = self.undo.get_untracked() else {
            return;
        };
        self.undo.set(None);
        let undone = match undo.action {
            UndoAction::RestoreProgramme(before) => self.edit_workspace(|ws, at| {
                let id = before.id();
                ws.restore(*before, at);
                vec![id]
            }),
            UndoAction::RevertImport(previous) => self.edit_workspace(|ws, at| {
                let mut changed = Vec::new();
                for (id, before) in previous {
                    let Some(current) = ws.get(id).cloned() else {
                        continue;
                    };
                    let reverted = match before {
                        Some(before) => current.replaced_by(&before, at),
                        None => {
                            let mut gone = current.clone();
                            gone.edit_settings(at, |s| s.deleted = true);
                            gone
                        }
                    };
                    if let Some(slot) = ws.get_mut(id) {
                        *slot = reverted;
                    }
                    changed.push(id);
                }
                if ws
                    .current
                    .is_some_and(|id| ws.get(id).is_none_or(Programme::is_deleted))
                {
                    let next = ws.live_programmes().next().map(Programme::id);
                    ws.current = next;
                }
                changed
            }),
            UndoAction::RestoreExecutive { programme, before } => {
                self.edit_programme(programme, |p, at| p.restore_executive(*before, at))
            }
            UndoAction::RestoreCompetition { programme, before } => {
                self.edit_programme(programme, |p, at| p.restore_competition(*before, at))
            }
            UndoAction::RestoreEvidence { programme, before } => {
                self.edit_programme(programme, |p, at| p.restore_evidence(*before, at))
            }
        };
        if undone {
            self.notify("Undone.");
        }
    }

    /// A backup file of the given programmes (all live ones when `None`).
    pub fn backup_file(&self, only: Option<Uuid>) -> BackupFile {
        self.workspace.with_untracked(|ws| {
            let programmes: Vec<Programme> = ws
                .programmes
                .iter()
                .filter(|p| match only {
                    Some(id) => p.id() == id,
                    None => true,
                })
                .cloned()
                .collect();
            BackupFile::new(programmes, ws.current_id(), now())
        })
    }

    /// Writes everything pending now (used on `pagehide` and by tests of reload-right-after-edit).
    pub fn flush(&self) {
        if let Some(timer) = self
            .persistence
            .try_update_value(|p| p.timer.take())
            .flatten()
        {
            timer.clear();
        }
        self.save_now();
    }

    /// Sets the unreadable entries aside (copied to a `recovered` key, then removed) and loads again.
    pub fn set_aside_unreadable(&self) -> Result<(), String> {
        let entries = self.unreadable.get_untracked();
        let result = self.persistence.with_value(|p| -> Result<(), String> {
            let backend = p
                .backend
                .as_deref()
                .ok_or("Storage is not available.")?;
            for entry in &entries {
                persist::set_aside(backend, entry, now_millis()).map_err(|e| {
                    format!("Could not set aside {}: {e}. Download it first, then free some space or continue without saving.", entry.key)
                })?;
            }
            Ok(())
        });
        result?;
        self.reload();
        Ok(())
    }

    /// Leaves the recovery screen without touching storage: the app runs in memory only, so nothing
    /// unreadable can be overwritten.
    pub fn continue_without_saving(&self) {
        self.persistence.update_value(|p| {
            p.backend = None;
        });
        self.unreadable.set(Vec::new());
        self.status.set(SaveStatus::MemoryOnly(
            "You chose to continue without saving, so the unreadable data stays untouched. Changes made now are lost when this tab closes — download a backup from the Data page.".into(),
        ));
    }

    /// The backend, for the Data page's storage view.
    pub fn with_backend<R>(&self, f: impl FnOnce(&dyn Backend) -> R) -> Option<R> {
        self.persistence.with_value(|p| p.backend.as_deref().map(f))
    }

    /// Reads storage again from scratch.
    fn reload(&self) {
        let loaded = self
            .persistence
            .with_value(|p| p.backend.as_deref().map(persist::load));
        match loaded {
            Some(Ok(loaded)) => self.adopt(loaded),
            Some(Err(error)) => self.status.set(SaveStatus::NotSaved(error.to_string())),
            None => {}
        }
        self.storage_revision.update(|r| *r += 1);
    }

    fn adopt(&self, loaded: persist::Loaded) {
        let migrated = loaded.migrated.clone();
        self.persistence.update_value(|p| {
            p.seen = loaded.seen.clone();
            p.read_only = loaded.read_only.is_some();
        });
        self.workspace.set(loaded.workspace);
        self.last_backup_at.set(loaded.last_backup_at);
        self.unreadable.set(loaded.unreadable);
        match loaded.read_only {
            Some(reason) => self.status.set(SaveStatus::ReadOnly(reason)),
            None => {
                self.status.set(SaveStatus::Saved);
                if !migrated.is_empty() {
                    self.mark_dirty(migrated, true);
                }
            }
        }
    }

    fn refuse_if_read_only(&self) -> bool {
        let read_only = self.is_read_only();
        if read_only {
            self.notify("Nothing was changed: this data is read-only because it was saved by a newer version of the app.");
        }
        read_only
    }

    fn mark_dirty(&self, ids: impl IntoIterator<Item = Uuid>, index: bool) {
        let state = *self;
        let has_backend = self.persistence.with_value(|p| p.backend.is_some());
        self.persistence.update_value(|p| {
            p.dirty.extend(ids);
            p.index_dirty |= index;
            if let Some(timer) = p.timer.take() {
                timer.clear();
            }
            if has_backend {
                p.timer = set_timeout_with_handle(move || state.save_now(), SAVE_DELAY).ok();
            }
        });
        if has_backend && !matches!(self.status.get_untracked(), SaveStatus::NotSaved(_)) {
            self.status.set(SaveStatus::Saving);
        }
    }

    /// Writes the changed programmes and the index. On failure everything stays marked for saving and
    /// is tried again later; the data in this tab is never dropped.
    fn save_now(&self) {
        let workspace = self.workspace;
        let last_backup_at = self.last_backup_at.get_untracked();
        let mut merged_in: Vec<Programme> = Vec::new();
        let outcome = self
            .persistence
            .try_update_value(|p| -> Result<bool, String> {
                p.timer = None;
                if p.read_only {
                    return Ok(false);
                }
                let Some(backend) = p.backend.as_deref() else {
                    return Ok(false);
                };
                let dirty: Vec<Uuid> = p.dirty.iter().copied().collect();
                for id in dirty {
                    let key = StorageKey::Programme(id).as_string();
                    // Serialised in place: a big programme is not cloned for each save.
                    let seen = p.seen.get(&key).map(String::as_str);
                    let saved = workspace.with_untracked(|ws| {
                        ws.get(id)
                            .map(|programme| persist::save_programme(backend, programme, seen))
                    });
                    let Some(saved) = saved else {
                        p.dirty.remove(&id);
                        continue;
                    };
                    let saved = saved.map_err(|e| e.to_string())?;
                    p.seen.insert(key, saved.text);
                    if let Some(merged) = saved.merged {
                        merged_in.push(merged);
                    }
                    p.dirty.remove(&id);
                }
                if p.index_dirty {
                    let text = workspace
                        .with_untracked(|ws| persist::save_index(backend, ws, last_backup_at))
                        .map_err(|e| e.to_string())?;
                    p.seen.insert(StorageKey::Index.as_string(), text);
                    p.index_dirty = false;
                }
                Ok(true)
            });
        if !merged_in.is_empty() {
            self.workspace.update(|ws| {
                ws.merge_programmes(&merged_in);
            });
        }
        match outcome {
            Some(Ok(true)) => self.status.set(SaveStatus::Saved),
            Some(Ok(false)) | None => {}
            Some(Err(reason)) => {
                self.status.set(SaveStatus::NotSaved(reason));
                let state = *self;
                set_timeout(move || state.retry(), RETRY_DELAY);
            }
        }
    }

    fn retry(&self) {
        let pending = self
            .persistence
            .with_value(|p| p.timer.is_none() && (!p.dirty.is_empty() || p.index_dirty));
        if pending {
            self.save_now();
        }
    }

    /// Another tab wrote `key`: merge its programme in before this tab writes again.
    fn on_storage_event(&self, key: Option<String>, new_value: Option<String>) {
        self.storage_revision.update(|r| *r += 1);
        let (Some(key), Some(text)) = (key, new_value) else {
            return;
        };
        let Some(StorageKey::Programme(id)) = StorageKey::parse(&key) else {
            return;
        };
        let Ok(read) = crate::io::stored::parse_stored_programme(&text) else {
            // Unreadable or newer: leave it; save_programme refuses to overwrite it.
            return;
        };
        let theirs = read.value;
        let mut ours_has_more = false;
        self.workspace.update(|ws| {
            if let Some(ours) = ws.get(id) {
                ours_has_more = ours.merge(&theirs) != theirs;
            }
            ws.merge_programmes(std::slice::from_ref(&theirs));
        });
        self.persistence.update_value(|p| {
            p.seen.insert(key, text);
        });
        if ours_has_more && !self.is_read_only() {
            self.mark_dirty([id], false);
        }
    }
}

/// Loads storage, provides [`AppState`] and installs the listeners that keep it saved and in sync.
pub fn provide_app_state() -> AppState {
    let state = AppState {
        workspace: RwSignal::new(Workspace::default()),
        last_backup_at: RwSignal::new(None),
        status: RwSignal::new(SaveStatus::Saved),
        unreadable: RwSignal::new(Vec::new()),
        undo: RwSignal::new(None),
        notice: RwSignal::new(None),
        storage_revision: RwSignal::new(0),
        focus_executive: RwSignal::new(None),
        persistence: StoredValue::new_local(Persistence {
            backend: None,
            seen: BTreeMap::new(),
            dirty: BTreeSet::new(),
            index_dirty: false,
            timer: None,
            read_only: false,
        }),
    };
    provide_context(state);

    match local_storage() {
        Ok(backend) => {
            state
                .persistence
                .update_value(|p| p.backend = Some(Box::new(backend)));
            state.reload();
            crate::platform::mark("esp:read");
            request_persistent_storage();
        }
        Err(error) => state.status.set(SaveStatus::MemoryOnly(format!(
            "Your changes cannot be saved: {error}. The app works, but everything is lost when this tab closes — download a backup from the Data page before you leave."
        ))),
    }

    // Save at once when the page goes away or into the background.
    let _ = window_event_listener(ev::pagehide, move |_| state.flush());
    let on_visibility = Closure::<dyn Fn()>::new(move || {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            state.flush();
        }
    });
    let _ = document().add_event_listener_with_callback(
        "visibilitychange",
        on_visibility.as_ref().unchecked_ref(),
    );
    // The listener lives as long as the page.
    on_visibility.forget();
    let _ = window_event_listener(ev::storage, move |event| {
        state.on_storage_event(event.key(), event.new_value());
    });
    state
}
