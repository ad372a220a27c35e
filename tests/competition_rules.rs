//! Step 6 — the rules of a competition: its periods (month ends, leap years, weeks, quarters, custom
//! ranges, the end date, the guards), recording activity, closing and reopening periods (locked,
//! logged, rules kept), the period settings, deletion, and merging two copies.

mod common;

use chrono::NaiveDate;
use common::*;
use exec_social_playbook::io::stored::parse_stored_programme;
use exec_social_playbook::io::StoredProgramme;
use exec_social_playbook::model::competition::{
    generate_periods, merge_competitions, new_kpi, period_containing, ActivityRow, Competition,
    CompetitionError, CompetitionSettings, KpiKind, Period, PeriodAction, PeriodKind, ScoringMode,
    DEFAULT_CUSTOM_DAYS, MAX_PERIODS,
};
use exec_social_playbook::model::{Executive, Programme, Timestamp};
use proptest::prelude::*;
use std::collections::BTreeMap;
use uuid::Uuid;

fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).unwrap()
}

/// Settings of a competition of `kind` from `start`, running on.
fn settings(kind: PeriodKind, start: NaiveDate) -> CompetitionSettings {
    let mut settings = Competition::new("League", start, Vec::new(), at(0)).settings;
    settings.period_kind = kind;
    settings
}

fn starts(periods: &[Period]) -> Vec<NaiveDate> {
    periods.iter().map(|p| p.start).collect()
}

fn ends(periods: &[Period]) -> Vec<NaiveDate> {
    periods.iter().map(|p| p.end).collect()
}

fn labels(periods: &[Period]) -> Vec<String> {
    periods.iter().map(Period::label).collect()
}

// --- Periods ------------------------------------------------------------------------------------

#[test]
fn monthly_periods_from_the_first_are_calendar_months() {
    let periods = generate_periods(
        &settings(PeriodKind::Monthly, day(2026, 11, 1)),
        day(2027, 2, 10),
    );
    assert_eq!(
        labels(&periods),
        [
            "November 2026",
            "December 2026",
            "January 2027",
            "February 2027"
        ]
    );
    assert_eq!(
        ends(&periods),
        [
            day(2026, 11, 30),
            day(2026, 12, 31),
            day(2027, 1, 31),
            day(2027, 2, 28)
        ]
    );
    let indexes: Vec<usize> = periods.iter().map(|p| p.index).collect();
    assert_eq!(indexes, [0, 1, 2, 3]);
    assert!(periods.iter().all(|p| p.kind == PeriodKind::Monthly));
}

#[test]
fn february_has_29_days_in_a_leap_year() {
    let periods = generate_periods(
        &settings(PeriodKind::Monthly, day(2024, 1, 1)),
        day(2024, 3, 1),
    );
    assert_eq!(periods[1].end, day(2024, 2, 29));
    assert_eq!(periods[1].label(), "February 2024");
    let periods = generate_periods(
        &settings(PeriodKind::Monthly, day(2100, 2, 1)),
        day(2100, 2, 1),
    );
    assert_eq!(periods[0].end, day(2100, 2, 28), "2100 is not a leap year");
}

#[test]
fn months_from_the_31st_of_january_of_a_leap_year_keep_to_month_ends() {
    let periods = generate_periods(
        &settings(PeriodKind::Monthly, day(2024, 1, 31)),
        day(2024, 6, 15),
    );
    assert_eq!(
        starts(&periods),
        [
            day(2024, 1, 31),
            day(2024, 2, 29),
            day(2024, 3, 31),
            day(2024, 4, 30),
            day(2024, 5, 31)
        ]
    );
    assert_eq!(
        ends(&periods),
        [
            day(2024, 2, 28),
            day(2024, 3, 30),
            day(2024, 4, 29),
            day(2024, 5, 30),
            day(2024, 6, 29)
        ]
    );
    assert_eq!(periods[0].label(), "31 Jan – 28 Feb 2024");
}

#[test]
fn months_from_the_31st_of_january_of_a_common_year_keep_to_month_ends() {
    let periods = generate_periods(
        &settings(PeriodKind::Monthly, day(2023, 1, 31)),
        day(2023, 4, 1),
    );
    assert_eq!(
        starts(&periods),
        [day(2023, 1, 31), day(2023, 2, 28), day(2023, 3, 31)]
    );
    assert_eq!(
        ends(&periods),
        [day(2023, 2, 27), day(2023, 3, 30), day(2023, 4, 29)]
    );
}

#[test]
fn months_from_the_29th_of_february_are_counted_from_the_start() {
    let periods = generate_periods(
        &settings(PeriodKind::Monthly, day(2024, 2, 29)),
        day(2025, 4, 1),
    );
    assert_eq!(periods[1].start, day(2024, 3, 29));
    assert_eq!(
        periods[12].start,
        day(2025, 2, 28),
        "no 29 February in 2025"
    );
    assert_eq!(
        periods[13].start,
        day(2025, 3, 29),
        "back to the 29th, not the 28th"
    );
    assert_eq!(periods[12].end, day(2025, 3, 28));
}

#[test]
fn quarters_from_a_quarter_start_are_named_q1_to_q4() {
    let periods = generate_periods(
        &settings(PeriodKind::Quarterly, day(2026, 10, 1)),
        day(2027, 7, 1),
    );
    assert_eq!(
        labels(&periods),
        ["Q4 2026", "Q1 2027", "Q2 2027", "Q3 2027"]
    );
    assert_eq!(
        ends(&periods),
        [
            day(2026, 12, 31),
            day(2027, 3, 31),
            day(2027, 6, 30),
            day(2027, 9, 30)
        ]
    );
}

#[test]
fn quarters_from_another_day_are_ranges() {
    let periods = generate_periods(
        &settings(PeriodKind::Quarterly, day(2026, 11, 15)),
        day(2027, 3, 1),
    );
    assert_eq!(
        labels(&periods),
        ["15 Nov 2026 – 14 Feb 2027", "15 Feb – 14 May 2027"]
    );
}

#[test]
fn weeks_are_seven_days_named_by_their_first_day() {
    let periods = generate_periods(
        &settings(PeriodKind::Weekly, day(2026, 11, 23)),
        day(2027, 1, 1),
    );
    assert_eq!(periods.len(), 6);
    assert_eq!(periods[0].label(), "Week of 23 Nov 2026");
    assert_eq!(periods[0].end, day(2026, 11, 29));
    assert_eq!(periods[5].label(), "Week of 28 Dec 2026");
    assert_eq!(
        periods[5].end,
        day(2027, 1, 3),
        "a week runs into the new year"
    );
}

