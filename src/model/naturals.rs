//! Step 1 — Find the naturals: profiles and their audits, the natural score, the outreach order and
//! the outreach pipeline.
//!
//! # The natural score
//!
//! Each executive gets a score from 0 to 100 that says how ready they are to lead on social, built
//! from five components. Each component is a value from 0 to 1, or *missing* when the data behind it
//! has not been entered:
//!
//! | component | value | full marks |
//! |---|---|---|
//! | completeness | the mean audit completeness of the executive's profiles that are in use (an address or at least one audit item ticked); missing when there are none | every audit item ticked |
//! | activity | posts in the last 30 days, summed over all profiles, ÷ [`ACTIVITY_FULL_MARKS_POSTS`], capped at 1 | 12 or more posts a month |
//! | reach | `log10(1 + followers) ÷ log10(1 + REACH_FULL_MARKS_FOLLOWERS)`, capped at 1, on the profile with the most followers | 10,000 followers |
//! | engagement | the best engagement rate over profiles that have both numbers (average engagement per post ÷ followers) ÷ [`ENGAGEMENT_FULL_MARKS_RATE`], capped at 1 | 3% of followers engage with an average post |
//! | willingness | `(willingness − 1) ÷ 4` for a willingness of 1–5 | 5 |
//!
//! ```text
//! total = round(100 × Σ weightᵢ × valueᵢ ÷ Σ weightᵢ)
//! ```
//!
//! A missing value counts as 0 but keeps its weight: an executive is not rewarded for data nobody
//! has gathered, and the breakdown says what is missing. Each component's *points* are its share of
//! the total (`100 × weight × value ÷ Σ weights`), so the breakdown adds up to the score. When every
//! weight is 0, every score is 0.
//!
//! Why these choices:
//! - **Fixed references, not the best on the roster.** A score depends only on the executive and
//!   the weights, so adding or removing someone never changes anyone else's score.
//! - **Reach is log-scaled.** 100 followers earn half the reach marks, 1,000 three quarters and
//!   10,000 all of them: a celebrity CEO with two million followers does not flatten the rest of
//!   the roster into zero, and the difference between 50 and 500 followers still counts.
//! - **Engagement is a rate.** Average engagement per post divided by followers compares a small,
//!   lively audience fairly with a large, silent one.
//! - **Bad data never breaks the score.** Negative, infinite or not-a-number engagement (only a
//!   hand-edited file can hold them) and zero followers make that profile's rate missing; weights
//!   above [`MAX_WEIGHT`] count as [`MAX_WEIGHT`]; a willingness outside 1–5 counts as not assessed.
//!
//! The tiers: **natural** from [`NATURAL_THRESHOLD`] (65) up, **warm** from [`WARM_THRESHOLD`] (40)
//! up, **needs convincing** below. With the default weights, an executive with well-kept profiles,
//! weekly posts and an appetite to try earns a natural; a decent profile posted to now and then
//! with a neutral attitude lands in warm.

use super::dates::iso;
use super::numbers::{format_count, format_decimal};
use super::programme::{Executive, Network};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use uuid::Uuid;

/// One executive's presence on one network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub network: Network,
    /// The profile's URL or handle, as the user entered it.
    #[serde(default)]
    pub address: String,
    /// Followers or connections.
    #[serde(default)]
    pub followers: Option<u64>,
    /// Posts in the last 30 days.
    #[serde(default)]
    pub posts_30d: Option<u32>,
    /// Average engagement per post (reactions + comments + shares).
    #[serde(default)]
    pub avg_engagement: Option<f64>,
    /// The keys of the audit items that are done (see [`audit_items`]).
    #[serde(default)]
    pub audit: Vec<String>,
}

impl Profile {
    pub fn new(network: Network) -> Self {
        Profile {
            network,
            address: String::new(),
            followers: None,
            posts_30d: None,
            avg_engagement: None,
            audit: Vec::new(),
        }
    }
}

/// How much each component counts in the natural score (relative weights, 0–10 each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NaturalWeights {
    pub completeness: u8,
    pub activity: u8,
    pub reach: u8,
    pub engagement: u8,
    pub willingness: u8,
}

impl Default for NaturalWeights {
    fn default() -> Self {
        NaturalWeights {
            completeness: 5,
            activity: 5,
            reach: 3,
            engagement: 3,
            willingness: 4,
        }
    }
}

/// Where an executive is in the outreach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutreachStage {
    NotContacted,
    Contacted,
    Interested,
    Committed,
    Declined,
    NotNow,
}

/// A dated change of outreach stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutreachChange {
    pub stage: OutreachStage,
    #[serde(with = "iso")]
    pub on: NaiveDate,
}

// ---------------------------------------------------------------------------------------------
// The profile audit

/// One thing to check on a profile. `key` is what the data stores in [`Profile::audit`]; `label` is
/// what the user reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuditItem {
    pub key: &'static str,
    pub label: &'static str,
}

const fn item(key: &'static str, label: &'static str) -> AuditItem {
    AuditItem { key, label }
}

const LINKEDIN_AUDIT: [AuditItem; 9] = [
    item("photo", "Professional profile photo"),
    item("banner", "Custom banner image"),
    item("headline", "Headline that says more than the job title"),
    item("about", "About section in their own voice"),
    item("current_role", "Current role with a short description"),
    item("featured", "Featured section (posts, articles, links)"),
    item(
        "custom_url",
        "Custom profile URL (linkedin.com/in/their-name)",
    ),
    item("contact_info", "Contact info (website, company page)"),
    item("skills", "Top skills listed"),
];

const X_AUDIT: [AuditItem; 7] = [
    item("photo", "Profile photo"),
    item("header", "Header image"),
    item("display_name", "Display name is their real name"),
    item("bio", "Bio that says who they are and what they post about"),
    item("pinned_post", "Pinned post"),
    item("link", "Link to a website or company page"),
    item("location", "Location"),
];

