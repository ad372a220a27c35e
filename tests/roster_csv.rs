//! Step 1 CSV: the roster import (reliability row 12: BOM, `;`, CRLF, quoted line breaks,
//! missing/extra columns, `1,5`, text in number columns → per-row errors, nothing applied until
//! confirmed; row 15: never panics) and the ranked-list export (row 13: formula injection
//! neutralised, numbers stay numbers).

mod common;

use common::*;
use exec_social_playbook::io::csv::*;
use exec_social_playbook::model::demo::demo_programme;
use exec_social_playbook::model::naturals::{
    profile_on, set_stage, NaturalWeights, OutreachStage, Profile,
};
use exec_social_playbook::model::{Executive, Network, Programme};
use proptest::prelude::*;

const HEADER: &str =
    "name,title,department,email,linkedin,x,intranet,instagram,youtube,bluesky,mastodon,threads,other";

fn parse(text: &str) -> RosterImport {
    parse_roster_csv(text).unwrap_or_else(|e| panic!("the file should be usable: {e}"))
}

fn names(import: &RosterImport) -> Vec<&str> {
    import.rows.iter().map(|r| r.name.as_str()).collect()
}

fn lines_with_errors(import: &RosterImport) -> Vec<usize> {
    import.errors.iter().map(|e| e.line).collect()
}

fn empty_programme() -> Programme {
    programme(1, "Pilot", 0, 0)
}

/// `n` rows in the template's format.
fn template_rows(n: usize) -> String {
    let mut text = format!("{HEADER}\r\n");
    for i in 1..=n {
        text.push_str(&format!(
            "Exec {i},Title {i},Dept {},exec{i}@northwind.example,https://www.linkedin.com/in/exec-{i},@exec_{i},,,,,,,\r\n",
            i % 3
        ));
    }
    text
}