#[test]
fn custom_periods_are_the_chosen_number_of_days() {
    let mut s = settings(PeriodKind::Custom, day(2026, 1, 1));
    s.custom_days = 10;
    let periods = generate_periods(&s, day(2026, 1, 25));
    assert_eq!(
        starts(&periods),
        [day(2026, 1, 1), day(2026, 1, 11), day(2026, 1, 21)]
    );
    assert_eq!(periods[0].end, day(2026, 1, 10));
    assert_eq!(periods[0].label(), "1 Jan – 10 Jan 2026");
    let periods = generate_periods(&s, day(2026, 1, 31));
    assert_eq!(
        periods[3].label(),
        "31 Jan – 9 Feb 2026",
        "a range across months"
    );
}

#[test]
fn a_custom_range_across_the_new_year_names_both_years() {
    let mut s = settings(PeriodKind::Custom, day(2026, 12, 28));
    s.custom_days = 14;
    assert_eq!(
        generate_periods(&s, day(2026, 12, 28))[0].label(),
        "28 Dec 2026 – 10 Jan 2027"
    );
}

#[test]
fn a_custom_period_of_one_day_is_named_by_its_day() {
    let mut s = settings(PeriodKind::Custom, day(2027, 3, 5));
    s.custom_days = 1;
    let periods = generate_periods(&s, day(2027, 3, 6));
    assert_eq!(labels(&periods), ["5 Mar 2027", "6 Mar 2027"]);
}

#[test]
fn custom_lengths_outside_one_day_to_a_year_are_kept_within() {
    let mut s = settings(PeriodKind::Custom, day(2026, 1, 1));
    s.custom_days = 0;
    let periods = generate_periods(&s, day(2026, 1, 3));
    assert_eq!(periods.len(), 3, "0 days counts as 1");
    assert_eq!(periods[0].end, day(2026, 1, 1));
    s.custom_days = 1_000;
    let periods = generate_periods(&s, day(2027, 6, 1));
    assert_eq!(periods[0].end, day(2027, 1, 1), "at most 366 days");
    assert_eq!(periods[1].start, day(2027, 1, 2));
}

#[test]
fn a_single_custom_range_is_one_period_however_long_ago() {
    let mut s = settings(PeriodKind::Custom, day(2026, 3, 1));
    s.custom_days = 45;
    s.end = Some(day(2026, 4, 14));
    let periods = generate_periods(&s, day(2030, 1, 1));
    assert_eq!(periods.len(), 1);
    assert_eq!(periods[0].start, day(2026, 3, 1));
    assert_eq!(periods[0].end, day(2026, 4, 14));
    assert_eq!(periods[0].label(), "1 Mar – 14 Apr 2026");
}

#[test]
fn the_end_cuts_the_last_period_and_nothing_follows() {
    let mut s = settings(PeriodKind::Monthly, day(2026, 1, 1));
    s.end = Some(day(2026, 3, 15));
    let periods = generate_periods(&s, day(2026, 12, 1));
    assert_eq!(
        labels(&periods),
        ["January 2026", "February 2026", "1 Mar – 15 Mar 2026"]
    );
    assert_eq!(periods[2].end, day(2026, 3, 15));
}

#[test]
fn an_end_on_a_period_boundary_leaves_no_stub_period() {
    let mut s = settings(PeriodKind::Monthly, day(2026, 1, 1));
    s.end = Some(day(2026, 2, 28));
    let periods = generate_periods(&s, day(2026, 12, 1));
    assert_eq!(labels(&periods), ["January 2026", "February 2026"]);
    s.end = Some(day(2026, 3, 1));
    let periods = generate_periods(&s, day(2026, 12, 1));
    assert_eq!(periods.len(), 3);
    assert_eq!(periods[2].label(), "1 Mar 2026", "a period of one day");
}

#[test]
fn a_week_cut_short_by_the_end_is_shown_as_its_range() {
    let mut s = settings(PeriodKind::Weekly, day(2026, 11, 23));
    s.end = Some(day(2026, 12, 2));
    let periods = generate_periods(&s, day(2027, 1, 1));
    assert_eq!(
        labels(&periods),
        ["Week of 23 Nov 2026", "30 Nov – 2 Dec 2026"]
    );
}

#[test]
fn periods_run_through_the_one_containing_today() {
    let s = settings(PeriodKind::Monthly, day(2026, 1, 1));
    let periods = generate_periods(&s, day(2026, 3, 1));
    assert_eq!(periods.len(), 3);
    assert!(periods[2].contains(day(2026, 3, 1)));
    assert_eq!(generate_periods(&s, day(2026, 2, 28)).len(), 2);
}

#[test]
fn a_competition_starting_in_the_future_shows_its_first_period() {
    let s = settings(PeriodKind::Monthly, day(2027, 1, 1));
    let periods = generate_periods(&s, day(2026, 11, 20));
    assert_eq!(labels(&periods), ["January 2027"]);
    assert!(!periods[0].has_started(day(2026, 11, 20)));
    assert_eq!(period_containing(&s, day(2026, 11, 20)), None);
}

#[test]
fn an_end_before_the_start_leaves_just_the_first_period() {
    let mut s = settings(PeriodKind::Monthly, day(2026, 3, 1));
    s.end = Some(day(2026, 1, 1));
    let periods = generate_periods(&s, day(2026, 12, 1));
    assert_eq!(labels(&periods), ["March 2026"]);
    assert_eq!(period_containing(&s, day(2026, 3, 5)), None);
}

#[test]
fn at_most_max_periods_are_generated() {
    let s = settings(PeriodKind::Weekly, day(1900, 1, 1));
    let periods = generate_periods(&s, day(2026, 1, 1));
    assert_eq!(periods.len(), MAX_PERIODS);
    assert_eq!(periods[MAX_PERIODS - 1].index, MAX_PERIODS - 1);
    let last = periods[MAX_PERIODS - 1];
    assert_eq!(
        period_containing(&s, last.end),
        Some(last),
        "the last allowed period"
    );
    assert_eq!(
        period_containing(&s, last.end.succ_opt().unwrap()),
        None,
        "beyond the guard"
    );
    let mut custom = settings(PeriodKind::Custom, day(1, 1, 1));
    custom.custom_days = 1;
    assert_eq!(
        generate_periods(&custom, day(9999, 1, 1)).len(),
        MAX_PERIODS
    );
}

