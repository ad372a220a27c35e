//! Builders and proptest strategies shared by the native integration tests.
//!
//! Each test binary uses a different part of this module, hence the `dead_code` allowance.
#![allow(dead_code)]

pub mod timing;

use chrono::NaiveDate;
use exec_social_playbook::io::BackupFile;
use exec_social_playbook::model::competition::{
    ActivityRow, Competition, CompetitionSettings, Kpi, KpiKind, PeriodAction, PeriodEvent,
    PeriodKind, PeriodRecord, Rules, ScoringMode,
};
use exec_social_playbook::model::evidence::{Evidence, Origin, Scope};
use exec_social_playbook::model::goals::{Audience, Emphasis, Goal, GoalKind};
use exec_social_playbook::model::naturals::{
    audit_items, NaturalWeights, OutreachChange, OutreachStage, Profile,
};
use exec_social_playbook::model::{
    timestamp_from_millis, Executive, Network, NewProgramme, Programme, ProgrammeSettings,
    Timestamp,
};
use proptest::prelude::*;
use std::collections::BTreeMap;
use uuid::Uuid;

/// 2026-01-01T00:00:00Z in milliseconds since the Unix epoch.
pub const BASE_MILLIS: i64 = 1_767_225_600_000;

/// The id every generated copy of "the" programme shares, so that copies can be merged.
pub const PROGRAMME_ID: u128 = 0xA11CE;

/// A moment `seconds` after [`BASE_MILLIS`].
pub fn at(seconds: i64) -> Timestamp {
    timestamp_from_millis(BASE_MILLIS + seconds * 1000)
}

/// A deterministic id.
pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// A live executive with a fixed id, created and last edited at the given seconds. Built on
/// `Executive::new`, so fields added later take their defaults here too.
pub fn executive(n: u128, name: &str, created: i64, updated: i64) -> Executive {
    Executive {
        id: id(n),
        updated_at: at(updated),
        ..Executive::new(name, at(created))
    }
}

/// A live published evidence item with a fixed id, created and last edited at the given seconds.
pub fn evidence(n: u128, title: &str, created: i64, updated: i64) -> Evidence {
    Evidence {
        id: id(n),
        updated_at: at(updated),
        ..Evidence::new(title, Origin::Published, at(created))
    }
}

/// The same executive as a tombstone deleted at `updated`.
pub fn tombstone(n: u128, name: &str, created: i64, updated: i64) -> Executive {
    Executive {
        deleted: true,
        ..executive(n, name, created, updated)
    }
}

/// A live programme with a fixed id and no executives.
pub fn programme(n: u128, name: &str, created: i64, updated: i64) -> Programme {
    let mut programme = Programme::new(
        NewProgramme {
            name: name.to_string(),
            company: "Contoso".to_string(),
            owner: "Sam".to_string(),
            start_date: NaiveDate::from_ymd_opt(2026, 1, 1),
            networks: vec![Network::Linkedin],
        },
        at(created),
    );
    programme.settings.id = id(n);
    programme.settings.updated_at = at(updated);
    programme
}

/// `programme` with the given executives.
pub fn with_executives(mut programme: Programme, executives: Vec<Executive>) -> Programme {
    programme.executives = executives;
    programme
}

/// A copy in canonical order, as a merge leaves it.
pub fn normalised(programme: &Programme) -> Programme {
    let mut copy = programme.clone();
    copy.normalise();
    copy
}