/// Reads a CSV text back into its cells.
fn cells(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

// --- The template --------------------------------------------------------------------------------

#[test]
fn the_template_has_every_column_and_two_rows_that_import_cleanly() {
    let template = roster_template();
    assert!(template.starts_with(&format!("{HEADER}\r\n")));
    assert!(template.ends_with("\r\n"));
    assert_eq!(template.matches("\r\n").count(), 3);
    assert!(!template.replace("\r\n", "").contains('\n'));
    let import = parse(&template);
    assert_eq!(import.rows.len(), 2);
    assert_eq!(import.errors, vec![]);
    assert_eq!(import.warnings, Vec::<String>::new());
    assert_eq!(import.rows[0].line, 2);
    assert_eq!(import.rows[1].title, "VP Sales, EMEA");
    assert!(import.rows[0].profiles.contains(&(
        Network::Linkedin,
        "https://www.linkedin.com/in/jane-example".into()
    )));
}

#[test]
fn a_twenty_row_file_adds_twenty_executives_and_importing_it_again_updates_them() {
    let file = template_rows(20);
    let import = parse(&file);
    assert_eq!(import.rows.len(), 20);
    assert!(import.errors.is_empty());
    let mut programme = empty_programme();
    let before = programme.clone();
    let plan = plan_roster_import(&programme, &import);
    assert_eq!((plan.new.len(), plan.updates.len()), (20, 0));
    // Planning changes nothing.
    assert_eq!(programme, before);

    apply_roster_import(&mut programme, &plan, at(100));
    assert_eq!(programme.roster().count(), 20);
    // Distinct creation times keep the file's order after a reload (canonical order).
    programme.normalise();
    let roster: Vec<&str> = programme.roster().map(|e| e.name.as_str()).collect();
    let expected: Vec<String> = (1..=20).map(|i| format!("Exec {i}")).collect();
    assert_eq!(roster, expected);
    let first = &programme.executives[0];
    assert_eq!(first.title, "Title 1");
    assert_eq!(first.email, "exec1@northwind.example");
    assert_eq!(
        profile_on(first, Network::X).map(|p| p.address.as_str()),
        Some("@exec_1")
    );

    let again = plan_roster_import(&programme, &parse(&file));
    assert_eq!((again.new.len(), again.updates.len()), (0, 20));
    let settled = programme.clone();
    apply_roster_import(&mut programme, &again, at(200));
    assert_eq!(programme, settled, "an unchanged file edits nothing");
}

// --- Reliability row 12 --------------------------------------------------------------------------

#[test]
fn a_byte_order_mark_is_ignored() {
    let import = parse("\u{feff}name,email\r\nAda Lovelace,ada@example.com\r\n");
    assert_eq!(names(&import), vec!["Ada Lovelace"]);
    assert_eq!(import.rows[0].email, "ada@example.com");
    assert!(import.warnings.is_empty());
}

#[test]
fn semicolon_separated_files_are_read_and_commas_stay_inside_values() {
    let import = parse(
        "Name;Title;Department;Willingness\r\nAda;CTO, Platform;R&D;4\r\nBen;CFO;Finance;1,5\r\n",
    );
    assert_eq!(names(&import), vec!["Ada"]);
    assert_eq!(import.rows[0].title, "CTO, Platform");
    assert_eq!(import.rows[0].willingness, Some(4));
    assert_eq!(lines_with_errors(&import), vec![3]);
    let message = &import.errors[0].message;
    assert!(
        message.contains("Column “Willingness”") && message.contains("“1,5”"),
        "{message}"
    );
    assert_plain_words(message);
}

#[test]
fn tab_separated_files_are_read() {
    let import = parse("name\ttitle\nAda\tCTO\n");
    assert_eq!(names(&import), vec!["Ada"]);
    assert_eq!(import.rows[0].title, "CTO");
}

#[test]
fn windows_line_ends_and_line_breaks_inside_quotes_keep_line_numbers_right() {
    let text = "name,title\r\n\"Ada\",\"Chief Technology Officer\r\nand Co-founder\"\r\n,\r\nBen,\"He said \"\"hi\"\"\"\r\n\r\n\"Cy\r\nD\",CEO\r\n\"\",Nameless\r\n";
    let import = parse(text);
    assert_eq!(import.rows.len(), 3);
    assert_eq!(
        import.rows[0].title,
        "Chief Technology Officer\r\nand Co-founder"
    );
    assert_eq!(import.rows[0].line, 2);
    assert_eq!(import.rows[1].title, "He said \"hi\"");
    assert_eq!(
        import.rows[1].line, 5,
        "after a quoted line break and a blank row"
    );
    // A line break inside a name is a typing slip: the name keeps single spaces.
    assert_eq!(import.rows[2].name, "Cy D");
    assert_eq!(import.rows[2].line, 7);
    assert_eq!(lines_with_errors(&import), vec![9]);
}

#[test]
fn old_mac_line_ends_are_read() {
    let import = parse("name\rAda\rBen\r");
    assert_eq!(names(&import), vec!["Ada", "Ben"]);
    assert_eq!(import.rows[1].line, 3);
}

#[test]
fn headers_are_matched_in_any_order_case_and_common_wording() {
    let import = parse(
        "E-mail,LinkedIn URL,Job title,NAME,Twitter,Dept,Bluesky handle\nada@example.com,linkedin.com/in/ada-l,CTO,Ada,@ada,R&D,ada.bsky.social\n",
    );
    assert_eq!(import.warnings, Vec::<String>::new());
    let row = &import.rows[0];
    assert_eq!(
        (
            row.name.as_str(),
            row.title.as_str(),
            row.department.as_str(),
            row.email.as_str()
        ),
        ("Ada", "CTO", "R&D", "ada@example.com")
    );
    assert_eq!(
        row.profiles,
        vec![
            (Network::Linkedin, "linkedin.com/in/ada-l".to_string()),
            (Network::X, "@ada".to_string()),
            (Network::Bluesky, "ada.bsky.social".to_string()),
        ]
    );
}

#[test]
fn only_the_name_column_is_required() {
    let import = parse("name\nAda\nBen\n");
    assert_eq!(names(&import), vec!["Ada", "Ben"]);
    assert!(import
        .rows
        .iter()
        .all(|r| r.title.is_empty() && r.profiles.is_empty()));
    assert!(import.errors.is_empty() && import.warnings.is_empty());
}

#[test]
fn unknown_and_repeated_columns_are_ignored_with_a_warning() {
    let import =
        parse("name,Phone,email,Email\nAda,+44 20 7946 0000,ada@example.com,other@example.com\n");
    assert_eq!(import.rows[0].email, "ada@example.com");
    assert_eq!(import.warnings.len(), 2);
    assert!(import.warnings[0].contains("“Phone”"));
    assert!(import.warnings[1].contains("“Email”"));
    for warning in &import.warnings {
        assert_plain_words(warning);
    }
}

#[test]
fn rows_with_too_many_or_too_few_values_are_refused() {
    let import = parse(
        "name,title,willingness\nAda,CTO,4\nBen,CFO,1,5\nCy,CEO\n\"Dee\",\"VP, Sales\",2\nEve,COO,3,,\n",
    );
    assert_eq!(
        names(&import),
        vec!["Ada", "Dee", "Eve"],
        "trailing empty values are fine"
    );
    assert_eq!(lines_with_errors(&import), vec![3, 4]);
    assert!(
        import.errors[0].message.contains("4 values"),
        "{}",
        import.errors[0].message
    );
    assert!(import.errors[0].message.contains("quotes"));
    assert!(
        import.errors[1].message.contains("2 values"),
        "{}",
        import.errors[1].message
    );
    for error in &import.errors {
        assert_plain_words(&error.message);
    }
}

#[test]
fn text_in_the_number_column_is_a_row_error_naming_the_column() {
    let import = parse("name,willingness\nA,high\nB,\"1,5\"\nC,1.5\nD,0\nE,6\nF,-1\nG,5\nH,\n");
    assert_eq!(names(&import), vec!["G", "H"]);
    assert_eq!(import.rows[0].willingness, Some(5));
    assert_eq!(import.rows[1].willingness, None);
    assert_eq!(lines_with_errors(&import), vec![2, 3, 4, 5, 6, 7]);
    for error in &import.errors {
        assert!(
            error.message.starts_with("Column “willingness”:"),
            "{}",
            error.message
        );
        assert!(error.message.contains("whole number from 1 to 5"));
    }
}

#[test]
fn blank_rows_are_skipped() {
    let import = parse("name,title\n\n,\n  ,  \nAda,CTO\n\n");
    assert_eq!(names(&import), vec!["Ada"]);
    assert!(import.errors.is_empty());
}

#[test]
fn a_row_without_a_name_is_refused() {
    let import = parse("name,title\n ,CTO\nAda,CEO\n");
    assert_eq!(names(&import), vec!["Ada"]);
    assert_eq!(lines_with_errors(&import), vec![2]);
    assert!(import.errors[0].message.contains("name is missing"));
}

#[test]
fn a_bad_email_or_profile_address_is_refused_naming_the_column() {
    let import = parse(
        "Name,E-mail,LinkedIn\nAda,ada@,\nBen,ben@example.com,https://x.com/ben\nCy,,linkedin.com/in/cy-d\n",
    );
    assert_eq!(names(&import), vec!["Cy"]);
    assert_eq!(lines_with_errors(&import), vec![2, 3]);
    assert!(import.errors[0].message.starts_with("Column “E-mail”: "));
    assert_eq!(
        import.errors[1].message,
        "Column “LinkedIn”: This looks like an X address. LinkedIn profiles look like linkedin.com/in/your-name."
    );
}

#[test]
fn a_repeated_name_or_email_is_refused_on_the_later_line() {
    let import = parse(
        "name,email\nAda Lovelace,ada@example.com\nBen,ben@example.com\n  ada   LOVELACE ,\nCy,BEN@example.com\n",
    );
    assert_eq!(names(&import), vec!["Ada Lovelace", "Ben"]);
    assert_eq!(lines_with_errors(&import), vec![4, 5]);
    assert!(
        import.errors[0].message.contains("line 2"),
        "{}",
        import.errors[0].message
    );
    assert!(
        import.errors[1].message.contains("line 3"),
        "{}",
        import.errors[1].message
    );
}

#[test]
fn a_row_can_have_several_problems_each_reported() {
    let import = parse("name,email,x,willingness\n,bad,@way_too_long_handle_here,9\n");
    assert_eq!(import.errors.len(), 4);
    assert!(import.errors.iter().all(|e| e.line == 2));
}

#[test]
fn an_unusable_file_is_refused_as_a_whole_in_plain_words() {
    let too_large = format!("name\n{}", "a\n".repeat(MAX_ROSTER_BYTES));
    for (text, says) in [
        ("", "empty"),
        ("\u{feff}", "empty"),
        ("  \r\n \n", "empty"),
        (too_large.as_str(), "too large"),
        ("name\0\u{1}\u{2}", "not a text file"),
        ("title,email\nCTO,a@b.com\n", "“name” column"),
        ("Ada Lovelace\n", "“name” column"),
    ] {
        let message = parse_roster_csv(text).expect_err(says);
        assert!(message.contains(says), "{says}: {message}");
        assert_plain_words(&message);
    }
}

#[test]
fn a_file_in_the_wrong_encoding_gets_a_warning() {
    let import = parse("name\nChlo\u{fffd} Dubois\n");
    assert_eq!(import.rows.len(), 1);
    assert!(import.warnings.iter().any(|w| w.contains("CSV UTF-8")));
}

#[test]
fn a_header_without_rows_gets_a_warning() {
    let import = parse(&format!("{HEADER}\r\n"));
    assert!(import.rows.is_empty() && import.errors.is_empty());
    assert_eq!(import.warnings.len(), 1);
}

// --- Planning and applying -----------------------------------------------------------------------

fn roster_programme() -> Programme {
    let mut ada = executive(1, "Ada Lovelace", 0, 0);
    ada.email = "Ada@Example.com".into();
    ada.notes = "Keep".into();
    ada.willingness = Some(4);
    ada.profiles = vec![Profile {
        network: Network::Linkedin,
        address: "linkedin.com/in/old-ada".into(),
        followers: Some(900),
        posts_30d: Some(2),
        avg_engagement: Some(12.0),
        audit: vec!["photo".into()],
    }];
    let ben = executive(2, "Ben Okoro", 1, 1);
    let mut gone = executive(3, "Cy Gone", 2, 2);
    gone.deleted = true;
    with_executives(programme(10, "Pilot", 0, 0), vec![ada, ben, gone])
}

#[test]
fn rows_match_existing_executives_by_email_then_by_name() {
    let programme = roster_programme();
    let import = parse("name,email\nAda L.,ada@example.COM\n  ben   okoro ,\nCy Gone,\nDee,\n");
    let plan = plan_roster_import(&programme, &import);
    let updated: Vec<(u128, &str)> = plan
        .updates
        .iter()
        .map(|(id, row)| (id.as_u128(), row.name.as_str()))
        .collect();
    assert_eq!(updated, vec![(1, "Ada L."), (2, "ben okoro")]);
    // A deleted executive is not matched: the row is new.
    let new: Vec<&str> = plan.new.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(new, vec!["Cy Gone", "Dee"]);
}

#[test]
fn two_rows_for_the_same_executive_update_it_once() {
    let programme = roster_programme();
    let import = parse("name,email\nAda Lovelace,\nSomeone Else,ada@example.com\n");
    let plan = plan_roster_import(&programme, &import);
    assert_eq!(plan.updates.len(), 1);
    assert_eq!(plan.skipped.len(), 1);
    assert_eq!(plan.skipped[0].line, 3);
    assert_plain_words(&plan.skipped[0].message);
}

#[test]
fn an_update_fills_in_what_the_file_gives_and_touches_nothing_else() {
    let mut programme = roster_programme();
    let import = parse(
        "name,title,department,email,linkedin,instagram\nAda Lovelace,CTO,,,linkedin.com/in/ada-lovelace,@ada.l\n",
    );
    let plan = plan_roster_import(&programme, &import);
    assert_eq!(plan.networks_not_in_programme, vec![Network::Instagram]);
    apply_roster_import(&mut programme, &plan, at(50));
    let ada = &programme.executives[0];
    assert_eq!(ada.title, "CTO");
    assert_eq!(ada.department, "", "blank cells change nothing");
    assert_eq!(ada.email, "Ada@Example.com");
    assert_eq!(ada.notes, "Keep");
    assert_eq!(ada.willingness, Some(4));
    let linkedin = profile_on(ada, Network::Linkedin).unwrap();
    assert_eq!(linkedin.address, "linkedin.com/in/ada-lovelace");
    assert_eq!(linkedin.followers, Some(900), "the numbers and audit stay");
    assert_eq!(linkedin.audit, vec!["photo".to_string()]);
    // Stored even though the programme does not list Instagram.
    assert_eq!(
        profile_on(ada, Network::Instagram).unwrap().address,
        "@ada.l"
    );
    assert_eq!(ada.updated_at, at(50));
    // Ben was not in the file.
    assert_eq!(programme.executives[1].updated_at, at(1));
}

#[test]
fn new_executives_keep_the_files_order_and_data() {
    let mut programme = roster_programme();
    let import = parse("name,title,x,willingness\nZed,CEO,@zed,5\nAl,CFO,,\n");
    let plan = plan_roster_import(&programme, &import);
    apply_roster_import(&mut programme, &plan, at(60));
    let zed = programme
        .executives
        .iter()
        .find(|e| e.name == "Zed")
        .unwrap();
    let al = programme
        .executives
        .iter()
        .find(|e| e.name == "Al")
        .unwrap();
    assert!(zed.created_at < al.created_at);
    assert_eq!(zed.created_at, at(60));
    assert_eq!(zed.willingness, Some(5));
    assert_eq!(zed.profiles.len(), 1);
    assert!(al.profiles.is_empty());
    assert!(!zed.deleted && zed.id != al.id);
}

// --- The ranked export (reliability row 13) ------------------------------------------------------

#[test]
fn dangerous_text_cells_are_neutralised() {
    for (text, safe) in [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-2 in text", "'-2 in text"),
        ("@x", "'@x"),
        ("\tTabbed", "'\tTabbed"),
        ("\rCarriage", "'\rCarriage"),
        ("\nLine", "'\nLine"),
        ("Plain", "Plain"),
        ("a=b", "a=b"),
        ("", ""),
        ("'already", "'already"),
    ] {
        assert_eq!(neutralise_cell(text), safe, "{text:?}");
    }
}

fn exec_named(n: u128, name: &str, willingness: Option<u8>) -> Executive {
    let mut e = executive(n, name, n as i64, n as i64);
    e.willingness = willingness;
    e
}

#[test]
fn the_export_neutralises_text_and_keeps_numbers_as_numbers() {
    let mut hostile = exec_named(1, "=SUM(A1)", Some(5));
    hostile.title = "+1".into();
    hostile.department = "-2 in text".into();
    hostile.email = "@x".into();
    hostile.profiles = vec![Profile {
        network: Network::Linkedin,
        address: "=HYPERLINK(\"http://evil\")".into(),
        followers: Some(1_240),
        posts_30d: Some(7),
        avg_engagement: Some(26.0),
        audit: vec!["photo".into(), "banner".into(), "headline".into()],
    }];
    set_stage(
        &mut hostile,
        OutreachStage::Interested,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 9).unwrap(),
    );
    let mut tab = exec_named(2, "\tTab", None);
    tab.title = "\rCR".into();
    tab.department = "\nLF".into();
    let programme = with_executives(programme(10, "Pilot", 0, 0), vec![hostile, tab]);

    let text = ranked_csv(&programme);
    assert!(text.starts_with(
        "rank,name,title,department,email,natural_score,tier,completeness,activity,reach,engagement,willingness,stage,stage_since\r\n"
    ));
    let rows = cells(&text);
    assert_eq!(rows.len(), 3);
    let first = &rows[1];
    assert_eq!(
        first[..5],
        ["1", "'=SUM(A1)", "'+1", "'-2 in text", "'@x"].map(String::from)
    );
    let score = exec_social_playbook::model::naturals::natural_score(
        &programme.executives[0],
        &NaturalWeights::default(),
    );
    assert_eq!(first[5], score.total.to_string());
    assert_eq!(first[6], score.tier.label());
    // completeness 3 of 9 = 33%, 7 posts, 1,240 followers, 26 / 1,240 = 2.1%, willingness 5.
    assert_eq!(
        first[7..],
        ["33", "7", "1240", "2.1", "5", "Interested", "2026-01-09"].map(String::from)
    );
    // Numbers are bare in the file: never quoted, never prefixed.
    let line = text.lines().nth(1).unwrap();
    assert!(line.contains(",33,7,1240,2.1,5,"), "{line}");
    let second = &rows[2];
    assert_eq!(second[1..4], ["'\tTab", "'\rCR", "'\nLF"].map(String::from));
    // Unknown numbers are empty cells.
    assert_eq!(second[7..12], ["", "", "", "", ""].map(String::from));
    assert_eq!(second[12..], ["Not contacted", ""].map(String::from));
}