#[test]
fn dates_at_the_ends_of_the_calendar_do_not_panic() {
    let far = [
        NaiveDate::MAX,
        NaiveDate::MAX.pred_opt().unwrap(),
        NaiveDate::MAX - chrono::Duration::days(40),
        NaiveDate::MIN,
        NaiveDate::MIN + chrono::Duration::days(3),
    ];
    for kind in PeriodKind::ALL {
        for custom_days in [1u16, 14, 366, u16::MAX] {
            for &start in &far {
                for &today in &far {
                    let mut s = settings(kind, start);
                    s.custom_days = custom_days;
                    for end in [None, Some(NaiveDate::MAX), Some(NaiveDate::MIN)] {
                        s.end = end;
                        let periods = generate_periods(&s, today);
                        assert!(periods.len() <= MAX_PERIODS);
                        for period in &periods {
                            assert!(period.start <= period.end, "{period:?}");
                            let _ = period.label();
                            let _ = period.days_left(today);
                        }
                        let _ = period_containing(&s, today);
                    }
                }
            }
        }
    }
}

#[test]
fn the_last_period_before_the_end_of_the_calendar_runs_to_its_end() {
    let s = settings(
        PeriodKind::Monthly,
        NaiveDate::MAX - chrono::Duration::days(10),
    );
    let periods = generate_periods(&s, NaiveDate::MAX);
    assert_eq!(periods.len(), 1);
    assert_eq!(periods[0].end, NaiveDate::MAX);
}

#[test]
fn period_containing_agrees_with_the_generated_periods_on_every_day() {
    for (kind, start, custom_days) in [
        (PeriodKind::Monthly, day(2024, 1, 31), 14),
        (PeriodKind::Monthly, day(2023, 5, 31), 14),
        (PeriodKind::Quarterly, day(2023, 11, 30), 14),
        (PeriodKind::Weekly, day(2024, 2, 26), 14),
        (PeriodKind::Custom, day(2024, 2, 29), 9),
    ] {
        let mut s = settings(kind, start);
        s.custom_days = custom_days;
        s.end = Some(day(2026, 6, 17));
        let periods = generate_periods(&s, day(2027, 1, 1));
        let mut date = start.pred_opt().unwrap();
        while date <= day(2026, 7, 1) {
            let expected = periods.iter().find(|p| p.contains(date)).copied();
            assert_eq!(period_containing(&s, date), expected, "{kind:?} {date}");
            date = date.succ_opt().unwrap();
        }
        // The periods tile the competition: each starts the day after the one before ends.
        for pair in periods.windows(2) {
            assert_eq!(pair[0].end.succ_opt(), Some(pair[1].start), "{kind:?}");
        }
        assert_eq!(periods.last().unwrap().end, day(2026, 6, 17));
    }
}

#[test]
fn a_period_knows_whether_it_has_started_ended_and_how_many_days_are_left() {
    let period = generate_periods(
        &settings(PeriodKind::Monthly, day(2026, 11, 1)),
        day(2026, 11, 1),
    )[0];
    assert!(period.contains(day(2026, 11, 1)) && period.contains(day(2026, 11, 30)));
    assert!(!period.contains(day(2026, 10, 31)) && !period.contains(day(2026, 12, 1)));
    assert_eq!(period.days_left(day(2026, 11, 23)), 7);
    assert_eq!(period.days_left(day(2026, 11, 30)), 0);
    assert_eq!(period.days_left(day(2026, 12, 2)), -2);
    assert!(!period.has_started(day(2026, 10, 31)));
    assert!(period.has_started(day(2026, 11, 1)));
    assert!(!period.has_ended(day(2026, 11, 30)));
    assert!(period.has_ended(day(2026, 12, 1)));
}

// --- A new competition and its KPIs -------------------------------------------------------------

#[test]
fn a_new_competition_is_monthly_raw_and_counts_four_kpis_with_reactions_capped() {
    let league = vec![id(1), id(2)];
    let c = Competition::new("Social league", day(2026, 11, 1), league.clone(), at(5));
    assert_eq!(c.settings.name, "Social league");
    assert_eq!(c.settings.period_kind, PeriodKind::Monthly);
    assert_eq!(c.settings.rules.scoring, ScoringMode::Raw);
    assert_eq!(c.settings.rules.league, league);
    assert_eq!(c.settings.start, day(2026, 11, 1));
    assert_eq!(c.settings.end, None);
    assert_eq!(c.settings.custom_days, DEFAULT_CUSTOM_DAYS);
    assert_eq!(
        (c.settings.created_at, c.settings.updated_at),
        (at(5), at(5))
    );
    assert!(!c.is_deleted());
    assert!(c.periods.is_empty() && c.activity.is_empty());
    let kpis: Vec<(&str, f64, Option<u32>)> = c
        .settings
        .rules
        .kpis
        .iter()
        .map(|k| (k.id.as_str(), k.points, k.cap))
        .collect();
    assert_eq!(
        kpis,
        [
            ("posts", 10.0, None),
            ("comments", 3.0, None),
            ("reactions", 0.5, Some(200)),
            ("shares", 5.0, None)
        ]
    );
    assert_ne!(
        c.id(),
        Competition::new("Social league", day(2026, 11, 1), league, at(5)).id()
    );
}

#[test]
fn new_kpis_get_free_ids() {
    let mut kpis = Vec::new();
    let custom = new_kpi(KpiKind::Custom, &kpis);
    assert_eq!(
        (custom.id.as_str(), custom.label.as_str()),
        ("custom-1", "Custom KPI 1")
    );
    kpis.push(custom);
    let second = new_kpi(KpiKind::Custom, &kpis);
    assert_eq!(
        (second.id.as_str(), second.label.as_str()),
        ("custom-2", "Custom KPI 2")
    );
    kpis.push(second);
    kpis.remove(0);
    assert_eq!(
        new_kpi(KpiKind::Custom, &kpis).id,
        "custom-1",
        "a freed id is reused"
    );

    let views = new_kpi(KpiKind::ProfileViews, &kpis);
    assert_eq!(views.id, "profile_views");
    assert_eq!(views.label, "Profile views");
    assert_eq!(views.points, KpiKind::ProfileViews.default_points());
    assert_eq!((views.cap, views.network), (None, None));
    kpis.push(views);
    assert_eq!(
        new_kpi(KpiKind::ProfileViews, &kpis).id,
        "profile_views-2",
        "a kind counted twice (per network) never shares an id"
    );
}

// --- Recording activity -------------------------------------------------------------------------

fn league() -> Competition {
    let mut c = Competition::new("League", day(2026, 11, 1), vec![id(1), id(2), id(3)], at(0));
    c.settings.id = id(100);
    c
}

fn november() -> Period {
    league().periods(day(2026, 12, 10))[0]
}

