//! A programme — one company's run of the six steps — and the set of programmes in a browser.

use super::competition::{merge_competitions, Competition};
use super::dates::{iso, rfc3339};
use super::evidence::Evidence;
use super::goals::{Audience, Emphasis, Goal};
use super::naturals::{NaturalWeights, OutreachChange, Profile};
use super::record::{impl_record, is_false, live, merge_records, newer, Record, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A social network an executive can be active on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Network {
    Linkedin,
    X,
    Intranet,
    Instagram,
    Youtube,
    Bluesky,
    Mastodon,
    Threads,
    Other,
}

impl Network {
    pub const ALL: [Network; 9] = [
        Network::Linkedin,
        Network::X,
        Network::Intranet,
        Network::Instagram,
        Network::Youtube,
        Network::Bluesky,
        Network::Mastodon,
        Network::Threads,
        Network::Other,
    ];

    /// The name a user knows the network by.
    pub fn label(self) -> &'static str {
        match self {
            Network::Linkedin => "LinkedIn",
            Network::X => "X",
            Network::Intranet => "Internal social intranet",
            Network::Instagram => "Instagram",
            Network::Youtube => "YouTube",
            Network::Bluesky => "Bluesky",
            Network::Mastodon => "Mastodon",
            Network::Threads => "Threads",
            Network::Other => "Other",
        }
    }

    /// The id used in stored data and files (`"linkedin"`, `"x"`, …).
    pub fn key(self) -> &'static str {
        match self {
            Network::Linkedin => "linkedin",
            Network::X => "x",
            Network::Intranet => "intranet",
            Network::Instagram => "instagram",
            Network::Youtube => "youtube",
            Network::Bluesky => "bluesky",
            Network::Mastodon => "mastodon",
            Network::Threads => "threads",
            Network::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Network> {
        Network::ALL.into_iter().find(|n| n.key() == key)
    }
}

/// The programme's own settings, stored as one record whose id is the programme's id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeSettings {
    pub id: Uuid,
    #[serde(with = "rfc3339")]
    pub created_at: Timestamp,
    #[serde(with = "rfc3339")]
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    /// What the user calls the programme, e.g. "Northwind — executive programme 2027".
    pub name: String,
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default, with = "iso::option")]
    pub start_date: Option<NaiveDate>,
    #[serde(default)]
    pub networks: Vec<Network>,
    /// Step 1: the weights of the natural score.
    #[serde(default)]
    pub natural_weights: NaturalWeights,
    /// Step 3: evidence older than this many years is flagged as stale.
    #[serde(default = "default_stale_after_years")]
    pub stale_after_years: u8,
}

/// Evidence older than three years is flagged as stale unless the user chooses otherwise.
pub const DEFAULT_STALE_AFTER_YEARS: u8 = 3;

fn default_stale_after_years() -> u8 {
    DEFAULT_STALE_AFTER_YEARS
}
impl_record!(ProgrammeSettings);

/// An executive on the programme's roster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Executive {
    pub id: Uuid,
    #[serde(with = "rfc3339")]
    pub created_at: Timestamp,
    #[serde(with = "rfc3339")]
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub notes: String,
    /// Has agreed to take part in the programme.
    #[serde(default)]
    pub consent: bool,
    /// Step 1: one profile per network.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<Profile>,
    /// Step 1: willingness to experiment, 1 (reluctant) to 5 (eager); `None` until assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub willingness: Option<u8>,
    /// Step 1: every change of outreach stage, oldest first; the last is the current stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outreach: Vec<OutreachChange>,
    /// Step 2: business goals, in the order the user ranks them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// Step 2: whom the executive wants to reach.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audiences: Vec<Audience>,
    /// Step 2: internal vs external emphasis; `None` until chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emphasis: Option<Emphasis>,
    /// Step 2: three to five content themes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// Step 2: the pitch as the user edited it; `None` while the generated pitch is used as is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pitch: Option<String>,
    /// Step 3: evidence the user put first in this executive's proof pack.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pinned_evidence: Vec<Uuid>,
    /// Step 3: evidence the user left out of this executive's proof pack.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded_evidence: Vec<Uuid>,
}
impl_record!(Executive);

