//! Dates in the words the app shows, and timestamps in the RFC 3339 form the files use.
//!
//! Written out by hand rather than with chrono's `format`/`parse_from_str`: those pull chrono's
//! general strftime formatter and parser into the WebAssembly bundle (~30 KB) for a few fixed shapes.

use super::record::Timestamp;
use chrono::{Datelike, NaiveDate, Timelike};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026-11-26` — what `<input type="date">` reads and writes. Years outside 0–9999 take ISO 8601's
/// expanded form with a sign (`+10000-01-01`), as chrono writes them.
pub fn iso_date(date: NaiveDate) -> String {
    let year = date.year();
    let year = if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else if year > 0 {
        format!("+{year}")
    } else {
        format!("-{:04}", -year)
    };
    format!("{year}-{:02}-{:02}", date.month(), date.day())
}

/// Reads `2026-11-26` (surrounding spaces allowed); `None` for anything else or an impossible date.
/// Also reads the expanded years [`iso_date`] writes.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => (1, text),
    };
    let mut parts = rest.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let year_ok = digits(y)
        && if sign == 1 && !text.starts_with('+') {
            y.len() == 4
        } else {
            y.len() >= 4
        };
    if !year_ok || !digits(m) || m.len() != 2 || !digits(d) || d.len() != 2 {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    NaiveDate::from_ymd_opt(sign * year, m.parse().ok()?, d.parse().ok()?)
}

/// `26 November 2026`.
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// `26 Nov 2026`.
pub fn short_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        &MONTHS[date.month0() as usize][..3],
        date.year()
    )
}

/// `26 November 2026, 14:05 UTC`.
pub fn date_time(at: Timestamp) -> String {
    format!(
        "{}, {:02}:{:02} UTC",
        long_date(at.date_naive()),
        at.hour(),
        at.minute()
    )
}

/// Serde for timestamps as RFC 3339 text (`2026-11-26T14:05:09.123Z`), through chrono's dedicated
/// RFC 3339 reader and writer. Every timestamp field uses it: `#[serde(with = "rfc3339")]`.
pub mod rfc3339 {
    use super::Timestamp;
    use chrono::{DateTime, SecondsFormat, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(at: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&at.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        DateTime::parse_from_rfc3339(&text)
            .map(|at| at.with_timezone(&Utc))
            .map_err(|e| {
                serde::de::Error::custom(format!("\"{text}\" is not an RFC 3339 time ({e})"))
            })
    }

    /// The same for an optional timestamp (`null` when absent).
    pub mod option {
        use super::Timestamp;
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(
            at: &Option<Timestamp>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match at {
                Some(at) => super::serialize(at, serializer),
                None => serializer.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Timestamp>, D::Error> {
            #[derive(Deserialize)]
            struct Wrapped(#[serde(with = "super")] Timestamp);
            Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(at)| at))
        }
    }
}

/// Serde for calendar dates as `2026-11-26`, without chrono's general parser.
pub mod iso {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&crate::model::dates::iso_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        crate::model::dates::parse_iso_date(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("\"{text}\" is not a date like 2026-11-26"))
        })
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(
            date: &Option<NaiveDate>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match date {
                Some(date) => serializer.serialize_str(&crate::model::dates::iso_date(*date)),
                None => serializer.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<NaiveDate>, D::Error> {
            match Option::<std::borrow::Cow<str>>::deserialize(deserializer)? {
                None => Ok(None),
                Some(text) => crate::model::dates::parse_iso_date(&text)
                    .map(Some)
                    .ok_or_else(|| {
                        serde::de::Error::custom(format!(
                            "\"{text}\" is not a date like 2026-11-26"
                        ))
                    }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::timestamp_from_millis;

    #[test]
    fn dates_read_as_people_write_them() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 9).unwrap();
        assert_eq!(iso_date(d), "2024-02-09");
        assert_eq!(long_date(d), "9 February 2024");
        assert_eq!(short_date(d), "9 Feb 2024");
        assert_eq!(
            date_time(timestamp_from_millis(1_732_626_309_000)),
            "26 November 2024, 13:05 UTC"
        );
    }

    #[test]
    fn only_real_iso_dates_are_read() {
        assert_eq!(
            parse_iso_date(" 2024-02-29 "),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for bad in [
            "2023-02-29",
            "2024-2-9",
            "24-02-09",
            "2024/02/09",
            "",
            "2024-02-09x",
            "abcd-ef-gh",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
