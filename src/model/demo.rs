//! The demo programme: a fictional company with a realistic executive roster, for workshops and for a
//! first look at the app. Every name here is invented.

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
}

const ROSTER: [DemoExecutive; 10] = [
    DemoExecutive {
        name: "Amara Okafor",
        title: "Chief Executive Officer",
        department: "Executive office",
        email: "amara.okafor@northwind.example",
        notes: "Speaks at two industry events a year; keen but short on time.",
        consent: true,
    },
    DemoExecutive {
        name: "Lukas Brandt",
        title: "Chief Technology Officer",
        department: "Engineering",
        email: "lukas.brandt@northwind.example",
        notes: "Already blogs on the engineering site; ideal first natural.",
        consent: true,
    },
    DemoExecutive {
        name: "Priya Raman",
        title: "Chief People Officer",
        department: "People",
        email: "priya.raman@northwind.example",
        notes: "Wants help with recruiting in Bangalore and Lisbon.",
        consent: true,
    },
    DemoExecutive {
        name: "Daniel Whitfield",
        title: "Chief Financial Officer",
        department: "Finance",
        email: "daniel.whitfield@northwind.example",
        notes: "Cautious: asks what legal allows before results.",
        consent: false,
    },
    DemoExecutive {
        name: "Sofia Marquez",
        title: "Chief Marketing Officer",
        department: "Marketing",
        email: "sofia.marquez@northwind.example",
        notes: "Champion of the programme; owns the brand pages.",
        consent: true,
    },
    DemoExecutive {
        name: "Kenji Watanabe",
        title: "VP Sales, APAC",
        department: "Sales",
        email: "kenji.watanabe@northwind.example",
        notes: "Active on LinkedIn in Japanese and English.",
        consent: true,
    },
    DemoExecutive {
        name: "Hannah Lindqvist",
        title: "VP Product",
        department: "Product",
        email: "hannah.lindqvist@northwind.example",
        notes: "Launching the forecasting suite in spring.",
        consent: true,
    },
    DemoExecutive {
        name: "Marcus Bell",
        title: "General Counsel",
        department: "Legal",
        email: "marcus.bell@northwind.example",
        notes: "Not now — revisit after the annual report.",
        consent: false,
    },
    DemoExecutive {
        name: "Chloé Dubois",
        title: "VP Customer Success",
        department: "Customer success",
        email: "chloe.dubois@northwind.example",
        notes: "Shares customer wins on the intranet every week.",
        consent: true,
    },
    DemoExecutive {
        name: "Tomasz Nowak",
        title: "Chief Operating Officer",
        department: "Operations",
        email: "tomasz.nowak@northwind.example",
        notes: "Prefers the internal network to external ones.",
        consent: true,
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
        programme.add_executive(executive);
    }
    programme
}

fn first_of_month_months_before(date: NaiveDate, months: u32) -> NaiveDate {
    let total = date.year() * 12 + date.month0() as i32 - months as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(date)
}
