//! Markdown import and export on a corpus of logs written for the tests
//! (`tests/data/`): studylog's own style comes back identical, any log keeps
//! every line of text, and export -> import -> export is a fixed point.

mod common;

use std::fs;

use chrono::NaiveDate;
use studylog::markdown::{self, ImportOptions};
use studylog::model::{Block, Grid, Journal, Language, Mark, Score, WorkItem};

fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir("tests/data")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| (p.display().to_string(), fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "the corpus is missing");
    files
}

fn import_new(text: &str) -> Journal {
    let mut journal = Journal::new("", Language::Ja);
    let options = ImportOptions {
        default_year: 2024,
        replace: false,
        ..ImportOptions::default()
    };
    markdown::import(&mut journal, text, &options).unwrap();
    journal
}

/// Trailing spaces and runs of blank lines do not count as differences.
fn normalized(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim_end) {
        if !(line.is_empty() && out.last().is_none_or(|l| l.is_empty())) {
            out.push(line);
        }
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// The words of a line, without list markers, checkboxes, indentation or
/// table pipes: what must survive whatever the export does to the layout.
fn content(line: &str) -> Option<String> {
    let mut text = line.trim();
    if text.starts_with('|') {
        let cells: Vec<&str> = text.trim_matches('|').split(" | ").map(str::trim).collect();
        if cells
            .iter()
            .all(|c| c.trim_matches([':', '-', '|', ' ']).is_empty())
        {
            return None; // a table's delimiter row
        }
        return Some(cells.join(" | "));
    }
    for marker in ["- ", "* ", "+ ", "1. ", "2. "] {
        text = text.strip_prefix(marker).unwrap_or(text);
    }
    for checkbox in ["[ ] ", "[x] "] {
        text = text.strip_prefix(checkbox).unwrap_or(text);
    }
    let text = text.trim();
    (!text.is_empty() && !["-", "*", "+"].contains(&text)).then(|| text.to_owned())
}

#[test]
fn own_style_logs_come_back_identical() {
    for name in ["tests/data/own_style_ja.md", "tests/data/own_style_en.md"] {
        let text = fs::read_to_string(name).unwrap();
        let exported = markdown::export_journal(&import_new(&text));
        assert_eq!(normalized(&exported), normalized(&text), "{name}");
    }
}

#[test]
fn every_line_of_text_survives_in_order() {
    for (name, text) in corpus() {
        let exported = markdown::export_journal(&import_new(&text));
        let exported_lines: Vec<String> = exported.lines().filter_map(content).collect();
        let mut at = 0;
        for line in text.lines() {
            let Some(wanted) = content(line) else {
                continue;
            };
            let found = exported_lines[at..]
                .iter()
                .position(|l| l.contains(&wanted));
            let Some(offset) = found else {
                panic!("{name}: lost or moved {line:?}\n--- export ---\n{exported}");
            };
            at += offset;
        }
    }
}

#[test]
fn export_import_export_is_a_fixed_point() {
    for (name, text) in corpus() {
        let first = markdown::export_journal(&import_new(&text));
        let second = markdown::export_journal(&import_new(&first));
        assert_eq!(second, first, "{name}");
    }
}

#[test]
fn crlf_and_a_byte_order_mark_read_like_plain_text() {
    let text = fs::read_to_string("tests/data/messy_ja.md").unwrap();
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    assert_eq!(
        markdown::export_journal(&import_new(&windows)),
        markdown::export_journal(&import_new(&text))
    );
}

#[test]
fn messy_logs_map_sections_books_chapters_and_grids() {
    let journal = import_new(&fs::read_to_string("tests/data/messy_ja.md").unwrap());
    let day1 = &journal.days[&NaiveDate::from_ymd_opt(2025, 12, 1).unwrap()];
    let book = journal
        .books
        .iter()
        .find(|b| b.title == "コンテナ実践入門")
        .unwrap();
    let labels: Vec<&str> = book.chapters.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        ["3 章 コンテナの概要", "4 章 イメージ", "5 章 ネットワーク"]
    );

    // 取り組んだこと: "3" under the book is the chapter "3 章 コンテナの概要".
    let worked_on: Vec<&WorkItem> = day1.work_items().map(|(_, _, w)| w).collect();
    let WorkItem::Book(studied) = worked_on[0] else {
        panic!("{worked_on:?}")
    };
    assert_eq!(studied.chapters[0].chapter, book.chapters[0].id);
    assert_eq!(studied.chapters[0].written_as, "3");
    assert_eq!(
        worked_on[1],
        &WorkItem::Text {
            text: "英語の勉強 30 分".into(),
            marker: studylog::model::Marker("+ ".into())
        }
    );

    // Text before the first book, the book's own notes, and code with # lines stay as written.
    let (_, learned) = day1.learned().next().unwrap();
    assert_eq!(learned.intro, "今日は集中できた。");
    assert_eq!(learned.books[0].intro, "本全体のメモ: 図が多くて読みやすい");
    let Block::Text(notes) = &learned.books[0].chapters[0].blocks[0] else {
        panic!()
    };
    assert!(
        notes.starts_with("##### 名前空間\n\n名前空間の説明の前に少し段落がある。"),
        "{notes}"
    );
    assert!(
        notes.contains("```sh\n# これは見出しではない\n## これも\n"),
        "{notes}"
    );
    assert!(
        notes.contains("\t- プロセスの見え方が分かれる"),
        "notes keep their own indentation: {notes}"
    );

    // Questions: the empty bullet stays (it is in the log), the
    // half-closed parenthesis is kept.
    let questions = common::question_texts(day1);
    assert_eq!(
        questions,
        [
            "overlayfs の仕組み（あとで調べる",
            "",
            "cgroup v2 と v1 の違い"
        ]
    );

    // The unknown section is kept, between the sections it sat between.
    let headings: Vec<&str> = day1.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "今日やったこと",
            "わかったこと",
            "わからなかったこと・疑問",
            "参考リンク",
            "明日やること",
            "振り返り"
        ]
    );
    let links = day1.sections[3].body.free().unwrap();
    assert_eq!(links.text, "- https://example.com/containers");
    assert_eq!(common::impressions(day1), "### 良かった点\n\n集中できた");

    // Checkboxes keep their state.
    let day2 = &journal.days[&NaiveDate::from_ymd_opt(2025, 12, 2).unwrap()];
    assert!(common::next_items(day2)[0].1);
    assert!(!common::next_items(day1)[1].1);

    // A table in a chapter's notes with no title heading over it is the
    // user's own table: it stays in the notes as written.
    assert_eq!(day2.grids().count(), 0);
    let Block::Text(notes) = &common::first_notes(day2).blocks[0] else {
        panic!("{:?}", common::first_notes(day2))
    };
    assert!(
        notes.starts_with("| 方式 | 速度 | 設定の手間 |\n|:---|:---:|---:|"),
        "{notes}"
    );

    // The style is learned: date format with weekday, the user's heading words.
    assert_eq!(journal.template.date_format, "%Y/%m/%d（%J）");
    assert_eq!(journal.template.headings.worked_on, "今日やったこと");
    assert_eq!(journal.template.headings.impressions, "振り返り");
    let exported = markdown::export_journal(&journal);
    assert!(
        exported.starts_with("# 2025/12/01（月）\n\n## 今日やったこと\n"),
        "{exported}"
    );
}

