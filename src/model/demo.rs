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

use super::dates::iso_date;
use super::evidence::{load_starter, Evidence, Origin, Scope};
use super::goals::{Audience, Emphasis, Goal, GoalKind};
use super::naturals::{OutreachChange, OutreachStage, Profile};
use super::programme::{Executive, Network, NewProgramme, Programme};
use super::record::Timestamp;
use chrono::{Datelike, Duration, NaiveDate};

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
/// the first day of the month two months before `now`.
pub fn demo_programme(now: Timestamp) -> Programme {
    let today = now.date_naive();
    let start = first_of_month_months_before(today, 2);
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

fn first_of_month_months_before(date: NaiveDate, months: u32) -> NaiveDate {
    let total = date.year() * 12 + date.month0() as i32 - months as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(date)
}