const INTRANET_AUDIT: [AuditItem; 7] = [
    item("photo", "Profile photo"),
    item("role", "Job title, department and manager filled in"),
    item("about", "About me, in their own words"),
    item("expertise", "Skills and expertise listed"),
    item("contact_details", "Contact details and office location"),
    item(
        "communities",
        "Member of the communities that matter to their team",
    ),
    item("first_post", "Has posted at least once"),
];

const INSTAGRAM_AUDIT: [AuditItem; 7] = [
    item("photo", "Profile photo"),
    item("name_field", "Name field with their name and role"),
    item("bio", "Bio that says who they are"),
    item("link", "Link in bio"),
    item("professional_account", "Professional (creator) account"),
    item("highlights", "Story highlights"),
    item("pinned_posts", "Pinned posts"),
];

const YOUTUBE_AUDIT: [AuditItem; 8] = [
    item("photo", "Channel profile picture"),
    item("banner", "Channel banner"),
    item("handle", "Custom @handle"),
    item("description", "Channel description"),
    item("links", "Links on the channel page"),
    item("trailer", "Channel trailer or featured video"),
    item("playlists", "Videos organised in playlists"),
    item("contact_email", "Business contact e-mail"),
];

const BLUESKY_AUDIT: [AuditItem; 6] = [
    item("photo", "Avatar"),
    item("banner", "Banner image"),
    item("display_name", "Display name is their real name"),
    item("bio", "Bio that says who they are and what they post about"),
    item(
        "domain_handle",
        "Company domain as handle (e.g. @name.company.com)",
    ),
    item("pinned_post", "Pinned post"),
];

const MASTODON_AUDIT: [AuditItem; 7] = [
    item("photo", "Profile picture"),
    item("header", "Header image"),
    item("display_name", "Display name is their real name"),
    item("bio", "Bio that says who they are and what they post about"),
    item("profile_fields", "Profile fields (website, role)"),
    item("verified_link", "Verified website link"),
    item("pinned_post", "Featured (pinned) post"),
];

const THREADS_AUDIT: [AuditItem; 6] = [
    item("photo", "Profile photo"),
    item("bio", "Bio that says who they are"),
    item("link", "Link in bio"),
    item("public_profile", "Public profile"),
    item("pinned_post", "Pinned post"),
    item("fediverse_sharing", "Fediverse sharing turned on"),
];

const OTHER_AUDIT: [AuditItem; 6] = [
    item("photo", "Profile photo"),
    item("real_name", "Real name and current role"),
    item("bio", "Bio or about text"),
    item("link", "Link to a website or company page"),
    item("pinned_post", "Pinned or featured post"),
    item("contact_info", "Contact information"),
];

/// The profile audit for a network: what a complete, credible profile has there.
pub fn audit_items(network: Network) -> &'static [AuditItem] {
    match network {
        Network::Linkedin => &LINKEDIN_AUDIT,
        Network::X => &X_AUDIT,
        Network::Intranet => &INTRANET_AUDIT,
        Network::Instagram => &INSTAGRAM_AUDIT,
        Network::Youtube => &YOUTUBE_AUDIT,
        Network::Bluesky => &BLUESKY_AUDIT,
        Network::Mastodon => &MASTODON_AUDIT,
        Network::Threads => &THREADS_AUDIT,
        Network::Other => &OTHER_AUDIT,
    }
}

/// How many of the network's audit items are ticked, and how many there are. Keys that are not the
/// network's (from a file, or from an older checklist) are ignored; a key ticked twice counts once.
pub fn audit_progress(profile: &Profile) -> (usize, usize) {
    let items = audit_items(profile.network);
    let done = items
        .iter()
        .filter(|item| profile.audit.iter().any(|key| key == item.key))
        .count();
    (done, items.len())
}

/// The share of the network's audit items that are ticked, as a whole percentage (0–100).
pub fn completeness(profile: &Profile) -> u8 {
    let (done, total) = audit_progress(profile);
    if total == 0 {
        return 0;
    }
    // Integer maths, rounding half up: 2 of 3 → 67.
    ((done * 200 + total) / (total * 2)).min(100) as u8
}

/// The audit items of the profile that are not done yet, in checklist order: what to fix.
pub fn missing_audit_items(profile: &Profile) -> Vec<AuditItem> {
    audit_items(profile.network)
        .iter()
        .filter(|item| !profile.audit.iter().any(|key| key == item.key))
        .copied()
        .collect()
}

/// Ticks or unticks one audit item. The stored keys stay in checklist order without duplicates;
/// keys that are not the network's are kept at the end (unless that key is the one unticked).
pub fn set_audit_item(profile: &mut Profile, key: &str, done: bool) {
    let items = audit_items(profile.network);
    let ticked = |k: &str| {
        if k == key {
            done
        } else {
            profile.audit.iter().any(|a| a == k)
        }
    };
    let mut audit: Vec<String> = items
        .iter()
        .filter(|item| ticked(item.key))
        .map(|item| item.key.to_string())
        .collect();
    for other in &profile.audit {
        let known = items.iter().any(|item| item.key == other.as_str());
        if !known && !audit.contains(other) && (other.as_str() != key || done) {
            audit.push(other.clone());
        }
    }
    profile.audit = audit;
}

/// The executive's profile on `network`, if they have one.
pub fn profile_on(executive: &Executive, network: Network) -> Option<&Profile> {
    executive.profiles.iter().find(|p| p.network == network)
}

/// The executive's profile on `network`, created empty when missing.
pub fn profile_on_mut(executive: &mut Executive, network: Network) -> &mut Profile {
    let index = match executive.profiles.iter().position(|p| p.network == network) {
        Some(index) => index,
        None => {
            executive.profiles.push(Profile::new(network));
            executive.profiles.len() - 1
        }
    };
    &mut executive.profiles[index]
}

/// A profile counts in the natural score once it is in use: it has an address or an audit item
/// ticked. (An empty profile row the user has not filled in yet does not drag completeness down.)
pub fn profile_in_use(profile: &Profile) -> bool {
    !profile.address.trim().is_empty() || audit_progress(profile).0 > 0
}

// ---------------------------------------------------------------------------------------------
// Profile addresses and e-mail addresses

