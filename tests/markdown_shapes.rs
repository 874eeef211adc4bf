//! The shapes real logs take that import → export must give back as
//! written: the common 日報 note dated by its file name (`# 日報` over `##`
//! sections), escaped headings, fences with odd indents, blank lines around
//! headings, logs not in date order, two logs of one date in one import,
//! more date spellings, looping folders, endless input, and the app's own
//! export read back on an English system. Each runs `studylog import` and
//! `studylog export` on real files, as a user would.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn studylog(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_studylog"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .output()
        .expect("the binary runs")
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

/// Imports the files `logs` (name, text) into a new journal and exports it.
fn round_trip(logs: &[(&str, &str)], args: &[&str]) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut import = vec!["import", "-o", "j.studylog.ron"];
    import.extend_from_slice(args);
    for (name, log) in logs {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, log).unwrap();
        import.push(name);
    }
    let imported = studylog(&import, dir.path());
    assert!(imported.status.success(), "{}", text(&imported));
    let exported = studylog(&["export", "j.studylog.ron"], dir.path());
    assert!(exported.status.success(), "{}", text(&exported));
    (text(&imported), String::from_utf8(exported.stdout).unwrap())
}

/// A log that must come back byte for byte.
fn comes_back(name: &str, log: &str) {
    let (_, exported) = round_trip(&[(name, log)], &[]);
    assert_eq!(exported, log, "{name}");
}

#[test]
fn a_daily_note_titled_nippo_keeps_its_headings() {
    let note = "# 日報\n## 今日やったこと\n- A\n\n## 学び\n- B\n";
    comes_back("2024-01-27.md", note);
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("2024-01-27.md"), note).unwrap();
    studylog(
        &["import", "-o", "j.studylog.ron", "2024-01-27.md"],
        dir.path(),
    );
    let journal = studylog::store::load(&dir.path().join("j.studylog.ron")).unwrap();
    let day = journal.days.values().next().unwrap();
    let kinds: Vec<_> = day.sections.iter().map(|s| s.kind()).collect();
    use studylog::model::Section;
    assert_eq!(
        kinds,
        [None, Some(Section::WorkedOn), Some(Section::Learned)],
        "the title stays a heading of its own; the ## headings are the sections"
    );
}

#[test]
fn headings_under_a_title_stay_headings_in_notes_dated_from_outside() {
    comes_back(
        "2024-02-01.md",
        "# メモ\n\n## わからなかったこと\n- なぜ遅い?\n",
    );
    comes_back(
        "2024-02-29.md",
        "# 健康\n## 徒歩/運動\n- 8000 歩\n# 勉強\n## 読書\n- 3 章\n",
    );
    comes_back(
        "2024-03-01.md",
        "---\ntags: [daily]\n---\n# 日報\n\n## 今日やったこと\n\n- a\n\n## 明日やること\n\n- b\n",
    );
}

#[test]
fn comments_in_front_matter_are_no_sections() {
    let note = "---\ndate: 2021-04-09T00:00:00+09:00\n## <taxonomies>\ntags: []\n###### Hugo Book Theme\n---\n\n## 本日の予定\n\n- 09:00 出社\n\n## 本日の業務\n\n- 朝会\n";
    comes_back("index.md", note);
    let journal = imported("index.md", note);
    let day = journal.days.values().next().unwrap();
    let headings: Vec<&str> = day.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["本日の予定", "本日の業務"]);
}

/// The journal a log makes when imported on its own.
fn imported(name: &str, log: &str) -> studylog::model::Journal {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), log).unwrap();
    let out = studylog(&["import", "-o", "j.studylog.ron", name], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    studylog::store::load(&dir.path().join("j.studylog.ron")).unwrap()
}

#[test]
fn an_escaped_heading_comes_back_as_written() {
    comes_back(
        "2024-03-02.md",
        "# 日報\n\n\\## foo\n\n## 感想\n\n\\### bar\n",
    );
    comes_back(
        "log.md",
        "# 2025-03-10\n\n## 感想\n\n\\### not a heading\n\\\\## two backslashes\n",
    );
}

