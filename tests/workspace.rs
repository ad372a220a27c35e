//! The programmes in one browser: create, open, delete with undo, duplicate, merge and replace; and
//! the demo programme.

mod common;

use chrono::NaiveDate;
use common::*;
use exec_social_playbook::io::stored::parse_stored_programme;
use exec_social_playbook::io::StoredProgramme;
use exec_social_playbook::model::competition::{
    ActivityRow, Competition, PeriodAction, PeriodEvent, PeriodRecord,
};
use exec_social_playbook::model::demo::{demo_programme, DEMO_COMPANY};
use exec_social_playbook::model::{
    timestamp_from_millis, Executive, Network, NewProgramme, Programme, Timestamp, Workspace,
};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

fn workspace_of(programmes: Vec<Programme>) -> Workspace {
    let mut workspace = Workspace::default();
    for programme in programmes {
        workspace.add(programme);
    }
    workspace
}

fn three() -> Workspace {
    workspace_of(vec![
        programme(1, "One", 0, 0),
        programme(2, "Two", 1, 1),
        programme(3, "Three", 2, 2),
    ])
}

fn live_ids(workspace: &Workspace) -> Vec<Uuid> {
    workspace.live_programmes().map(Programme::id).collect()
}

fn utc(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> Timestamp {
    NaiveDate::from_ymd_opt(year, month, day)
        .unwrap()
        .and_hms_opt(hour, minute, 0)
        .unwrap()
        .and_utc()
}

// --- Creating and opening -------------------------------------------------------------------------

#[test]
fn a_new_programme_takes_its_name_from_the_company_when_left_blank() {
    let programme = Programme::new(
        NewProgramme {
            name: "   ".into(),
            company: "  Contoso  ".into(),
            owner: " Sam ".into(),
            start_date: None,
            networks: vec![Network::Linkedin],
        },
        at(0),
    );
    assert_eq!(programme.name(), "Contoso");
    assert_eq!(programme.settings.company, "Contoso");
    assert_eq!(programme.settings.owner, "Sam");
    assert_eq!(programme.settings.created_at, at(0));
    assert_eq!(programme.settings.updated_at, at(0));
    assert!(!programme.is_deleted());
    assert!(programme.executives.is_empty());
}

#[test]
fn a_new_programme_keeps_its_trimmed_name() {
    let programme = Programme::new(
        NewProgramme {
            name: " Pilot 2027 ".into(),
            company: "Contoso".into(),
            ..NewProgramme::default()
        },
        at(0),
    );
    assert_eq!(programme.name(), "Pilot 2027");
}

#[test]
fn adding_a_programme_opens_it() {
    let mut workspace = Workspace::default();
    assert_eq!(workspace.current_programme(), None);
    let first = workspace.add(programme(1, "One", 0, 0));
    assert_eq!(workspace.current_id(), Some(first));
    let second = workspace.add(programme(2, "Two", 1, 1));
    assert_eq!(workspace.current_id(), Some(second));
    assert_eq!(workspace.current_programme().unwrap().name(), "Two");
}

#[test]
fn opening_a_live_programme_makes_it_current() {
    let mut workspace = three();
    assert!(workspace.open(id(1)));
    assert_eq!(workspace.current_id(), Some(id(1)));
}

#[test]
fn opening_an_unknown_programme_is_refused_and_keeps_the_open_one() {
    let mut workspace = three();
    assert!(!workspace.open(id(99)));
    assert_eq!(workspace.current_id(), Some(id(3)));
}

#[test]
fn opening_a_deleted_programme_is_refused() {
    let mut workspace = three();
    workspace.delete(id(1), at(10)).unwrap();
    assert!(!workspace.open(id(1)));
    assert_eq!(workspace.current_id(), Some(id(3)));
}

#[test]
fn without_an_open_programme_the_first_live_one_is_current() {
    let mut workspace = three();
    workspace.current = None;
    assert_eq!(workspace.current_id(), Some(id(1)));
    workspace.current = Some(id(42));
    assert_eq!(workspace.current_id(), Some(id(1)));
}

// --- Deleting, with undo -----------------------------------------------------------------------

#[test]
fn deleting_a_programme_keeps_a_tombstone() {
    let mut workspace = three();
    workspace.delete(id(2), at(10)).expect("deleted");
    assert_eq!(workspace.programmes.len(), 3, "the tombstone stays");
    let tombstone = workspace.get(id(2)).unwrap();
    assert!(tombstone.is_deleted());
    assert_eq!(tombstone.settings.updated_at, at(10));
    assert_eq!(live_ids(&workspace), [id(1), id(3)]);
}

#[test]
fn deleting_a_programme_returns_it_as_it_was_for_undo() {
    let mut workspace = three();
    let before = workspace.get(id(2)).unwrap().clone();
    assert_eq!(workspace.delete(id(2), at(10)), Some(before));
}

#[test]
fn deleting_the_open_programme_opens_the_next_live_one() {
    let mut workspace = three();
    workspace.open(id(1));
    workspace.delete(id(1), at(10));
    assert_eq!(workspace.current_id(), Some(id(2)));
    assert_eq!(workspace.current, Some(id(2)));
}

#[test]
fn deleting_another_programme_keeps_the_open_one() {
    let mut workspace = three();
    workspace.open(id(2));
    workspace.delete(id(3), at(10));
    assert_eq!(workspace.current_id(), Some(id(2)));
}

#[test]
fn deleting_the_last_programme_leaves_none_open() {
    let mut workspace = workspace_of(vec![programme(1, "Only", 0, 0)]);
    workspace.delete(id(1), at(10));
    assert_eq!(workspace.current_programme(), None);
    assert_eq!(workspace.current_id(), None);
    assert_eq!(workspace.live_programmes().count(), 0);
}

#[test]
fn deleting_twice_or_deleting_an_unknown_programme_does_nothing() {
    let mut workspace = three();
    assert!(workspace.delete(id(2), at(10)).is_some());
    let after_first = workspace.clone();
    assert_eq!(workspace.delete(id(2), at(20)), None);
    assert_eq!(workspace.delete(id(99), at(20)), None);
    assert_eq!(workspace, after_first);
}

#[test]
fn a_deletion_is_later_than_the_last_edit_even_when_the_clock_is_behind() {
    let mut workspace = workspace_of(vec![programme(1, "One", 0, 50)]);
    let before = workspace.get(id(1)).unwrap().clone();
    workspace.delete(id(1), at(10));
    let tombstone = workspace.get(id(1)).unwrap();
    assert!(tombstone.settings.updated_at > before.settings.updated_at);
    assert!(before.merge(tombstone).is_deleted());
}

#[test]
fn restoring_brings_back_the_programme_and_opens_it() {
    let mut workspace = three();
    workspace.open(id(3));
    let before = workspace.delete(id(2), at(10)).unwrap();
    workspace.open(id(1));
    workspace.restore(before.clone(), at(11));
    let restored = workspace.get(id(2)).unwrap();
    assert!(!restored.is_deleted());
    assert_eq!(restored.name(), before.name());
    assert_eq!(restored.executives, before.executives);
    assert_eq!(workspace.current_id(), Some(id(2)));
    assert_eq!(workspace.programmes.len(), 3);
    assert_eq!(live_ids(&workspace), [id(1), id(2), id(3)]);
}

#[test]
fn an_undo_wins_over_the_tombstone_in_a_later_merge() {
    let mut workspace = three();
    let before = workspace.delete(id(2), at(10)).unwrap();
    // Another tab saw the deletion.
    let other_tab = workspace.clone();
    workspace.restore(before, at(20));

    let mut merged_here = workspace.clone();
    merged_here.merge_programmes(&other_tab.programmes);
    assert!(!merged_here.get(id(2)).unwrap().is_deleted());

    let mut merged_there = other_tab.clone();
    merged_there.merge_programmes(&workspace.programmes);
    assert!(!merged_there.get(id(2)).unwrap().is_deleted());
}

#[test]
fn an_undo_in_the_same_millisecond_as_the_deletion_still_wins() {
    let mut workspace = three();
    let before = workspace.delete(id(2), at(10)).unwrap();
    let tombstone = workspace.get(id(2)).unwrap().clone();
    workspace.restore(before, at(10));
    let restored = workspace.get(id(2)).unwrap();
    assert!(restored.settings.updated_at > tombstone.settings.updated_at);
    assert!(!restored.merge(&tombstone).is_deleted());
    assert!(!tombstone.merge(restored).is_deleted());
}

#[test]
fn restoring_a_programme_that_is_no_longer_listed_adds_it_back() {
    let mut workspace = three();
    let before = workspace.delete(id(2), at(10)).unwrap();
    workspace.programmes.retain(|p| p.id() != id(2));
    workspace.restore(before, at(20));
    assert!(workspace.get(id(2)).is_some_and(|p| !p.is_deleted()));
    assert_eq!(workspace.current_id(), Some(id(2)));
}

// --- Editing ------------------------------------------------------------------------------------

#[test]
fn editing_an_executive_stamps_the_edit() {
    let mut programme = with_executives(programme(1, "One", 0, 0), vec![executive(1, "Ada", 0, 0)]);
    assert!(programme.edit_executive(id(1), at(30), |e| e.title = "CTO".into()));
    assert_eq!(programme.executives[0].title, "CTO");
    assert_eq!(programme.executives[0].updated_at, at(30));
    assert_eq!(programme.executives[0].created_at, at(0));
}

#[test]
fn editing_an_unknown_executive_changes_nothing() {
    let mut programme = with_executives(programme(1, "One", 0, 0), vec![executive(1, "Ada", 0, 0)]);
    let before = programme.clone();
    assert!(!programme.edit_executive(id(2), at(30), |e| e.title = "CTO".into()));
    assert_eq!(programme, before);
}

#[test]
fn an_edit_is_later_than_the_one_it_replaces_even_when_the_clock_is_behind() {
    let mut programme =
        with_executives(programme(1, "One", 0, 0), vec![executive(1, "Ada", 0, 60)]);
    let before = programme.clone();
    programme.edit_executive(id(1), at(30), |e| e.title = "CTO".into());
    assert!(programme.executives[0].updated_at > at(60));
    assert_eq!(before.merge(&programme).executives[0].title, "CTO");

    programme.edit_settings(at(-5), |s| s.owner = "New owner".into());
    assert!(programme.settings.updated_at > before.settings.updated_at);
    assert_eq!(before.merge(&programme).settings.owner, "New owner");
}

#[test]
fn an_executive_added_now_starts_live_and_unedited() {
    let executive = Executive::new("Ada", at(5));
    assert_eq!(executive.created_at, at(5));
    assert_eq!(executive.updated_at, at(5));
    assert!(!executive.deleted);
    assert_ne!(executive.id, Executive::new("Ada", at(5)).id);
}

// --- Duplicating ---------------------------------------------------------------------------------

fn original() -> Programme {
    let mut programme = with_executives(
        programme(1, "Pilot", 0, 5),
        vec![
            executive(1, "Ada", 1, 1),
            tombstone(2, "Gone", 2, 3),
            executive(3, "Grace", 3, 4),
            executive(4, "Linus", 4, 4),
        ],
    );
    programme.executives[0].notes = "Keen".into();
    programme.settings.networks = vec![Network::Linkedin, Network::Bluesky];
    programme
}

#[test]
fn a_duplicate_gets_a_new_id_and_a_copy_suffix() {
    let original = original();
    let copy = original.duplicate(at(100));
    assert_ne!(copy.id(), original.id());
    assert_eq!(copy.name(), "Pilot (copy)");
    assert_eq!(copy.settings.created_at, at(100));
    assert_eq!(copy.settings.updated_at, at(100));
    assert!(!copy.is_deleted());
    assert_eq!(copy.settings.networks, original.settings.networks);
    assert_eq!(copy.settings.company, original.settings.company);
}

#[test]
fn a_duplicate_shares_no_record_id_with_the_original() {
    let original = original();
    let copy = original.duplicate(at(100));
    let original_ids: BTreeSet<Uuid> = original.executives.iter().map(|e| e.id).collect();
    let copy_ids: BTreeSet<Uuid> = copy.executives.iter().map(|e| e.id).collect();
    assert_eq!(
        copy_ids.len(),
        copy.executives.len(),
        "copy ids are distinct"
    );
    assert!(original_ids.is_disjoint(&copy_ids));
    assert!(!copy_ids.contains(&original.id()) && !copy_ids.contains(&copy.id()));
}

#[test]
fn a_duplicate_leaves_out_deleted_executives_and_keeps_the_others() {
    let copy = original().duplicate(at(100));
    let names: Vec<&str> = copy.executives.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Ada", "Grace", "Linus"]);
    assert!(copy.executives.iter().all(|e| !e.deleted));
    assert_eq!(copy.executives[0].notes, "Keen");
}

#[test]
fn duplicating_leaves_the_original_untouched() {
    let original = original();
    let kept = original.clone();
    let _ = original.duplicate(at(100));
    assert_eq!(original, kept);
}

#[test]
fn a_duplicate_keeps_the_roster_order_after_a_save_and_reload() {
    let copy = original().duplicate(at(100));
    let reloaded = parse_stored_programme(&StoredProgramme::to_json(&copy))
        .expect("readable")
        .value;
    let names: Vec<&str> = reloaded.roster().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Ada", "Grace", "Linus"]);
    assert_eq!(reloaded, copy, "a duplicate is already in canonical order");
}

#[test]
fn a_duplicate_and_its_original_live_side_by_side_after_a_merge() {
    let original = original();
    let copy = original.duplicate(at(100));
    let mut workspace = workspace_of(vec![original.clone()]);
    workspace.merge_programmes(std::slice::from_ref(&copy));
    let mut edited_copy = copy.clone();
    let ada = edited_copy.executives[0].id;
    edited_copy.edit_executive(ada, at(200), |e| e.name = "Ada (copy only)".into());
    workspace.merge_programmes(&[edited_copy]);
    assert_eq!(workspace.live_programmes().count(), 2);
    assert_eq!(workspace.get(original.id()).unwrap(), &original);
}

/// A row of `posts` for executive `n` in January 2026.
fn posts_row(n: u128, posts: u32, updated: i64) -> ActivityRow {
    ActivityRow {
        period: january(),
        executive: id(n),
        values: BTreeMap::from([("posts".to_string(), posts)]),
        updated_at: at(updated),
    }
}

fn january() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

/// January closed at `updated`, Ada named, scored under `competition`'s current rules.
fn closed_january(competition: &Competition, updated: i64) -> PeriodRecord {
    PeriodRecord {
        period: january(),
        updated_at: at(updated),
        closed: true,
        log: vec![PeriodEvent {
            action: PeriodAction::Closed,
            at: at(updated),
        }],
        rules: Some(competition.settings.rules.clone()),
        most_social: vec![id(1)],
        most_improved: vec![id(2)],
        note: Some("Well done".into()),
    }
}

/// [`original`] with a league of Ada, Gone (deleted) and Grace — January filled in and closed — and
/// a deleted competition.
fn original_with_league() -> Programme {
    let mut programme = original();
    let mut league = Competition::new("League", january(), vec![id(1), id(2), id(3)], at(2));
    league.settings.id = id(50);
    league.activity = vec![posts_row(1, 3, 5), posts_row(2, 9, 5), posts_row(3, 1, 5)];
    league.periods = vec![closed_january(&league, 6)];
    let mut gone = Competition::new("Gone", january(), vec![id(1)], at(3));
    gone.settings.id = id(51);
    programme.add_competition(league);
    programme.add_competition(gone.tombstone(at(4)));
    programme.normalise();
    programme
}

#[test]
fn a_duplicate_copies_live_competitions_under_new_ids_with_the_copys_executives() {
    let original = original_with_league();
    let copy = original.duplicate(at(100));
    assert_eq!(
        copy.competitions.len(),
        1,
        "the deleted competition is left out"
    );
    let league = &copy.competitions[0];
    assert_ne!(league.id(), id(50));
    assert_eq!(league.settings.name, "League");
    assert_eq!(league.settings.created_at, at(2));
    let copy_id = |name: &str| copy.executives.iter().find(|e| e.name == name).unwrap().id;
    let (ada, grace) = (copy_id("Ada"), copy_id("Grace"));
    assert_eq!(
        league.settings.rules.league,
        [ada, grace],
        "Gone is not in the copy"
    );
    let rows: BTreeSet<(Uuid, u32)> = league
        .activity
        .iter()
        .map(|r| (r.executive, r.values["posts"]))
        .collect();
    assert_eq!(rows, BTreeSet::from([(ada, 3), (grace, 1)]));
    let record = league.record(january()).unwrap();
    assert!(record.closed);
    assert_eq!(record.most_social, [ada]);
    assert!(record.most_improved.is_empty(), "Gone does not map");
    assert_eq!(record.rules.as_ref().unwrap().league, [ada, grace]);
    assert_eq!(record.note.as_deref(), Some("Well done"));
    assert_eq!(record.log, original.competitions[0].periods[0].log);
}

#[test]
fn editing_a_duplicates_competition_never_reaches_the_original() {
    let original = original_with_league();
    let copy = original.duplicate(at(100));
    let mut merged = original.merge(&copy);
    assert_eq!(merged.competitions.len(), 2 + 1);
    let copy_league = copy.competitions[0].id();
    merged.edit_competition(copy_league, |c| {
        c.edit_settings(at(200), |s| s.name = "Copy".into())
    });
    assert_eq!(merged.competition(id(50)), original.competition(id(50)));
}

#[test]
fn a_duplicate_with_competitions_is_in_canonical_order() {
    let copy = original_with_league().duplicate(at(100));
    assert_eq!(normalised(&copy), copy);
    let reloaded = parse_stored_programme(&StoredProgramme::to_json(&copy))
        .expect("readable")
        .value;
    assert_eq!(reloaded, copy);
}

// --- Merging and replacing --------------------------------------------------------------------

#[test]
fn merging_adds_programmes_new_to_this_browser_in_canonical_order() {
    let mut workspace = workspace_of(vec![programme(2, "Two", 10, 10)]);
    let scrambled = with_executives(
        programme(3, "Three", 5, 5),
        vec![executive(2, "Second", 2, 2), executive(1, "First", 1, 1)],
    );
    let changed = workspace.merge_programmes(&[scrambled.clone(), programme(1, "One", 20, 20)]);
    assert_eq!(changed, [id(3), id(1)]);
    let order: Vec<Uuid> = workspace.programmes.iter().map(Programme::id).collect();
    assert_eq!(order, [id(3), id(2), id(1)], "by creation time");
    assert_eq!(workspace.get(id(3)).unwrap(), &normalised(&scrambled));
}

#[test]
fn merging_reports_only_the_programmes_that_changed() {
    let mut workspace = three();
    let mut renamed = programme(2, "Two, renamed", 1, 1);
    renamed.settings.updated_at = at(50);
    let older = programme(3, "Three, older", 2, 0);
    let changed = workspace.merge_programmes(&[programme(1, "One", 0, 0), renamed, older]);
    assert_eq!(changed, [id(2)]);
    assert_eq!(workspace.get(id(2)).unwrap().name(), "Two, renamed");
    assert_eq!(workspace.get(id(3)).unwrap().name(), "Three");
}

#[test]
fn merging_the_same_file_twice_changes_nothing_the_second_time() {
    let mut workspace = three();
    let mut file = vec![
        original(),
        programme(2, "Two", 1, 1),
        programme(9, "Nine", 30, 30),
    ];
    file[1].edit_settings(at(40), |s| s.owner = "Someone else".into());
    workspace.merge_programmes(&file);
    let once = workspace.clone();
    assert!(workspace.merge_programmes(&file).is_empty());
    assert_eq!(workspace, once);
}

#[test]
fn merging_leaves_the_open_programme_open() {
    let mut workspace = three();
    workspace.open(id(2));
    workspace.merge_programmes(&[programme(9, "Nine", 30, 30)]);
    assert_eq!(workspace.current_id(), Some(id(2)));
}

#[test]
fn when_a_merge_deletes_the_open_programme_another_live_one_is_current() {
    let mut workspace = three();
    workspace.open(id(2));
    let mut deleted = programme(2, "Two", 1, 1);
    deleted.edit_settings(at(50), |s| s.deleted = true);
    workspace.merge_programmes(&[deleted]);
    assert!(workspace.get(id(2)).unwrap().is_deleted());
    assert_eq!(workspace.current_id(), Some(id(1)));
}

#[test]
fn replacing_makes_a_programme_hold_exactly_the_files_content() {
    let here = with_executives(
        programme(1, "Pilot", 0, 50),
        vec![
            executive(1, "Ada (edited here)", 0, 60),
            executive(2, "Only here", 1, 1),
        ],
    );
    let file = with_executives(
        programme(1, "Pilot (file)", 0, 10),
        vec![
            executive(1, "Ada", 0, 10),
            executive(3, "Only in the file", 2, 2),
        ],
    );
    let mut workspace = workspace_of(vec![here.clone()]);
    let ids = workspace.replace_programmes(std::slice::from_ref(&file), at(100));
    assert_eq!(ids, [id(1)]);

    let replaced = workspace.get(id(1)).unwrap();
    assert_eq!(replaced.name(), "Pilot (file)");
    let roster: Vec<&str> = replaced.roster().map(|e| e.name.as_str()).collect();
    assert_eq!(roster, ["Ada", "Only in the file"]);
    let only_here = replaced.executives.iter().find(|e| e.id == id(2)).unwrap();
    assert!(
        only_here.deleted,
        "kept as a tombstone so that a merge cannot bring it back"
    );
}

#[test]
fn a_replacement_wins_over_the_replaced_copy_in_a_later_merge() {
    let here = with_executives(
        programme(1, "Pilot", 0, 50),
        vec![
            executive(1, "Ada (edited here)", 0, 60),
            executive(2, "Only here", 1, 1),
        ],
    );
    let file = with_executives(
        programme(1, "Pilot (file)", 0, 10),
        vec![executive(1, "Ada", 0, 10)],
    );
    let mut workspace = workspace_of(vec![here.clone()]);
    workspace.replace_programmes(&[file], at(100));
    let replaced = workspace.get(id(1)).unwrap().clone();
    assert_eq!(replaced.merge(&here), replaced);
    assert_eq!(here.merge(&replaced), replaced);
}

#[test]
fn replacing_keeps_tombstones_so_that_a_deleted_executive_cannot_come_back() {
    let here = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![tombstone(1, "Gone", 0, 50)],
    );
    let file = programme(1, "Pilot", 0, 0);
    let mut workspace = workspace_of(vec![here]);
    workspace.replace_programmes(&[file], at(100));
    // Another tab still has the executive, from before the deletion.
    let other_tab = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![executive(1, "Gone", 0, 10)],
    );
    workspace.merge_programmes(&[other_tab]);
    assert_eq!(workspace.get(id(1)).unwrap().roster().count(), 0);
}

