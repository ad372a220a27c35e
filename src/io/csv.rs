//! CSV for Step 1: the roster import (with its template) and the export of the ranked outreach list.
//!
//! The import reads what spreadsheets actually write: a byte order mark, `,` or `;` (or tab)
//! separators, Windows line ends, quoted values with line breaks in them, columns in any order and
//! any case. Every problem is reported against the line it is on, and nothing is applied until the
//! user confirms a [`RosterPlan`].
//!
//! The export neutralises formula injection (OWASP): a text cell that starts with `=`, `+`, `-`,
//! `@`, a tab, a carriage return or a line feed gets a leading `'`, so that a spreadsheet shows it
//! as text instead of running it. Numbers are written as plain numbers and never prefixed.

use super::read::megabytes;
use crate::model::dates::iso_date;
use crate::model::naturals::{
    completeness, current_stage, engagement_rate, outreach_order, profile_in_use, profile_on_mut,
    ranks, stage_since, validate_address, validate_email, Profile,
};
use crate::model::{Executive, Network, Programme, Timestamp};
use std::collections::HashMap;
use uuid::Uuid;

/// The largest roster file the import reads (a 500-executive roster is about 100 KB).
pub const MAX_ROSTER_BYTES: usize = 2 * 1024 * 1024;

/// The columns of the roster template, in order.
pub const ROSTER_COLUMNS: [&str; 13] = [
    "name",
    "title",
    "department",
    "email",
    "linkedin",
    "x",
    "intranet",
    "instagram",
    "youtube",
    "bluesky",
    "mastodon",
    "threads",
    "other",
];

/// The columns of the ranked outreach list export, in order.
pub const RANKED_COLUMNS: [&str; 14] = [
    "rank",
    "name",
    "title",
    "department",
    "email",
    "natural_score",
    "tier",
    "completeness",
    "activity",
    "reach",
    "engagement",
    "willingness",
    "stage",
    "stage_since",
];

/// A roster file to start from: the header and two example rows (CRLF line ends, as spreadsheets
/// write them).
pub fn roster_template() -> String {
    let example_rows: [[&str; 13]; 2] = [
        [
            "Jane Example",
            "Chief Executive Officer",
            "Executive office",
            "jane.example@company.example",
            "https://www.linkedin.com/in/jane-example",
            "@janeexample",
            "https://intranet.company.example/people/jane.example",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "Sam Sample",
            "VP Sales, EMEA",
            "Sales",
            "sam.sample@company.example",
            "https://www.linkedin.com/in/sam-sample",
            "",
            "",
            "",
            "@samsample",
            "samsample.bsky.social",
            "",
            "",
            "",
        ],
    ];
    let mut writer = csv_writer();
    let _ = writer.write_record(ROSTER_COLUMNS);
    for row in example_rows {
        let _ = writer.write_record(row);
    }
    writer_text(writer)
}

/// One executive read from a roster file.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterRow {
    /// The line in the file where the row starts (the header is line 1).
    pub line: usize,
    pub name: String,
    pub title: String,
    pub department: String,
    pub email: String,
    /// Profile addresses given in the row, by network in [`Network::ALL`] order (blank ones left out).
    pub profiles: Vec<(Network, String)>,
    /// From the optional `willingness` column (1–5).
    pub willingness: Option<u8>,
}

/// A problem with one row of the file; the row is not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The line in the file where the row starts (the header is line 1).
    pub line: usize,
    pub message: String,
}

/// What a roster file holds: the rows that can be imported, the rows that cannot (and why), and
/// remarks about the file as a whole (ignored columns, unreadable characters).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RosterImport {
    pub rows: Vec<RosterRow>,
    pub errors: Vec<RowError>,
    pub warnings: Vec<String>,
}

/// A column the import understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Title,
    Department,
    Email,
    Willingness,
    Profile(Network),
}

