//! CSV for Step 6: the activity of one period (a template to fill in, the import with its preview)
//! and the export of a scoreboard.
//!
//! The import reads files the way the roster import does (see [`super::csv`]): a byte order mark,
//! `,` `;` or tab separators, Windows line ends, quoted values with line breaks, columns in any
//! order and any case. It only *reads* ([`parse_activity_csv`]) and *plans*
//! ([`plan_activity_import`]) until the user confirms; then [`apply_activity_import`] records the
//! planned values through [`Competition::set_values`], so the competition's own rules (a closed
//! period is locked, only league members and the period's KPIs) hold for imports as for typing.
//!
//! A blank cell leaves the value as it is: a file that only has a `Posts` column changes posts and
//! nothing else, and re-importing the template unchanged changes nothing at all.
//!
//! The scoreboard export neutralises formula injection like every export (OWASP: a text cell that
//! starts with `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed gets a leading `'`);
//! numbers are written as plain numbers and never prefixed.

use super::csv::{
    csv_writer, delimiter_name, name_key, neutralise_cell, open_csv, writer_text, LineCounter,
    OpenedCsv, RowError,
};
use crate::model::competition::{
    Competition, CompetitionError, Kpi, KpiKind, Movement, Period, Scoreboard,
};
use crate::model::numbers::{format_count, parse_count};
use crate::model::{Executive, Timestamp};
use std::collections::HashMap;
use uuid::Uuid;

/// The largest activity file the import reads (500 executives × 8 KPIs is about 40 KB).
pub const MAX_ACTIVITY_BYTES: usize = 2 * 1024 * 1024;

/// At most this many unknown names get a "did you mean" suggestion: comparing every unknown name
/// with every executive is quadratic, and a file of strangers needs no more hints than this.
const MAX_SUGGESTIONS: usize = 50;

/// The name a KPI is shown and written under: its label, or its kind's name when the label is
/// blank (a hand-edited file), or its id for a nameless custom KPI.
pub fn kpi_name(kpi: &Kpi) -> String {
    let label = kpi.label.trim();
    if !label.is_empty() {
        label.to_string()
    } else if kpi.kind == KpiKind::Custom {
        kpi.id.clone()
    } else {
        kpi.kind.label().to_string()
    }
}

// --- The template --------------------------------------------------------------------------------

/// A file to fill in for `period`: the header `name,email,<one column per KPI of the period's
/// rules, by its name>` and one row per live league member (in league order) with the values
/// recorded so far (empty cells where nothing is). CRLF line ends, as spreadsheets write them. Text
/// cells are neutralised; the import takes the `'` off again, so the template reads back as is.
pub fn activity_template(
    competition: &Competition,
    executives: &[Executive],
    period: &Period,
) -> String {
    let rules = competition.rules_for(period.start);
    let live: HashMap<Uuid, &Executive> = executives
        .iter()
        .filter(|e| !e.deleted)
        .map(|e| (e.id, e))
        .collect();
    let mut writer = csv_writer();
    let header: Vec<String> = ["name".to_string(), "email".to_string()]
        .into_iter()
        .chain(rules.kpis.iter().map(|k| neutralise_cell(&kpi_name(k))))
        .collect();
    let _ = writer.write_record(&header);
    let mut written: Vec<Uuid> = Vec::new();
    for id in &rules.league {
        let Some(executive) = live.get(id) else {
            continue;
        };
        if written.contains(id) {
            continue;
        }
        written.push(*id);
        let row = competition.row(period.start, *id);
        let mut record = vec![
            neutralise_cell(&executive.name),
            neutralise_cell(&executive.email),
        ];
        for kpi in &rules.kpis {
            let value = row.and_then(|r| r.values.get(&kpi.id));
            record.push(value.map(u32::to_string).unwrap_or_default());
        }
        let _ = writer.write_record(&record);
    }
    writer_text(writer)
}

// --- Reading a file ------------------------------------------------------------------------------

