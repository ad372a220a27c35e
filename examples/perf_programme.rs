//! Generates the big programme that `tools/perf.mjs` measures the competition page with (issue 5:
//! 500 executives × 24 monthly periods × 6 KPIs), as the two localStorage entries the app reads.
//!
//! ```sh
//! cargo run --release --example perf_programme -- target/perf-programme.json [YYYY-MM-DD]
//! ```
//!
//! Writes `{"esp:index": "<text>", "esp:programme:<id>": "<text>"}` — each value exactly the text the
//! app itself would store under that key (see `src/store/persist.rs`) — and prints the sizes.
//!
//! Everything is deterministic except "today" (the second argument, by default the current UTC
//! date): the competition's last period must be the one running in the browser that loads it, so
//! that the activity grid opens on it. Ids and activity come from a tiny linear congruential
//! generator and "now" is the start of today, so two runs on the same day write the same bytes.
//!
//! The 23 closed periods have their winners set from [`scoreboard`] directly (as
//! `Competition::close_period` would name them), without the per-close bookkeeping.

use chrono::{Datelike, Duration, NaiveDate};
use exec_social_playbook::io::envelope::{StoredIndex, StoredProgramme};
use exec_social_playbook::io::stored::parse_stored_programme;
use exec_social_playbook::model::competition::{
    generate_periods, new_kpi, scoreboard, trends, ActivityRow, Competition, Kpi, KpiKind,
    PeriodAction, PeriodEvent, PeriodRecord,
};
use exec_social_playbook::model::dates::parse_iso_date;
use exec_social_playbook::model::naturals::{OutreachChange, OutreachStage, Profile};
use exec_social_playbook::model::numbers::format_decimal;
use exec_social_playbook::model::{
    timestamp_from_millis, Executive, Network, NewProgramme, Programme, Timestamp,
};
use exec_social_playbook::store::StorageKey;
use std::process::ExitCode;

#[path = "../tests/common/timing.rs"]
mod timing;
use timing::median_ms;
use uuid::Uuid;

const EXECUTIVES: usize = 500;
const PERIODS: u32 = 24;
const KPIS: [KpiKind; 6] = [
    KpiKind::Posts,
    KpiKind::Comments,
    KpiKind::Reactions,
    KpiKind::Shares,
    KpiKind::FollowersGained,
    KpiKind::ProfileViews,
];
/// The most a very active executive records per month of each KPI, in [`KPIS`] order.
const MAX_PER_MONTH: [u32; 6] = [24, 80, 600, 20, 150, 2_000];

const FIRST_NAMES: [&str; 25] = [
    "Ada", "Bruno", "Chen", "Dalia", "Emeka", "Freya", "Gustavo", "Hana", "Ivan", "Jae", "Kofi",
    "Leila", "Mateo", "Nadia", "Oskar", "Pooja", "Quentin", "Rosa", "Santiago", "Tuva", "Uma",
    "Viktor", "Wen", "Ximena", "Yusuf",
];
const LAST_NAMES: [&str; 20] = [
    "Adeyemi", "Bianchi", "Castillo", "Dimitrov", "Eriksen", "Fischer", "Goh", "Haddad", "Ibrahim",
    "Jensen", "Kowalski", "Laurent", "Mensah", "Nakamura", "Olsen", "Petrova", "Quispe", "Rossi",
    "Sato", "Tanaka",
];
const TITLES: [&str; 10] = [
    "Chief Executive Officer",
    "Chief Financial Officer",
    "Chief Technology Officer",
    "VP Sales",
    "VP Marketing",
    "VP Product",
    "VP Engineering",
    "Managing Director",
    "Head of Customer Success",
    "General Manager",
];

