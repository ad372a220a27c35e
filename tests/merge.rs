//! Reliability row 11: merging is commutative, idempotent and associative; deletions win over older
//! edits; the latest edit wins; ties are settled the same way whatever the argument order.

mod common;

use common::*;
use exec_social_playbook::model::record::{merge_records, newer, sort_canonically};
use exec_social_playbook::model::{Executive, Programme, Workspace};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

fn canonical(mut records: Vec<Executive>) -> Vec<Executive> {
    sort_canonically(&mut records);
    records
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    // --- merge_records ---------------------------------------------------------------------------

    #[test]
    fn merge_records_is_commutative(
        a in small_roster_with_duplicates(),
        b in small_roster_with_duplicates(),
    ) {
        prop_assert_eq!(merge_records(&a, &b), merge_records(&b, &a));
    }

    #[test]
    fn merge_records_is_associative(
        a in small_roster_with_duplicates(),
        b in small_roster_with_duplicates(),
        c in small_roster_with_duplicates(),
    ) {
        let left = merge_records(&merge_records(&a, &b), &c);
        let right = merge_records(&a, &merge_records(&b, &c));
        prop_assert_eq!(left, right);
    }

    #[test]
    fn merge_records_of_a_canonical_collection_with_itself_changes_nothing(a in small_roster()) {
        let a = canonical(a);
        prop_assert_eq!(&merge_records(&a, &a), &a);
        prop_assert_eq!(&merge_records(&a, &[]), &a);
        prop_assert_eq!(&merge_records(&[], &a), &a);
    }

    #[test]
    fn merge_records_of_any_collection_with_itself_only_puts_it_in_canonical_order(a in small_roster()) {
        prop_assert_eq!(merge_records(&a, &a), canonical(a));
    }

    #[test]
    fn merging_the_same_records_twice_is_the_same_as_once(
        a in small_roster_with_duplicates(),
        b in small_roster_with_duplicates(),
    ) {
        let once = merge_records(&a, &b);
        prop_assert_eq!(&merge_records(&once, &b), &once);
        prop_assert_eq!(&merge_records(&b, &once), &once);
        prop_assert_eq!(&merge_records(&once, &once), &once);
    }

    #[test]
    fn merge_records_keeps_every_id_of_either_side_exactly_once(
        a in small_roster_with_duplicates(),
        b in small_roster_with_duplicates(),
    ) {
        let merged = merge_records(&a, &b);
        let ids: Vec<Uuid> = merged.iter().map(|e| e.id).collect();
        let unique: BTreeSet<Uuid> = ids.iter().copied().collect();
        prop_assert_eq!(ids.len(), unique.len(), "an id appears twice");
        let expected: BTreeSet<Uuid> = a.iter().chain(&b).map(|e| e.id).collect();
        prop_assert_eq!(unique, expected);
    }

    #[test]
    fn merge_records_leaves_records_in_canonical_order(
        a in small_roster_with_duplicates(),
        b in small_roster_with_duplicates(),
    ) {
        let merged = merge_records(&a, &b);
        let keys: Vec<_> = merged.iter().map(|e| (e.created_at, e.id)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
    }

    #[test]
    fn merge_records_keeps_for_each_id_one_of_its_copies_with_the_latest_edit(
        a in small_roster_with_duplicates(),
        b in small_roster_with_duplicates(),
    ) {
        let merged = merge_records(&a, &b);
        let mut copies: BTreeMap<Uuid, Vec<&Executive>> = BTreeMap::new();
        for record in a.iter().chain(&b) {
            copies.entry(record.id).or_default().push(record);
        }
        for kept in &merged {
            let all = &copies[&kept.id];
            prop_assert!(all.contains(&kept), "the merge invented a copy: {:?}", kept);
            let latest = all.iter().map(|e| e.updated_at).max().unwrap();
            prop_assert_eq!(kept.updated_at, latest, "an older edit won");
            let latest_is_deleted = all.iter().any(|e| e.updated_at == latest && e.deleted);
            prop_assert_eq!(kept.deleted, latest_is_deleted, "a deletion at the latest time lost");
        }
    }

    #[test]
    fn merge_records_never_brings_back_a_record_deleted_after_every_edit(
        a in small_roster_with_duplicates(),
        b in small_roster_with_duplicates(),
    ) {
        let merged = merge_records(&a, &b);
        for record in a.iter().chain(&b).filter(|e| e.deleted) {
            let newer_live_edit = a
                .iter()
                .chain(&b)
                .any(|e| e.id == record.id && !e.deleted && e.updated_at > record.updated_at);
            if !newer_live_edit {
                let kept = merged.iter().find(|e| e.id == record.id).unwrap();
                prop_assert!(kept.deleted, "{:?} came back from an older edit", kept);
            }
        }
    }

    #[test]
    fn newer_picks_the_same_copy_whatever_the_argument_order(
        x in small_executive_with_id(Uuid::from_u128(1)),
        y in small_executive_with_id(Uuid::from_u128(1)),
    ) {
        prop_assert_eq!(newer(&x, &y), newer(&y, &x));
    }

    // --- Programme::merge -------------------------------------------------------------------------

    #[test]
    fn programme_merge_is_commutative(a in small_programme(), b in small_programme()) {
        prop_assert_eq!(a.merge(&b), b.merge(&a));
    }

    #[test]
    fn programme_merge_is_associative(
        a in small_programme(),
        b in small_programme(),
        c in small_programme(),
    ) {
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
    }

    #[test]
    fn merging_a_canonical_programme_with_itself_changes_nothing(a in small_programme()) {
        let a = normalised(&a);
        prop_assert_eq!(&a.merge(&a), &a);
    }

    #[test]
    fn merging_a_programme_with_itself_only_puts_it_in_canonical_order(a in small_programme()) {
        prop_assert_eq!(a.merge(&a), normalised(&a));
    }

    #[test]
    fn merging_the_same_programme_twice_is_the_same_as_once(
        a in small_programme(),
        b in small_programme(),
    ) {
        let once = a.merge(&b);
        prop_assert_eq!(&once.merge(&b), &once);
        prop_assert_eq!(&b.merge(&once), &once);
        prop_assert_eq!(&once.merge(&a), &once);
    }

    #[test]
    fn programme_merge_keeps_the_settings_with_the_latest_edit(
        a in small_programme(),
        b in small_programme(),
    ) {
        let merged = a.merge(&b);
        let latest = a.settings.updated_at.max(b.settings.updated_at);
        prop_assert_eq!(merged.settings.updated_at, latest);
        prop_assert!(merged.settings == a.settings || merged.settings == b.settings);
        let deleted_at_latest = [&a, &b]
            .iter()
            .any(|p| p.settings.updated_at == latest && p.settings.deleted);
        prop_assert_eq!(merged.is_deleted(), deleted_at_latest);
    }

    #[test]
    fn merging_many_copies_in_any_order_gives_the_same_programme(
        copies in prop::collection::vec(small_programme(), 1..5).prop_shuffle(),
        seed in any::<prop::sample::Index>(),
    ) {
        let fold = |list: &[Programme]| {
            list[1..].iter().fold(normalised(&list[0]), |acc, p| acc.merge(p))
        };
        let forwards = fold(&copies);
        let mut rotated = copies.clone();
        rotated.rotate_left(seed.index(copies.len()));
        rotated.reverse();
        prop_assert_eq!(fold(&rotated), forwards);
    }

    // --- Workspace::merge_programmes --------------------------------------------------------------

    #[test]
    fn merging_two_files_into_a_workspace_in_either_order_gives_the_same_programmes(
        here in small_programme_set(),
        first in prop::collection::vec(small_programme_from_pool(), 0..4),
        second in prop::collection::vec(small_programme_from_pool(), 0..4),
    ) {
        let start = Workspace { programmes: here, current: None };
        let mut one = start.clone();
        one.merge_programmes(&first);
        one.merge_programmes(&second);
        let mut other = start;
        other.merge_programmes(&second);
        other.merge_programmes(&first);
        prop_assert_eq!(one.programmes, other.programmes);
    }

    #[test]
    fn merging_a_file_into_a_workspace_twice_changes_nothing_the_second_time(
        here in small_programme_set(),
        file in prop::collection::vec(small_programme_from_pool(), 0..4),
    ) {
        let mut workspace = Workspace { programmes: here, current: None };
        workspace.merge_programmes(&file);
        let after_once = workspace.clone();
        let changed = workspace.merge_programmes(&file);
        prop_assert!(changed.is_empty(), "second merge reported changes: {:?}", changed);
        prop_assert_eq!(workspace, after_once);
    }

    #[test]
    fn merging_a_workspace_into_itself_changes_nothing(here in small_programme_set()) {
        let mut workspace = Workspace { programmes: here.clone(), current: None };
        let changed = workspace.merge_programmes(&here);
        prop_assert!(changed.is_empty());
        prop_assert_eq!(workspace.programmes, here);
    }
}

// --- The rules, one example each ------------------------------------------------------------------

#[test]
fn merge_keeps_a_deletion_over_an_older_edit() {
    let edited = vec![executive(1, "Ada Lovelace, CTO", 0, 10)];
    let deleted = vec![tombstone(1, "Ada Lovelace", 0, 20)];
    for merged in [
        merge_records(&edited, &deleted),
        merge_records(&deleted, &edited),
    ] {
        assert_eq!(merged, deleted);
    }
}

#[test]
fn merge_keeps_a_deletion_over_an_edit_made_at_the_same_moment() {
    let edited = vec![executive(1, "Ada Lovelace, CTO", 0, 10)];
    let deleted = vec![tombstone(1, "Ada Lovelace", 0, 10)];
    assert_eq!(merge_records(&edited, &deleted), deleted);
    assert_eq!(merge_records(&deleted, &edited), deleted);
}

#[test]
fn merge_keeps_an_edit_made_after_the_deletion() {
    let deleted = vec![tombstone(1, "Ada", 0, 10)];
    let restored = vec![executive(1, "Ada", 0, 20)];
    assert_eq!(merge_records(&deleted, &restored), restored);
    assert_eq!(merge_records(&restored, &deleted), restored);
}

#[test]
fn merge_keeps_the_latest_edit_of_each_record() {
    let mine = vec![
        executive(1, "Ada (mine, newer)", 0, 30),
        executive(2, "Grace", 0, 5),
    ];
    let theirs = vec![
        executive(1, "Ada", 0, 10),
        executive(2, "Grace (theirs, newer)", 0, 40),
    ];
    let merged = merge_records(&mine, &theirs);
    let names: Vec<&str> = merged.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Ada (mine, newer)", "Grace (theirs, newer)"]);
}

#[test]
fn merge_settles_equal_timestamps_the_same_way_whatever_the_argument_order() {
    let mine = vec![executive(1, "Ada on laptop", 0, 10)];
    let theirs = vec![executive(1, "Ada on phone", 0, 10)];
    let one = merge_records(&mine, &theirs);
    let other = merge_records(&theirs, &mine);
    assert_eq!(one, other);
    assert!(one == mine || one == theirs);
}

#[test]
fn merge_adds_records_found_on_one_side_only_in_creation_order() {
    let mine = vec![executive(3, "Third", 30, 30), executive(1, "First", 10, 10)];
    let theirs = vec![executive(2, "Second", 20, 20)];
    let merged = merge_records(&mine, &theirs);
    let names: Vec<&str> = merged.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["First", "Second", "Third"]);
}