impl Executive {
    pub fn new(name: impl Into<String>, now: Timestamp) -> Self {
        Executive {
            id: Uuid::new_v4(),
            created_at: now,
            updated_at: now,
            deleted: false,
            name: name.into(),
            title: String::new(),
            department: String::new(),
            email: String::new(),
            notes: String::new(),
            consent: false,
            profiles: Vec::new(),
            willingness: None,
            outreach: Vec::new(),
            goals: Vec::new(),
            audiences: Vec::new(),
            emphasis: None,
            themes: Vec::new(),
            pitch: None,
            pinned_evidence: Vec::new(),
            excluded_evidence: Vec::new(),
        }
    }

    fn with_id(mut self, id: Uuid) -> Self {
        self.id = id;
        self
    }
}

/// What a user enters to create a programme.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewProgramme {
    pub name: String,
    pub company: String,
    pub owner: String,
    pub start_date: Option<NaiveDate>,
    pub networks: Vec<Network>,
}

/// One programme: its settings and its collections of records.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub settings: ProgrammeSettings,
    #[serde(default)]
    pub executives: Vec<Executive>,
    /// Step 3: the evidence library.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Step 6: competitions (usually one), with their periods and activity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competitions: Vec<Competition>,
}

impl Programme {
    pub fn new(input: NewProgramme, now: Timestamp) -> Self {
        let name = if input.name.trim().is_empty() {
            input.company.trim().to_string()
        } else {
            input.name.trim().to_string()
        };
        Programme {
            settings: ProgrammeSettings {
                id: Uuid::new_v4(),
                created_at: now,
                updated_at: now,
                deleted: false,
                name,
                company: input.company.trim().to_string(),
                owner: input.owner.trim().to_string(),
                start_date: input.start_date,
                networks: input.networks,
                natural_weights: NaturalWeights::default(),
                stale_after_years: DEFAULT_STALE_AFTER_YEARS,
            },
            executives: Vec::new(),
            evidence: Vec::new(),
            competitions: Vec::new(),
        }
    }

    pub fn id(&self) -> Uuid {
        self.settings.id
    }

    pub fn name(&self) -> &str {
        &self.settings.name
    }

    pub fn is_deleted(&self) -> bool {
        self.settings.deleted
    }

    /// Changes the settings through `edit` and stamps the change.
    pub fn edit_settings(&mut self, now: Timestamp, edit: impl FnOnce(&mut ProgrammeSettings)) {
        let previous = self.settings.updated_at;
        edit(&mut self.settings);
        self.settings.updated_at = after(now, previous);
    }

    /// The executives on the roster (tombstones left out), in roster order.
    pub fn roster(&self) -> impl Iterator<Item = &Executive> {
        live(&self.executives)
    }

    pub fn add_executive(&mut self, executive: Executive) {
        self.executives.push(executive);
    }

    /// Deletes an executive, leaving a tombstone without personal details, and returns the copy from
    /// before the deletion (for undo). `None` if there is no such live executive.
    pub fn delete_executive(&mut self, id: Uuid, now: Timestamp) -> Option<Executive> {
        delete_record(&mut self.executives, id, now)
    }

    /// Undoes [`Programme::delete_executive`]: brings back the copy from before the deletion, stamped
    /// later than the tombstone so that it also wins in a later merge.
    pub fn restore_executive(&mut self, before: Executive, now: Timestamp) {
        restore_record(&mut self.executives, before, now);
    }

    /// The evidence library (tombstones left out), in library order.
    pub fn library(&self) -> impl Iterator<Item = &Evidence> {
        live(&self.evidence)
    }