/// The column a header names, whatever its case, spacing or punctuation: `Name`, `Job title`,
/// `E-mail`, `LinkedIn URL`, `Twitter` …
fn column_for(header: &str) -> Option<Column> {
    let key: String = header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let column = match key.as_str() {
        "name" | "fullname" | "executive" | "executivename" => Column::Name,
        "title" | "jobtitle" | "position" | "role" => Column::Title,
        "department" | "dept" | "division" => Column::Department,
        "email" | "emailaddress" | "mail" => Column::Email,
        "willingness" | "willingness15" => Column::Willingness,
        _ => {
            let network_key = ["profileurl", "url", "profile", "handle", "address"]
                .iter()
                .find_map(|suffix| key.strip_suffix(suffix).filter(|k| !k.is_empty()))
                .unwrap_or(&key);
            let network = match network_key {
                "twitter" | "xtwitter" | "twitterx" => Network::X,
                "socialintranet" | "internalsocialintranet" => Network::Intranet,
                other => Network::ALL.into_iter().find(|n| {
                    n.key() == other
                        || n.label()
                            .chars()
                            .filter(|c| c.is_alphanumeric())
                            .flat_map(char::to_lowercase)
                            .eq(other.chars())
                })?,
            };
            Column::Profile(network)
        }
    };
    Some(column)
}

/// The separator a file uses, guessed from its first line: whichever of `,` `;` and tab occurs
/// most often outside quotes (`,` when none does).
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut in_quotes = false;
    for byte in text.bytes() {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            _ if !in_quotes => {
                if let Some(slot) = counts.iter_mut().find(|(d, _)| *d == byte) {
                    slot.1 += 1;
                }
            }
            _ => {}
        }
    }
    let best = counts.iter().fold(
        (b',', 0),
        |best, &(d, n)| if n > best.1 { (d, n) } else { best },
    );
    best.0
}

pub(crate) fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => "“;”",
        b'\t' => "tab",
        _ => "“,”",
    }
}

/// An imported CSV file opened for reading: the text without its byte order mark, the separator,
/// the column names (trimmed) and the reader, positioned after the header line.
pub(crate) struct OpenedCsv<'a> {
    pub text: &'a str,
    pub delimiter: u8,
    pub headers: Vec<String>,
    pub reader: csv::Reader<&'a [u8]>,
}

/// Opens a CSV file the user imports. `Err` (what to tell the user) when it is larger than `limit`
/// (`what` names the kind of file: "a roster file"), not text, empty, or its first line cannot be
/// read as column names.
pub(crate) fn open_csv<'a>(
    text: &'a str,
    limit: usize,
    what: &str,
) -> Result<OpenedCsv<'a>, String> {
    if text.len() > limit {
        return Err(format!(
            "The file is too large ({} MB); {what} can be up to {} MB.",
            megabytes(text.len()),
            megabytes(limit)
        ));
    }
    if text.contains('\0') {
        return Err(
            "This is not a text file. Save the spreadsheet as CSV (comma- or semicolon-separated) and import that file."
                .to_string(),
        );
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("The file is empty.".to_string());
    }
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = match reader.records().next() {
        Some(Ok(header)) => header,
        _ => return Err("The first line of the file cannot be read as column names.".to_string()),
    };
    let headers = header.iter().map(|h| h.trim().to_string()).collect();
    Ok(OpenedCsv {
        text,
        delimiter,
        headers,
        reader,
    })
}

