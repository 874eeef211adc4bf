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

#[test]
fn import_then_export_gives_the_log_back() {
    let dir = tempfile::tempdir().unwrap();
    let log = fs::read_to_string("tests/data/own_style_ja.md").unwrap();
    fs::write(dir.path().join("log.md"), &log).unwrap();

    let imported = studylog(&["import", "log.md"], dir.path());
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(
        stdout(&imported).contains("log.md: 2 days added"),
        "{}",
        stdout(&imported)
    );
    assert!(dir.path().join("log.studylog.ron").exists());

    let exported = studylog(&["export", "log.studylog.ron"], dir.path());
    assert_eq!(stdout(&exported).trim_end(), log.trim_end());

    let day = studylog(
        &[
            "export",
            "log.studylog.ron",
            "--day",
            "2025-03-11",
            "-o",
            "day.md",
        ],
        dir.path(),
    );
    assert!(day.status.success(), "{}", stderr(&day));
    let day_text = fs::read_to_string(dir.path().join("day.md")).unwrap();
    assert!(day_text.starts_with("# 2025-03-11\n") && !day_text.contains("# 2025-03-10"));

    let book = studylog(
        &["export", "log.studylog.ron", "--book", "コンテナ"],
        dir.path(),
    );
    assert!(
        stdout(&book).starts_with("# コンテナ実践入門\n"),
        "{}",
        stdout(&book)
    );
    let missing = studylog(
        &["export", "log.studylog.ron", "--book", "存在しない本"],
        dir.path(),
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no book titled"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn import_keeps_existing_days_unless_replace() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "# 2025-03-10\n\n## 感想\n\n最初").unwrap();
    fs::write(dir.path().join("b.md"), "# 2025-03-10\n\n## 感想\n\n二回目").unwrap();
    studylog(&["import", "a.md", "-o", "j.studylog.ron"], dir.path());

    let kept = studylog(&["import", "b.md", "-o", "j.studylog.ron"], dir.path());
    assert!(
        stdout(&kept).contains("1 already in the journal and kept"),
        "{}",
        stdout(&kept)
    );
    let text = stdout(&studylog(&["export", "j.studylog.ron"], dir.path()));
    assert!(text.contains("最初") && !text.contains("二回目"), "{text}");

    studylog(
        &["import", "--replace", "b.md", "-o", "j.studylog.ron"],
        dir.path(),
    );
    let text = stdout(&studylog(&["export", "j.studylog.ron"], dir.path()));
    assert!(text.contains("二回目") && !text.contains("最初"), "{text}");
}

#[test]
fn import_refuses_bad_input_and_never_overwrites_a_broken_journal() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.md"), b"# 2025-03-10\n\n\xff\xfe").unwrap();
    let bad = studylog(&["import", "bad.md"], dir.path());
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).starts_with("bad.md:3:1: the file is not UTF-8"),
        "{}",
        stderr(&bad)
    );
    assert!(!dir.path().join("bad.studylog.ron").exists());

    fs::write(dir.path().join("ok.md"), "# 2025-03-10\n").unwrap();
    fs::write(
        dir.path().join("broken.studylog.ron"),
        "(format_version: 1,",
    )
    .unwrap();
    let refused = studylog(
        &["import", "ok.md", "-o", "broken.studylog.ron"],
        dir.path(),
    );
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        fs::read_to_string(dir.path().join("broken.studylog.ron")).unwrap(),
        "(format_version: 1,"
    );
}

#[test]
fn month_day_dates_take_the_year_from_the_option_or_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let log = fs::read_to_string("tests/data/2024-12_mmdd.md").unwrap();
    fs::write(dir.path().join("2024-12_mmdd.md"), &log).unwrap();
    fs::write(dir.path().join("notes.md"), &log).unwrap();
    studylog(
        &["import", "2024-12_mmdd.md", "-o", "a.studylog.ron"],
        dir.path(),
    );
    studylog(
        &[
            "import",
            "--year",
            "2023",
            "notes.md",
            "-o",
            "b.studylog.ron",
        ],
        dir.path(),
    );
    let a = stdout(&studylog(&["check", "a.studylog.ron"], dir.path()));
    let b = stdout(&studylog(&["check", "b.studylog.ron"], dir.path()));
    assert!(a.contains("2024-12-01 to 2024-12-15"), "{a}");
    assert!(b.contains("2023-12-01 to 2023-12-15"), "{b}");
}

