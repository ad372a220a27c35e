//! Importing a backup file: reading, repairing what can be repaired, and previewing what an import
//! would change before anything is applied.

use super::envelope::{BackupFile, StoredProgramme, BACKUP_FORMAT, PROGRAMME_FORMAT};
use super::read::{read_document, typed, ReadError};
use crate::model::competition::{merge_competitions, Competition, Rules};
use crate::model::record::{merge_records, newer, Record};
use crate::model::{Programme, Timestamp, Workspace};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
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
/// newer copy is kept), dangling evidence references, the competitions' references and duplicates
/// (see [`repair_competitions`]), an executive without a name, and a current programme that is not in
/// the file.
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
        let known: BTreeSet<Uuid> = programme.evidence.iter().map(|e| e.id).collect();
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
        repairs.extend(repair_competitions(&mut programme));
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

/// Repairs a programme's competitions (Step 6) and says what it did:
///
/// - the same competition id twice — the copies are merged as a merge of two files would;
/// - a league member or a named winner that is no executive of the programme (not even a
///   tombstone) — dropped, as is a league member listed twice;
/// - the same KPI id twice in one set of rules — the later KPI is dropped (values are stored by KPI
///   id, so two KPIs with one id would count the same values twice);
/// - points per unit that are negative or not a number — 0;
/// - custom period lengths outside 1–366 days — the nearest allowed length (0 would make every
///   period empty);
/// - activity rows of executives that are not in the programme — dropped;
/// - the same (period, executive) row, or the same period record, twice — the newer is kept, as a
///   merge would keep it.
///
/// Values under KPI ids that no rules name are kept: they are harmless (scoring reads only the
/// period's KPIs), and a KPI removed by mistake and added again under the same id (`posts`) finds
/// its values again. References to deleted executives are kept too: closed periods name who took
/// part and who won at the time.
fn repair_competitions(programme: &mut Programme) -> Vec<String> {
    let mut repairs = Vec::new();
    let programme_name = programme.name().to_string();

    let mut by_id: BTreeMap<Uuid, Competition> = BTreeMap::new();
    for competition in programme.competitions.drain(..) {
        let id = competition.settings.id;
        match by_id.remove(&id) {
            Some(existing) => {
                repairs.push(format!(
                    "Programme \"{programme_name}\": competition \"{}\" appears more than once; its copies were merged record by record.",
                    competition.settings.name
                ));
                let merged = merge_competitions(&[existing], &[competition])
                    .into_iter()
                    .find(|c| c.settings.id == id);
                if let Some(merged) = merged {
                    by_id.insert(id, merged);
                }
            }
            None => {
                by_id.insert(id, competition);
            }
        }
    }
    let mut competitions: Vec<Competition> = by_id.into_values().collect();
    competitions.sort_by_key(|c| (c.settings.created_at, c.settings.id));

    let executives: BTreeSet<Uuid> = programme.executives.iter().map(|e| e.id).collect();
    for competition in &mut competitions {
        let what = format!(
            "Programme \"{programme_name}\", competition \"{}\"",
            competition.settings.name
        );
        let mut fixes = RulesFixes::default();
        fixes.add(repair_rules(&mut competition.settings.rules, &executives));
        let days = competition.settings.custom_days;
        if !(1..=366).contains(&days) {
            competition.settings.custom_days = days.clamp(1, 366);
            repairs.push(format!(
                "{what}: a period length of {days} days is not possible; it is now {} days.",
                competition.settings.custom_days
            ));
        }

        let before = competition.periods.len();
        competition.periods = keep_newest(
            std::mem::take(&mut competition.periods),
            |r| r.period,
            |r| r.updated_at,
        );
        let repeated = before - competition.periods.len();
        if repeated > 0 {
            repairs.push(format!(
                "{what}: {repeated} period record(s) repeated a period; the newer copy of each was kept."
            ));
        }
        for record in &mut competition.periods {
            if let Some(rules) = record.rules.as_mut() {
                fixes.add(repair_rules(rules, &executives));
            }
            for winners in [&mut record.most_social, &mut record.most_improved] {
                let before = winners.len();
                winners.retain(|id| executives.contains(id));
                fixes.unknown_people += before - winners.len();
            }
        }

        let before = competition.activity.len();
        competition
            .activity
            .retain(|row| executives.contains(&row.executive));
        let strangers = before - competition.activity.len();
        if strangers > 0 {
            repairs.push(format!(
                "{what}: {strangers} activity row(s) were for executives that are not in the file; they were dropped."
            ));
        }
        let before = competition.activity.len();
        competition.activity = keep_newest(
            std::mem::take(&mut competition.activity),
            |row| (row.period, row.executive),
            |row| row.updated_at,
        );
        let repeated = before - competition.activity.len();
        if repeated > 0 {
            repairs.push(format!(
                "{what}: {repeated} activity row(s) repeated an executive and period; the newer copy of each was kept."
            ));
        }

        if fixes.unknown_people > 0 {
            repairs.push(format!(
                "{what}: {} league member(s) or winner(s) were not executives in the file; they were dropped.",
                fixes.unknown_people
            ));
        }
        if fixes.repeated_members > 0 {
            repairs.push(format!(
                "{what}: {} executive(s) were listed twice in a league; the repeats were dropped.",
                fixes.repeated_members
            ));
        }
        if fixes.repeated_kpis > 0 {
            repairs.push(format!(
                "{what}: {} KPI(s) repeated the id of another KPI in the same rules; the repeats were dropped.",
                fixes.repeated_kpis
            ));
        }
        if fixes.bad_points > 0 {
            repairs.push(format!(
                "{what}: {} KPI(s) had negative or invalid points per unit; they now count 0 points.",
                fixes.bad_points
            ));
        }
    }
    programme.competitions = competitions;
    repairs
}