fn december() -> Period {
    league().periods(day(2026, 12, 10))[1]
}

fn roster() -> Vec<Executive> {
    vec![
        executive(1, "Ada", 0, 0),
        executive(2, "Grace", 0, 0),
        executive(3, "Linus", 0, 0),
    ]
}

#[test]
fn a_value_is_recorded_in_a_new_row_stamped_now() {
    let mut c = league();
    assert_eq!(
        c.set_value(&november(), id(1), "posts", Some(4), at(10)),
        Ok(true)
    );
    assert_eq!(c.value(day(2026, 11, 1), id(1), "posts"), Some(4));
    let row = c.row(day(2026, 11, 1), id(1)).unwrap();
    assert_eq!(row.updated_at, at(10));
    assert_eq!(c.value(day(2026, 11, 1), id(1), "comments"), None);
    assert_eq!(c.value(day(2026, 12, 1), id(1), "posts"), None);
    assert!(c.has_history());
    assert_eq!(
        c.settings.updated_at,
        at(0),
        "the settings are a record of their own"
    );
}

#[test]
fn setting_the_same_value_again_changes_nothing_and_stamps_nothing() {
    let mut c = league();
    c.set_value(&november(), id(1), "posts", Some(4), at(10))
        .unwrap();
    assert_eq!(
        c.set_value(&november(), id(1), "posts", Some(4), at(20)),
        Ok(false)
    );
    assert_eq!(c.row(day(2026, 11, 1), id(1)).unwrap().updated_at, at(10));
    assert_eq!(
        c.set_value(&november(), id(2), "posts", None, at(20)),
        Ok(false),
        "clearing nothing"
    );
    assert!(
        c.row(day(2026, 11, 1), id(2)).is_none(),
        "no row made for it"
    );
}

#[test]
fn clearing_the_last_value_keeps_the_row_empty_and_stamped() {
    let mut c = league();
    c.set_value(&november(), id(1), "posts", Some(4), at(10))
        .unwrap();
    assert_eq!(
        c.set_value(&november(), id(1), "posts", None, at(20)),
        Ok(true)
    );
    let row = c.row(day(2026, 11, 1), id(1)).unwrap();
    assert!(row.values.is_empty());
    assert_eq!(row.updated_at, at(20));
    assert!(!c.has_history(), "an empty row is no history");
}

#[test]
fn an_edit_is_later_than_the_one_it_replaces_even_when_the_clock_is_behind() {
    let mut c = league();
    c.set_value(&november(), id(1), "posts", Some(4), at(50))
        .unwrap();
    c.set_value(&november(), id(1), "posts", Some(5), at(10))
        .unwrap();
    assert!(c.row(day(2026, 11, 1), id(1)).unwrap().updated_at > at(50));
}

#[test]
fn values_of_an_executive_outside_the_league_are_refused() {
    let mut c = league();
    let refused = c.set_value(&november(), id(9), "posts", Some(1), at(10));
    assert!(matches!(refused, Err(CompetitionError::NotInLeague(_))));
    let message = refused.unwrap_err().to_string();
    assert_plain_words(&message);
    assert!(
        message.contains("not in this competition's league"),
        "{message}"
    );
    assert!(c.activity.is_empty());
}

#[test]
fn values_of_an_unknown_kpi_are_refused() {
    let mut c = league();
    let refused = c.set_value(&november(), id(1), "likes", Some(1), at(10));
    assert_eq!(
        refused,
        Err(CompetitionError::UnknownKpi("likes".to_string()))
    );
    assert_plain_words(&refused.unwrap_err().to_string());
    assert!(c.activity.is_empty());
}

#[test]
fn several_values_are_recorded_all_or_nothing() {
    let mut c = league();
    let values = vec![
        ("posts".to_string(), Some(3)),
        ("nonsense".to_string(), Some(1)),
    ];
    assert!(c.set_values(&november(), id(1), &values, at(10)).is_err());
    assert!(c.activity.is_empty(), "nothing applied");
    let values = vec![
        ("posts".to_string(), Some(3)),
        ("shares".to_string(), Some(1)),
    ];
    assert_eq!(c.set_values(&november(), id(1), &values, at(10)), Ok(true));
    assert_eq!(c.value(day(2026, 11, 1), id(1), "shares"), Some(1));
    assert_eq!(c.set_values(&november(), id(1), &values, at(20)), Ok(false));
    assert_eq!(c.activity.len(), 1);
}

// --- Closing and reopening ----------------------------------------------------------------------

/// The league with November filled in (Ada 3 posts, Grace 1 post) and closed at second 100.
fn closed_november() -> Competition {
    let mut c = league();
    c.set_value(&november(), id(1), "posts", Some(3), at(10))
        .unwrap();
    c.set_value(&november(), id(2), "posts", Some(1), at(11))
        .unwrap();
    let periods = c.periods(day(2026, 12, 10));
    c.close_period(&roster(), &periods, 0, december_time(1))
        .unwrap();
    c
}

/// A moment on `d` December 2026 (after November has ended).
fn december_time(d: u32) -> Timestamp {
    day(2026, 12, d).and_hms_opt(9, 0, 0).unwrap().and_utc()
}

#[test]
fn closing_a_period_locks_it_names_the_winner_and_logs_the_date() {
    let c = closed_november();
    assert!(c.is_closed(day(2026, 11, 1)));
    assert!(!c.is_closed(day(2026, 12, 1)));
    let record = c.record(day(2026, 11, 1)).unwrap();
    assert_eq!(record.most_social, [id(1)]);
    assert_eq!(record.log.len(), 1);
    assert_eq!(record.log[0].action, PeriodAction::Closed);
    assert_eq!(record.log[0].at, december_time(1));
    assert_eq!(record.updated_at, december_time(1));
    assert_eq!(record.rules.as_ref(), Some(&c.settings.rules));
    assert!(c.has_history());
}

#[test]
fn activity_of_a_closed_period_is_refused_with_a_message_naming_it() {
    let mut c = closed_november();
    let refused = c.set_value(&november(), id(1), "posts", Some(30), at(200));
    assert_eq!(
        refused,
        Err(CompetitionError::Closed("November 2026".to_string()))
    );
    let message = refused.unwrap_err().to_string();
    assert!(message.starts_with("November 2026 is closed"), "{message}");
    assert!(message.contains("Reopen"), "{message}");
    assert_plain_words(&message);
    assert_eq!(c.value(day(2026, 11, 1), id(1), "posts"), Some(3));
    let values = vec![("posts".to_string(), None)];
    assert!(c.set_values(&november(), id(1), &values, at(200)).is_err());
    // The open period is still editable.
    assert_eq!(
        c.set_value(&december(), id(1), "posts", Some(1), at(200)),
        Ok(true)
    );
}