#[test]
fn replacing_with_an_identical_copy_changes_nothing() {
    let mut workspace = workspace_of(vec![original()]);
    let before = workspace.clone();
    workspace.replace_programmes(&[original()], at(100));
    assert_eq!(workspace, before);
}

#[test]
fn replacing_adds_new_programmes_and_leaves_the_others_alone() {
    let mut workspace = three();
    let ids = workspace.replace_programmes(&[programme(9, "Nine", 30, 30)], at(100));
    assert_eq!(ids, [id(9)]);
    assert_eq!(workspace.programmes.len(), 4);
    for n in 1..=3 {
        assert_eq!(workspace.get(id(n)), three().get(id(n)));
    }
}

#[test]
fn replacing_makes_competitions_hold_exactly_the_files_content() {
    let mut here = original_with_league();
    here.competitions.retain(|c| c.id() == id(50));
    let mut only_here = Competition::new("Only here", january(), vec![id(1)], at(3));
    only_here.settings.id = id(52);
    only_here.activity = vec![posts_row(1, 4, 7)];
    here.add_competition(only_here);
    let mut file = original();
    let mut league = here.competition(id(50)).unwrap().clone();
    league.settings.name = "League (file)".into();
    league.settings.updated_at = at(1);
    league.periods.clear();
    league.activity = vec![posts_row(1, 5, 1), posts_row(3, 1, 5)];
    file.add_competition(league);

    let mut workspace = workspace_of(vec![here.clone()]);
    workspace.replace_programmes(std::slice::from_ref(&file), at(100));
    let replaced = workspace.get(id(1)).unwrap().clone();

    let league = replaced.competition(id(50)).expect("kept");
    assert_eq!(league.settings.name, "League (file)");
    assert!(league.settings.updated_at > here.competitions[0].settings.updated_at);
    assert_eq!(league.value(january(), id(1), "posts"), Some(5));
    assert_eq!(
        league.value(january(), id(2), "posts"),
        None,
        "the file has no row for Gone"
    );
    assert_eq!(league.value(january(), id(3), "posts"), Some(1));
    assert!(
        !league.is_closed(january()),
        "January is not closed in the file"
    );
    assert_eq!(league.record(january()), None);
    assert!(replaced.competition(id(52)).is_none());
    let tombstone = replaced
        .competitions
        .iter()
        .find(|c| c.id() == id(52))
        .unwrap();
    assert!(tombstone.is_deleted());

    // The replacement wins over what was here, whichever side a later merge starts from.
    assert_eq!(replaced.merge(&here), replaced);
    assert_eq!(here.merge(&replaced), replaced);
}