/// One executive's activity read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityImportRow {
    /// The line in the file where the row starts (the header is line 1).
    pub line: usize,
    /// Trimmed, inner spaces collapsed; may be empty when the row has an e-mail address.
    pub name: String,
    /// Trimmed; may be empty when the row has a name.
    pub email: String,
    /// The values the row gives, by KPI id, in the order of the KPIs; blank cells are left out.
    pub values: Vec<(String, u32)>,
}

/// What an activity file holds: the rows that can be imported, the rows that cannot (and why), and
/// remarks about the file as a whole (ignored columns, unreadable characters).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityImport {
    pub rows: Vec<ActivityImportRow>,
    pub errors: Vec<RowError>,
    pub warnings: Vec<String>,
}

/// A column the import understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Email,
    /// The KPI at this index of the period's KPIs.
    Kpi(usize),
}

/// A header or KPI name as the import compares them: letters and digits only, lower case. So
/// `Followers gained`, `followers_gained` and `FOLLOWERS-GAINED` are one column.
fn header_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_name_key(key: &str) -> bool {
    matches!(key, "name" | "fullname" | "executive" | "executivename")
}

fn is_email_key(key: &str) -> bool {
    matches!(key, "email" | "emailaddress" | "mail")
}

/// A text cell as the user typed it: the `'` an export or the template put before a leading `=`,
/// `+`, `-`, `@`, tab or line break is taken off again, so neutralised names still match.
fn unneutralised(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) => rest,
        _ => text,
    }
}

/// A cell quoted in a message: at most 40 characters, so a pasted paragraph does not flood the
/// preview.
fn quoted(value: &str) -> String {
    let mut shown: String = value.chars().take(40).collect();
    if value.chars().count() > 40 {
        shown.push('…');
    }
    format!("“{shown}”")
}

/// A count cell: blank (leave the value as it is) or a whole number ≥ 0 as people type them
/// (`1200`, `1,200`, `1 200`). `column` names the column in the message.
fn parse_value(value: &str, column: &str) -> Result<Option<u32>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = value.strip_prefix(['-', '\u{2212}']) {
        if matches!(parse_count(rest), Ok(Some(_))) {
            return Err(format!(
                "{} in {column} is negative — counts start at 0.",
                quoted(value)
            ));
        }
    }
    match parse_count(value) {
        Ok(None) => Ok(None),
        Ok(Some(n)) => u32::try_from(n).map(Some).map_err(|_| too_large(value, column)),
        Err(_) if value.bytes().all(|b| b.is_ascii_digit()) => Err(too_large(value, column)),
        Err(_) => Err(format!(
            "{} in {column} is not a whole number — type a count such as 12 (no decimals, no text).",
            quoted(value)
        )),
    }
}

fn too_large(value: &str, column: &str) -> String {
    format!(
        "{} in {column} is too large — at most {} per period.",
        quoted(value),
        format_count(u64::from(u32::MAX))
    )
}

