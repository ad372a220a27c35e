//! The stored form of a competition's activity: one table rather than one object per row.
//!
//! A competition of 500 executives over 24 monthly periods holds 12 000 activity rows. Written as
//! objects (`{"period": …, "executive": …, "values": {"comments": 23, …}, "updated_at": …}`) they
//! repeat every field name and every KPI id in every row: 2.6 MB of a 3.3 MB programme, most of the
//! time it takes to read it, and most of the browser's 5 MB storage quota. So the activity is
//! written as a table whose KPI ids are named once:
//!
//! ```json
//! "activity": {
//!   "kpis": ["comments", "posts", "reactions"],
//!   "rows": [
//!     ["2027-01-01", "1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5", "2027-01-31T17:00:00Z", [40, 12, 130]],
//!     ["2027-01-01", "3f405162-7c8d-4e9f-a0b1-c2d3e4f50617", "2027-01-20T12:00:00Z", [null, 1]],
//!     ["2027-02-01", "2e3f4051-6b7c-4d8e-9fa0-b1c2d3e4f506", "2027-02-03T09:00:00Z", []]
//!   ]
//! }
//! ```
//!
//! `kpis` is the sorted set of every KPI id any row has a value for, so the columns never depend on
//! the order rows were edited in and writing what was read gives the same text. A row is
//! `[period, executive, updated_at, values]`, its values aligned with `kpis`: `null` where the row
//! has nothing recorded for that KPI, trailing `null`s left out, `[]` for an emptied row (kept so that
//! a clearing wins a merge). Dates and times are written by the same functions as everywhere else
//! ([`iso`], [`rfc3339`]).
//!
//! Reading is strict — a row of the wrong length, a count that is negative, fractional, text or
//! beyond `u32`, more values than `kpis`, a KPI id named twice, an impossible date, id or time — each
//! is a serde error, which the app reports as a file or entry that is not valid. It never panics.
//! Rows are read straight into [`ActivityRow`]s through visitors (no `serde_json::Value` in between):
//! speed is the point of the format. The writer puts `kpis` first; a table whose `rows` come first
//! (a JSON tool may reorder keys) is still read, by holding the rows' values until `kpis` arrives.

use super::ActivityRow;
use crate::model::dates::{iso, parse_iso_date, rfc3339};
use crate::model::record::Timestamp;
use chrono::{DateTime, NaiveDate, Utc};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, SerializeStruct, SerializeTuple, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use uuid::Uuid;

/// Writes the rows as the table described in the module documentation.
pub fn serialize<S: Serializer>(rows: &[ActivityRow], serializer: S) -> Result<S::Ok, S::Error> {
    let kpis = kpis_in_use(rows);
    let mut table = serializer.serialize_struct("Activity", 2)?;
    table.serialize_field("kpis", &kpis)?;
    table.serialize_field("rows", &RowsOut { rows, kpis: &kpis })?;
    table.end()
}

/// The sorted set of the KPI ids the rows have values for.
///
/// Rows nearly always have the ids of the rows before them, so one walk along a row's sorted ids
/// and the sorted list finds them (a quarter of the time a set takes for 12 000 rows). A new id is
/// inserted in place; should the list grow past a few dozen ids (values under ids no rules name
/// are kept, so a merged file may have many), a set takes over, so the time stays proportional.
fn kpis_in_use(rows: &[ActivityRow]) -> Vec<&str> {
    const LIST_LIMIT: usize = 64;
    let mut kpis: Vec<&str> = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let mut column = 0;
        for id in row.values.keys().map(String::as_str) {
            while kpis.get(column).is_some_and(|kpi| *kpi < id) {
                column += 1;
            }
            if kpis.get(column) != Some(&id) {
                kpis.insert(column, id);
            }
            column += 1;
        }
        if kpis.len() > LIST_LIMIT {
            let mut set: BTreeSet<&str> = kpis.into_iter().collect();
            set.extend(
                rows.iter()
                    .skip(index + 1)
                    .flat_map(|row| row.values.keys().map(String::as_str)),
            );
            return set.into_iter().collect();
        }
    }
    kpis
}

struct RowsOut<'a> {
    rows: &'a [ActivityRow],
    kpis: &'a [&'a str],
}

impl Serialize for RowsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.rows.len()))?;
        for row in self.rows {
            seq.serialize_element(&RowOut {
                row,
                kpis: self.kpis,
            })?;
        }
        seq.end()
    }
}

struct RowOut<'a> {
    row: &'a ActivityRow,
    kpis: &'a [&'a str],
}