#[test]
fn the_export_ranks_ties_equally_in_outreach_order() {
    let programme = with_executives(
        programme(10, "Pilot", 0, 0),
        vec![
            exec_named(1, "Low", Some(2)),
            exec_named(2, "Top", Some(5)),
            exec_named(3, "Mid B", Some(3)),
            exec_named(4, "Mid A", Some(3)),
        ],
    );
    let rows = cells(&ranked_csv(&programme));
    let ranked: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        ranked,
        vec![("1", "Top"), ("2", "Mid A"), ("2", "Mid B"), ("4", "Low")]
    );
}

#[test]
fn the_export_uses_windows_line_ends_and_quotes_as_needed() {
    let mut e = exec_named(1, "Smith, Jane \"JJ\"", None);
    e.title = "Line one\nLine two".into();
    let text = ranked_csv(&with_executives(programme(10, "Pilot", 0, 0), vec![e]));
    assert!(text.contains("\"Smith, Jane \"\"JJ\"\"\""));
    assert!(text.contains("\"Line one\nLine two\""));
    assert!(text.ends_with("\r\n"));
    assert_eq!(cells(&text)[1][1], "Smith, Jane \"JJ\"");
}

#[test]
fn the_demo_exports_ten_ranked_rows() {
    let demo = demo_programme(at(0));
    let rows = cells(&ranked_csv(&demo));
    assert_eq!(rows.len(), 11);
    assert_eq!(rows[0], RANKED_COLUMNS.map(String::from));
    assert_eq!(rows[1][1], "Lukas Brandt");
    let scores: Vec<u8> = rows[1..].iter().map(|r| r[5].parse().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
}

// --- Fuzzing (reliability row 15) ----------------------------------------------------------------

/// Text that looks like CSV: cells with quotes, separators, line breaks and BOMs.
fn csv_like() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        Just(String::new()),
        Just("name".to_string()),
        Just("email".to_string()),
        Just("willingness".to_string()),
        Just("linkedin".to_string()),
        Just("\"".to_string()),
        Just("\"a\"\"b\"".to_string()),
        Just("\"x\ny\"".to_string()),
        Just("1,5".to_string()),
        Just("\u{feff}".to_string()),
        "[a-zA-Z@.:/ =+-]{0,12}",
        any::<String>(),
    ];
    let separator = prop::sample::select(vec![",", ";", "\t", "\n", "\r\n", "\r", "\"", ""]);
    prop::collection::vec((cell, separator), 0..40).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(cell, sep)| format!("{cell}{sep}"))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn reading_any_text_as_a_roster_never_panics(
        text in prop_oneof![any::<String>(), csv_like()],
        prefix in prop::sample::select(vec!["", "name,email\n", "Name;Title\r\n", "\u{feff}name\n"]),
    ) {
        let text = format!("{prefix}{text}");
        if let Ok(import) = parse_roster_csv(&text) {
            for row in &import.rows {
                prop_assert!(!row.name.trim().is_empty());
                prop_assert!(row.line >= 1);
            }
            let line_count = text.matches('\n').count() + text.matches('\r').count() + 1;
            for error in &import.errors {
                prop_assert!(error.line >= 1 && error.line <= line_count, "{:?}", error);
            }
            let plan = plan_roster_import(&empty_programme(), &import);
            let mut programme = empty_programme();
            apply_roster_import(&mut programme, &plan, at(1));
            prop_assert_eq!(programme.roster().count(), import.rows.len());
        }
    }

    #[test]
    fn any_programme_exports_a_readable_safe_ranked_list(programme in any_programme()) {
        let text = ranked_csv(&programme);
        let rows = cells(&text);
        prop_assert_eq!(rows.len(), 1 + programme.roster().count());
        for row in &rows[1..] {
            prop_assert_eq!(row.len(), RANKED_COLUMNS.len());
            for (i, cell) in row.iter().enumerate() {
                let numeric = matches!(i, 0 | 5 | 7 | 8 | 9 | 10 | 11);
                if numeric {
                    prop_assert!(cell.chars().all(|c| c.is_ascii_digit() || c == '.'), "{:?}", cell);
                } else {
                    prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']), "{:?}", cell);
                }
            }
        }
    }
}
