//! Logs in the styles people publish (tests/data/real-world: 日報, TIL,
//! KPT, Obsidian daily notes, monthly files, #100DaysOfCode, code-heavy
//! notes, tables, nested checkboxes, HTML), each imported on its own as a
//! new user would. For every file: the days it must give, on their dates;
//! a word written on each day is found on that day; the export renders to
//! the same HTML as the original (CommonMark with GFM tables, rendered by
//! pulldown-cmark, an oracle the importer does not use); and export →
//! import → export changes nothing.

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use studylog::markdown::{self, ImportOptions};
use studylog::model::{Journal, Language, SearchIndex};
use studylog::store;

/// Each log, and for each day it holds: its date and a word written that day.
const CORPUS: &[(&str, &[(&str, &str)])] = &[
    (
        "nippo-slash-dates.md",
        &[
            ("2023-10-12", "クールURI"),
            ("2023-10-13", "415"),
            ("2023-10-16", "ステータスコード"),
        ],
    ),
    (
        "nippo-title-first.md",
        &[
            ("2024-02-05", "aws_iam_policy_document"),
            ("2024-02-06", "state mv"),
        ],
    ),
    (
        "nippo-no-year.md",
        &[("2025-05-13", "goroutine"), ("2025-05-14", "WithCancel")],
    ),
    (
        "daily-report-en.md",
        &[
            ("2024-01-27", "replication lag"),
            ("2024-01-28", "SSTables"),
        ],
    ),
    (
        "monthly-til.md",
        &[
            ("2025-10-02", "must_use"),
            ("2025-10-03", "lazy"),
            ("2025-10-05", "RefCell"),
        ],
    ),
    (
        "hundred-days-of-code.md",
        &[
            ("2020-01-04", "canvas"),
            ("2020-01-05", "JavaScript30"),
            ("2020-01-06", "transitionend"),
        ],
    ),
    (
        "english-short-dates.md",
        &[
            ("2020-01-03", "Broken windows"),
            ("2020-01-06", "Tracer bullets"),
        ],
    ),
    (
        "progress-365.md",
        &[
            ("2024-06-04", "pub(crate)"),
            ("2024-06-05", "newtype"),
            ("2024-06-06", "体調不良"),
        ],
    ),
    (
        "obsidian/daily/2024-01-27.md",
        &[("2024-01-27", "Dependency Rule")],
    ),
    (
        "obsidian/daily/20240128.md",
        &[("2024-01-28", "Humble object")],
    ),
    ("by-folder/2023/05/10.md", &[("2023-05-10", "閉包テーブル")]),
    (
        "by-folder/2023/10-October/12.md",
        &[("2023-10-12", "ReplicaSet")],
    ),
    (
        "kpt.md",
        &[
            ("2025-03-10", "リーダブルコード"),
            ("2025-03-17", "章末問題"),
        ],
    ),
    (
        "code-heavy.md",
        &[
            ("2025-04-01", "ライフタイム注釈"),
            ("2025-04-02", "thiserror"),
        ],
    ),
    ("comparison-tables.md", &[("2025-05-20", "FireLens")]),
    (
        "nested-checkboxes.md",
        &[("2025-06-01", "2.2 節"), ("2025-06-02", "段落の続き")],
    ),
    (
        "html-comments-details.md",
        &[("2025-07-07", "2MSL"), ("2025-07-08", "統計")],
    ),
    (
        "study-books-and-topics.md",
        &[
            ("2025-08-01", "部分関数従属"),
            ("2025-08-02", "カーディナリティ"),
        ],
    ),
    (
        "decorated-headings.md",
        &[
            ("2025-09-01", "ジョルダン標準形"),
            ("2025-09-02", "グラム・シュミット"),
        ],
    ),
    ("windows-shift-jis.md", &[("2012-04-02", "printf")]),
    (
        "newest-first-with-months.md",
        &[
            ("2024-02-27", "目的・読み手・範囲"),
            ("2024-03-08", "読み手を一人に"),
            ("2024-03-15", "人格への評価"),
        ],
    ),
    (
        "us-dates-obsidian-style.md",
        &[
            ("2023-11-26", "spread syntax"),
            ("2023-11-28", "unsubscribe"),
        ],
    ),
    (
        "hugo/content/posts/2025-01-15-rust-til/index.md",
        &[("2025-01-15", "可変参照")],
    ),
    (
        "jekyll/_posts/2025-02-03-study-log.md",
        &[("2025-02-03", "Rendezvous hashing")],
    ),
    (
        "gatsby/content/blog/2025-03-04/index.md",
        &[("2025-03-04", "クール URI")],
    ),
    (
        "astro/src/content/blog/rust-day-12.md",
        &[("2025-07-08", "borrow_mut")],
    ),
    ("diary/2025/06/10/index.md", &[("2025-06-10", "awsvpc")]),
    (
        "month-with-time-table.md",
        &[("2025-04-01", "CASE 式"), ("2025-04-02", "HAVING")],
    ),
    (
        "math-and-footnotes.md",
        &[("2025-05-20", "不偏分散"), ("2025-05-21", "中心極限定理")],
    ),
    (
        "emoji-date-headings.md",
        &[("2025-06-01", "中心差分"), ("2025-06-02", "発散")],
    ),
    (
        "month-out-of-order.md",
        &[
            ("2026-02-03", "Bevy"),
            ("2026-02-08", "clap"),
            ("2026-02-08", "テストを三本"),
            ("2026-02-09", "derive"),
        ],
    ),
    (
        "hundred-days-month-comma.md",
        &[
            ("2020-01-01", "net/http"),
            ("2020-01-02", "Middleware"),
            ("2020-01-03", "table-driven"),
        ],
    ),
    (
        "hundred-days-weekday-after.md",
        &[("2025-05-02", "goroutine"), ("2025-05-03", "time.After")],
    ),
    (
        "obsidian/daily/2024-02-10.md",
        &[("2024-02-10", "ガード節")],
    ),
    (
        "fullwidth-space-headings.md",
        &[
            ("2023-08-14", "マルチステージ"),
            ("2023-08-15", "depends_on"),
        ],
    ),
    (
        "escapes-and-fences.md",
        &[
            ("2025-07-01", "インデントした"),
            ("2025-07-02", "make build"),
        ],
    ),
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/real-world")
}

