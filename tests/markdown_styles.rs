//! Generated logs in the styles people write (dates in many spellings and
//! at levels 1–3, decorated and unknown section headings, every list
//! marker, checkboxes, nesting with tabs, code fences, tables, HTML
//! comments, sub-headings, tight or loose spacing): importing one and
//! exporting it renders the same HTML as the log (CommonMark with GFM
//! tables), and a second round changes nothing.

mod common;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use studylog::markdown::{self, ImportOptions};
use studylog::model::{Journal, Language};

/// A date heading's text for `date` in one of the spellings people use.
fn date_text(date: NaiveDate, style: usize) -> String {
    let (y, m, d) = (date.year(), date.month(), date.day());
    match style % 10 {
        0 => format!("{y}-{m:02}-{d:02}"),
        1 => format!("{y}/{m:02}/{d:02}日報"),
        2 => format!("日報 {y}年{m}月{d}日"),
        3 => format!("Daily Report({y}-{m:02}-{d:02})"),
        4 => format!("{y}-{m:02}-{d:02} (Day {d})"),
        5 => format!("Day {d}: {}", date.format("%B %-d, %Y")),
        6 => format!("**{y}.{m:02}.{d:02}** の学習"),
        7 => format!("{}", date.format("%-d %b %Y")),
        8 => format!("{m}月{d}日日報"),
        _ => format!("{}", date.format("%a, %B %-d")),
    }
}

fn section_heading() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "取り組んだこと",
        "今日やったこと",
        "**学んだこと（新しい気付き、学び）**",
        "わからなかったこと・疑問",
        "次やること",
        "明日の目標",
        "感想",
        "KPT",
        "Keep",
        "Problem",
        "Try",
        "Today I learned",
        "Today's progress",
        "参考リンク",
        "📝 Notes",
    ])
    .prop_map(str::to_owned)
}

fn words() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "コンテナを読んだ",
        "ECS と EKS",
        "`cargo test`",
        "**重要**",
        "[リンク](https://example.com)",
        "Fargate の料金",
        "3 章 イメージ",
        "第2章",
        "所有権と借用",
    ])
    .prop_map(str::to_owned)
}

/// One block of a section's body.
fn block() -> impl Strategy<Value = String> {
    let marker = prop::sample::select(vec!["- ", "* ", "+ ", "1. ", "-   "]);
    let checkbox = prop::sample::select(vec!["", "[ ] ", "[x] ", "[X] "]);
    let item = (
        marker,
        checkbox,
        words(),
        prop::option::of(words()),
        any::<bool>(),
    )
        .prop_map(|(marker, checkbox, text, child, tab)| {
            let mut item = format!("{marker}{checkbox}{text}");
            if let Some(child) = child {
                let indent = if tab {
                    "\t".to_owned()
                } else {
                    " ".repeat(marker.len())
                };
                item.push_str(&format!("\n{indent}- {child}"));
            }
            item
        });
    prop_oneof![
        prop::collection::vec(item, 1..4).prop_map(|items| items.join("\n")),
        words().prop_map(|w| format!("{w}。ここは段落。")),
        words().prop_map(|w| format!("```sh\n# {w}\n## not a heading\n```")),
        words().prop_map(|w| format!("- {w}\n  ```\n  # code in an item\n  ```")),
        (words(), words())
            .prop_map(|(a, b)| format!("| 観点 | メモ |\n| --- | :---: |\n| {a} | {b} |")),
        words().prop_map(|w| format!("<!-- {w} -->")),
        words().prop_map(|w| format!("#### {w}")),
        Just("---".to_owned()),
        Just("> [!note] 引用".to_owned()),
    ]
}

fn section(level: u8) -> impl Strategy<Value = String> {
    (
        section_heading(),
        prop::collection::vec(block(), 0..4),
        any::<bool>(),
    )
        .prop_map(move |(heading, blocks, tight)| {
            let hashes = "#".repeat(usize::from(level));
            let gap = if tight { "\n" } else { "\n\n" };
            if blocks.is_empty() {
                format!("{hashes} {heading}")
            } else {
                format!("{hashes} {heading}{gap}{}", blocks.join("\n\n"))
            }
        })
}

/// A log: maybe a title and notes above the days, then days at one level
/// (ascending or newest first), each with its sections one level down.
fn log() -> impl Strategy<Value = String> {
    let top = prop::sample::select(vec![
        "",
        "# 学習ログ\n\n毎日の記録。",
        "---\ntags: [daily]\n---",
        "# Learning Log\n\n## Todo\n\n- [ ] read chapter 16",
        "<!-- template -->",
    ]);
    (1u8..=3, 0usize..10, 1usize..4, top, any::<bool>()).prop_flat_map(
        |(level, style, days, top, newest_first)| {
            let days = prop::collection::vec(prop::collection::vec(section(level + 1), 0..4), days);
            days.prop_map(move |days| {
                let mut parts = Vec::new();
                if !top.is_empty() {
                    parts.push(top.to_owned());
                }
                // Dates with a year run over New Year; dates without one do
                // not (the first day of a log spanning years gets its year
                // written, since nothing else would tell it on reading back).
                let start = if style >= 8 {
                    NaiveDate::from_ymd_opt(2025, 5, 10).unwrap()
                } else {
                    NaiveDate::from_ymd_opt(2024, 12, 30).unwrap()
                };
                let mut dated: Vec<(NaiveDate, Vec<String>)> = (0u64..)
                    .map(|n| start + chrono::Days::new(n * 2))
                    .zip(days)
                    .collect();
                if newest_first {
                    dated.reverse();
                }
                for (date, sections) in dated {
                    let hashes = "#".repeat(usize::from(level));
                    let mut day = format!("{hashes} {}", date_text(date, style));
                    for section in sections {
                        day.push_str("\n\n");
                        day.push_str(&section);
                    }
                    parts.push(day);
                }
                parts.join("\n\n") + "\n"
            })
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn a_log_renders_the_same_after_import_and_export(log in log()) {
        let options = ImportOptions { default_year: 2025, ..ImportOptions::default() };
        let mut journal = Journal::new("", Language::Ja);
        markdown::import(&mut journal, &log, &options).unwrap();
        let exported = markdown::export_journal(&journal);
        prop_assert_eq!(common::rendered(&exported), common::rendered(&log), "\n{}\n---\n{}", log, exported);

        let mut again = Journal::new("", Language::Ja);
        markdown::import(&mut again, &exported, &options).unwrap();
        prop_assert_eq!(markdown::export_journal(&again), exported);
    }
}
