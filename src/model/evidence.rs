//! Step 3 — Provide the proof: the evidence library (published figures and in-house results), the
//! stale rule, the starter library, and evidence matched to each executive's goals.

use super::dates::rfc3339;
use super::goals::{goals_status, tidy, Audience, Emphasis, GoalKind, GoalsReadiness};
use super::programme::{Executive, Programme};
use super::record::{impl_record, is_false, sort_canonically, Timestamp};
use super::templates;
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use uuid::Uuid;

/// Whether a figure speaks to the outside world, the inside of the company, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Internal,
    External,
}

/// Where a piece of evidence comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Origin {
    /// A published figure the user added.
    Published,
    /// A result from the company's own programme ("our CTO's post got 3× the brand page's engagement").
    InHouse,
    /// From the starter library shipped with the app (its item number there): "published — verify
    /// before use".
    Starter { number: u32 },
}

/// One item of the evidence library (a record of the programme).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub id: Uuid,
    #[serde(with = "rfc3339")]
    pub created_at: Timestamp,
    #[serde(with = "rfc3339")]
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    pub title: String,
    #[serde(default)]
    pub claim: String,
    /// The figure itself, as the source states it ("2x", "76%").
    #[serde(default)]
    pub figure: String,
    #[serde(default)]
    pub source_name: String,
    #[serde(default)]
    pub source_url: String,
    /// When the source was published: `2016`, `2016-03` or `2016-03-14`; empty when undated.
    #[serde(default)]
    pub published: String,
    pub origin: Origin,
    #[serde(default)]
    pub scopes: Vec<Scope>,
    #[serde(default)]
    pub goals: Vec<GoalKind>,
    #[serde(default)]
    pub audiences: Vec<Audience>,
    /// Free tags such as an industry ("financial services") or a theme ("trust").
    #[serde(default)]
    pub tags: Vec<String>,
    /// The source's own words, for the sceptical reader.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// What the figure does not say (sample, sponsor, age…). Shown wherever the figure is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caveats: String,
}
impl_record!(Evidence);

impl Scope {
    pub const ALL: [Scope; 2] = [Scope::Internal, Scope::External];

    pub fn label(self) -> &'static str {
        match self {
            Scope::Internal => "Internal",
            Scope::External => "External",
        }
    }

    /// The id used in stored data and files (`"internal"`, `"external"`) — the serde name, and the
    /// word the match reasons use.
    pub fn key(self) -> &'static str {
        match self {
            Scope::Internal => "internal",
            Scope::External => "external",
        }
    }
}

impl Origin {
    /// What the user sees next to the item.
    pub fn label(&self) -> &'static str {
        match self {
            Origin::Published => "Published",
            Origin::InHouse => "In-house result",
            Origin::Starter { .. } => "Starter library — published, verify before use",
        }
    }
}

impl Evidence {
    /// A new, empty item of the given origin.
    pub fn new(title: impl Into<String>, origin: Origin, now: Timestamp) -> Self {
        Evidence {
            id: Uuid::new_v4(),
            created_at: now,
            updated_at: now,
            deleted: false,
            title: title.into(),
            claim: String::new(),
            figure: String::new(),
            source_name: String::new(),
            source_url: String::new(),
            published: String::new(),
            origin,
            scopes: Vec::new(),
            goals: Vec::new(),
            audiences: Vec::new(),
            tags: Vec::new(),
            quote: String::new(),
            caveats: String::new(),
        }
    }
}

// --- Publication dates and the stale rule ------------------------------------------------------

/// A publication date as precise as the source gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Published {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl Published {
    /// The last day of the period: 31 December for a year, the month's last day for a month.
    pub fn last_day(self) -> NaiveDate {
        match self {
            Published::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
            Published::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1)
                .and_then(|first| first.checked_add_months(Months::new(1)))
                .and_then(|next| next.pred_opt()),
            Published::Day(d) => Some(d),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    pub fn year(self) -> i32 {
        match self {
            Published::Year(y) | Published::Month(y, _) => y,
            Published::Day(d) => d.year(),
        }
    }
}