impl Serialize for RowOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut tuple = serializer.serialize_tuple(4)?;
        tuple.serialize_element(&IsoOut(&self.row.period))?;
        tuple.serialize_element(&self.row.executive)?;
        tuple.serialize_element(&TimeOut(&self.row.updated_at))?;
        tuple.serialize_element(&ValuesOut {
            values: &self.row.values,
            kpis: self.kpis,
        })?;
        tuple.end()
    }
}

/// A date as every other date of the files is written.
struct IsoOut<'a>(&'a NaiveDate);

impl Serialize for IsoOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        iso::serialize(self.0, serializer)
    }
}

/// A timestamp as every other timestamp of the files is written.
struct TimeOut<'a>(&'a Timestamp);

impl Serialize for TimeOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        rfc3339::serialize(self.0, serializer)
    }
}

/// One row's values in the columns of `kpis`, up to its last value.
struct ValuesOut<'a> {
    values: &'a BTreeMap<String, u32>,
    kpis: &'a [&'a str],
}

impl Serialize for ValuesOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Both the row's ids and `kpis` are sorted and the first are among the second, so one walk
        // along both places every value; the row ends at the column of its last id.
        let width = match self.values.keys().next_back() {
            None => 0,
            Some(last) => match self.kpis.binary_search(&last.as_str()) {
                Ok(column) => column + 1,
                Err(_) => self.kpis.len(),
            },
        };
        let mut seq = serializer.serialize_seq(Some(width))?;
        let mut values = self.values.iter().peekable();
        for kpi in self.kpis.iter().take(width) {
            match values.peek() {
                Some((id, value)) if id.as_str() == *kpi => {
                    seq.serialize_element(&Some(**value))?;
                    values.next();
                }
                _ => seq.serialize_element(&None::<u32>)?,
            }
        }
        seq.end()
    }
}

/// Reads the table described in the module documentation.
pub fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<ActivityRow>, D::Error> {
    deserializer.deserialize_struct("Activity", &["kpis", "rows"], TableVisitor)
}

/// The keys of the table; others are ignored, as everywhere in the files.
enum Field {
    Kpis,
    Rows,
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl Visitor<'_> for FieldVisitor {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field of the activity table")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Field, E> {
                Ok(match key {
                    "kpis" => Field::Kpis,
                    "rows" => Field::Rows,
                    _ => Field::Other,
                })
            }
        }
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

struct TableVisitor;

impl<'de> Visitor<'de> for TableVisitor {
    type Value = Vec<ActivityRow>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an activity table {\"kpis\": […], \"rows\": […]}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut kpis: Option<Vec<String>> = None;
        let mut rows: Option<Rows> = None;
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Kpis if kpis.is_some() => return Err(de::Error::duplicate_field("kpis")),
                Field::Rows if rows.is_some() => return Err(de::Error::duplicate_field("rows")),
                Field::Kpis => {
                    let names: Vec<String> = map.next_value()?;
                    check_distinct(&names)?;
                    kpis = Some(names);
                }
                Field::Rows => {
                    rows = Some(map.next_value_seed(RowsSeed {
                        kpis: kpis.as_deref(),
                    })?)
                }
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let kpis = kpis.ok_or_else(|| de::Error::missing_field("kpis"))?;
        let Rows { mut rows, pending } = rows.ok_or_else(|| de::Error::missing_field("rows"))?;
        // Rows read before `kpis` kept their values aside; place them now.
        for (index, raw) in pending {
            if let Some(row) = rows.get_mut(index) {
                row.values = values_in_columns(raw.into_iter().map(Ok), &kpis)?;
            }
        }
        Ok(rows)
    }
}

/// A KPI id named twice would make two columns one value; refused rather than guessed at.
fn check_distinct<E: de::Error>(kpis: &[String]) -> Result<(), E> {
    let mut sorted: Vec<&str> = kpis.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    match sorted.windows(2).find(|pair| pair[0] == pair[1]) {
        Some(pair) => Err(E::custom(format!(
            "the activity's kpis name \"{}\" more than once",
            pair[0]
        ))),
        None => Ok(()),
    }
}

/// Builds a row's values from its column values, refusing more values than there are columns.
fn values_in_columns<E: de::Error>(
    column_values: impl Iterator<Item = Result<Option<u32>, E>>,
    kpis: &[String],
) -> Result<BTreeMap<String, u32>, E> {
    let mut values = BTreeMap::new();
    let mut columns = kpis.iter();
    for value in column_values {
        let value = value?;
        let Some(kpi) = columns.next() else {
            return Err(E::custom(format!(
                "an activity row has more values than the {} KPI(s) the activity's kpis name",
                kpis.len()
            )));
        };
        if let Some(value) = value {
            values.insert(kpi.clone(), value);
        }
    }
    Ok(values)
}