#[test]
fn replacing_with_an_identical_copy_with_competitions_changes_nothing() {
    let mut workspace = workspace_of(vec![original_with_league()]);
    let before = workspace.clone();
    workspace.replace_programmes(&[original_with_league()], at(100));
    assert_eq!(workspace, before);
}

/// What a user sees of a programme's competitions: the live ones, their settings (but when they
/// were edited), their recorded values and the periods ever closed.
#[allow(clippy::type_complexity)]
fn visible_competitions(
    p: &Programme,
) -> Vec<(
    Uuid,
    String,
    Vec<(NaiveDate, Uuid, BTreeMap<String, u32>)>,
    Vec<(NaiveDate, bool, Vec<PeriodEvent>, Vec<Uuid>, Option<String>)>,
)> {
    let mut list: Vec<_> = p
        .live_competitions()
        .map(|c| {
            let mut settings = c.settings.clone();
            settings.updated_at = at(0);
            let mut rows: Vec<_> = c
                .activity
                .iter()
                .filter(|r| !r.values.is_empty())
                .map(|r| (r.period, r.executive, r.values.clone()))
                .collect();
            rows.sort_by_key(|r| (r.0, r.1));
            let mut records: Vec<_> = c
                .periods
                .iter()
                .filter(|r| c.record(r.period).is_some())
                .map(|r| {
                    (
                        r.period,
                        r.closed,
                        r.log.clone(),
                        r.most_social.clone(),
                        r.note.clone(),
                    )
                })
                .collect();
            records.sort_by_key(|r| r.0);
            (c.id(), format!("{settings:?}"), rows, records)
        })
        .collect();
    list.sort_by_key(|c| c.0);
    list
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_replaced_programme_holds_the_files_live_records(
        here in small_programme(),
        file in small_programme(),
    ) {
        let mut workspace = workspace_of(vec![normalised(&here)]);
        workspace.replace_programmes(std::slice::from_ref(&file), at(1_000));
        let replaced = workspace.get(file.id()).unwrap();
        let live = |p: &Programme| {
            let mut list: Vec<Executive> = p.roster().cloned().collect();
            list.sort_by_key(|e| e.id);
            list.into_iter()
                .map(|e| (e.id, e.name, e.title, e.consent, e.created_at))
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(live(replaced), live(&file));
        prop_assert_eq!(visible_competitions(replaced), visible_competitions(&file));
        prop_assert_eq!(replaced.is_deleted(), file.is_deleted());
        // And the replacement survives a merge with what was here before.
        prop_assert_eq!(&replaced.merge(&here), replaced);
    }

    #[test]
    fn a_duplicate_of_any_programme_shares_no_ids_and_no_tombstones(source in small_programme()) {
        let copy = source.duplicate(at(1_000));
        prop_assert_eq!(copy.executives.len(), source.roster().count());
        prop_assert!(copy.executives.iter().all(|e| !e.deleted));
        let ids: BTreeSet<Uuid> = copy.executives.iter().map(|e| e.id).collect();
        prop_assert_eq!(ids.len(), copy.executives.len());
        prop_assert!(source.executives.iter().all(|e| !ids.contains(&e.id)));
        prop_assert!(copy.name().ends_with(" (copy)"));
        // Competitions: live ones only, under new ids, naming only the copy's executives.
        prop_assert_eq!(copy.competitions.len(), source.live_competitions().count());
        for competition in &copy.competitions {
            prop_assert!(!competition.is_deleted());
            prop_assert!(source.competitions.iter().all(|c| c.id() != competition.id()));
            let mut named: Vec<Uuid> = competition.settings.rules.league.clone();
            named.extend(competition.activity.iter().map(|r| r.executive));
            for record in &competition.periods {
                named.extend(record.most_social.iter().chain(&record.most_improved).copied());
                if let Some(rules) = &record.rules {
                    named.extend(rules.league.iter().copied());
                }
            }
            prop_assert!(named.iter().all(|n| ids.contains(n)), "a reference to the original");
        }
        prop_assert_eq!(&normalised(&copy).competitions, &copy.competitions);
    }
}

// --- The demo programme -------------------------------------------------------------------------

#[test]
fn the_demo_programme_has_ten_live_executives() {
    let demo = demo_programme(at(0));
    assert_eq!(demo.executives.len(), 10);
    assert_eq!(demo.roster().count(), 10);
    let names: BTreeSet<&str> = demo.executives.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names.len(), 10, "names are distinct");
    let ids: BTreeSet<Uuid> = demo.executives.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 10, "ids are distinct");
    assert!(demo.executives.iter().all(|e| !e.title.is_empty()));
}