/// Reads a publication date: `2016`, `2016-03` or `2016-03-14` (four-digit years, surrounding
/// spaces allowed). `Ok(None)` when blank (undated); an error in plain words otherwise.
pub fn parse_published(text: &str) -> Result<Option<Published>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let invalid = || format!("“{text}” is not a date like 2016, 2016-03 or 2016-03-14.");
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y] if digits(y, 4) => Ok(Some(Published::Year(y.parse().map_err(|_| invalid())?))),
        [y, m] if digits(y, 4) && digits(m, 2) => {
            let (year, month) = (
                y.parse().map_err(|_| invalid())?,
                m.parse().map_err(|_| invalid())?,
            );
            NaiveDate::from_ymd_opt(year, month, 1)
                .map(|_| Some(Published::Month(year, month)))
                .ok_or_else(invalid)
        }
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            super::dates::parse_iso_date(text)
                .map(|date| Some(Published::Day(date)))
                .ok_or_else(invalid)
        }
        _ => Err(invalid()),
    }
}

/// The item's publication period, if it has a readable one.
pub fn published_period(evidence: &Evidence) -> Option<Published> {
    parse_published(&evidence.published).ok().flatten()
}

/// The LAST day the source can have been published: the day itself for `2016-03-14`, 31 March for
/// `2016-03`, 31 December for `2016`. `None` when undated or unreadable. This is the date the stale
/// rule counts from — a figure is never called stale before it can possibly be that old.
pub fn published_on(evidence: &Evidence) -> Option<NaiveDate> {
    published_period(evidence).map(Published::last_day)
}

/// The year of publication, if dated.
pub fn published_year(evidence: &Evidence) -> Option<i32> {
    published_period(evidence).map(Published::year)
}

/// No readable publication date: blank, or text the app cannot read as a date. Such an item is never
/// stale; the library shows it as undated so that the user can check it.
pub fn is_undated(evidence: &Evidence) -> bool {
    published_period(evidence).is_none()
}

/// **The stale rule.** An item is stale when it is *more than* `stale_after_years` years old on
/// `today`, counting from [`published_on`] (the last day of the published period): with 3 years, a
/// figure published on 2021-01-31 is fresh up to and including 2024-01-31 and stale from 2024-02-01;
/// one published "2021" is fresh through 2024-12-31. An anniversary that falls on a 29 February in a
/// common year is 28 February. Undated items are never stale (see [`is_undated`]), nor are items
/// dated after `today`. `stale_after_years == 0` turns the flag off.
pub fn is_stale(evidence: &Evidence, today: NaiveDate, stale_after_years: u8) -> bool {
    if stale_after_years == 0 {
        return false;
    }
    let Some(end) = published_on(evidence) else {
        return false;
    };
    match end.checked_add_months(Months::new(12 * u32::from(stale_after_years))) {
        Some(anniversary) => today > anniversary,
        None => false,
    }
}

// --- Matching evidence to an executive -----------------------------------------------------------

/// Points for each of the executive's goals an item speaks to: goals weigh most …
pub const GOAL_POINTS: u32 = 100;
/// … then each of their audiences (seven audiences together still weigh less than one goal) …
pub const AUDIENCE_POINTS: u32 = 10;
/// … then a scope that fits their internal/external emphasis (less than one audience).
pub const SCOPE_POINTS: u32 = 4;
/// A small bonus for the company's own results, which persuade best (less than a scope match).
pub const IN_HOUSE_POINTS: u32 = 2;
/// Taken off a stale item that matches (it keeps at least 1 point, so it stays in the list).
pub const STALE_PENALTY: u32 = 5;

/// One item of the library as it fits one executive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceMatch {
    pub id: Uuid,
    pub score: u32,
    /// Why it is listed, e.g. `["matches: recruit talent, candidates, external", "stale (2016)"]`.
    pub reasons: Vec<String>,
    pub pinned: bool,
    pub stale: bool,
}