/// The sentence that ends every address message: what an address on `network` looks like.
fn expected_shape(network: Network) -> &'static str {
    match network {
        Network::Linkedin => "LinkedIn profiles look like linkedin.com/in/your-name.",
        Network::X => {
            "X profiles look like @yourname or x.com/yourname (up to 15 letters, digits or underscores)."
        }
        Network::Intranet => {
            "An intranet profile is a link such as https://intranet.example.com/people/your-name, or a note on how to find it."
        }
        Network::Instagram => {
            "Instagram profiles look like @your.name or instagram.com/your.name (up to 30 letters, digits, dots or underscores)."
        }
        Network::Youtube => {
            "YouTube channels look like @yourchannel, youtube.com/@yourchannel or youtube.com/channel/UC…."
        }
        Network::Bluesky => {
            "Bluesky handles look like @name.bsky.social, @name.yourcompany.com or bsky.app/profile/name.bsky.social."
        }
        Network::Mastodon => {
            "Mastodon addresses look like @name@mastodon.social or https://mastodon.social/@name."
        }
        Network::Threads => "Threads profiles look like @yourname or threads.net/@yourname.",
        Network::Other => {
            "A link starts with https:// followed by the site's name, e.g. https://example.com/your-name."
        }
    }
}

/// "an X address", "a LinkedIn address", …
fn an_address_on(network: Network) -> String {
    let article = match network {
        Network::X | Network::Instagram | Network::Intranet | Network::Other => "an",
        _ => "a",
    };
    let name = match network {
        Network::Intranet => "intranet",
        Network::Other => "other",
        other => other.label(),
    };
    format!("{article} {name} address")
}

/// Checks a profile address (URL or handle) for `network`. Blank is fine: not filled in yet.
/// The error is a sentence for the user that says what the address should look like, and which
/// network the text belongs to when it is clearly another network's address.
///
/// Accepted, with or without `https://`, `www.` and a trailing slash:
/// - LinkedIn: `linkedin.com/in/<name>` (any country subdomain);
/// - X: `@handle`, `handle`, `x.com/handle`, `twitter.com/handle`;
/// - Instagram and Threads: `@handle`, `handle`, `instagram.com/handle`, `threads.net/@handle`;
/// - YouTube: `@handle`, `youtube.com/@handle`, `/channel/UC…`, `/c/name`, `/user/name`;
/// - Bluesky: `@name.bsky.social` or any domain handle, `bsky.app/profile/<handle or did>`;
/// - Mastodon: `@user@instance`, `https://instance/@user`;
/// - intranet and other: any text, but text that starts like a link must be a link.
pub fn validate_address(network: Network, address: &str) -> Result<(), String> {
    let text = address.trim();
    if text.is_empty() {
        return Ok(());
    }
    if network != Network::Other {
        if let Some(other) = recognise_network(text) {
            if other != network {
                return Err(format!(
                    "This looks like {}. {}",
                    an_address_on(other),
                    expected_shape(network)
                ));
            }
        }
    }
    if matches!(network, Network::Intranet | Network::Other) {
        return if !starts_like_a_link(text) || is_web_link(text) {
            Ok(())
        } else {
            Err(format!(
                "This does not look like a web address. {}",
                expected_shape(network)
            ))
        };
    }
    if text.chars().any(char::is_whitespace) {
        return Err(format!(
            "An address has no spaces. {}",
            expected_shape(network)
        ));
    }
    let checked = match network {
        Network::Linkedin => linkedin_address(text),
        Network::X => x_address(text),
        Network::Instagram => instagram_address(text),
        Network::Threads => threads_address(text),
        Network::Youtube => youtube_address(text),
        Network::Bluesky => bluesky_address(text),
        Network::Mastodon => mastodon_address(text),
        Network::Intranet | Network::Other => Ok(()),
    };
    checked.map_err(|problem| match problem {
        Problem::Shape => expected_shape(network).to_string(),
        Problem::Post => format!(
            "This is a link to a post, not to a profile. {}",
            expected_shape(network)
        ),
        Problem::Video => format!(
            "This is a link to a video, not to a channel. {}",
            expected_shape(network)
        ),
        Problem::CompanyPage => format!(
            "This is a company page, not a person's profile. {}",
            expected_shape(network)
        ),
    })
}

/// Why an address was refused.
enum Problem {
    /// Not the network's shape.
    Shape,
    Post,
    Video,
    CompanyPage,
}

/// A web address taken apart: the host in lower case without `www.`, `m.` or `mobile.` and
/// without a port, and the path's segments (query and fragment dropped).
struct WebAddress<'a> {
    host: String,
    segments: Vec<&'a str>,
}

/// Reads `text` as a web address, with or without `http(s)://`. `None` for another scheme.
fn web_address(text: &str) -> Option<WebAddress<'_>> {
    let rest = match text.split_once("://") {
        Some((scheme, rest))
            if scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http") =>
        {
            rest
        }
        Some(_) => return None,
        None => text,
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(host_end);
    let path = &tail[..tail.find(['?', '#']).unwrap_or(tail.len())];
    let host = host.to_ascii_lowercase();
    let host = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name.to_string(),
        _ => host,
    };
    let host = ["www.", "m.", "mobile."]
        .iter()
        .find_map(|prefix| host.strip_prefix(prefix))
        .map(str::to_string)
        .unwrap_or(host);
    Some(WebAddress {
        host,
        segments: path.split('/').filter(|s| !s.is_empty()).collect(),
    })
}

/// `true` when `text` is written as a link rather than a handle.
fn written_as_link(text: &str) -> bool {
    text.contains("://") || text.contains('/') || text.to_ascii_lowercase().starts_with("www.")
}

/// `host` is `domain` or one of its subdomains.
fn host_is(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|sub| sub.ends_with('.'))
}

/// Well-known Mastodon servers, so that their addresses are recognised in the wrong field.
const MASTODON_SERVERS: [&str; 9] = [
    "mastodon.social",
    "mastodon.online",
    "mastodon.world",
    "mstdn.social",
    "mas.to",
    "fosstodon.org",
    "hachyderm.io",
    "infosec.exchange",
    "techhub.social",
];

