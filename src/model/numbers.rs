//! Reading numbers the way people type them: `1,200`, `1 200`, `3,5` (a decimal comma), blanks.

/// A whole count such as followers or posts: digits with optional thousands separators (`,` `.`
/// space `'`, thin space). Blank means "not known" (`Ok(None)`).
pub fn parse_count(text: &str) -> Result<Option<u64>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let digits: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | ' ' | '\'' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("“{trimmed}” is not a whole number."));
    }
    digits
        .parse::<u64>()
        .map(Some)
        .map_err(|_| format!("“{trimmed}” is too large."))
}

/// A decimal such as average engagement: `12`, `3.5` or `3,5`. Blank means "not known".
/// Negative numbers and non-finite values are refused.
pub fn parse_decimal(text: &str) -> Result<Option<f64>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let normalised = if trimmed.contains(',') && !trimmed.contains('.') {
        trimmed.replace(',', ".")
    } else {
        trimmed.replace(',', "")
    };
    let valid_chars = normalised.chars().all(|c| c.is_ascii_digit() || c == '.');
    match normalised.parse::<f64>() {
        Ok(value) if valid_chars && value.is_finite() && value >= 0.0 => Ok(Some(value)),
        Ok(_) if normalised.starts_with('-') => Err(format!("“{trimmed}” is negative.")),
        _ => Err(format!("“{trimmed}” is not a number.")),
    }
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
        assert_eq!(parse_decimal("3,5"), Ok(Some(3.5)));
        assert_eq!(parse_decimal("3.5"), Ok(Some(3.5)));
        assert_eq!(parse_decimal("1,234.5"), Ok(Some(1234.5)));
        assert_eq!(parse_decimal(""), Ok(None));
        assert_eq!(parse_decimal("-1"), Err("“-1” is negative.".into()));
        for bad in ["abc", "NaN", "inf", "1..2", "3,5,6"] {
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
