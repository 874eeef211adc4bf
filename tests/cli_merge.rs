//! `studylog merge` on real files and processes: it holds the journal's
//! writer lock from reading OURS to writing the merge (an import landing
//! meanwhile is never overwritten), merges from the version both devices
//! last agreed on (a deletion stays deleted), shows a deletion as a choice
//! when no common version is known, always writes a journal that opens
//! (a chapter one side deleted comes back for notes the other wrote under
//! it), and never replaces a device, a pipe or a file that is not a journal.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use chrono::NaiveDate;
use studylog::model::{
    Block, ChapterNotes, Day, DaySection, Journal, Learned, LearnedBook, SectionBody,
};
use studylog::store;

fn studylog(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_studylog"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn said(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn with_impressions(mut journal: Journal, text: &str) -> Journal {
    let day = journal.days.get_mut(&date("2025-03-10")).unwrap();
    common::set_impressions(day, text);
    journal
}

#[test]
fn an_import_that_lands_during_a_merge_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    // Big enough that the merge takes a while.
    let mut ours = studylog::generate::generate(4, 3);
    ours.days
        .retain(|d, _| d.to_string().as_str() < "2019-01-01");
    let mut theirs = ours.clone();
    let last = *theirs.days.keys().next_back().unwrap();
    common::set_impressions(theirs.days.get_mut(&last).unwrap(), "あちらの追記");
    store::save(&dir.path().join("j.studylog.ron"), &ours).unwrap();
    store::keep_agreed(&dir.path().join("j.studylog.ron")).unwrap();
    store::save(&dir.path().join("copy.studylog.ron"), &theirs).unwrap();
    fs::write(
        dir.path().join("new.md"),
        "# 2030-01-01\n\n## 感想\n\nマージ中に取り込んだ日\n",
    )
    .unwrap();
    for round in 0..3u64 {
        let merge = Command::new(env!("CARGO_BIN_EXE_studylog"))
            .args(["merge", "j.studylog.ron", "copy.studylog.ron"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(20 + 40 * round));
        let import = studylog(
            &["import", "--replace", "-o", "j.studylog.ron", "new.md"],
            dir.path(),
        );
        merge.wait_with_output().unwrap();
        assert!(import.status.success(), "{}", said(&import));
        let journal = store::load(&dir.path().join("j.studylog.ron")).unwrap();
        assert!(
            journal.days.contains_key(&date("2030-01-01")),
            "round {round}: the import was lost"
        );
        assert_eq!(common::impressions(&journal.days[&last]), "あちらの追記");
    }
}

#[test]
fn a_line_deleted_on_one_side_stays_deleted_with_the_agreed_version() {
    let dir = tempfile::tempdir().unwrap();
    let agreed = with_impressions(common::small_journal(), "一行目\n二行目\n三行目");
    let path = dir.path().join("j.studylog.ron");
    store::save(&path, &agreed).unwrap();
    store::keep_agreed(&path).unwrap();
    // Here the second line was deleted; the copy from the other machine
    // added a line at the end.
    store::save(&path, &with_impressions(agreed.clone(), "一行目\n三行目")).unwrap();
    let copy = dir
        .path()
        .join("j.studylog.sync-conflict-20261126-081500-ABCDEF7.ron");
    store::save(
        &copy,
        &with_impressions(agreed, "一行目\n二行目\n三行目\n四行目"),
    )
    .unwrap();
    let copy_name = copy.file_name().unwrap().to_str().unwrap();
    let merged = studylog(&["merge", "j.studylog.ron", copy_name], dir.path());
    assert!(merged.status.success(), "{}", said(&merged));
    assert!(
        said(&merged).contains("both last agreed on"),
        "{}",
        said(&merged)
    );
    let journal = store::load(&path).unwrap();
    assert_eq!(
        common::impressions(&journal.days[&date("2025-03-10")]),
        "一行目\n三行目\n四行目"
    );
}