#[test]
fn the_demo_programme_is_marked_as_a_demo_and_uses_several_networks() {
    let demo = demo_programme(at(0));
    assert_eq!(demo.settings.company, DEMO_COMPANY);
    assert!(!demo.name().trim().is_empty());
    assert!(!demo.settings.networks.is_empty());
    assert!(demo.settings.networks.contains(&Network::Linkedin));
    assert!(!demo.is_deleted());
}

#[test]
fn the_demo_programme_started_on_the_first_of_the_month_four_months_back_with_its_league() {
    let cases = [
        (utc(2026, 1, 15, 9, 0), (2025, 9, 1)),
        (utc(2026, 2, 28, 23, 59), (2025, 10, 1)),
        (utc(2026, 3, 1, 0, 0), (2025, 11, 1)),
        (utc(2025, 12, 31, 23, 59), (2025, 8, 1)),
        (utc(2024, 2, 29, 12, 0), (2023, 10, 1)),
    ];
    for (now, (year, month, day)) in cases {
        let demo = demo_programme(now);
        assert_eq!(
            demo.settings.start_date,
            NaiveDate::from_ymd_opt(year, month, day),
            "now = {now}"
        );
        assert_eq!(
            demo.competitions[0].settings.start,
            NaiveDate::from_ymd_opt(year, month, day).expect("date"),
            "the league starts with the programme (now = {now})"
        );
    }
}

