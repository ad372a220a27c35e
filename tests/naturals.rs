//! Step 1 — Find the naturals: the profile audit, address checks, the natural score, the outreach
//! order and the outreach pipeline.

mod common;

use chrono::NaiveDate;
use common::*;
use exec_social_playbook::model::demo::demo_programme;
use exec_social_playbook::model::naturals::*;
use exec_social_playbook::model::{Executive, Network};
use proptest::prelude::*;
use std::collections::BTreeSet;

// --- Builders ------------------------------------------------------------------------------------

fn profile(network: Network) -> Profile {
    Profile::new(network)
}

fn with_followers(mut p: Profile, followers: u64) -> Profile {
    p.followers = Some(followers);
    p
}

fn with_engagement(mut p: Profile, followers: u64, engagement: f64) -> Profile {
    p.followers = Some(followers);
    p.avg_engagement = Some(engagement);
    p
}

fn with_posts(mut p: Profile, posts: u32) -> Profile {
    p.posts_30d = Some(posts);
    p
}

fn with_audit(mut p: Profile, keys: &[&str]) -> Profile {
    p.audit = keys.iter().map(|k| k.to_string()).collect();
    p
}

fn with_address(mut p: Profile, address: &str) -> Profile {
    p.address = address.to_string();
    p
}

fn exec_with(n: u128, name: &str, profiles: Vec<Profile>, willingness: Option<u8>) -> Executive {
    let mut e = executive(n, name, 0, 0);
    e.profiles = profiles;
    e.willingness = willingness;
    e
}

fn value(score: &NaturalScore, component: Component) -> Option<f64> {
    score.component(component).unwrap().value
}

fn approx(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn all_linkedin_keys() -> Vec<&'static str> {
    audit_items(Network::Linkedin)
        .iter()
        .map(|i| i.key)
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

// --- The profile audit ---------------------------------------------------------------------------

#[test]
fn every_network_has_its_own_audit_of_six_to_nine_items() {
    for network in Network::ALL {
        let items = audit_items(network);
        assert!(
            (6..=9).contains(&items.len()),
            "{network:?} has {} items",
            items.len()
        );
        let keys: BTreeSet<&str> = items.iter().map(|i| i.key).collect();
        assert_eq!(keys.len(), items.len(), "{network:?}: keys repeat");
        for item in items {
            assert!(
                item.key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{network:?}: key {:?} is not snake_case",
                item.key
            );
            assert!(item.label.chars().next().unwrap().is_uppercase());
        }
    }
    let linkedin: Vec<&str> = all_linkedin_keys();
    for key in [
        "photo",
        "banner",
        "headline",
        "about",
        "current_role",
        "featured",
        "custom_url",
        "contact_info",
    ] {
        assert!(linkedin.contains(&key), "LinkedIn audit lacks {key}");
    }
    let x: Vec<&str> = audit_items(Network::X).iter().map(|i| i.key).collect();
    for key in ["photo", "header", "bio", "pinned_post", "link"] {
        assert!(x.contains(&key), "X audit lacks {key}");
    }
}

#[test]
fn completeness_counts_the_networks_own_items_once_each() {
    let linkedin = with_audit(profile(Network::Linkedin), &["photo", "banner", "headline"]);
    assert_eq!(completeness(&linkedin), 33);
    let full_x = with_audit(
        profile(Network::X),
        &[
            "photo",
            "header",
            "display_name",
            "bio",
            "pinned_post",
            "link",
            "location",
        ],
    );
    assert_eq!(completeness(&full_x), 100);
    // Keys of another network, unknown keys and repeats do not count.
    let noisy = with_audit(
        profile(Network::X),
        &["photo", "photo", "headline", "custom_url", "nonsense", ""],
    );
    assert_eq!(completeness(&noisy), 14); // 1 of 7
    assert_eq!(completeness(&profile(Network::Youtube)), 0);
    // Rounded to the nearest whole percent: 4 of 6 on Bluesky is 67%.
    let bluesky = with_audit(
        profile(Network::Bluesky),
        &["photo", "banner", "bio", "pinned_post"],
    );
    assert_eq!(completeness(&bluesky), 67);
    // The same key means a different share on each network.
    for network in Network::ALL {
        let p = with_audit(profile(network), &["photo"]);
        let n = audit_items(network).len();
        assert_eq!(
            u32::from(completeness(&p)),
            (100.0 / n as f64).round() as u32,
            "{network:?}"
        );
    }
}

#[test]
fn ticking_audit_items_keeps_checklist_order_without_repeats() {
    let mut p = with_audit(profile(Network::Linkedin), &["skills", "legacy_key"]);
    set_audit_item(&mut p, "photo", true);
    set_audit_item(&mut p, "photo", true);
    set_audit_item(&mut p, "about", true);
    assert_eq!(p.audit, vec!["photo", "about", "skills", "legacy_key"]);
    set_audit_item(&mut p, "skills", false);
    set_audit_item(&mut p, "legacy_key", false);
    assert_eq!(p.audit, vec!["photo", "about"]);
    let missing: Vec<&str> = missing_audit_items(&p).iter().map(|i| i.key).collect();
    assert_eq!(missing.len(), 7);
    assert!(!missing.contains(&"photo"));
}

#[test]
fn every_audit_key_is_documented_in_the_data_format() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/data-format.md"),
    )
    .unwrap();
    for network in Network::ALL {
        let row = doc
            .lines()
            .find(|line| line.starts_with(&format!("| `{}` | `photo`", network.key())))
            .unwrap_or_else(|| panic!("no audit row for {network:?}"));
        for item in audit_items(network) {
            assert!(
                row.contains(&format!("`{}`", item.key)),
                "{network:?}: {} is not documented",
                item.key
            );
        }
    }
}