#[test]
fn fences_and_lines_that_only_look_like_fences_add_nothing() {
    comes_back(
        "log.md",
        "# 2025-03-10\n\n## 感想\n\n  ```\n  # code\n```\n\nafter\n",
    );
    comes_back(
        "log.md",
        "# 2025-03-10\n\n## 感想\n\n``` ```\n```foo``\n\n## 次やること\n\n- a\n",
    );
    // Open at the end of the file, with no final newline.
    comes_back("log.md", "# 2025-03-10\n\n## 感想\n\n```\ncode");
}

#[test]
fn blank_lines_around_headings_are_neither_added_nor_dropped() {
    comes_back("2024-03-03.md", "## foo #\\##\n# foo \\#\ntext\n");
    comes_back("2024-03-04.md", "## \n#\ntext\n");
    comes_back("2024-03-05.md", "# Title\ntext\n\n## 感想\n\n\ntext\n");
    comes_back(
        "log.md",
        "# 2025-03-10\n## 取り組んだこと\n- a\n\n\n## 感想\ntext\n\n# 2025-03-11\n\n## 感想\n\nmore\n",
    );
}

#[test]
fn a_log_not_in_date_order_comes_back_in_its_own_order() {
    let month = "# 2026年2月\n\n## Day 53 (2026-02-08)\n\n- CLI を書いた\n\n# Side Project\n\n> 脇道\n\n## Game Day 1 (2026-02-03)\n\n- ゲームを作り始めた\n\n---\n\n## Day 54 (2026-02-09)\n\n- テスト\n";
    comes_back("2026-02.md", month);
    let twice = "## 2025-03-10\n\n- 朝\n\n## 2025-03-11\n\n- 翌日\n\n## 2025-03-10\n\n- 夜に追記\n";
    comes_back("log.md", twice);
}

#[test]
fn two_logs_of_one_date_in_one_import_are_joined() {
    let day = "# 2025-12-31\n\n## 今日やったこと\n\n- 大掃除\n\n## 感想\n\n一年が終わる\n";
    let monthly = "---\ndate: 2025-12-31\n---\n## 今日やったこと\n\n- 12 月の振り返り\n\n## 健康\n\n- 歩いた\n";
    let (said, exported) = round_trip(
        &[("blog/2025-12-31.md", day), ("blog/monthly.md", monthly)],
        &[],
    );
    assert!(said.contains("joined"), "{said}");
    for word in [
        "大掃除",
        "12 月の振り返り",
        "一年が終わる",
        "歩いた",
        "## 健康",
    ] {
        assert!(exported.contains(word), "{word} lost:\n{exported}");
    }
    assert_eq!(
        exported.matches("## 今日やったこと").count(),
        1,
        "same-meaning sections merged:\n{exported}"
    );
}

#[test]
fn more_date_spellings_and_front_matter_keys_are_found() {
    let (said, _) = round_trip(
        &[(
            "log.md",
            "# 100 Days\n\n### Day 1: January, 01, 2020\n\nstart\n\n### Day 2: January, 02, 2020\n\nmore\n",
        )],
        &[],
    );
    assert!(said.contains("2 days added"), "{said}");
    let (said, _) = round_trip(
        &[(
            "log.md",
            "### Day 1: May 2, Friday\n\na\n\n### Day 2: May 3, Friday\n\nb\n",
        )],
        &["--year", "2025"],
    );
    assert!(said.contains("2 days added"), "{said}");
    assert!(
        said.contains("2025-05-03 is a Sat, not Friday"),
        "a weekday after the date is checked: {said}"
    );
    for key in ["pubDate", "published", "created"] {
        let note = format!("---\n{key}: \"2024-06-01\"\n---\n## 今日やったこと\n\n- a\n");
        let (said, exported) = round_trip(&[("note.md", &note)], &[]);
        assert!(said.contains("dated by its front matter"), "{key}: {said}");
        assert_eq!(exported, note, "{key}");
    }
}

