//! The demo programme: a fictional company with a realistic executive roster, for workshops and for a
//! first look at the app. Every name here is invented.
//!
//! Step 1 data is chosen so that the ranking tells a story: the CTO is the clear natural, the CMO
//! and the head of customer success follow, the CEO has the largest audience but little time, and
//! the CFO and the General Counsel need convincing (one declined, one said "not now").
//!
//! Steps 2 and 3: every executive has goals, audiences, an emphasis and three to five themes; the
//! programme holds the starter library plus three in-house results (fictional, and marked so), and
//! the CEO has pinned one figure to the top of her proof pack.
//!
//! Step 6: the "Northwind social league", a monthly competition among the executives who committed
//! or are interested. The four months before the one containing `now` are closed with their winners
//! named — the CTO wins the first; the CTO and the CMO tie for the second (which was reopened once
//! to add a late figure, and the history shows it); the head of customer success wins the third on
//! the strength of the intranet; the CMO wins the last, with the CEO as the most improved — and the
//! current month is running, partly filled in.

use super::competition::{new_kpi, Competition, Kpi, KpiKind};
use super::dates::iso_date;
use super::evidence::{load_starter, Evidence, Origin, Scope};
use super::goals::{Audience, Emphasis, Goal, GoalKind};
use super::naturals::{current_stage, OutreachChange, OutreachStage, Profile};
use super::programme::{Executive, Network, NewProgramme, Programme};
use super::record::Timestamp;
use chrono::{Datelike, Duration, NaiveDate};
use uuid::Uuid;

/// Marks the demo so that the UI can say "demo data" and users never mistake it for their own.
pub const DEMO_COMPANY: &str = "Northwind Analytics (demo)";

struct DemoExecutive {
    name: &'static str,
    title: &'static str,
    department: &'static str,
    email: &'static str,
    notes: &'static str,
    consent: bool,
    willingness: Option<u8>,
    profiles: &'static [DemoProfile],
    /// Outreach changes as (stage, days before `now`), oldest first.
    outreach: &'static [(OutreachStage, i64)],
    /// Step 2: goals as (kind, detail), audiences, emphasis and content themes.
    goals: &'static [(GoalKind, &'static str)],
    audiences: &'static [Audience],
    emphasis: Emphasis,
    themes: &'static [&'static str],
}

struct DemoProfile {
    network: Network,
    address: &'static str,
    followers: Option<u64>,
    posts_30d: Option<u32>,
    avg_engagement: Option<f64>,
    audit: &'static [&'static str],
}

const fn profile(
    network: Network,
    address: &'static str,
    followers: u64,
    posts_30d: u32,
    avg_engagement: Option<f64>,
    audit: &'static [&'static str],
) -> DemoProfile {
    DemoProfile {
        network,
        address,
        followers: Some(followers),
        posts_30d: Some(posts_30d),
        avg_engagement,
        audit,
    }
}

use Audience::{Candidates, Customers, Employees, Investors, Media, Partners, Prospects};
use GoalKind::{
    Custom, CustomerLoyalty, InvestorConfidence, LaunchProduct, LeadChange, PartnerEcosystem,
    RecruitTalent, ThoughtLeadership, WinDeals,
};
use Network::{Intranet, Linkedin, Youtube, X};
use OutreachStage::{Committed, Contacted, Declined, Interested, NotNow};