// --- Addresses -----------------------------------------------------------------------------------

#[test]
fn well_formed_addresses_are_accepted_on_each_network() {
    let cases: &[(Network, &[&str])] = &[
        (
            Network::Linkedin,
            &[
                "https://www.linkedin.com/in/jane-doe",
                "https://www.linkedin.com/in/jane-doe/",
                "http://linkedin.com/in/jane-doe-4a2b19",
                "www.linkedin.com/in/janedoe",
                "linkedin.com/in/jane-doe",
                "https://uk.linkedin.com/in/jane-doe?originalSubdomain=uk",
                "https://www.linkedin.com/in/j%C3%A9r%C3%B4me-dupont/",
                "  linkedin.com/in/jane-doe  ",
            ],
        ),
        (
            Network::X,
            &[
                "@janedoe",
                "janedoe",
                "@jane_doe_1",
                "https://x.com/janedoe",
                "https://twitter.com/janedoe/",
                "x.com/JaneDoe",
                "www.x.com/janedoe",
                "https://mobile.twitter.com/janedoe",
            ],
        ),
        (
            Network::Instagram,
            &[
                "@jane.doe",
                "jane_doe",
                "https://www.instagram.com/jane.doe/",
                "instagram.com/jane.doe",
            ],
        ),
        (
            Network::Threads,
            &[
                "@jane.doe",
                "https://www.threads.net/@jane.doe",
                "threads.com/@jane.doe/",
            ],
        ),
        (
            Network::Youtube,
            &[
                "@JaneDoeTalks",
                "https://www.youtube.com/@JaneDoeTalks",
                "youtube.com/@jane-doe.talks/videos",
                "https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw",
                "https://youtube.com/c/JaneDoe",
                "https://m.youtube.com/user/janedoe",
            ],
        ),
        (
            Network::Bluesky,
            &[
                "@jane.bsky.social",
                "jane.bsky.social",
                "@jane.northwind.example",
                "https://bsky.app/profile/jane.bsky.social",
                "bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur",
            ],
        ),
        (
            Network::Mastodon,
            &[
                "@jane@mastodon.social",
                "@jane_doe@fosstodon.org",
                "https://mastodon.social/@jane",
                "mastodon.social/@jane/",
                "https://social.northwind.example/@jane",
                "https://hachyderm.io/users/jane",
            ],
        ),
        (
            Network::Intranet,
            &[
                "https://intranet.northwind.example/people/jane",
                "http://intranet/people/jane",
                "https://northwind.sharepoint.com/sites/people/jane",
                "Jane Doe on Viva Engage (Leadership community)",
                "@jane",
            ],
        ),
        (
            Network::Other,
            &[
                "https://www.tiktok.com/@janedoe",
                "https://medium.com/@janedoe",
                "Substack: Jane's notes",
                "https://www.linkedin.com/in/jane-doe",
            ],
        ),
    ];
    for (network, addresses) in cases {
        for address in *addresses {
            assert_eq!(
                validate_address(*network, address),
                Ok(()),
                "{network:?} should accept {address:?}"
            );
        }
    }
}

#[test]
fn a_blank_address_is_not_filled_in_yet_and_is_fine() {
    for network in Network::ALL {
        assert_eq!(validate_address(network, ""), Ok(()));
        assert_eq!(validate_address(network, "   "), Ok(()));
    }
}

#[test]
fn malformed_addresses_are_refused_with_the_expected_shape() {
    let cases: &[(Network, &[&str], &str)] = &[
        (
            Network::Linkedin,
            &[
                "jane-doe",
                "@janedoe",
                "linkedin.com",
                "https://www.linkedin.com/in/",
                "linkedin.com/in/jd",
                "https://www.linkedin.com/feed/",
                "ftp://linkedin.com/in/jane-doe",
                "https://www.linkedin.com/in/jane doe",
                "https://example.com/in/jane-doe",
            ],
            "linkedin.com/in/your-name",
        ),
        (
            Network::X,
            &[
                "@",
                "@this_handle_is_too_long",
                "@jane.doe",
                "jane doe",
                "https://x.com/",
                "https://x.com/home",
                "https://example.com/janedoe",
            ],
            "x.com/yourname",
        ),
        (
            Network::Instagram,
            &[
                "@.jane",
                "@jane..doe",
                "@jane-doe",
                "https://instagram.com/",
                "https://www.instagram.com/explore/",
            ],
            "instagram.com/your.name",
        ),
        (
            Network::Threads,
            &["@jane-doe", "https://www.threads.net/"],
            "threads.net/@yourname",
        ),
        (
            Network::Youtube,
            &[
                "JaneDoeTalks",
                "@jd",
                "https://www.youtube.com/",
                "https://www.youtube.com/channel/12345",
                "https://www.youtube.com/feed/subscriptions",
            ],
            "youtube.com/@yourchannel",
        ),
        (
            Network::Bluesky,
            &[
                "jane",
                "@jane",
                "@jane.",
                "https://bsky.app/",
                "https://bsky.app/profile/",
                "https://example.com/profile/jane.bsky.social",
            ],
            "@name.bsky.social",
        ),
        (
            Network::Mastodon,
            &[
                "jane",
                "@jane",
                "jane@mastodon.social",
                "@jane@",
                "@jane@localhost",
                "https://mastodon.social/",
                "https://mastodon.social/about",
            ],
            "@name@mastodon.social",
        ),
        (
            Network::Intranet,
            &[
                "https://",
                "http://intra net/people/jane",
                "https:/intranet/jane",
                "www.",
                "ftp://files/jane",
            ],
            "https://intranet.example.com/people/your-name",
        ),
        (
            Network::Other,
            &["https://", "http:// example.com", "www.example"],
            "https://example.com/your-name",
        ),
    ];
    for (network, addresses, shape) in cases {
        for address in *addresses {
            let message = validate_address(*network, address)
                .expect_err(&format!("{network:?} should refuse {address:?}"));
            assert_plain_words(&message);
            assert!(
                message.contains(shape),
                "{network:?} {address:?}: the message should show the expected shape {shape:?}: {message}"
            );
        }
    }
}

