//! The command line as a user runs it: `studylog new`, `check`, `--version`, `--help`.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn studylog(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_studylog"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn new_then_check_round_trips_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, heading) in [("ja", "取り組んだこと"), ("en", "What I worked on")] {
        let name = format!("study-{lang}.studylog.ron");
        let created = studylog(&["new", &name, "--lang", lang], dir.path());
        assert!(created.status.success(), "{}", stderr(&created));
        let text = fs::read_to_string(dir.path().join(&name)).unwrap();
        assert!(text.contains(heading), "headings in {lang}:\n{text}");
        assert!(text.contains(&format!("title: \"study-{lang}\"")), "{text}");

        let checked = studylog(&["check", &name], dir.path());
        assert!(checked.status.success(), "{}", stderr(&checked));
        assert_eq!(
            stdout(&checked),
            format!("{name}: 0 days, 0 books, 0 chapters\n")
        );
    }
}

#[test]
fn new_never_overwrites_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("mine.studylog.ron"), "my precious notes").unwrap();
    let output = studylog(&["new", "mine.studylog.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("already exists"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("mine.studylog.ron")).unwrap(),
        "my precious notes"
    );
}

#[test]
fn check_reports_file_line_and_column_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "(\n  format_version: 1,\n  title: 42,\n)\n";
    fs::write(dir.path().join("broken.studylog.ron"), broken).unwrap();
    let output = studylog(&["check", "broken.studylog.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("broken.studylog.ron:3:10: "),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("broken.studylog.ron")).unwrap(),
        broken
    );
}

#[test]
fn check_summarises_a_real_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("year.studylog.ron");
    studylog::store::save(&path, &studylog::generate::generate(1, 3)).unwrap();
    let output = studylog(&["check", "year.studylog.ron"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "year.studylog.ron: 365 days (2016-01-01 to 2016-12-30), 40 books, 600 chapters\n"
    );
}

#[test]
fn version_and_help_answer() {
    let dir = tempfile::tempdir().unwrap();
    let version = studylog(&["--version"], dir.path());
    assert_eq!(
        stdout(&version),
        format!("studylog {}\n", env!("CARGO_PKG_VERSION"))
    );
    let help = studylog(&["--help"], dir.path());
    assert!(help.status.success());
    for command in ["new", "check"] {
        assert!(stdout(&help).contains(command), "{}", stdout(&help));
    }
}
