//! Pictures travel with the log, through the command line: `import` copies
//! the pictures a log names beside the journal (content-named) and points
//! its links there, reporting one it cannot find by file and line and
//! keeping that line; `export -o` writes the pictures next to the Markdown
//! at the paths its links name (only those the export uses); `check`
//! reports links that point nowhere and pictures no note names, and
//! removes the unused ones only when told twice; `merge` keeps both sides'
//! pictures.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use studylog::markdown::pictures::picture_links;
use studylog::model::{Journal, day_texts};
use studylog::store;

fn studylog(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_studylog"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "C")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn png(path: &Path, shade: u8) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    image::RgbaImage::from_pixel(8, 6, image::Rgba([shade, 100, 50, 255]))
        .save(path)
        .unwrap();
}

/// Every picture target the journal's notes name.
fn targets(journal: &Journal) -> Vec<String> {
    journal
        .days
        .values()
        .flat_map(|day| {
            day_texts(day)
                .into_iter()
                .flat_map(|(_, text)| picture_links(text).into_iter().map(|l| l.target.to_owned()))
                .collect::<Vec<_>>()
        })
        .collect()
}

const LOG: &str = "# 2025-12-01\n\n## 学んだこと\n\n### AWS\n\n- ECS の構成\n\n![構成図](images/ecs.png)\n\n![消えた](images/gone.png)\n\n## 感想\n\n楽しい\n\n# 2025-12-02\n\n## 感想\n\n![同じ図](./images/ecs.png)\n";

fn imported(dir: &Path) -> (PathBuf, Output) {
    fs::write(dir.join("log.md"), LOG).unwrap();
    png(&dir.join("images/ecs.png"), 10);
    let output = studylog(&["import", "log.md", "-o", "study.studylog.ron"], dir);
    (dir.join("study.studylog.ron"), output)
}

#[test]
fn import_copies_the_pictures_a_log_names_and_reports_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let (journal_path, output) = imported(dir.path());
    let said = stdout(&output);
    assert!(
        said.contains("copied 2 pictures beside the journal"),
        "{said}"
    );
    assert!(
        said.contains("log.md:11:") && said.contains("gone.png"),
        "{said}"
    );
    let journal = store::load(&journal_path).unwrap();
    let stored = store::stored_pictures(&journal_path);
    assert_eq!(
        stored.len(),
        1,
        "the same picture twice is stored once: {stored:?}"
    );
    let link = &stored[0].0;
    assert_eq!(
        targets(&journal),
        [link.as_str(), "images/gone.png", link.as_str()]
    );
    assert_eq!(
        fs::read(&stored[0].1).unwrap(),
        fs::read(dir.path().join("images/ecs.png")).unwrap()
    );
}

#[test]
fn export_writes_the_pictures_next_to_the_markdown_and_only_those_it_uses() {
    let dir = tempfile::tempdir().unwrap();
    let (journal_path, _) = imported(dir.path());
    let journal = store::load(&journal_path).unwrap();
    let out_dir = dir.path().join("blog");
    fs::create_dir(&out_dir).unwrap();
    let j = journal_path.to_str().unwrap();
    let output = studylog(&["export", j, "-o", "blog/all.md"], dir.path());
    let said = stdout(&output);
    assert!(said.contains("copied 1 picture beside it"), "{said}");
    assert!(
        said.contains("gone.png"),
        "the missing one is named: {said}"
    );
    let link = targets(&journal)[0].clone();
    let exported = fs::read_to_string(out_dir.join("all.md")).unwrap();
    assert!(
        exported.contains(&format!("![構成図]({link})")),
        "{exported}"
    );
    assert!(
        out_dir.join(&link).is_file(),
        "the link resolves beside the export"
    );

    let day_dir = dir.path().join("day");
    fs::create_dir(&day_dir).unwrap();
    fs::write(dir.path().join("day/unused.txt"), "").unwrap();
    let output = studylog(
        &["export", j, "--day", "2025-12-02", "-o", "day/d.md"],
        dir.path(),
    );
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(day_dir.join(&link).is_file());
    let entries = fs::read_dir(day_dir.join("study.studylog.assets"))
        .unwrap()
        .count();
    assert_eq!(entries, 1);
}

#[test]
fn check_reports_broken_links_and_unused_pictures_and_removes_them_only_with_yes() {
    let dir = tempfile::tempdir().unwrap();
    let (journal_path, _) = imported(dir.path());
    let spare = store::pictures_dir(&journal_path).join("spare.png");
    png(&spare, 200);
    let j = journal_path.to_str().unwrap();
    let output = studylog(&["check", j], dir.path());
    let said = stdout(&output);
    assert!(!output.status.success(), "a broken link fails the check");
    assert!(
        said.contains("2025-12-01") && said.contains("gone.png: no such picture"),
        "{said}"
    );
    assert!(said.contains("1 stored picture(s) no note names"), "{said}");

    let output = studylog(&["check", j, "--remove-unused-pictures"], dir.path());
    assert!(stdout(&output).contains("unused: study.studylog.assets/spare.png"));
    assert!(spare.exists(), "listed, not removed, without --yes");
    studylog(
        &["check", j, "--remove-unused-pictures", "--yes"],
        dir.path(),
    );
    assert!(!spare.exists());
    assert_eq!(
        store::stored_pictures(&journal_path).len(),
        1,
        "used pictures stay"
    );
}

#[test]
fn merge_keeps_both_sides_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let (journal_path, _) = imported(dir.path());
    let laptop_dir = dir.path().join("laptop");
    fs::create_dir(&laptop_dir).unwrap();
    let laptop = laptop_dir.join("study.studylog.ron");
    fs::write(
        laptop_dir.join("more.md"),
        "# 2025-12-03\n\n## 感想\n\n![別の図](shot.png)\n",
    )
    .unwrap();
    png(&laptop_dir.join("shot.png"), 99);
    fs::copy(&journal_path, &laptop).unwrap();
    studylog(
        &["import", "more.md", "-o", "study.studylog.ron"],
        &laptop_dir,
    );

    let merged_dir = dir.path().join("merged");
    fs::create_dir(&merged_dir).unwrap();
    let (ours, theirs) = (journal_path.to_str().unwrap(), laptop.to_str().unwrap());
    let output = studylog(
        &["merge", ours, theirs, "-o", "merged/study.studylog.ron"],
        dir.path(),
    );
    assert!(output.status.success(), "{}", stdout(&output));
    let merged_path = merged_dir.join("study.studylog.ron");
    let merged = store::load(&merged_path).unwrap();
    for target in targets(&merged).iter().filter(|t| !t.contains("gone")) {
        assert!(
            merged_dir.join(target).is_file(),
            "{target} beside the merge"
        );
    }
    assert_eq!(store::stored_pictures(&merged_path).len(), 2);
}