/// The network a host belongs to, for the hosts that are unmistakable.
fn network_of_host(host: &str) -> Option<Network> {
    let is = |domains: &[&str]| domains.iter().any(|d| host_is(host, d));
    if is(&["linkedin.com", "lnkd.in"]) {
        Some(Network::Linkedin)
    } else if is(&["x.com", "twitter.com"]) {
        Some(Network::X)
    } else if is(&["instagram.com", "instagr.am"]) {
        Some(Network::Instagram)
    } else if is(&["youtube.com", "youtu.be"]) {
        Some(Network::Youtube)
    } else if is(&["bsky.app", "bsky.social"]) {
        Some(Network::Bluesky)
    } else if is(&["threads.net", "threads.com"]) {
        Some(Network::Threads)
    } else if is(&MASTODON_SERVERS) || host.starts_with("mastodon.") || host.starts_with("mstdn.") {
        Some(Network::Mastodon)
    } else {
        None
    }
}

/// The network an address clearly belongs to, whatever field it was typed in: a well-known host,
/// a Mastodon `@user@instance`, or a Bluesky `name.bsky.social`. `None` when it could be anyone's.
pub fn recognise_network(address: &str) -> Option<Network> {
    let text = address.trim();
    let lower = text.to_ascii_lowercase();
    if let Some(handle) = lower.strip_prefix('@') {
        return match handle.split_once('@') {
            Some((_, server)) if is_domain(server) => Some(Network::Mastodon),
            _ if handle.ends_with(".bsky.social") => Some(Network::Bluesky),
            _ => None,
        };
    }
    if !written_as_link(text) && lower.ends_with(".bsky.social") {
        return Some(Network::Bluesky);
    }
    let address = web_address(text)?;
    if !address.host.contains('.') || address.host.contains('@') {
        return None;
    }
    network_of_host(&address.host)
}

fn linkedin_address(text: &str) -> Result<(), Problem> {
    let address = web_address(text).ok_or(Problem::Shape)?;
    if !host_is(&address.host, "linkedin.com") {
        return Err(Problem::Shape);
    }
    match address.segments.as_slice() {
        ["in", name, ..] if linkedin_name(name) => Ok(()),
        ["company" | "school" | "showcase", ..] => Err(Problem::CompanyPage),
        ["posts" | "feed" | "pulse", ..] => Err(Problem::Post),
        _ => Err(Problem::Shape),
    }
}

/// The `<name>` of `linkedin.com/in/<name>`: 3–100 letters, digits, hyphens or underscores
/// (letters of any alphabet, also percent-encoded).
fn linkedin_name(name: &str) -> bool {
    (3..=100).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '%' | '.'))
}

/// Paths on x.com that are not profiles.
const X_RESERVED: [&str; 15] = [
    "home",
    "explore",
    "i",
    "search",
    "settings",
    "messages",
    "notifications",
    "intent",
    "share",
    "hashtag",
    "compose",
    "login",
    "signup",
    "tos",
    "privacy",
];

fn x_address(text: &str) -> Result<(), Problem> {
    let handle = if let Some(handle) = text.strip_prefix('@') {
        handle
    } else if written_as_link(text) {
        let address = web_address(text).ok_or(Problem::Shape)?;
        if !host_is(&address.host, "x.com") && !host_is(&address.host, "twitter.com") {
            return Err(Problem::Shape);
        }
        match address.segments.as_slice() {
            [handle] => *handle,
            [_, "status", ..] => return Err(Problem::Post),
            _ => return Err(Problem::Shape),
        }
    } else {
        text
    };
    let valid = (1..=15).contains(&handle.len())
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !X_RESERVED.contains(&handle.to_ascii_lowercase().as_str());
    if valid {
        Ok(())
    } else {
        Err(Problem::Shape)
    }
}

/// An Instagram (and Threads) username: 1–30 letters, digits, dots or underscores, not starting
/// or ending with a dot, no two dots in a row.
fn instagram_handle(handle: &str) -> bool {
    (1..=30).contains(&handle.len())
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
        && !handle.starts_with('.')
        && !handle.ends_with('.')
        && !handle.contains("..")
}

fn instagram_address(text: &str) -> Result<(), Problem> {
    let handle = if let Some(handle) = text.strip_prefix('@') {
        handle
    } else if written_as_link(text) {
        let address = web_address(text).ok_or(Problem::Shape)?;
        if network_of_host(&address.host) != Some(Network::Instagram) {
            return Err(Problem::Shape);
        }
        match address.segments.as_slice() {
            ["p" | "reel" | "reels" | "tv" | "stories", ..] => return Err(Problem::Post),
            ["explore" | "accounts" | "direct" | "about" | "legal", ..] => {
                return Err(Problem::Shape)
            }
            [handle, ..] => *handle,
            [] => return Err(Problem::Shape),
        }
    } else {
        text
    };
    if instagram_handle(handle) {
        Ok(())
    } else {
        Err(Problem::Shape)
    }
}

fn threads_address(text: &str) -> Result<(), Problem> {
    let handle = if let Some(handle) = text.strip_prefix('@') {
        handle
    } else if written_as_link(text) {
        let address = web_address(text).ok_or(Problem::Shape)?;
        if network_of_host(&address.host) != Some(Network::Threads) {
            return Err(Problem::Shape);
        }
        match address.segments.as_slice() {
            [_, "post", ..] => return Err(Problem::Post),
            [handle] => handle.strip_prefix('@').unwrap_or(handle),
            _ => return Err(Problem::Shape),
        }
    } else {
        text
    };
    if instagram_handle(handle) {
        Ok(())
    } else {
        Err(Problem::Shape)
    }
}