/// Reads an activity file for a period whose KPIs are `kpis` (the period's rules). `Err` only when
/// nothing in it can be used (empty, too large, not text, neither a `name` nor an `email` column);
/// problems with single rows are [`ActivityImport::errors`], and a row with any problem is not
/// imported.
///
/// Columns: `name` and/or `email` (one is needed to find the executive), and one column per KPI,
/// named by the KPI's name or id in any case, spacing or punctuation (`Posts`, `followers_gained`,
/// `Shares / reposts`). KPIs without a column are left as they are; other columns are ignored with
/// a warning.
pub fn parse_activity_csv(text: &str, kpis: &[Kpi]) -> Result<ActivityImport, String> {
    let OpenedCsv {
        text,
        delimiter,
        headers,
        mut reader,
    } = open_csv(text, MAX_ACTIVITY_BYTES, "an activity file")?;
    let records = reader.records();
    let kpi_keys: Vec<(String, String)> = kpis
        .iter()
        .map(|k| (header_key(&k.id), header_key(&kpi_name(k))))
        .collect();

    let mut import = ActivityImport::default();
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(headers.len());
    for header in &headers {
        let key = header_key(header);
        let taken = |column: Column| columns.contains(&Some(column));
        // KPIs this header names, in KPI order: the first one not yet read is this column's (two
        // KPIs with the same name are told apart by their order, as the template writes them).
        let named: Vec<usize> = kpi_keys
            .iter()
            .enumerate()
            .filter(|(_, (id, name))| !key.is_empty() && (*id == key || *name == key))
            .map(|(i, _)| i)
            .collect();
        let column = if key.is_empty() {
            if !header.is_empty() {
                import.warnings.push(format!(
                    "The column {} is not one the import knows; it is ignored.",
                    quoted(header)
                ));
            }
            None
        } else if is_name_key(&key) && !taken(Column::Name) {
            Some(Column::Name)
        } else if is_email_key(&key) && !taken(Column::Email) {
            Some(Column::Email)
        } else if let Some(i) = named.iter().copied().find(|i| !taken(Column::Kpi(*i))) {
            Some(Column::Kpi(i))
        } else if !named.is_empty() || is_name_key(&key) || is_email_key(&key) {
            import.warnings.push(format!(
                "The column {} repeats another column; only the first one is read.",
                quoted(header)
            ));
            None
        } else {
            import.warnings.push(format!(
                "The column {} is not a KPI of this period; it is ignored.",
                quoted(header)
            ));
            None
        };
        columns.push(column);
    }
    if !columns.contains(&Some(Column::Name)) && !columns.contains(&Some(Column::Email)) {
        return Err(
            "The file has no “name” or “email” column, so its rows cannot be matched to executives. Its first line must name the columns, e.g. name,email,Posts,Comments; the template for the period shows them all."
                .to_string(),
        );
    }
    if !columns.iter().any(|c| matches!(c, Some(Column::Kpi(_)))) {
        let names: Vec<String> = kpis.iter().map(kpi_name).collect();
        import.warnings.push(if names.is_empty() {
            "This period counts no KPIs, so the file changes nothing.".to_string()
        } else {
            format!(
                "The file has no column for any KPI of this period ({}), so it changes nothing. The template for the period shows the columns.",
                names.join(", ")
            )
        });
    }
    if text.contains('\u{fffd}') {
        import.warnings.push(
            "Some characters could not be read (they show as �). Save the file as “CSV UTF-8” and import it again."
                .to_string(),
        );
    }

    let mut lines = LineCounter::new(text);
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
        let extra_has_values = record
            .iter()
            .skip(headers.len())
            .any(|f| !f.trim().is_empty());
        if record.len() < headers.len() {
            import.errors.push(RowError {
                line,
                message: format!(
                    "This row has {} values but the first line names {} columns. Add the missing separators (empty values are fine), or put quotes around a value that contains a {}.",
                    record.len(),
                    headers.len(),
                    delimiter_name(delimiter)
                ),
            });
            continue;
        }
        if extra_has_values {
            import.errors.push(RowError {
                line,
                message: format!(
                    "This row has {} values but the first line names {} columns. A value that contains a {} must be in quotes (“1,5” without quotes is read as two values).",
                    record.len(),
                    headers.len(),
                    delimiter_name(delimiter)
                ),
            });
            continue;
        }

        let mut problems: Vec<String> = Vec::new();
        let mut row = ActivityImportRow {
            line,
            name: String::new(),
            email: String::new(),
            values: Vec::new(),
        };
        let mut values: Vec<(usize, u32)> = Vec::new();
        for ((value, column), header) in record.iter().zip(&columns).zip(&headers) {
            let value = value.trim();
            match column {
                None => {}
                Some(Column::Name) => {
                    row.name = unneutralised(value)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                }
                Some(Column::Email) => row.email = unneutralised(value).trim().to_string(),
                Some(Column::Kpi(i)) => match parse_value(value, header) {
                    Ok(None) => {}
                    Ok(Some(n)) => values.push((*i, n)),
                    Err(message) => problems.push(message),
                },
            }
        }
        values.sort_by_key(|(i, _)| *i);
        row.values = values
            .into_iter()
            .filter_map(|(i, n)| kpis.get(i).map(|k| (k.id.clone(), n)))
            .collect();
        if row.name.is_empty() && row.email.is_empty() {
            problems.insert(
                0,
                "The name and the e-mail address are both blank, so the row cannot be matched to an executive."
                    .to_string(),
            );
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

// --- Planning and applying -----------------------------------------------------------------------

/// One value an import would change: "Posts 3 → 5".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueChange {
    pub kpi: String,
    /// The KPI's name, for the preview.
    pub label: String,
    /// What is recorded now (`None`: nothing yet).
    pub old: Option<u32>,
    pub new: u32,
}

impl ValueChange {
    /// `Posts 3 → 5`, or `Posts — → 5` when nothing was recorded.
    pub fn describe(&self) -> String {
        let old = self
            .old
            .map_or_else(|| "—".to_string(), |n| format_count(u64::from(n)));
        format!(
            "{} {old} → {}",
            self.label,
            format_count(u64::from(self.new))
        )
    }
}

/// The changes an import would make to one executive's activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityUpdate {
    /// The row's line in the file.
    pub line: usize,
    pub executive: Uuid,
    /// The executive's name on the roster (not as the file spells it).
    pub name: String,
    /// Only the values that change, in KPI order.
    pub changes: Vec<ValueChange>,
}

