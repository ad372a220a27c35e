//! The demo programme: a fictional company with a realistic executive roster, for workshops and for a
//! first look at the app. Every name here is invented.
//!
//! Step 1 data is chosen so that the ranking tells a story: the CTO is the clear natural, the CMO
//! and the head of customer success follow, the CEO has the largest audience but little time, and
//! the CFO and the General Counsel need convincing (one declined, one said "not now").

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
        programme.add_executive(executive);
    }
    programme
}

fn first_of_month_months_before(date: NaiveDate, months: u32) -> NaiveDate {
    let total = date.year() * 12 + date.month0() as i32 - months as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(date)
}