/// A YouTube handle without its `@`: 3–30 letters, digits, dots, hyphens or underscores.
fn youtube_handle(handle: &str) -> bool {
    (3..=30).contains(&handle.len())
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

fn youtube_address(text: &str) -> Result<(), Problem> {
    if let Some(handle) = text.strip_prefix('@') {
        return if youtube_handle(handle) {
            Ok(())
        } else {
            Err(Problem::Shape)
        };
    }
    if !written_as_link(text) {
        return Err(Problem::Shape);
    }
    let address = web_address(text).ok_or(Problem::Shape)?;
    if host_is(&address.host, "youtu.be") {
        return Err(Problem::Video);
    }
    if !host_is(&address.host, "youtube.com") {
        return Err(Problem::Shape);
    }
    let valid = match address.segments.as_slice() {
        [first, ..] if first.starts_with('@') => youtube_handle(&first[1..]),
        ["channel", id, ..] => {
            id.len() == 24
                && id.starts_with("UC")
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        }
        ["c" | "user", name, ..] => !name.is_empty(),
        ["watch" | "shorts" | "live" | "embed" | "playlist", ..] => return Err(Problem::Video),
        _ => false,
    };
    if valid {
        Ok(())
    } else {
        Err(Problem::Shape)
    }
}

/// A domain name with at least two labels (`name.bsky.social`, `company.com`); letters of any
/// alphabet are allowed; the last label is letters only (or punycode).
pub(crate) fn is_domain(text: &str) -> bool {
    let labels: Vec<&str> = text.split('.').collect();
    let tld_ok = labels.last().is_some_and(|tld| {
        (tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
            || (tld.len() > 4 && tld.to_ascii_lowercase().starts_with("xn--"))
    });
    labels.len() >= 2
        && text.len() <= 253
        && tld_ok
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

fn bluesky_address(text: &str) -> Result<(), Problem> {
    let handle = text.strip_prefix('@').unwrap_or(text);
    if !written_as_link(handle) {
        return if is_domain(handle) {
            Ok(())
        } else {
            Err(Problem::Shape)
        };
    }
    let address = web_address(text).ok_or(Problem::Shape)?;
    if !host_is(&address.host, "bsky.app") {
        return Err(Problem::Shape);
    }
    match address.segments.as_slice() {
        ["profile", _, "post", ..] => Err(Problem::Post),
        ["profile", actor] if is_domain(actor) || is_did(actor) => Ok(()),
        _ => Err(Problem::Shape),
    }
}

/// A decentralised identifier, as Bluesky shows for accounts: `did:plc:…` or `did:web:…`.
fn is_did(text: &str) -> bool {
    (text.starts_with("did:plc:") || text.starts_with("did:web:"))
        && text.len() > 8
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'.' | b'-' | b'_'))
}

/// A Mastodon username: 1–30 letters, digits or underscores.
fn mastodon_user(user: &str) -> bool {
    (1..=30).contains(&user.len()) && user.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn mastodon_address(text: &str) -> Result<(), Problem> {
    if let Some(handle) = text.strip_prefix('@') {
        return match handle.split_once('@') {
            Some((user, server)) if mastodon_user(user) && is_domain(server) => Ok(()),
            _ => Err(Problem::Shape),
        };
    }
    if !written_as_link(text) {
        return Err(Problem::Shape);
    }
    let address = web_address(text).ok_or(Problem::Shape)?;
    if !is_domain(&address.host) {
        return Err(Problem::Shape);
    }
    match address.segments.as_slice() {
        [first, rest @ ..] if first.starts_with('@') && mastodon_user(&first[1..]) => {
            match rest.first() {
                Some(next) if next.bytes().all(|b| b.is_ascii_digit()) => Err(Problem::Post),
                _ => Ok(()),
            }
        }
        ["users", user] if mastodon_user(user) => Ok(()),
        _ => Err(Problem::Shape),
    }
}

/// Text that a person meant as a link: it has a scheme, or starts with `http` or `www.`.
fn starts_like_a_link(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    text.contains("://")
        || lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("www.")
}

/// A well-formed `http(s)://host/…` or `www.host/…` link. Single-word hosts (`http://intranet/…`)
/// are fine: intranets often have them.
fn is_web_link(text: &str) -> bool {
    if text.chars().any(char::is_whitespace) {
        return false;
    }
    let rest = match text.split_once("://") {
        Some((scheme, rest))
            if scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http") =>
        {
            rest
        }
        Some(_) => return false,
        None => text,
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let host = match host.rsplit_once(':') {
        Some((name, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && (!host.to_ascii_lowercase().starts_with("www.") || host.split('.').count() >= 3)
}

/// Checks an e-mail address. Blank is fine (the address is optional); otherwise the error is a
/// sentence for the user.
pub fn validate_email(email: &str) -> Result<(), String> {
    const SHAPE: &str = "E-mail addresses look like name@company.com.";
    let text = email.trim();
    if text.is_empty() {
        return Ok(());
    }
    if text.chars().any(char::is_whitespace) {
        return Err(format!("An e-mail address has no spaces. {SHAPE}"));
    }
    let Some((local, domain)) = text.rsplit_once('@') else {
        return Err(format!("An e-mail address needs an @. {SHAPE}"));
    };
    if local.contains('@') {
        return Err(format!("An e-mail address has only one @. {SHAPE}"));
    }
    if local.is_empty() {
        return Err(format!("The name before the @ is missing. {SHAPE}"));
    }
    let local_ok = !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().count() <= 64
        && local
            .chars()
            .all(|c| !c.is_control() && !"()<>[]\\,;:\"".contains(c));
    if !local_ok {
        return Err(format!(
            "The name before the @ has characters an e-mail address cannot have. {SHAPE}"
        ));
    }
    if !is_domain(domain) {
        return Err(format!(
            "The part after the @ is not a domain name like company.com. {SHAPE}"
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The outreach pipeline

impl OutreachStage {
    /// The stage an executive usually moves to next: the next step forward, or a fresh contact after
    /// a "declined" or "not now".
    pub fn next(self) -> OutreachStage {
        match self {
            OutreachStage::NotContacted | OutreachStage::Declined | OutreachStage::NotNow => {
                OutreachStage::Contacted
            }
            OutreachStage::Contacted => OutreachStage::Interested,
            OutreachStage::Interested | OutreachStage::Committed => OutreachStage::Committed,
        }
    }

    /// Every stage, in the order of the pipeline (the two ways out last).
    pub const ALL: [OutreachStage; 6] = [
        OutreachStage::NotContacted,
        OutreachStage::Contacted,
        OutreachStage::Interested,
        OutreachStage::Committed,
        OutreachStage::Declined,
        OutreachStage::NotNow,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OutreachStage::NotContacted => "Not contacted",
            OutreachStage::Contacted => "Contacted",
            OutreachStage::Interested => "Interested",
            OutreachStage::Committed => "Committed",
            OutreachStage::Declined => "Declined",
            OutreachStage::NotNow => "Not now",
        }
    }

    /// The id used in stored data (`"not_contacted"`, …) and CSS.
    pub fn key(self) -> &'static str {
        match self {
            OutreachStage::NotContacted => "not_contacted",
            OutreachStage::Contacted => "contacted",
            OutreachStage::Interested => "interested",
            OutreachStage::Committed => "committed",
            OutreachStage::Declined => "declined",
            OutreachStage::NotNow => "not_now",
        }
    }
}

/// Where the executive is in the outreach: the last recorded change, or not contacted.
pub fn current_stage(executive: &Executive) -> OutreachStage {
    executive
        .outreach
        .last()
        .map_or(OutreachStage::NotContacted, |change| change.stage)
}

/// Since when the executive has been at their current stage: the date of the change that brought
/// them there (the earliest of a run of changes to the same stage). `None` when never contacted.
pub fn stage_since(executive: &Executive) -> Option<NaiveDate> {
    let current = executive.outreach.last()?.stage;
    executive
        .outreach
        .iter()
        .rev()
        .take_while(|change| change.stage == current)
        .last()
        .map(|change| change.on)
}

/// Moves the executive to `stage` on `on`, recording the change; nothing happens when they are
/// already at that stage. (Stamp the edit through [`crate::model::Programme::edit_executive`].)
pub fn set_stage(executive: &mut Executive, stage: OutreachStage, on: NaiveDate) {
    if current_stage(executive) != stage {
        executive.outreach.push(OutreachChange { stage, on });
    }
}

/// How many executives are at each stage, for every stage in [`OutreachStage::ALL`] order (zero
/// counts included). Tombstones are not counted.
pub fn pipeline_summary<'a>(
    executives: impl IntoIterator<Item = &'a Executive>,
) -> Vec<(OutreachStage, usize)> {
    let mut counts = OutreachStage::ALL.map(|stage| (stage, 0usize));
    for executive in executives.into_iter().filter(|e| !e.deleted) {
        let stage = current_stage(executive);
        if let Some(slot) = counts.iter_mut().find(|(s, _)| *s == stage) {
            slot.1 += 1;
        }
    }
    counts.to_vec()
}

// ---------------------------------------------------------------------------------------------
// The natural score

/// Posts in 30 days (over all networks) that earn full activity marks: about three a week.
pub const ACTIVITY_FULL_MARKS_POSTS: u32 = 12;
/// Followers on the largest network that earn full reach marks (the scale is logarithmic).
pub const REACH_FULL_MARKS_FOLLOWERS: u64 = 10_000;
/// The engagement rate (average engagement per post ÷ followers) that earns full marks: 3%.
pub const ENGAGEMENT_FULL_MARKS_RATE: f64 = 0.03;
/// The largest weight; a larger stored weight counts as this.
pub const MAX_WEIGHT: u8 = 10;
/// A score from this up is a natural.
pub const NATURAL_THRESHOLD: u8 = 65;
/// A score from this up (and below [`NATURAL_THRESHOLD`]) is warm; below is needs convincing.
pub const WARM_THRESHOLD: u8 = 40;

/// One of the five things the natural score is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Component {
    Completeness,
    Activity,
    Reach,
    Engagement,
    Willingness,
}

impl Component {
    pub const ALL: [Component; 5] = [
        Component::Completeness,
        Component::Activity,
        Component::Reach,
        Component::Engagement,
        Component::Willingness,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Component::Completeness => "Profile completeness",
            Component::Activity => "Activity",
            Component::Reach => "Reach",
            Component::Engagement => "Engagement",
            Component::Willingness => "Willingness",
        }
    }

    /// One sentence on what the component measures and what earns full marks.
    pub fn description(self) -> String {
        match self {
            Component::Completeness => {
                "How complete their profiles are, from the audit checklists (average over the profiles in use).".to_string()
            }
            Component::Activity => format!(
                "Posts in the last 30 days, all networks together; {ACTIVITY_FULL_MARKS_POSTS} or more earn full marks."
            ),
            Component::Reach => format!(
                "Followers on their largest network, on a logarithmic scale (100 = half marks, {} = full marks), so one very large audience does not flatten everyone else.",
                format_count(REACH_FULL_MARKS_FOLLOWERS)
            ),
            Component::Engagement => format!(
                "Average engagement per post as a share of followers, on their best network; {}% or more earns full marks.",
                format_decimal(ENGAGEMENT_FULL_MARKS_RATE * 100.0)
            ),
            Component::Willingness => {
                "Their willingness to experiment, from 1 (reluctant) to 5 (eager).".to_string()
            }
        }
    }
}

impl NaturalWeights {
    /// The weight of one component, 0–[`MAX_WEIGHT`] (a larger stored value reads as the maximum).
    pub fn get(&self, component: Component) -> u8 {
        let weight = match component {
            Component::Completeness => self.completeness,
            Component::Activity => self.activity,
            Component::Reach => self.reach,
            Component::Engagement => self.engagement,
            Component::Willingness => self.willingness,
        };
        weight.min(MAX_WEIGHT)
    }

    /// Sets the weight of one component, clamped to 0–[`MAX_WEIGHT`].
    pub fn set(&mut self, component: Component, value: u8) {
        let value = value.min(MAX_WEIGHT);
        match component {
            Component::Completeness => self.completeness = value,
            Component::Activity => self.activity = value,
            Component::Reach => self.reach = value,
            Component::Engagement => self.engagement = value,
            Component::Willingness => self.willingness = value,
        }
    }

    /// `true` when the weights are the defaults (the "reset" button has nothing to do).
    pub fn is_default(&self) -> bool {
        Component::ALL
            .iter()
            .all(|&c| self.get(c) == NaturalWeights::default().get(c))
    }

    /// The sum of the weights, as the score uses them.
    pub fn total(&self) -> u32 {
        Component::ALL.iter().map(|&c| u32::from(self.get(c))).sum()
    }
}

/// The tier an executive's score puts them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tier {
    Natural,
    Warm,
    NeedsConvincing,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Natural, Tier::Warm, Tier::NeedsConvincing];

    /// The tier of a score: natural from [`NATURAL_THRESHOLD`], warm from [`WARM_THRESHOLD`].
    pub fn of(total: u8) -> Tier {
        if total >= NATURAL_THRESHOLD {
            Tier::Natural
        } else if total >= WARM_THRESHOLD {
            Tier::Warm
        } else {
            Tier::NeedsConvincing
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tier::Natural => "Natural",
            Tier::Warm => "Warm",
            Tier::NeedsConvincing => "Needs convincing",
        }
    }

    /// The score range of the tier, e.g. "65–100".
    pub fn range(self) -> String {
        match self {
            Tier::Natural => format!("{NATURAL_THRESHOLD}–100"),
            Tier::Warm => format!("{WARM_THRESHOLD}–{}", NATURAL_THRESHOLD - 1),
            Tier::NeedsConvincing => format!("0–{}", WARM_THRESHOLD - 1),
        }
    }
}

/// One component of an executive's natural score: the "why this score" line.
#[derive(Clone, Debug, PartialEq)]
pub struct ComponentScore {
    pub component: Component,
    /// 0 to 1; `None` when the data behind it is missing (it then earns no points).
    pub value: Option<f64>,
    /// The weight used (0–[`MAX_WEIGHT`]).
    pub weight: u8,
    /// The points this component adds to the 0–100 total.
    pub points: f64,
    /// The most points it could add with full marks (its share of the total weight).
    pub max_points: f64,
    /// What the value rests on, in words, e.g. "1,240 followers on LinkedIn, their largest network
    /// (log scale: 10,000 = full marks)".
    pub explanation: String,
}

impl ComponentScore {
    /// The value as a whole percentage, `None` when missing.
    pub fn percent(&self) -> Option<u8> {
        self.value
            .map(|v| (v * 100.0).round().clamp(0.0, 100.0) as u8)
    }

    pub fn is_missing(&self) -> bool {
        self.value.is_none()
    }
}

/// An executive's natural score with its breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct NaturalScore {
    /// 0–100.
    pub total: u8,
    pub tier: Tier,
    /// One line per component, in [`Component::ALL`] order.
    pub components: Vec<ComponentScore>,
}

impl NaturalScore {
    pub fn component(&self, component: Component) -> Option<&ComponentScore> {
        self.components.iter().find(|c| c.component == component)
    }

    /// The components whose data is missing, to prompt the user to fill them in.
    pub fn missing(&self) -> Vec<Component> {
        self.components
            .iter()
            .filter(|c| c.value.is_none())
            .map(|c| c.component)
            .collect()
    }
}

/// A value in 0..=1, whatever arithmetic produced it (NaN counts as 0).
fn unit(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The reach value of a follower count: log10(1 + followers) ÷ log10(1 + reference), capped at 1.
pub fn reach_value(followers: u64) -> f64 {
    unit((1.0 + followers as f64).log10() / (1.0 + REACH_FULL_MARKS_FOLLOWERS as f64).log10())
}

/// A profile's engagement rate (average engagement per post ÷ followers), when both are known and
/// make sense: followers above 0 and engagement a finite number ≥ 0.
pub fn engagement_rate(profile: &Profile) -> Option<f64> {
    let followers = profile.followers.filter(|&f| f > 0)?;
    let engagement = profile
        .avg_engagement
        .filter(|e| e.is_finite() && *e >= 0.0)?;
    let rate = engagement / followers as f64;
    rate.is_finite().then_some(rate)
}

/// A network's name inside a sentence: "LinkedIn", "the intranet", "another network".
fn network_in_sentence(network: Network) -> &'static str {
    match network {
        Network::Intranet => "the intranet",
        Network::Other => "another network",
        other => other.label(),
    }
}

/// A network's name at the start of a list item: "LinkedIn", "Intranet", "Other".
fn network_short(network: Network) -> &'static str {
    match network {
        Network::Intranet => "Intranet",
        other => other.label(),
    }
}

/// "1 post", "12 posts".
fn posts(count: u64) -> String {
    if count == 1 {
        "1 post".to_string()
    } else {
        format!("{} posts", format_count(count))
    }
}

/// A rate as a percentage with one decimal at most: 0.0213 → "2.1%".
fn percent_text(rate: f64) -> String {
    format!("{}%", format_decimal(rate * 100.0))
}

fn completeness_part(executive: &Executive) -> (Option<f64>, String) {
    let in_use: Vec<&Profile> = executive
        .profiles
        .iter()
        .filter(|p| profile_in_use(p))
        .collect();
    if in_use.is_empty() {
        return (
            None,
            "No profile recorded yet: add a profile address or tick audit items.".to_string(),
        );
    }
    let fractions: Vec<f64> = in_use
        .iter()
        .map(|p| {
            let (done, total) = audit_progress(p);
            if total == 0 {
                0.0
            } else {
                done as f64 / total as f64
            }
        })
        .collect();
    let mean = unit(fractions.iter().sum::<f64>() / fractions.len() as f64);
    let each: Vec<String> = in_use
        .iter()
        .map(|p| format!("{} {}%", network_short(p.network), completeness(p)))
        .collect();
    let explanation = if in_use.len() == 1 {
        format!(
            "{} profile {}% complete.",
            in_use[0].network.label(),
            completeness(in_use[0])
        )
    } else {
        format!(
            "Profiles {}% complete on average ({}).",
            (mean * 100.0).round() as u8,
            each.join(", ")
        )
    };
    (Some(mean), explanation)
}

fn activity_part(executive: &Executive) -> (Option<f64>, String) {
    let counted: Vec<u64> = executive
        .profiles
        .iter()
        .filter_map(|p| p.posts_30d.map(u64::from))
        .collect();
    if counted.is_empty() {
        return (
            None,
            "Posts in the last 30 days not recorded yet.".to_string(),
        );
    }
    let total: u64 = counted.iter().sum();
    let value = unit(total as f64 / f64::from(ACTIVITY_FULL_MARKS_POSTS));
    let networks = if counted.len() == 1 {
        String::new()
    } else {
        format!(" across {} networks", counted.len())
    };
    (
        Some(value),
        format!(
            "{} in the last 30 days{networks} ({ACTIVITY_FULL_MARKS_POSTS} or more = full marks).",
            posts(total)
        ),
    )
}

fn reach_part(executive: &Executive) -> (Option<f64>, String) {
    let largest = executive
        .profiles
        .iter()
        .filter_map(|p| p.followers.map(|f| (f, p.network)))
        .max_by_key(|(f, _)| *f);
    let Some((followers, network)) = largest else {
        return (None, "Followers not recorded yet.".to_string());
    };
    let counted = executive
        .profiles
        .iter()
        .filter(|p| p.followers.is_some())
        .count();
    let on = if counted > 1 {
        format!("on {}, their largest network", network_in_sentence(network))
    } else {
        format!("on {}", network_in_sentence(network))
    };
    let noun = if followers == 1 {
        "follower"
    } else {
        "followers"
    };
    (
        Some(reach_value(followers)),
        format!(
            "{} {noun} {on} (log scale: 100 = half marks, {} = full marks).",
            format_count(followers),
            format_count(REACH_FULL_MARKS_FOLLOWERS)
        ),
    )
}

fn engagement_part(executive: &Executive) -> (Option<f64>, String) {
    let best = executive
        .profiles
        .iter()
        .filter_map(|p| engagement_rate(p).map(|rate| (rate, p.network)))
        .max_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(Ordering::Equal));
    let Some((rate, network)) = best else {
        return (
            None,
            "Engagement not recorded yet: it needs the average engagement per post and the followers on the same network.".to_string(),
        );
    };
    (
        Some(unit(rate / ENGAGEMENT_FULL_MARKS_RATE)),
        format!(
            "{} of followers engage with an average post on {} ({} = full marks).",
            percent_text(rate),
            network_in_sentence(network),
            percent_text(ENGAGEMENT_FULL_MARKS_RATE)
        ),
    )
}