fn options_for(path: &Path) -> ImportOptions {
    ImportOptions {
        default_year: 2025,
        source: Some(path.to_owned()),
        ..ImportOptions::default()
    }
}

/// The log as text, and the journal a new user gets from importing it.
fn import_file(name: &str) -> (String, Journal) {
    let path = corpus_dir().join(name);
    let text = store::read_log(&path)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .text;
    let mut journal = Journal::new("", Language::Ja);
    markdown::import(&mut journal, &text, &options_for(&path))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    (text, journal)
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn the_corpus_has_every_log_and_each_is_listed() {
    let mut on_disk: Vec<String> = store::find_logs(&corpus_dir())
        .unwrap()
        .files
        .iter()
        .map(|p| {
            let relative = p.strip_prefix(corpus_dir()).unwrap();
            relative.to_string_lossy().replace('\\', "/")
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|(n, _)| (*n).to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    assert!(listed.len() >= 15);
}

#[test]
fn every_log_gives_its_days_on_their_dates() {
    for (name, days) in CORPUS {
        let (_, journal) = import_file(name);
        let found: Vec<NaiveDate> = journal.days.keys().copied().collect();
        let mut expected: Vec<NaiveDate> = days.iter().map(|(d, _)| date(d)).collect();
        expected.dedup();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn a_word_from_each_day_is_found_on_that_day() {
    for (name, days) in CORPUS {
        let (_, journal) = import_file(name);
        let index = SearchIndex::build(&journal);
        for (day, word) in *days {
            let hits = index.search(word, 100).hits;
            assert!(
                hits.iter().any(|hit| hit.date == date(day)),
                "{name}: {word:?} not found on {day} (found on {:?})",
                hits.iter().map(|h| h.date).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn the_export_renders_the_same_as_the_log() {
    for (name, _) in CORPUS {
        let (text, journal) = import_file(name);
        let exported = markdown::export_journal(&journal);
        assert_eq!(
            common::rendered(&exported),
            common::rendered(&text),
            "{name}: renders differently after import → export:\n{exported}"
        );
    }
}

/// Logs whose export may differ from them byte for byte: the Shift_JIS one
/// is written back as UTF-8.
const NOT_BYTE_FOR_BYTE: &[&str] = &["windows-shift-jis.md"];

#[test]
fn every_log_comes_back_byte_for_byte() {
    for (name, _) in CORPUS
        .iter()
        .filter(|(n, _)| !NOT_BYTE_FOR_BYTE.contains(n))
    {
        let (text, journal) = import_file(name);
        assert_eq!(markdown::export_journal(&journal), text, "{name}");
    }
}

#[test]
fn export_import_export_is_a_fixed_point() {
    for (name, _) in CORPUS {
        // The export stands where the log stood (a daily note dated by its
        // file name is written without a date heading, as it came).
        let path = corpus_dir().join(name);
        let (_, journal) = import_file(name);
        let once = markdown::export_journal(&journal);
        let mut again = Journal::new("", Language::Ja);
        markdown::import(&mut again, &once, &options_for(&path)).unwrap();
        assert_eq!(markdown::export_journal(&again), once, "{name}");
        assert_eq!(again.days.len(), journal.days.len(), "{name}");
    }
}

#[test]
fn importing_a_log_again_changes_nothing() {
    for (name, _) in CORPUS {
        let path = corpus_dir().join(name);
        let (text, mut journal) = import_file(name);
        let before = journal.clone();
        let report = markdown::import(&mut journal, &text, &options_for(&path)).unwrap();
        assert_eq!(journal, before, "{name}");
        assert_eq!(report.kept.len(), before.days.len(), "{name}");
    }
}

#[test]
fn no_template_section_is_added_to_a_log() {
    for (name, _) in CORPUS {
        let (text, journal) = import_file(name);
        let exported = markdown::export_journal(&journal);
        let headings = |t: &str| t.lines().filter(|l| l.starts_with('#')).count();
        assert_eq!(headings(&exported), headings(&text), "{name}");
    }
}

#[test]
fn a_shift_jis_log_is_converted_and_says_so() {
    let log = store::read_log(&corpus_dir().join("windows-shift-jis.md")).unwrap();
    assert_eq!(log.converted_from, Some("Shift_JIS"));
    assert!(log.text.contains("「プログラミング言語C」第1章"));
}

/// Logs of your own: `STUDYLOG_LOGS=DIR cargo test --test real_world_logs`
/// puts every `.md` under DIR through the same checks (a log without any
/// date is refused, as the CLI refuses it, and listed).
#[test]
fn logs_from_the_folder_named_by_studylog_logs() {
    let Some(dir) = std::env::var_os("STUDYLOG_LOGS") else {
        return;
    };
    let mut failures = Vec::new();
    for path in store::find_logs(Path::new(&dir)).unwrap().files {
        let Ok(log) = store::read_log(&path) else {
            eprintln!("skipped (not text): {}", path.display());
            continue;
        };
        let mut journal = Journal::new("", Language::Ja);
        if let Err(e) = markdown::import(&mut journal, &log.text, &options_for(&path)) {
            eprintln!("refused {}: {e}", path.display());
            continue;
        }
        let exported = markdown::export_journal(&journal);
        let mut again = Journal::new("", Language::Ja);
        let fixed = markdown::import(&mut again, &exported, &options_for(&path)).is_ok()
            && markdown::export_journal(&again) == exported;
        let same = common::rendered(&exported) == common::rendered(&log.text);
        let bytes = exported == log.text;
        eprintln!(
            "{} days, renders the same: {same}, fixed point: {fixed}, byte for byte: {bytes}: {}",
            journal.days.len(),
            path.display()
        );
        if !(same && fixed) {
            failures.push(path);
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The journals real logs make (code blocks, quotes, backslashes, brackets
/// in the text) read the same when their days are parsed in parts and when
/// a preview of them is taken, as when the whole text is parsed.
#[test]
fn real_logs_journals_read_in_parts_as_the_whole_parse_reads_them() {
    for (name, _) in CORPUS {
        let (_, journal) = import_file(name);
        let text = store::to_ron_string(&journal).unwrap();
        let whole: Journal = ron::Options::default().from_str(&text).unwrap();
        assert_eq!(whole, journal, "{name}");
        for parts in [1, 2, 3] {
            let split = store::parse_in_parts(&text, parts);
            assert_eq!(split.as_ref(), Some(&whole), "{name} in {parts} parts");
        }
        let (newest, day) = whole.days.iter().next_back().unwrap();
        let seen = store::preview(Path::new(name), &text).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(&seen.days[newest], day, "{name}");
        assert!(seen.days.keys().eq(whole.days.keys()), "{name}");
        assert_eq!(
            studylog::model::open_questions(&seen, *newest),
            studylog::model::open_questions(&whole, *newest),
            "{name}"
        );
    }
}
