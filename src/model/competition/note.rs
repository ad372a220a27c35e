//! The congratulation note and certificate for a closed period.
//!
//! The wording of everything a period's results generate lives here, so that it can be reviewed
//! (and one day translated) in one place. Conventions as in [`crate::model::templates`]: plain
//! text; paragraphs separated by one blank line; names and competition names put in as written
//! (runs of spaces and line breaks made single spaces), never interpreted — the UI shows the note
//! as text, so markup in a name stays visible markup. Every name and number comes from the
//! scoreboard; when a figure is not known its phrase is left out rather than guessed.

use super::{Competition, KpiKind, KpiLine, Period, Scoreboard, ScoringMode, Standing};
use crate::model::goals::tidy;
use crate::model::numbers::{format_count, format_decimal};
use crate::model::programme::{Executive, Network, DELETED_EXECUTIVE_NAME};
use crate::model::templates::join_and;
use uuid::Uuid;

/// At most this many KPI lines describe what a winner did ("12 posts, 48 comments and 30
/// reactions"): the ones that earned the most points.
const NOTE_KPI_LINES: usize = 3;

/// Ranks up to this one are listed as the top of the table.
const NOTE_TOP_RANKS: usize = 3;

/// The subject line of the note, e.g. "Congratulations to Ana Silva — most social executive,
/// November 2026"; ties name everyone ("Ana Silva and Tom Berg — most social executives, …");
/// without a winner, "<competition>: results for November 2026".
pub fn note_subject(
    competition: &Competition,
    board: &Scoreboard,
    executives: &[Executive],
) -> String {
    let period = board.period.label();
    let winners = names(&board.most_social, executives);
    match winners.len() {
        0 => format!(
            "{}: results for {period}",
            competition_name(competition, "")
        ),
        1 => format!(
            "Congratulations to {} — most social executive, {period}",
            join_and(&winners)
        ),
        _ => format!(
            "Congratulations to {} — most social executives, {period}",
            join_and(&winners)
        ),
    }
}

/// The generated congratulation note for a period: who was most social (with points and what they
/// did — the top KPI lines), who improved most and by how much, the runners-up, and a line of
/// thanks to everyone who took part. Names and numbers only from the scoreboard; no invented claims.
///
/// When nobody scored, a short note says so and looks forward to the next period instead. The
/// signature is a placeholder for the sender: "— The communications team", or "— The Northwind
/// communications team" when `company` is given.
pub fn congratulation_note(
    competition: &Competition,
    board: &Scoreboard,
    executives: &[Executive],
    company: &str,
) -> String {
    let league = the(&competition_name(competition, company));
    let period = board.period.label();
    let mut paragraphs: Vec<String> = vec!["Hello team,".to_string()];

    let somebody_scored = !board.most_social.is_empty()
        || board
            .standings
            .iter()
            .any(|s| shown_positive(s.score.points));
    if !somebody_scored {
        paragraphs.push(if board.any_activity {
            format!("Activity was recorded in {league} in {period}, but none of it scored points this time.")
        } else {
            format!("Nothing was recorded in {league} in {period}, so there is no winner this time.")
        });
        paragraphs.push(
            "Every period is a fresh start: each post, comment and share counts. We look forward to seeing your activity next period!"
                .to_string(),
        );
        paragraphs.push(signature(company));
        return paragraphs.join("\n\n");
    }

    paragraphs.push(format!("The results of {league} for {period} are in."));
    if let Some(paragraph) = most_social_paragraph(board, executives) {
        paragraphs.push(paragraph);
    }
    let previous = previous_period(competition, &board.period);
    if let Some(paragraph) = most_improved_paragraph(board, executives, previous.as_ref()) {
        paragraphs.push(paragraph);
    }
    if let Some(paragraph) = top_of_table(board, executives, previous.as_ref()) {
        paragraphs.push(paragraph);
    }
    let took_part = board.standings.iter().filter(|s| s.score.recorded).count();
    if took_part > 0 {
        paragraphs.push(format!(
            "Thank you to everyone who took part: {} recorded activity this period. Every post, comment and share helps our leaders be heard.",
            count_of(took_part, "executive", "executives")
        ));
    }
    paragraphs.push(signature(company));
    paragraphs.join("\n\n")
}