fn willingness_part(executive: &Executive) -> (Option<f64>, String) {
    match executive.willingness {
        Some(w @ 1..=5) => (
            Some(f64::from(w - 1) / 4.0),
            format!("Willingness {w} of 5 (5 = full marks, 1 = none)."),
        ),
        _ => (None, "Willingness not assessed yet.".to_string()),
    }
}

/// The executive's natural score under `weights`: see the [module documentation](self) for the
/// formula. Never panics and never produces NaN, whatever the data.
pub fn natural_score(executive: &Executive, weights: &NaturalWeights) -> NaturalScore {
    let total_weight = weights.total();
    let components: Vec<ComponentScore> = Component::ALL
        .iter()
        .map(|&component| {
            let (value, explanation) = match component {
                Component::Completeness => completeness_part(executive),
                Component::Activity => activity_part(executive),
                Component::Reach => reach_part(executive),
                Component::Engagement => engagement_part(executive),
                Component::Willingness => willingness_part(executive),
            };
            let value = value.map(unit);
            let weight = weights.get(component);
            let max_points = if total_weight == 0 {
                0.0
            } else {
                100.0 * f64::from(weight) / f64::from(total_weight)
            };
            ComponentScore {
                component,
                value,
                weight,
                points: max_points * value.unwrap_or(0.0),
                max_points,
                explanation,
            }
        })
        .collect();
    let sum: f64 = components.iter().map(|c| c.points).sum();
    let total = if sum.is_finite() {
        sum.round().clamp(0.0, 100.0) as u8
    } else {
        0
    };
    NaturalScore {
        total,
        tier: Tier::of(total),
        components,
    }
}

