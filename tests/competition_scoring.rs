//! Step 6 — the scoreboard: points with caps, the three scoring modes, ranks with ties, most
//! improved with a missing previous period, movement, closed periods scored under their kept rules,
//! trends, the dashboard's running summary, and the congratulation note, mailto draft and
//! certificates generated from a scoreboard.

use chrono::{Months, NaiveDate};
use exec_social_playbook::model::competition::*;
use exec_social_playbook::model::{timestamp_from_millis, Executive, Network, Timestamp};
use proptest::prelude::*;
use std::collections::BTreeMap;
use uuid::Uuid;

// --- Builders ------------------------------------------------------------------------------------

/// A moment `seconds` after 2026-01-01T00:00:00Z.
fn at(seconds: i64) -> Timestamp {
    timestamp_from_millis(1_767_225_600_000 + seconds * 1000)
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// A live executive with a fixed id.
fn executive(n: u128, name: &str, created: i64, updated: i64) -> Executive {
    Executive {
        id: id(n),
        updated_at: at(updated),
        ..Executive::new(name, at(created))
    }
}

/// The same executive deleted (a tombstone).
fn tombstone(n: u128, name: &str, created: i64, updated: i64) -> Executive {
    Executive {
        deleted: true,
        ..executive(n, name, created, updated)
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The competitions in these tests start on 1 September 2026.
fn start() -> NaiveDate {
    date(2026, 9, 1)
}

fn kpi(id: &str, kind: KpiKind, points: f64, cap: Option<u32>, network: Option<Network>) -> Kpi {
    Kpi {
        id: id.to_string(),
        kind,
        label: kind.label().to_string(),
        points,
        cap,
        network,
    }
}

fn posts() -> Kpi {
    kpi("posts", KpiKind::Posts, 10.0, None, None)
}

fn comments() -> Kpi {
    kpi("comments", KpiKind::Comments, 3.0, None, None)
}

fn rules(kpis: Vec<Kpi>, scoring: ScoringMode, league: &[u128]) -> Rules {
    Rules {
        kpis,
        scoring,
        league: league.iter().map(|n| id(*n)).collect(),
    }
}

/// A monthly competition starting 1 September 2026, with no activity and no closed period.
fn competition(rules: Rules) -> Competition {
    Competition {
        settings: CompetitionSettings {
            id: id(0xC0),
            created_at: at(0),
            updated_at: at(0),
            deleted: false,
            name: "Northwind social league".to_string(),
            period_kind: PeriodKind::Monthly,
            start: start(),
            end: None,
            custom_days: DEFAULT_CUSTOM_DAYS,
            rules,
        },
        periods: Vec::new(),
        activity: Vec::new(),
    }
}

/// `n` calendar months from September 2026.
fn months(n: usize) -> Vec<Period> {
    (0..n)
        .map(|i| {
            let first = start().checked_add_months(Months::new(i as u32)).unwrap();
            let next = first.checked_add_months(Months::new(1)).unwrap();
            Period {
                index: i,
                start: first,
                end: next.pred_opt().unwrap(),
                kind: PeriodKind::Monthly,
            }
        })
        .collect()
}

/// The first day of the `index`th month.
fn month(index: usize) -> NaiveDate {
    months(index + 1)[index].start
}

fn record(c: &mut Competition, period: usize, who: u128, values: &[(&str, u32)]) {
    c.activity.push(ActivityRow {
        period: month(period),
        executive: id(who),
        values: values
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect::<BTreeMap<_, _>>(),
        updated_at: at(10),
    });
}

/// Marks a period closed, with its kept rules and stored winners.
fn close(
    c: &mut Competition,
    period: usize,
    rules: Rules,
    most_social: &[u128],
    improved: &[u128],
) {
    c.periods.push(PeriodRecord {
        period: month(period),
        updated_at: at(20),
        closed: true,
        log: vec![PeriodEvent {
            action: PeriodAction::Closed,
            at: at(20),
        }],
        rules: Some(rules),
        most_social: most_social.iter().map(|n| id(*n)).collect(),
        most_improved: improved.iter().map(|n| id(*n)).collect(),
        note: None,
    });
}

/// Ana (1), Ben (2), Cleo (3), Dev (4), Eve (5).
fn team() -> Vec<Executive> {
    [
        "Ana Silva",
        "Ben Okafor",
        "Cleo Park",
        "Dev Patel",
        "Eve Martin",
    ]
    .iter()
    .enumerate()
    .map(|(i, name)| executive(i as u128 + 1, name, 0, 0))
    .collect()
}

fn standing(board: &Scoreboard, who: u128) -> &Standing {
    board
        .standings
        .iter()
        .find(|s| s.executive == id(who))
        .unwrap_or_else(|| panic!("{who} not on the scoreboard"))
}

/// (executive number, rank) in scoreboard order.
fn ranks(board: &Scoreboard) -> Vec<(u128, usize)> {
    board
        .standings
        .iter()
        .map(|s| (s.executive.as_u128(), s.rank))
        .collect()
}

fn ids(ns: &[u128]) -> Vec<Uuid> {
    ns.iter().map(|n| id(*n)).collect()
}

fn approx(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

// --- Points --------------------------------------------------------------------------------------

#[test]
fn caps_limit_what_counts_at_below_and_above_the_cap() {
    let kpis = vec![
        kpi("posts", KpiKind::Posts, 10.0, Some(5), None),
        kpi("comments", KpiKind::Comments, 3.0, Some(5), None),
        kpi("shares", KpiKind::Shares, 5.0, Some(5), None),
        kpi("reactions", KpiKind::Reactions, 0.5, None, None),
    ];
    let mut c = competition(rules(kpis, ScoringMode::Raw, &[1]));
    record(
        &mut c,
        0,
        1,
        &[
            ("posts", 5),
            ("comments", 3),
            ("shares", 8),
            ("reactions", 7),
        ],
    );
    let board = scoreboard(&c, &team(), &months(1), 0);
    let score = &standing(&board, 1).score;
    let line = |k: &str| score.lines.iter().find(|l| l.kpi == k).unwrap();

    // At the cap: all counts, not flagged.
    assert_eq!((line("posts").counted, line("posts").capped), (5, false));
    assert!(approx(line("posts").points, 50.0));
    // Below the cap.
    assert_eq!(
        (line("comments").counted, line("comments").capped),
        (3, false)
    );
    assert!(approx(line("comments").points, 9.0));
    // Above the cap: only the cap counts, and the line says so.
    let shares = line("shares");
    assert_eq!((shares.value, shares.counted, shares.capped), (8, 5, true));
    assert!(approx(shares.points, 25.0));
    // No cap, decimal points per unit.
    assert!(approx(line("reactions").points, 3.5));
    assert!(approx(line("reactions").points_per_unit, 0.5));

    assert!(approx(score.raw, 87.5));
    assert!(approx(score.points, 87.5));
    assert!(score.recorded);
    assert_eq!(
        score
            .lines
            .iter()
            .map(|l| l.kpi.as_str())
            .collect::<Vec<_>>(),
        ["posts", "comments", "shares", "reactions"],
        "one line per KPI, in KPI order"
    );
}

#[test]
fn a_kpi_with_nothing_recorded_counts_zero_and_bad_points_are_worth_nothing() {
    let mut odd = kpi("comments", KpiKind::Comments, -3.0, None, None);
    odd.label = String::new();
    let nan = kpi("shares", KpiKind::Shares, f64::NAN, None, None);
    let inf = kpi("reactions", KpiKind::Reactions, f64::INFINITY, None, None);
    let mut c = competition(rules(
        vec![posts(), odd, nan, inf],
        ScoringMode::Raw,
        &[1, 2],
    ));
    record(
        &mut c,
        0,
        1,
        &[("comments", 4), ("shares", 2), ("reactions", 9)],
    );
    let board = scoreboard(&c, &team(), &months(1), 0);
    let ana = &standing(&board, 1).score;
    assert!(ana.lines.iter().all(|l| l.points == 0.0));
    assert_eq!(ana.lines[0].value, 0, "posts: nothing recorded");
    assert_eq!(
        ana.lines[1].label, "Comments",
        "a blank label shows the kind's"
    );
    assert_eq!(ana.points, 0.0);
    assert!(
        ana.recorded,
        "something was recorded, even if it scored nothing"
    );
    let ben = &standing(&board, 2).score;
    assert!(!ben.recorded);
    assert_eq!(ben.points, 0.0);
}

// --- Scoring modes -------------------------------------------------------------------------------

#[test]
fn raw_mode_ranks_on_capped_points() {
    let kpis = vec![
        posts(),
        kpi("reactions", KpiKind::Reactions, 1.0, Some(20), None),
    ];
    let mut c = competition(rules(kpis, ScoringMode::Raw, &[1, 2, 3]));
    record(&mut c, 0, 1, &[("posts", 2), ("reactions", 500)]); // 20 + 20 = 40
    record(&mut c, 0, 2, &[("posts", 5)]); // 50
    record(&mut c, 0, 3, &[("reactions", 10)]); // 10
    let board = scoreboard(&c, &team(), &months(1), 0);
    assert_eq!(ranks(&board), [(2, 1), (1, 2), (3, 3)]);
    assert_eq!(standing(&board, 2).ranked_on, Some(50.0));
    assert!(board.standings.iter().all(|s| s.score.networks.is_empty()));
    assert_eq!(board.best, 50.0);
    assert_eq!(board.most_social, ids(&[2]));
    assert!(board.any_activity);
    assert!(!board.has_previous);
    assert!(!board.closed);
}

#[test]
fn normalised_mode_gives_the_best_on_each_network_100() {
    let kpis = vec![
        kpi("posts", KpiKind::Posts, 10.0, None, Some(Network::Linkedin)),
        kpi(
            "intranet_posts",
            KpiKind::IntranetPosts,
            10.0,
            None,
            Some(Network::Intranet),
        ),
        kpi(
            "comments",
            KpiKind::Comments,
            2.0,
            None,
            Some(Network::Linkedin),
        ),
        kpi("custom-1", KpiKind::Custom, 1.0, None, None),
    ];
    let mut c = competition(rules(kpis, ScoringMode::Normalised, &[1, 2, 3, 4]));
    // The LinkedIn specialist: 20 posts + 50 comments = 300 on LinkedIn, the best there.
    record(&mut c, 0, 1, &[("posts", 20), ("comments", 50)]);
    // The intranet specialist: 3 intranet posts = 30, the best on the intranet.
    record(&mut c, 0, 2, &[("intranet_posts", 3)]);
    // Half the best on LinkedIn, a third of the best on the intranet, the best on "all networks".
    record(
        &mut c,
        0,
        3,
        &[("posts", 15), ("intranet_posts", 1), ("custom-1", 4)],
    );
    let board = scoreboard(&c, &team(), &months(1), 0);

    let ana = &standing(&board, 1).score;
    let ben = &standing(&board, 2).score;
    assert!(approx(ana.points, 100.0), "{}", ana.points);
    assert!(approx(ben.points, 100.0), "{}", ben.points);
    assert!(approx(ana.raw, 300.0) && approx(ben.raw, 30.0));
    let networks: Vec<Option<Network>> = ana.networks.iter().map(|n| n.network).collect();
    assert_eq!(
        networks,
        [Some(Network::Linkedin), Some(Network::Intranet), None],
        "groups in order of first appearance"
    );
    let cleo = &standing(&board, 3).score;
    assert!(approx(cleo.networks[0].raw, 150.0));
    assert!(approx(cleo.networks[0].best, 300.0));
    assert!(approx(cleo.networks[0].points, 50.0));
    assert!(approx(cleo.networks[1].points, 100.0 / 3.0));
    assert!(approx(cleo.networks[2].points, 100.0));
    assert!(approx(cleo.points, 50.0 + 100.0 / 3.0 + 100.0));
    // Nobody scored on "all networks" but Cleo; nothing anywhere for Dev: 0, not NaN.
    assert_eq!(ana.networks[2].points, 0.0);
    assert_eq!(standing(&board, 4).score.points, 0.0);
    assert_eq!(ranks(&board), [(3, 1), (1, 2), (2, 2), (4, 4)]);
}

#[test]
fn most_improved_ranks_on_the_change_since_the_previous_period() {
    let mut c = competition(rules(
        vec![posts()],
        ScoringMode::MostImproved,
        &[1, 2, 3, 4],
    ));
    record(&mut c, 0, 1, &[("posts", 10)]);
    record(&mut c, 0, 2, &[("posts", 1)]);
    record(&mut c, 0, 4, &[("posts", 3)]);
    record(&mut c, 1, 1, &[("posts", 12)]); // +20
    record(&mut c, 1, 2, &[("posts", 9)]); // +80
    record(&mut c, 1, 3, &[("posts", 30)]); // newcomer: no improvement
                                            // Dev recorded last period, nothing this period: −30.
    let board = scoreboard(&c, &team(), &months(2), 1);
    assert!(board.has_previous);
    assert_eq!(ranks(&board), [(2, 1), (1, 2), (4, 3), (3, 4)]);
    let cleo = standing(&board, 3);
    assert_eq!(cleo.score.previous_raw, None);
    assert_eq!(cleo.score.improvement, None);
    assert_eq!(cleo.ranked_on, None, "a newcomer is not the most improved");
    assert!(
        approx(cleo.score.points, 300.0),
        "points are still the raw points"
    );
    assert_eq!(standing(&board, 4).score.improvement, Some(-30.0));
    assert_eq!(standing(&board, 2).score.previous_raw, Some(10.0));
    assert_eq!(board.most_improved, ids(&[2]));
    assert_eq!(
        board.most_social,
        ids(&[3]),
        "most social still goes on points"
    );
    assert_eq!(board.best, 80.0);
}

#[test]
fn the_first_period_has_no_improvement_and_no_most_improved() {
    let mut c = competition(rules(vec![posts()], ScoringMode::MostImproved, &[1, 2, 3]));
    record(&mut c, 0, 1, &[("posts", 10)]);
    record(&mut c, 0, 2, &[("posts", 4)]);
    let board = scoreboard(&c, &team(), &months(1), 0);
    assert!(!board.has_previous);
    assert!(board.standings.iter().all(|s| s.ranked_on.is_none()));
    assert!(board
        .standings
        .iter()
        .all(|s| s.score.improvement.is_none()));
    assert!(
        board.standings.iter().all(|s| s.rank == 1),
        "nobody is ahead"
    );
    assert!(board.most_improved.is_empty());
    assert_eq!(board.most_social, ids(&[1]));
    assert_eq!(board.best, 0.0);
    // Unknown values are ordered by name.
    assert_eq!(ranks(&board), [(1, 1), (2, 1), (3, 1)]);
}

#[test]
fn improvement_uses_the_previous_periods_own_rules() {
    // September was closed with posts worth 5; October's rules make them worth 10.
    let mut c = competition(rules(vec![posts()], ScoringMode::Raw, &[1]));
    let mut cheap = posts();
    cheap.points = 5.0;
    close(
        &mut c,
        0,
        rules(vec![cheap], ScoringMode::Raw, &[1]),
        &[1],
        &[],
    );
    record(&mut c, 0, 1, &[("posts", 10)]); // 50 under September's rules
    record(&mut c, 1, 1, &[("posts", 10)]); // 100
    let board = scoreboard(&c, &team(), &months(2), 1);
    let ana = &standing(&board, 1).score;
    assert_eq!(ana.previous_raw, Some(50.0));
    assert_eq!(ana.improvement, Some(50.0));
    assert_eq!(
        board.most_improved,
        ids(&[1]),
        "open period: shown in raw mode too"
    );
}

// --- Ranks ---------------------------------------------------------------------------------------

#[test]
fn equal_points_share_a_rank_and_the_next_rank_is_skipped() {
    let mut c = competition(rules(vec![posts()], ScoringMode::Raw, &[1, 2, 3, 4, 5]));
    record(&mut c, 0, 1, &[("posts", 5)]);
    record(&mut c, 0, 2, &[("posts", 4)]);
    record(&mut c, 0, 3, &[("posts", 4)]);
    record(&mut c, 0, 4, &[("posts", 3)]);
    record(&mut c, 0, 5, &[("posts", 3)]);
    let board = scoreboard(&c, &team(), &months(1), 0);
    assert_eq!(ranks(&board), [(1, 1), (2, 2), (3, 2), (4, 4), (5, 4)]);
}

#[test]
fn values_are_compared_as_shown_to_one_decimal() {
    let tiny = kpi("reactions", KpiKind::Reactions, 0.01, None, None);
    let mut c = competition(rules(vec![tiny], ScoringMode::Raw, &[1, 2, 3]));
    record(&mut c, 0, 1, &[("reactions", 996)]); // 9.96 → "10"
    record(&mut c, 0, 2, &[("reactions", 1004)]); // 10.04 → "10"
    record(&mut c, 0, 3, &[("reactions", 1006)]); // 10.06 → "10.1"
    let board = scoreboard(&c, &team(), &months(1), 0);
    assert_eq!(
        ranks(&board),
        [(3, 1), (1, 2), (2, 2)],
        "ties ordered by name"
    );
    assert_eq!(board.most_social, ids(&[3]));

    let mut tied = competition(rules(
        vec![kpi("reactions", KpiKind::Reactions, 0.01, None, None)],
        ScoringMode::Raw,
        &[1, 2],
    ));
    record(&mut tied, 0, 1, &[("reactions", 996)]);
    record(&mut tied, 0, 2, &[("reactions", 1004)]);
    let board = scoreboard(&tied, &team(), &months(1), 0);
    assert_eq!(
        board.most_social,
        ids(&[1, 2]),
        "a tie as shown shares the title"
    );
}

#[test]
fn ties_are_ordered_by_name_ignoring_case_then_id() {
    let people = vec![
        executive(1, "zoe", 0, 0),
        executive(2, "Adam", 0, 0),
        executive(3, "adam", 0, 0),
        executive(4, "Bea", 0, 0),
    ];
    let c = competition(rules(vec![posts()], ScoringMode::Raw, &[1, 4, 3, 2]));
    let board = scoreboard(&c, &people, &months(1), 0);
    assert_eq!(ranks(&board), [(2, 1), (3, 1), (4, 1), (1, 1)]);
    assert!(board.most_social.is_empty(), "nobody scored");
    assert!(!board.any_activity);
}

// --- Movement ------------------------------------------------------------------------------------

#[test]
fn movement_compares_with_the_previous_periods_ranks() {
    let mut c = competition(rules(vec![posts()], ScoringMode::Raw, &[1, 2, 3, 4]));
    // September: Ana 1, Ben 2, Cleo 3 (Dev not in the league then).
    close(
        &mut c,
        0,
        rules(vec![posts()], ScoringMode::Raw, &[1, 2, 3]),
        &[1],
        &[],
    );
    record(&mut c, 0, 1, &[("posts", 9)]);
    record(&mut c, 0, 2, &[("posts", 5)]);
    record(&mut c, 0, 3, &[("posts", 1)]);
    // October: Cleo 1, Ben 2, Ana 3, Dev 4.
    record(&mut c, 1, 3, &[("posts", 9)]);
    record(&mut c, 1, 2, &[("posts", 5)]);
    record(&mut c, 1, 1, &[("posts", 2)]);
    record(&mut c, 1, 4, &[("posts", 1)]);
    let periods = months(2);
    let board = scoreboard(&c, &team(), &periods, 1);
    assert_eq!(standing(&board, 3).movement, Movement::Up(2));
    assert_eq!(standing(&board, 2).movement, Movement::Same);
    assert_eq!(standing(&board, 1).movement, Movement::Down(2));
    assert_eq!(standing(&board, 4).movement, Movement::New);
    let first = scoreboard(&c, &team(), &periods, 0);
    assert!(first.standings.iter().all(|s| s.movement == Movement::New));
}

#[test]
fn previous_ranks_kept_while_this_period_is_edited_give_the_same_scoreboard() {
    // What the grid does: the previous period's ranks are worked out once, then October is edited
    // value by value and re-ranked with them — each time the same as a full scoreboard.
    let mut c = competition(rules(
        vec![posts(), comments()],
        ScoringMode::Raw,
        &[1, 2, 3, 4],
    ));
    record(&mut c, 0, 1, &[("posts", 9)]);
    record(&mut c, 0, 2, &[("posts", 5)]);
    record(&mut c, 0, 3, &[("posts", 1)]);
    let periods = months(2);
    let kept = previous_ranks(&c, &team(), &periods, 1);
    for (who, posts, comments) in [(3, 9, 0), (4, 20, 3), (1, 2, 1), (3, 0, 0), (2, 30, 30)] {
        record(&mut c, 1, who, &[("posts", posts), ("comments", comments)]);
        let full = scoreboard(&c, &team(), &periods, 1);
        assert_eq!(scoreboard_with(&c, &team(), &periods, 1, &kept), full);
    }
    assert_eq!(
        standing(&scoreboard(&c, &team(), &periods, 1), 2).movement,
        Movement::Up(1)
    );
    // The first period has no previous ranks: everyone is new.
    let first = previous_ranks(&c, &team(), &periods, 0);
    assert_eq!(first, PreviousRanks::default());
    let board = scoreboard_with(&c, &team(), &periods, 0, &first);
    assert!(board.standings.iter().all(|s| s.movement == Movement::New));
}

#[test]
fn movement_uses_the_previous_periods_own_mode() {
    // September ranked on improvement over August… here: the first two months in most-improved
    // mode, the third in raw mode.
    let improved = rules(vec![posts()], ScoringMode::MostImproved, &[1, 2]);
    let mut c = competition(rules(vec![posts()], ScoringMode::Raw, &[1, 2]));
    close(&mut c, 0, improved.clone(), &[1], &[]);
    close(&mut c, 1, improved, &[1], &[2]);
    record(&mut c, 0, 1, &[("posts", 10)]);
    record(&mut c, 0, 2, &[("posts", 1)]);
    record(&mut c, 1, 1, &[("posts", 10)]); // +0, points 100
    record(&mut c, 1, 2, &[("posts", 5)]); // +40, points 50 → Ben was 1st on improvement
    record(&mut c, 2, 1, &[("posts", 3)]);
    record(&mut c, 2, 2, &[("posts", 1)]);
    let board = scoreboard(&c, &team(), &months(3), 2);
    assert_eq!(standing(&board, 1).movement, Movement::Up(1));
    assert_eq!(standing(&board, 2).movement, Movement::Down(1));
}

// --- Closed periods, league ----------------------------------------------------------------------

#[test]
fn a_closed_period_keeps_its_rules_and_its_stored_winners() {
    let kept = rules(vec![posts()], ScoringMode::Raw, &[1, 2]);
    // Since closing: posts are worth 1, comments count, Cleo joined the league.
    let mut cheap = posts();
    cheap.points = 1.0;
    let mut c = competition(rules(
        vec![cheap, comments()],
        ScoringMode::Normalised,
        &[1, 2, 3],
    ));
    close(&mut c, 0, kept.clone(), &[2], &[]);
    record(&mut c, 0, 1, &[("posts", 3), ("comments", 100)]);
    record(&mut c, 0, 2, &[("posts", 2)]);
    record(&mut c, 0, 3, &[("posts", 50)]);
    let board = scoreboard(&c, &team(), &months(1), 0);
    assert!(board.closed);
    assert_eq!(board.rules, kept);
    assert_eq!(ranks(&board), [(1, 1), (2, 2)], "only the kept league");
    assert!(
        approx(standing(&board, 1).score.points, 30.0),
        "posts still worth 10"
    );
    assert_eq!(
        standing(&board, 1).score.lines.len(),
        1,
        "comments did not count then"
    );
    assert_eq!(
        board.most_social,
        ids(&[2]),
        "the stored winner, not a re-count"
    );
    assert!(board.most_improved.is_empty());
}

#[test]
fn stored_winners_deleted_since_are_left_out() {
    let kept = rules(vec![posts()], ScoringMode::Raw, &[1, 2]);
    let mut c = competition(kept.clone());
    close(&mut c, 0, kept, &[1, 2], &[2]);
    let mut people = team();
    people[1] = tombstone(2, "Deleted executive", 0, 5);
    let board = scoreboard(&c, &people, &months(1), 0);
    assert_eq!(board.most_social, ids(&[1]));
    assert!(board.most_improved.is_empty());
    assert_eq!(ranks(&board), [(1, 1)]);
}

#[test]
fn only_live_league_members_are_on_the_scoreboard() {
    let mut c = competition(rules(vec![posts()], ScoringMode::Raw, &[1, 2, 1, 99]));
    record(&mut c, 0, 3, &[("posts", 50)]); // not in the league
    record(&mut c, 0, 2, &[("posts", 40)]); // deleted
    let mut people = team();
    people[1] = tombstone(2, "Deleted executive", 0, 5);
    let board = scoreboard(&c, &people, &months(1), 0);
    assert_eq!(ranks(&board), [(1, 1)], "once each, live members only");
    assert!(
        !board.any_activity,
        "activity of non-members does not count"
    );
    assert!(board.most_social.is_empty());
    assert_eq!(board.best, 0.0);
}

#[test]
fn a_competition_without_kpis_still_lists_its_league() {
    for mode in ScoringMode::ALL {
        let mut c = competition(rules(Vec::new(), mode, &[1, 2]));
        record(&mut c, 0, 1, &[("posts", 3)]);
        record(&mut c, 1, 1, &[("posts", 3)]);
        let board = scoreboard(&c, &team(), &months(2), 1);
        assert_eq!(ranks(&board).len(), 2, "{mode:?}");
        assert!(board.standings.iter().all(|s| s.score.points == 0.0));
        assert!(board.most_social.is_empty());
    }
}

#[test]
fn an_index_outside_the_periods_gives_an_empty_board() {
    let c = competition(rules(vec![posts()], ScoringMode::Raw, &[1]));
    let board = scoreboard(&c, &team(), &months(2), 7);
    assert!(board.standings.is_empty());
    let board = scoreboard(&c, &team(), &[], 0);
    assert!(board.standings.is_empty());
}

// --- Trends and the dashboard --------------------------------------------------------------------

#[test]
fn trends_have_one_value_per_period_for_each_current_league_member() {
    let mut c = competition(rules(vec![posts()], ScoringMode::Raw, &[1, 2, 3]));
    close(
        &mut c,
        0,
        rules(vec![posts()], ScoringMode::Raw, &[1, 2]),
        &[1],
        &[],
    );
    record(&mut c, 0, 1, &[("posts", 4)]);
    record(&mut c, 1, 1, &[("posts", 2)]);
    record(&mut c, 2, 3, &[("posts", 7)]);
    record(&mut c, 1, 4, &[("posts", 7)]); // never in the league
    let mut people = team();
    people[1] = tombstone(2, "Deleted executive", 0, 5);
    let trend = trends(&c, &people, &months(3));
    assert_eq!(trend.keys().copied().collect::<Vec<_>>(), ids(&[1, 3]));
    assert_eq!(trend[&id(1)], [Some(40.0), Some(20.0), Some(0.0)]);
    assert_eq!(
        trend[&id(3)],
        [None, Some(0.0), Some(70.0)],
        "Cleo joined after September"
    );
}

#[test]
fn trends_match_the_scoreboards_points_in_normalised_mode() {
    let kpis = vec![
        kpi("posts", KpiKind::Posts, 10.0, None, Some(Network::Linkedin)),
        kpi(
            "intranet_posts",
            KpiKind::IntranetPosts,
            10.0,
            None,
            Some(Network::Intranet),
        ),
    ];
    let mut c = competition(rules(kpis, ScoringMode::Normalised, &[1, 2]));
    record(&mut c, 0, 1, &[("posts", 4), ("intranet_posts", 1)]);
    record(&mut c, 0, 2, &[("posts", 2), ("intranet_posts", 2)]);
    let periods = months(2);
    let trend = trends(&c, &team(), &periods);
    let board = scoreboard(&c, &team(), &periods, 0);
    for who in [1, 2] {
        assert_eq!(trend[&id(who)][0], Some(standing(&board, who).score.points));
    }
}

#[test]
fn the_running_summary_names_the_leader_and_days_left() {
    let mut c = competition(rules(vec![posts()], ScoringMode::Raw, &[1, 2, 3]));
    record(&mut c, 2, 2, &[("posts", 6)]);
    record(&mut c, 2, 3, &[("posts", 6)]);
    record(&mut c, 2, 1, &[("posts", 1)]);
    let today = date(2026, 11, 20);
    let summary = running_summary(&c, &team(), today).unwrap();
    assert_eq!(summary.competition, id(0xC0));
    assert_eq!(summary.name, "Northwind social league");
    assert_eq!(summary.period.start, date(2026, 11, 1));
    assert_eq!(summary.days_left, 10);
    assert_eq!(summary.leaders, ids(&[2, 3]));
    assert_eq!(summary.points, 60.0);

    // Nobody scored yet in December.
    let december = running_summary(&c, &team(), date(2026, 12, 1)).unwrap();
    assert!(december.leaders.is_empty());
    assert_eq!(december.points, 0.0);
    assert_eq!(december.days_left, 30);

    // Before the start, after the end, deleted: nothing runs.
    assert!(running_summary(&c, &team(), date(2026, 8, 31)).is_none());
    let mut ended = c.clone();
    ended.settings.end = Some(date(2026, 10, 31));
    assert!(running_summary(&ended, &team(), today).is_none());
    let mut deleted = c;
    deleted.settings.deleted = true;
    assert!(running_summary(&deleted, &team(), today).is_none());
}

// --- The note, the mailto draft, the certificates ------------------------------------------------

/// November 2026 (the third month), closed: Ana most social with 12 posts and 48 comments; Ben most
/// improved over October; Cleo third.
fn november() -> (Competition, Scoreboard) {
    let kpis = vec![
        posts(),
        comments(),
        kpi("reactions", KpiKind::Reactions, 0.5, Some(40), None),
    ];
    let kept = rules(kpis.clone(), ScoringMode::Raw, &[1, 2, 3, 4]);
    let mut c = competition(kept.clone());
    record(&mut c, 1, 2, &[("posts", 2)]); // October: 20
    record(
        &mut c,
        2,
        1,
        &[("posts", 12), ("comments", 48), ("reactions", 60)],
    ); // 120 + 144 + 20
    record(&mut c, 2, 2, &[("posts", 14)]); // 140, +120
    record(&mut c, 2, 3, &[("comments", 10)]); // 30
    let open = scoreboard(&c, &team(), &months(3), 2);
    close(&mut c, 2, kept, &[1], &[2]);
    let board = scoreboard(&c, &team(), &months(3), 2);
    assert_eq!(open.most_social, board.most_social);
    assert_eq!(open.most_improved, board.most_improved);
    (c, board)
}

#[test]
fn the_subject_congratulates_the_most_social_executive() {
    let (c, board) = november();
    assert_eq!(
        note_subject(&c, &board, &team()),
        "Congratulations to Ana Silva — most social executive, November 2026"
    );
    let mut tie = board.clone();
    tie.most_social = ids(&[1, 2]);
    assert_eq!(
        note_subject(&c, &tie, &team()),
        "Congratulations to Ana Silva and Ben Okafor — most social executives, November 2026"
    );
    let mut nobody = board;
    nobody.most_social.clear();
    assert_eq!(
        note_subject(&c, &nobody, &team()),
        "Northwind social league: results for November 2026"
    );
}

#[test]
fn the_note_names_the_winners_with_their_figures() {
    let (c, board) = november();
    let note = congratulation_note(&c, &board, &team(), "");
    assert!(note.starts_with("Hello team,"), "{note}");
    assert!(
        note.contains("the Northwind social league for November 2026"),
        "{note}"
    );
    assert!(
        note.contains(
            "Most social executive: Ana Silva, with 284 points — 48 comments, 12 posts and 60 reactions (40 counted)."
        ),
        "{note}"
    );
    assert!(
        note.contains("Most improved: Ben Okafor, +120 points compared with October 2026."),
        "{note}"
    );
    assert!(
        note.contains(
            "1. Ana Silva — 284 points\n2. Ben Okafor — 140 points\n3. Cleo Park — 30 points"
        ),
        "{note}"
    );
    assert!(
        !note.contains("Dev Patel"),
        "nobody at 0 points in the top of the table"
    );
    assert!(note.contains("3 executives recorded activity"), "{note}");
    assert!(note.ends_with("— The communications team"), "{note}");
    let signed = congratulation_note(&c, &board, &team(), " Northwind  Traders ");
    assert!(
        signed.ends_with("— The Northwind Traders communications team"),
        "{signed}"
    );
}

#[test]
fn the_note_shares_the_title_on_a_tie() {
    let mut c = competition(rules(vec![posts()], ScoringMode::Raw, &[1, 2]));
    record(&mut c, 0, 1, &[("posts", 3)]);
    record(&mut c, 0, 2, &[("posts", 3)]);
    let board = scoreboard(&c, &team(), &months(1), 0);
    let note = congratulation_note(&c, &board, &team(), "");
    assert!(
        note.contains("Most social executives — Ana Silva and Ben Okafor share the title."),
        "{note}"
    );
    assert!(
        note.contains("- Ana Silva: 30 points, with 3 posts"),
        "{note}"
    );
    assert!(
        note.contains("- Ben Okafor: 30 points, with 3 posts"),
        "{note}"
    );
    assert!(
        !note.contains("Most improved"),
        "no previous period, no most improved"
    );
    assert!(note.contains("2 executives recorded"), "{note}");
}

#[test]
fn the_note_says_so_when_nobody_scored() {
    let mut c = competition(rules(vec![posts()], ScoringMode::Raw, &[1, 2]));
    let board = scoreboard(&c, &team(), &months(1), 0);
    let note = congratulation_note(&c, &board, &team(), "");
    assert!(
        note.contains("Nothing was recorded in the Northwind social league in September 2026"),
        "{note}"
    );
    assert!(note.contains("next period"), "{note}");
    assert!(!note.contains("Congratulations"), "{note}");
    assert!(!note.contains("points"), "no figures to report: {note}");

    record(&mut c, 0, 1, &[("posts", 0)]);
    let board = scoreboard(&c, &team(), &months(1), 0);
    let note = congratulation_note(&c, &board, &team(), "");
    assert!(note.contains("none of it scored points"), "{note}");
}

#[test]
fn names_are_put_in_as_written_markup_included() {
    let (c, board) = november();
    let mut people = team();
    people[0].name = "<script>alert(1)</script> &amp; Co".to_string();
    let note = congratulation_note(&c, &board, &people, "");
    assert!(
        note.contains("Most social executive: <script>alert(1)</script> &amp; Co, with"),
        "{note}"
    );
    let subject = note_subject(&c, &board, &people);
    assert!(
        subject.contains("<script>alert(1)</script> &amp; Co"),
        "{subject}"
    );
}

#[test]
fn a_winner_no_longer_on_file_reads_deleted_executive() {
    let (c, mut board) = november();
    board.most_social = vec![id(77)];
    assert_eq!(
        note_subject(&c, &board, &team()),
        "Congratulations to Deleted executive — most social executive, November 2026"
    );
    let note = congratulation_note(&c, &board, &team(), "");
    assert!(
        note.contains("Most social executive: Deleted executive. Congratulations!"),
        "{note}"
    );
}

#[test]
fn the_mailto_draft_percent_encodes_subject_and_body() {
    assert_eq!(
        mailto_link("Hi & bye — 100%", "Line one\nLine two?\r\nA+B=C #1 ~ok_-."),
        "mailto:?subject=Hi%20%26%20bye%20%E2%80%94%20100%25\
         &body=Line%20one%0D%0ALine%20two%3F%0D%0AA%2BB%3DC%20%231%20~ok_-."
    );
    let (c, board) = november();
    let link = mailto_link(
        &note_subject(&c, &board, &team()),
        &congratulation_note(&c, &board, &team(), ""),
    );
    let after = link.strip_prefix("mailto:?subject=").unwrap();
    assert!(after
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"%-._~&=".contains(&b)));
    assert_eq!(
        link.matches('&').count(),
        1,
        "only the separator is a bare &"
    );
}

#[test]
fn certificates_go_to_each_winner() {
    let (c, board) = november();
    let certs = certificates(&c, &board, &team(), "Northwind");
    assert_eq!(certs.len(), 2);
    assert_eq!(certs[0].title, "Most social executive");
    assert_eq!(certs[0].name, "Ana Silva");
    assert_eq!(
        certs[0].citation,
        "for leading the Northwind social league in November 2026 with 284 points"
    );
    assert_eq!(certs[0].period, "November 2026");
    assert_eq!(certs[0].competition, "Northwind social league");
    assert_eq!(certs[1].title, "Most improved");
    assert_eq!(certs[1].name, "Ben Okafor");
    assert_eq!(
        certs[1].citation,
        "for improving by 120 points compared with October 2026 in the Northwind social league"
    );

    let mut tie = board;
    tie.most_social = ids(&[1, 3]);
    tie.most_improved.clear();
    let certs = certificates(&c, &tie, &team(), "");
    assert_eq!(
        certs.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Ana Silva", "Cleo Park"]
    );
    assert!(certs.iter().all(|c| c.title == "Most social executive"));
}

// --- Properties and speed ------------------------------------------------------------------------

fn arb_competition() -> impl Strategy<Value = (Competition, Vec<Executive>, usize, usize)> {
    let kpi_strategy = (
        0usize..4,
        prop_oneof![
            Just(-1.0),
            Just(0.0),
            Just(0.05),
            Just(1.0),
            Just(3.5),
            Just(f64::NAN),
            Just(1e308)
        ],
        proptest::option::of(0u32..5),
        proptest::option::of(prop_oneof![
            Just(Network::Linkedin),
            Just(Network::Intranet)
        ]),
    );
    (
        proptest::collection::vec(kpi_strategy, 0..4),
        prop_oneof![
            Just(ScoringMode::Raw),
            Just(ScoringMode::Normalised),
            Just(ScoringMode::MostImproved)
        ],
        proptest::collection::vec(0u128..8, 0..8),
        proptest::collection::vec((0usize..3, 0u128..8, 0usize..4, 0u32..6), 0..30),
        proptest::collection::vec(any::<bool>(), 8),
        0usize..3,
        1usize..4,
        any::<bool>(),
    )
        .prop_map(
            |(kpis, mode, league, rows, deleted, index, count, closed)| {
                let kpis: Vec<Kpi> = kpis
                    .into_iter()
                    .map(|(k, points, cap, network)| {
                        let kind = KpiKind::ALL[k];
                        kpi(kind.key(), kind, points, cap, network)
                    })
                    .collect();
                let mut c = competition(rules(kpis.clone(), mode, &league));
                for (period, who, k, value) in rows {
                    let key = KpiKind::ALL[k].key();
                    record(&mut c, period, who, &[(key, value)]);
                }
                if closed {
                    close(
                        &mut c,
                        0,
                        rules(kpis, ScoringMode::MostImproved, &[0, 1, 2]),
                        &[1, 9],
                        &[2],
                    );
                }
                let people = (0u128..8)
                    .map(|n| {
                        if deleted[n as usize] {
                            tombstone(n, "Deleted executive", 0, 1)
                        } else {
                            executive(n, &format!("Person {}", 7 - n % 3), 0, 0)
                        }
                    })
                    .collect();
                (c, people, count, index)
            },
        )
}

proptest! {
    #[test]
    fn ranks_are_consistent_with_the_order((c, people, count, index) in arb_competition()) {
        let periods = months(count);
        let board = scoreboard(&c, &people, &periods, index);
        let shown = |v: Option<f64>| v.map(|x| {
            let t = (x * 10.0).round();
            if t == 0.0 { 0.0 } else { t }
        });
        if let Some(first) = board.standings.first() {
            prop_assert_eq!(first.rank, 1);
        }
        for pair in board.standings.windows(2) {
            let (a, b) = (shown(pair[0].ranked_on), shown(pair[1].ranked_on));
            let sorted = match (a, b) {
                (Some(x), Some(y)) => x >= y,
                (None, Some(_)) => false,
                _ => true,
            };
            prop_assert!(sorted, "{:?} before {:?}", a, b);
        }
        for s in &board.standings {
            let mine = shown(s.ranked_on);
            let better = board
                .standings
                .iter()
                .filter(|o| match (shown(o.ranked_on), mine) {
                    (Some(x), Some(y)) => x > y,
                    (Some(_), None) => true,
                    _ => false,
                })
                .count();
            prop_assert_eq!(s.rank, better + 1);
            prop_assert!(s.score.points.is_finite() && s.score.points >= 0.0);
            prop_assert!(people.iter().any(|p| p.id == s.executive && !p.deleted));
        }
        prop_assert!(board.best.is_finite() && board.best >= 0.0);
        let trend = trends(&c, &people, &periods);
        prop_assert!(trend.values().all(|line| line.len() == periods.len()));
        let _ = congratulation_note(&c, &board, &people, "Northwind");
        let _ = certificates(&c, &board, &people, "");
    }
}

/// 500 executives × 24 monthly periods × 6 KPIs.
fn big() -> (Competition, Vec<Executive>, Vec<Period>) {
    let kpis = vec![
        posts(),
        comments(),
        kpi(
            "reactions",
            KpiKind::Reactions,
            0.5,
            Some(200),
            Some(Network::Linkedin),
        ),
        kpi(
            "shares",
            KpiKind::Shares,
            5.0,
            None,
            Some(Network::Linkedin),
        ),
        kpi(
            "followers_gained",
            KpiKind::FollowersGained,
            1.0,
            None,
            Some(Network::X),
        ),
        kpi(
            "intranet_posts",
            KpiKind::IntranetPosts,
            10.0,
            None,
            Some(Network::Intranet),
        ),
    ];
    let people: Vec<Executive> = (1..=500u128)
        .map(|n| executive(n, &format!("Executive {n}"), 0, 0))
        .collect();
    let league: Vec<u128> = (1..=500).collect();
    let mut c = competition(rules(kpis.clone(), ScoringMode::Normalised, &league));
    let periods = months(24);
    for (p, _) in periods.iter().enumerate() {
        for n in 1..=500u128 {
            let values: Vec<(&str, u32)> = kpis
                .iter()
                .enumerate()
                .map(|(k, kpi)| (kpi.id.as_str(), ((n as usize * 7 + p * 3 + k) % 40) as u32))
                .collect();
            record(&mut c, p, n, &values);
        }
    }
    (c, people, periods)
}

#[test]
fn a_big_competition_is_scored_correctly() {
    let (c, people, periods) = big();
    let trend = trends(&c, &people, &periods);
    assert_eq!(trend.len(), 500);
    let board = scoreboard(&c, &people, &periods, 23);
    assert_eq!(board.standings.len(), 500);
    for s in &board.standings {
        assert_eq!(trend[&s.executive][23], Some(s.score.points));
    }
}

/// Run with `cargo test --release --test competition_scoring -- --ignored`: the budget is for an
/// optimised build.
#[test]
#[ignore]
fn a_big_competition_is_scored_in_milliseconds() {
    let (c, people, periods) = big();
    for _ in 0..3 {
        let started = std::time::Instant::now();
        let _ = trends(&c, &people, &periods);
        let warm = started.elapsed();
        let started = std::time::Instant::now();
        let _ = scoreboard(&c, &people, &periods, 23);
        eprintln!(
            "warm-up: trends {warm:?}, scoreboard {:?}",
            started.elapsed()
        );
    }
    let started = std::time::Instant::now();
    let trend = trends(&c, &people, &periods);
    let trends_took = started.elapsed();
    let started = std::time::Instant::now();
    let board = scoreboard(&c, &people, &periods, 23);
    let board_took = started.elapsed();
    eprintln!("trends: {trends_took:?}, scoreboard: {board_took:?}");
    assert_eq!((trend.len(), board.standings.len()), (500, 500));
    assert!(trends_took.as_millis() < 10, "trends took {trends_took:?}");
    assert!(
        board_took.as_millis() < 10,
        "scoreboard took {board_took:?}"
    );
}