#[test]
fn the_demo_programme_in_january_starts_in_september_of_the_previous_year() {
    let demo = demo_programme(utc(2027, 1, 3, 8, 30));
    assert_eq!(
        demo.settings.start_date,
        NaiveDate::from_ymd_opt(2026, 9, 1)
    );
}

#[test]
fn the_demo_programme_is_dated_no_later_than_now() {
    let now = at(1_000);
    let demo = demo_programme(now);
    assert_eq!(demo.settings.created_at, now);
    assert!(demo
        .executives
        .iter()
        .all(|e| e.created_at < now && e.updated_at <= now));
}

#[test]
fn the_demo_roster_order_survives_a_save_and_reload() {
    let demo = demo_programme(timestamp_from_millis(BASE_MILLIS));
    assert_eq!(normalised(&demo), demo, "roster order is canonical order");
    let reloaded = parse_stored_programme(&StoredProgramme::to_json(&demo))
        .unwrap()
        .value;
    assert_eq!(reloaded, demo);
    assert_eq!(reloaded.executives[0].name, "Amara Okafor");
}

#[test]
fn two_demo_programmes_do_not_share_ids() {
    let a = demo_programme(at(0));
    let b = demo_programme(at(0));
    assert_ne!(a.id(), b.id());
    let a_ids: BTreeSet<Uuid> = a.executives.iter().map(|e| e.id).collect();
    assert!(b.executives.iter().all(|e| !a_ids.contains(&e.id)));
}