#[test]
fn closing_twice_is_refused() {
    let mut c = closed_november();
    let periods = c.periods(day(2026, 12, 10));
    let refused = c.close_period(&roster(), &periods, 0, december_time(2));
    assert_eq!(
        refused,
        Err(CompetitionError::AlreadyClosed("November 2026".into()))
    );
    assert_eq!(c.record(day(2026, 11, 1)).unwrap().log.len(), 1);
}

#[test]
fn a_period_that_has_not_started_cannot_be_closed() {
    let mut c = league();
    let periods = c.periods(day(2026, 12, 10));
    let refused = c.close_period(
        &roster(),
        &periods,
        1,
        december_time(1) - chrono::Duration::days(3),
    );
    assert_eq!(
        refused,
        Err(CompetitionError::NotStarted("December 2026".into()))
    );
    assert!(c.periods.is_empty());
    assert!(matches!(
        c.close_period(&roster(), &periods, 7, december_time(1)),
        Err(CompetitionError::NotStarted(_))
    ));
    assert_plain_words(&CompetitionError::NotStarted("December 2026".into()).to_string());
}

#[test]
fn a_running_period_may_be_closed_early() {
    let mut c = league();
    let periods = c.periods(day(2026, 12, 10));
    assert_eq!(
        c.close_period(&roster(), &periods, 1, december_time(10)),
        Ok(())
    );
    assert!(c.is_closed(day(2026, 12, 1)));
}

#[test]
fn reopening_unlocks_the_period_logs_it_and_clears_the_winners() {
    let mut c = closed_november();
    assert_eq!(c.reopen_period(&november(), december_time(2)), Ok(()));
    assert!(!c.is_closed(day(2026, 11, 1)));
    let record = c.record(day(2026, 11, 1)).unwrap();
    let log: Vec<(PeriodAction, Timestamp)> = record.log.iter().map(|e| (e.action, e.at)).collect();
    assert_eq!(
        log,
        [
            (PeriodAction::Closed, december_time(1)),
            (PeriodAction::Reopened, december_time(2))
        ]
    );
    assert!(record.most_social.is_empty() && record.most_improved.is_empty());
    assert!(record.rules.is_some(), "the kept rules stay");
    assert_eq!(
        c.set_value(&november(), id(2), "posts", Some(9), december_time(2)),
        Ok(true)
    );
    let periods = c.periods(day(2026, 12, 10));
    c.close_period(&roster(), &periods, 0, december_time(3))
        .unwrap();
    let record = c.record(day(2026, 11, 1)).unwrap();
    assert_eq!(
        record.most_social,
        [id(2)],
        "named again at the new closing"
    );
    assert_eq!(record.log.len(), 3);
}

#[test]
fn reopening_an_open_period_is_refused() {
    let mut c = league();
    assert_eq!(
        c.reopen_period(&november(), at(10)),
        Err(CompetitionError::NotClosed("November 2026".into()))
    );
    assert!(c.periods.is_empty());
}

#[test]
fn reopening_stamps_later_than_the_closing_even_when_the_clock_is_behind() {
    let mut c = closed_november();
    c.reopen_period(&november(), at(0)).unwrap();
    let record = c.record(day(2026, 11, 1)).unwrap();
    assert!(record.updated_at > december_time(1));
    assert!(record.log[1].at > record.log[0].at);
}

#[test]
fn a_closed_period_keeps_the_rules_it_was_scored_under() {
    let mut c = closed_november();
    let kept = c.rules_for(day(2026, 11, 1)).clone();
    c.edit_settings(at(500), |s| {
        s.rules.kpis[0].points = 100.0;
        s.rules.league.retain(|&e| e != id(2));
        s.rules.scoring = ScoringMode::MostImproved;
    });
    assert_eq!(
        c.rules_for(day(2026, 11, 1)),
        &kept,
        "no silent back-dating"
    );
    assert_eq!(c.rules_for(day(2026, 11, 1)).kpis[0].points, 10.0);
    assert_eq!(
        c.rules_for(day(2026, 12, 1)).kpis[0].points,
        100.0,
        "open periods use the current rules"
    );
    // Reopened and closed again, it is still scored under the rules of its first closing.
    c.reopen_period(&november(), december_time(2)).unwrap();
    assert_eq!(c.rules_for(day(2026, 11, 1)), &kept);
    assert_eq!(
        c.set_value(&november(), id(2), "posts", Some(2), december_time(2)),
        Ok(true),
        "still in the period's league"
    );
    let periods = c.periods(day(2026, 12, 10));
    c.close_period(&roster(), &periods, 0, december_time(3))
        .unwrap();
    assert_eq!(c.rules_for(day(2026, 11, 1)), &kept);
    assert_eq!(
        c.record(day(2026, 11, 1)).unwrap().rules.as_ref(),
        Some(&kept)
    );
}

#[test]
fn the_note_can_be_edited_once_a_period_has_been_closed() {
    let mut c = league();
    assert_eq!(
        c.set_note(&november(), Some("Well done".into()), at(10)),
        Err(CompetitionError::NotClosed("November 2026".into()))
    );
    let mut c = closed_november();
    c.set_note(&november(), Some("Well done, Ada".into()), december_time(2))
        .unwrap();
    let record = c.record(day(2026, 11, 1)).unwrap();
    assert_eq!(record.note.as_deref(), Some("Well done, Ada"));
    assert_eq!(record.updated_at, december_time(2));
    // The same note again stamps nothing.
    c.set_note(&november(), Some("Well done, Ada".into()), december_time(3))
        .unwrap();
    assert_eq!(
        c.record(day(2026, 11, 1)).unwrap().updated_at,
        december_time(2)
    );
    c.reopen_period(&november(), december_time(4)).unwrap();
    assert_eq!(
        c.set_note(&november(), None, december_time(5)),
        Ok(()),
        "also while reopened"
    );
    assert_eq!(c.record(day(2026, 11, 1)).unwrap().note, None);
}

// --- Settings -----------------------------------------------------------------------------------

#[test]
fn editing_the_settings_stamps_them_only_when_something_changes() {
    let mut c = league();
    c.edit_settings(at(10), |s| s.name = "League".into());
    assert_eq!(c.settings.updated_at, at(0));
    c.edit_settings(at(10), |s| s.name = "Social league".into());
    assert_eq!(c.settings.updated_at, at(10));
    c.edit_settings(at(5), |s| s.name = "Social league 2027".into());
    assert!(
        c.settings.updated_at > at(10),
        "later than the edit it replaces"
    );
}