#[test]
fn english_headings_set_an_english_template() {
    let journal = import_new(&fs::read_to_string("tests/data/own_style_en.md").unwrap());
    assert_eq!(journal.template.language, Language::En);
    assert_eq!(journal.books[0].chapters[0].label, "Chapter 7 Transactions");
}

#[test]
fn dates_without_a_year_take_the_given_year() {
    let journal = import_new(&fs::read_to_string("tests/data/2024-12_mmdd.md").unwrap());
    let dates: Vec<String> = journal.days.keys().map(|d| d.to_string()).collect();
    assert_eq!(dates, ["2024-12-01", "2024-12-15"]);
    assert_eq!(journal.template.date_format, "%m/%d");
}

#[test]
fn existing_days_are_kept_unless_replace() {
    let text = fs::read_to_string("tests/data/own_style_ja.md").unwrap();
    let mut journal = import_new(&text);
    let date = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap();
    common::set_impressions(journal.days.get_mut(&date).unwrap(), "アプリで書いた");

    let keep = ImportOptions {
        default_year: 2025,
        replace: false,
        ..ImportOptions::default()
    };
    let report = markdown::import(&mut journal, &text, &keep).unwrap();
    assert_eq!(report.kept.len(), 2);
    assert!(report.added.is_empty());
    assert_eq!(common::impressions(&journal.days[&date]), "アプリで書いた");

    let replace = ImportOptions {
        default_year: 2025,
        replace: true,
        ..ImportOptions::default()
    };
    let report = markdown::import(&mut journal, &text, &replace).unwrap();
    assert_eq!(report.replaced.len(), 2);
    assert_eq!(common::impressions(&journal.days[&date]), "");
    assert_eq!(
        journal.books.len(),
        2,
        "importing again does not duplicate books"
    );
}