/// The rows, and for the rows read before `kpis` was known, their index and column values.
struct Rows {
    rows: Vec<ActivityRow>,
    pending: Vec<(usize, Vec<Option<u32>>)>,
}

struct RowsSeed<'k> {
    kpis: Option<&'k [String]>,
}

impl<'de> DeserializeSeed<'de> for RowsSeed<'_> {
    type Value = Rows;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Rows, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for RowsSeed<'_> {
    type Value = Rows;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of activity rows")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Rows, A::Error> {
        // A size hint comes from the parsed document, never from a count the file states, but stay
        // modest anyway.
        let mut rows = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 14));
        let mut pending = Vec::new();
        let mut period = Cached::new(read_date);
        let mut updated_at = Cached::new(read_time);
        while let Some((row, raw)) = seq.next_element_seed(RowSeed {
            kpis: self.kpis,
            period: &mut period,
            updated_at: &mut updated_at,
        })? {
            if let Some(raw) = raw {
                pending.push((rows.len(), raw));
            }
            rows.push(row);
        }
        Ok(Rows { rows, pending })
    }
}

/// One row: `[period, executive, updated_at, values]`.
struct RowSeed<'k, 'c> {
    kpis: Option<&'k [String]>,
    period: &'c mut Cached<NaiveDate>,
    updated_at: &'c mut Cached<Timestamp>,
}

impl<'de> DeserializeSeed<'de> for RowSeed<'_, '_> {
    type Value = (ActivityRow, Option<Vec<Option<u32>>>);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_tuple(4, self)
    }
}

impl<'de> Visitor<'de> for RowSeed<'_, '_> {
    type Value = (ActivityRow, Option<Vec<Option<u32>>>);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an activity row [period, executive, updated_at, values]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let period = seq
            .next_element_seed(&mut *self.period)?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let executive: Uuid = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        let updated_at = seq
            .next_element_seed(&mut *self.updated_at)?
            .ok_or_else(|| de::Error::invalid_length(2, &self))?;
        let (values, raw) = seq
            .next_element_seed(ValuesSeed { kpis: self.kpis })?
            .ok_or_else(|| de::Error::invalid_length(3, &self))?;
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(5, &self));
        }
        let row = ActivityRow {
            period,
            executive,
            values,
            updated_at,
        };
        Ok((row, raw))
    }
}

/// The same reading and the same message as [`iso`]'s.
fn read_date(text: &str) -> Result<NaiveDate, String> {
    parse_iso_date(text).ok_or_else(|| format!("\"{text}\" is not a date like 2026-11-26"))
}

/// The same reading and the same message as [`rfc3339`]'s.
fn read_time(text: &str) -> Result<Timestamp, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|e| format!("\"{text}\" is not an RFC 3339 time ({e})"))
}

/// A date or time read from a string by `parse`, without copying the string first (the derived
/// readers of [`iso`] and [`rfc3339`] take an owned copy), and read once for a run of rows with the
/// same text: the rows of a period share its date, and rows entered together their time.
struct Cached<T> {
    parse: fn(&str) -> Result<T, String>,
    last: Option<(String, T)>,
}

impl<T: Copy> Cached<T> {
    fn new(parse: fn(&str) -> Result<T, String>) -> Self {
        Cached { parse, last: None }
    }
}

impl<'de, T: Copy> DeserializeSeed<'de> for &mut Cached<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<T: Copy> Visitor<'_> for &mut Cached<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        if let Some((last, value)) = &self.last {
            if last == text {
                return Ok(*value);
            }
        }
        let value = (self.parse)(text).map_err(E::custom)?;
        match &mut self.last {
            Some((last, kept)) => {
                last.clear();
                last.push_str(text);
                *kept = value;
            }
            None => self.last = Some((text.to_owned(), value)),
        }
        Ok(value)
    }
}

/// A row's values: straight into a map when `kpis` is known, else kept as read.
struct ValuesSeed<'k> {
    kpis: Option<&'k [String]>,
}

impl<'de> DeserializeSeed<'de> for ValuesSeed<'_> {
    type Value = (BTreeMap<String, u32>, Option<Vec<Option<u32>>>);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ValuesSeed<'_> {
    type Value = (BTreeMap<String, u32>, Option<Vec<Option<u32>>>);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of counts (or null), one per KPI of the activity's kpis")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        match self.kpis {
            Some(kpis) => {
                let column_values =
                    std::iter::from_fn(|| seq.next_element::<Option<u32>>().transpose());
                Ok((values_in_columns(column_values, kpis)?, None))
            }
            None => {
                let mut raw = Vec::new();
                while let Some(value) = seq.next_element::<Option<u32>>()? {
                    raw.push(value);
                }
                Ok((BTreeMap::new(), Some(raw)))
            }
        }
    }
}