    /// Changes one evidence item through `edit` and stamps the change; `false` if there is none.
    pub fn edit_evidence(
        &mut self,
        id: Uuid,
        now: Timestamp,
        edit: impl FnOnce(&mut Evidence),
    ) -> bool {
        edit_record(&mut self.evidence, id, now, edit)
    }

    /// Deletes an evidence item (a tombstone is kept) and returns the copy from before, for undo.
    pub fn delete_evidence(&mut self, id: Uuid, now: Timestamp) -> Option<Evidence> {
        delete_record(&mut self.evidence, id, now)
    }

    /// Undoes [`Programme::delete_evidence`], stamped later than the tombstone.
    pub fn restore_evidence(&mut self, before: Evidence, now: Timestamp) {
        restore_record(&mut self.evidence, before, now);
    }

    /// Changes one executive through `edit` and stamps the change; `false` if there is no such executive.
    pub fn edit_executive(
        &mut self,
        id: Uuid,
        now: Timestamp,
        edit: impl FnOnce(&mut Executive),
    ) -> bool {
        edit_record(&mut self.executives, id, now, edit)
    }

    /// A full copy under new ids, named "… (copy)": the copy shares no record with the original, so
    /// editing either never changes the other, also after a merge.
    pub fn duplicate(&self, now: Timestamp) -> Programme {
        let mut copy = self.clone();
        copy.settings.id = Uuid::new_v4();
        copy.settings.created_at = now;
        copy.settings.updated_at = now;
        copy.settings.name = format!("{} (copy)", self.settings.name);
        copy.executives.retain(|e| !e.deleted);
        copy.evidence.retain(|e| !e.deleted);
        // `created_at` is kept on every record: it orders the collections, and the canonical order
        // after a reload or merge (creation time, then id) would otherwise shuffle the copy.
        let mut new_evidence_ids = std::collections::BTreeMap::new();
        for item in &mut copy.evidence {
            let new_id = Uuid::new_v4();
            new_evidence_ids.insert(item.id, new_id);
            item.id = new_id;
            item.updated_at = now;
        }
        let remap = |ids: &mut Vec<Uuid>| {
            ids.retain(|id| new_evidence_ids.contains_key(id));
            for id in ids.iter_mut() {
                *id = new_evidence_ids[id];
            }
        };
        let mut new_executive_ids = std::collections::BTreeMap::new();
        for executive in &mut copy.executives {
            let new_id = Uuid::new_v4();
            new_executive_ids.insert(executive.id, new_id);
            executive.id = new_id;
            executive.updated_at = now;
            remap(&mut executive.pinned_evidence);
            remap(&mut executive.excluded_evidence);
        }
        // Competitions follow their executives: leagues, winners and activity rows point at the
        // copy's executives, so that editing the copy's roster never reaches the original.
        copy.competitions = self
            .competitions
            .iter()
            .filter_map(|c| c.copied(&new_executive_ids, now))
            .collect();
        Competition::sort_all(&mut copy.competitions);
        copy
    }

    /// Merges another copy of the same programme into this one, record by record.
    pub fn merge(&self, other: &Programme) -> Programme {
        Programme {
            settings: newer(&self.settings, &other.settings).clone(),
            executives: merge_records(&self.executives, &other.executives),
            evidence: merge_records(&self.evidence, &other.evidence),
            competitions: merge_competitions(&self.competitions, &other.competitions),
        }
    }

    /// This programme made to hold exactly `target`'s content, as a new edit stamped `now`: records that
    /// differ take `target`'s copy, records `target` lacks become tombstones. Because every change is
    /// stamped now, the result also wins over this programme's current state in any later merge —
    /// which is what "replace with the file's copy" and "undo import" must do across tabs.
    pub fn replaced_by(&self, target: &Programme, now: Timestamp) -> Programme {
        let mut result = target.clone();
        if result.settings != self.settings {
            result.settings.updated_at = after(now, self.settings.updated_at);
        }
        result.executives = restamp(&self.executives, &target.executives, now);
        result.evidence = restamp(&self.evidence, &target.evidence, now);
        result.competitions =
            Competition::replace_all(&self.competitions, &target.competitions, now);
        result.normalise();
        result
    }