impl ActivityUpdate {
    /// `Posts 3 → 5, Comments — → 12`.
    pub fn describe(&self) -> String {
        self.changes
            .iter()
            .map(ValueChange::describe)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What confirming an activity import would do. Rows that cannot be matched are listed with the
/// reason (by line, like [`ActivityImport::errors`]); they are never applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityPlan {
    /// Executives whose values would change.
    pub updates: Vec<ActivityUpdate>,
    /// Rows of league members whose values are already what the file says.
    pub unchanged: usize,
    /// Rows whose name and e-mail address match no executive on the roster.
    pub unknown: Vec<RowError>,
    /// Rows of executives on the roster who are not in the period's league.
    pub not_in_league: Vec<RowError>,
    /// Rows left out because an earlier row is about the same executive.
    pub skipped: Vec<RowError>,
    /// Set when the period is closed: its activity is locked, so nothing is applied (the message
    /// says how to unlock it).
    pub locked: Option<String>,
}

impl ActivityPlan {
    /// Whether confirming would change anything.
    pub fn changes_anything(&self) -> bool {
        self.locked.is_none() && !self.updates.is_empty()
    }
}

/// Matches each row of `import` with a live executive — the same e-mail address (ignoring case)
/// first, else the same name (ignoring case and extra spaces) — and works out, per executive, which
/// values would change in `period`. Rows of unknown executives, of executives outside the period's
/// league, and later rows about an executive an earlier row already gave, are reported and left
/// out. When the period is closed the plan is [`ActivityPlan::locked`] and has no updates.
pub fn plan_activity_import(
    competition: &Competition,
    executives: &[Executive],
    period: &Period,
    import: &ActivityImport,
) -> ActivityPlan {
    let rules = competition.rules_for(period.start);
    let closed = competition.is_closed(period.start);
    let mut plan = ActivityPlan {
        locked: closed.then(|| CompetitionError::Closed(period.label()).to_string()),
        ..ActivityPlan::default()
    };
    // The first live executive with each e-mail address and each name, in roster order.
    let mut by_email: HashMap<String, &Executive> = HashMap::new();
    let mut by_name: HashMap<String, &Executive> = HashMap::new();
    let live: Vec<&Executive> = executives.iter().filter(|e| !e.deleted).collect();
    for executive in &live {
        let email = executive.email.trim().to_lowercase();
        if !email.is_empty() {
            by_email.entry(email).or_insert(executive);
        }
        let name = name_key(&executive.name);
        if !name.is_empty() {
            by_name.entry(name).or_insert(executive);
        }
    }
    let mut matched: HashMap<Uuid, usize> = HashMap::new();
    let mut suggestions_left = MAX_SUGGESTIONS;
    for row in &import.rows {
        let email = row.email.trim().to_lowercase();
        let name = name_key(&row.name);
        let found = (!email.is_empty())
            .then(|| by_email.get(&email))
            .flatten()
            .or_else(|| (!name.is_empty()).then(|| by_name.get(&name)).flatten())
            .copied();
        let Some(executive) = found else {
            let suggestion = if suggestions_left > 0 && !name.is_empty() {
                suggestions_left -= 1;
                closest_name(&name, &live)
            } else {
                None
            };
            plan.unknown.push(RowError {
                line: row.line,
                message: unknown_message(row, suggestion),
            });
            continue;
        };
        if !rules.league.contains(&executive.id) {
            plan.not_in_league.push(RowError {
                line: row.line,
                message: format!(
                    "{} The row is left out.",
                    CompetitionError::NotInLeague(executive.name.clone())
                ),
            });
            continue;
        }
        if let Some(first) = matched.get(&executive.id) {
            plan.skipped.push(RowError {
                line: row.line,
                message: format!(
                    "Line {first} already gives the activity of {}; this row is left out.",
                    executive.name
                ),
            });
            continue;
        }
        matched.insert(executive.id, row.line);
        if closed {
            continue;
        }
        let recorded = competition.row(period.start, executive.id);
        let changes: Vec<ValueChange> = rules
            .kpis
            .iter()
            .filter_map(|kpi| {
                let new = row
                    .values
                    .iter()
                    .find(|(id, _)| *id == kpi.id)
                    .map(|(_, n)| *n)?;
                let old = recorded.and_then(|r| r.values.get(&kpi.id).copied());
                (old != Some(new)).then(|| ValueChange {
                    kpi: kpi.id.clone(),
                    label: kpi_name(kpi),
                    old,
                    new,
                })
            })
            .collect();
        if changes.is_empty() {
            plan.unchanged += 1;
        } else {
            plan.updates.push(ActivityUpdate {
                line: row.line,
                executive: executive.id,
                name: executive.name.clone(),
                changes,
            });
        }
    }
    plan
}

/// Why a row matches nobody, with a hint: a close name on the roster, or where to add the person.
fn unknown_message(row: &ActivityImportRow, suggestion: Option<&Executive>) -> String {
    let who = if row.name.is_empty() {
        format!(
            "No executive on the roster has the e-mail address {}.",
            quoted(&row.email)
        )
    } else {
        format!("{} is not on the roster.", quoted(&row.name))
    };
    match suggestion {
        Some(executive) => format!(
            "{who} Did you mean {}? Correct the name (or add the e-mail address) in the file and import it again.",
            quoted(&executive.name)
        ),
        None => format!(
            "{who} Check the spelling, or add the executive to the roster (Step 1) and to the league first."
        ),
    }
}

/// The live executive whose name is closest to `name` (a name key), when it is only a typo away:
/// at most 2 edits, 3 for names of 12 characters or more.
fn closest_name<'a>(name: &str, live: &[&'a Executive]) -> Option<&'a Executive> {
    let wanted: Vec<char> = name.chars().collect();
    if wanted.len() > 80 {
        return None;
    }
    let limit = if wanted.len() >= 12 { 3 } else { 2 };
    let mut best: Option<(usize, &Executive)> = None;
    for executive in live {
        let candidate: Vec<char> = name_key(&executive.name).chars().collect();
        if candidate.is_empty() || candidate.len().abs_diff(wanted.len()) > limit {
            continue;
        }
        let distance = edit_distance(&wanted, &candidate);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, executive));
        }
    }
    best.map(|(_, e)| e)
}

