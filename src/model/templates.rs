//! The wording of everything Steps 2 and 3 generate — the "Why social, for you" pitch, suggested
//! measures, why a piece of evidence is listed, the dashboard's Step 2/3 suggestions — in one place,
//! so that it can be reviewed (and one day translated) without reading the rules around it.
//!
//! Conventions: output is plain text; paragraphs are separated by one blank line; list items are
//! lines starting with `- `; headings are lines of their own. User text (names, titles, goals,
//! themes, evidence) is put in as written, with runs of spaces and line breaks made single spaces —
//! never interpreted (the UI shows it as text). A blank field leaves its sentence out rather than a
//! gap ("for , ", "in .").

use super::evidence::{published_year, Evidence, Origin};
use super::goals::{
    distinct_themes, meaningful_goals, missing_for_pitch, tidy, Audience, Emphasis, GoalKind,
};
use super::programme::Executive;

/// At most this many items are cited in the pitch (the proof pack lists them all).
pub const PITCH_EVIDENCE: usize = 3;

/// The "Why social, for you" brief for one executive: a title line, an opening in their role, one
/// short paragraph per goal, what to post about, suggested measures, up to [`PITCH_EVIDENCE`] cited
/// items of `evidence` (pass them best first, e.g. from
/// [`matched_evidence`](super::evidence::matched_evidence)) and a closing line. Without a goal it
/// says what is missing instead of inventing a case.
pub fn pitch(executive: &Executive, company: &str, evidence: &[&Evidence]) -> String {
    let name = tidy(&executive.name);
    let company = tidy(company);
    let title = if name.is_empty() {
        "Why social, for you".to_string()
    } else {
        format!("Why social, for you — {name}")
    };
    let goals: Vec<_> = meaningful_goals(executive).collect();
    if goals.is_empty() {
        let whose = if name.is_empty() {
            "the executive's".to_string()
        } else {
            possessive(&name)
        };
        let missing = missing_for_pitch(executive);
        return format!(
            "{title}\n\nThis brief is written from {whose} business goals, and none are set yet. It still needs {}.",
            join_and(&missing)
        );
    }

    let mut paragraphs: Vec<String> = vec![title, opening(executive, &company)];

    paragraphs.push("How social serves your goals".to_string());
    for goal in &goals {
        let said = sentence(&goal.describe());
        paragraphs.push(format!("{said} {}", goal_case(goal.kind, executive)));
    }

    let themes = distinct_themes(executive);
    if !themes.is_empty() {
        paragraphs.push(format!(
            "{} These are subjects you already know well, so a post takes minutes rather than hours, and over time you become known for them.",
            sentence(&format!("What to post about: {}", join_and(&themes)))
        ));
    }

    let kpis = suggested_kpis(executive);
    if !kpis.is_empty() {
        paragraphs.push(format!("Suggested measures\n{}", list(&kpis)));
    }

    let cited: Vec<String> = evidence
        .iter()
        .filter(|e| !e.deleted)
        .take(PITCH_EVIDENCE)
        .map(|e| evidence_line(e))
        .collect();
    if !cited.is_empty() {
        paragraphs.push(format!("The evidence\n{}", list(&cited)));
    }

    paragraphs.push(
        "Getting started takes a few minutes a week, and the communications team will help with the first drafts."
            .to_string(),
    );
    paragraphs.join("\n\n")
}

/// The opening paragraph: their role, why their own voice matters (outside, inside or both, by
/// emphasis), whom they want to reach.
fn opening(executive: &Executive, company: &str) -> String {
    let title = tidy(&executive.title);
    let role = match (title.is_empty(), company.is_empty()) {
        (false, false) => format!("As {title} at {company}"),
        (false, true) => format!("As {title}"),
        (true, false) => format!("As one of the leaders of {company}"),
        (true, true) => "As a leader".to_string(),
    };
    let the_company = if company.is_empty() {
        "the company".to_string()
    } else {
        company.to_string()
    };
    let mut text = match executive.emphasis {
        Some(Emphasis::External) => format!(
            "{role}, you can reach people the company's own pages do not. People want to talk to people, not faceless brands: a few minutes a week, on subjects you already know, builds awareness, trust and loyalty that a logo cannot."
        ),
        Some(Emphasis::Internal) => format!(
            "{role}, you set the direction people across {the_company} work towards. A visible leader on the social intranet turns the strategy into everyday conversation: people see the why, ask in the open and follow your lead."
        ),
        // `sentence`: a company name may end with its own full stop ("Acme Inc.").
        Some(Emphasis::Balanced) | None => format!(
            "{} Outside, people want to talk to people, not faceless brands: your posts build awareness, trust and loyalty. Inside, a visible leader on the social intranet aligns everyday conversation with the strategy.",
            sentence(&format!("{role}, your voice counts outside and inside {the_company}"))
        ),
    };
    let audiences = audience_words(&executive.audiences);
    let focus = match executive.emphasis {
        Some(Emphasis::External) => Some("mostly outside the company"),
        Some(Emphasis::Internal) => Some("mostly on the social intranet"),
        Some(Emphasis::Balanced) => Some("inside and outside the company"),
        None => None,
    };
    match (audiences.is_empty(), focus) {
        (false, Some(focus)) => {
            text.push_str(&format!(
                " You want to reach {}, {focus}.",
                join_and(&audiences)
            ));
        }
        (false, None) => text.push_str(&format!(" You want to reach {}.", join_and(&audiences))),
        (true, Some(focus)) => text.push_str(&format!(" Your focus is {focus}.")),
        (true, None) => {}
    }
    text
}