/// Names as the import compares them: trimmed, inner spaces collapsed, case ignored.
pub(crate) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Reads a roster file. `Err` only when nothing in it can be used (empty, too large, not text, no
/// `name` column); problems with single rows are [`RosterImport::errors`].
pub fn parse_roster_csv(text: &str) -> Result<RosterImport, String> {
    let OpenedCsv {
        text,
        delimiter,
        headers,
        mut reader,
    } = open_csv(text, MAX_ROSTER_BYTES, "a roster file")?;
    let records = reader.records();

    let mut import = RosterImport::default();
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(headers.len());
    for header in &headers {
        let column = if header.is_empty() {
            None
        } else {
            match column_for(header) {
                Some(column) if columns.contains(&Some(column)) => {
                    import.warnings.push(format!(
                        "The column “{header}” repeats another column; only the first one is read."
                    ));
                    None
                }
                Some(column) => Some(column),
                None => {
                    import.warnings.push(format!(
                        "The column “{header}” is not one the import knows; it is ignored."
                    ));
                    None
                }
            }
        };
        columns.push(column);
    }
    if !columns.contains(&Some(Column::Name)) {
        return Err(
            "The file has no “name” column. Its first line must name the columns, e.g. name,title,department,email,linkedin; the template shows them all."
                .to_string(),
        );
    }
    if text.contains('\u{fffd}') {
        import.warnings.push(
            "Some characters could not be read (they show as �). Save the file as “CSV UTF-8” and import it again."
                .to_string(),
        );
    }

    let mut lines = LineCounter::new(text);
    // Earlier rows by name and e-mail, to report duplicates on the later line.
    let mut names_seen: HashMap<String, usize> = HashMap::new();
    let mut emails_seen: HashMap<String, usize> = HashMap::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = lines.line_at(error.position().map_or(0, |p| p.byte()));
                import.errors.push(RowError {
                    line,
                    message: "This row cannot be read.".to_string(),
                });
                continue;
            }
        };
        let line = lines.line_at(record.position().map_or(0, |p| p.byte()));
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let mut problems: Vec<String> = Vec::new();
        let extra_has_values = record
            .iter()
            .skip(headers.len())
            .any(|f| !f.trim().is_empty());
        if record.len() < headers.len() {
            problems.push(format!(
                "This row has {} values but the first line names {} columns. Add the missing separators (empty values are fine), or put quotes around a value that contains a {}.",
                record.len(),
                headers.len(),
                delimiter_name(delimiter)
            ));
        } else if extra_has_values {
            problems.push(format!(
                "This row has {} values but the first line names {} columns. A value that contains a {} must be in quotes (“1,5” without quotes is read as two values).",
                record.len(),
                headers.len(),
                delimiter_name(delimiter)
            ));
        }
        if !problems.is_empty() {
            import.errors.extend(
                problems
                    .into_iter()
                    .map(|message| RowError { line, message }),
            );
            continue;
        }

        let mut row = RosterRow {
            line,
            name: String::new(),
            title: String::new(),
            department: String::new(),
            email: String::new(),
            profiles: Vec::new(),
            willingness: None,
        };
        for ((value, column), header) in record.iter().zip(&columns).zip(&headers) {
            let value = value.trim();
            match column {
                None => {}
                Some(Column::Name) => {
                    row.name = value.split_whitespace().collect::<Vec<_>>().join(" ")
                }
                Some(Column::Title) => row.title = value.to_string(),
                Some(Column::Department) => row.department = value.to_string(),
                Some(Column::Email) => match validate_email(value) {
                    Ok(()) => row.email = value.to_string(),
                    Err(message) => problems.push(format!("Column “{header}”: {message}")),
                },
                Some(Column::Willingness) => match parse_willingness(value) {
                    Ok(willingness) => row.willingness = willingness,
                    Err(message) => problems.push(format!("Column “{header}”: {message}")),
                },
                Some(Column::Profile(network)) => match validate_address(*network, value) {
                    Ok(()) if value.is_empty() => {}
                    Ok(()) => row.profiles.push((*network, value.to_string())),
                    Err(message) => problems.push(format!("Column “{header}”: {message}")),
                },
            }
        }
        row.profiles
            .sort_by_key(|(network, _)| Network::ALL.iter().position(|n| n == network));
        if row.name.is_empty() {
            problems.insert(
                0,
                "The name is missing: every executive needs one.".to_string(),
            );
        } else {
            let key = name_key(&row.name);
            match names_seen.get(&key) {
                Some(first) => problems.push(format!(
                    "“{}” is already on line {first} of this file.",
                    row.name
                )),
                None => {
                    names_seen.insert(key, line);
                }
            }
        }
        if !row.email.is_empty() {
            let key = row.email.to_lowercase();
            match emails_seen.get(&key) {
                Some(first) => problems.push(format!(
                    "The e-mail address {} is already on line {first} of this file.",
                    row.email
                )),
                None => {
                    emails_seen.insert(key, line);
                }
            }
        }
        if problems.is_empty() {
            import.rows.push(row);
        } else {
            import.errors.extend(
                problems
                    .into_iter()
                    .map(|message| RowError { line, message }),
            );
        }
    }
    if import.rows.is_empty() && import.errors.is_empty() {
        import
            .warnings
            .push("The file has no executives below its first line.".to_string());
    }
    Ok(import)
}

