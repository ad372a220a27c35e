//! What every stored record has in common, and the per-record merge rule.
//!
//! Every record (a programme's settings, an executive, …) carries an `id`, a `created_at`, an
//! `updated_at` and a `deleted` flag. Deleting keeps the record as a *tombstone* so that a merge with an
//! older copy that still has the record cannot bring it back.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;
use uuid::Uuid;

/// A moment in time, always UTC. The app never reads the clock inside `model/`: callers pass `now`.
pub type Timestamp = DateTime<Utc>;

/// Builds a timestamp from milliseconds since the Unix epoch (what `Date.now()` gives in the browser).
pub fn timestamp_from_millis(millis: i64) -> Timestamp {
    DateTime::from_timestamp_millis(millis).unwrap_or(DateTime::UNIX_EPOCH)
}

/// A record that can be merged with another copy of itself.
pub trait Record: Clone + Serialize {
    fn id(&self) -> Uuid;
    fn created_at(&self) -> Timestamp;
    fn updated_at(&self) -> Timestamp;
    fn is_deleted(&self) -> bool;
}

/// Of two copies of the same record, the one a merge keeps: the latest edit wins; on equal times a
/// deletion wins; on a full tie the copy whose JSON sorts last wins, so the choice never depends on
/// which side a copy came from.
pub fn newer<'a, T: Record>(a: &'a T, b: &'a T) -> &'a T {
    latest_by(a, b, |r| (r.updated_at(), r.is_deleted()))
}

/// Of two copies of one entry, the one with the greater `key` (an edit stamp, say); on a tie the
/// copy whose JSON sorts last, so that the choice never depends on which side a copy came from.
/// [`newer`] is this rule for records; keyed entries without a record's fields use it directly.
pub fn latest_by<'a, T: Serialize, K: Ord>(a: &'a T, b: &'a T, key: impl Fn(&T) -> K) -> &'a T {
    match key(a).cmp(&key(b)) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => {
            let ja = serde_json::to_string(a).unwrap_or_default();
            let jb = serde_json::to_string(b).unwrap_or_default();
            if ja >= jb {
                a
            } else {
                b
            }
        }
    }
}

/// Merges two collections record by record. The result holds every id of either side, each as the
/// [`newer`] copy, in a canonical order (creation time, then id) — so `merge(a, b) == merge(b, a)` and
/// `merge(a, a) == a` for any collection in canonical order.
pub fn merge_records<T: Record>(a: &[T], b: &[T]) -> Vec<T> {
    let mut by_id: BTreeMap<Uuid, T> = BTreeMap::new();
    for record in a.iter().chain(b.iter()) {
        let winner = match by_id.get(&record.id()) {
            Some(existing) => newer(existing, record).clone(),
            None => record.clone(),
        };
        by_id.insert(record.id(), winner);
    }
    let mut merged: Vec<T> = by_id.into_values().collect();
    sort_canonically(&mut merged);
    merged
}

/// Puts records in the order the app stores them: by creation time, then id.
pub fn sort_canonically<T: Record>(records: &mut [T]) {
    records.sort_by_key(|r| (r.created_at(), r.id()));
}

/// The records of a collection that are not tombstones.
pub fn live<T: Record>(records: &[T]) -> impl Iterator<Item = &T> {
    records.iter().filter(|r| !r.is_deleted())
}

/// Implements [`Record`] for a struct with `id`, `created_at`, `updated_at` and `deleted` fields.
macro_rules! impl_record {
    ($ty:ty) => {
        impl $crate::model::record::Record for $ty {
            fn id(&self) -> uuid::Uuid {
                self.id
            }
            fn created_at(&self) -> $crate::model::record::Timestamp {
                self.created_at
            }
            fn updated_at(&self) -> $crate::model::record::Timestamp {
                self.updated_at
            }
            fn is_deleted(&self) -> bool {
                self.deleted
            }
        }
    };
}
pub(crate) use impl_record;

pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}
