//! The command line never loses or replaces what it must not: `export -o`
//! never writes over a journal (its own input or any other), writes into
//! devices and pipes instead of replacing them, a report that cannot be
//! written fails the command, and what a journal file holds is never dropped
//! in silence (unknown fields, Markdown given as a journal, a pipe given as a
//! journal, repeated ids).

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn studylog(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_studylog"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A folder with a small journal `j.studylog.ron` in it.
fn with_journal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let journal = common_journal();
    studylog::store::save(&dir.path().join("j.studylog.ron"), &journal).unwrap();
    dir
}

fn common_journal() -> studylog::model::Journal {
    let mut journal = studylog::model::Journal::new("j", studylog::model::Language::Ja);
    let day = studylog::model::Day::from_template(&journal.template);
    journal.days.insert("2025-03-10".parse().unwrap(), day);
    journal
}

#[test]
fn export_never_writes_over_its_journal_or_any_other() {
    let dir = with_journal();
    let journal = fs::read(dir.path().join("j.studylog.ron")).unwrap();
    fs::copy(
        dir.path().join("j.studylog.ron"),
        dir.path().join("other.ron"),
    )
    .unwrap();
    for target in ["j.studylog.ron", "./j.studylog.ron", "other.ron"] {
        let output = studylog(&["export", "j.studylog.ron", "-o", target], dir.path());
        assert_eq!(output.status.code(), Some(1), "{target}");
        let message = stderr(&output);
        assert!(
            message.contains("will not replace it"),
            "{target}: {message}"
        );
        assert_eq!(fs::read(dir.path().join(target)).unwrap(), journal);
    }
    assert!(
        !dir.path().join("j.studylog.ron.bak").exists(),
        "not even its backup is touched"
    );
    let fine = studylog(&["export", "j.studylog.ron", "-o", "log.md"], dir.path());
    assert!(fine.status.success(), "{}", stderr(&fine));
    assert!(
        fs::read_to_string(dir.path().join("log.md"))
            .unwrap()
            .starts_with("# 2025-03-10")
    );
}