// --- Hostile timestamps --------------------------------------------------------------------------

/// A record stamped at the last moment a timestamp can hold, as a corrupt or hostile file may carry.
fn at_the_end_of_time() -> Timestamp {
    chrono::DateTime::<chrono::Utc>::MAX_UTC
}

/// Timestamps are RFC 3339, whose years have four digits: a file stamped past the year 9999 (never
/// written by the app, whose clock cannot get there) is refused in plain words, not imported.
#[test]
fn a_file_stamped_past_the_year_9999_is_refused_in_plain_words() {
    let mut stamped = executive(1, "Ada", 0, 0);
    stamped.updated_at = at_the_end_of_time();
    let far = with_executives(programme(1, "Pilot", 0, 0), vec![stamped]);
    let text = exec_social_playbook::io::BackupFile::new(vec![far], None, at(0)).to_json();
    match exec_social_playbook::io::parse_backup(&text) {
        Err(exec_social_playbook::io::ReadError::WrongShape { reason, .. }) => {
            assert!(reason.contains("is not an RFC 3339 time"), "{reason}")
        }
        other => panic!("expected a wrong-shape error, got {other:?}"),
    }
}

#[test]
fn editing_a_record_stamped_at_the_end_of_time_does_not_panic() {
    let mut stamped = executive(1, "Ada", 0, 0);
    stamped.updated_at = at_the_end_of_time();
    let mut programme = with_executives(programme(1, "Pilot", 0, 0), vec![stamped]);
    programme.settings.updated_at = at_the_end_of_time();
    assert!(programme.edit_executive(id(1), at(10), |e| e.title = "CTO".into()));
    assert_eq!(programme.executives[0].title, "CTO");
    programme.edit_settings(at(10), |s| s.owner = "Sam".into());
    assert_eq!(programme.settings.owner, "Sam");
}