/// A `mailto:` link with the subject and body percent-encoded (RFC 6068), no recipient.
///
/// Everything but RFC 3986's unreserved characters (`A–Z a–z 0–9 - . _ ~`) is percent-encoded as
/// UTF-8, and every line break is sent as CRLF (`%0D%0A`), as RFC 6068 asks for bodies.
pub fn mailto_link(subject: &str, body: &str) -> String {
    format!(
        "mailto:?subject={}&body={}",
        percent_encode(&crlf(subject)),
        percent_encode(&crlf(body))
    )
}

/// One printable certificate.
#[derive(Clone, Debug, PartialEq)]
pub struct Certificate {
    /// "Most social executive" or "Most improved".
    pub title: String,
    pub name: String,
    /// e.g. "for leading the Northwind social league in November 2026 with 412 points".
    pub citation: String,
    pub period: String,
    pub competition: String,
}

/// One certificate per winner of the period: the most social executive(s), then the most improved.
/// A figure that the scoreboard does not know (a stored winner no longer in the standings) is left
/// out of the citation rather than guessed.
pub fn certificates(
    competition: &Competition,
    board: &Scoreboard,
    executives: &[Executive],
    company: &str,
) -> Vec<Certificate> {
    let name = competition_name(competition, company);
    let league = the(&name);
    let period = board.period.label();
    let previous = previous_period(competition, &board.period);
    let certificate = |title: &str, id: Uuid, citation: String| Certificate {
        title: title.to_string(),
        name: name_of(id, executives),
        citation,
        period: period.clone(),
        competition: name.clone(),
    };
    let mut out = Vec::new();
    for id in &board.most_social {
        let citation = match standing(board, *id) {
            Some(s) => format!(
                "for leading {league} in {period} with {}",
                points(s.score.points)
            ),
            None => format!("for leading {league} in {period}"),
        };
        out.push(certificate("Most social executive", *id, citation));
    }
    for id in &board.most_improved {
        let citation = match standing(board, *id).and_then(|s| s.score.improvement) {
            Some(by) => format!(
                "for improving by {} compared with {} in {league}",
                points(by),
                previous_label(previous.as_ref())
            ),
            None => format!("for the biggest improvement in {league} in {period}"),
        };
        out.push(certificate("Most improved", *id, citation));
    }
    out
}

// --- Paragraphs ---------------------------------------------------------------------------------

/// "Most social executive: Ana Silva, with 412 points — 12 posts, 48 comments and 30 reactions."
/// Ties list each winner with what they did.
fn most_social_paragraph(board: &Scoreboard, executives: &[Executive]) -> Option<String> {
    match board.most_social.as_slice() {
        [] => None,
        [only] => {
            let name = name_of(*only, executives);
            Some(match standing(board, *only) {
                Some(s) => {
                    let did = what_they_did(&s.score.lines);
                    let did = if did.is_empty() {
                        String::new()
                    } else {
                        format!(" — {did}")
                    };
                    format!(
                        "Most social executive: {name}, with {}{did}. Congratulations!",
                        points(s.score.points)
                    )
                }
                None => format!("Most social executive: {name}. Congratulations!"),
            })
        }
        several => {
            let lines: Vec<String> = several
                .iter()
                .map(|id| {
                    let name = name_of(*id, executives);
                    match standing(board, *id) {
                        Some(s) => {
                            let did = what_they_did(&s.score.lines);
                            if did.is_empty() {
                                format!("- {name}: {}", points(s.score.points))
                            } else {
                                format!("- {name}: {}, with {did}", points(s.score.points))
                            }
                        }
                        None => format!("- {name}"),
                    }
                })
                .collect();
            Some(format!(
                "Most social executives — {} share the title. Congratulations!\n{}",
                join_and(&names(several, executives)),
                lines.join("\n")
            ))
        }
    }
}