const ROSTER: [DemoExecutive; 10] = [
    DemoExecutive {
        name: "Amara Okafor",
        title: "Chief Executive Officer",
        department: "Executive office",
        email: "amara.okafor@northwind.example",
        notes: "Speaks at two industry events a year; keen but short on time.",
        consent: true,
        willingness: Some(3),
        profiles: &[
            profile(
                Linkedin,
                "https://www.linkedin.com/in/amara-okafor-northwind",
                24_500,
                1,
                Some(310.0),
                &["photo", "headline", "about", "current_role", "custom_url"],
            ),
            profile(
                X,
                "@amaraokafor",
                5_800,
                0,
                None,
                &["photo", "display_name", "bio"],
            ),
        ],
        outreach: &[(Contacted, 38), (Interested, 30), (Committed, 24)],
        goals: &[
            (InvestorConfidence, ""),
            (CustomerLoyalty, ""),
            (LeadChange, ""),
        ],
        audiences: &[Investors, Customers, Employees, Media],
        emphasis: Emphasis::Balanced,
        themes: &[
            "Northwind's strategy and results",
            "Customer stories",
            "Responsible AI in forecasting",
            "What I learn from our teams",
        ],
    },
    DemoExecutive {
        name: "Lukas Brandt",
        title: "Chief Technology Officer",
        department: "Engineering",
        email: "lukas.brandt@northwind.example",
        notes: "Already blogs on the engineering site; ideal first natural.",
        consent: true,
        willingness: Some(5),
        profiles: &[
            profile(
                Linkedin,
                "https://www.linkedin.com/in/lukas-brandt",
                6_400,
                8,
                Some(190.0),
                &[
                    "photo",
                    "banner",
                    "headline",
                    "about",
                    "current_role",
                    "featured",
                    "custom_url",
                    "contact_info",
                ],
            ),
            profile(
                X,
                "https://x.com/lukasbrandt_dev",
                2_900,
                14,
                Some(41.0),
                &[
                    "photo",
                    "header",
                    "display_name",
                    "bio",
                    "pinned_post",
                    "link",
                ],
            ),
            profile(
                Intranet,
                "https://intranet.northwind.example/people/lukas.brandt",
                1_100,
                5,
                Some(48.0),
                &[
                    "photo",
                    "role",
                    "about",
                    "expertise",
                    "communities",
                    "first_post",
                ],
            ),
            profile(
                Youtube,
                "@lukasbuilds",
                1_250,
                2,
                Some(85.0),
                &[
                    "photo",
                    "banner",
                    "handle",
                    "description",
                    "links",
                    "playlists",
                ],
            ),
        ],
        outreach: &[(Contacted, 52), (Interested, 48), (Committed, 45)],
        goals: &[
            (ThoughtLeadership, "data platform engineering"),
            (RecruitTalent, ""),
        ],
        audiences: &[Candidates, Prospects, Partners, Media],
        emphasis: Emphasis::External,
        themes: &[
            "Data platform architecture",
            "Engineering culture",
            "Open source",
            "Lessons from production incidents",
        ],
    },
    DemoExecutive {
        name: "Priya Raman",
        title: "Chief People Officer",
        department: "People",
        email: "priya.raman@northwind.example",
        notes: "Wants help with recruiting in Bangalore and Lisbon.",
        consent: true,
        willingness: Some(3),
        profiles: &[
            profile(
                Linkedin,
                "linkedin.com/in/priyaraman",
                3_900,
                2,
                Some(25.0),
                &[
                    "photo",
                    "banner",
                    "headline",
                    "about",
                    "current_role",
                    "custom_url",
                    "skills",
                ],
            ),
            profile(
                Intranet,
                "https://intranet.northwind.example/people/priya.raman",
                800,
                1,
                Some(14.0),
                &["photo", "role", "about", "contact_details", "first_post"],
            ),
        ],
        outreach: &[(Contacted, 14)],
        goals: &[(RecruitTalent, ""), (LeadChange, "")],
        audiences: &[Candidates, Employees],
        emphasis: Emphasis::Balanced,
        themes: &[
            "Hiring in Bangalore and Lisbon",
            "Hybrid work that works",
            "Learning and growth",
        ],
    },
    DemoExecutive {
        name: "Daniel Whitfield",
        title: "Chief Financial Officer",
        department: "Finance",
        email: "daniel.whitfield@northwind.example",
        notes: "Cautious: asks what legal allows before results.",
        consent: false,
        willingness: Some(2),
        profiles: &[profile(
            Linkedin,
            "https://www.linkedin.com/in/daniel-whitfield-cfo",
            1_800,
            0,
            None,
            &["photo", "current_role", "custom_url"],
        )],
        outreach: &[(Contacted, 35), (Declined, 28)],
        goals: &[(InvestorConfidence, "")],
        audiences: &[Investors, Media],
        emphasis: Emphasis::External,
        themes: &[
            "Disciplined growth",
            "Finance as a business partner",
            "Reading the numbers behind forecasting",
        ],
    },
    DemoExecutive {
        name: "Sofia Marquez",
        title: "Chief Marketing Officer",
        department: "Marketing",
        email: "sofia.marquez@northwind.example",
        notes: "Champion of the programme; owns the brand pages.",
        consent: true,
        willingness: Some(4),
        profiles: &[
            profile(
                Linkedin,
                "https://www.linkedin.com/in/sofia-marquez",
                12_800,
                6,
                Some(260.0),
                &[
                    "photo",
                    "banner",
                    "headline",
                    "about",
                    "current_role",
                    "featured",
                    "custom_url",
                    "contact_info",
                    "skills",
                ],
            ),
            profile(
                X,
                "@sofiamarquez",
                4_100,
                10,
                Some(30.0),
                &["photo", "header", "display_name", "bio", "link"],
            ),
            profile(
                Intranet,
                "https://intranet.northwind.example/people/sofia.marquez",
                2_800,
                6,
                Some(52.0),
                &["photo", "role", "about", "communities", "first_post"],
            ),
        ],
        outreach: &[(Contacted, 52), (Committed, 50)],
        goals: &[
            (CustomerLoyalty, ""),
            (LaunchProduct, "the forecasting suite"),
            (ThoughtLeadership, "B2B marketing"),
        ],
        audiences: &[Customers, Prospects, Media],
        emphasis: Emphasis::External,
        themes: &[
            "Customer stories",
            "B2B marketing that respects the buyer",
            "The forecasting suite launch",
            "Brand and data",
        ],
    },
    DemoExecutive {
        name: "Kenji Watanabe",
        title: "VP Sales, APAC",
        department: "Sales",
        email: "kenji.watanabe@northwind.example",
        notes: "Active on LinkedIn in Japanese and English.",
        consent: true,
        willingness: Some(4),
        profiles: &[
            profile(
                Linkedin,
                "https://jp.linkedin.com/in/kenji-watanabe-apac",
                8_700,
                5,
                Some(75.0),
                &[
                    "photo",
                    "headline",
                    "about",
                    "current_role",
                    "custom_url",
                    "skills",
                ],
            ),
            profile(
                Intranet,
                "https://intranet.northwind.example/people/kenji.watanabe",
                300,
                0,
                None,
                &["photo", "role"],
            ),
        ],
        outreach: &[(Contacted, 30), (Committed, 21)],
        goals: &[(WinDeals, ""), (PartnerEcosystem, "")],
        audiences: &[Prospects, Customers, Partners],
        emphasis: Emphasis::External,
        themes: &[
            "Supply-chain forecasting in APAC",
            "Customer wins",
            "Partner success",
            "Japan market insights",
        ],
    },
    DemoExecutive {
        name: "Hannah Lindqvist",
        title: "VP Product",
        department: "Product",
        email: "hannah.lindqvist@northwind.example",
        notes: "Launching the forecasting suite in spring.",
        consent: true,
        willingness: Some(4),
        profiles: &[
            profile(
                Linkedin,
                "https://www.linkedin.com/in/hannahlindqvist/",
                2_300,
                3,
                Some(40.0),
                &[
                    "photo",
                    "headline",
                    "about",
                    "current_role",
                    "featured",
                    "custom_url",
                ],
            ),
            profile(
                Intranet,
                "https://intranet.northwind.example/people/hannah.lindqvist",
                450,
                2,
                Some(9.0),
                &["photo", "role", "about", "first_post"],
            ),
        ],
        outreach: &[(Contacted, 20), (Interested, 12)],
        goals: &[
            (LaunchProduct, "the forecasting suite"),
            (CustomerLoyalty, ""),
        ],
        audiences: &[Customers, Prospects],
        emphasis: Emphasis::External,
        themes: &[
            "The forecasting suite",
            "Product discovery",
            "What customers taught us",
        ],
    },
    DemoExecutive {
        name: "Marcus Bell",
        title: "General Counsel",
        department: "Legal",
        email: "marcus.bell@northwind.example",
        notes: "Not now — revisit after the annual report.",
        consent: false,
        willingness: Some(1),
        profiles: &[profile(
            Linkedin,
            "https://www.linkedin.com/in/marcus-bell-legal",
            950,
            0,
            None,
            &["photo", "current_role"],
        )],
        outreach: &[(Contacted, 35), (NotNow, 31)],
        goals: &[(Custom, "Make compliance a reason customers trust us")],
        audiences: &[Customers, Employees],
        emphasis: Emphasis::Internal,
        themes: &[
            "Data protection in plain words",
            "Compliance as a team sport",
            "Ethics in AI",
        ],
    },
    DemoExecutive {
        name: "Chloé Dubois",
        title: "VP Customer Success",
        department: "Customer success",
        email: "chloe.dubois@northwind.example",
        notes: "Shares customer wins on the intranet every week.",
        consent: true,
        willingness: Some(4),
        profiles: &[
            profile(
                Intranet,
                "https://intranet.northwind.example/people/chloe.dubois",
                1_900,
                6,
                Some(35.0),
                &[
                    "photo",
                    "role",
                    "about",
                    "expertise",
                    "contact_details",
                    "communities",
                    "first_post",
                ],
            ),
            profile(
                Linkedin,
                "https://www.linkedin.com/in/chloe-dubois-cs",
                1_400,
                1,
                Some(12.0),
                &["photo", "headline", "about", "current_role", "custom_url"],
            ),
        ],
        outreach: &[(Contacted, 40), (Interested, 33), (Committed, 26)],
        goals: &[(CustomerLoyalty, ""), (LeadChange, "")],
        audiences: &[Customers, Employees],
        emphasis: Emphasis::Balanced,
        themes: &["Customer wins", "Team shout-outs", "Onboarding that sticks"],
    },
    DemoExecutive {
        name: "Tomasz Nowak",
        title: "Chief Operating Officer",
        department: "Operations",
        email: "tomasz.nowak@northwind.example",
        notes: "Prefers the internal network to external ones.",
        consent: true,
        willingness: Some(2),
        profiles: &[
            profile(
                Intranet,
                "https://intranet.northwind.example/people/tomasz.nowak",
                1_200,
                2,
                Some(12.0),
                &["photo", "role", "about", "contact_details", "first_post"],
            ),
            profile(
                Linkedin,
                "https://www.linkedin.com/in/tomasz-nowak-ops",
                650,
                0,
                None,
                &["photo", "current_role", "custom_url"],
            ),
        ],
        // Not approached yet: the dashboard suggests whom to approach next.
        outreach: &[],
        goals: &[(LeadChange, "")],
        audiences: &[Employees],
        emphasis: Emphasis::Internal,
        themes: &[
            "Operational excellence",
            "Safety first",
            "Continuous improvement",
        ],
    },
];

