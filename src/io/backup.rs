//! Importing a backup file: reading, repairing what can be repaired, and previewing what an import
//! would change before anything is applied.

use super::envelope::{BackupFile, StoredProgramme, BACKUP_FORMAT, PROGRAMME_FORMAT};
use super::read::{read_document, typed, ReadError};
use crate::model::record::{merge_records, newer, Record};
use crate::model::{Programme, Workspace};
use std::collections::BTreeMap;
use uuid::Uuid;

/// A backup file that has been read, migrated and repaired, ready to preview.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedBackup {
    pub file: BackupFile,
    pub migrated_from: Option<u32>,
    /// What was wrong with the file and how it was repaired; shown in the preview.
    pub repairs: Vec<String>,
}

/// Reads a backup file (or a single stored programme, e.g. one downloaded from the recovery screen).
pub fn parse_backup(text: &str) -> Result<ParsedBackup, ReadError> {
    const WHAT: &str = "backup file";
    let (format, read) = read_document(text, &[BACKUP_FORMAT, PROGRAMME_FORMAT], WHAT)?;
    let file = if format == PROGRAMME_FORMAT {
        let stored: StoredProgramme = typed(read.value, WHAT)?;
        let exported_at = stored.programme.settings.updated_at;
        BackupFile::new(vec![stored.programme], None, exported_at)
    } else {
        typed::<BackupFile>(read.value, WHAT)?
    };
    let (file, repairs) = repair(file);
    Ok(ParsedBackup {
        file,
        migrated_from: read.migrated_from,
        repairs,
    })
}

/// Repairs what a hand-edited or half-merged file can get wrong, and says what it did:
/// the same programme twice (the copies are merged), the same record id twice in a programme (the
/// newer copy is kept), an executive without a name, and a current programme that is not in the file.
pub fn repair(mut file: BackupFile) -> (BackupFile, Vec<String>) {
    let mut repairs = Vec::new();

    let mut programmes: BTreeMap<Uuid, Programme> = BTreeMap::new();
    let mut order: Vec<Uuid> = Vec::new();
    for programme in file.programmes.drain(..) {
        let id = programme.id();
        match programmes.remove(&id) {
            Some(existing) => {
                repairs.push(format!(
                    "Programme \"{}\" appears more than once; its copies were merged record by record.",
                    programme.name()
                ));
                programmes.insert(id, existing.merge(&programme));
            }
            None => {
                order.push(id);
                programmes.insert(id, programme);
            }
        }
    }

    for id in order {
        let Some(mut programme) = programmes.remove(&id) else {
            continue;
        };
        let before = programme.executives.len();
        programme.executives = dedupe(&programme.executives);
        let dropped = before - programme.executives.len();
        if dropped > 0 {
            repairs.push(format!(
                "Programme \"{}\": {dropped} executive record(s) shared an id with another; the newer copy of each was kept.",
                programme.name()
            ));
        }
        let before = programme.evidence.len();
        programme.evidence = dedupe(&programme.evidence);
        let dropped = before - programme.evidence.len();
        if dropped > 0 {
            repairs.push(format!(
                "Programme \"{}\": {dropped} evidence record(s) shared an id with another; the newer copy of each was kept.",
                programme.name()
            ));
        }
        // Pins and exclusions that point at no evidence in the programme (dangling references).
        let known: std::collections::BTreeSet<Uuid> =
            programme.evidence.iter().map(|e| e.id).collect();
        let mut dangling = 0;
        for executive in programme.executives.iter_mut() {
            for list in [
                &mut executive.pinned_evidence,
                &mut executive.excluded_evidence,
            ] {
                let before = list.len();
                list.retain(|id| known.contains(id));
                dangling += before - list.len();
            }
        }
        if dangling > 0 {
            repairs.push(format!(
                "Programme \"{}\": {dangling} pinned or excluded evidence reference(s) pointed at evidence that is not in the file; they were dropped.",
                programme.name()
            ));
        }
        let mut unnamed = 0;
        for executive in programme.executives.iter_mut().filter(|e| !e.deleted) {
            if executive.name.trim().is_empty() {
                executive.name = "Unnamed executive".into();
                unnamed += 1;
            }
        }
        if unnamed > 0 {
            repairs.push(format!(
                "Programme \"{}\": {unnamed} executive(s) had no name and are called \"Unnamed executive\".",
                programme.name()
            ));
        }
        file.programmes.push(programme);
    }

    if let Some(current) = file.current_programme_id {
        if !file.programmes.iter().any(|p| p.id() == current) {
            repairs.push(
                "The file names an open programme that it does not contain; that reference was dropped."
                    .into(),
            );
            file.current_programme_id = None;
        }
    }
    (file, repairs)
}