#[test]
fn merge_orders_records_created_at_the_same_moment_by_id() {
    let merged = merge_records(&[executive(9, "Nine", 0, 0)], &[executive(4, "Four", 0, 0)]);
    assert_eq!(merged[0].id, id(4));
    assert_eq!(merged[1].id, id(9));
}

#[test]
fn merging_a_deleted_programme_with_an_older_edit_keeps_it_deleted() {
    let mut deleted = programme(1, "Pilot", 0, 0);
    deleted.edit_settings(at(20), |s| s.deleted = true);
    let mut edited = programme(1, "Pilot", 0, 0);
    edited.edit_settings(at(10), |s| s.name = "Pilot, renamed".into());
    assert!(deleted.merge(&edited).is_deleted());
    assert!(edited.merge(&deleted).is_deleted());
}

#[test]
fn merging_programmes_merges_settings_and_executives_independently() {
    let mut mine = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![executive(1, "Ada", 0, 50)],
    );
    mine.edit_settings(at(5), |s| s.owner = "Mine".into());
    let mut theirs = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![executive(1, "Ada?", 0, 10)],
    );
    theirs.edit_settings(at(60), |s| s.owner = "Theirs".into());
    let merged = mine.merge(&theirs);
    assert_eq!(merged.settings.owner, "Theirs");
    assert_eq!(merged.executives[0].name, "Ada");
}

