//! Review cards from the command line: `cards` lists what the log makes
//! (answered questions and `front :: back` lines, never `a :: b` in code),
//! `review` records a review as the window would (FSRS moves the card's due
//! date; a missing card exits 1 and changes nothing), and `merge` keeps
//! both devices' reviews without counting one twice.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn studylog(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_studylog"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const LOG: &str = "# 2025-12-01\n\n## 学んだこと\n\n### DDIA\n\n#### 5 章\n\n- リーダー :: 書き込みを受けるノード\n- `a :: b` はカードではない\n\n## わからなかったこと\n\n- [x] quorum とは\n  - 解決 (2025-12-01): 過半数の合意\n- [ ] まだ分からない\n";

fn journal(dir: &Path) -> String {
    fs::write(dir.join("log.md"), LOG).unwrap();
    let output = studylog(&["import", "log.md", "-o", "j.studylog.ron"], dir);
    assert!(output.status.success(), "{}", stdout(&output));
    "j.studylog.ron".into()
}

/// The TSV rows of `cards` (header left out), split into cells.
fn rows(output: &Output) -> Vec<Vec<String>> {
    stdout(output)
        .lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

#[test]
fn cards_lists_what_the_log_makes_and_review_moves_a_card_on() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal(dir.path());
    let cards = rows(&studylog(&["cards", &j], dir.path()));
    let sides: Vec<(&str, &str)> = cards
        .iter()
        .map(|r| (r[4].as_str(), r[5].as_str()))
        .collect();
    assert_eq!(
        sides,
        [
            ("リーダー", "書き込みを受けるノード"),
            ("quorum とは", "過半数の合意")
        ]
    );
    assert_eq!(
        (cards[0][2].as_str(), cards[0][3].as_str()),
        ("DDIA", "5 章")
    );
    let id = cards[0][0].clone();
    let due_first = rows(&studylog(&["cards", &j, "--due", "2025-12-01"], dir.path()));
    assert_eq!(due_first.len(), 2, "new cards are due on their day");
    for day in ["2025-12-01T09:00:00Z", "2025-12-01T09:20:00Z"] {
        let output = studylog(
            &["review", &j, "--card", &id, "--rate", "good", "--now", day],
            dir.path(),
        );
        assert!(output.status.success(), "{}", stdout(&output));
    }
    let due_next_day = rows(&studylog(&["cards", &j, "--due", "2025-12-02"], dir.path()));
    assert_eq!(
        due_next_day.len(),
        1,
        "the reviewed card waits: {due_next_day:?}"
    );
    assert_eq!(due_next_day[0][4], "quorum とは");
}