/// Keeps one copy per id — the one a merge would keep — in canonical order.
fn dedupe<T: Record>(records: &[T]) -> Vec<T> {
    merge_records(records, &[])
}

/// What importing a file would do to one programme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammePreview {
    pub id: Uuid,
    pub name: String,
    /// `false`: the programme is new to this browser.
    pub exists: bool,
    pub deleted_in_file: bool,
    /// Executives, counted as a merge would treat them.
    pub executives: RecordCounts,
    /// Executives in this browser's copy that are not in the file (a replace removes them).
    pub executives_only_here: usize,
}

/// How the records of one collection would fare in a merge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecordCounts {
    /// In the file only.
    pub new: usize,
    /// The file's copy is newer and differs.
    pub updated: usize,
    /// The file deletes a record that is live here.
    pub deleted: usize,
    /// Identical on both sides.
    pub unchanged: usize,
    /// This browser's copy is newer and is kept.
    pub kept_newer_here: usize,
}

impl RecordCounts {
    /// e.g. "3 new, 1 updated, 2 unchanged"; zero counts are left out.
    pub fn describe(&self, noun: &str) -> String {
        let parts: Vec<String> = [
            (self.new, "new"),
            (self.updated, "updated"),
            (self.deleted, "deleted"),
            (self.unchanged, "unchanged"),
            (self.kept_newer_here, "newer here, kept"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, label)| format!("{n} {label}"))
        .collect();
        if parts.is_empty() {
            format!("no {noun}")
        } else {
            format!("{noun}: {}", parts.join(", "))
        }
    }
}

/// Compares a file with this browser's programmes, programme by programme.
pub fn preview(file: &BackupFile, workspace: &Workspace) -> Vec<ProgrammePreview> {
    file.programmes
        .iter()
        .map(|theirs| {
            let ours = workspace.get(theirs.id());
            ProgrammePreview {
                id: theirs.id(),
                name: theirs.name().to_string(),
                exists: ours.is_some(),
                deleted_in_file: theirs.is_deleted(),
                executives: count(
                    ours.map(|p| p.executives.as_slice()).unwrap_or(&[]),
                    &theirs.executives,
                ),
                executives_only_here: ours.map_or(0, |p| {
                    p.roster()
                        .filter(|e| !theirs.executives.iter().any(|t| t.id == e.id))
                        .count()
                }),
            }
        })
        .collect()
}

fn count<T: Record + PartialEq>(ours: &[T], theirs: &[T]) -> RecordCounts {
    let mut counts = RecordCounts::default();
    for record in theirs {
        match ours.iter().find(|o| o.id() == record.id()) {
            None if record.is_deleted() => {}
            None => counts.new += 1,
            Some(mine) if mine == record => counts.unchanged += 1,
            Some(mine) => {
                if std::ptr::eq(newer(mine, record), record) {
                    if record.is_deleted() && !mine.is_deleted() {
                        counts.deleted += 1;
                    } else {
                        counts.updated += 1;
                    }
                } else {
                    counts.kept_newer_here += 1;
                }
            }
        }
    }
    counts
}
