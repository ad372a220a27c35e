//! Reading numbers the way people type them: `1,200`, `1 200`, `3,5` (a decimal comma), blanks.

/// A whole count such as followers or posts: digits, optionally grouped in threes by one kind of
/// separator (`1,200`, `1.200`, `1 200`, `1'200`). Blank means "not known" (`Ok(None)`). `1.5` is
/// refused rather than read as 15.
pub fn parse_count(text: &str) -> Result<Option<u64>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let not_whole = || format!("“{trimmed}” is not a whole number.");
    let digits = ungrouped(trimmed).ok_or_else(not_whole)?;
    digits
        .parse::<u64>()
        .map(Some)
        .map_err(|_| format!("“{trimmed}” is too large."))
}

/// A decimal such as average engagement: `12`, `3.5`, `3,5` (decimal comma), `1,234.5` or
/// `1.234,5` (the later of `,` and `.` is the decimal point; the other groups thousands). A lone
/// comma followed by exactly three digits (`1,200`) groups thousands. Blank means "not known".
/// Negative numbers and non-finite values are refused.
pub fn parse_decimal(text: &str) -> Result<Option<f64>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.starts_with('-') {
        return Err(format!("“{trimmed}” is negative."));
    }
    let not_a_number = || format!("“{trimmed}” is not a number.");
    let decimal_point = match (trimmed.rfind(','), trimmed.rfind('.')) {
        (Some(c), Some(d)) => Some(c.max(d)),
        (Some(c), None) if trimmed.matches(',').count() == 1 && trimmed.len() - c - 1 != 3 => {
            Some(c)
        }
        (None, Some(d)) if trimmed.matches('.').count() == 1 => Some(d),
        _ => None,
    };
    let (whole, fraction) = match decimal_point {
        Some(at) => (&trimmed[..at], &trimmed[at + 1..]),
        None => (trimmed, ""),
    };
    let whole = if whole.is_empty() {
        Some(String::from("0"))
    } else {
        ungrouped(whole)
    };
    let whole = whole.ok_or_else(not_a_number)?;
    if !fraction.bytes().all(|b| b.is_ascii_digit())
        || (decimal_point.is_some() && fraction.is_empty())
    {
        return Err(not_a_number());
    }
    let value: f64 = format!(
        "{whole}.{}",
        if fraction.is_empty() { "0" } else { fraction }
    )
    .parse()
    .map_err(|_| not_a_number())?;
    if value.is_finite() {
        Ok(Some(value))
    } else {
        Err(not_a_number())
    }
}

/// The digits of a whole number written with or without one kind of thousands separator, checking
/// that groups after the first have exactly three digits; `None` otherwise.
fn ungrouped(text: &str) -> Option<String> {
    const SEPARATORS: [char; 6] = [',', '.', ' ', '\'', '\u{a0}', '\u{202f}'];
    let separators: Vec<char> = text.chars().filter(|c| SEPARATORS.contains(c)).collect();
    if separators.iter().any(|c| *c != separators[0]) {
        return None;
    }
    let groups: Vec<&str> = match separators.first() {
        Some(separator) => text.split(*separator).collect(),
        None => vec![text],
    };
    let digits_only = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let well_grouped = groups.iter().all(|g| digits_only(g))
        && (groups.len() == 1
            || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    well_grouped.then(|| groups.concat())
}

/// A count written with thousands separators: `12,400`.
pub fn format_count(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A decimal with at most one digit after the point, without float formatting machinery:
/// `format_decimal(3.25) == "3.3"`, `format_decimal(12.0) == "12"`.
pub fn format_decimal(value: f64) -> String {
    if !value.is_finite() || value < 0.0 {
        return "—".to_string();
    }
    let tenths = (value * 10.0).round() as u64;
    if tenths.is_multiple_of(10) {
        format_count(tenths / 10)
    } else {
        format!("{}.{}", format_count(tenths / 10), tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_accept_the_separators_people_type() {
        for (text, value) in [
            ("1200", 1200),
            ("1,200", 1200),
            ("1.200", 1200),
            ("1 200", 1200),
            (" 7 ", 7),
            ("0", 0),
        ] {
            assert_eq!(parse_count(text), Ok(Some(value)), "{text}");
        }
        assert_eq!(parse_count("  "), Ok(None));
        for bad in ["-3", "12k", "abc", "1e5", ",", "99999999999999999999999"] {
            assert!(parse_count(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn decimals_accept_a_decimal_comma() {
        for (text, value) in [
            ("3,5", 3.5),
            ("3.5", 3.5),
            ("12", 12.0),
            ("1,234.5", 1234.5),
            ("1.234,5", 1234.5),
            ("1,200", 1200.0),
            ("0,25", 0.25),
            (".5", 0.5),
        ] {
            assert_eq!(parse_decimal(text), Ok(Some(value)), "{text}");
        }
        assert_eq!(parse_decimal(""), Ok(None));
        assert_eq!(parse_decimal("-1"), Err("“-1” is negative.".into()));
        for bad in ["abc", "NaN", "inf", "1..2", "3,5,6", "1,2.3,4", "5.", "1e3"] {
            assert!(parse_decimal(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_are_written_for_people() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(12_400), "12,400");
        assert_eq!(format_count(1_234_567), "1,234,567");
        assert_eq!(format_decimal(3.25), "3.3");
        assert_eq!(format_decimal(12.0), "12");
        assert_eq!(format_decimal(1234.56), "1,234.6");
        assert_eq!(format_decimal(f64::NAN), "—");
    }
}