    /// Puts every collection in canonical order (as a merge leaves it).
    pub fn normalise(&mut self) {
        super::record::sort_canonically(&mut self.executives);
        super::record::sort_canonically(&mut self.evidence);
        Competition::sort_all(&mut self.competitions);
    }

    /// The competitions that are not deleted, in creation order.
    pub fn live_competitions(&self) -> impl Iterator<Item = &Competition> {
        self.competitions.iter().filter(|c| !c.is_deleted())
    }

    /// The live competition with `id` (a deleted one is gone as far as the user is concerned).
    pub fn competition(&self, id: Uuid) -> Option<&Competition> {
        self.live_competitions().find(|c| c.id() == id)
    }

    /// Runs `f` on the live competition with `id`; `None` if there is none. Not stamped here: each
    /// of [`Competition`]'s own methods stamps exactly what it changes (settings, one period record,
    /// one activity row), so that a merge keeps two people's edits of different rows.
    pub fn edit_competition<R>(
        &mut self,
        id: Uuid,
        f: impl FnOnce(&mut Competition) -> R,
    ) -> Option<R> {
        self.competitions
            .iter_mut()
            .find(|c| c.id() == id && !c.is_deleted())
            .map(f)
    }

    pub fn add_competition(&mut self, competition: Competition) {
        self.competitions.push(competition);
    }

    /// Deletes a competition, leaving its tombstone ([`Competition::tombstone`]), and returns the
    /// copy from before the deletion (for undo). `None` if there is no such live competition.
    pub fn delete_competition(&mut self, id: Uuid, now: Timestamp) -> Option<Competition> {
        let slot = self
            .competitions
            .iter_mut()
            .find(|c| c.id() == id && !c.is_deleted())?;
        let before = slot.clone();
        let at = after(now, before.settings.updated_at);
        *slot = before.clone().tombstone(at);
        Some(before)
    }

    /// Undoes [`Programme::delete_competition`]: the copy from before comes back with its settings,
    /// period records and rows stamped later than the tombstone's (which emptied each of them), so
    /// that the undo also wins in a later merge.
    pub fn restore_competition(&mut self, mut before: Competition, now: Timestamp) {
        let id = before.id();
        let tombstone_at = self
            .competitions
            .iter()
            .filter(|c| c.id() == id)
            .flat_map(|c| {
                std::iter::once(c.settings.updated_at)
                    .chain(c.periods.iter().map(|r| r.updated_at))
                    .chain(c.activity.iter().map(|r| r.updated_at))
            })
            .max()
            .unwrap_or(now);
        let at = after(now, tombstone_at);
        before.settings.deleted = false;
        before.settings.updated_at = at;
        for record in &mut before.periods {
            record.updated_at = at;
        }
        for row in &mut before.activity {
            row.updated_at = at;
        }
        match self.competitions.iter_mut().find(|c| c.id() == id) {
            Some(slot) => *slot = before,
            None => self.competitions.push(before),
        }
    }
}

/// All programmes in this browser, and which one is open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workspace {
    /// Every programme, tombstones included, in creation order.
    pub programmes: Vec<Programme>,
    /// The programme the user is working on.
    pub current: Option<Uuid>,
}

impl Workspace {
    /// Programmes that are not deleted, in creation order.
    pub fn live_programmes(&self) -> impl Iterator<Item = &Programme> {
        self.programmes.iter().filter(|p| !p.is_deleted())
    }