/// "Most improved: Tom Berg, +120 points compared with October 2026."
fn most_improved_paragraph(
    board: &Scoreboard,
    executives: &[Executive],
    previous: Option<&Period>,
) -> Option<String> {
    if board.most_improved.is_empty() {
        return None;
    }
    let winners = names(&board.most_improved, executives);
    let improvements: Vec<Option<f64>> = board
        .most_improved
        .iter()
        .map(|id| standing(board, *id).and_then(|s| s.score.improvement))
        .collect();
    let label = previous_label(previous);
    let all_same = improvements
        .windows(2)
        .all(|w| w[0].map(|x| (x * 10.0).round()) == w[1].map(|x| (x * 10.0).round()));
    Some(match improvements.first().copied().flatten() {
        Some(by) if all_same && winners.len() == 1 => format!(
            "Most improved: {}, {} compared with {label}. Well done!",
            join_and(&winners),
            signed_points(by)
        ),
        Some(by) if all_same => format!(
            "Most improved: {}, {} each compared with {label}. Well done!",
            join_and(&winners),
            signed_points(by)
        ),
        _ => format!(
            "Most improved compared with {label}: {}. Well done!",
            join_and(&winners)
        ),
    })
}

/// The top ranks with their points (or improvement, in most-improved mode); left out when it would
/// only repeat the winner.
fn top_of_table(
    board: &Scoreboard,
    executives: &[Executive],
    previous: Option<&Period>,
) -> Option<String> {
    let improvement = board.rules.scoring == ScoringMode::MostImproved;
    let lines: Vec<String> = board
        .standings
        .iter()
        .filter(|s| s.rank <= NOTE_TOP_RANKS)
        .filter_map(|s| {
            let value = s.ranked_on.filter(|v| shown_positive(*v))?;
            let value = if improvement {
                signed_points(value)
            } else {
                points(value)
            };
            Some(format!(
                "{}. {} — {value}",
                s.rank,
                name_of(s.executive, executives)
            ))
        })
        .collect();
    if lines.len() < 2 {
        return None;
    }
    let heading = if improvement {
        format!(
            "The top of the table (improvement compared with {}):",
            previous_label(previous)
        )
    } else {
        "The top of the table:".to_string()
    };
    Some(format!("{heading}\n{}", lines.join("\n")))
}

fn signature(company: &str) -> String {
    let company = tidy(company);
    if company.is_empty() {
        "Best wishes,\n— The communications team".to_string()
    } else {
        format!("Best wishes,\n— The {company} communications team")
    }
}

// --- Pieces -------------------------------------------------------------------------------------

/// The competition's name as written, or a plain description when it is blank.
fn competition_name(competition: &Competition, company: &str) -> String {
    let name = tidy(&competition.settings.name);
    if !name.is_empty() {
        return name;
    }
    let company = tidy(company);
    if company.is_empty() {
        "Social media competition".to_string()
    } else {
        format!("{company} social media competition")
    }
}

/// "the Northwind social league" — without doubling a "The" the name already starts with.
fn the(name: &str) -> String {
    let starts_with_the = name
        .get(..4)
        .is_some_and(|head| head.eq_ignore_ascii_case("the "));
    if starts_with_the {
        name.to_string()
    } else {
        format!("the {name}")
    }
}

/// An executive's name as written; "Deleted executive" when the id is unknown or deleted.
fn name_of(id: Uuid, executives: &[Executive]) -> String {
    match executives.iter().find(|e| e.id == id && !e.deleted) {
        None => DELETED_EXECUTIVE_NAME.to_string(),
        Some(executive) => {
            let name = tidy(&executive.name);
            if name.is_empty() {
                "Unnamed executive".to_string()
            } else {
                name
            }
        }
    }
}