#[test]
fn another_networks_address_is_named_in_the_message() {
    assert_eq!(
        validate_address(Network::Linkedin, "https://x.com/janedoe"),
        Err(
            "This looks like an X address. LinkedIn profiles look like linkedin.com/in/your-name."
                .to_string()
        )
    );
    let cases = [
        (
            Network::Linkedin,
            "https://twitter.com/janedoe",
            "an X address",
        ),
        (
            Network::Linkedin,
            "instagram.com/jane.doe",
            "an Instagram address",
        ),
        (
            Network::Linkedin,
            "@jane@mastodon.social",
            "a Mastodon address",
        ),
        (
            Network::X,
            "https://www.linkedin.com/in/jane-doe",
            "a LinkedIn address",
        ),
        (Network::X, "@jane.bsky.social", "a Bluesky address"),
        (
            Network::Instagram,
            "https://www.threads.net/@jane.doe",
            "a Threads address",
        ),
        (
            Network::Threads,
            "https://www.instagram.com/jane.doe",
            "an Instagram address",
        ),
        (Network::Youtube, "https://x.com/janedoe", "an X address"),
        (
            Network::Bluesky,
            "@jane@mastodon.social",
            "a Mastodon address",
        ),
        (
            Network::Bluesky,
            "https://www.youtube.com/@jane",
            "a YouTube address",
        ),
        (
            Network::Mastodon,
            "https://bsky.app/profile/jane.bsky.social",
            "a Bluesky address",
        ),
        (
            Network::Mastodon,
            "https://www.threads.net/@jane",
            "a Threads address",
        ),
        (
            Network::Intranet,
            "https://www.linkedin.com/in/jane-doe",
            "a LinkedIn address",
        ),
    ];
    for (network, address, named) in cases {
        let message = validate_address(network, address).unwrap_err();
        assert!(
            message.starts_with(&format!("This looks like {named}.")),
            "{network:?} {address:?}: {message}"
        );
        assert_plain_words(&message);
    }
}

#[test]
fn links_to_posts_videos_and_company_pages_are_told_apart_from_profiles() {
    let cases = [
        (
            Network::Linkedin,
            "https://www.linkedin.com/company/northwind/",
            "company page",
        ),
        (
            Network::Linkedin,
            "https://www.linkedin.com/posts/jane-doe_activity-123",
            "a post",
        ),
        (
            Network::X,
            "https://x.com/janedoe/status/1234567890",
            "a post",
        ),
        (
            Network::Instagram,
            "https://www.instagram.com/p/C1a2b3c4d5/",
            "a post",
        ),
        (
            Network::Youtube,
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "a video",
        ),
        (Network::Youtube, "https://youtu.be/dQw4w9WgXcQ", "a video"),
        (
            Network::Bluesky,
            "https://bsky.app/profile/jane.bsky.social/post/3k2",
            "a post",
        ),
        (
            Network::Mastodon,
            "https://mastodon.social/@jane/111222333",
            "a post",
        ),
        (
            Network::Threads,
            "https://www.threads.net/@jane/post/C1a2b3",
            "a post",
        ),
    ];
    for (network, address, kind) in cases {
        let message = validate_address(network, address).unwrap_err();
        assert!(message.contains(kind), "{network:?} {address:?}: {message}");
    }
}

#[test]
fn each_network_recognises_only_unmistakable_addresses() {
    assert_eq!(recognise_network("https://x.com/jane"), Some(Network::X));
    assert_eq!(
        recognise_network("https://uk.linkedin.com/in/jane"),
        Some(Network::Linkedin)
    );
    assert_eq!(
        recognise_network("@jane@mastodon.social"),
        Some(Network::Mastodon)
    );
    assert_eq!(
        recognise_network("jane.bsky.social"),
        Some(Network::Bluesky)
    );
    for anyone in [
        "@jane",
        "jane",
        "jane.doe",
        "jane@company.com",
        "https://example.com/jane",
        "",
    ] {
        assert_eq!(recognise_network(anyone), None, "{anyone}");
    }
}