/// A journal imported from a log with the given days' Markdown.
fn imported(dir: &Path, log: &str) {
    fs::write(dir.join("log.md"), log).unwrap();
    let output = studylog(&["import", "log.md", "-o", "j.studylog.ron"], dir);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn search_ignores_case_and_width_and_names_day_and_section() {
    let dir = tempfile::tempdir().unwrap();
    imported(
        dir.path(),
        "# 2025-03-10\n\n## 学んだこと\n\n### コンテナ実践入門\n\n#### 2 章\n\n- ＥＣＳ はタスク定義で動く\n- ｺﾝﾃﾅの起動\n\n## 感想\n\necs も eks も奥が深い\n\n\
# 2025-03-11\n\n## わからなかったこと\n\n- Fargate と ECS on EC2 の違い\n",
    );
    let output = studylog(&["search", "j.studylog.ron", "ECS"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "2025-03-11 わからなかったこと: Fargate と ECS on EC2 の違い\n\
         2025-03-10 学んだこと: - ＥＣＳ はタスク定義で動く\n\
         2025-03-10 感想: ecs も eks も奥が深い\n"
    );
    let full_width = studylog(&["search", "j.studylog.ron", "ＥＣＳ"], dir.path());
    assert_eq!(stdout(&full_width), stdout(&output));
    let kana = studylog(&["search", "j.studylog.ron", "コンテナ"], dir.path());
    assert_eq!(stdout(&kana), "2025-03-10 学んだこと: - ｺﾝﾃﾅの起動\n");
    let none = studylog(&["search", "j.studylog.ron", "Kubernetes"], dir.path());
    assert!(none.status.success());
    assert_eq!(stdout(&none), "");
}

#[test]
fn stats_count_study_days_streaks_and_book_progress() {
    let dir = tempfile::tempdir().unwrap();
    let today = chrono::Local::now().date_naive();
    let day = |ago: i64| today - chrono::Duration::days(ago);
    let log: String = [10, 2, 1, 0]
        .iter()
        .map(|ago| format!("# {}\n\n## 感想\n\n読んだ\n\n", day(*ago)))
        .collect::<String>()
        + &format!(
            "# {}\n\n## 学んだこと\n\n### 本 A\n\n#### 1 章\n\n- メモ\n",
            day(20)
        );
    imported(dir.path(), &log);
    let output = studylog(&["stats", "j.studylog.ron"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "study days: 5\ncurrent streak: 3\nlongest streak: 3\n本 A: 0/1 chapters done\n"
    );
}

#[test]
fn search_and_stats_refuse_a_broken_journal_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.studylog.ron"),
        "(format_version: 1,\n  title: [",
    )
    .unwrap();
    for args in [
        vec!["search", "bad.studylog.ron", "x"],
        vec!["stats", "bad.studylog.ron"],
    ] {
        let output = studylog(&args, dir.path());
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).starts_with("bad.studylog.ron:2:"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn install_desktop_puts_entry_icons_and_file_type_in_place_and_uninstall_removes_them() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("share");
    let config = dir.path().join("config");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_studylog"))
            .args(args)
            .env("XDG_DATA_HOME", &data)
            .env("XDG_CONFIG_HOME", &config)
            .output()
            .unwrap()
    };
    let installed = run(&["install-desktop"]);
    assert!(installed.status.success(), "{}", stderr(&installed));
    let report = stdout(&installed);
    let entry_path = data.join("applications/studylog.desktop");
    assert!(
        report.contains(&format!("installed {}", entry_path.display())),
        "{report}"
    );
    let entry = fs::read_to_string(&entry_path).unwrap();
    let exec = entry.lines().find(|l| l.starts_with("Exec=")).unwrap();
    assert!(
        exec.starts_with("Exec=\"/") && exec.ends_with("studylog\" %f"),
        "{exec}"
    );
    assert!(entry.contains("MimeType=application/x-studylog;"));
    let mime = fs::read_to_string(data.join("mime/packages/studylog.xml")).unwrap();
    assert!(mime.contains("<glob pattern=\"*.studylog.ron\""));
    for size in [16, 32, 48, 64, 128, 256, 512] {
        let png =
            fs::read(data.join(format!("icons/hicolor/{size}x{size}/apps/studylog.png"))).unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }
    assert!(
        data.join("icons/hicolor/scalable/apps/studylog.svg")
            .exists()
    );
    // Where the desktop's tools exist, they accept what was installed.
    if let Ok(out) = Command::new("desktop-file-validate")
        .arg(&entry_path)
        .output()
    {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    if data.join("mime/globs2").exists() {
        let globs = fs::read_to_string(data.join("mime/globs2")).unwrap();
        assert!(
            globs.contains("application/x-studylog:*.studylog.ron"),
            "{globs}"
        );
    }

    // A menu entry changed by hand survives a reinstall, unless --force.
    let customised = format!("{entry}Keywords=study;log;\n");
    fs::write(&entry_path, &customised).unwrap();
    let again = run(&["install-desktop"]);
    assert!(stdout(&again).contains("kept"), "{}", stdout(&again));
    assert_eq!(fs::read_to_string(&entry_path).unwrap(), customised);
    let forced = run(&["install-desktop", "--force"]);
    assert!(forced.status.success());
    assert_eq!(fs::read_to_string(&entry_path).unwrap(), entry);

    // The desktop remembers studylog as the default for journals.
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("mimeapps.list"),
        "[Default Applications]\napplication/x-studylog=studylog.desktop;\ntext/plain=gedit.desktop;\n",
    )
    .unwrap();
    let removed = run(&["install-desktop", "--uninstall"]);
    assert!(removed.status.success(), "{}", stderr(&removed));
    assert!(stdout(&removed).contains("removed"));
    assert!(!entry_path.exists());
    assert_eq!(
        fs::read_to_string(config.join("mimeapps.list")).unwrap(),
        "[Default Applications]\ntext/plain=gedit.desktop;\n",
        "no default pointing at a removed app"
    );
    assert!(!data.join("mime/packages/studylog.xml").exists());
    assert!(
        !data
            .join("icons/hicolor/256x256/apps/studylog.png")
            .exists()
    );
}

#[test]
fn a_log_without_any_date_is_refused_unless_a_date_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let log = "# Day 24 学習記録\n\n## 今日やったこと\n\n- git remote を覚えた\n";
    fs::write(dir.path().join("day24.md"), log).unwrap();
    let refused = studylog(&["import", "day24.md", "-o", "j.studylog.ron"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("day24.md: no date found; give --date YYYY-MM-DD"),
        "{}",
        stderr(&refused)
    );
    assert!(!dir.path().join("j.studylog.ron").exists());

    let dated = studylog(
        &[
            "import",
            "day24.md",
            "--date",
            "2025-04-24",
            "-o",
            "j.studylog.ron",
        ],
        dir.path(),
    );
    assert!(dated.status.success(), "{}", stderr(&dated));
    let found = stdout(&studylog(
        &["search", "j.studylog.ron", "remote"],
        dir.path(),
    ));
    assert!(found.starts_with("2025-04-24 "), "{found}");
}

#[test]
fn a_folder_of_logs_imports_with_a_summary_and_names_what_it_refused() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault/daily");
    fs::create_dir_all(vault.join("2024")).unwrap();
    fs::write(vault.join("2024-01-27.md"), "## Reading\n- ch. 22\n").unwrap();
    fs::write(vault.join("2024/01-28.md"), "## Reading\n- ch. 23\n").unwrap();
    fs::write(
        vault.join("2024/log.md"),
        "# 2024/01/29\n## Reading\n- ch. 24\n",
    )
    .unwrap();
    fs::write(vault.join("ideas.md"), "# Ideas\n- a blog\n").unwrap();
    fs::write(vault.join("image.png"), [0x89, b'P', b'N', b'G']).unwrap();
    let output = studylog(&["import", "vault", "-o", "j.studylog.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1), "a refused log is an error");
    let said = format!("{}{}", stdout(&output), stderr(&output));
    assert!(said.contains("ideas.md: no date found"), "{said}");
    let summary = stdout(&studylog(&["check", "j.studylog.ron"], dir.path()));
    assert!(
        summary.contains("3 days (2024-01-27 to 2024-01-29)"),
        "{summary}"
    );
}

#[test]
fn a_shift_jis_log_is_converted_and_the_conversion_reported() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/data/real-world/windows-shift-jis.md",
        dir.path().join("old.md"),
    )
    .unwrap();
    let output = studylog(&["import", "old.md", "-o", "j.studylog.ron"], dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("converted from Shift_JIS"),
        "{}",
        stdout(&output)
    );
    let found = stdout(&studylog(
        &["search", "j.studylog.ron", "型・演算子"],
        dir.path(),
    ));
    assert!(found.starts_with("2012-04-02 "), "{found}");
}

