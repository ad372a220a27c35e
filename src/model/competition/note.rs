//! The congratulation note and certificate for a closed period.

use super::{Competition, Scoreboard};
use crate::model::programme::Executive;

/// The subject line of the note, e.g. "Congratulations to Ana Silva — most social executive,
/// November 2026".
pub fn note_subject(competition: &Competition, board: &Scoreboard, executives: &[Executive]) -> String {
    todo!()
}

/// The generated congratulation note for a period: who was most social (with points and what they
/// did — the top KPI lines), who improved most and by how much, the runners-up, and a line of
/// thanks to everyone who took part. Names and numbers only from the scoreboard; no invented claims.
pub fn congratulation_note(
    competition: &Competition,
    board: &Scoreboard,
    executives: &[Executive],
    company: &str,
) -> String {
    todo!()
}

/// A `mailto:` link with the subject and body percent-encoded (RFC 6068), no recipient.
pub fn mailto_link(subject: &str, body: &str) -> String {
    todo!()
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
pub fn certificates(
    competition: &Competition,
    board: &Scoreboard,
    executives: &[Executive],
    company: &str,
) -> Vec<Certificate> {
    todo!()
}