/// The evidence for one executive's proof pack, best first.
///
/// - Only live items; items the executive excluded never appear (also when pinned).
/// - Pinned items come first, in the order they were pinned.
/// - The others are ranked by score: [`GOAL_POINTS`] per goal of the executive the item names,
///   [`AUDIENCE_POINTS`] per audience, [`SCOPE_POINTS`] when a scope fits the emphasis (internal →
///   internal, external → external, balanced → either; none when no emphasis is chosen),
///   [`IN_HOUSE_POINTS`] for an in-house result that matches, minus [`STALE_PENALTY`] when stale
///   (never below 1). Items that match nothing (score 0) are left out.
/// - Ties: newer publication first (undated last), then title, then id — so the order never depends
///   on the library's order.
pub fn matched_evidence(
    executive: &Executive,
    library: &[Evidence],
    today: NaiveDate,
    stale_after_years: u8,
) -> Vec<EvidenceMatch> {
    let excluded: BTreeSet<Uuid> = executive.excluded_evidence.iter().copied().collect();
    let live = |id: &Uuid| library.iter().find(|e| !e.deleted && e.id == *id);
    let mut pinned_seen = BTreeSet::new();
    let mut pinned: Vec<EvidenceMatch> = Vec::new();
    for id in &executive.pinned_evidence {
        if excluded.contains(id) || !pinned_seen.insert(*id) {
            continue;
        }
        if let Some(item) = live(id) {
            let mut found = assess(executive, item, today, stale_after_years);
            found.pinned = true;
            found.reasons.insert(0, templates::pinned_reason());
            pinned.push(found);
        }
    }
    let mut ranked: Vec<(EvidenceMatch, &Evidence)> = library
        .iter()
        .filter(|e| !e.deleted && !excluded.contains(&e.id) && !pinned_seen.contains(&e.id))
        .map(|e| (assess(executive, e, today, stale_after_years), e))
        .filter(|(m, _)| m.score > 0)
        .collect();
    ranked.sort_by(|(ma, a), (mb, b)| {
        mb.score
            .cmp(&ma.score)
            .then_with(|| published_on(b).cmp(&published_on(a)))
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.id.cmp(&b.id))
            // Same id twice (a file not yet repaired): still one fixed order.
            .then_with(|| {
                let ja = serde_json::to_string(a).unwrap_or_default();
                let jb = serde_json::to_string(b).unwrap_or_default();
                ja.cmp(&jb)
            })
    });
    let mut seen = BTreeSet::new();
    pinned
        .into_iter()
        .chain(
            ranked
                .into_iter()
                .map(|(m, _)| m)
                .filter(|m| seen.insert(m.id)),
        )
        .collect()
}

/// Scores one item for one executive and says why.
fn assess(
    executive: &Executive,
    item: &Evidence,
    today: NaiveDate,
    stale_after_years: u8,
) -> EvidenceMatch {
    let mut matched: Vec<&'static str> = Vec::new();
    let mut relevance = 0;
    let mut goal_kinds: Vec<GoalKind> = Vec::new();
    for goal in &executive.goals {
        if goal.kind != GoalKind::Custom
            && !goal_kinds.contains(&goal.kind)
            && item.goals.contains(&goal.kind)
        {
            goal_kinds.push(goal.kind);
            relevance += GOAL_POINTS;
            matched.push(goal.kind.label());
        }
    }
    let mut audiences: Vec<Audience> = Vec::new();
    for audience in &executive.audiences {
        if !audiences.contains(audience) && item.audiences.contains(audience) {
            audiences.push(*audience);
            relevance += AUDIENCE_POINTS;
            matched.push(audience.label());
        }
    }
    let fitting: &[Scope] = match executive.emphasis {
        Some(Emphasis::Internal) => &[Scope::Internal],
        Some(Emphasis::External) => &[Scope::External],
        Some(Emphasis::Balanced) => &Scope::ALL,
        None => &[],
    };
    let scopes: Vec<Scope> = fitting
        .iter()
        .copied()
        .filter(|s| item.scopes.contains(s))
        .collect();
    if !scopes.is_empty() {
        relevance += SCOPE_POINTS;
        matched.extend(scopes.iter().map(|s| s.key()));
    }
    let stale = is_stale(item, today, stale_after_years);
    let mut reasons = Vec::new();
    let mut score = relevance;
    if relevance > 0 {
        reasons.push(templates::match_reason(&matched));
        if item.origin == Origin::InHouse {
            score += IN_HOUSE_POINTS;
            reasons.push(templates::in_house_reason());
        }
        if stale {
            score = score.saturating_sub(STALE_PENALTY).max(1);
        }
    }
    if stale {
        reasons.push(templates::stale_reason(published_year(item)));
    }
    EvidenceMatch {
        id: item.id,
        score,
        reasons,
        pinned: false,
        stale,
    }
}