#[test]
fn text_that_looks_like_structure_is_escaped_and_comes_back() {
    let mut journal = import_new("# 2025-01-01\n\n## 感想\n\nふつうの文");
    let date = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let tricky = "# 2025-01-02\n## 次やること\n\\# already escaped\n```\n# code\n```";
    common::set_impressions(journal.days.get_mut(&date).unwrap(), tricky);
    let exported = markdown::export_journal(&journal);
    let back = import_new(&exported);
    assert_eq!(back.days.len(), 1, "no day was invented:\n{exported}");
    assert_eq!(common::impressions(&back.days[&date]), tricky);
}

#[test]
fn a_book_summary_gathers_each_chapter_across_days() {
    let journal = import_new(&fs::read_to_string("tests/data/own_style_ja.md").unwrap());
    let book = journal
        .books
        .iter()
        .find(|b| b.title.starts_with("データ指向"))
        .unwrap();
    let summary = markdown::export_book(&journal, book.id).unwrap();
    let ch6 = summary.find("## 6 章 パーティショニング").unwrap();
    let day2 = summary[ch6..].find("### 2025-03-11").unwrap();
    assert!(
        summary[ch6 + day2..].contains("ハッシュによるパーティショニング"),
        "{summary}"
    );
    assert!(summary.find("## 5 章 レプリケーション").unwrap() < ch6);
}

#[test]
fn one_day_exports_alone() {
    let journal = import_new(&fs::read_to_string("tests/data/own_style_ja.md").unwrap());
    let day =
        markdown::export_day(&journal, NaiveDate::from_ymd_opt(2025, 3, 11).unwrap()).unwrap();
    assert!(day.starts_with("# 2025-03-11\n"));
    assert!(!day.contains("# 2025-03-10"));
    assert_eq!(
        markdown::export_day(&journal, NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()),
        None
    );
}

