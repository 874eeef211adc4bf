//! The list sections: 取り組んだこと, わからなかったこと, 次やること.
//!
//! Each item keeps its marker and its lines as written; text between items
//! (sub-headings, paragraphs, blank lines) stays where it stood. What an item
//! means is read from it only where that reads back the same: a book with its
//! chapters under 取り組んだこと, a checkbox on 次やること, a resolved question
//! with its answer.

use super::super::books::{chapter_for_ref, chapter_number};
use super::super::escape::unescape_lines;
use super::super::lists::{ItemLines, Piece, checkbox_prefix, pieces};
use super::super::sections::resolved_label;
use super::day::{Cx, RawSection};
use crate::model::{
    Answer, BoxStyle, Entry, Language, Marker, NextItem, Question, Section, StudiedBook,
    StudiedChapter, WorkItem,
};

/// The first lines of 取り組んだこと's items: the names 学んだこと's book
/// headings are checked against.
pub fn worked_on_names(raw: &[RawSection]) -> Vec<String> {
    raw.iter()
        .filter(|s| s.kind == Some(Section::WorkedOn))
        .flat_map(|s| pieces(s.lines))
        .filter_map(|piece| match piece {
            Piece::Item(item) => Some(item.first.trim().to_owned()),
            Piece::Text(_) => None,
        })
        .collect()
}

/// The entries of a list section, each item read by `item`.
fn entries<T>(
    cx: &mut Cx,
    lines: &[&str],
    mut item: impl FnMut(&mut Cx, &ItemLines) -> T,
) -> Vec<Entry<T>> {
    let rules = super::super::places::plain(cx.levels());
    pieces(lines)
        .into_iter()
        .map(|piece| match piece {
            Piece::Item(lines) => Entry::Item(item(cx, &lines)),
            Piece::Text(lines) => {
                cx.report.kept_as_written +=
                    usize::from(lines.iter().any(|l| !l.trim().is_empty()));
                Entry::Text(unescape_lines(&lines, &rules))
            }
        })
        .collect()
}

pub fn worked_on(cx: &mut Cx, lines: &[&str]) -> Vec<Entry<WorkItem>> {
    entries(cx, lines, work_item)
}

/// A book from the library with the chapters listed under it, where writing
/// it back gives the same lines; anything else is free text.
fn work_item(cx: &mut Cx, item: &ItemLines) -> WorkItem {
    let marker = Marker(item.marker.clone());
    let title = item.first;
    let refs = chapter_refs(item);
    let known = cx.journal.book_by_title(title);
    let is_book = !title.is_empty()
        && title == title.trim()
        && checkbox_prefix(title).is_none()
        && match (&refs, known) {
            (Some(_), Some(_)) => true,
            (Some((_, refs)), None) => {
                !refs.is_empty() && refs.iter().all(|r| chapter_number(r).is_some())
            }
            (None, _) => false,
        };
    if !is_book {
        return WorkItem::Text {
            text: item.text(),
            marker,
        };
    }
    let book = known.unwrap_or_else(|| cx.journal.add_book(title));
    let (prefix, refs) = refs.unwrap_or_default();
    let default_prefix = format!("{}- ", " ".repeat(item.content_indent()));
    let chapter_prefix = if prefix == default_prefix {
        String::new()
    } else {
        prefix
    };
    let chapters = refs
        .into_iter()
        .map(|written| {
            let chapter = chapter_for_ref(cx.journal, book, written);
            let label = cx
                .journal
                .chapter(chapter)
                .map_or("", |(_, c)| c.label.as_str());
            let written_as = if label == written {
                String::new()
            } else {
                written.to_owned()
            };
            StudiedChapter {
                chapter,
                written_as,
            }
        })
        .collect();
    WorkItem::Book(StudiedBook {
        book,
        chapters,
        marker,
        chapter_prefix,
    })
}

/// The chapters listed under a book: its further lines, if every one is a
/// nested bullet with the same prefix (`  - 5`, `    * 5`, `\t- 5`) and a
/// chapter after it; the prefix, and the chapters as written.
fn chapter_refs<'a>(item: &ItemLines<'a>) -> Option<(String, Vec<&'a str>)> {
    let Some(first) = item.rest.first() else {
        return Some((String::new(), Vec::new()));
    };
    let indent = first.len() - first.trim_start_matches([' ', '\t']).len();
    let bullet = first[indent..]
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '*' | '+'))?;
    let after = &first[indent + 1..];
    let spaces = after.len() - after.trim_start_matches(' ').len();
    (indent > 0 && spaces > 0).then_some(())?;
    let prefix = format!("{}{bullet}{}", &first[..indent], " ".repeat(spaces));
    let refs = item
        .rest
        .iter()
        .map(|line| {
            let written = line.strip_prefix(&prefix)?;
            (!written.is_empty() && written == written.trim()).then_some(written)
        })
        .collect::<Option<Vec<_>>>()?;
    Some((prefix, refs))
}

