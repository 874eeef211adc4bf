//! The edges of CommonMark in a daily log, generated: code fences of every
//! indent, length, character and info string (closed, closed with another
//! indent, closed too short, or left open at the end of the file, with or
//! without a final newline); ATX headings with escapes, closing sequences
//! and no text; setext headings; lines that only look like fences; in every
//! kind of section, in days dated by a heading and in daily notes dated from
//! outside (a `# 日報` title over `##` sections).
//!
//! For each log: the export renders the same HTML (CommonMark + GFM tables),
//! adds and drops no line (blank lines included; a heading's closing `#`s
//! and trailing spaces aside), and a second round changes nothing.

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;
use studylog::markdown::{self, ImportOptions};
use studylog::model::{Journal, Language};

fn fence() -> impl Strategy<Value = String> {
    let info = prop::sample::select(vec!["", "rust", " sh", "foo``", "`x`", "~"]);
    let content = prop::sample::select(vec![
        "# not a heading",
        "## 見出しではない",
        "let x = 1;",
        "",
        "    indented",
        "- not an item",
    ]);
    (
        0usize..4,
        prop::sample::select(vec!['`', '~']),
        3usize..6,
        info,
        prop::collection::vec(content, 0..3),
        0usize..6,
        0usize..4,
    )
        .prop_map(|(indent, c, len, info, lines, close, close_indent)| {
            let run: String = std::iter::repeat_n(c, len).collect();
            let mut out = format!("{}{run}{info}", " ".repeat(indent));
            for line in lines {
                out.push('\n');
                out.push_str(line);
            }
            // 0: never closed; 1: closed too short; 2: longer; else the same.
            let closing = match close {
                0 => None,
                1 => Some(len - 1),
                2 => Some(len + 1),
                _ => Some(len),
            };
            if let Some(n) = closing {
                out.push('\n');
                out.push_str(&" ".repeat(close_indent));
                out.extend(std::iter::repeat_n(c, n));
            }
            out
        })
}

fn heading_line() -> impl Strategy<Value = String> {
    let text = prop::sample::select(vec![
        "foo",
        "foo #\\##",
        "foo \\#",
        "",
        "メモ",
        "Rust ##",
        "\u{3000}2023年8月14日(月)",
        "5 章 まとめ",
    ]);
    (1usize..7, text, any::<bool>()).prop_map(|(level, text, escaped)| {
        let hashes = "#".repeat(level);
        let line = if text.is_empty() {
            format!("{hashes} ")
        } else {
            format!("{hashes} {text}")
        };
        if escaped { format!("\\{line}") } else { line }
    })
}

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => fence(),
        3 => heading_line(),
        1 => Just("Title\n===".to_owned()),
        1 => Just("段落の文\n---".to_owned()),
        2 => Just("段落。**強調**と`コード`".to_owned()),
        2 => Just("- 項目\n  - 子".to_owned()),
        1 => Just("``` ```".to_owned()),
        1 => Just("```foo``".to_owned()),
        1 => Just("| 型 | Copy |\n| --- | --- |\n| i32 | ○ |".to_owned()),
        1 => Just("> 引用".to_owned()),
    ]
}

/// Blocks joined by one blank line, none, or two.
fn body() -> impl Strategy<Value = String> {
    prop::collection::vec((block(), 0usize..3), 0..5).prop_map(|blocks| {
        let mut out = String::new();
        for (i, (block, gap)) in blocks.into_iter().enumerate() {
            if i > 0 {
                out.push_str(&"\n".repeat(gap + 1));
            }
            out.push_str(&block);
        }
        out
    })
}

fn section_heading() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "今日やったこと",
        "学んだこと",
        "わからなかったこと",
        "次やること",
        "感想",
        "メモ",
        "What I learned",
        "参考リンク",
        "",
    ])
    .prop_map(str::to_owned)
}

/// A section at `level`: its heading, then (after a blank line or not) its body.
fn section(level: usize) -> impl Strategy<Value = String> {
    (section_heading(), body(), 0usize..3).prop_map(move |(heading, body, gap)| {
        let hashes = "#".repeat(level);
        let head = if heading.is_empty() {
            hashes
        } else {
            format!("{hashes} {heading}")
        };
        if body.is_empty() {
            head
        } else {
            format!("{head}{}{body}", "\n".repeat(gap + 1))
        }
    })
}

/// A day: dated by a heading at level 1–3 (sections one level down), or a
/// daily note dated from outside with or without a `# 日報` title.
fn log() -> impl Strategy<Value = (String, bool)> {
    (0usize..6, any::<bool>()).prop_flat_map(|(shape, final_newline)| {
        let (day, level) = match shape {
            0 => ("# 2025-03-10", 2),
            1 => ("## 2025-03-10 (月)", 3),
            2 => ("### Day 3: March 10, 2025", 4),
            3 => ("# 日報", 2),
            4 => ("---\ntags: [daily]\n## a YAML comment\n---", 2),
            _ => ("", 2),
        };
        (
            prop::collection::vec(section(level), 1..4),
            body(),
            0usize..3,
        )
            .prop_map(move |(sections, preamble, gap)| {
                let mut parts: Vec<String> = Vec::new();
                if !day.is_empty() {
                    parts.push(day.to_owned());
                }
                if !preamble.is_empty() && shape != 5 {
                    parts.push(preamble);
                }
                parts.extend(sections);
                let mut text = parts.join(&"\n".repeat(gap + 1));
                if final_newline {
                    text.push('\n');
                }
                (text, shape >= 3)
            })
    })
}

fn options(dated_outside: bool) -> ImportOptions {
    ImportOptions {
        default_year: 2025,
        date: dated_outside.then(|| NaiveDate::from_ymd_opt(2025, 3, 10).unwrap()),
        ..ImportOptions::default()
    }
}

/// A log's lines as a reader compares them: a heading by its level and
/// text (closing `#`s and trailing spaces are not part of it), any other
/// line without trailing spaces.
fn lines_as_read(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|line| atx_heading(line).unwrap_or_else(|| line.trim_end().to_owned()))
        .collect()
}

/// An ATX heading line as `#… text`, without its closing sequence.
fn atx_heading(line: &str) -> Option<String> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let after = &line[level..];
    if !(1..=6).contains(&level) || !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = after.trim_matches([' ', '\t']);
    let open = text.trim_end_matches('#');
    if open.is_empty() || open.ends_with([' ', '\t']) {
        text = open.trim_end_matches([' ', '\t']);
    }
    Some(format!("{} {text}", &line[..level]).trim_end().to_owned())
}

/// 400 cases a run; more with `PROPTEST_CASES=N`.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn edge_cases_come_back_as_written((log, dated_outside) in log()) {
        let options = options(dated_outside);
        let mut journal = Journal::new("", Language::Ja);
        markdown::import(&mut journal, &log, &options).unwrap();
        let exported = markdown::export_journal(&journal);
        prop_assert_eq!(
            common::rendered(&exported),
            common::rendered(&log),
            "renders differently:\n{}\n---\n{}", log, exported
        );
        prop_assert_eq!(
            lines_as_read(&exported),
            lines_as_read(&log),
            "lines added or dropped:\n{}\n---\n{}", log, exported
        );
        prop_assert_eq!(exported.ends_with('\n'), log.ends_with('\n'), "final newline");

        let mut again = Journal::new("", Language::Ja);
        markdown::import(&mut again, &exported, &options).unwrap();
        prop_assert_eq!(markdown::export_journal(&again), exported);
    }
}