#[test]
fn a_four_row_table_imports_as_a_grid_and_exports_as_a_gfm_table() {
    let log = "# 2025-03-10\n\n## 学んだこと\n\n### コンテナ実践入門\n\n#### 2 章 ECS と EKS\n\n##### 実行基盤の 4 パターン\n\n\
| 構成 | コスト (×2) | 拡張性 | 信頼性 | 人材確保のしやすさ |\n\
| --- | --- | --- | --- | --- |\n\
| ECS on EC2 | [4/5] 安い | [3/5] | [4/5] | [3/5] |\n\
| ECS on Fargate | [3/5] | [4/5] 自動スケール | [4/5] | [3/5] |\n\
| EKS on EC2 | [3/5] | [5/5] | [4/5] | [2/5] |\n\
| EKS on Fargate | [2/5] 割高 | [4/5] | [4/5] | [2/5] |\n";
    let journal = import_new(log);
    let day = &journal.days[&NaiveDate::from_ymd_opt(2025, 3, 10).unwrap()];
    let Block::Grid(grid) = &common::first_notes(day).blocks[0] else {
        panic!("{:?}", common::first_notes(day).blocks)
    };
    assert_eq!(grid.title, "実行基盤の 4 パターン");
    assert_eq!(grid.options.len(), 4);
    assert_eq!(grid.criteria[0].name, "コスト");
    assert_eq!(grid.criteria[0].weight, 2);
    assert_eq!(grid.cells[1][1].text, "自動スケール");
    assert_eq!(grid.cells[1][1].score, Some(Score::Points(4)));
    assert_eq!(grid.totals(), [18, 17, 17, 14]);
    let out = markdown::export_journal(&journal);
    // The table is written back as it was: no total column it did not have.
    let table_start = log.find("| 構成").unwrap();
    assert!(out.contains(&log[table_start..]), "{out}");
    // A grid made in the app writes its totals.
    let mut made = grid.clone();
    made.total_column = true;
    let table = studylog::markdown::grid_to_table(&made, Language::Ja);
    assert!(
        table.contains("| EKS on Fargate | [2/5] 割高 | [4/5] | [4/5] | [2/5] | 14 |"),
        "{table}"
    );
}

#[test]
fn grids_after_free_section_text_import_and_export() {
    let log = "# 2025-03-10\n\n## 感想\n\n今日の比較。\n\n| 表 | そのまま |\n| --- | --- |\n| 本文の | 表 |\n\n##### 実行基盤\n\n| 構成 | コスト |\n| --- | --- |\n| ECS | ◎ 安い |\n\n## 比較メモ\n\n#####\n\n| 案 | 速さ |\n| --- | --- |\n| A | [4/5] |\n";
    let journal = import_new(log);
    let day = &journal.days[&NaiveDate::from_ymd_opt(2025, 3, 10).unwrap()];
    // A table inside the text stays text; the one under ##### after it is a grid.
    let impressions = common::impressions(day);
    assert!(impressions.ends_with("| 本文の | 表 |"), "{impressions}");
    let grids = common::impressions_grids(day);
    assert_eq!(grids.len(), 1);
    assert_eq!(grids[0].title, "実行基盤");
    assert_eq!(
        grids[0].cells[0][0].score,
        Some(Score::Mark(Mark::Excellent))
    );
    // An unknown section keeps its grid too, untitled.
    let memo = day
        .sections
        .iter()
        .find(|s| s.heading == "比較メモ")
        .unwrap();
    let memo = memo.body.free().unwrap();
    assert_eq!(memo.text, "");
    assert_eq!(memo.grids[0].title, "");
    assert_eq!(memo.grids[0].cells[0][0].score, Some(Score::Points(4)));
    let out = markdown::export_journal(&journal);
    assert!(
        out.contains("##### 実行基盤\n\n| 構成 | コスト |\n| --- | --- |\n| ECS | ◎ 安い |"),
        "{out}"
    );
    assert_eq!(
        import_new(&out).days,
        journal.days,
        "export -> import keeps them"
    );
}