/// Whether an item speaks to the executive's goals or audiences — a match of substance, not only of
/// scope.
pub fn speaks_to(executive: &Executive, item: &Evidence) -> bool {
    executive
        .goals
        .iter()
        .any(|g| g.kind != GoalKind::Custom && item.goals.contains(&g.kind))
        || executive
            .audiences
            .iter()
            .any(|a| item.audiences.contains(a))
}

/// The evidence in an executive's proof pack, best first: pinned items (in pin order), then items
/// that speak to the executive's goals or audiences ([`speaks_to`]) — current ones before stale ones
/// (which the pack flags), each in [`matched_evidence`] order. Items matching only by scope are left
/// out: the pack argues from the executive's own goals.
pub fn evidence_for_pack<'a>(
    executive: &Executive,
    library: &'a [Evidence],
    today: NaiveDate,
    stale_after_years: u8,
) -> Vec<&'a Evidence> {
    let matches = matched_evidence(executive, library, today, stale_after_years);
    let item = |m: &EvidenceMatch| library.iter().find(|e| e.id == m.id && !e.deleted);
    let pinned = matches.iter().filter(|m| m.pinned).filter_map(item);
    let relevant: Vec<(&EvidenceMatch, &Evidence)> = matches
        .iter()
        .filter(|m| !m.pinned)
        .filter_map(|m| item(m).map(|e| (m, e)))
        .filter(|(_, e)| speaks_to(executive, e))
        .collect();
    let current = relevant.iter().filter(|(m, _)| !m.stale).map(|(_, e)| *e);
    let stale = relevant.iter().filter(|(m, _)| m.stale).map(|(_, e)| *e);
    pinned.chain(current).chain(stale).collect()
}

/// The evidence the pitch cites: the proof pack's items ([`evidence_for_pack`]) without stale ones,
/// unless the user pinned them — a pitch must not present an old figure as current. Pass the result
/// to [`templates::pitch`], which cites the first three.
pub fn evidence_for_pitch<'a>(
    executive: &Executive,
    library: &'a [Evidence],
    today: NaiveDate,
    stale_after_years: u8,
) -> Vec<&'a Evidence> {
    evidence_for_pack(executive, library, today, stale_after_years)
        .into_iter()
        .filter(|e| {
            executive.pinned_evidence.contains(&e.id) || !is_stale(e, today, stale_after_years)
        })
        .collect()
}

/// How far an executive's proof pack is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProofReadiness {
    /// No goals, audiences or emphasis yet, and nothing pinned: nothing to match.
    NotStarted,
    /// Something to match on, but not yet a complete pack.
    InProgress,
    /// The pitch is ready ([`GoalsReadiness::Ready`]) and at least [`PROOF_PACK_MIN_ITEMS`] items
    /// that are not stale are pinned or speak to the executive's goals or audiences
    /// ([`speaks_to`]; a match by scope alone does not count).
    Ready,
}