/// How social serves one goal — the reviewed case for each kind of goal. `executive`'s audiences
/// name whom the goal is about, where they fit; otherwise a general phrase stands in.
fn goal_case(kind: GoalKind, executive: &Executive) -> String {
    use Audience::*;
    let who = |fitting: &[Audience], otherwise: &str| {
        let words = audience_words(
            &executive
                .audiences
                .iter()
                .copied()
                .filter(|a| fitting.contains(a))
                .collect::<Vec<_>>(),
        );
        if words.is_empty() {
            otherwise.to_string()
        } else {
            join_and(&words)
        }
    };
    match kind {
        GoalKind::WinDeals => format!(
            "Buyers look up the people behind a supplier long before they talk to sales. A clear view, shared regularly, starts conversations with {} and keeps you in mind when they decide.",
            who(&[Prospects, Customers, Partners], "the people you sell to")
        ),
        GoalKind::RecruitTalent => format!(
            "People thinking of joining look at who they would work for. Your posts show {} what working with you is like — a human face for the company that a careers page cannot give.",
            who(&[Candidates], "future colleagues")
        ),
        GoalKind::LaunchProduct => format!(
            "A launch announced by the brand page alone reaches the page's followers. Your own post on why it was built and whom it is for carries the news further, to {}, in a voice people recognise.",
            who(&[Customers, Prospects, Partners, Media], "your own network")
        ),
        GoalKind::ThoughtLeadership => format!(
            "Thought leadership is built in public: a clear point of view, shared week after week, makes you the person {} think of when the subject comes up — and the company with you.",
            who(&[Customers, Prospects, Partners, Investors, Media, Candidates], "people")
        ),
        GoalKind::LeadChange => "Change lands when people hear the why from their leaders, not only from a memo. On the social intranet you can explain the strategy in your own words, answer questions in the open and recognise the teams that move first, so that everyday conversation lines up with the strategy.".to_string(),
        GoalKind::InvestorConfidence => format!(
            "Investors look for a clear, consistent story from the people running the company. Posts that explain the strategy and show progress, agreed with investor relations and within disclosure rules, give {} a direct view of the leadership.",
            who(&[Investors, Media], "investors")
        ),
        GoalKind::CustomerLoyalty => format!(
            "Loyalty grows between people. Thanking customers in public, sharing what you learn from them and answering in your own name shows {} that there is someone behind the brand who listens.",
            who(&[Customers, Partners], "customers")
        ),
        GoalKind::PartnerEcosystem => format!(
            "Partners invest where they see commitment. Celebrating joint wins and introducing partners to your network shows {} that you are in it together — and makes others want to join.",
            who(&[Partners], "partners")
        ),
        GoalKind::Custom => format!(
            "Social gives you a direct, personal channel to {}: share progress, explain the why and invite the conversation.",
            who(&Audience::ALL, "the people who matter for this goal")
        ),
    }
}

/// Measures that show whether social serves the executive's goals: one or two per goal, then the
/// intranet for an internal or balanced emphasis, then activity — without repeats. Empty when no goal
/// is set (nothing to measure against).
pub fn suggested_kpis(executive: &Executive) -> Vec<String> {
    let goals: Vec<_> = meaningful_goals(executive).collect();
    if goals.is_empty() {
        return Vec::new();
    }
    let mut kpis: Vec<&'static str> = Vec::new();
    let mut add = |kpi: &'static str| {
        if !kpis.contains(&kpi) {
            kpis.push(kpi);
        }
    };
    for goal in goals {
        for kpi in goal_kpis(goal.kind) {
            add(kpi);
        }
    }
    if matches!(
        executive.emphasis,
        Some(Emphasis::Internal | Emphasis::Balanced)
    ) {
        add(INTRANET_KPI);
    }
    add("Posts a month and average engagement per post");
    kpis.into_iter().map(String::from).collect()
}

const INTRANET_KPI: &str = "Intranet posts and comments";

fn goal_kpis(kind: GoalKind) -> &'static [&'static str] {
    match kind {
        GoalKind::WinDeals => &[
            "Conversations started with target accounts",
            "Meetings or enquiries that mention the executive's posts",
        ],
        GoalKind::RecruitTalent => &[
            "Applications mentioning the executive's posts",
            "Profile views and followers gained during hiring campaigns",
        ],
        GoalKind::LaunchProduct => &[
            "Reach and engagement of the launch posts",
            "Demo or trial requests that cite the posts",
        ],
        GoalKind::ThoughtLeadership => &[
            "Followers gained in the field",
            "Invitations to speak, write or comment",
        ],
        GoalKind::LeadChange => &[INTRANET_KPI, "Questions asked and answered in the open"],
        GoalKind::InvestorConfidence => &[
            "Engagement from investors and analysts",
            "Strategy themes picked up in analyst and media coverage",
        ],
        GoalKind::CustomerLoyalty => &[
            "Customer comments, shares and mentions",
            "Customers who get in touch after a post",
        ],
        GoalKind::PartnerEcosystem => &[
            "Partner mentions and joint posts",
            "Partner enquiries after posts",
        ],
        GoalKind::Custom => &["Progress on the goal, as agreed with the executive"],
    }
}