    pub fn get(&self, id: Uuid) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.id() == id)
    }

    pub fn get_mut(&mut self, id: Uuid) -> Option<&mut Programme> {
        self.programmes.iter_mut().find(|p| p.id() == id)
    }

    /// The open programme, or else the first live one.
    pub fn current_programme(&self) -> Option<&Programme> {
        self.current
            .and_then(|id| self.get(id))
            .filter(|p| !p.is_deleted())
            .or_else(|| self.live_programmes().next())
    }

    pub fn current_id(&self) -> Option<Uuid> {
        self.current_programme().map(Programme::id)
    }

    /// Adds a programme and opens it.
    pub fn add(&mut self, programme: Programme) -> Uuid {
        let id = programme.id();
        self.programmes.push(programme);
        self.current = Some(id);
        id
    }

    /// Opens a live programme; `false` if there is none with that id.
    pub fn open(&mut self, id: Uuid) -> bool {
        let exists = self.get(id).is_some_and(|p| !p.is_deleted());
        if exists {
            self.current = Some(id);
        }
        exists
    }

    /// Deletes a programme, keeping a tombstone, and returns the copy from before the deletion so that
    /// it can be restored (undo). The open programme moves to the next live one.
    pub fn delete(&mut self, id: Uuid, now: Timestamp) -> Option<Programme> {
        let programme = self.get_mut(id)?;
        if programme.is_deleted() {
            return None;
        }
        let before = programme.clone();
        programme.edit_settings(now, |s| s.deleted = true);
        if self.current == Some(id) {
            let next = self.live_programmes().next().map(Programme::id);
            self.current = next;
        }
        Some(before)
    }

    /// Undoes a deletion: brings back the copy from before it, stamped now so that it also wins over
    /// the tombstone in a later merge.
    pub fn restore(&mut self, mut before: Programme, now: Timestamp) {
        let id = before.id();
        let tombstone_at = self.get(id).map_or(now, |p| p.settings.updated_at);
        before.settings.deleted = false;
        before.settings.updated_at = after(now, tombstone_at);
        match self.get_mut(id) {
            Some(slot) => *slot = before,
            None => self.programmes.push(before),
        }
        self.current = Some(id);
    }

    /// Merges the given programmes in: programmes with a known id are merged record by record, new
    /// ones are added. Returns the ids of the programmes that changed.
    pub fn merge_programmes(&mut self, incoming: &[Programme]) -> Vec<Uuid> {
        let mut changed = Vec::new();
        for theirs in incoming {
            match self.get_mut(theirs.id()) {
                Some(ours) => {
                    let merged = ours.merge(theirs);
                    if merged != *ours {
                        *ours = merged;
                        changed.push(theirs.id());
                    }
                }
                None => {
                    let mut added = theirs.clone();
                    added.normalise();
                    self.programmes.push(added);
                    changed.push(theirs.id());
                }
            }
        }
        self.sort();
        changed
    }

    /// Makes the programmes hold exactly the given copies' content where the ids match (as a new edit
    /// stamped `now`, see [`Programme::replaced_by`]), and adds the others. Programmes not in
    /// `incoming` are left as they are.
    pub fn replace_programmes(&mut self, incoming: &[Programme], now: Timestamp) -> Vec<Uuid> {
        for theirs in incoming {
            match self.get_mut(theirs.id()) {
                Some(ours) => *ours = ours.replaced_by(theirs, now),
                None => {
                    let mut added = theirs.clone();
                    added.normalise();
                    self.programmes.push(added);
                }
            }
        }
        self.sort();
        incoming.iter().map(Programme::id).collect()
    }

    /// Puts the programmes in canonical order: by creation time, then id.
    pub fn sort(&mut self) {
        self.programmes
            .sort_by_key(|p| (p.settings.created_at(), p.id()));
    }
}

/// `target`'s records, with every one that differs from `current`'s copy stamped `now`, plus
/// tombstones for records of `current` that `target` lacks (existing tombstones are kept as they are).
fn restamp<T: Record + PartialEq + Stampable>(
    current: &[T],
    target: &[T],
    now: Timestamp,
) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(target.len());
    for record in target {
        match current.iter().find(|c| c.id() == record.id()) {
            Some(same) if same == record => out.push(record.clone()),
            Some(old) => out.push(record.clone().stamped(after(now, old.updated_at()))),
            None => out.push(record.clone()),
        }
    }
    for old in current {
        if !target.iter().any(|t| t.id() == old.id()) {
            if old.is_deleted() {
                // Keep the tombstone, or an older live copy elsewhere could come back in a merge.
                out.push(old.clone());
            } else {
                out.push(old.clone().tombstone(after(now, old.updated_at())));
            }
        }
    }
    out
}