#[test]
fn without_a_common_version_a_deletion_is_a_choice() {
    let dir = tempfile::tempdir().unwrap();
    let ours = with_impressions(common::small_journal(), "一行目\n三行目");
    let theirs = with_impressions(common::small_journal(), "一行目\n二行目\n三行目");
    store::save(&dir.path().join("a.studylog.ron"), &ours).unwrap();
    store::save(&dir.path().join("b.studylog.ron"), &theirs).unwrap();
    let merged = studylog(&["merge", "a.studylog.ron", "b.studylog.ron"], dir.path());
    assert_eq!(merged.status.code(), Some(1), "{}", said(&merged));
    assert!(
        said(&merged).contains("1 conflict to settle"),
        "{}",
        said(&merged)
    );
    let journal = store::load(&dir.path().join("a.studylog.ron")).unwrap();
    let text = common::impressions(&journal.days[&date("2025-03-10")]).to_owned();
    assert!(
        text.contains("<<< studylog: this copy") && text.contains("二行目"),
        "{text}"
    );
}

/// A day with notes under `chapter` of `book`.
fn notes_under(book: studylog::model::BookId, chapter: studylog::model::ChapterId) -> Day {
    let learned = Learned {
        intro: String::new(),
        books: vec![LearnedBook {
            book,
            intro: String::new(),
            chapters: vec![ChapterNotes {
                chapter,
                blocks: vec![Block::Text("章の下に書いたメモ".into())],
            }],
        }],
    };
    Day {
        sections: vec![DaySection::of("学んだこと", SectionBody::Learned(learned))],
        ..Day::default()
    }
}

#[test]
fn a_merge_always_gives_a_journal_that_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mut base = Journal::new("j", studylog::model::Language::Ja);
    let book = base.add_book("本");
    let chapter = base.add_chapter(book, "1 章").unwrap();
    let mut ours = base.clone();
    ours.book_mut(book).unwrap().chapters.clear();
    let mut theirs = base.clone();
    theirs
        .days
        .insert(date("2025-03-10"), notes_under(book, chapter));
    for (name, journal) in [("base", &base), ("ours", &ours), ("theirs", &theirs)] {
        store::save(&dir.path().join(format!("{name}.studylog.ron")), journal).unwrap();
    }
    let merged = studylog(
        &[
            "merge",
            "base.studylog.ron",
            "ours.studylog.ron",
            "theirs.studylog.ron",
        ],
        dir.path(),
    );
    assert_eq!(
        merged.status.code(),
        Some(1),
        "shown as a conflict: {}",
        said(&merged)
    );
    assert!(
        said(&merged).contains("brought back: 本 ▸ 1 章"),
        "{}",
        said(&merged)
    );
    let check = studylog(&["check", "ours.studylog.ron"], dir.path());
    assert!(check.status.success(), "{}", said(&check));
    let export = studylog(&["export", "ours.studylog.ron"], dir.path());
    assert!(said(&export).contains("章の下に書いたメモ"));
}

#[test]
fn merge_never_replaces_a_pipe_a_device_or_a_file_that_is_not_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    store::save(&dir.path().join("a.studylog.ron"), &common::small_journal()).unwrap();
    store::save(&dir.path().join("b.studylog.ron"), &common::small_journal()).unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let refused = studylog(
        &["merge", "a.studylog.ron", "b.studylog.ron", "-o", "fifo"],
        dir.path(),
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        said(&refused).contains("not a regular file"),
        "{}",
        said(&refused)
    );
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo_like());
    let null = studylog(
        &[
            "merge",
            "a.studylog.ron",
            "b.studylog.ron",
            "-o",
            "/dev/null",
        ],
        dir.path(),
    );
    assert_eq!(null.status.code(), Some(1));
    assert!(
        said(&null).contains("not a regular file"),
        "{}",
        said(&null)
    );
    fs::write(dir.path().join("log.md"), "# 日報\n").unwrap();
    let refused = studylog(
        &["merge", "a.studylog.ron", "b.studylog.ron", "-o", "log.md"],
        dir.path(),
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(said(&refused).contains("--force"), "{}", said(&refused));
    assert_eq!(
        fs::read_to_string(dir.path().join("log.md")).unwrap(),
        "# 日報\n"
    );
    let forced = studylog(
        &[
            "merge",
            "a.studylog.ron",
            "b.studylog.ron",
            "-o",
            "log.md",
            "--force",
        ],
        dir.path(),
    );
    assert!(forced.status.success(), "{}", said(&forced));
    assert!(store::load(&dir.path().join("log.md")).is_ok());
}

trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

impl FifoLike for fs::FileType {
    fn is_fifo_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_fifo()
    }
}