/// One cited item: `figure — claim (source, year; published — verify before use). Caveat: …`, or
/// `(our own result, year)` for an in-house result. Parts that are blank are left out.
pub fn evidence_line(evidence: &Evidence) -> String {
    let figure = tidy(&evidence.figure);
    let mut claim = tidy(&evidence.claim);
    if claim.is_empty() {
        claim = tidy(&evidence.title);
    }
    let claim = claim.trim_end_matches('.').trim_end().to_string();
    let mut line = match (figure.is_empty(), claim.is_empty()) {
        (false, false) => format!("{figure} — {claim}"),
        (false, true) => figure,
        (true, false) => claim,
        (true, true) => String::new(),
    };
    let citation = citation(evidence);
    if line.is_empty() {
        line = format!("({citation}).");
    } else {
        line = format!("{line} ({citation}).");
    }
    if let Some(caveat) = brief_caveat(&evidence.caveats) {
        line.push_str(&format!(" Caveat: {caveat}"));
    }
    line
}

/// Where an item comes from, in brackets' words: `FTI Consulting …, 2023; published — verify before
/// use`, `our own result, 2026`, `Edelman, undated; published — verify before use`.
pub fn citation(evidence: &Evidence) -> String {
    let year = published_year(evidence).map(|y| y.to_string());
    match evidence.origin {
        Origin::InHouse => match year {
            Some(year) => format!("our own result, {year}"),
            None => "our own result".to_string(),
        },
        Origin::Published | Origin::Starter { .. } => {
            let source = tidy(&evidence.source_name);
            let when = year.unwrap_or_else(|| "undated".to_string());
            if source.is_empty() {
                format!("{when}; published — verify before use")
            } else {
                format!("{source}, {when}; published — verify before use")
            }
        }
    }
}

/// The first sentence of the caveats, at most about 200 characters (cut at a word, with "…").
fn brief_caveat(caveats: &str) -> Option<String> {
    let caveats = tidy(caveats);
    if caveats.is_empty() {
        return None;
    }
    let first = match caveats.find(". ") {
        Some(end) => &caveats[..=end],
        None => caveats.as_str(),
    };
    const LIMIT: usize = 200;
    if first.chars().count() <= LIMIT {
        return Some(sentence(first));
    }
    let cut: String = first.chars().take(LIMIT).collect();
    let cut = match cut.rfind(' ') {
        Some(space) => &cut[..space],
        None => cut.as_str(),
    };
    Some(format!("{}…", cut.trim_end_matches([',', ';', ':', '.'])))
}

// --- Short texts used around the library and the dashboard ---------------------------------------

/// Why an item is listed for an executive: `matches: recruit talent, candidates, external`.
pub fn match_reason(matched: &[&str]) -> String {
    let words: Vec<String> = matched.iter().map(|m| m.to_lowercase()).collect();
    format!("matches: {}", words.join(", "))
}

pub fn pinned_reason() -> String {
    "pinned".to_string()
}

pub fn in_house_reason() -> String {
    "our own result".to_string()
}

/// `stale (2016)`; `stale` when the year is unknown.
pub fn stale_reason(year: Option<i32>) -> String {
    match year {
        Some(year) => format!("stale ({year})"),
        None => "stale".to_string(),
    }
}

/// The caveats of a starter item that was only found second-hand.
pub fn second_hand_caveat(reporter: &str, notes: &str) -> String {
    let lead = format!(
        "Second-hand: as reported by {}; not confirmed from the original source.",
        tidy(reporter)
    );
    let notes = tidy(notes);
    if notes.is_empty() {
        lead
    } else {
        format!("{lead} {notes}")
    }
}

/// Dashboard: an executive whose pitch still lacks inputs.
pub fn pitch_action(name: &str, missing: &[&str]) -> String {
    format!(
        "Write the pitch for {}: it still needs {}.",
        tidy(name),
        join_and(missing)
    )
}

/// Dashboard: pitches are ready but the library is empty.
pub fn proof_action() -> String {
    "Step 3: load the starter library of published figures, or add your own results, to build the proof packs."
        .to_string()
}

// --- Helpers ------------------------------------------------------------------------------------

/// `a`, `a and b`, `a, b and c`.
pub fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(|s| s.as_ref())
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// Audiences as words in a sentence, without repeats: `customers`, `media`.
fn audience_words(audiences: &[Audience]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for audience in audiences {
        let word = audience.label().to_lowercase();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// Text ending in a full stop (or the `!`, `?`, `…` it already ends with).
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("- {item}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `Lukas Brandt's`.
fn possessive(name: &str) -> String {
    format!("{name}'s")
}