#[test]
fn email_addresses_are_checked_and_optional() {
    for ok in [
        "",
        "  ",
        "jane@northwind.example",
        "Jane.Doe+social@mail.northwind.co.uk",
        " jane@northwind.com ",
        "zoë@例え.jp",
    ] {
        assert_eq!(validate_email(ok), Ok(()), "{ok:?}");
    }
    for bad in [
        "jane",
        "jane@",
        "@northwind.com",
        "jane@northwind",
        "jane@@northwind.com",
        "jane@north wind.com",
        "jane doe@northwind.com",
        "jane@northwind..com",
        ".jane@northwind.com",
        "jane.@northwind.com",
        "jane@-northwind.com",
        "jane@northwind.c",
        "jane,doe@northwind.com",
    ] {
        let message = validate_email(bad).expect_err(bad);
        assert_plain_words(&message);
        assert!(message.contains("name@company.com"), "{bad}: {message}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn checking_any_text_as_an_address_or_email_never_panics(
        text in prop_oneof![
            any::<String>(),
            "[@a-z./:_ -]{0,40}",
            "(https?://)?(www\\.)?(x|linkedin|bsky|youtube|instagram|threads|mastodon)\\.(com|app|net|social)(/[@a-z0-9.:_-]{0,12}){0,4}",
        ],
    ) {
        for network in Network::ALL {
            if let Err(message) = validate_address(network, &text) {
                prop_assert!(!message.is_empty());
            }
        }
        let _ = validate_email(&text);
        let _ = recognise_network(&text);
    }
}

// --- The natural score: components ---------------------------------------------------------------

#[test]
fn completeness_is_the_mean_over_the_profiles_in_use() {
    let full_linkedin = with_audit(profile(Network::Linkedin), &all_linkedin_keys());
    let bare_x = with_address(profile(Network::X), "@jane");
    let unused_youtube = profile(Network::Youtube);
    let e = exec_with(1, "Jane", vec![full_linkedin, bare_x, unused_youtube], None);
    let score = natural_score(&e, &NaturalWeights::default());
    // (100% + 0%) / 2: the untouched YouTube row does not count.
    assert!(approx(value(&score, Component::Completeness).unwrap(), 0.5));
    let line = score.component(Component::Completeness).unwrap();
    assert!(
        line.explanation.contains("LinkedIn 100%"),
        "{}",
        line.explanation
    );
    assert!(line.explanation.contains("X 0%"), "{}", line.explanation);
}

#[test]
fn completeness_is_missing_until_a_profile_is_in_use() {
    let e = exec_with(1, "Jane", vec![profile(Network::Linkedin)], Some(3));
    let score = natural_score(&e, &NaturalWeights::default());
    assert_eq!(value(&score, Component::Completeness), None);
    let ticked_only = with_audit(profile(Network::Linkedin), &["photo"]);
    let e = exec_with(1, "Jane", vec![ticked_only], Some(3));
    let score = natural_score(&e, &NaturalWeights::default());
    assert!(approx(
        value(&score, Component::Completeness).unwrap(),
        1.0 / 9.0
    ));
}

#[test]
fn activity_sums_posts_over_networks_and_saturates_at_twelve_a_month() {
    let activity = |posts: &[u32]| {
        let profiles = posts
            .iter()
            .zip([Network::Linkedin, Network::X, Network::Intranet])
            .map(|(&n, network)| with_posts(profile(network), n))
            .collect();
        value(
            &natural_score(
                &exec_with(1, "A", profiles, None),
                &NaturalWeights::default(),
            ),
            Component::Activity,
        )
    };
    assert_eq!(activity(&[]), None);
    assert_eq!(activity(&[0]), Some(0.0));
    assert!(approx(activity(&[3]).unwrap(), 0.25));
    assert!(approx(activity(&[4, 2]).unwrap(), 0.5));
    assert_eq!(activity(&[12]), Some(1.0));
    assert_eq!(activity(&[10, 10, 10]), Some(1.0));
    assert_eq!(activity(&[u32::MAX, u32::MAX, u32::MAX]), Some(1.0));
    assert_eq!(ACTIVITY_FULL_MARKS_POSTS, 12);
}

#[test]
fn reach_is_log_scaled_against_a_fixed_reference_of_ten_thousand() {
    assert_eq!(REACH_FULL_MARKS_FOLLOWERS, 10_000);
    assert_eq!(reach_value(0), 0.0);
    assert!((reach_value(100) - 0.5).abs() < 0.01);
    assert!((reach_value(1_000) - 0.75).abs() < 0.01);
    assert_eq!(reach_value(10_000), 1.0);
    assert_eq!(reach_value(2_000_000), 1.0);
    assert_eq!(reach_value(u64::MAX), 1.0);
    // Each tenfold more followers adds the same amount, up to the reference.
    let step = reach_value(1_000) - reach_value(100);
    assert!((reach_value(100) - reach_value(10) - step).abs() < 0.01);
    // The largest network counts.
    let e = exec_with(
        1,
        "A",
        vec![
            with_followers(profile(Network::X), 90),
            with_followers(profile(Network::Linkedin), 1_240),
        ],
        None,
    );
    let score = natural_score(&e, &NaturalWeights::default());
    assert!(approx(
        value(&score, Component::Reach).unwrap(),
        reach_value(1_240)
    ));
    let line = &score.component(Component::Reach).unwrap().explanation;
    assert!(line.contains("1,240 followers on LinkedIn"), "{line}");
    assert!(line.contains("10,000 = full marks"), "{line}");
}

#[test]
fn a_celebrity_does_not_flatten_everyone_elses_score() {
    let normal = exec_with(
        1,
        "Normal",
        vec![with_followers(profile(Network::Linkedin), 1_000)],
        Some(3),
    );
    let celebrity = exec_with(
        2,
        "Celebrity",
        vec![with_followers(profile(Network::Linkedin), 5_000_000)],
        Some(3),
    );
    let weights = NaturalWeights::default();
    let alone = natural_score(&normal, &weights);
    let ranked = outreach_order(&[normal.clone(), celebrity.clone()], &weights);
    // A score depends on the executive alone…
    assert_eq!(ranked[1].1, alone);
    // …and 5,000× the followers earns only a third more reach.
    let normal_reach = value(&alone, Component::Reach).unwrap();
    let celebrity_reach = value(&ranked[0].1, Component::Reach).unwrap();
    assert!(normal_reach > 0.7 && celebrity_reach == 1.0);
    assert!(ranked[0].1.total - alone.total <= 4);
}

#[test]
fn engagement_is_the_best_rate_against_three_percent() {
    assert_eq!(ENGAGEMENT_FULL_MARKS_RATE, 0.03);
    let engagement = |profiles: Vec<Profile>| {
        value(
            &natural_score(
                &exec_with(1, "A", profiles, None),
                &NaturalWeights::default(),
            ),
            Component::Engagement,
        )
    };
    // 15 per post on 1,000 followers is 1.5%: half marks.
    assert!(approx(
        engagement(vec![with_engagement(
            profile(Network::Linkedin),
            1_000,
            15.0
        )])
        .unwrap(),
        0.5
    ));
    assert_eq!(
        engagement(vec![with_engagement(
            profile(Network::Linkedin),
            1_000,
            30.0
        )]),
        Some(1.0)
    );
    assert_eq!(
        engagement(vec![with_engagement(profile(Network::Linkedin), 10, 500.0)]),
        Some(1.0)
    );
    // The best network counts, not the sum or the biggest audience.
    let best = engagement(vec![
        with_engagement(profile(Network::Linkedin), 50_000, 50.0),
        with_engagement(profile(Network::Intranet), 400, 6.0),
    ])
    .unwrap();
    assert!(approx(best, 0.5));
    let e = exec_with(
        1,
        "A",
        vec![with_engagement(profile(Network::Intranet), 1_000, 21.0)],
        None,
    );
    let line = natural_score(&e, &NaturalWeights::default())
        .component(Component::Engagement)
        .unwrap()
        .explanation
        .clone();
    assert!(
        line.contains("2.1%") && line.contains("the intranet") && line.contains("3% = full marks"),
        "{line}"
    );
}

#[test]
fn engagement_without_sensible_numbers_is_missing() {
    for (followers, engagement) in [
        (Some(0), Some(10.0)),
        (None, Some(10.0)),
        (Some(100), None),
        (Some(100), Some(f64::NAN)),
        (Some(100), Some(f64::INFINITY)),
        (Some(100), Some(f64::NEG_INFINITY)),
        (Some(100), Some(-5.0)),
    ] {
        let mut p = profile(Network::Linkedin);
        p.followers = followers;
        p.avg_engagement = engagement;
        assert_eq!(engagement_rate(&p), None, "{followers:?} {engagement:?}");
        let score = natural_score(
            &exec_with(1, "A", vec![p], None),
            &NaturalWeights::default(),
        );
        assert_eq!(value(&score, Component::Engagement), None);
        assert!(score
            .component(Component::Engagement)
            .unwrap()
            .explanation
            .contains("not recorded"));
    }
    // Zero engagement is known, and scores zero.
    let p = with_engagement(profile(Network::Linkedin), 100, 0.0);
    assert_eq!(engagement_rate(&p), Some(0.0));
}

#[test]
fn willingness_one_to_five_maps_to_nothing_to_full_marks() {
    let willingness = |w: Option<u8>| {
        value(
            &natural_score(&exec_with(1, "A", vec![], w), &NaturalWeights::default()),
            Component::Willingness,
        )
    };
    assert_eq!(willingness(Some(1)), Some(0.0));
    assert_eq!(willingness(Some(2)), Some(0.25));
    assert_eq!(willingness(Some(3)), Some(0.5));
    assert_eq!(willingness(Some(5)), Some(1.0));
    // Not assessed, or a value no screen can enter (a hand-edited file): missing.
    for w in [None, Some(0), Some(6), Some(255)] {
        assert_eq!(willingness(w), None, "{w:?}");
    }
}

// --- The natural score: the total ----------------------------------------------------------------

/// Completeness 6/9, activity 6 posts, reach 100 followers, engagement 1.5%, willingness 4.
fn worked_example() -> Executive {
    let mut linkedin = with_audit(
        profile(Network::Linkedin),
        &[
            "photo",
            "banner",
            "headline",
            "about",
            "current_role",
            "featured",
        ],
    );
    linkedin.followers = Some(100);
    linkedin.posts_30d = Some(6);
    linkedin.avg_engagement = Some(1.5);
    exec_with(1, "Worked Example", vec![linkedin], Some(4))
}

#[test]
fn the_total_is_the_weighted_mean_of_the_components() {
    let score = natural_score(&worked_example(), &NaturalWeights::default());
    let reach = reach_value(100);
    // (5×2/3 + 5×0.5 + 3×reach + 3×0.5 + 4×0.75) / 20 × 100
    let expected =
        (5.0 * 2.0 / 3.0 + 5.0 * 0.5 + 3.0 * reach + 3.0 * 0.5 + 4.0 * 0.75) / 20.0 * 100.0;
    assert_eq!(score.total, expected.round() as u8);
    assert_eq!(score.total, 59);
    assert_eq!(score.tier, Tier::Warm);
    let order: Vec<Component> = score.components.iter().map(|c| c.component).collect();
    assert_eq!(order, Component::ALL.to_vec());
}

#[test]
fn the_breakdown_adds_up_to_the_total() {
    let score = natural_score(&worked_example(), &NaturalWeights::default());
    let points: f64 = score.components.iter().map(|c| c.points).sum();
    assert_eq!(points.round() as u8, score.total);
    let max: f64 = score.components.iter().map(|c| c.max_points).sum();
    assert!(approx(max, 100.0));
    let completeness = score.component(Component::Completeness).unwrap();
    assert_eq!(completeness.weight, 5);
    assert!(approx(completeness.max_points, 25.0));
    assert!(approx(completeness.points, 25.0 * 2.0 / 3.0));
    assert_eq!(completeness.percent(), Some(67));
}

#[test]
fn missing_data_earns_no_points_but_keeps_its_weight() {
    let only_willing = exec_with(1, "Keen", vec![], Some(5));
    let score = natural_score(&only_willing, &NaturalWeights::default());
    // Willingness is 4 of the 20 weight points: 20 of 100.
    assert_eq!(score.total, 20);
    assert_eq!(
        score.missing(),
        vec![
            Component::Completeness,
            Component::Activity,
            Component::Reach,
            Component::Engagement
        ]
    );
    for line in &score.components {
        if line.value.is_none() {
            assert_eq!(line.points, 0.0);
            assert!(line.is_missing());
            assert!(line.max_points > 0.0);
        }
    }
}

#[test]
fn an_executive_without_data_scores_zero_and_needs_convincing() {
    let score = natural_score(&executive(1, "Nobody", 0, 0), &NaturalWeights::default());
    assert_eq!(score.total, 0);
    assert_eq!(score.tier, Tier::NeedsConvincing);
    assert_eq!(score.missing().len(), 5);
}

#[test]
fn with_every_weight_at_zero_every_score_is_zero() {
    let weights = NaturalWeights {
        completeness: 0,
        activity: 0,
        reach: 0,
        engagement: 0,
        willingness: 0,
    };
    let score = natural_score(&worked_example(), &weights);
    assert_eq!(score.total, 0);
    assert!(score
        .components
        .iter()
        .all(|c| c.points == 0.0 && c.max_points == 0.0));
    // The values are still shown.
    assert!(score.components.iter().all(|c| c.value.is_some()));
}

#[test]
fn weights_are_edited_one_at_a_time_clamped_and_reset() {
    let mut weights = NaturalWeights::default();
    assert!(weights.is_default());
    assert_eq!(
        Component::ALL.map(|c| weights.get(c)),
        [5, 5, 3, 3, 4],
        "default weights"
    );
    weights.set(Component::Reach, 8);
    assert_eq!(weights.reach, 8);
    assert_eq!(weights.get(Component::Reach), 8);
    assert!(!weights.is_default());
    weights.set(Component::Willingness, 200);
    assert_eq!(weights.get(Component::Willingness), MAX_WEIGHT);
    weights = NaturalWeights::default();
    assert!(weights.is_default());
    // A hand-edited file may hold larger weights: they count as the maximum.
    let stored = NaturalWeights {
        completeness: 200,
        activity: 0,
        reach: 0,
        engagement: 0,
        willingness: 10,
    };
    assert_eq!(stored.get(Component::Completeness), 10);
    let score = natural_score(&worked_example(), &stored);
    assert!(approx(
        score.component(Component::Completeness).unwrap().max_points,
        50.0
    ));
    for c in Component::ALL {
        assert!(!c.label().is_empty());
        assert!(c.description().ends_with('.'));
    }
}

#[test]
fn changing_the_weights_reorders_the_outreach() {
    // Ada is keen but has no audience; Ben has the audience but is reluctant.
    let ada = exec_with(
        1,
        "Ada",
        vec![with_followers(profile(Network::Linkedin), 50)],
        Some(5),
    );
    let ben = exec_with(
        2,
        "Ben",
        vec![with_followers(profile(Network::Linkedin), 20_000)],
        Some(2),
    );
    let roster = [ada.clone(), ben.clone()];
    let only = |component: Component| {
        let mut weights = NaturalWeights {
            completeness: 0,
            activity: 0,
            reach: 0,
            engagement: 0,
            willingness: 0,
        };
        weights.set(component, 5);
        outreach_order(&roster, &weights)
            .into_iter()
            .map(|(id, _)| id)
            .collect::<Vec<_>>()
    };
    assert_eq!(only(Component::Willingness), vec![ada.id, ben.id]);
    assert_eq!(only(Component::Reach), vec![ben.id, ada.id]);
}

#[test]
fn tiers_follow_the_documented_thresholds() {
    assert_eq!(NATURAL_THRESHOLD, 65);
    assert_eq!(WARM_THRESHOLD, 40);
    assert_eq!(Tier::of(100), Tier::Natural);
    assert_eq!(Tier::of(65), Tier::Natural);
    assert_eq!(Tier::of(64), Tier::Warm);
    assert_eq!(Tier::of(40), Tier::Warm);
    assert_eq!(Tier::of(39), Tier::NeedsConvincing);
    assert_eq!(Tier::of(0), Tier::NeedsConvincing);
    assert_eq!(Tier::Natural.range(), "65–100");
    assert_eq!(Tier::Warm.range(), "40–64");
    assert_eq!(Tier::NeedsConvincing.range(), "0–39");
    assert_eq!(
        Tier::ALL.map(Tier::label),
        ["Natural", "Warm", "Needs convincing"]
    );
}

/// Any profile, including numbers only a hostile file could hold.
fn hostile_profile() -> impl Strategy<Value = Profile> {
    (
        prop::sample::select(Network::ALL.to_vec()),
        any_profile(),
        prop::option::of(prop_oneof![
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(-0.0),
            Just(f64::MAX),
            Just(f64::MIN_POSITIVE),
        ]),
        prop::option::of(prop_oneof![
            Just(0u64),
            Just(1),
            Just(u64::MAX),
            any::<u64>()
        ]),
    )
        .prop_map(|(network, mut p, engagement, followers)| {
            p.network = network;
            p.avg_engagement = engagement;
            p.followers = followers;
            p
        })
}

fn hostile_executive() -> impl Strategy<Value = Executive> {
    (
        any_executive(),
        prop::collection::vec(hostile_profile(), 0..6),
        prop::option::of(any::<u8>()),
    )
        .prop_map(|(mut e, profiles, willingness)| {
            e.profiles = profiles;
            e.willingness = willingness;
            e
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_score_is_between_0_and_100_and_never_nan(
        executive in hostile_executive(),
        weights in any_weights(),
    ) {
        let score = natural_score(&executive, &weights);
        prop_assert!(score.total <= 100);
        prop_assert_eq!(score.tier, Tier::of(score.total));
        prop_assert_eq!(score.components.len(), 5);
        let mut sum = 0.0;
        for line in &score.components {
            if let Some(v) = line.value {
                prop_assert!(v.is_finite() && (0.0..=1.0).contains(&v), "{:?}", line);
            }
            prop_assert!(line.points.is_finite() && line.points >= 0.0, "{:?}", line);
            prop_assert!(line.points <= line.max_points + 1e-9, "{:?}", line);
            prop_assert!(line.weight <= MAX_WEIGHT);
            prop_assert!(!line.explanation.is_empty());
            prop_assert!(!line.explanation.contains("NaN") && !line.explanation.contains("inf"));
            sum += line.points;
        }
        prop_assert!((sum.round() - f64::from(score.total)).abs() < 1e-9);
    }

    #[test]
    fn the_order_of_an_executives_profiles_does_not_change_the_score(
        executive in hostile_executive(),
        seed in any::<u64>(),
    ) {
        let weights = NaturalWeights::default();
        let mut shuffled = executive.clone();
        let len = shuffled.profiles.len();
        if len > 1 {
            shuffled.profiles.rotate_left((seed as usize) % len);
        }
        prop_assert_eq!(
            natural_score(&executive, &weights).total,
            natural_score(&shuffled, &weights).total
        );
    }

    #[test]
    fn the_outreach_order_does_not_depend_on_the_roster_order(
        roster in prop::collection::vec(hostile_executive(), 0..8)
            .prop_flat_map(|r| (Just(r.clone()), Just(r).prop_shuffle())),
        weights in any_weights(),
    ) {
        let (original, shuffled) = roster;
        let a = outreach_order(&original, &weights);
        let b = outreach_order(&shuffled, &weights);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.len(), original.iter().filter(|e| !e.deleted).count());
        for pair in a.windows(2) {
            prop_assert!(pair[0].1.total >= pair[1].1.total);
        }
    }
}

// --- The outreach order --------------------------------------------------------------------------

#[test]
fn equal_scores_are_ordered_by_willingness_then_name_then_id() {
    // Same data, so the same total; only willingness, name and id differ.
    let same = |n: u128, name: &str, willingness: Option<u8>| {
        exec_with(
            n,
            name,
            vec![with_audit(profile(Network::Linkedin), &all_linkedin_keys())],
            willingness,
        )
    };
    let mut weights = NaturalWeights::default();
    weights.set(Component::Willingness, 0);
    let roster = vec![
        same(5, "zoë", Some(3)),
        same(4, "Adam", Some(3)),
        same(3, "Bea", Some(5)),
        same(2, "adam", Some(3)),
        same(1, "Carl", None),
        same(6, "Dan", Some(9)), // out of range: ranked as not assessed
    ];
    let order: Vec<u128> = outreach_order(&roster, &weights)
        .into_iter()
        .map(|(id, _)| id.as_u128())
        .collect();
    // Bea (5), then the 3s by name ignoring case — "adam"/"Adam" by id — then Carl and Dan
    // (not assessed) by name.
    assert_eq!(order, vec![3, 2, 4, 5, 1, 6]);
}

#[test]
fn higher_scores_come_first_and_tombstones_are_left_out() {
    let mut gone = exec_with(3, "Gone", vec![], Some(5));
    gone.deleted = true;
    let roster = vec![
        exec_with(1, "Low", vec![], Some(2)),
        gone,
        exec_with(2, "High", vec![], Some(5)),
    ];
    let order = outreach_order(&roster, &NaturalWeights::default());
    let ids: Vec<u128> = order.iter().map(|(id, _)| id.as_u128()).collect();
    assert_eq!(ids, vec![2, 1]);
    assert!(order[0].1.total > order[1].1.total);
}

#[test]
fn equal_scores_share_a_rank_and_the_next_rank_skips() {
    assert_eq!(ranks(&[90, 80, 80, 70]), vec![1, 2, 2, 4]);
    assert_eq!(ranks(&[50, 50, 50]), vec![1, 1, 1]);
    assert_eq!(ranks(&[]), Vec::<usize>::new());
    assert_eq!(ranks(&[7]), vec![1]);
}

// --- The outreach pipeline -----------------------------------------------------------------------

#[test]
fn a_new_executive_has_not_been_contacted() {
    let e = executive(1, "New", 0, 0);
    assert_eq!(current_stage(&e), OutreachStage::NotContacted);
    assert_eq!(stage_since(&e), None);
}

#[test]
fn each_change_of_stage_is_dated_and_repeats_are_ignored() {
    let mut e = executive(1, "Ada", 0, 0);
    set_stage(&mut e, OutreachStage::NotContacted, date(2026, 1, 1));
    assert!(e.outreach.is_empty(), "already not contacted");
    set_stage(&mut e, OutreachStage::Contacted, date(2026, 1, 5));
    set_stage(&mut e, OutreachStage::Contacted, date(2026, 1, 6));
    set_stage(&mut e, OutreachStage::Interested, date(2026, 1, 12));
    set_stage(&mut e, OutreachStage::Committed, date(2026, 1, 20));
    assert_eq!(
        e.outreach,
        vec![
            OutreachChange {
                stage: OutreachStage::Contacted,
                on: date(2026, 1, 5)
            },
            OutreachChange {
                stage: OutreachStage::Interested,
                on: date(2026, 1, 12)
            },
            OutreachChange {
                stage: OutreachStage::Committed,
                on: date(2026, 1, 20)
            },
        ]
    );
    assert_eq!(current_stage(&e), OutreachStage::Committed);
    assert_eq!(stage_since(&e), Some(date(2026, 1, 20)));
    // Back to the start is a change too, and is recorded.
    set_stage(&mut e, OutreachStage::NotContacted, date(2026, 2, 1));
    assert_eq!(current_stage(&e), OutreachStage::NotContacted);
    assert_eq!(stage_since(&e), Some(date(2026, 2, 1)));
}

#[test]
fn the_stage_is_held_since_the_first_of_a_run_of_identical_changes() {
    // Only a hand-edited file can repeat a stage; "since" is when it was first reached.
    let mut e = executive(1, "Ada", 0, 0);
    e.outreach = vec![
        OutreachChange {
            stage: OutreachStage::Contacted,
            on: date(2026, 1, 5),
        },
        OutreachChange {
            stage: OutreachStage::NotNow,
            on: date(2026, 1, 9),
        },
        OutreachChange {
            stage: OutreachStage::NotNow,
            on: date(2026, 1, 15),
        },
    ];
    assert_eq!(current_stage(&e), OutreachStage::NotNow);
    assert_eq!(stage_since(&e), Some(date(2026, 1, 9)));
}

#[test]
fn the_pipeline_counts_every_stage_in_order() {
    let at = |n: u128, stages: &[OutreachStage]| {
        let mut e = executive(n, "E", 0, 0);
        for (i, &s) in stages.iter().enumerate() {
            set_stage(&mut e, s, date(2026, 1, 1 + i as u32));
        }
        e
    };
    use OutreachStage::*;
    let mut gone = at(9, &[Committed]);
    gone.deleted = true;
    let roster = [
        at(1, &[]),
        at(2, &[Contacted]),
        at(3, &[Contacted, Interested]),
        at(4, &[Contacted, Interested, Committed]),
        at(5, &[Contacted, Committed]),
        at(6, &[Contacted, Declined]),
        gone,
    ];
    assert_eq!(
        pipeline_summary(&roster),
        vec![
            (NotContacted, 1),
            (Contacted, 1),
            (Interested, 1),
            (Committed, 2),
            (Declined, 1),
            (NotNow, 0),
        ]
    );
    assert_eq!(
        OutreachStage::ALL.map(OutreachStage::label),
        [
            "Not contacted",
            "Contacted",
            "Interested",
            "Committed",
            "Declined",
            "Not now"
        ]
    );
    let empty: [Executive; 0] = [];
    assert_eq!(pipeline_summary(&empty).len(), 6);
}

// --- The demo programme --------------------------------------------------------------------------

#[test]
fn the_demo_ranking_has_a_clear_natural_on_top_and_every_tier() {
    let demo = demo_programme(at(0));
    let order = outreach_order(&demo.executives, &demo.settings.natural_weights);
    assert_eq!(order.len(), 10);
    let name = |id| {
        demo.executives
            .iter()
            .find(|e| e.id == id)
            .unwrap()
            .name
            .clone()
    };
    assert_eq!(name(order[0].0), "Lukas Brandt");
    assert!(order[0].1.total >= order[1].1.total + 5, "a clear lead");
    let totals: BTreeSet<u8> = order.iter().map(|(_, s)| s.total).collect();
    assert_eq!(totals.len(), 10, "no ties in the demo");
    for tier in Tier::ALL {
        let count = order.iter().filter(|(_, s)| s.tier == tier).count();
        assert!(count >= 2, "{tier:?}: {count}");
    }
}

#[test]
fn the_demo_profiles_are_on_the_programmes_networks_and_well_formed() {
    let demo = demo_programme(at(0));
    for e in demo.roster() {
        assert!(!e.profiles.is_empty(), "{} has profiles", e.name);
        assert!(e.willingness.is_some_and(|w| (1..=5).contains(&w)));
        let networks: BTreeSet<Network> = e.profiles.iter().map(|p| p.network).collect();
        assert_eq!(networks.len(), e.profiles.len(), "one profile per network");
        for p in &e.profiles {
            assert!(demo.settings.networks.contains(&p.network), "{}", e.name);
            assert_eq!(
                validate_address(p.network, &p.address),
                Ok(()),
                "{}",
                p.address
            );
            let items = audit_items(p.network);
            assert!(p.audit.iter().all(|k| items.iter().any(|i| i.key == k)));
        }
        assert_eq!(validate_email(&e.email), Ok(()));
    }
}

#[test]
fn the_demo_outreach_is_varied_and_dated_in_the_past() {
    let now = at(0);
    let demo = demo_programme(now);
    let summary = pipeline_summary(demo.roster());
    let count = |stage| summary.iter().find(|(s, _)| *s == stage).unwrap().1;
    assert!(count(OutreachStage::Committed) >= 2);
    assert!(count(OutreachStage::Contacted) >= 1);
    assert_eq!(count(OutreachStage::Declined), 1);
    assert_eq!(count(OutreachStage::NotNow), 1);
    let start = demo.settings.start_date.unwrap();
    for e in demo.roster() {
        for pair in e.outreach.windows(2) {
            assert!(pair[0].on <= pair[1].on && pair[0].stage != pair[1].stage);
        }
        for change in &e.outreach {
            assert!(
                change.on <= now.date_naive() && change.on >= start,
                "{}",
                e.name
            );
        }
    }
}