/// Asserts that an error text is something a user can read: a sentence, not a debug dump.
pub fn assert_plain_words(message: &str) {
    assert!(
        message.chars().next().is_some_and(char::is_uppercase),
        "message should start like a sentence: {message:?}"
    );
    assert!(
        message.split_whitespace().count() >= 4,
        "message should be a sentence: {message:?}"
    );
    for jargon in [
        "Error(",
        "Eof",
        "EOF",
        "serde",
        "Category",
        "Some(",
        "None",
        "panicked",
        "unwrap",
        "ReadError",
        "MigrationError",
        "\\n",
    ] {
        assert!(
            !message.contains(jargon),
            "message should not contain {jargon:?}: {message:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies with few ids and few distinct moments, so that the same record shows up on several
// sides with different versions and equal timestamps are frequent.

/// One of a handful of executive ids.
pub fn pool_id() -> impl Strategy<Value = Uuid> {
    (1u128..=6).prop_map(Uuid::from_u128)
}

/// One of a handful of moments a few seconds apart.
pub fn small_time() -> impl Strategy<Value = Timestamp> {
    (0i64..4).prop_map(at)
}

fn small_text() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["Ada", "Grace", "Linus", "Zoë", "", "  "]).prop_map(String::from)
}

/// An executive with the given id and a version drawn from a small space.
pub fn small_executive_with_id(id: Uuid) -> impl Strategy<Value = Executive> {
    (
        small_time(),
        0i64..3,
        prop::bool::weighted(0.3),
        small_text(),
        small_text(),
        any::<bool>(),
        small_step1(),
        small_step2(),
    )
        .prop_map(
            move |(
                created_at,
                later,
                deleted,
                name,
                title,
                consent,
                (profiles, willingness, outreach),
                step2,
            )| Executive {
                id,
                created_at,
                updated_at: created_at + chrono::Duration::seconds(later),
                deleted,
                name,
                title,
                department: String::new(),
                email: String::new(),
                notes: String::new(),
                consent,
                profiles,
                willingness,
                outreach,
                goals: step2.goals,
                audiences: step2.audiences,
                emphasis: step2.emphasis,
                themes: step2.themes,
                pitch: step2.pitch,
                pinned_evidence: step2.pinned,
                excluded_evidence: step2.excluded,
            },
        )
}

/// An executive's Steps 2 and 3 data, generated together.
#[derive(Clone, Debug)]
pub struct Step2 {
    pub goals: Vec<Goal>,
    pub audiences: Vec<Audience>,
    pub emphasis: Option<Emphasis>,
    pub themes: Vec<String>,
    pub pitch: Option<String>,
    pub pinned: Vec<Uuid>,
    pub excluded: Vec<Uuid>,
}

/// One of a handful of evidence ids (shared with [`small_library`]).
pub fn evidence_pool_id() -> impl Strategy<Value = Uuid> {
    (11u128..=14).prop_map(Uuid::from_u128)
}

/// Step 2/3 data from a small space of versions; pins and exclusions point into the evidence pool.
pub fn small_step2() -> impl Strategy<Value = Step2> {
    (
        prop::collection::vec(
            (
                prop::sample::select(vec![
                    GoalKind::WinDeals,
                    GoalKind::RecruitTalent,
                    GoalKind::Custom,
                ]),
                prop::sample::select(vec!["", "the forecasting suite"]),
            )
                .prop_map(|(kind, detail)| Goal::new(kind, detail)),
            0..3,
        ),
        prop::sample::subsequence(vec![Audience::Customers, Audience::Employees], 0..=2),
        prop::option::of(prop::sample::select(Emphasis::ALL.to_vec())),
        prop::sample::subsequence(vec!["Data", "Hiring", "", "AI"], 0..=4),
        prop::option::of(prop::sample::select(vec!["", "Edited pitch"])),
        prop::collection::vec(evidence_pool_id(), 0..2),
        prop::collection::vec(evidence_pool_id(), 0..2),
    )
        .prop_map(
            |(goals, audiences, emphasis, themes, pitch, pinned, excluded)| Step2 {
                goals,
                audiences,
                emphasis,
                themes: themes.into_iter().map(String::from).collect(),
                pitch: pitch.map(String::from),
                pinned,
                excluded,
            },
        )
}

/// An evidence item with the given id and a version drawn from a small space.
pub fn small_evidence_with_id(id: Uuid) -> impl Strategy<Value = Evidence> {
    (
        small_time(),
        0i64..3,
        prop::bool::weighted(0.3),
        prop::sample::select(vec!["Employee shares", "Leaders' posts", ""]),
        prop::sample::select(vec!["", "2016", "2023-09", "2026-01-02"]),
        prop::sample::select(vec![
            Origin::Published,
            Origin::InHouse,
            Origin::Starter { number: 3 },
        ]),
        prop::sample::subsequence(Scope::ALL.to_vec(), 0..=2),
        prop::sample::subsequence(vec![GoalKind::WinDeals, GoalKind::RecruitTalent], 0..=2),
        prop::sample::subsequence(vec![Audience::Customers, Audience::Candidates], 0..=2),
    )
        .prop_map(
            move |(
                created_at,
                later,
                deleted,
                title,
                published,
                origin,
                scopes,
                goals,
                audiences,
            )| {
                Evidence {
                    id,
                    created_at,
                    updated_at: created_at + chrono::Duration::seconds(later),
                    deleted,
                    title: title.to_string(),
                    claim: String::new(),
                    figure: "2x".to_string(),
                    source_name: String::new(),
                    source_url: String::new(),
                    published: published.to_string(),
                    origin,
                    scopes,
                    goals,
                    audiences,
                    tags: Vec::new(),
                    quote: String::new(),
                    caveats: String::new(),
                }
            },
        )
}

/// An evidence library, each id of the pool at most once, in any order.
pub fn small_library() -> impl Strategy<Value = Vec<Evidence>> {
    prop::collection::btree_set(11u128..=14, 0..4)
        .prop_flat_map(|ids| {
            ids.into_iter()
                .map(|n| small_evidence_with_id(Uuid::from_u128(n)))
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
}

/// Step 1 data (profiles, willingness, outreach) from a small space of versions, so that two
/// copies of an executive often differ only there.
pub fn small_step1() -> impl Strategy<Value = (Vec<Profile>, Option<u8>, Vec<OutreachChange>)> {
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
    (
        prop::collection::vec(
            (
                prop::sample::select(vec![Network::Linkedin, Network::X, Network::Intranet]),
                prop::sample::select(vec!["", "@ada", "linkedin.com/in/ada"]),
                prop::option::of(prop::sample::select(vec![0u64, 120, 4_000])),
                prop::option::of(prop::sample::select(vec![0u32, 3, 12])),
                prop::option::of(prop::sample::select(vec![0.0f64, 2.5, 40.0])),
                prop::sample::subsequence(vec!["photo", "bio", "headline"], 0..=3),
            )
                .prop_map(
                    |(network, address, followers, posts_30d, avg_engagement, audit)| Profile {
                        network,
                        address: address.to_string(),
                        followers,
                        posts_30d,
                        avg_engagement,
                        audit: audit.into_iter().map(String::from).collect(),
                    },
                ),
            0..2,
        ),
        prop::sample::select(vec![None, Some(1u8), Some(3), Some(5)]),
        prop::collection::vec(
            (prop::sample::select(OutreachStage::ALL.to_vec()), 1u32..4)
                .prop_map(move |(stage, d)| OutreachChange { stage, on: day(d) }),
            0..3,
        ),
    )
}

/// An executive from the small id pool.
pub fn small_executive() -> impl Strategy<Value = Executive> {
    pool_id().prop_flat_map(small_executive_with_id)
}

/// A collection of executives, each id at most once, in any order.
pub fn small_roster() -> impl Strategy<Value = Vec<Executive>> {
    prop::collection::btree_set(1u128..=6, 0..6)
        .prop_flat_map(|ids| {
            ids.into_iter()
                .map(|n| small_executive_with_id(Uuid::from_u128(n)))
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
}

/// A collection that may hold the same id more than once (a hand-edited or half-merged file).
pub fn small_roster_with_duplicates() -> impl Strategy<Value = Vec<Executive>> {
    prop::collection::vec(small_executive(), 0..8)
}

/// Programme settings for the programme with the given id, from a small space of versions.
pub fn small_settings(id: Uuid) -> impl Strategy<Value = ProgrammeSettings> {
    (
        small_time(),
        small_time(),
        prop::bool::weighted(0.2),
        prop::sample::select(vec!["Pilot", "Northwind", "Pilot 2"]),
        prop::collection::vec(prop::sample::select(Network::ALL.to_vec()), 0..3),
        prop::sample::select(vec![
            NaturalWeights::default(),
            NaturalWeights {
                completeness: 0,
                activity: 10,
                reach: 1,
                engagement: 2,
                willingness: 3,
            },
        ]),
        prop::sample::select(vec![3u8, 5]),
    )
        .prop_map(
            move |(
                created_at,
                updated_at,
                deleted,
                name,
                networks,
                natural_weights,
                stale_after_years,
            )| {
                ProgrammeSettings {
                    id,
                    created_at,
                    updated_at,
                    deleted,
                    name: name.to_string(),
                    company: "Northwind".to_string(),
                    owner: String::new(),
                    start_date: None,
                    networks,
                    natural_weights,
                    stale_after_years,
                }
            },
        )
}

/// A copy of the programme with the given id: its settings, a roster, an evidence library and
/// competitions with unique ids. Pins and exclusions may point at evidence this copy lacks, and
/// leagues and rows at executives it lacks (another copy may hold them).
pub fn small_programme_with_id(id: Uuid) -> impl Strategy<Value = Programme> {
    (
        small_settings(id),
        small_roster(),
        small_library(),
        small_competitions(),
    )
        .prop_map(|(settings, executives, evidence, competitions)| Programme {
            settings,
            executives,
            evidence,
            competitions,
        })
}

// --- Competitions from a small space ------------------------------------------------------------

/// The first day of one of three months: the keys of period records and activity rows.
pub fn small_period_key() -> impl Strategy<Value = NaiveDate> {
    (1u32..=3).prop_map(|m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap())
}

/// The KPIs of a competition: one of a few versions.
pub fn small_rules() -> impl Strategy<Value = Rules> {
    (
        prop::sample::select(vec![
            vec![KpiKind::Posts, KpiKind::Comments],
            vec![KpiKind::Posts, KpiKind::Reactions],
            vec![KpiKind::Shares],
        ]),
        prop::sample::select(vec![None, Some(5u32)]),
        prop::sample::select(ScoringMode::ALL.to_vec()),
        prop::sample::subsequence(vec![1u128, 2, 3], 0..=3),
    )
        .prop_map(|(kinds, cap, scoring, league)| Rules {
            kpis: kinds
                .into_iter()
                .map(|kind| Kpi {
                    id: kind.key().to_string(),
                    kind,
                    label: kind.label().to_string(),
                    points: kind.default_points(),
                    cap,
                    network: None,
                })
                .collect(),
            scoring,
            league: league.into_iter().map(Uuid::from_u128).collect(),
        })
}

/// The settings of the competition with the given id, from a small space of versions.
pub fn small_competition_settings(id: Uuid) -> impl Strategy<Value = CompetitionSettings> {
    (
        small_time(),
        0i64..3,
        prop::bool::weighted(0.2),
        prop::sample::select(vec!["League", "Social league", ""]),
        prop::sample::select(vec![PeriodKind::Monthly, PeriodKind::Weekly]),
        prop::option::of(Just(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap())),
        small_rules(),
    )
        .prop_map(
            move |(created_at, later, deleted, name, period_kind, end, rules)| {
                CompetitionSettings {
                    id,
                    created_at,
                    updated_at: created_at + chrono::Duration::seconds(later),
                    deleted,
                    name: name.to_string(),
                    period_kind,
                    start: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                    end,
                    custom_days: 14,
                    rules,
                }
            },
        )
}

/// A period record for the given period from a small space of versions (closed, reopened, with
/// or without winners and note).
pub fn small_period_record(period: NaiveDate) -> impl Strategy<Value = PeriodRecord> {
    (
        small_time(),
        any::<bool>(),
        prop::option::of(small_rules()),
        prop::sample::subsequence(vec![1u128, 2, 3], 0..=2),
        prop::option::of(prop::sample::select(vec!["", "Well done, Ada!"])),
    )
        .prop_map(move |(updated_at, reopened, rules, winners, note)| {
            let closed_at = at(-10);
            let mut log = vec![PeriodEvent {
                action: PeriodAction::Closed,
                at: closed_at,
            }];
            if reopened {
                log.push(PeriodEvent {
                    action: PeriodAction::Reopened,
                    at: updated_at,
                });
            }
            PeriodRecord {
                period,
                updated_at,
                closed: !reopened,
                log,
                rules,
                most_social: if reopened {
                    Vec::new()
                } else {
                    winners.into_iter().map(Uuid::from_u128).collect()
                },
                most_improved: Vec::new(),
                note: note.map(String::from),
            }
        })
}

/// An activity row for the given key from a small space of versions (including no values).
pub fn small_activity_row(
    period: NaiveDate,
    executive: Uuid,
) -> impl Strategy<Value = ActivityRow> {
    (
        small_time(),
        prop::collection::btree_map(
            prop::sample::select(vec!["posts", "comments", "shares"]).prop_map(String::from),
            prop::sample::select(vec![0u32, 1, 7]),
            0..3,
        ),
    )
        .prop_map(move |(updated_at, values)| ActivityRow {
            period,
            executive,
            values,
            updated_at,
        })
}

/// A competition with the given id: settings, period records and rows with unique keys, in any
/// order.
pub fn small_competition_with_id(id: Uuid) -> impl Strategy<Value = Competition> {
    (
        small_competition_settings(id),
        prop::collection::btree_set(small_period_key(), 0..3).prop_flat_map(|keys| {
            keys.into_iter()
                .map(small_period_record)
                .collect::<Vec<_>>()
        }),
        prop::collection::btree_set((small_period_key(), 1u128..=3), 0..5)
            .prop_flat_map(|keys| {
                keys.into_iter()
                    .map(|(period, n)| small_activity_row(period, Uuid::from_u128(n)))
                    .collect::<Vec<_>>()
            })
            .prop_shuffle(),
    )
        .prop_map(|(settings, periods, activity)| Competition {
            settings,
            periods,
            activity,
        })
}

/// A copy's competitions: each of two ids at most once, in any order.
pub fn small_competitions() -> impl Strategy<Value = Vec<Competition>> {
    prop::collection::btree_set(21u128..=22, 0..=2)
        .prop_flat_map(|ids| {
            ids.into_iter()
                .map(|n| small_competition_with_id(Uuid::from_u128(n)))
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
}

/// A copy of "the" programme ([`PROGRAMME_ID`]).
pub fn small_programme() -> impl Strategy<Value = Programme> {
    small_programme_with_id(Uuid::from_u128(PROGRAMME_ID))
}

/// One of three programmes, as it might be in some browser or file.
pub fn small_programme_from_pool() -> impl Strategy<Value = Programme> {
    (100u128..103).prop_flat_map(|n| small_programme_with_id(Uuid::from_u128(n)))
}

/// Several programmes, each id at most once, in canonical order (as a workspace or file holds them).
pub fn small_programme_set() -> impl Strategy<Value = Vec<Programme>> {
    prop::collection::vec(small_programme_from_pool(), 0..4).prop_map(|programmes| {
        let mut by_id: BTreeMap<Uuid, Programme> = BTreeMap::new();
        for mut programme in programmes {
            programme.normalise();
            by_id.entry(programme.id()).or_insert(programme);
        }
        let mut list: Vec<Programme> = by_id.into_values().collect();
        list.sort_by_key(|p| (p.settings.created_at, p.id()));
        list
    })
}

// ---------------------------------------------------------------------------------------------
// Strategies over the whole space of values, for round trips.

/// Any moment between the years 1 and 9999.
pub fn any_time() -> impl Strategy<Value = Timestamp> {
    (-62_135_596_800_000i64..253_402_300_799_999).prop_map(timestamp_from_millis)
}

/// Any text, including quotes, backslashes, control characters and emoji.
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\\\n\\t\\u{0}<>&'a-z ]{0,12}",
        Just("<script>alert(1)</script>".to_string()),
        Just("\u{feff}Zoë 👩‍💼 \u{202e}".to_string()),
    ]
}

/// A name a user would type: not blank (blank names are repaired on import).
pub fn any_name() -> impl Strategy<Value = String> {
    any_text().prop_map(|text| {
        if text.trim().is_empty() {
            format!("Exec{text}")
        } else {
            text
        }
    })
}

pub fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((-719_162i64..2_932_896).prop_map(|days| {
        NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Duration::days(days)
    }))
}

pub fn any_executive() -> impl Strategy<Value = Executive> {
    (
        any::<u128>(),
        any_time(),
        any_time(),
        any::<bool>(),
        any_name(),
        (any_text(), any_text(), any_text(), any_text()),
        any::<bool>(),
        (
            prop::collection::vec(any_profile(), 0..4),
            prop::option::of(any::<u8>()),
            prop::collection::vec(any_outreach_change(), 0..4),
        ),
        any_step2(),
    )
        .prop_map(
            |(
                id,
                created_at,
                updated_at,
                deleted,
                name,
                (title, department, email, notes),
                consent,
                (profiles, willingness, outreach),
                step2,
            )| {
                Executive {
                    id: Uuid::from_u128(id),
                    created_at,
                    updated_at,
                    deleted,
                    name,
                    title,
                    department,
                    email,
                    notes,
                    consent,
                    profiles,
                    willingness,
                    outreach,
                    goals: step2.goals,
                    audiences: step2.audiences,
                    emphasis: step2.emphasis,
                    themes: step2.themes,
                    pitch: step2.pitch,
                    pinned_evidence: step2.pinned,
                    excluded_evidence: step2.excluded,
                }
            },
        )
}

/// Any goal: any kind, any detail.
pub fn any_goal() -> impl Strategy<Value = Goal> {
    (
        prop::sample::select(
            GoalKind::CATALOGUE
                .into_iter()
                .chain([GoalKind::Custom])
                .collect::<Vec<_>>(),
        ),
        any_text(),
    )
        .prop_map(|(kind, detail)| Goal { kind, detail })
}

/// Any Step 2/3 data. Pins and exclusions are any ids (an any-programme fixes them up when it must
/// be canonical).
pub fn any_step2() -> impl Strategy<Value = Step2> {
    (
        prop::collection::vec(any_goal(), 0..4),
        prop::collection::vec(prop::sample::select(Audience::ALL.to_vec()), 0..4),
        prop::option::of(prop::sample::select(Emphasis::ALL.to_vec())),
        prop::collection::vec(any_text(), 0..6),
        prop::option::of(any_text()),
        prop::collection::vec(any::<u128>().prop_map(Uuid::from_u128), 0..3),
        prop::collection::vec(any::<u128>().prop_map(Uuid::from_u128), 0..3),
    )
        .prop_map(
            |(goals, audiences, emphasis, themes, pitch, pinned, excluded)| Step2 {
                goals,
                audiences,
                emphasis,
                themes,
                pitch,
                pinned,
                excluded,
            },
        )
}

/// Any origin, including any starter number.
pub fn any_origin() -> impl Strategy<Value = Origin> {
    prop_oneof![
        Just(Origin::Published),
        Just(Origin::InHouse),
        any::<u32>().prop_map(|number| Origin::Starter { number }),
    ]
}

/// Any evidence item: any text in every field, any tags.
pub fn any_evidence() -> impl Strategy<Value = Evidence> {
    (
        any::<u128>(),
        any_time(),
        any_time(),
        any::<bool>(),
        (any_text(), any_text(), any_text()),
        (any_text(), any_text(), any_text()),
        any_origin(),
        (
            prop::sample::subsequence(Scope::ALL.to_vec(), 0..=2),
            prop::collection::vec(
                prop::sample::select(
                    GoalKind::CATALOGUE
                        .into_iter()
                        .chain([GoalKind::Custom])
                        .collect::<Vec<_>>(),
                ),
                0..3,
            ),
            prop::collection::vec(prop::sample::select(Audience::ALL.to_vec()), 0..3),
            prop::collection::vec(any_text(), 0..3),
        ),
        (any_text(), any_text()),
    )
        .prop_map(
            |(
                id,
                created_at,
                updated_at,
                deleted,
                (title, claim, figure),
                (source_name, source_url, published),
                origin,
                (scopes, goals, audiences, tags),
                (quote, caveats),
            )| Evidence {
                id: Uuid::from_u128(id),
                created_at,
                updated_at,
                deleted,
                title,
                claim,
                figure,
                source_name,
                source_url,
                published,
                origin,
                scopes,
                goals,
                audiences,
                tags,
                quote,
                caveats,
            },
        )
}

/// A number of the kind users type (whole, or with a few decimals) — one that JSON carries exactly.
pub fn any_engagement() -> impl Strategy<Value = f64> {
    (0u64..100_000_000, 0i32..4)
        .prop_map(|(mantissa, decimals)| mantissa as f64 / 10f64.powi(decimals))
}

/// An audit key: one of the network's, or any text (a key from a newer checklist or a hand edit).
pub fn any_audit_key(network: Network) -> impl Strategy<Value = String> {
    let known: Vec<String> = audit_items(network)
        .iter()
        .map(|i| i.key.to_string())
        .collect();
    prop_oneof![3 => prop::sample::select(known), 1 => any_text()]
}

/// Any profile, with numbers the file format carries exactly.
pub fn any_profile() -> impl Strategy<Value = Profile> {
    prop::sample::select(Network::ALL.to_vec()).prop_flat_map(|network| {
        (
            any_text(),
            prop::option::of(any::<u64>()),
            prop::option::of(any::<u32>()),
            prop::option::of(any_engagement()),
            prop::collection::vec(any_audit_key(network), 0..10),
        )
            .prop_map(
                move |(address, followers, posts_30d, avg_engagement, audit)| Profile {
                    network,
                    address,
                    followers,
                    posts_30d,
                    avg_engagement,
                    audit,
                },
            )
    })
}

pub fn any_outreach_change() -> impl Strategy<Value = OutreachChange> {
    (
        prop::sample::select(OutreachStage::ALL.to_vec()),
        any_date().prop_filter_map("a date", |d| d),
    )
        .prop_map(|(stage, on)| OutreachChange { stage, on })
}

/// Any weights, including out-of-range ones a hand-edited file may hold.
pub fn any_weights() -> impl Strategy<Value = NaturalWeights> {
    (
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
    )
        .prop_map(
            |(completeness, activity, reach, engagement, willingness)| NaturalWeights {
                completeness,
                activity,
                reach,
                engagement,
                willingness,
            },
        )
}

pub fn any_settings() -> impl Strategy<Value = ProgrammeSettings> {
    (
        any::<u128>(),
        any_time(),
        any_time(),
        any::<bool>(),
        (any_text(), any_text(), any_text()),
        any_date(),
        prop::collection::vec(prop::sample::select(Network::ALL.to_vec()), 0..10),
        any_weights(),
        any::<u8>(),
    )
        .prop_map(
            |(
                id,
                created_at,
                updated_at,
                deleted,
                (name, company, owner),
                start_date,
                networks,
                natural_weights,
                stale_after_years,
            )| {
                ProgrammeSettings {
                    id: Uuid::from_u128(id),
                    created_at,
                    updated_at,
                    deleted,
                    name,
                    company,
                    owner,
                    start_date,
                    networks,
                    natural_weights,
                    stale_after_years,
                }
            },
        )
}

/// Any KPI: any id, label and network, points the file format carries exactly.
pub fn any_kpi() -> impl Strategy<Value = Kpi> {
    (
        any_text(),
        prop::sample::select(KpiKind::ALL.to_vec()),
        any_text(),
        any_engagement(),
        prop::option::of(any::<u32>()),
        prop::option::of(prop::sample::select(Network::ALL.to_vec())),
    )
        .prop_map(|(id, kind, label, points, cap, network)| Kpi {
            id,
            kind,
            label,
            points,
            cap,
            network,
        })
}

pub fn any_rules() -> impl Strategy<Value = Rules> {
    (
        prop::collection::vec(any_kpi(), 0..4),
        prop::sample::select(ScoringMode::ALL.to_vec()),
        prop::collection::vec(any::<u128>().prop_map(Uuid::from_u128), 0..4),
    )
        .prop_map(|(kpis, scoring, league)| Rules {
            kpis,
            scoring,
            league,
        })
}

pub fn any_a_date() -> impl Strategy<Value = NaiveDate> {
    any_date().prop_filter_map("a date", |d| d)
}

/// Any period record: any log, rules, winners and note.
pub fn any_period_record() -> impl Strategy<Value = PeriodRecord> {
    (
        any_a_date(),
        any_time(),
        any::<bool>(),
        prop::collection::vec(
            (
                prop::sample::select(vec![PeriodAction::Closed, PeriodAction::Reopened]),
                any_time(),
            )
                .prop_map(|(action, at)| PeriodEvent { action, at }),
            0..4,
        ),
        prop::option::of(any_rules()),
        prop::collection::vec(any::<u128>().prop_map(Uuid::from_u128), 0..3),
        prop::collection::vec(any::<u128>().prop_map(Uuid::from_u128), 0..3),
        prop::option::of(any_text()),
    )
        .prop_map(
            |(period, updated_at, closed, log, rules, most_social, most_improved, note)| {
                PeriodRecord {
                    period,
                    updated_at,
                    closed,
                    log,
                    rules,
                    most_social,
                    most_improved,
                    note,
                }
            },
        )
}

/// Any activity row: any KPI ids and counts.
pub fn any_activity_row() -> impl Strategy<Value = ActivityRow> {
    (
        any_a_date(),
        any::<u128>(),
        prop::collection::btree_map(any_text(), any::<u32>(), 0..4),
        any_time(),
    )
        .prop_map(activity_row)
}

/// An activity row from (period, executive id as a number, values, updated_at): what the row
/// strategies generate.
pub fn activity_row(
    (period, executive, values, updated_at): (NaiveDate, u128, BTreeMap<String, u32>, Timestamp),
) -> ActivityRow {
    ActivityRow {
        period,
        executive: Uuid::from_u128(executive),
        values,
        updated_at,
    }
}

/// Any competition: any settings (custom lengths within the documented 1–366), records and rows,
/// keys that may repeat, in any order.
pub fn any_competition() -> impl Strategy<Value = Competition> {
    (
        (
            any::<u128>(),
            any_time(),
            any_time(),
            any::<bool>(),
            any_text(),
        ),
        (
            prop::sample::select(PeriodKind::ALL.to_vec()),
            any_a_date(),
            any_date(),
            1u16..=366,
        ),
        any_rules(),
        prop::collection::vec(any_period_record(), 0..3),
        prop::collection::vec(any_activity_row(), 0..4),
    )
        .prop_map(
            |(
                (id, created_at, updated_at, deleted, name),
                (period_kind, start, end, custom_days),
                rules,
                periods,
                activity,
            )| Competition {
                settings: CompetitionSettings {
                    id: Uuid::from_u128(id),
                    created_at,
                    updated_at,
                    deleted,
                    name,
                    period_kind,
                    start,
                    end,
                    custom_days,
                    rules,
                },
                periods,
                activity,
            },
        )
}

/// Any programme: ids may repeat, order is arbitrary, names may be blank, pins may point at
/// evidence that is not there (some do point at evidence that is).
pub fn any_programme() -> impl Strategy<Value = Programme> {
    (
        any_settings(),
        prop::collection::vec(any_executive(), 0..6),
        prop::collection::vec(any_evidence(), 0..4),
        any::<prop::sample::Index>(),
        prop::collection::vec(any_competition(), 0..2),
    )
        .prop_map(|(settings, mut executives, evidence, pick, competitions)| {
            // Some pins and exclusions point at real items, as the app writes them.
            if !evidence.is_empty() {
                for (i, executive) in executives.iter_mut().enumerate() {
                    let item = evidence[(pick.index(evidence.len()) + i) % evidence.len()].id;
                    if i % 2 == 0 {
                        executive.pinned_evidence.push(item);
                    } else {
                        executive.excluded_evidence.push(item);
                    }
                }
            }
            Programme {
                settings,
                executives,
                evidence,
                competitions,
            }
        })
}

/// A programme as the app keeps it: unique executive and evidence ids, pins and exclusions only of
/// evidence in the programme, canonical order.
pub fn any_canonical_programme() -> impl Strategy<Value = Programme> {
    any_programme().prop_map(|mut programme| {
        let mut seen = std::collections::BTreeSet::new();
        programme.executives.retain(|e| seen.insert(e.id));
        let mut seen = std::collections::BTreeSet::new();
        programme.evidence.retain(|e| seen.insert(e.id));
        for executive in &mut programme.executives {
            for list in [
                &mut executive.pinned_evidence,
                &mut executive.excluded_evidence,
            ] {
                list.retain(|id| seen.contains(id));
            }
        }
        // Competitions as the app writes them: one copy per id, one record per period and one row
        // per (period, executive), KPI ids unique within a set of rules, and every league member,
        // winner and row naming an executive of the programme (the generated ids are mapped onto
        // the roster; with no roster there is nobody to name).
        let roster: Vec<Uuid> = programme.executives.iter().map(|e| e.id).collect();
        let pick = |id: Uuid| -> Option<Uuid> {
            (!roster.is_empty()).then(|| roster[(id.as_u128() % roster.len() as u128) as usize])
        };
        let fix_people = |ids: &mut Vec<Uuid>| {
            let mut seen = std::collections::BTreeSet::new();
            *ids = ids
                .iter()
                .filter_map(|&id| pick(id))
                .filter(|id| seen.insert(*id))
                .collect();
        };
        let fix_rules = |rules: &mut Rules| {
            fix_people(&mut rules.league);
            let mut seen = std::collections::BTreeSet::new();
            rules.kpis.retain(|k| seen.insert(k.id.clone()));
        };
        let mut seen = std::collections::BTreeSet::new();
        programme
            .competitions
            .retain(|c| seen.insert(c.settings.id));
        for competition in &mut programme.competitions {
            fix_rules(&mut competition.settings.rules);
            let mut seen = std::collections::BTreeSet::new();
            competition.periods.retain(|r| seen.insert(r.period));
            for record in &mut competition.periods {
                if let Some(rules) = record.rules.as_mut() {
                    fix_rules(rules);
                }
                fix_people(&mut record.most_social);
                fix_people(&mut record.most_improved);
            }
            competition.activity = competition
                .activity
                .drain(..)
                .filter_map(|row| {
                    Some(ActivityRow {
                        executive: pick(row.executive)?,
                        ..row
                    })
                })
                .collect();
            let mut seen = std::collections::BTreeSet::new();
            competition
                .activity
                .retain(|r| seen.insert((r.period, r.executive)));
        }
        programme.normalise();
        programme
    })
}

/// A backup file as the app writes it: distinct programmes, the open one among them (or none).
pub fn any_backup_file() -> impl Strategy<Value = BackupFile> {
    (
        prop::collection::vec(any_canonical_programme(), 0..4),
        any::<prop::sample::Index>(),
        any::<bool>(),
        any_time(),
    )
        .prop_map(|(programmes, pick, has_current, exported_at)| {
            let mut seen = std::collections::BTreeSet::new();
            let programmes: Vec<Programme> = programmes
                .into_iter()
                .filter(|p| seen.insert(p.id()))
                .collect();
            let current = if has_current && !programmes.is_empty() {
                Some(programmes[pick.index(programmes.len())].id())
            } else {
                None
            };
            BackupFile::new(programmes, current, exported_at)
        })
}