#[cfg(unix)]
#[test]
fn export_writes_into_a_device_or_a_pipe_never_replacing_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = with_journal();
    let output = studylog(&["export", "j.studylog.ron", "-o", "/dev/null"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );

    let fifo = dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = std::thread::spawn({
        let fifo = fifo.clone();
        move || fs::read_to_string(fifo).unwrap()
    });
    let output = studylog(&["export", "j.studylog.ron", "-o", "pipe"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(reader.join().unwrap().starts_with("# 2025-03-10"));
    assert!(
        fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "still a pipe"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_report_that_cannot_be_written_fails_the_command() {
    let dir = with_journal();
    for args in [
        &["export", "j.studylog.ron"][..],
        &["search", "j.studylog.ron", "a"],
        &["stats", "j.studylog.ron"],
        &["check", "j.studylog.ron"],
    ] {
        let full = fs::File::options().write(true).open("/dev/full").unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_studylog"))
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::from(full))
            .output()
            .unwrap();
        if args[0] == "search" && output.status.success() {
            continue; // nothing matched, so nothing was written
        }
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).contains("cannot write the output"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_field_this_version_does_not_know_is_refused_with_a_suggestion() {
    let dir = with_journal();
    let path = dir.path().join("j.studylog.ron");
    let text = fs::read_to_string(&path).unwrap();
    let typo = text.replacen("heading:", "headng:", 1);
    fs::write(&path, &typo).unwrap();
    let output = studylog(&["check", "j.studylog.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    let line = typo.lines().position(|l| l.contains("headng")).unwrap() + 1;
    assert!(
        message.contains(&format!("j.studylog.ron:{line}:")),
        "{message}"
    );
    assert!(
        message.contains("unknown field 'headng' (did you mean 'heading'?)"),
        "{message}"
    );
    let tags = text.replacen("title: \"j\",", "title: \"j\",\n  tags: [\"study\"],", 1);
    fs::write(&path, &tags).unwrap();
    let message = stderr(&studylog(&["check", "j.studylog.ron"], dir.path()));
    assert!(message.contains("unknown field 'tags'"), "{message}");
    assert_eq!(fs::read_to_string(&path).unwrap(), tags, "never changed");
}

#[test]
fn markdown_given_as_a_journal_says_to_import_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("log.md"),
        "# 2025-03-10\n\n## 感想\n\n楽しい\n",
    )
    .unwrap();
    let output = studylog(&["check", "log.md"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("this is Markdown, not a journal"),
        "{message}"
    );
    assert!(message.contains("studylog import"), "{message}");
    assert!(
        !message.contains("enable"),
        "no parser internals: {message}"
    );
}

#[test]
fn a_repeated_book_id_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = common_journal();
    journal.add_book("一冊目");
    journal.add_book("二冊目");
    let path = dir.path().join("j.studylog.ron");
    studylog::store::save(&path, &journal).unwrap();
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("id: 2,", "id: 1,");
    fs::write(&path, &text).unwrap();
    let line = text.lines().position(|l| l.contains("二冊目")).unwrap(); // the line before it holds the id
    let message = stderr(&studylog(&["check", "j.studylog.ron"], dir.path()));
    assert!(
        message.contains(&format!("j.studylog.ron:{line}:")),
        "{message}"
    );
    assert!(message.contains("two books have the id 1"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_pipe_given_as_a_journal_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("j.studylog.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_studylog"))
        .args(["check", "j.studylog.ron"])
        .current_dir(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("check waited on the pipe");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("is not a regular file"),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn new_and_import_write_through_a_dangling_symlink() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sync")).unwrap();
    std::os::unix::fs::symlink("sync/a.studylog.ron", dir.path().join("a.studylog.ron")).unwrap();
    let output = studylog(&["new", "a.studylog.ron"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(dir.path().join("a.studylog.ron"))
            .unwrap()
            .is_symlink()
    );
    assert!(dir.path().join("sync/a.studylog.ron").is_file());

    std::os::unix::fs::symlink("sync/b.studylog.ron", dir.path().join("b.studylog.ron")).unwrap();
    fs::write(
        dir.path().join("log.md"),
        "# 2025-03-10\n\n## 感想\n\n楽しい\n",
    )
    .unwrap();
    let output = studylog(&["import", "-o", "b.studylog.ron", "log.md"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(dir.path().join("b.studylog.ron"))
            .unwrap()
            .is_symlink()
    );
    assert!(dir.path().join("sync/b.studylog.ron").is_file());
}

#[test]
fn import_never_writes_the_journal_over_one_of_its_logs() {
    let dir = tempfile::tempdir().unwrap();
    let log = "# 2025-03-10\n\n## 感想\n\n楽しい\n";
    fs::write(dir.path().join("log.md"), log).unwrap();
    let output = studylog(&["import", "-o", "log.md", "log.md"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("is a log being imported"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_to_string(dir.path().join("log.md")).unwrap(), log);
}

#[test]
fn a_pipe_with_no_writer_never_holds_the_journals_lock() {
    let dir = with_journal();
    let fifo = dir.path().join("fifo.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // Waits for ever for a writer to the pipe...
    let mut stuck = Command::new(env!("CARGO_BIN_EXE_studylog"))
        .args(["import", "-o", "j.studylog.ron", "fifo.md"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    // ...while another import into the same journal goes through at once.
    fs::write(
        dir.path().join("day.md"),
        "# 2025-03-11\n\n## 感想\n\n別の取り込み\n",
    )
    .unwrap();
    let started = Instant::now();
    let other = studylog(&["import", "-o", "j.studylog.ron", "day.md"], dir.path());
    assert!(other.status.success(), "{}", stderr(&other));
    assert!(started.elapsed() < studylog::store::WRITER_WAIT);
    stuck.kill().unwrap();
    stuck.wait().unwrap();
}

#[test]
fn a_read_only_journal_stays_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = with_journal();
    let path = dir.path().join("j.studylog.ron");
    let before = fs::read(&path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    fs::write(
        dir.path().join("day.md"),
        "# 2025-03-11\n\n## 感想\n\n読み取り専用\n",
    )
    .unwrap();
    let refused = studylog(&["import", "-o", "j.studylog.ron", "day.md"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("is read-only"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
    // An export over a read-only file is refused the same way.
    fs::write(dir.path().join("out.md"), "mine\n").unwrap();
    fs::set_permissions(dir.path().join("out.md"), fs::Permissions::from_mode(0o444)).unwrap();
    let export = studylog(&["export", "j.studylog.ron", "-o", "out.md"], dir.path());
    assert_eq!(export.status.code(), Some(1));
    assert!(
        stderr(&export).contains("is read-only"),
        "{}",
        stderr(&export)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("out.md")).unwrap(),
        "mine\n"
    );
}

#[test]
fn an_import_that_changes_nothing_writes_nothing_and_backups_keep_versions_that_differ() {
    let dir = with_journal();
    let path = dir.path().join("j.studylog.ron");
    fs::write(
        dir.path().join("day.md"),
        "# 2025-03-11\n\n## 感想\n\n一度だけ\n",
    )
    .unwrap();
    assert!(
        studylog(&["import", "-o", "j.studylog.ron", "day.md"], dir.path())
            .status
            .success()
    );
    let backup = studylog::store::backup_path(&path);
    let (saved, kept) = (fs::read(&path).unwrap(), fs::read(&backup).unwrap());
    let stamp = studylog::store::stamp(&path);
    std::thread::sleep(Duration::from_millis(20));
    let again = studylog(&["import", "-o", "j.studylog.ron", "day.md"], dir.path());
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(String::from_utf8_lossy(&again.stdout).contains("unchanged"));
    assert_eq!(
        studylog::store::stamp(&path),
        stamp,
        "the file was not rewritten"
    );
    assert_eq!(fs::read(&path).unwrap(), saved);
    assert_eq!(
        fs::read(&backup).unwrap(),
        kept,
        "the backup did not turn over"
    );
    assert_ne!(kept, saved, "the backup is the version before");
}