#[test]
fn a_deleted_executive_stays_out_of_the_roster_after_a_merge() {
    let mine = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![executive(1, "Ada", 0, 0), executive(2, "Grace", 1, 1)],
    );
    let mut theirs = mine.clone();
    assert!(theirs.edit_executive(id(1), at(30), |e| e.deleted = true));
    let merged = mine.merge(&theirs);
    let roster: Vec<&str> = merged.roster().map(|e| e.name.as_str()).collect();
    assert_eq!(roster, ["Grace"]);
    assert_eq!(merged.executives.len(), 2, "the tombstone is kept");
}

#[test]
fn merging_programmes_merges_competition_rows_of_different_executives_independently() {
    use exec_social_playbook::model::competition::Competition;
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut base = with_executives(
        programme(1, "Pilot", 0, 0),
        vec![executive(1, "Ada", 0, 0), executive(2, "Grace", 0, 0)],
    );
    let mut league = Competition::new("League", start, vec![id(1), id(2)], at(0));
    league.settings.id = id(50);
    base.add_competition(league);
    let january = base.competitions[0].periods(start)[0];
    let mut mine = base.clone();
    mine.edit_competition(id(50), |c| {
        c.set_value(&january, id(1), "posts", Some(4), at(10))
    });
    let mut theirs = base.clone();
    theirs.edit_competition(id(50), |c| {
        c.set_value(&january, id(2), "posts", Some(7), at(5))
    });
    for merged in [mine.merge(&theirs), theirs.merge(&mine)] {
        let league = merged.competition(id(50)).unwrap();
        assert_eq!(league.value(start, id(1), "posts"), Some(4));
        assert_eq!(league.value(start, id(2), "posts"), Some(7));
    }
    let mut deleted = mine.clone();
    deleted.delete_competition(id(50), at(20)).unwrap();
    assert_eq!(deleted.merge(&theirs).live_competitions().count(), 0);
    assert_eq!(theirs.merge(&deleted).live_competitions().count(), 0);
}
