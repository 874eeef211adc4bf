//! 学んだこと: books and chapters where there are books, topics elsewhere.
//!
//! A heading one level below the section is a book when the day's
//! 取り組んだこと names it, when the library has it already, or when the
//! headings under it read as chapters (`3 章`, `第3章`, `Chapter 3`, `3.`);
//! then the headings one level further down are its chapters. Any other
//! heading is a topic inside the notes, kept as written. In a chapter's
//! notes, a table that writes back the same becomes a comparison grid (a
//! heading just above it is its title); everything else stays text.

use super::super::escape::{Rules, unescape_lines};
use super::super::lines::{Heading, code_lines, heading, headings, trim_blank};
use super::super::table::{starts_table, table_len, table_to_grid, writes_back_the_same};
use super::day::Cx;
use crate::model::{Block, BookId, ChapterId, ChapterNotes, Journal, Learned, LearnedBook};

pub fn learned(cx: &mut Cx, lines: &[&str], level: u8, names: &[String]) -> Learned {
    let code = code_lines(lines);
    let found = headings(lines, &code);
    let books: Vec<(usize, Heading)> = found
        .iter()
        .filter(|(i, h)| h.level == level + 1 && is_book(cx, h.text, &found, *i, level, names))
        .copied()
        .collect();
    let intro_end = books.first().map_or(lines.len(), |(i, _)| *i);
    let rules = Rules {
        max_level: level + 1,
        ..Rules::up_to(cx.section_level)
    };
    let intro = unescape_lines(trim_blank(&lines[..intro_end]), &rules);
    let books = books
        .iter()
        .enumerate()
        .map(|(n, (start, h))| {
            let end = books.get(n + 1).map_or(lines.len(), |(i, _)| *i);
            learned_book(cx, h.text, &lines[start + 1..end], level)
        })
        .collect();
    Learned { intro, books }
}

/// Whether the heading at line `at` (a level below the section) names a book.
fn is_book(
    cx: &Cx,
    title: &str,
    found: &[(usize, Heading)],
    at: usize,
    level: u8,
    names: &[String],
) -> bool {
    if title.is_empty() {
        return false;
    }
    if names.iter().any(|n| n == title) || cx.journal.book_by_title(title).is_some() {
        return true;
    }
    let children: Vec<&str> = found
        .iter()
        .skip_while(|(i, _)| *i <= at)
        .take_while(|(_, h)| h.level > level + 1)
        .filter(|(_, h)| h.level == level + 2)
        .map(|(_, h)| h.text)
        .collect();
    !children.is_empty() && children.iter().all(|label| reads_as_chapter(label))
}

/// A book's notes: text before its first chapter, then each chapter's.
fn learned_book(cx: &mut Cx, title: &str, lines: &[&str], level: u8) -> LearnedBook {
    let book = cx
        .journal
        .book_by_title(title)
        .unwrap_or_else(|| cx.journal.add_book(title));
    let code = code_lines(lines);
    let chapters: Vec<(usize, Heading)> = headings(lines, &code)
        .into_iter()
        .filter(|(_, h)| h.level == level + 2)
        .collect();
    let intro_end = chapters.first().map_or(lines.len(), |(i, _)| *i);
    let rules = Rules {
        chapters: Some(level + 2),
        max_level: level + 2,
        ..Rules::up_to(cx.section_level)
    };
    let intro = unescape_lines(trim_blank(&lines[..intro_end]), &rules);
    let chapters = chapters
        .iter()
        .enumerate()
        .map(|(n, (start, h))| {
            let end = chapters.get(n + 1).map_or(lines.len(), |(i, _)| *i);
            let chapter = chapter_for_heading(cx.journal, book, h.text);
            let blocks = blocks(cx, trim_blank(&lines[start + 1..end]), &rules, level + 3);
            ChapterNotes { chapter, blocks }
        })
        .collect();
    LearnedBook {
        book,
        intro,
        chapters,
    }
}