/// A fresh demo programme, dated relative to `now` so that it always looks current: it started on
/// the first day of its social league's first month, four months before the month containing `now`,
/// which is the league's running period.
pub fn demo_programme(now: Timestamp) -> Programme {
    let today = now.date_naive();
    let start = first_of_month_months_before(today, CLOSED_MONTHS);
    let mut programme = Programme::new(
        NewProgramme {
            name: "Northwind — executive social programme".into(),
            company: DEMO_COMPANY.into(),
            owner: "Jordan Reyes, Head of Communications".into(),
            start_date: Some(start),
            networks: vec![
                Network::Linkedin,
                Network::X,
                Network::Intranet,
                Network::Youtube,
            ],
        },
        now,
    );
    for (i, demo) in ROSTER.iter().enumerate() {
        // Roster order = the order the team added them, a minute apart.
        let added = now - Duration::minutes((ROSTER.len() - i) as i64);
        let mut executive = Executive::new(demo.name, added);
        executive.title = demo.title.into();
        executive.department = demo.department.into();
        executive.email = demo.email.into();
        executive.notes = demo.notes.into();
        executive.consent = demo.consent;
        executive.willingness = demo.willingness;
        executive.profiles = demo
            .profiles
            .iter()
            .map(|p| Profile {
                network: p.network,
                address: p.address.into(),
                followers: p.followers,
                posts_30d: p.posts_30d,
                avg_engagement: p.avg_engagement,
                audit: p.audit.iter().map(|key| key.to_string()).collect(),
            })
            .collect();
        executive.outreach = demo
            .outreach
            .iter()
            .map(|&(stage, days_ago)| OutreachChange {
                stage,
                on: today
                    .checked_sub_signed(Duration::days(days_ago))
                    .unwrap_or(today),
            })
            .collect();
        executive.goals = demo
            .goals
            .iter()
            .map(|&(kind, detail)| Goal::new(kind, detail))
            .collect();
        executive.audiences = demo.audiences.to_vec();
        executive.emphasis = Some(demo.emphasis);
        executive.themes = demo.themes.iter().map(|t| t.to_string()).collect();
        programme.add_executive(executive);
    }
    // Step 3: the starter library, then the team's own (fictional) results.
    load_starter(&mut programme, now - Duration::seconds(30));
    for (i, result) in IN_HOUSE.iter().enumerate() {
        let mut item = Evidence::new(
            result.title,
            Origin::InHouse,
            now - Duration::seconds(20) + Duration::milliseconds(i as i64),
        );
        item.claim = result.claim.into();
        item.figure = result.figure.into();
        item.source_name = result.source_name.into();
        item.published = today
            .checked_sub_signed(Duration::days(result.days_ago))
            .map(iso_date)
            .unwrap_or_default();
        item.scopes = result.scopes.to_vec();
        item.goals = result.goals.to_vec();
        item.audiences = result.audiences.to_vec();
        item.tags = result.tags.iter().map(|t| t.to_string()).collect();
        item.caveats = "Fictional demo data.".into();
        programme.evidence.push(item);
    }
    // The CEO wants the peer-practice figure (FTSE 100 CEOs on LinkedIn) first in her proof pack,
    // although it matches none of her goals.
    let pinned = programme
        .evidence
        .iter()
        .find(|e| e.origin == Origin::Starter { number: 12 })
        .map(|e| e.id);
    let amara = programme
        .executives
        .iter_mut()
        .find(|e| e.name == "Amara Okafor");
    if let (Some(pinned), Some(amara)) = (pinned, amara) {
        amara.pinned_evidence.push(pinned);
    }
    add_league(&mut programme, now);
    programme
}