/// Time a log states is reported on import (a time line not read is named,
/// never guessed) and `stats` adds it up per book.
#[test]
fn import_reports_study_time_and_stats_show_it_per_book() {
    let dir = tempfile::tempdir().unwrap();
    let log = "# 2025-12-01\n\n## 取り組んだこと\n\n- Rust Book 1h30m\n- 散歩\n\n## 学んだこと\n\n### Rust Book\n\n#### 1 章\n\n- cargo new\n\n# 2025-12-02\n\n学習時間: 2時間半くらい\n\n## 取り組んだこと\n\n- Rust Book 45分\n";
    fs::write(dir.path().join("log.md"), log).unwrap();
    let output = studylog(&["import", "log.md", "-o", "j.studylog.ron"], dir.path());
    let said = stdout(&output);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        said.contains("2025-12-02: time not read, kept as written: 学習時間: 2時間半くらい"),
        "{said}"
    );
    assert!(
        said.contains("study time read: 2h15m over 2 days"),
        "{said}"
    );
    let stats = stdout(&studylog(&["stats", "j.studylog.ron"], dir.path()));
    assert!(
        stats.ends_with("Rust Book: 0/1 chapters done, 2h15m studied\n"),
        "{stats}"
    );
    let back = stdout(&studylog(&["export", "j.studylog.ron"], dir.path()));
    assert!(
        back.contains("学習時間: 2時間半くらい"),
        "kept as written: {back}"
    );
}