#[test]
fn the_periods_can_change_until_there_is_history() {
    let mut c = league();
    assert_eq!(
        c.set_period_settings(PeriodKind::Custom, day(2026, 11, 2), 0, None, at(10)),
        Ok(())
    );
    assert_eq!(c.settings.period_kind, PeriodKind::Custom);
    assert_eq!(c.settings.start, day(2026, 11, 2));
    assert_eq!(c.settings.custom_days, 1, "kept within 1–366");
    assert_eq!(c.settings.updated_at, at(10));
    c.set_period_settings(
        PeriodKind::Weekly,
        day(2026, 11, 2),
        14,
        Some(day(2027, 1, 31)),
        at(20),
    )
    .unwrap();
    assert_eq!(c.settings.end, Some(day(2027, 1, 31)));

    // A value recorded and cleared again is no history.
    let week = c.periods(day(2026, 11, 3))[0];
    c.set_value(&week, id(1), "posts", Some(1), at(30)).unwrap();
    c.set_value(&week, id(1), "posts", None, at(31)).unwrap();
    assert!(!c.has_history());
    assert_eq!(
        c.set_period_settings(PeriodKind::Monthly, day(2026, 11, 1), 14, None, at(40)),
        Ok(())
    );
}

#[test]
fn the_periods_are_fixed_once_activity_is_recorded() {
    let mut c = league();
    c.set_value(&november(), id(1), "posts", Some(1), at(10))
        .unwrap();
    let before = c.settings.clone();
    let refused = c.set_period_settings(PeriodKind::Weekly, day(2026, 11, 1), 14, None, at(20));
    assert_eq!(refused, Err(CompetitionError::PeriodsFixed));
    assert_plain_words(&refused.unwrap_err().to_string());
    for (kind, start, days, end) in [
        (PeriodKind::Monthly, day(2026, 11, 2), 14, None),
        (PeriodKind::Monthly, day(2026, 11, 1), 15, None),
        // An end before the period with activity would orphan it.
        (
            PeriodKind::Monthly,
            day(2026, 11, 1),
            14,
            Some(day(2026, 10, 31)),
        ),
    ] {
        assert_eq!(
            c.set_period_settings(kind, start, days, end, at(20)),
            Err(CompetitionError::PeriodsFixed)
        );
    }
    assert_eq!(c.settings, before);
    assert_eq!(
        c.set_period_settings(PeriodKind::Monthly, day(2026, 11, 1), 14, None, at(20)),
        Ok(()),
        "nothing would change"
    );
    assert_eq!(c.settings, before, "and nothing is stamped");
}

#[test]
fn the_end_date_can_move_as_long_as_no_period_with_history_starts_after_it() {
    let mut c = league();
    c.set_value(&november(), id(1), "posts", Some(1), at(10))
        .unwrap();
    assert_eq!(
        c.set_period_settings(
            PeriodKind::Monthly,
            day(2026, 11, 1),
            14,
            Some(day(2026, 11, 20)),
            at(20)
        ),
        Ok(()),
        "ending the competition sooner, still inside November"
    );
    assert_eq!(c.settings.end, Some(day(2026, 11, 20)));
    assert_eq!(
        c.set_period_settings(PeriodKind::Monthly, day(2026, 11, 1), 14, None, at(30)),
        Ok(()),
        "running on again"
    );
    assert_eq!(c.settings.end, None);
    assert!(c.settings.updated_at >= at(30));
}

#[test]
fn the_periods_are_fixed_once_a_period_was_closed_even_without_activity() {
    let mut c = league();
    let periods = c.periods(day(2026, 12, 10));
    c.close_period(&roster(), &periods, 0, december_time(1))
        .unwrap();
    c.reopen_period(&november(), december_time(2)).unwrap();
    assert!(c.has_history());
    assert_eq!(
        c.set_period_settings(PeriodKind::Weekly, day(2026, 11, 1), 14, None, at(20)),
        Err(CompetitionError::PeriodsFixed)
    );
}

// --- Deleting -----------------------------------------------------------------------------------

#[test]
fn a_tombstone_keeps_no_figures_and_wins_over_the_copy_it_replaced() {
    let live = closed_november();
    let tombstone = live.clone().tombstone(december_time(5));
    assert!(tombstone.is_deleted());
    assert_eq!(tombstone.settings.updated_at, december_time(5));
    assert!(tombstone.activity.iter().all(|r| r.values.is_empty()));
    assert!(tombstone
        .periods
        .iter()
        .all(|r| !r.closed && r.log.is_empty() && r.rules.is_none() && r.note.is_none()));
    assert_eq!(tombstone.record(day(2026, 11, 1)), None);
    assert!(!tombstone.has_history());
    for merged in [
        merge_competitions(
            std::slice::from_ref(&live),
            std::slice::from_ref(&tombstone),
        ),
        merge_competitions(
            std::slice::from_ref(&tombstone),
            std::slice::from_ref(&live),
        ),
    ] {
        assert_eq!(merged, std::slice::from_ref(&tombstone));
    }
}

#[test]
fn a_tombstone_wins_over_rows_stamped_after_the_deletion_time_it_was_given() {
    // A row edited on a device whose clock ran ahead of the one deleting.
    let mut live = league();
    live.set_value(&november(), id(1), "posts", Some(1), at(900))
        .unwrap();
    let tombstone = live.clone().tombstone(at(100));
    assert!(tombstone.activity[0].updated_at > at(900));
    assert_eq!(
        merge_competitions(&[live], std::slice::from_ref(&tombstone)),
        [tombstone]
    );
}

// --- The programme's competitions ---------------------------------------------------------------

fn pilot_with_league() -> Programme {
    let mut p = with_executives(programme(1, "Pilot", 0, 0), roster());
    p.add_competition(closed_november());
    p
}

#[test]
fn a_programme_lists_finds_and_edits_its_live_competitions() {
    let mut p = pilot_with_league();
    assert_eq!(p.live_competitions().count(), 1);
    assert_eq!(
        p.competition(id(100)).map(|c| c.settings.name.as_str()),
        Some("League")
    );
    assert_eq!(p.competition(id(999)), None);
    let changed = p.edit_competition(id(100), |c| {
        c.set_value(&december(), id(3), "shares", Some(2), december_time(6))
    });
    assert_eq!(changed, Some(Ok(true)));
    assert_eq!(p.edit_competition(id(999), |_| ()), None);
}