/// An in-house result of the demo company.
struct DemoResult {
    title: &'static str,
    claim: &'static str,
    figure: &'static str,
    source_name: &'static str,
    days_ago: i64,
    scopes: &'static [Scope],
    goals: &'static [GoalKind],
    audiences: &'static [Audience],
    tags: &'static [&'static str],
}

const IN_HOUSE: [DemoResult; 3] = [
    DemoResult {
        title: "Lukas's data-platform post beat the company page",
        claim: "Lukas Brandt's LinkedIn post on the new data platform got 3× the engagement of the company page's post of the same news.",
        figure: "3× engagement",
        source_name: "Northwind LinkedIn analytics (demo data)",
        days_ago: 40,
        scopes: &[Scope::External],
        goals: &[ThoughtLeadership, RecruitTalent],
        audiences: &[Prospects, Candidates],
        tags: &["engineering"],
    },
    DemoResult {
        title: "Lisbon applicants read Priya's post",
        claim: "Of the applications for the Lisbon data team this spring, 38 mentioned Priya Raman's LinkedIn post about the new office.",
        figure: "38 applications",
        source_name: "Northwind recruiting system (demo data)",
        days_ago: 150,
        scopes: &[Scope::External],
        goals: &[RecruitTalent],
        audiences: &[Candidates],
        tags: &["Lisbon"],
    },
    DemoResult {
        title: "Customer-win posts drive intranet conversation",
        claim: "Chloé Dubois's weekly customer-win posts drew 4× the comments of the average intranet news item over the last quarter.",
        figure: "4× comments",
        source_name: "Northwind intranet analytics (demo data)",
        days_ago: 20,
        scopes: &[Scope::Internal],
        goals: &[CustomerLoyalty, LeadChange],
        audiences: &[Employees],
        tags: &["intranet"],
    },
];