/// A 64-bit linear congruential generator (Knuth's MMIX constants): deterministic and tiny, which
/// is all a benchmark's fake data needs.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 16
    }

    /// 0..bound (bound > 0).
    fn below(&mut self, bound: u32) -> u32 {
        (self.next() % u64::from(bound.max(1))) as u32
    }

    fn uuid(&mut self) -> Uuid {
        let high = u128::from(self.next()) << 80 | u128::from(self.next()) << 32;
        let bytes = (high | u128::from(self.next() as u32)).to_be_bytes();
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

fn first_of_month_months_before(date: NaiveDate, months: u32) -> NaiveDate {
    let total = date.year() * 12 + date.month0() as i32 - months as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(date)
}

fn at(date: NaiveDate, hour: u32) -> Timestamp {
    date.and_hms_opt(hour, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or_default()
}

fn build(today: NaiveDate, now: Timestamp) -> Programme {
    let mut rng = Lcg(0x5eed_0005);
    let start = first_of_month_months_before(today, PERIODS - 1);
    let created = at(start - Duration::days(7), 9);
    let mut programme = Programme::new(
        NewProgramme {
            name: "Perf — 500 executives".into(),
            company: "Generated for tools/perf.mjs".into(),
            owner: "Perf script".into(),
            start_date: Some(start),
            networks: vec![Network::Linkedin, Network::X, Network::Intranet],
        },
        created,
    );
    programme.settings.id = rng.uuid();

    // How active each executive is, 1..=10: the ranking then has a shape, not just noise.
    let mut levels = Vec::with_capacity(EXECUTIVES);
    for n in 0..EXECUTIVES {
        let first = FIRST_NAMES[n % FIRST_NAMES.len()];
        let last = LAST_NAMES[(n / FIRST_NAMES.len()) % LAST_NAMES.len()];
        let mut executive = Executive::new(
            format!("{first} {last}"),
            created + Duration::seconds(n as i64),
        );
        executive.id = rng.uuid();
        executive.title = TITLES[n % TITLES.len()].into();
        executive.department = format!("Business unit {}", n % 17 + 1);
        executive.email = format!(
            "{}.{}@perf.example",
            first.to_lowercase(),
            last.to_lowercase()
        );
        executive.consent = true;
        executive.willingness = Some(1 + rng.below(5) as u8);
        let mut profile = Profile::new(Network::Linkedin);
        profile.address = format!(
            "https://www.linkedin.com/in/{}-{}-{n}",
            first.to_lowercase(),
            last.to_lowercase()
        );
        profile.followers = Some(u64::from(200 + rng.below(30_000)));
        profile.posts_30d = Some(rng.below(12));
        profile.avg_engagement = Some(f64::from(rng.below(300)));
        profile.audit = ["photo", "headline", "about", "current_role"]
            .iter()
            .take(1 + rng.below(4) as usize)
            .map(|s| s.to_string())
            .collect();
        executive.profiles.push(profile);
        executive.outreach.push(OutreachChange {
            stage: OutreachStage::Committed,
            on: start - Duration::days(3),
        });
        programme.add_executive(executive);
        levels.push(1 + rng.below(10));
    }
    let league: Vec<Uuid> = programme.executives.iter().map(|e| e.id).collect();

    let mut kpis: Vec<Kpi> = Vec::new();
    for &kind in KPIS.iter() {
        let mut kpi = new_kpi(kind, &kpis);
        kpi.cap = (kind == KpiKind::Reactions).then_some(400);
        kpis.push(kpi);
    }
    let mut competition = Competition::new("Perf league", start, league, created);
    competition.settings.id = rng.uuid();
    competition.settings.rules.kpis = kpis;
    let periods = generate_periods(&competition.settings, today);
    competition.activity.reserve(EXECUTIVES * periods.len());
    for period in &periods {
        let entered = at(period.end, 18).min(now);
        for (executive, &level) in programme.executives.iter().zip(&levels) {
            let values = KPIS
                .iter()
                .zip(MAX_PER_MONTH)
                .map(|(kind, max)| {
                    // The executive's level sets the range; the month moves them around in it.
                    let value = rng.below(max * level / 10 + 1);
                    (kind.key().to_string(), value)
                })
                .collect();
            competition.activity.push(ActivityRow {
                period: period.start,
                executive: executive.id,
                values,
                updated_at: entered,
            });
        }
    }
    competition
        .activity
        .sort_by_key(|row| (row.period, row.executive));

    // Every period but the running one is closed, its winners named by the scoreboard.
    let closed = periods.len().saturating_sub(1);
    for (index, period) in periods.iter().enumerate().take(closed) {
        let board = scoreboard(&competition, &programme.executives, &periods, index);
        let closed_at = at(period.end + Duration::days(1), 9).min(now);
        competition.periods.push(PeriodRecord {
            period: period.start,
            updated_at: closed_at,
            closed: true,
            log: vec![PeriodEvent {
                action: PeriodAction::Closed,
                at: closed_at,
            }],
            rules: Some(competition.settings.rules.clone()),
            most_social: board.most_social,
            most_improved: board.most_improved,
            note: None,
        });
    }
    programme.competitions.push(competition);
    programme
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let timings = args.iter().any(|a| a == "--timings");
    args.retain(|a| a != "--timings");
    let Some(out) = args.first() else {
        eprintln!(
            "usage: cargo run --release --example perf_programme -- <out.json> [YYYY-MM-DD] [--timings]"
        );
        return ExitCode::from(2);
    };
    let now_millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let clock = timestamp_from_millis(now_millis);
    // "Now" is the start of "today" (never after the clock): the same bytes all day long.
    let (today, now) = match args.get(1) {
        Some(text) => match parse_iso_date(text) {
            Some(day) => (day, at(day, 0).min(clock)),
            None => {
                eprintln!("perf_programme: “{text}” is not a date (YYYY-MM-DD)");
                return ExitCode::from(2);
            }
        },
        None => (clock.date_naive(), at(clock.date_naive(), 0)),
    };

    let started = std::time::Instant::now();
    let programme = build(today, now);
    let id = programme.id();
    let programme_text = StoredProgramme::to_json(&programme);
    let index_text = StoredIndex::new(vec![id], Some(id), Some(now)).to_json();
    let mut entries = serde_json::Map::new();
    entries.insert(
        StorageKey::Index.as_string(),
        serde_json::Value::String(index_text.clone()),
    );
    entries.insert(
        StorageKey::Programme(id).as_string(),
        serde_json::Value::String(programme_text.clone()),
    );
    // What the app will do with it: read it back (and get the same programme).
    match parse_stored_programme(&programme_text) {
        Ok(read) if read.value == programme => {}
        Ok(_) => {
            eprintln!("perf_programme: the stored programme reads back differently");
            return ExitCode::FAILURE;
        }
        Err(error) => {
            eprintln!("perf_programme: the stored programme does not read back: {error}");
            return ExitCode::FAILURE;
        }
    }
    let json = serde_json::Value::Object(entries).to_string();
    if let Err(error) = std::fs::write(out, &json) {
        eprintln!("perf_programme: cannot write {out}: {error}");
        return ExitCode::FAILURE;
    }
    let competition = &programme.competitions[0];
    println!(
        "perf_programme: {} executives, {} periods ({} closed), {} KPIs, {} activity rows; today {}",
        programme.executives.len(),
        generate_periods(&competition.settings, today).len(),
        competition.periods.len(),
        competition.settings.rules.kpis.len(),
        competition.activity.len(),
        today
    );
    println!(
        "perf_programme: programme entry {} bytes ({} UTF-16 units), index entry {} bytes; wrote {out} in {} ms",
        programme_text.len(),
        programme_text.encode_utf16().count(),
        index_text.len(),
        started.elapsed().as_millis()
    );
    if timings {
        model_timings(&programme, &programme_text, today, now);
    }
    ExitCode::SUCCESS
}

/// `--timings`: what the model's share of the page's work costs natively (run with `--release`;
/// WebAssembly in the browser is slower), to tell model time from rendering time in the browser
/// figures. Median of 9 runs each.
fn model_timings(programme: &Programme, text: &str, today: NaiveDate, now: Timestamp) {
    let competition = &programme.competitions[0];
    let periods = generate_periods(&competition.settings, today);
    let running = periods.len() - 1;
    let first = programme.executives[0].id;
    let lines = [
        (
            "parse the stored programme",
            median_ms(|| {
                let _ = parse_stored_programme(text);
            }),
        ),
        (
            "serialise it (a save)",
            median_ms(|| {
                let _ = StoredProgramme::to_json(programme);
            }),
        ),
        (
            "clone it",
            median_ms(|| {
                let _ = programme.clone();
            }),
        ),
        (
            "scoreboard of the running period",
            median_ms(|| {
                let _ = scoreboard(competition, &programme.executives, &periods, running);
            }),
        ),
        (
            "trends over all periods",
            median_ms(|| {
                let _ = trends(competition, &programme.executives, &periods);
            }),
        ),
        ("set one value", {
            let mut copy = competition.clone();
            let mut value = 0;
            median_ms(|| {
                value = 9_999 - value;
                let _ = copy.set_value(&periods[running], first, "posts", Some(value), now);
            })
        }),
    ];
    for (what, ms) in lines {
        println!(
            "perf_programme: {what}: {} ms",
            format_decimal((ms * 10.0).round() / 10.0)
        );
    }
}