#[test]
fn deleting_a_competition_leaves_a_tombstone_and_returns_it_for_undo() {
    let mut p = pilot_with_league();
    let original = p.competitions[0].clone();
    let before = p
        .delete_competition(id(100), december_time(6))
        .expect("deleted");
    assert_eq!(before, original);
    assert_eq!(p.live_competitions().count(), 0);
    assert_eq!(p.competition(id(100)), None);
    assert_eq!(p.edit_competition(id(100), |_| ()), None);
    assert_eq!(p.competitions.len(), 1, "the tombstone is kept");
    assert!(p.competitions[0].settings.updated_at > original.settings.updated_at);
    assert_eq!(p.delete_competition(id(100), december_time(7)), None);
    // A stale copy elsewhere cannot bring it back.
    let stale = pilot_with_league();
    assert_eq!(p.merge(&stale).live_competitions().count(), 0);
    assert_eq!(stale.merge(&p).live_competitions().count(), 0);
}

#[test]
fn an_undone_deletion_brings_everything_back_and_wins_in_a_later_merge() {
    let mut p = pilot_with_league();
    let before = p.delete_competition(id(100), december_time(6)).unwrap();
    let other_tab = p.clone();
    // Undone in the same millisecond, on a clock that is behind: still later than the tombstone.
    p.restore_competition(before.clone(), december_time(1));
    let restored = p.competition(id(100)).expect("live again").clone();
    assert_eq!(restored.activity.len(), before.activity.len());
    assert_eq!(restored.value(day(2026, 11, 1), id(1), "posts"), Some(3));
    assert!(restored.is_closed(day(2026, 11, 1)));
    for merged in [p.merge(&other_tab), other_tab.merge(&p)] {
        assert_eq!(merged.competition(id(100)), Some(&restored));
    }
}

#[test]
fn restoring_a_competition_no_longer_listed_adds_it_back() {
    let mut p = with_executives(programme(1, "Pilot", 0, 0), roster());
    p.restore_competition(closed_november(), at(10));
    assert_eq!(p.live_competitions().count(), 1);
}

#[test]
fn deleting_an_executive_leaves_the_competition_data_alone() {
    let mut p = pilot_with_league();
    let before = p.competitions.clone();
    p.delete_executive(id(1), december_time(6)).unwrap();
    assert_eq!(p.competitions, before);
}

#[test]
fn a_competition_bearing_programme_survives_storage_byte_for_byte() {
    let mut p = pilot_with_league();
    p.edit_competition(id(100), |c| {
        c.set_note(
            &november(),
            Some("Bravo \"Ada\" <3".into()),
            december_time(2),
        )
        .unwrap();
        c.set_value(&december(), id(3), "reactions", Some(250), december_time(3))
            .unwrap();
        c.edit_settings(december_time(3), |s| {
            s.end = Some(day(2027, 6, 30));
            s.rules.kpis[0].network = Some(exec_social_playbook::model::Network::Intranet);
            s.rules.kpis[1].points = 2.5;
        });
    });
    p.add_competition(
        Competition::new("Second", day(2027, 1, 1), vec![id(2)], at(3)).tombstone(at(4)),
    );
    p.normalise();
    let json = StoredProgramme::to_json(&p);
    let read = parse_stored_programme(&json).expect("readable");
    assert_eq!(read.value, p);
    assert!(json.contains("\"period_kind\":\"monthly\""), "{json}");
    assert!(json.contains("\"start\":\"2026-11-01\""));
    assert!(json.contains("\"action\":\"closed\""));
}

// --- Merging ------------------------------------------------------------------------------------

#[test]
fn two_people_filling_different_executives_rows_both_keep_their_figures() {
    let base = league();
    let mut alice = base.clone();
    alice
        .set_value(&november(), id(1), "posts", Some(4), at(10))
        .unwrap();
    let mut bob = base.clone();
    bob.set_value(&november(), id(2), "posts", Some(7), at(5))
        .unwrap();
    bob.edit_settings(at(6), |s| s.name = "Renamed by Bob".into());
    for merged in [
        merge_competitions(std::slice::from_ref(&alice), std::slice::from_ref(&bob)),
        merge_competitions(std::slice::from_ref(&bob), std::slice::from_ref(&alice)),
    ] {
        assert_eq!(merged.len(), 1);
        let c = &merged[0];
        assert_eq!(c.value(day(2026, 11, 1), id(1), "posts"), Some(4));
        assert_eq!(c.value(day(2026, 11, 1), id(2), "posts"), Some(7));
        assert_eq!(c.settings.name, "Renamed by Bob");
    }
}

#[test]
fn the_latest_edit_of_a_row_wins_and_a_later_clearing_too() {
    let mut mine = league();
    mine.set_value(&november(), id(1), "posts", Some(4), at(10))
        .unwrap();
    let mut theirs = mine.clone();
    theirs
        .set_value(&november(), id(1), "posts", Some(6), at(20))
        .unwrap();
    let merged = merge_competitions(std::slice::from_ref(&mine), std::slice::from_ref(&theirs));
    assert_eq!(merged[0].value(day(2026, 11, 1), id(1), "posts"), Some(6));
    mine.set_value(&november(), id(1), "posts", None, at(30))
        .unwrap();
    let merged = merge_competitions(&[theirs], &[mine]);
    assert_eq!(merged[0].value(day(2026, 11, 1), id(1), "posts"), None);
}

#[test]
fn a_closing_merged_into_a_copy_with_later_activity_locks_the_period_there_too() {
    let mut here = league();
    here.set_value(&november(), id(3), "posts", Some(2), at(50))
        .unwrap();
    let there = closed_november();
    let merged = merge_competitions(&[here], &[there]);
    assert!(merged[0].is_closed(day(2026, 11, 1)));
    assert_eq!(merged[0].value(day(2026, 11, 1), id(3), "posts"), Some(2));
    assert_eq!(merged[0].value(day(2026, 11, 1), id(1), "posts"), Some(3));
}

#[test]
fn merging_orders_competitions_by_creation_then_id_and_rows_by_period_then_executive() {
    let mut late = league();
    late.settings.created_at = at(50);
    let mut early = Competition::new("Early", day(2026, 1, 1), vec![id(1)], at(10));
    early.settings.id = id(200);
    early.activity = vec![
        row(day(2026, 2, 1), 1, 5),
        row(day(2026, 1, 1), 3, 5),
        row(day(2026, 1, 1), 1, 5),
    ];
    let merged = merge_competitions(&[late], &[early]);
    let ids: Vec<Uuid> = merged.iter().map(Competition::id).collect();
    assert_eq!(ids, [id(200), id(100)]);
    let keys: Vec<(NaiveDate, Uuid)> = merged[0]
        .activity
        .iter()
        .map(|r| (r.period, r.executive))
        .collect();
    assert_eq!(
        keys,
        [
            (day(2026, 1, 1), id(1)),
            (day(2026, 1, 1), id(3)),
            (day(2026, 2, 1), id(1))
        ]
    );
}