/// A title-level heading ending a note stays in the note even when an
/// untitled grid follows; an untitled grid is written as a bare table, and
/// a table with no title over it reads back as the notes' own text, as
/// does a table typed in a note: nothing changes on the next export.
#[test]
fn chapter_notes_keep_a_heading_before_an_untitled_grid() {
    let mut journal = common::small_journal();
    let date = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap();
    let untitled = Grid::new(vec!["A".into(), "B".into()], vec!["速さ".into()]);
    let notes = vec![
        Block::Text("メモ\n\n##### 比較".into()),
        Block::Grid(untitled),
        Block::Text("| 案 | 速さ |\n| --- | --- |\n| A | B |".into()),
    ];
    let day = journal.days.get_mut(&date).unwrap();
    common::first_notes_mut(day).blocks = notes.clone();
    let out = markdown::export_journal(&journal);
    let mut back = journal.clone();
    back.days.clear();
    let options = ImportOptions {
        default_year: 2025,
        ..ImportOptions::default()
    };
    markdown::import(&mut back, &out, &options).unwrap();
    let blocks = &common::first_notes(&back.days[&date]).blocks;
    let [Block::Text(text)] = blocks.as_slice() else {
        panic!("{blocks:?}")
    };
    assert!(text.starts_with("メモ\n\n##### 比較\n\n| |"), "{text}");
    assert!(
        out.contains("\\##### 比較"),
        "the heading stays text: {out}"
    );
    assert_eq!(
        common::rendered(&out),
        common::rendered(&markdown::export_journal(&back))
    );
    assert_eq!(markdown::export_journal(&back), out);
}

#[test]
fn a_new_books_chapters_go_in_number_order_whatever_order_the_log_met_them() {
    let log = "# 2025-03-10\n\n## 学んだこと\n\n### 本\n\n#### 第3章 運用\n\nメモ\n\n# 2025-03-11\n\n## 学んだこと\n\n### 本\n\n#### 第1章 基礎\n\nメモ\n\n#### 第12章 まとめ\n\nメモ\n";
    let journal = import_new(log);
    let labels: Vec<&str> = journal.books[0]
        .chapters
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels, ["第1章 基礎", "第3章 運用", "第12章 まとめ"]);
    assert_eq!(
        markdown::export_journal(&journal),
        log,
        "the log itself is untouched"
    );
}

/// Time people already write in their logs is read as minutes for the book
/// the line names, the text stays as written (the export is the log again),
/// and a book's finish date follows the pace of the last four weeks.
#[test]
fn study_time_in_a_log_counts_for_its_book_and_sets_the_pace() {
    use studylog::model::ChapterStatus;
    use studylog::model::pace::{book_pace, projected_finish};
    use studylog::model::study_time::{day_time, time_by_book};
    let text = "# 2024-03-01\n\n学習時間: 2h\n\n## 取り組んだこと\n\n- DDIA 1時間30分\n- 散歩 30分\n\n## 学んだこと\n\n### DDIA\n\n#### 1 章\n\n- 信頼性\n\n# 2024-03-08\n\n## 取り組んだこと\n\n- DDIA (0.75h)\n\n## 学んだこと\n\n### DDIA\n\n#### 2 章\n\n- データモデル\n\n#### 3 章\n\n- 索引\n\n#### 4 章\n\n- 符号化\n";
    let mut journal = import_new(text);
    let ddia = journal.books[0].id;
    assert_eq!(time_by_book(&journal).get(&ddia), Some(&135));
    let first = &journal.days[&NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()];
    assert_eq!(day_time(&journal, first).minutes, 120, "the stated total");
    assert_eq!(
        normalized(&markdown::export_journal(&journal)),
        normalized(text)
    );
    for chapter in &mut journal.books[0].chapters[..2] {
        chapter.status = ChapterStatus::Done;
    }
    // Two chapters done in four weeks, two left: four weeks more.
    let today = NaiveDate::from_ymd_opt(2024, 3, 10).unwrap();
    assert_eq!(
        projected_finish(&journal, ddia, today),
        NaiveDate::from_ymd_opt(2024, 4, 7)
    );
    let pace = book_pace(&journal, ddia, today).unwrap();
    let date = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
    assert_eq!(pace.weeks, [(date(2, 26), 90), (date(3, 4), 45)]);
    assert_eq!(pace.finished, [(date(3, 1), 1), (date(3, 8), 2)]);
    assert_eq!((pace.done, pace.total, pace.minutes), (2, 4, 135));
    let much_later = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    assert_eq!(projected_finish(&journal, ddia, much_later), None);
}