/// A proof pack needs at least this many current (not stale) items.
pub const PROOF_PACK_MIN_ITEMS: usize = 2;

/// Where the executive's proof pack stands (Step 3).
pub fn proof_status(
    executive: &Executive,
    library: &[Evidence],
    today: NaiveDate,
    stale_after_years: u8,
) -> ProofReadiness {
    let matches = matched_evidence(executive, library, today, stale_after_years);
    let live: std::collections::BTreeMap<Uuid, &Evidence> = library
        .iter()
        .filter(|e| !e.deleted)
        .map(|e| (e.id, e))
        .collect();
    let current = matches
        .iter()
        .filter(|m| !m.stale)
        .filter(|m| m.pinned || live.get(&m.id).is_some_and(|e| speaks_to(executive, e)))
        .count();
    let goals = goals_status(executive);
    if goals == GoalsReadiness::Ready && current >= PROOF_PACK_MIN_ITEMS {
        ProofReadiness::Ready
    } else if goals != GoalsReadiness::NotStarted || !matches.is_empty() {
        ProofReadiness::InProgress
    } else {
        ProofReadiness::NotStarted
    }
}

// --- Search and filter ---------------------------------------------------------------------------

/// Every tag a user can filter the library by, for the filter list: the scope keys (`internal`,
/// `external`), goal labels, audience labels (in catalogue order), then free tags (alphabetically,
/// ignoring case; the first spelling met is kept). Only tags some live item carries.
pub fn library_tags(library: &[Evidence]) -> Vec<String> {
    let live: Vec<&Evidence> = library.iter().filter(|e| !e.deleted).collect();
    let mut tags: Vec<String> = Vec::new();
    for scope in Scope::ALL {
        if live.iter().any(|e| e.scopes.contains(&scope)) {
            tags.push(scope.label().to_string());
        }
    }
    for goal in GoalKind::CATALOGUE.into_iter().chain([GoalKind::Custom]) {
        if live.iter().any(|e| e.goals.contains(&goal)) {
            tags.push(goal.label().to_string());
        }
    }
    for audience in Audience::ALL {
        if live.iter().any(|e| e.audiences.contains(&audience)) {
            tags.push(audience.label().to_string());
        }
    }
    let mut free: Vec<String> = Vec::new();
    for tag in live.iter().flat_map(|e| e.tags.iter()) {
        let tag = tidy(tag);
        let lower = tag.to_lowercase();
        if !tag.is_empty()
            && !tags
                .iter()
                .chain(free.iter())
                .any(|t| t.to_lowercase() == lower)
        {
            free.push(tag);
        }
    }
    free.sort_by_key(|t| t.to_lowercase());
    tags.extend(free);
    tags
}

/// Whether an item carries `tag` — a scope key, goal label or key, audience label or key, or a free
/// tag — ignoring case.
pub fn has_tag(evidence: &Evidence, tag: &str) -> bool {
    let tag = tidy(tag).to_lowercase();
    let same = |s: &str| s.to_lowercase() == tag;
    evidence
        .scopes
        .iter()
        .any(|s| same(s.key()) || same(s.label()))
        || evidence
            .goals
            .iter()
            .any(|g| same(g.label()) || same(g.key()))
        || evidence
            .audiences
            .iter()
            .any(|a| same(a.label()) || same(a.key()))
        || evidence.tags.iter().any(|t| same(&tidy(t)))
}