#[test]
fn merging_settles_equal_timestamps_the_same_way_whatever_the_order() {
    let mut one = league();
    one.activity = vec![row(day(2026, 11, 1), 1, 5)];
    let mut other = league();
    other.activity = vec![row(day(2026, 11, 1), 1, 5)];
    other.activity[0].values.insert("posts".into(), 8);
    let a = merge_competitions(std::slice::from_ref(&one), std::slice::from_ref(&other));
    let b = merge_competitions(&[other], &[one]);
    assert_eq!(a, b);
}

fn row(period: NaiveDate, executive: u128, seconds: i64) -> ActivityRow {
    ActivityRow {
        period,
        executive: id(executive),
        values: BTreeMap::from([("posts".to_string(), 1)]),
        updated_at: at(seconds),
    }
}

fn canonical(list: &[Competition]) -> Vec<Competition> {
    let mut p = programme(1, "P", 0, 0);
    p.competitions = list.to_vec();
    p.normalise();
    p.competitions
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn merging_competitions_is_commutative(a in small_competitions(), b in small_competitions()) {
        prop_assert_eq!(merge_competitions(&a, &b), merge_competitions(&b, &a));
    }

    #[test]
    fn merging_competitions_is_associative(
        a in small_competitions(),
        b in small_competitions(),
        c in small_competitions(),
    ) {
        let left = merge_competitions(&merge_competitions(&a, &b), &c);
        let right = merge_competitions(&a, &merge_competitions(&b, &c));
        prop_assert_eq!(left, right);
    }

    #[test]
    fn merging_competitions_with_themselves_only_puts_them_in_canonical_order(a in small_competitions()) {
        prop_assert_eq!(merge_competitions(&a, &a), canonical(&a));
        prop_assert_eq!(merge_competitions(&a, &[]), canonical(&a));
        let once = canonical(&a);
        prop_assert_eq!(&merge_competitions(&once, &once), &once);
    }

    #[test]
    fn merging_the_same_competitions_twice_is_the_same_as_once(
        a in small_competitions(),
        b in small_competitions(),
    ) {
        let once = merge_competitions(&a, &b);
        prop_assert_eq!(&merge_competitions(&once, &b), &once);
        prop_assert_eq!(&merge_competitions(&once, &a), &once);
    }

    #[test]
    fn a_deletion_later_than_every_edit_of_the_settings_wins(
        a in small_competitions(),
        b in small_competitions(),
    ) {
        let merged = merge_competitions(&a, &b);
        for kept in &merged {
            let copies: Vec<&Competition> =
                a.iter().chain(&b).filter(|c| c.id() == kept.id()).collect();
            let latest = copies.iter().map(|c| c.settings.updated_at).max().unwrap();
            let deleted_at_latest = copies
                .iter()
                .any(|c| c.settings.updated_at == latest && c.is_deleted());
            prop_assert_eq!(kept.is_deleted(), deleted_at_latest);
            prop_assert_eq!(kept.settings.updated_at, latest);
        }
    }

    #[test]
    fn every_row_and_record_is_the_latest_edit_of_its_key(
        a in small_competitions(),
        b in small_competitions(),
    ) {
        let merged = merge_competitions(&a, &b);
        let all: Vec<&Competition> = a.iter().chain(&b).collect();
        for kept in &merged {
            let copies: Vec<&&Competition> = all.iter().filter(|c| c.id() == kept.id()).collect();
            let mut expected_rows = 0;
            let mut keys = std::collections::BTreeSet::new();
            for c in &copies {
                for r in &c.activity {
                    if keys.insert((r.period, r.executive)) {
                        expected_rows += 1;
                    }
                }
            }
            prop_assert_eq!(kept.activity.len(), expected_rows, "every key once");
            for r in &kept.activity {
                let versions: Vec<&ActivityRow> = copies
                    .iter()
                    .flat_map(|c| &c.activity)
                    .filter(|x| x.period == r.period && x.executive == r.executive)
                    .collect();
                prop_assert!(versions.contains(&r), "the merge invented a row");
                let latest = versions.iter().map(|x| x.updated_at).max().unwrap();
                prop_assert_eq!(r.updated_at, latest);
            }
            for r in &kept.periods {
                let latest = copies
                    .iter()
                    .flat_map(|c| &c.periods)
                    .filter(|x| x.period == r.period)
                    .map(|x| x.updated_at)
                    .max()
                    .unwrap();
                prop_assert_eq!(r.updated_at, latest);
            }
        }
    }

    #[test]
    fn a_deleted_competition_shows_no_figures_it_had_after_merging_older_copies(
        a in small_competitions(),
        b in small_competitions(),
    ) {
        let known = merge_competitions(&a, &b);
        let deleted: Vec<Competition> =
            known.iter().map(|c| c.clone().tombstone(at(100))).collect();
        for merged in [
            merge_competitions(&deleted, &a),
            merge_competitions(&b, &deleted),
            merge_competitions(&merge_competitions(&a, &deleted), &b),
        ] {
            prop_assert_eq!(&merged, &deleted);
            for c in &merged {
                prop_assert!(c.is_deleted());
                prop_assert!(!c.has_history());
            }
        }
    }

    #[test]
    fn an_edit_of_one_row_survives_merging_with_any_older_copies(
        a in small_competitions(),
        b in small_competitions(),
        value in 0u32..100,
    ) {
        let mut mine = merge_competitions(&a, &b);
        let Some(target) = mine.iter_mut().find(|c| !c.is_deleted()) else {
            return Ok(());
        };
        let period = target.periods(NaiveDate::from_ymd_opt(2026, 1, 15).unwrap())[0];
        if target.is_closed(period.start) {
            target.reopen_period(&period, at(60)).unwrap();
        }
        let rules = target.rules_for(period.start).clone();
        let Some(&executive) = rules.league.first() else {
            return Ok(());
        };
        let kpi = rules.kpis[0].id.clone();
        let id = target.id();
        target.set_value(&period, executive, &kpi, Some(value), at(70)).unwrap();
        let merged = merge_competitions(&merge_competitions(&a, &mine), &b);
        let c = merged.iter().find(|c| c.id() == id).unwrap();
        prop_assert_eq!(c.value(period.start, executive, &kpi), Some(value));
        prop_assert!(!c.is_closed(period.start));
    }
}
