//! What reads as a book or a chapter under 学んだこと, for import and export
//! alike: a heading is a book when the day's 取り組んだこと names it, the
//! library has it, or the headings under it all read as chapters (`3 章`,
//! `第3章`, `Chapter 3`, `3.`). Both directions ask these same questions,
//! so a heading the importer reads as a book is one export escapes in text.

use super::lines::{code_lines, headings};
use crate::model::{BookId, ChapterId, Journal};

/// Whether a heading at `level` titled `title`, with `rest` after it (as
/// written), reads as a book: `named` says whether 取り組んだこと names it.
pub fn reads_as_book(
    title: &str,
    rest: &[&str],
    level: u8,
    named: &dyn Fn(&str) -> bool,
    journal: &Journal,
) -> bool {
    !title.is_empty()
        && (named(title) || journal.book_by_title(title).is_some() || chapters_follow(rest, level))
}

/// Whether the headings under a would-be book (up to the next at its level)
/// are there and all read as chapters.
fn chapters_follow(rest: &[&str], level: u8) -> bool {
    let mut labels = headings(rest, &code_lines(rest))
        .into_iter()
        .map(|(_, h)| h)
        .take_while(|h| h.level > level)
        .filter(|h| h.level == level + 1)
        .peekable();
    labels.peek().is_some() && labels.all(|h| reads_as_chapter(h.text))
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
