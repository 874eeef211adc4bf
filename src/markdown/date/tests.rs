use super::*;

fn found(text: &str) -> Option<(String, String, bool)> {
    match find_date(text, 2025) {
        DateInText::Found(f) => Some((f.date.to_string(), f.format, f.has_year)),
        _ => None,
    }
}

#[test]
fn dates_are_found_with_words_around_them() {
    let cases = [
        ("2023/10/12日報", "2023-10-12", "%Y/%m/%d", true),
        ("日報 2023/10/12", "2023-10-12", "%Y/%m/%d", true),
        (
            "2023年10月12日（木）日報",
            "2023-10-12",
            "%Y年%m月%d日",
            true,
        ),
        ("5月13日日報", "2025-05-13", "%-m月%d日", false),
        ("Daily Report(2024-01-27)", "2024-01-27", "%Y-%m-%d", true),
        ("2025-10-02 (Day 1)", "2025-10-02", "%Y-%m-%d", true),
        ("2024/06/04 200/365", "2024-06-04", "%Y/%m/%d", true),
        ("Day 3: January 6, 2020", "2020-01-06", "%B %-d, %Y", true),
        ("3 Jan 2020", "2020-01-03", "%-d %b %Y", true),
        ("Mon, January 6", "2025-01-06", "%B %-d", false),
        ("12/01", "2025-12-01", "%m/%d", false),
        ("20240127", "2024-01-27", "%Y%m%d", true),
        ("**2025.03.10** の学習", "2025-03-10", "%Y.%m.%d", true),
        ("[11/26/2023, 13:42-15:00]", "2023-11-26", "%m/%d/%Y", true),
        ("26/11/2023", "2023-11-26", "%d/%m/%Y", true),
        ("Tagebuch 3.4.2024", "2024-04-03", "%-d.%-m.%Y", true),
        (
            "Day 1: Friday, March 1, 2019",
            "2019-03-01",
            "%B %-d, %Y",
            true,
        ),
    ];
    for (text, date, format, has_year) in cases {
        assert_eq!(
            found(text),
            Some((date.to_owned(), format.to_owned(), has_year)),
            "{text}"
        );
    }
}

#[test]
fn other_headings_are_not_dates() {
    for text in [
        "学習ログ",
        "Learning Log",
        "Chapter 3.2 notes",
        "Version 1.2.3",
        "進捗 200/365",
        "March 2024 review",
        "May I ask",
        "25/03/10",
        "1/2/3",
        "Todo",
    ] {
        assert_eq!(found(text), None, "{text}");
    }
}

#[test]
fn a_date_without_a_year_takes_the_year_of_the_date_before_it() {
    let last = NaiveDate::from_ymd_opt(2020, 1, 3).unwrap();
    let date = |text| match find_date_after(text, Some(last), 2025) {
        DateInText::Found(f) => f.date.to_string(),
        other => panic!("{text}: {other:?}"),
    };
    assert_eq!(date("Mon, January 6"), "2020-01-06");
    // Earlier in the year than the day before: the log went on into the next.
    let december = NaiveDate::from_ymd_opt(2024, 12, 30).unwrap();
    match find_date_after("1月2日", Some(december), 2025) {
        DateInText::Found(f) => assert_eq!(f.date.to_string(), "2025-01-02"),
        other => panic!("{other:?}"),
    }
    // Newest first, back from January into December.
    let january = NaiveDate::from_ymd_opt(2025, 1, 2).unwrap();
    match find_date_after("12/30", Some(january), 2025) {
        DateInText::Found(f) => assert_eq!(f.date.to_string(), "2024-12-30"),
        other => panic!("{other:?}"),
    }
    // A date with a year keeps it.
    assert_eq!(date("2019-05-05"), "2019-05-05");
}

#[test]
fn impossible_dates_are_told_apart_from_no_date() {
    for text in ["2025-02-30", "13/45", "2025年13月1日 日報"] {
        assert!(
            matches!(find_date(text, 2025), DateInText::Impossible { .. }),
            "{text}"
        );
    }
}

#[test]
fn a_weekday_that_is_not_the_dates_own_is_reported() {
    let DateInText::Found(f) = find_date("2025/12/01（火）", 2025) else {
        panic!()
    };
    assert_eq!(f.wrong_weekday.as_deref(), Some("火"));
    let DateInText::Found(f) = find_date("2025/12/01（月）", 2025) else {
        panic!()
    };
    assert_eq!(f.wrong_weekday, None);
    // 6 January 2020 was a Monday.
    let DateInText::Found(f) = find_date("Tue, January 6, 2020", 2025) else {
        panic!()
    };
    assert_eq!(f.wrong_weekday.as_deref(), Some("Tue"));
    let DateInText::Found(f) = find_date("Mon, January 6, 2020", 2025) else {
        panic!()
    };
    assert_eq!(f.wrong_weekday, None);
}

#[test]
fn a_heading_that_is_only_a_date_gives_its_format() {
    let cases = [
        ("2025-03-10", "%Y-%m-%d"),
        ("2025/12/01（月）", "%Y/%m/%d（%J）"),
        ("2025/3/5 (水曜日)", "%Y/%-m/%-d (%J曜日)"),
        ("12/01", "%m/%d"),
        ("12月1日", "%m月%-d日"),
        ("2024年2月29日（木）", "%Y年%-m月%d日（%J）"),
        ("2025.03.10 (Mon)", "%Y.%m.%d (%a)"),
    ];
    for (text, format) in cases {
        let (date, learned) = parse_date_heading(text, 2025).expect(text);
        assert_eq!(learned, format, "{text}");
        assert_eq!(format_date(date, &learned), text, "writes back the same");
    }
    assert_eq!(parse_date_heading("2025-03-10 の学習", 2025), None);
}

#[test]
fn dates_come_from_file_names_and_folders() {
    let cases = [
        ("notes/2024-01-27.md", "2024-01-27"),
        ("20240127.md", "2024-01-27"),
        ("journal/2023/05/10.md", "2023-05-10"),
        ("2023/10-October/12.md", "2023-10-12"),
        ("Daily 2024-02-29 note.md", "2024-02-29"),
        ("daily/2024/01-28.md", "2024-01-28"),
    ];
    for (path, date) in cases {
        assert_eq!(
            date_from_path(Path::new(path))
                .map(|d| d.to_string())
                .as_deref(),
            Some(date),
            "{path}"
        );
    }
    assert_eq!(date_from_path(Path::new("README.md")), None);
    assert_eq!(date_from_path(Path::new("notes/12.md")), None);
}

#[test]
fn years_are_read_from_file_names() {
    let year = |name: &str| year_in_file_name(Path::new(name));
    assert_eq!(year("2025-12.md"), Some(2025));
    assert_eq!(year("log_2024_study.md"), Some(2024));
    assert_eq!(year("12345.md"), None);
    assert_eq!(year("notes.md"), None);
}

#[test]
fn a_broken_format_falls_back_instead_of_panicking() {
    let date = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap();
    assert_eq!(format_date(date, "%Q %"), "2025-03-10");
}