/// Line numbers of records, from their byte offsets. (The `csv` crate's own line numbers do not
/// count blank lines and count a CRLF line end late, and its byte offset points just after the
/// previous record: at the rest of its line end and any blank lines.)
pub(crate) struct LineCounter<'a> {
    text: &'a [u8],
    /// How far the text has been counted, and the line number there.
    pos: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    /// The 1-based line of the record whose offset the reader gives as `byte`. Offsets only grow.
    pub(crate) fn line_at(&mut self, byte: u64) -> usize {
        let len = self.text.len();
        let mut start = usize::try_from(byte).unwrap_or(len).min(len);
        while start < len && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        while self.pos < start {
            match self.text[self.pos] {
                b'\n' => self.line += 1,
                b'\r' if self.text.get(self.pos + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.pos += 1;
        }
        self.line
    }
}

/// A willingness cell: blank, or a whole number from 1 to 5.
fn parse_willingness(value: &str) -> Result<Option<u8>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    match value.parse::<u8>() {
        Ok(w @ 1..=5) => Ok(Some(w)),
        _ => Err(format!("“{value}” is not a whole number from 1 to 5.")),
    }
}

/// What confirming an import would do: executives to add, and existing executives to update.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RosterPlan {
    pub new: Vec<RosterRow>,
    /// Existing executives (by id) and the row that updates each.
    pub updates: Vec<(Uuid, RosterRow)>,
    /// Rows left out because an earlier row already matches the same executive.
    pub skipped: Vec<RowError>,
    /// Networks that rows give profiles for but that are not among the programme's networks (the
    /// profiles are stored all the same).
    pub networks_not_in_programme: Vec<Network>,
}

/// Matches each row with the roster: an executive with the same e-mail address (ignoring case),
/// or else with the same name (ignoring case and extra spaces), is updated; other rows are new.
/// Only live executives are matched.
pub fn plan_roster_import(programme: &Programme, import: &RosterImport) -> RosterPlan {
    let mut plan = RosterPlan::default();
    let mut matched: HashMap<Uuid, usize> = HashMap::new();
    // The first live executive with each e-mail address and each name, in roster order.
    let mut by_email: HashMap<String, &Executive> = HashMap::new();
    let mut by_name: HashMap<String, &Executive> = HashMap::new();
    for executive in programme.roster() {
        let email = executive.email.trim().to_lowercase();
        if !email.is_empty() {
            by_email.entry(email).or_insert(executive);
        }
        by_name
            .entry(name_key(&executive.name))
            .or_insert(executive);
    }
    for row in &import.rows {
        let email = row.email.trim().to_lowercase();
        let existing = by_email
            .get(&email)
            .filter(|_| !email.is_empty())
            .or_else(|| by_name.get(&name_key(&row.name)))
            .copied();
        match existing {
            Some(executive) => match matched.get(&executive.id) {
                Some(first) => plan.skipped.push(RowError {
                    line: row.line,
                    message: format!(
                        "Line {first} already updates {}; this row is left out.",
                        executive.name
                    ),
                }),
                None => {
                    matched.insert(executive.id, row.line);
                    plan.updates.push((executive.id, row.clone()));
                }
            },
            None => plan.new.push(row.clone()),
        }
        for (network, _) in &row.profiles {
            if !programme.settings.networks.contains(network)
                && !plan.networks_not_in_programme.contains(network)
            {
                plan.networks_not_in_programme.push(*network);
            }
        }
    }
    plan.networks_not_in_programme
        .sort_by_key(|network| Network::ALL.iter().position(|n| n == network));
    plan
}

/// Applies a confirmed plan. New executives are added in file order, created a millisecond apart
/// from `now` so that the roster keeps that order after a reload. Updates fill in the title,
/// department, e-mail and willingness the file gives (blank cells change nothing) and set the
/// profile address of each network the row names; nothing else is touched, and an executive the
/// file would not change is not stamped as edited.
pub fn apply_roster_import(programme: &mut Programme, plan: &RosterPlan, now: Timestamp) {
    for (i, row) in plan.new.iter().enumerate() {
        let created = now
            .checked_add_signed(chrono::Duration::milliseconds(i as i64))
            .unwrap_or(now);
        let mut executive = Executive::new(row.name.clone(), created);
        fill(&mut executive, row);
        programme.add_executive(executive);
    }
    for (id, row) in &plan.updates {
        let Some(current) = programme.roster().find(|e| e.id == *id) else {
            continue;
        };
        let mut updated = current.clone();
        fill(&mut updated, row);
        if updated != *current {
            programme.edit_executive(*id, now, |executive| *executive = updated);
        }
    }
}