pub fn questions(cx: &mut Cx, lines: &[&str]) -> Vec<Entry<Question>> {
    entries(cx, lines, question)
}

/// A question; `[x]` (or `[X]`) before it means resolved, with the answer
/// on the `- 解決 (date): …` line under it if there is one.
fn question(cx: &mut Cx, item: &ItemLines) -> Question {
    let marker = Marker(item.marker.clone());
    let resolved = checkbox_prefix(item.first).filter(|(b, _)| *b != "[ ]");
    let Some((checkbox, first)) = resolved else {
        let first = unescaped_box(item.first, starts_checked);
        return Question {
            text: joined(first, &item.rest),
            ..Question::new("")
        }
        .with_marker(marker);
    };
    let language = cx.journal.template.language;
    let (rest, answer) = split_answer(item, language);
    let answer = answer.unwrap_or(Answer {
        text: String::new(),
        resolved_on: cx.date,
    });
    Question {
        text: joined(first, rest),
        answer: Some(answer),
        marker,
        style: if checkbox == "[X]" {
            BoxStyle::Upper
        } else {
            BoxStyle::Box
        },
    }
}

fn starts_checked(text: &str) -> bool {
    checkbox_prefix(text).is_some_and(|(b, _)| b != "[ ]")
}

/// A first line that starts with `\[x]` was escaped so it stays text.
fn unescaped_box(first: &str, is_box: impl Fn(&str) -> bool) -> &str {
    match first.strip_prefix('\\') {
        Some(rest) if is_box(rest) => rest,
        _ => first,
    }
}

fn joined(first: &str, rest: &[&str]) -> String {
    let mut text = first.to_owned();
    for line in rest {
        text.push('\n');
        text.push_str(line);
    }
    text
}

/// The `- 解決 (YYYY-MM-DD): answer` line under a resolved question (and
/// the lines that continue it): the lines before it, and the answer.
fn split_answer<'a>(item: &'a ItemLines, language: Language) -> (&'a [&'a str], Option<Answer>) {
    let pad = " ".repeat(item.content_indent());
    let more = format!("{pad}  ");
    let labels = [
        resolved_label(language),
        resolved_label(Language::Ja),
        resolved_label(Language::En),
    ];
    for (i, line) in item.rest.iter().enumerate().rev() {
        let Some(rest) = line.strip_prefix(&pad).and_then(|l| l.strip_prefix("- ")) else {
            continue;
        };
        let Some(rest) = labels.iter().find_map(|l| rest.strip_prefix(l)) else {
            continue;
        };
        let Some((date, answer)) = rest.strip_prefix(" (").and_then(|r| r.split_once("): ")) else {
            continue;
        };
        let Ok(resolved_on) = date.parse() else {
            continue;
        };
        let continuation = &item.rest[i + 1..];
        if !continuation.iter().all(|l| l.starts_with(&more)) {
            continue;
        }
        let mut text = answer.to_owned();
        for line in continuation {
            text.push('\n');
            text.push_str(&line[more.len()..]);
        }
        return (&item.rest[..i], Some(Answer { text, resolved_on }));
    }
    (&item.rest, None)
}

pub fn next(cx: &mut Cx, lines: &[&str]) -> Vec<Entry<NextItem>> {
    entries(cx, lines, next_item)
}

/// A plan for next time: `[ ]`/`[x]`/`[X]` before it say whether it is done
/// (and how the box is written); without a box it is open.
fn next_item(cx: &mut Cx, item: &ItemLines) -> NextItem {
    let marker = Marker(item.marker.clone());
    let boxed = checkbox_prefix(item.first);
    cx.style.met_next_item(boxed.is_some());
    let (first, done, style) = match boxed {
        Some((checkbox, rest)) => {
            let style = if checkbox == "[X]" {
                BoxStyle::Upper
            } else {
                BoxStyle::Box
            };
            (rest, checkbox != "[ ]", style)
        }
        None => {
            let first = unescaped_box(item.first, |t| checkbox_prefix(t).is_some());
            (first, false, BoxStyle::Plain)
        }
    };
    NextItem {
        text: joined(first, &item.rest),
        done,
        carried_from: None,
        marker,
        style,
    }
}

impl Question {
    fn with_marker(self, marker: Marker) -> Self {
        Question { marker, ..self }
    }
}