/// The live executives ranked for outreach, best first: by score, then willingness (not assessed
/// last), then name (ignoring case), then id — so the order never depends on the roster's order.
pub fn outreach_order(
    executives: &[Executive],
    weights: &NaturalWeights,
) -> Vec<(Uuid, NaturalScore)> {
    let mut ranked: Vec<(&Executive, NaturalScore, String)> = executives
        .iter()
        .filter(|e| !e.deleted)
        .map(|e| (e, natural_score(e, weights), e.name.trim().to_lowercase()))
        .collect();
    ranked.sort_by(|(a, score_a, name_a), (b, score_b, name_b)| {
        score_b
            .total
            .cmp(&score_a.total)
            .then_with(|| willingness_rank(b).cmp(&willingness_rank(a)))
            .then_with(|| name_a.cmp(name_b))
            .then_with(|| a.id.cmp(&b.id))
    });
    ranked
        .into_iter()
        .map(|(executive, score, _)| (executive.id, score))
        .collect()
}

/// Willingness for ordering: 1–5, or 0 when not assessed (or out of range).
fn willingness_rank(executive: &Executive) -> u8 {
    executive
        .willingness
        .filter(|w| (1..=5).contains(w))
        .unwrap_or(0)
}

/// Competition-style ranks for scores in ranked order: equal totals share a rank and the next rank
/// skips (1, 2, 2, 4).
pub fn ranks(totals: &[u8]) -> Vec<usize> {
    let mut out = Vec::with_capacity(totals.len());
    for (i, total) in totals.iter().enumerate() {
        let rank = match (i, out.last()) {
            (0, _) | (_, None) => 1,
            (_, Some(&previous)) if totals[i - 1] == *total => previous,
            _ => i + 1,
        };
        out.push(rank);
    }
    out
}