/// Levenshtein distance (insertions, deletions, substitutions), in O(|a|·|b|) time and O(|b|) space.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Applies a confirmed plan to `period`, through [`Competition::set_values`]: all of it or, when
/// any executive's values are refused (the period was closed, or the league or KPIs changed since
/// the preview), none of it. Returns how many executives' activity changed.
pub fn apply_activity_import(
    competition: &mut Competition,
    period: &Period,
    plan: &ActivityPlan,
    now: Timestamp,
) -> Result<usize, CompetitionError> {
    if plan.locked.is_some() || competition.is_closed(period.start) {
        return Err(CompetitionError::Closed(period.label()));
    }
    let mut updated = competition.clone();
    let mut changed = 0;
    for update in &plan.updates {
        let values: Vec<(String, Option<u32>)> = update
            .changes
            .iter()
            .map(|c| (c.kpi.clone(), Some(c.new)))
            .collect();
        if updated.set_values(period, update.executive, &values, now)? {
            changed += 1;
        }
    }
    *competition = updated;
    Ok(changed)
}

// --- The scoreboard export -----------------------------------------------------------------------

/// The columns of the scoreboard export before the two per KPI.
pub const SCOREBOARD_COLUMNS: [&str; 8] = [
    "rank",
    "name",
    "title",
    "department",
    "email",
    "points",
    "movement",
    "improvement",
];