#[test]
fn deleting_restoring_and_replacing_records_stamped_at_the_end_of_time_does_not_panic() {
    let mut stamped = executive(1, "Ada", 0, 0);
    stamped.updated_at = at_the_end_of_time();
    let mut far = with_executives(programme(1, "Pilot", 0, 0), vec![stamped]);
    far.settings.updated_at = at_the_end_of_time();
    let mut workspace = workspace_of(vec![far]);
    let before = workspace.delete(id(1), at(10)).expect("deleted");
    workspace.restore(before, at(11));
    workspace.replace_programmes(&[programme(1, "Pilot (file)", 0, 0)], at(12));
    assert_eq!(workspace.get(id(1)).unwrap().roster().count(), 0);
}

#[test]
fn deleting_an_executive_keeps_a_tombstone_without_personal_details() {
    let mut ada = executive(1, "Ada", 0, 0);
    ada.email = "ada@example.com".into();
    ada.notes = "Prefers mornings".into();
    let mut programme = with_executives(programme(1, "Pilot", 0, 0), vec![ada.clone()]);
    let before = programme.delete_executive(id(1), at(10)).expect("deleted");
    assert_eq!(before, ada, "the pre-deletion copy is returned for undo");
    let tombstone = &programme.executives[0];
    assert!(tombstone.deleted);
    assert_eq!(tombstone.id, ada.id);
    assert_eq!(tombstone.created_at, ada.created_at);
    assert!(tombstone.updated_at > ada.updated_at);
    assert!(tombstone.email.is_empty() && tombstone.notes.is_empty());
    assert!(!tombstone.name.contains("Ada"));
    assert_eq!(programme.roster().count(), 0);
    assert_eq!(
        programme.delete_executive(id(1), at(11)),
        None,
        "already deleted"
    );
    let older_copy = with_executives(programme_like(&programme), vec![ada]);
    assert_eq!(
        programme.merge(&older_copy).roster().count(),
        0,
        "the deletion wins over the older edit"
    );
}

fn programme_like(p: &Programme) -> Programme {
    Programme {
        settings: p.settings.clone(),
        executives: Vec::new(),
        evidence: Vec::new(),
        competitions: Vec::new(),
    }
}