/// The library's search and tag filter: every word of `query` must appear (ignoring case) in the
/// title, claim, figure, source name or a tag; and the item must carry `tag` when one is chosen.
/// A blank query matches everything.
pub fn matches_filter(evidence: &Evidence, query: &str, tag: Option<&str>) -> bool {
    if let Some(tag) = tag.filter(|t| !t.trim().is_empty()) {
        if !has_tag(evidence, tag) {
            return false;
        }
    }
    let mut haystack = [
        evidence.title.as_str(),
        &evidence.claim,
        &evidence.figure,
        &evidence.source_name,
    ]
    .join("\n");
    for tag in evidence
        .scopes
        .iter()
        .map(|s| s.label())
        .chain(evidence.goals.iter().map(|g| g.label()))
        .chain(evidence.audiences.iter().map(|a| a.label()))
        .chain(evidence.tags.iter().map(String::as_str))
    {
        haystack.push('\n');
        haystack.push_str(tag);
    }
    let haystack = haystack.to_lowercase();
    query
        .split_whitespace()
        .all(|word| haystack.contains(&word.to_lowercase()))
}

// --- The starter library -------------------------------------------------------------------------

/// The starter library as shipped: `data/evidence-starter.json`, an exact copy of the JSON array in
/// the research note that checked each figure against its source's own words.
const STARTER_JSON: &str = include_str!("../../data/evidence-starter.json");

/// The confidence of a figure quoted from its publisher's own page or document. Any other value
/// (`as-reported-by-<who>`) means the figure was only found second-hand.
pub const CONFIRMED_FROM_SOURCE: &str = "confirmed-from-source";

/// One item of `data/evidence-starter.json`, as written there.
#[derive(Clone, Debug, Deserialize)]
pub struct StarterItem {
    pub id: u32,
    pub title: String,
    pub claim: String,
    pub figure: String,
    pub source_name: String,
    pub source_url: String,
    /// `null` where the source is undated.
    pub published: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub confidence: String,
    #[serde(default)]
    pub notes: String,
}

/// The starter items as shipped, in file order; empty (never a panic) if the file were unreadable —
/// the tests make sure it is not.
pub fn starter_items() -> Vec<StarterItem> {
    serde_json::from_str(STARTER_JSON).unwrap_or_default()
}

/// How a tag of the starter file becomes the library's scopes, goals, audiences and free tags.
/// Faithful rather than generous: a tag maps to a goal or audience only when the items carrying it
/// are about that goal or audience.
///
/// | starter tag | becomes |
/// |---|---|
/// | `external` | scope External |
/// | `internal` | scope Internal |
/// | `recruiting` | goal Recruit talent + audience Candidates |
/// | `sales` | goal Win deals + audience Prospects |
/// | `thought-leadership` | goal Thought leadership |
/// | `employees` | free tag `employees`; plus audience Employees when the item is also `internal` (employees as the audience — items 7, 8, 15 — not employees as voices, items 1, 2, 6) |
/// | `awareness`, `trust`, `ceo`, any other | free tag as written |
pub struct StarterTags {
    pub scopes: Vec<Scope>,
    pub goals: Vec<GoalKind>,
    pub audiences: Vec<Audience>,
    pub tags: Vec<String>,
}

/// Applies the mapping table of [`StarterTags`] to one item's tags.
pub fn map_starter_tags(tags: &[String]) -> StarterTags {
    let mut out = StarterTags {
        scopes: Vec::new(),
        goals: Vec::new(),
        audiences: Vec::new(),
        tags: Vec::new(),
    };
    fn add<T: PartialEq>(list: &mut Vec<T>, value: T) {
        if !list.contains(&value) {
            list.push(value);
        }
    }
    let internal = tags.iter().any(|t| t == "internal");
    for tag in tags {
        match tag.as_str() {
            "external" => add(&mut out.scopes, Scope::External),
            "internal" => add(&mut out.scopes, Scope::Internal),
            "recruiting" => {
                add(&mut out.goals, GoalKind::RecruitTalent);
                add(&mut out.audiences, Audience::Candidates);
            }
            "sales" => {
                add(&mut out.goals, GoalKind::WinDeals);
                add(&mut out.audiences, Audience::Prospects);
            }
            "thought-leadership" => add(&mut out.goals, GoalKind::ThoughtLeadership),
            "employees" => {
                add(&mut out.tags, tag.clone());
                if internal {
                    add(&mut out.audiences, Audience::Employees);
                }
            }
            _ => add(&mut out.tags, tag.clone()),
        }
    }
    out
}