/// A scoreboard as CSV (CRLF line ends), best first: rank (equal points share a rank), name, title,
/// department, e-mail, points, movement against the previous period (`up 2`, `down 1`, `same`,
/// `new`), improvement on the previous period's raw points (blank when not known), then per KPI of
/// the period's rules `<KPI> count` (what was recorded) and `<KPI> points` (after the cap). Text
/// cells are neutralised; numbers are plain numbers with at most one decimal.
pub fn scoreboard_csv(board: &Scoreboard, executives: &[Executive]) -> String {
    let by_id: HashMap<Uuid, &Executive> = executives.iter().map(|e| (e.id, e)).collect();
    let mut writer = csv_writer();
    let mut header: Vec<String> = SCOREBOARD_COLUMNS.iter().map(|c| c.to_string()).collect();
    for kpi in &board.rules.kpis {
        let name = kpi_name(kpi);
        header.push(neutralise_cell(&format!("{name} count")));
        header.push(neutralise_cell(&format!("{name} points")));
    }
    let _ = writer.write_record(&header);
    for standing in &board.standings {
        let Some(executive) = by_id.get(&standing.executive) else {
            continue;
        };
        let movement = match standing.movement {
            Movement::Up(n) => format!("up {n}"),
            Movement::Down(n) => format!("down {n}"),
            Movement::Same => "same".to_string(),
            Movement::New => "new".to_string(),
        };
        let mut record = vec![
            standing.rank.to_string(),
            neutralise_cell(&executive.name),
            neutralise_cell(&executive.title),
            neutralise_cell(&executive.department),
            neutralise_cell(&executive.email),
            plain_number(standing.score.points),
            movement,
            standing
                .score
                .improvement
                .map(plain_number)
                .unwrap_or_default(),
        ];
        for kpi in &board.rules.kpis {
            match standing.score.lines.iter().find(|l| l.kpi == kpi.id) {
                Some(line) => {
                    record.push(line.value.to_string());
                    record.push(plain_number(line.points));
                }
                None => {
                    record.push(String::new());
                    record.push(String::new());
                }
            }
        }
        let _ = writer.write_record(&record);
    }
    writer_text(writer)
}

/// A number for a spreadsheet: at most one decimal, no thousands separator, a `-` for negatives:
/// `12`, `3.5`, `-2.5`. Integer maths only (no float formatting in the bundle); not finite → blank.
pub fn plain_number(value: f64) -> String {
    let tenths = (value * 10.0).round();
    if !tenths.is_finite() {
        return String::new();
    }
    // Saturates far beyond any score; `-0` prints as `0`.
    let tenths = tenths as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let magnitude = tenths.unsigned_abs();
    if magnitude.is_multiple_of(10) {
        format!("{sign}{}", magnitude / 10)
    } else {
        format!("{sign}{}.{}", magnitude / 10, magnitude % 10)
    }
}