// --- Step 6: the Northwind social league ---------------------------------------------------------

/// The league's name, as the dashboard and the competition page show it.
pub const DEMO_LEAGUE: &str = "Northwind social league";

/// How many whole months of the league lie before the month containing `now` (all closed).
const CLOSED_MONTHS: u32 = 4;

/// What the league counts, in the order of the values in [`LEAGUE_ACTIVITY`]. Points per unit are
/// the kinds' defaults; intranet posts are measured on the intranet, the rest on all networks.
const LEAGUE_KPIS: [KpiKind; 5] = [
    KpiKind::Posts,
    KpiKind::Comments,
    KpiKind::Reactions,
    KpiKind::Shares,
    KpiKind::IntranetPosts,
];

/// Reactions count up to this many per month: enough for an active month, not enough for a viral
/// post alone to win (the CMO and the CTO hit it, so the "why this score" shows a capped line).
const REACTIONS_CAP: u32 = 150;

/// One league member's activity: `[posts, comments, reactions, shares, intranet posts]` per month.
struct DemoLeagueActivity {
    name: &'static str,
    /// The closed months, oldest first.
    closed: [[u32; 5]; CLOSED_MONTHS as usize],
    /// The running month at a full month's pace, scaled down to the part of the month gone by;
    /// `None` = nothing entered yet.
    running: Option<[u32; 5]>,
}

/// The story in points (posts 10, comments 3, reactions 0.5 up to 150, shares 5, intranet posts 10):
///
/// | month | winner (points) | most improved |
/// |---|---|---|
/// | 1st | Lukas 291 (Sofia 260) | — (no previous month) |
/// | 2nd | Lukas and Sofia tie on 300 | Sofia +40 |
/// | 3rd | Chloé 310, on the intranet (Sofia 255) | Chloé +105.5 |
/// | 4th | Sofia 349 (Lukas 291) | Amara +149 (77 → 226) |
///
/// Priya (only contacted), Daniel (declined), Marcus (not now) and Tomasz (not contacted) are not in
/// the league.
const LEAGUE_ACTIVITY: [DemoLeagueActivity; 6] = [
    DemoLeagueActivity {
        name: "Amara Okafor",
        closed: [
            [1, 2, 35, 1, 0],
            [1, 3, 40, 0, 1],
            [2, 4, 60, 1, 1],
            [6, 12, 150, 5, 3],
        ],
        running: Some([5, 10, 120, 4, 2]),
    },
    DemoLeagueActivity {
        name: "Lukas Brandt",
        closed: [
            [8, 22, 180, 6, 4],
            [9, 20, 160, 5, 5],
            [6, 18, 130, 4, 3],
            [8, 22, 170, 6, 4],
        ],
        running: Some([9, 24, 160, 7, 5]),
    },
    DemoLeagueActivity {
        name: "Sofia Marquez",
        closed: [
            [7, 15, 140, 9, 3],
            [8, 25, 150, 8, 3],
            [7, 20, 150, 6, 2],
            [10, 28, 220, 10, 4],
        ],
        running: Some([8, 20, 140, 7, 3]),
    },
    DemoLeagueActivity {
        name: "Kenji Watanabe",
        closed: [
            [5, 8, 90, 3, 0],
            [6, 10, 110, 4, 0],
            [7, 12, 120, 5, 1],
            [6, 11, 100, 4, 1],
        ],
        running: Some([6, 12, 110, 4, 1]),
    },
    DemoLeagueActivity {
        name: "Hannah Lindqvist",
        closed: [
            [2, 5, 20, 1, 1],
            [1, 4, 18, 0, 1],
            [3, 6, 30, 1, 2],
            [4, 8, 45, 2, 2],
        ],
        running: None,
    },
    DemoLeagueActivity {
        name: "Chloé Dubois",
        closed: [
            [1, 12, 40, 2, 9],
            [2, 14, 55, 3, 10],
            [3, 25, 90, 4, 14],
            [2, 20, 70, 3, 12],
        ],
        running: Some([3, 22, 80, 4, 13]),
    },
];