#[test]
fn reviewing_a_card_that_is_not_there_exits_1_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal(dir.path());
    let before = fs::read(dir.path().join(&j)).unwrap();
    let output = studylog(
        &[
            "review",
            &j,
            "--card",
            "2025-12-01.7.00000000000000ff",
            "--rate",
            "good",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no card 2025-12-01.7"));
    let output = studylog(
        &["review", &j, "--card", "nonsense", "--rate", "good"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(fs::read(dir.path().join(&j)).unwrap(), before);
}

#[test]
fn merge_keeps_both_devices_reviews_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal(dir.path());
    let id = rows(&studylog(&["cards", &j], dir.path()))[0][0].clone();
    let review = |file: &str, at: &str| {
        let out = studylog(
            &["review", file, "--card", &id, "--rate", "good", "--now", at],
            dir.path(),
        );
        assert!(out.status.success(), "{}", stdout(&out));
    };
    review(&j, "2025-12-01T09:00:00Z");
    fs::copy(dir.path().join(&j), dir.path().join("laptop.studylog.ron")).unwrap();
    review(&j, "2025-12-03T09:00:00Z");
    review("laptop.studylog.ron", "2025-12-02T21:00:00Z");
    let output = studylog(
        &["merge", &j, "laptop.studylog.ron", "-o", "m.studylog.ron"],
        dir.path(),
    );
    assert!(output.status.success(), "{}", stdout(&output));
    let merged = studylog::store::load(&dir.path().join("m.studylog.ron")).unwrap();
    let times: Vec<String> = merged
        .review
        .log
        .iter()
        .map(|r| r.at.to_rfc3339())
        .collect();
    assert_eq!(
        times,
        [
            "2025-12-01T09:00:00+00:00",
            "2025-12-02T21:00:00+00:00",
            "2025-12-03T09:00:00+00:00"
        ]
    );
}

/// The week's reflection gathers three logged days of the week and the
/// reviews made in it, and leaves out a day of the week after.
#[test]
fn summary_of_a_week_gathers_its_days_and_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let log = "# 2025-12-01\n\n## 学んだこと\n\n### DDIA\n\n#### 5 章\n\n- リーダー :: 書き込みを受けるノード\n- 同期と非同期\n\n## わからなかったこと\n\n- [x] quorum とは\n  - 解決 (2025-12-03): 過半数の合意\n\n## 次やること\n\n- [ ] 6 章を読む\n\n# 2025-12-02\n\n## 学んだこと\n\n### DDIA\n\n#### 6 章\n\n- パーティション\n\n## 次やること\n\n- [x] 6 章を読む\n\n# 2025-12-04\n\n## わからなかったこと\n\n- ホットスポットの避け方\n\n# 2025-12-09\n\n## 学んだこと\n\n### DDIA\n\n#### 7 章\n\n- トランザクション\n";
    fs::write(dir.path().join("log.md"), log).unwrap();
    studylog(&["import", "log.md", "-o", "j.studylog.ron"], dir.path());
    let id = rows(&studylog(&["cards", "j.studylog.ron"], dir.path()))[0][0].clone();
    for (at, rate) in [
        ("2025-12-02T09:00:00Z", "again"),
        ("2025-12-03T09:00:00Z", "good"),
    ] {
        studylog(
            &[
                "review",
                "j.studylog.ron",
                "--card",
                &id,
                "--rate",
                rate,
                "--now",
                at,
            ],
            dir.path(),
        );
    }
    let output = studylog(
        &["summary", "j.studylog.ron", "--week", "2025-W49"],
        dir.path(),
    );
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.starts_with("# 振り返り 2025-12-01 – 2025-12-07"),
        "{text}"
    );
    assert!(text.contains("- 学習した日: 3 / 7"), "{text}");
    assert!(text.contains("- 学んだことの行: 3"), "{text}");
    assert!(
        text.contains("- 復習したカード: 2 (覚えていた 50%)"),
        "{text}"
    );
    assert!(text.contains("- DDIA: 5 章, 6 章"), "{text}");
    assert!(!text.contains("7 章"), "the next week is not in it: {text}");
    assert!(text.contains("## 解決した疑問\n\n- quorum とは"), "{text}");
    assert!(
        text.contains("## 新しい疑問\n\n- quorum とは\n- ホットスポットの避け方"),
        "{text}"
    );
    assert!(
        text.contains("## 残っている次やること\n\n- 6 章を読む"),
        "{text}"
    );
    let month = stdout(&studylog(
        &["summary", "j.studylog.ron", "--month", "2025-12"],
        dir.path(),
    ));
    assert!(month.contains("- 学習した日: 4 / 31"), "{month}");
    let bad = studylog(
        &["summary", "j.studylog.ron", "--week", "2025-49"],
        dir.path(),
    );
    assert_eq!(bad.status.code(), Some(1));
}

/// `check` refuses a review dated in the future and one naming a day the
/// journal lacks, each at its line in the file; a sound log passes.
#[test]
fn check_refuses_future_reviews_and_cards_that_never_were() {
    let dir = tempfile::tempdir().unwrap();
    let j = journal(dir.path());
    let id = rows(&studylog(&["cards", &j], dir.path()))[0][0].clone();
    for at in ["2025-12-02T09:00:00Z", "2025-12-03T09:00:00Z"] {
        let args = ["review", &j, "--card", &id, "--rate", "good", "--now", at];
        assert!(studylog(&args, dir.path()).status.success());
    }
    // `review` itself refuses a time in the future and changes nothing.
    let file = dir.path().join(&j);
    let before = fs::read_to_string(&file).unwrap();
    let args = [
        "review",
        &j,
        "--card",
        &id,
        "--rate",
        "good",
        "--now",
        "2999-01-01T00:00:00Z",
    ];
    let refused = studylog(&args, dir.path());
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("is in the future"));
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
    // A hand edit (or a device with its clock wrong) puts one there anyway.
    fs::write(
        &file,
        before.replacen("2025-12-03T09:00:00Z", "2999-01-01T00:00:00Z", 1),
    )
    .unwrap();
    let text = fs::read_to_string(&file).unwrap();
    let future_line = text.lines().position(|l| l.contains("2999-01-01")).unwrap() + 1;
    let output = studylog(&["check", &j], dir.path());
    assert!(!output.status.success());
    let said = stdout(&output);
    assert!(
        said.contains(&format!(
            "j.studylog.ron:{future_line}: review 2 of card {id} at 2999-01-01T00:00:00+00:00 is dated in the future"
        )),
        "{said}"
    );
    assert!(
        !said.contains("review 1 "),
        "the sound review passes: {said}"
    );
    // A hand edit moves the first review to a day the journal lacks.
    fs::write(
        &file,
        text.replacen("2999-01-01T00:00:00Z", "2025-12-03T00:00:00Z", 1)
            .replacen(
                "date: \"2025-12-01\",\n          ordinal",
                "date: \"2024-01-01\",\n          ordinal",
                1,
            ),
    )
    .unwrap();
    let said = stdout(&studylog(&["check", &j], dir.path()));
    assert!(
        said.contains("review 1 of card 2024-01-01.0.")
            && said.contains("names a card of a day the journal does not have"),
        "{said}"
    );
    assert!(!said.contains("future"), "{said}");
}