fn names(ids: &[Uuid], executives: &[Executive]) -> Vec<String> {
    ids.iter().map(|id| name_of(*id, executives)).collect()
}

fn standing(board: &Scoreboard, id: Uuid) -> Option<&Standing> {
    board.standings.iter().find(|s| s.executive == id)
}

/// The period before `period`, found by regenerating the competition's periods up to it.
fn previous_period(competition: &Competition, period: &Period) -> Option<Period> {
    let before = period.index.checked_sub(1)?;
    super::generate_periods(&competition.settings, period.start)
        .into_iter()
        .find(|p| p.index == before)
}

fn previous_label(previous: Option<&Period>) -> String {
    previous.map_or_else(|| "the previous period".to_string(), Period::label)
}

/// Whether a value reads as more than 0 when shown to one decimal.
fn shown_positive(value: f64) -> bool {
    (value * 10.0).round() > 0.0
}

/// "412 points", "1 point", "12.5 points".
fn points(value: f64) -> String {
    let text = format_decimal(value);
    if text == "1" {
        "1 point".to_string()
    } else {
        format!("{text} points")
    }
}

/// "+120 points", "−15 points".
fn signed_points(value: f64) -> String {
    if value < 0.0 {
        format!("−{}", points(-value))
    } else {
        format!("+{}", points(value))
    }
}

fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", format_count(n as u64))
    }
}

/// The KPI lines that earned the most, as activity: "12 posts, 48 comments and 60 reactions (40
/// counted)". Recorded values are quoted as recorded; a cap that cut them is said.
fn what_they_did(lines: &[KpiLine]) -> String {
    let mut earning: Vec<&KpiLine> = lines.iter().filter(|l| l.points > 0.0).collect();
    // Stable: equal points keep the KPI order.
    earning.sort_by(|a, b| b.points.total_cmp(&a.points));
    let parts: Vec<String> = earning
        .into_iter()
        .take(NOTE_KPI_LINES)
        .map(activity)
        .collect();
    join_and(&parts)
}

/// One KPI line as activity: "12 posts on LinkedIn", "Webinars hosted: 3".
fn activity(line: &KpiLine) -> String {
    let kind = KpiKind::ALL
        .into_iter()
        .find(|k| k.key() == line.kpi && k.label() == line.label);
    let words = kind.and_then(|kind| match kind {
        KpiKind::Posts => Some(("post", "posts")),
        KpiKind::Comments => Some(("comment", "comments")),
        KpiKind::Reactions => Some(("reaction", "reactions")),
        KpiKind::Shares => Some(("share / repost", "shares / reposts")),
        KpiKind::FollowersGained => Some(("follower gained", "followers gained")),
        KpiKind::ProfileViews => Some(("profile view", "profile views")),
        KpiKind::IntranetPosts => Some(("intranet post", "intranet posts")),
        KpiKind::Custom => None,
    });
    let mut text = match words {
        Some((one, many)) => count_of(line.value as usize, one, many),
        None => format!(
            "{}: {}",
            tidy(&line.label),
            format_count(u64::from(line.value))
        ),
    };
    match line.network {
        Some(Network::Intranet) if kind == Some(KpiKind::IntranetPosts) => {}
        Some(Network::Intranet) => text.push_str(" on the intranet"),
        Some(network) => {
            text.push_str(" on ");
            text.push_str(network.label());
        }
        None => {}
    }
    if line.capped {
        text.push_str(&format!(
            " ({} counted)",
            format_count(u64::from(line.counted))
        ));
    }
    text
}

/// Line breaks as CRLF, whatever they were.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\r\n")
}

/// RFC 3986 percent-encoding of everything but the unreserved characters.
fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
    out
}