/// Records whose edit time and deletion flag can be set.
pub trait Stampable: Record {
    /// Marks the record as changed at `at`.
    fn touch(&mut self, at: Timestamp);
    /// The tombstone that replaces the record when it is deleted at `at`.
    fn tombstone(self, at: Timestamp) -> Self;
    /// Clears the deletion flag (undo), marking the record as changed at `at`.
    fn revive(&mut self, at: Timestamp);

    fn stamped(mut self, at: Timestamp) -> Self {
        self.touch(at);
        self
    }
}

/// Changes the record with `id` through `edit` and stamps the change; `false` if there is none.
fn edit_record<T: Stampable>(
    records: &mut [T],
    id: Uuid,
    now: Timestamp,
    edit: impl FnOnce(&mut T),
) -> bool {
    match records.iter_mut().find(|r| r.id() == id) {
        Some(record) => {
            let previous = record.updated_at();
            edit(record);
            record.touch(after(now, previous));
            true
        }
        None => false,
    }
}

/// Replaces the live record with `id` by its tombstone and returns the copy from before (for undo).
fn delete_record<T: Stampable>(records: &mut [T], id: Uuid, now: Timestamp) -> Option<T> {
    let slot = records
        .iter_mut()
        .find(|r| r.id() == id && !r.is_deleted())?;
    let before = slot.clone();
    *slot = before.clone().tombstone(after(now, before.updated_at()));
    Some(before)
}

/// Undoes [`delete_record`]: the copy from before comes back, stamped later than its tombstone so
/// that it also wins in a later merge.
fn restore_record<T: Stampable>(records: &mut Vec<T>, mut before: T, now: Timestamp) {
    let tombstone_at = records
        .iter()
        .find(|r| r.id() == before.id())
        .map_or(now, |r| r.updated_at());
    before.revive(after(now, tombstone_at));
    match records.iter_mut().find(|r| r.id() == before.id()) {
        Some(slot) => *slot = before,
        None => records.push(before),
    }
}

impl Stampable for Executive {
    fn touch(&mut self, at: Timestamp) {
        self.updated_at = at;
    }
    fn revive(&mut self, at: Timestamp) {
        self.deleted = false;
        self.updated_at = at;
    }
    /// A deleted executive keeps only what a merge needs: personal details do not linger in storage
    /// and backups (undo works from the copy taken before the deletion).
    fn tombstone(self, at: Timestamp) -> Self {
        Executive {
            updated_at: at,
            deleted: true,
            ..Executive::new(DELETED_EXECUTIVE_NAME, self.created_at).with_id(self.id)
        }
    }
}

/// The name a deleted executive's tombstone carries instead of the person's.
pub const DELETED_EXECUTIVE_NAME: &str = "Deleted executive";

/// `now`, or just after `previous` when the clock says otherwise (another device's clock ran ahead):
/// a new edit must always be later than what it replaces.
pub(crate) fn after(now: Timestamp, previous: Timestamp) -> Timestamp {
    if now > previous {
        now
    } else {
        // `checked_`: a file may carry the latest time a timestamp can hold; adding to it must not
        // panic (a panic kills the app). The edit then ties, and the merge rule still decides.
        previous
            .checked_add_signed(chrono::Duration::milliseconds(1))
            .unwrap_or(previous)
    }
}

impl Stampable for Evidence {
    fn touch(&mut self, at: Timestamp) {
        self.updated_at = at;
    }
    fn revive(&mut self, at: Timestamp) {
        self.deleted = false;
        self.updated_at = at;
    }
    fn tombstone(mut self, at: Timestamp) -> Self {
        self.updated_at = at;
        self.deleted = true;
        self
    }
}