/// Copies a row's non-blank values onto an executive.
fn fill(executive: &mut Executive, row: &RosterRow) {
    for (field, value) in [
        (&mut executive.title, &row.title),
        (&mut executive.department, &row.department),
        (&mut executive.email, &row.email),
    ] {
        if !value.trim().is_empty() {
            *field = value.trim().to_string();
        }
    }
    if row.willingness.is_some() {
        executive.willingness = row.willingness;
    }
    for (network, address) in &row.profiles {
        profile_on_mut(executive, *network).address = address.clone();
    }
}

/// Makes a text cell safe to open in a spreadsheet: a leading `'` when it starts with `=`, `+`,
/// `-`, `@`, a tab, a carriage return or a line feed (OWASP CSV injection).
pub fn neutralise_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The ranked outreach list as CSV (CRLF line ends): rank (equal scores share a rank: 1, 2, 2, 4),
/// name, title, department, e-mail, natural score, tier, then the data behind the score — average
/// profile completeness (%), posts in the last 30 days, followers on the largest network, best
/// engagement rate (%), willingness (1–5) — and the outreach stage with the date it was reached.
/// Unknown values are empty cells. Text cells are neutralised; numbers are plain numbers.
pub fn ranked_csv(programme: &Programme) -> String {
    let order = outreach_order(&programme.executives, &programme.settings.natural_weights);
    let totals: Vec<u8> = order.iter().map(|(_, score)| score.total).collect();
    let by_id: HashMap<Uuid, &Executive> = programme.roster().map(|e| (e.id, e)).collect();
    let mut writer = csv_writer();
    let _ = writer.write_record(RANKED_COLUMNS);
    for ((id, score), rank) in order.iter().zip(ranks(&totals)) {
        let Some(executive) = by_id.get(id) else {
            continue;
        };
        let in_use: Vec<&Profile> = executive
            .profiles
            .iter()
            .filter(|p| profile_in_use(p))
            .collect();
        let completeness_cell = if in_use.is_empty() {
            String::new()
        } else {
            let sum: usize = in_use.iter().map(|p| usize::from(completeness(p))).sum();
            ((sum * 2 + in_use.len()) / (in_use.len() * 2)).to_string()
        };
        let posts: Option<u64> = executive
            .profiles
            .iter()
            .filter_map(|p| p.posts_30d.map(u64::from))
            .reduce(|a, b| a.saturating_add(b));
        let followers = executive.profiles.iter().filter_map(|p| p.followers).max();
        let rate = executive
            .profiles
            .iter()
            .filter_map(engagement_rate)
            .fold(None, |best: Option<f64>, r| {
                Some(best.map_or(r, |b| b.max(r)))
            });
        let willingness = executive.willingness.filter(|w| (1..=5).contains(w));
        let record = [
            rank.to_string(),
            neutralise_cell(&executive.name),
            neutralise_cell(&executive.title),
            neutralise_cell(&executive.department),
            neutralise_cell(&executive.email),
            score.total.to_string(),
            neutralise_cell(score.tier.label()),
            completeness_cell,
            posts.map(|n| n.to_string()).unwrap_or_default(),
            followers.map(|n| n.to_string()).unwrap_or_default(),
            rate.map(percent_number).unwrap_or_default(),
            willingness.map(|w| w.to_string()).unwrap_or_default(),
            neutralise_cell(current_stage(executive).label()),
            stage_since(executive).map(iso_date).unwrap_or_default(),
        ];
        let _ = writer.write_record(&record);
    }
    writer_text(writer)
}

/// A rate as a percentage number for a spreadsheet, one decimal at most and no thousands
/// separator: 0.0213 → `2.1`, 0.05 → `5`. Integer maths only (no float formatting in the bundle).
fn percent_number(rate: f64) -> String {
    let tenths = (rate * 1000.0).round();
    let tenths = if tenths.is_finite() && tenths > 0.0 {
        tenths as u64
    } else {
        0
    };
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

pub(crate) fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

pub(crate) fn writer_text(writer: csv::Writer<Vec<u8>>) -> String {
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