/// What [`repair_rules`] changed, counted over all the rules of a competition.
#[derive(Default)]
struct RulesFixes {
    unknown_people: usize,
    repeated_members: usize,
    repeated_kpis: usize,
    bad_points: usize,
}

impl RulesFixes {
    fn add(&mut self, other: RulesFixes) {
        self.unknown_people += other.unknown_people;
        self.repeated_members += other.repeated_members;
        self.repeated_kpis += other.repeated_kpis;
        self.bad_points += other.bad_points;
    }
}

/// Repairs one set of rules (the competition's, or a closed period's kept copy).
fn repair_rules(rules: &mut Rules, executives: &BTreeSet<Uuid>) -> RulesFixes {
    let mut fixes = RulesFixes::default();
    let before = rules.league.len();
    rules.league.retain(|id| executives.contains(id));
    fixes.unknown_people = before - rules.league.len();
    let before = rules.league.len();
    let mut seen = BTreeSet::new();
    rules.league.retain(|id| seen.insert(*id));
    fixes.repeated_members = before - rules.league.len();
    let before = rules.kpis.len();
    let mut seen = BTreeSet::new();
    rules.kpis.retain(|kpi| seen.insert(kpi.id.clone()));
    fixes.repeated_kpis = before - rules.kpis.len();
    for kpi in &mut rules.kpis {
        if !kpi.points.is_finite() || kpi.points < 0.0 {
            kpi.points = 0.0;
            fixes.bad_points += 1;
        }
    }
    fixes
}

/// One entry per key — the one a merge keeps: the later `stamp`, on a tie the one whose JSON sorts
/// last — sorted by key (the canonical order of period records and activity rows).
fn keep_newest<T: Serialize + PartialEq, K: Ord>(
    entries: Vec<T>,
    key: impl Fn(&T) -> K,
    stamp: impl Fn(&T) -> Timestamp,
) -> Vec<T> {
    let mut by_key: BTreeMap<K, T> = BTreeMap::new();
    for entry in entries {
        let k = key(&entry);
        match by_key.remove(&k) {
            Some(existing) => {
                let kept = if wins(&entry, &existing, &stamp) {
                    entry
                } else {
                    existing
                };
                by_key.insert(k, kept);
            }
            None => {
                by_key.insert(k, entry);
            }
        }
    }
    by_key.into_values().collect()
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
    /// Step 6: competitions, each counted once as a whole — `updated` when a merge would take
    /// anything from the file's copy (its settings, a period record or an activity row).
    pub competitions: RecordCounts,
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
                competitions: count_competitions(
                    ours.map(|p| p.competitions.as_slice()).unwrap_or(&[]),
                    &theirs.competitions,
                ),
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

/// [`count`] for competitions, which merge part by part: the file's copy "updates" ours when its
/// settings, or any of its period records or activity rows, would win a merge.
fn count_competitions(ours: &[Competition], theirs: &[Competition]) -> RecordCounts {
    let mut counts = RecordCounts::default();
    for competition in theirs {
        let settings = &competition.settings;
        match ours.iter().find(|o| o.settings.id == settings.id) {
            None if settings.deleted => {}
            None => counts.new += 1,
            Some(mine) if mine == competition => counts.unchanged += 1,
            Some(mine) => {
                let settings_win = mine.settings != *settings
                    && std::ptr::eq(newer(&mine.settings, settings), settings);
                if settings_win && settings.deleted && !mine.settings.deleted {
                    counts.deleted += 1;
                    continue;
                }
                let record_wins = competition.periods.iter().any(|record| {
                    mine.periods
                        .iter()
                        .find(|m| m.period == record.period)
                        .is_none_or(|m| wins(record, m, |r| r.updated_at))
                });
                let row_wins = competition.activity.iter().any(|row| {
                    mine.activity
                        .iter()
                        .find(|m| m.period == row.period && m.executive == row.executive)
                        .is_none_or(|m| wins(row, m, |r| r.updated_at))
                });
                if settings_win || record_wins || row_wins {
                    counts.updated += 1;
                } else {
                    counts.kept_newer_here += 1;
                }
            }
        }
    }
    counts
}

/// Whether `theirs` differs from `mine` and would be kept over it by the merge rule.
fn wins<T: Serialize + PartialEq>(theirs: &T, mine: &T, stamp: impl Fn(&T) -> Timestamp) -> bool {
    if theirs == mine {
        return false;
    }
    match stamp(theirs).cmp(&stamp(mine)) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            serde_json::to_string(theirs).unwrap_or_default()
                > serde_json::to_string(mine).unwrap_or_default()
        }
    }
}
