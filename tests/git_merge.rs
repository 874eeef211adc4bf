//! Two machines, one journal in git: two clones each add a day and edit
//! the same day in different places; `git pull` merges the journal through
//! studylog's merge driver, with no conflict markers and both sides' text.
//! Needs `git` (installed by `.ci/run`).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use studylog::model::{FreeText, Journal, SectionBody};
use studylog::store;

fn git(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=studylog test",
            "-c",
            "user.email=test@example.com",
        ])
        .args(["-c", "init.defaultBranch=main", "-c", "pull.rebase=false"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn studylog(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_studylog"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("studylog runs")
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Change the 感想 of `day` in the journal at `path` with `change`.
fn edit_impressions(path: &Path, day: NaiveDate, change: impl FnOnce(&mut String)) {
    let mut journal = store::load(path).unwrap();
    let day = journal.days.get_mut(&day).unwrap();
    let section = day.sections.iter_mut().find_map(|s| match &mut s.body {
        SectionBody::Impressions(FreeText { text, .. }) => Some(text),
        _ => None,
    });
    change(section.expect("a 感想"));
    store::save(path, &journal).unwrap();
}

fn add_day(path: &Path, day: NaiveDate, impressions: &str) {
    let mut journal: Journal = store::load(path).unwrap();
    let mut new = journal.days.values().next().unwrap().clone();
    for section in &mut new.sections {
        if let SectionBody::Impressions(free) = &mut section.body {
            free.text = impressions.to_owned();
        }
    }
    journal.days.insert(day, new);
    store::save(path, &journal).unwrap();
}

fn impressions(journal: &Journal, day: NaiveDate) -> String {
    common::impressions(&journal.days[&day]).to_owned()
}

#[test]
fn git_pull_merges_a_journal_changed_on_two_machines() {
    let root = tempfile::tempdir().unwrap();
    let desk = root.path().join("desk");
    let laptop = root.path().join("laptop");
    std::fs::create_dir(&desk).unwrap();
    git(&desk, &["init", "-q"]);
    let mut journal = common::small_journal();
    let shared = date("2025-03-10");
    for section in &mut journal.days.get_mut(&shared).unwrap().sections {
        if let SectionBody::Impressions(free) = &mut section.body {
            free.text = "一行目\n二行目\n三行目".into();
        }
    }
    let file = "j.studylog.ron";
    store::save(&desk.join(file), &journal).unwrap();
    git(&desk, &["add", file]);
    git(&desk, &["commit", "-q", "-m", "start"]);
    git(root.path(), &["clone", "-q", "desk", "laptop"]);
    let installed = studylog(&laptop, &["install-git-driver"]);
    assert!(
        installed.status.success(),
        "{}",
        String::from_utf8_lossy(&installed.stderr)
    );

    // The desk adds a day and changes the first line of the shared day.
    add_day(&desk.join(file), date("2025-03-12"), "机で書いた");
    edit_impressions(&desk.join(file), shared, |t| {
        *t = t.replacen("一行目", "一行目（机）", 1)
    });
    git(&desk, &["commit", "-q", "-am", "desk"]);
    // The laptop adds another day and adds a line at the end of the shared day.
    add_day(&laptop.join(file), date("2025-03-13"), "ノートで書いた");
    edit_impressions(&laptop.join(file), shared, |t| {
        t.push_str("\n四行目（ノート）")
    });
    git(&laptop, &["commit", "-q", "-am", "laptop"]);

    let pulled = git(&laptop, &["pull", "-q", "--no-edit"]);
    let text = std::fs::read_to_string(laptop.join(file)).unwrap();
    assert!(
        !text.contains("<<<<<<<"),
        "no conflict markers:\n{}",
        String::from_utf8_lossy(&pulled.stdout)
    );
    let merged = store::load(&laptop.join(file)).unwrap();
    assert_eq!(impressions(&merged, date("2025-03-12")), "机で書いた");
    assert_eq!(impressions(&merged, date("2025-03-13")), "ノートで書いた");
    assert_eq!(
        impressions(&merged, shared),
        "一行目（机）\n二行目\n三行目\n四行目（ノート）"
    );
    let status = git(&laptop, &["status", "--porcelain", "--untracked-files=no"]);
    assert!(
        String::from_utf8_lossy(&status.stdout).trim().is_empty(),
        "the merge was committed"
    );
}

#[test]
fn merge_on_the_command_line_reports_and_fails_while_conflicts_remain() {
    let dir = tempfile::tempdir().unwrap();
    let shared = date("2025-03-10");
    let base = dir.path().join("base.studylog.ron");
    let ours = dir.path().join("ours.studylog.ron");
    let theirs = dir.path().join("theirs.studylog.ron");
    store::save(&base, &common::small_journal()).unwrap();
    store::save(&ours, &common::small_journal()).unwrap();
    store::save(&theirs, &common::small_journal()).unwrap();
    edit_impressions(&ours, shared, |t| *t = "こちら".into());
    edit_impressions(&theirs, shared, |t| *t = "あちら".into());
    let out = studylog(
        dir.path(),
        &[
            "merge",
            "base.studylog.ron",
            "ours.studylog.ron",
            "theirs.studylog.ron",
            "-o",
            "m.studylog.ron",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("1 day merged") && said.contains("1 conflict to settle"),
        "{said}"
    );
    let merged = store::load(&dir.path().join("m.studylog.ron")).unwrap();
    let text = impressions(&merged, shared);
    assert!(text.contains("こちら") && text.contains("あちら"), "{text}");
    // Without the base, a day only the other side has is simply taken.
    add_day(&theirs, date("2025-03-20"), "新しい日");
    let two_way = studylog(
        dir.path(),
        &[
            "merge",
            "ours.studylog.ron",
            "theirs.studylog.ron",
            "-o",
            "t.studylog.ron",
        ],
    );
    let merged = store::load(&dir.path().join("t.studylog.ron")).unwrap();
    assert_eq!(
        impressions(&merged, date("2025-03-20")),
        "新しい日",
        "{}",
        String::from_utf8_lossy(&two_way.stdout)
    );
}