/// A late figure: Kenji's shares in the second month were first entered as 2; the month was
/// reopened the next day to enter the 4 in [`LEAGUE_ACTIVITY`], and closed again.
const LATE_FIX: (&str, usize, KpiKind, u32) = ("Kenji Watanabe", 1, KpiKind::Shares, 2);

/// Adds the social league: settings, four closed months (closed through
/// [`Competition::close_period`], so their winners are named by the same rules as the user's), and
/// the running month. Every time is derived from `now` and kept before it.
fn add_league(programme: &mut Programme, now: Timestamp) {
    let today = now.date_naive();
    let start = first_of_month_months_before(today, CLOSED_MONTHS);
    // Never later than `now`: a demo must not hold edits from the future.
    let at = |date: NaiveDate, hour: u32, minute: u32, margin_minutes: i64| -> Timestamp {
        date.and_hms_opt(hour, minute, 0)
            .map(|t| t.and_utc())
            .unwrap_or(now)
            .min(now - Duration::minutes(margin_minutes))
    };
    // The league: who committed or is interested, in roster order, with their activity.
    let members: Vec<(Uuid, &DemoLeagueActivity)> = programme
        .roster()
        .filter(|e| {
            matches!(
                current_stage(e),
                OutreachStage::Committed | OutreachStage::Interested
            )
        })
        .filter_map(|e| {
            LEAGUE_ACTIVITY
                .iter()
                .find(|a| a.name == e.name)
                .map(|a| (e.id, a))
        })
        .collect();
    let mut kpis: Vec<Kpi> = Vec::new();
    for &kind in LEAGUE_KPIS.iter() {
        let mut kpi = new_kpi(kind, &kpis);
        kpi.cap = (kind == KpiKind::Reactions).then_some(REACTIONS_CAP);
        kpi.network = (kind == KpiKind::IntranetPosts).then_some(Network::Intranet);
        kpis.push(kpi);
    }
    let created = at(start - Duration::days(4), 10, 0, 240);
    let league = members.iter().map(|(id, _)| *id).collect();
    let mut competition = Competition::new(DEMO_LEAGUE, start, league, created);
    competition.settings.rules.kpis = kpis;
    let periods = competition.periods(today);
    // The last period is the running one (it contains `today`); the ones before it are closed.
    let running = periods.len().saturating_sub(1);
    let row = |period: NaiveDate, executive: Uuid, values: [u32; 5], updated_at: Timestamp| {
        super::competition::ActivityRow {
            period,
            executive,
            values: LEAGUE_KPIS
                .iter()
                .zip(values)
                .map(|(kind, value)| (kind.key().to_string(), value))
                .collect(),
            updated_at,
        }
    };

    // The closed months, each entered by the comms team on its last afternoon.
    for (month, period) in periods.iter().take(running).enumerate() {
        for (i, &(executive, activity)) in members.iter().enumerate() {
            let Some(mut values) = activity.closed.get(month).copied() else {
                continue;
            };
            let (name, fixed_month, kind, first_entry) = LATE_FIX;
            if activity.name == name && month == fixed_month {
                if let Some(k) = LEAGUE_KPIS.iter().position(|&k| k == kind) {
                    values[k] = first_entry;
                }
            }
            let entered = at(period.end, 17, i as u32, 30);
            competition
                .activity
                .push(row(period.start, executive, values, entered));
        }
    }
    // …closed the next morning (the errors cannot happen on these months: each has ended, is
    // closed once, and the late figure is entered while its month is reopened).
    for (month, period) in periods.iter().enumerate().take(running) {
        let next_day = period.end + Duration::days(1);
        let closed_at = at(next_day, 9, 0, 20);
        let _ = competition.close_period(&programme.executives, &periods, month, closed_at);
        let (name, fixed_month, kind, _) = LATE_FIX;
        if month != fixed_month {
            continue;
        }
        let late = members.iter().find(|(_, a)| a.name == name);
        let corrected = LEAGUE_KPIS.iter().position(|&k| k == kind);
        if let (Some(&(executive, activity)), Some(k)) = (late, corrected) {
            let reopened_at = at(next_day + Duration::days(1), 10, 0, 15);
            let value = activity.closed.get(month).map(|values| values[k]);
            let _ = competition.reopen_period(period, reopened_at);
            let _ = competition.set_value(
                period,
                executive,
                kind.key(),
                value,
                reopened_at + Duration::minutes(4),
            );
            let _ = competition.close_period(
                &programme.executives,
                &periods,
                month,
                reopened_at + Duration::minutes(5),
            );
        }
    }

    // The running month, entered so far: a full month's pace scaled to the days gone by (at least
    // 30 % of the month, so that a demo opened on the 1st still has a leader).
    if let Some(period) = periods.get(running) {
        let total = (period.end - period.start).num_days().max(1) as u32 + 1;
        let elapsed = ((today - period.start).num_days().max(0) as u32 + 1)
            .max((total * 3).div_ceil(10))
            .min(total);
        for (i, &(executive, activity)) in members.iter().enumerate() {
            let Some(pace) = activity.running else {
                continue;
            };
            let values = pace.map(|v| (v * elapsed * 2 + total) / (2 * total));
            let entered = now - Duration::minutes(90 - i as i64);
            competition
                .activity
                .push(row(period.start, executive, values, entered));
        }
    }

    // Canonical order, as a merge would leave it.
    competition
        .activity
        .sort_by_key(|r| (r.period, r.executive));
    competition.periods.sort_by_key(|r| r.period);
    programme.competitions.push(competition);
}