/// The starter library as evidence records, created `now`, `now` + 1 ms, … (so that they keep the
/// file's order), marked [`Origin::Starter`]. Figures, claims, quotes and sources are taken as they
/// are; the notes become the caveats, prefixed with who reported the figure when it was not
/// confirmed from its source. Ids are fixed per item number (see [`load_starter`] for the ids a
/// programme uses).
pub fn starter_evidence(now: Timestamp) -> Vec<Evidence> {
    starter_items()
        .into_iter()
        .enumerate()
        .map(|(i, item)| starter_record(item, Uuid::nil(), later(now, i as i64)))
        .collect()
}

fn starter_record(item: StarterItem, programme: Uuid, at: Timestamp) -> Evidence {
    let mapped = map_starter_tags(&item.tags);
    let caveats = match item.confidence.as_str() {
        CONFIRMED_FROM_SOURCE | "" => item.notes,
        other => {
            let reporter = other.strip_prefix("as-reported-by-").unwrap_or(other);
            templates::second_hand_caveat(reporter, &item.notes)
        }
    };
    Evidence {
        id: starter_id(programme, item.id),
        created_at: at,
        updated_at: at,
        deleted: false,
        title: item.title,
        claim: item.claim,
        figure: item.figure,
        source_name: item.source_name,
        source_url: item.source_url,
        published: item.published.unwrap_or_default(),
        origin: Origin::Starter { number: item.id },
        scopes: mapped.scopes,
        goals: mapped.goals,
        audiences: mapped.audiences,
        tags: mapped.tags,
        quote: item.quote,
        caveats,
    }
}

/// The id of starter item `number` in a programme: the same in every browser that loads it into the
/// same programme, so that two colleagues who each load the starter library and later merge their
/// files get each item once, not twice. Shaped as a version 4 UUID.
pub fn starter_id(programme: Uuid, number: u32) -> Uuid {
    const STARTER: u128 = 0x5354_4152_5445_5200_0000_0000_0000_0000; // "STARTER"
    const MIX: u128 = 0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835;
    let bits = programme.as_u128() ^ STARTER ^ u128::from(number).wrapping_mul(MIX);
    uuid::Builder::from_random_bytes(bits.to_be_bytes()).into_uuid()
}

/// Adds the starter items the programme does not hold yet (judged by starter number, among live
/// items) and returns how many were added. Loading twice adds nothing the second time; an item the
/// user deleted comes back (its tombstone is revived, stamped later, so that the revival also wins
/// in a merge).
pub fn load_starter(programme: &mut Programme, now: Timestamp) -> usize {
    let present: BTreeSet<u32> = programme
        .evidence
        .iter()
        .filter(|e| !e.deleted)
        .filter_map(|e| match e.origin {
            Origin::Starter { number } => Some(number),
            _ => None,
        })
        .collect();
    let programme_id = programme.id();
    let mut added = 0;
    for item in starter_items() {
        if present.contains(&item.id) {
            continue;
        }
        let at = later(now, added as i64);
        let mut record = starter_record(item, programme_id, at);
        match programme.evidence.iter_mut().find(|e| e.id == record.id) {
            Some(existing) if existing.deleted => {
                if existing.updated_at >= record.updated_at {
                    record.updated_at = later(existing.updated_at, 1);
                }
                *existing = record;
            }
            // A live record with this id that is not this starter item (edited by hand in a file):
            // leave it alone rather than write a second record with the same id.
            Some(_) => continue,
            None => programme.evidence.push(record),
        }
        added += 1;
    }
    sort_canonically(&mut programme.evidence);
    added
}

/// `at` plus `millis` milliseconds, or `at` itself at the very end of time.
fn later(at: Timestamp, millis: i64) -> Timestamp {
    at.checked_add_signed(chrono::Duration::milliseconds(millis))
        .unwrap_or(at)
}