/// A chapter's notes: text as written, with the tables that write back the
/// same turned into grids (a heading at `title_level` just above one is its title).
fn blocks(cx: &Cx, lines: &[&str], rules: &Rules, title_level: u8) -> Vec<Block> {
    let rules = &Rules {
        max_level: title_level,
        ..*rules
    };
    let language = cx.journal.template.language;
    let code = code_lines(lines);
    let mut blocks = Vec::new();
    let mut text: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !code[i] && starts_table(&lines[i..]) {
            let len = table_len(&lines[i..]);
            let table = &lines[i..i + len];
            let title_line = text.iter().rposition(|l| !l.trim().is_empty());
            let title = title_line
                .and_then(|t| heading(text[t]).filter(|h| h.level == title_level))
                .map(|h| h.text.to_owned());
            let grid = table_to_grid(table, title.clone().unwrap_or_default())
                .filter(|grid| writes_back_the_same(table, grid, language));
            if let Some(grid) = grid {
                if title.is_some() {
                    text.truncate(title_line.unwrap_or(0));
                }
                push_text(&mut blocks, &text, rules);
                text.clear();
                blocks.push(Block::Grid(grid));
                i += len;
                continue;
            }
        }
        text.push(lines[i]);
        i += 1;
    }
    push_text(&mut blocks, &text, rules);
    blocks
}

fn push_text(blocks: &mut Vec<Block>, lines: &[&str], rules: &Rules) {
    let text = unescape_lines(trim_blank(lines), rules);
    if !text.is_empty() {
        blocks.push(Block::Text(text));
    }
}

/// Whether a heading reads as a chapter: `3 章`, `第3章`, `Chapter 3`, `Ch. 3`, `3. Title`.
pub fn reads_as_chapter(label: &str) -> bool {
    let label = label.trim();
    let lower = label.to_lowercase();
    for prefix in ["chapter", "ch."] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            return rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
        }
    }
    let rest = label.strip_prefix('第').unwrap_or(label);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let after = &rest[digits..];
    after.trim_start().starts_with('章')
        || after.starts_with(['.', ':'])
            && after[1..].chars().next().is_none_or(char::is_whitespace)
}

/// The chapter a heading names in `book`: the same label, or a chapter known
/// so far only by its number (whose label then becomes the full one).
pub fn chapter_for_heading(journal: &mut Journal, book: BookId, label: &str) -> ChapterId {
    let number = chapter_number(label);
    let Some(found) = journal.book_mut(book) else {
        return ChapterId(0);
    };
    if let Some(chapter) = found.chapters.iter().find(|c| c.label == label) {
        return chapter.id;
    }
    let number_only = found.chapters.iter_mut().find(|c| {
        number.is_some() && is_bare_number(&c.label) && chapter_number(&c.label) == number
    });
    if let Some(chapter) = number_only {
        chapter.label = label.to_owned();
        return chapter.id;
    }
    journal.add_chapter(book, label).unwrap_or(ChapterId(0))
}

/// The chapter a reference under 取り組んだこと means: the same label, or for
/// a bare number (`5`, `5章`, `第5章`) the chapter with that number.
pub fn chapter_for_ref(journal: &mut Journal, book: BookId, written: &str) -> ChapterId {
    let found = journal.book(book).and_then(|b| {
        b.chapters.iter().find(|c| c.label == written).or_else(|| {
            let number = chapter_number(written).filter(|_| is_bare_number(written))?;
            b.chapters
                .iter()
                .find(|c| chapter_number(&c.label) == Some(number))
        })
    });
    match found {
        Some(chapter) => chapter.id,
        None => journal.add_chapter(book, written).unwrap_or(ChapterId(0)),
    }
}

/// The number a chapter label starts with: `5 章 …`, `第5章`, `Chapter 5`, `Ch. 5`.
pub fn chapter_number(label: &str) -> Option<u32> {
    let label = label.trim();
    // Without allocating: this runs for every chapter of a book, for every
    // chapter a log mentions.
    let skip = ["第", "chapter", "ch.", "ch"]
        .iter()
        .find(|p| {
            label
                .get(..p.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(p))
        })
        .map_or(0, |p| p.len());
    let rest = label.get(skip..)?.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest[..digits].parse().ok()
}

/// A label that is only a chapter number (`5`, `5 章`, `第5章`, `Chapter 5`).
fn is_bare_number(label: &str) -> bool {
    let words = || {
        label
            .chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .flat_map(char::to_lowercase)
    };
    chapter_number(label).is_some()
        && ["", "章", "第章", "chapter", "ch", "ch."]
            .iter()
            .any(|w| words().eq(w.chars()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_headings_are_told_from_topics() {
        for label in [
            "3 章 コンテナ",
            "第3章",
            "Chapter 3",
            "Ch. 12 Streams",
            "3. 設計",
            "5章",
        ] {
            assert!(reads_as_chapter(label), "{label}");
        }
        for label in [
            "2024年の振り返り",
            "5 things",
            "Rust",
            "3.14 について",
            "所有権",
        ] {
            assert!(!reads_as_chapter(label), "{label}");
        }
    }
}