#[test]
fn a_date_heading_indented_into_a_list_item_is_a_day() {
    let log = "### Day 67: July 7, Monday\n\n- work\n  - [commit](x)\n\n  ### Day 68: July 8, Tuesday\n\n- more\n";
    let (said, exported) = round_trip(&[("log.md", log)], &["--year", "2025"]);
    assert!(said.contains("2 days added"), "{said}");
    assert_eq!(exported, log);
}

#[test]
fn a_full_width_space_after_the_hashes_is_kept() {
    comes_back(
        "log.md",
        "## 　2023年8月14日(月)\n# 【取り組んだ課題一覧】\n- Docker\n",
    );
}

#[test]
fn a_folder_that_links_to_itself_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("logs");
    fs::create_dir_all(logs.join("2024")).unwrap();
    fs::write(
        logs.join("2024/2024-05-01.md"),
        "## 今日やったこと\n\n- a\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(".", logs.join("self")).unwrap();
    std::os::unix::fs::symlink("..", logs.join("2024/up")).unwrap();
    let imported = studylog(&["import", "-o", "j.studylog.ron", "logs"], dir.path());
    assert!(imported.status.success(), "{}", text(&imported));
    assert!(
        text(&imported).contains("1 day added"),
        "{}",
        text(&imported)
    );
    assert!(!text(&imported).contains("kept"), "{}", text(&imported));
}

#[test]
fn an_endless_source_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let refused = studylog(&["import", "-o", "j.studylog.ron", "/dev/zero"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused).contains("/dev/zero: larger than 64 MB: not a daily log"),
        "{}",
        text(&refused)
    );
    assert!(!dir.path().join("j.studylog.ron").exists());
}

#[test]
fn a_log_read_from_a_pipe_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_studylog"))
        .args(["import", "-o", "j.studylog.ron", "/dev/stdin"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("# 2025-03-10\n\n## 感想\n\nパイプから\n".as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let journal = studylog::store::load(&dir.path().join("j.studylog.ron")).unwrap();
    assert_eq!(journal.days.len(), 1);
}

#[test]
fn the_apps_own_export_comes_back_on_an_english_system() {
    use studylog::markdown;
    use studylog::model::{Grid, Journal, Language, SectionBody};
    let mut journal = common::small_journal();
    let mut grid = Grid::new(vec!["Axum".into(), "Actix".into()], vec!["速さ".into()]);
    grid.title = "Rust Web スタック比較".into();
    let date = "2025-03-10".parse().unwrap();
    let day = journal.days.get_mut(&date).unwrap();
    let (i, _) = day.section(studylog::model::Section::Impressions).unwrap();
    day.sections[i].body = SectionBody::Impressions(studylog::model::FreeText {
        text: "比べてみた".into(),
        grids: vec![grid.clone()],
    });
    // A reference table in a chapter's notes stays the table it was.
    let table = "| 型 | Copy | 代入したとき |\n| --- | --- | --- |\n| i32 | ○ | コピー |\n| String | × | ムーブ |";
    common::first_notes_mut(day).blocks = vec![studylog::model::Block::Text(format!(
        "- 所有権\n\n{table}\n\n- 借用"
    ))];
    let exported = markdown::export_journal(&journal);
    let (said, again) = round_trip(&[("study.md", &exported)], &[]);
    assert_eq!(again, exported, "{said}");
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("study.md"), &exported).unwrap();
    studylog(&["import", "-o", "j.studylog.ron", "study.md"], dir.path());
    let back: Journal = studylog::store::load(&dir.path().join("j.studylog.ron")).unwrap();
    assert_eq!(back.template.language, Language::Ja);
    let day = &back.days[&date];
    assert_eq!(
        common::impressions_grids(day),
        vec![grid],
        "the grid is a grid"
    );
    assert_eq!(
        common::first_notes(day).blocks.len(),
        1,
        "the note with its table is one text"
    );
}
