use super::*;

#[test]
fn the_forms_people_write_are_read_as_minutes() {
    let table = [
        ("1h30m", 90),
        ("1h 30m", 90),
        ("90分", 90),
        ("1.5h", 90),
        ("45m", 45),
        ("45 min", 45),
        ("1時間30分", 90),
        ("2時間", 120),
        ("学習時間: 2h", 120),
        ("勉強時間 1時間30分", 90),
        ("Time: 45 min", 45),
        ("Designing Data-Intensive Applications ch.5 (1.25)", 75),
        ("AWS 本 3 章 (0.75h)", 45),
        ("読書（30分）", 30),
        ("2 hours", 120),
    ];
    for (line, minutes) in table {
        assert_eq!(
            stated_time(line).map(|s| s.minutes),
            Some(minutes),
            "{line}"
        );
    }
    assert_eq!(
        stated_time("Programming: 5.00h / 5.00h"),
        Some(Stated {
            minutes: 300,
            goal: Some(300)
        })
    );
}

#[test]
fn what_is_not_plainly_a_time_is_not_guessed() {
    for line in [
        "AWS の資格の過去問を 20 問",
        "5 章を読んだ",
        "ECS on EC2 vs Fargate",
        "v1.5 から v2 へ",
        "(2025)",
        "mmm",
        "30 mice",
        "25h",
    ] {
        assert_eq!(stated_time(line), None, "{line}");
    }
}