fn first_of_month_months_before(date: NaiveDate, months: u32) -> NaiveDate {
    let total = date.year() * 12 + date.month0() as i32 - months as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::envelope::StoredProgramme;
    use crate::io::stored::parse_stored_programme;
    use crate::model::competition::{running_summary, scoreboard, PeriodAction};
    use chrono::{TimeZone, Utc};

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> Timestamp {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("valid test time")
    }

    /// Times the demo must handle: mid-month, the first minutes of a month and of a year, a leap
    /// day, the last minute of a year.
    fn nows() -> [Timestamp; 5] {
        [
            utc(2026, 11, 26, 14, 5),
            utc(2026, 3, 1, 0, 5),
            utc(2027, 1, 1, 0, 0),
            utc(2028, 2, 29, 12, 0),
            utc(2026, 12, 31, 23, 59),
        ]
    }

    fn id_of(programme: &Programme, name: &str) -> Uuid {
        programme
            .roster()
            .find(|e| e.name == name)
            .map(|e| e.id)
            .expect("demo executive")
    }

    fn names(programme: &Programme, ids: &[Uuid]) -> Vec<String> {
        let mut names: Vec<String> = ids
            .iter()
            .filter_map(|id| programme.roster().find(|e| e.id == *id))
            .map(|e| e.name.clone())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_demo_league_is_those_who_committed_or_are_interested() {
        let demo = demo_programme(utc(2026, 11, 26, 14, 5));
        assert_eq!(demo.competitions.len(), 1);
        let league = &demo.competitions[0].settings.rules.league;
        assert_eq!(
            names(&demo, league),
            [
                "Amara Okafor",
                "Chloé Dubois",
                "Hannah Lindqvist",
                "Kenji Watanabe",
                "Lukas Brandt",
                "Sofia Marquez"
            ]
        );
        for outsider in [
            "Tomasz Nowak",
            "Daniel Whitfield",
            "Marcus Bell",
            "Priya Raman",
        ] {
            assert!(!league.contains(&id_of(&demo, outsider)), "{outsider}");
        }
        let kpis: Vec<&str> = demo.competitions[0]
            .settings
            .rules
            .kpis
            .iter()
            .map(|k| k.id.as_str())
            .collect();
        assert_eq!(
            kpis,
            ["posts", "comments", "reactions", "shares", "intranet_posts"]
        );
    }

    #[test]
    fn the_demo_league_has_four_closed_months_with_winners_and_one_running() {
        for now in nows() {
            let demo = demo_programme(now);
            let today = now.date_naive();
            let league = &demo.competitions[0];
            assert_eq!(league.settings.name, DEMO_LEAGUE);
            let periods = league.periods(today);
            assert_eq!(periods.len(), 5, "now = {now}");
            let (running, closed) = periods.split_last().expect("periods");
            assert!(running.contains(today), "now = {now}");
            assert_eq!(
                demo.settings.start_date,
                Some(periods[0].start),
                "the programme starts with its league (now = {now})"
            );
            assert!(!league.is_closed(running.start));
            assert!(league.record(running.start).is_none());
            for period in closed {
                let record = league.record(period.start).expect("closed month");
                assert!(record.closed, "{} (now = {now})", period.label());
                assert!(record.rules.is_some(), "rules kept");
                assert!(
                    !record.most_social.is_empty(),
                    "{} has a winner",
                    period.label()
                );
                assert!(record.updated_at <= now);
                assert!(record.log.iter().all(|e| e.at <= now));
            }
            assert_eq!(
                league.periods.len(),
                closed.len(),
                "one record per closed month"
            );
            let winners = |index: usize| {
                let record = league.record(periods[index].start).expect("closed");
                (
                    names(&demo, &record.most_social),
                    names(&demo, &record.most_improved),
                )
            };
            assert_eq!(winners(0).0, ["Lukas Brandt"]);
            assert!(winners(0).1.is_empty(), "no previous month to improve on");
            assert_eq!(winners(1).0, ["Lukas Brandt", "Sofia Marquez"], "a tie");
            assert_eq!(winners(1).1, ["Sofia Marquez"]);
            assert_eq!(winners(2).0, ["Chloé Dubois"]);
            assert_eq!(winners(2).1, ["Chloé Dubois"]);
            assert_eq!(winners(3).0, ["Sofia Marquez"]);
            assert_eq!(winners(3).1, ["Amara Okafor"]);
            // Every recorded time lies in the past.
            assert!(league.activity.iter().all(|r| r.updated_at <= now));
            assert!(league.settings.created_at <= now);
        }
    }

    #[test]
    fn the_demo_last_closed_month_has_a_clear_leader_and_most_improved() {
        let now = utc(2026, 11, 26, 14, 5);
        let demo = demo_programme(now);
        let league = &demo.competitions[0];
        let periods = league.periods(now.date_naive());
        let board = scoreboard(league, &demo.executives, &periods, 3);
        assert!(board.closed);
        let points: Vec<f64> = board.standings.iter().map(|s| s.score.points).collect();
        assert_eq!(points.len(), 6);
        assert_eq!(points[0], 349.0);
        assert!(points[0] >= points[1] + 50.0, "a clear leader: {points:?}");
        let improvements: Vec<f64> = {
            let mut all: Vec<f64> = board
                .standings
                .iter()
                .filter_map(|s| s.score.improvement)
                .collect();
            all.sort_by(|a, b| b.total_cmp(a));
            all
        };
        assert_eq!(improvements[0], 149.0);
        assert!(improvements[0] >= improvements[1] + 50.0);
        // The cap shows: Sofia's 220 reactions count as 150.
        let sofia = id_of(&demo, "Sofia Marquez");
        let line = board
            .standings
            .iter()
            .find(|s| s.executive == sofia)
            .and_then(|s| s.score.lines.iter().find(|l| l.kpi == "reactions"))
            .expect("reactions line");
        assert!(line.capped && line.counted == REACTIONS_CAP && line.value == 220);
    }

    #[test]
    fn the_demo_second_month_was_reopened_for_a_late_figure() {
        let now = utc(2026, 11, 26, 14, 5);
        let demo = demo_programme(now);
        let league = &demo.competitions[0];
        let periods = league.periods(now.date_naive());
        let record = league.record(periods[1].start).expect("closed");
        let actions: Vec<PeriodAction> = record.log.iter().map(|e| e.action).collect();
        assert_eq!(
            actions,
            [
                PeriodAction::Closed,
                PeriodAction::Reopened,
                PeriodAction::Closed
            ]
        );
        assert!(record.log.windows(2).all(|w| w[0].at < w[1].at));
        let kenji = id_of(&demo, "Kenji Watanabe");
        assert_eq!(league.value(periods[1].start, kenji, "shares"), Some(4));
        for other in [0, 2, 3] {
            let log = &league.record(periods[other].start).expect("closed").log;
            assert_eq!(log.len(), 1, "closed once");
        }
    }

    #[test]
    fn the_demo_running_month_is_partly_filled_and_has_a_leader() {
        for now in nows() {
            let demo = demo_programme(now);
            let today = now.date_naive();
            let league = &demo.competitions[0];
            let periods = league.periods(today);
            let running = periods.last().expect("running");
            let rows: Vec<_> = league
                .activity
                .iter()
                .filter(|r| r.period == running.start)
                .collect();
            assert_eq!(rows.len(), 5, "Hannah's figures are not in yet");
            assert!(!rows
                .iter()
                .any(|r| r.executive == id_of(&demo, "Hannah Lindqvist")));
            let summary =
                running_summary(league, &demo.executives, today).expect("a running period");
            assert_eq!(summary.period.start, running.start);
            assert!(!summary.leaders.is_empty(), "now = {now}");
            assert!(summary.points > 0.0);
        }
        // Mid-month, the running month holds about half a month's activity.
        let demo = demo_programme(utc(2026, 11, 15, 12, 0));
        let league = &demo.competitions[0];
        let lukas = id_of(&demo, "Lukas Brandt");
        let start = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        assert_eq!(league.value(start, lukas, "posts"), Some(5)); // 9 × 15/30, rounded
        assert_eq!(league.value(start, lukas, "reactions"), Some(80));
    }

    #[test]
    fn the_demo_competition_survives_serde_and_storage_round_trips() {
        let demo = demo_programme(utc(2026, 11, 26, 14, 5));
        let json = serde_json::to_string(&demo).expect("serialises");
        let back: Programme = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, demo);
        // Through the stored form, which also puts the programme in canonical order.
        let stored = parse_stored_programme(&StoredProgramme::to_json(&demo)).expect("stored");
        assert_eq!(stored.value, demo, "the demo is stored in canonical order");
        // Merging the demo with itself changes nothing.
        assert_eq!(demo.merge(&demo), demo);
    }
}
