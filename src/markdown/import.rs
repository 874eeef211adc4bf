//! Markdown -> journal: hand-written daily logs, one day or many per file.
//!
//! Only the structure is parsed (date, section, book, chapter headings, list
//! items, tables under chapters); every other line is copied as written. The
//! style met (date format, heading words, checkboxes) is learned into the
//! template of a journal that has no days yet, so export writes it back.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::date::parse_date_heading;
use super::escape::{Fences, Structural, heading_level, heading_text, unescape_lines};
use super::export::resolved_label;
use super::lists::{ListItem, parse_items};
use super::sections::{classify_heading, heading_language};
use super::table::{starts_table, table_len, table_to_grid};
use crate::model::{
    Answer, Block, BookId, ChapterId, ChapterNotes, Day, DaySection, Entry, FreeText, Grid,
    Journal, Language, Learned, LearnedBook, NextItem, Question, Section, SectionBody,
    SectionHeadings, StudiedBook, StudiedChapter, Template, WorkItem,
};

/// How to import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The year of dates written without one (`12/01`, `12月1日`).
    pub default_year: i32,
    /// Replace days the journal already has, instead of keeping them.
    pub replace: bool,
}

/// What an import did, for the user to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: Vec<NaiveDate>,
    pub replaced: Vec<NaiveDate>,
    /// Days the journal already had and kept (no `replace`).
    pub kept: Vec<NaiveDate>,
}

/// Adds the days of the Markdown `text` to `journal`, creating books and
/// chapters as they are met. Never fails: text that is not a day goes to the
/// journal's preamble, so nothing is dropped.
pub fn import(journal: &mut Journal, text: &str, options: &ImportOptions) -> ImportReport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let learn_style = journal.days.is_empty();
    let (preamble, raw_days) = split_days(&lines, options.default_year);
    let preamble = unescape_lines(trim_blank(preamble), Structural::DateHeadings);
    if !preamble.is_empty() {
        append_text(&mut journal.preamble, &preamble);
    }
    let mut style = Style::default();
    let mut parsed: BTreeMap<NaiveDate, ParsedDay> = BTreeMap::new();
    for raw in &raw_days {
        style.date_format.get_or_insert_with(|| raw.format.clone());
        let day = parse_day(journal, raw.date, raw.body, &mut style);
        match parsed.get_mut(&raw.date) {
            Some(earlier) => merge_day(earlier, day),
            None => {
                parsed.insert(raw.date, day);
            }
        }
    }
    if learn_style {
        style.apply(journal);
    }
    let days = parsed
        .into_iter()
        .map(|(date, day)| (date, day.assemble(&journal.template)))
        .collect();
    store_days(journal, days, options.replace)
}

fn store_days(
    journal: &mut Journal,
    days: BTreeMap<NaiveDate, Day>,
    replace: bool,
) -> ImportReport {
    let mut report = ImportReport::default();
    for (date, day) in days {
        if !journal.days.contains_key(&date) {
            report.added.push(date);
        } else if replace {
            report.replaced.push(date);
        } else {
            report.kept.push(date);
            continue;
        }
        journal.days.insert(date, day);
    }
    report
}

/// A day's heading and the lines up to the next day.
struct RawDay<'a> {
    date: NaiveDate,
    format: String,
    body: &'a [&'a str],
}

fn split_days<'a>(lines: &'a [&'a str], default_year: i32) -> (&'a [&'a str], Vec<RawDay<'a>>) {
    let mut fences = Fences::default();
    let starts: Vec<(usize, NaiveDate, String)> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !fences.is_code(line))
        .filter(|(_, line)| heading_level(line) == Some(1))
        .filter_map(|(i, line)| {
            parse_date_heading(heading_text(line), default_year).map(|(d, f)| (i, d, f))
        })
        .collect();
    let preamble_end = starts.first().map_or(lines.len(), |s| s.0);
    let days = starts
        .iter()
        .enumerate()
        .map(|(n, (start, date, format))| {
            let end = starts.get(n + 1).map_or(lines.len(), |s| s.0);
            RawDay {
                date: *date,
                format: format.clone(),
                body: &lines[start + 1..end],
            }
        })
        .collect();
    (&lines[..preamble_end], days)
}

/// Splits `lines` at headings of exactly `level` (outside code): the lines
/// before the first, then each heading's text with the lines under it.
fn split_at_headings<'a>(
    lines: &'a [&'a str],
    level: usize,
) -> (&'a [&'a str], Vec<(&'a str, &'a [&'a str])>) {
    let mut fences = Fences::default();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| !fences.is_code(lines[i]) && heading_level(lines[i]) == Some(level))
        .collect();
    let first = starts.first().copied().unwrap_or(lines.len());
    let parts = starts
        .iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(lines.len());
            (heading_text(lines[start]), &lines[start + 1..end])
        })
        .collect();
    (&lines[..first], parts)
}

/// What the importer learns about how the user writes.
#[derive(Default)]
struct Style {
    date_format: Option<String>,
    headings: Vec<(Section, String)>,
    next_with_checkbox: bool,
    next_without_checkbox: bool,
}

impl Style {
    fn met_heading(&mut self, section: Section, heading: &str) {
        if !self.headings.iter().any(|(s, _)| *s == section) {
            self.headings.push((section, heading.to_owned()));
        }
    }

    fn apply(self, journal: &mut Journal) {
        let template = &mut journal.template;
        if let Some(format) = self.date_format {
            template.date_format = format;
        }
        if let Some((_, first)) = self.headings.first() {
            template.language = heading_language(first);
            template.headings = SectionHeadings::for_language(template.language);
        }
        for (section, heading) in self.headings {
            template.headings.set(section, heading);
        }
        if self.next_with_checkbox || self.next_without_checkbox {
            template.next_checkboxes = self.next_with_checkbox;
        }
    }
}

/// A day as read: the five template sections' bodies and the sections the
/// template does not know, each with how many template sections came
/// before it in the file.
struct ParsedDay {
    preamble: String,
    worked_on: Vec<WorkItem>,
    learned: Learned,
    questions: Vec<Question>,
    next: Vec<NextItem>,
    impressions: FreeText,
    extra: Vec<(usize, String, FreeText)>,
}

impl ParsedDay {
    /// The day's sections: the five in template order, each other section
    /// after as many template sections as came before it in the file.
    fn assemble(self, template: &Template) -> Day {
        let items = |list: Vec<WorkItem>| list.into_iter().map(Entry::Item).collect();
        let mut known = [
            SectionBody::WorkedOn(items(self.worked_on)),
            SectionBody::Learned(self.learned),
            SectionBody::Questions(self.questions.into_iter().map(Entry::Item).collect()),
            SectionBody::Next(self.next.into_iter().map(Entry::Item).collect()),
            SectionBody::Impressions(self.impressions),
        ]
        .into_iter();
        let mut sections = Vec::new();
        for slot in 0..=Section::ALL.len() {
            for (_, heading, free) in self.extra.iter().filter(|(s, _, _)| *s == slot) {
                sections.push(DaySection {
                    heading: heading.clone(),
                    body: SectionBody::Other(free.clone()),
                });
            }
            if let (Some(&kind), Some(body)) = (Section::ALL.get(slot), known.next()) {
                let heading = template.headings.get(kind).to_owned();
                sections.push(DaySection { heading, body });
            }
        }
        Day {
            preamble: self.preamble,
            sections,
        }
    }
}

fn parse_day(
    journal: &mut Journal,
    date: NaiveDate,
    body: &[&str],
    style: &mut Style,
) -> ParsedDay {
    let (preamble, sections) = split_at_headings(body, 2);
    let mut day = ParsedDay {
        preamble: text_of(preamble, Structural::UpTo(2)),
        worked_on: Vec::new(),
        learned: Learned::default(),
        questions: Vec::new(),
        next: Vec::new(),
        impressions: FreeText::default(),
        extra: Vec::new(),
    };
    let mut known: Vec<(Section, Vec<&str>)> = Vec::new();
    for (heading, lines) in sections {
        match classify_heading(heading) {
            Some(section) => {
                style.met_heading(section, heading);
                match known.iter_mut().find(|(s, _)| *s == section) {
                    Some((_, earlier)) => {
                        earlier.push("");
                        earlier.extend_from_slice(lines);
                    }
                    None => known.push((section, lines.to_vec())),
                }
            }
            None => {
                let (text, grids) = split_free_grids(lines);
                let text = text_of(text, Structural::FreeSection);
                day.extra
                    .push((known.len(), heading.to_owned(), FreeText { text, grids }));
            }
        }
    }
    // 学んだこと first: its chapter headings name the chapters that
    // 取り組んだこと refers to by number.
    known.sort_by_key(|(section, _)| *section != Section::Learned);
    for (section, lines) in known {
        match section {
            Section::Learned => parse_learned(journal, &mut day.learned, &lines),
            Section::WorkedOn => day.worked_on = parse_worked_on(journal, &lines),
            Section::Questions => {
                day.questions = parse_questions(journal.template.language, date, &lines)
            }
            Section::Next => day.next = parse_next(&lines, style),
            Section::Impressions => {
                let (text, grids) = split_free_grids(&lines);
                day.impressions = FreeText {
                    text: text_of(text, Structural::FreeSection),
                    grids,
                };
            }
        }
    }
    day
}

fn parse_learned(journal: &mut Journal, day: &mut Learned, lines: &[&str]) {
    let (intro, books) = split_at_headings(lines, 3);
    day.intro = text_of(intro, Structural::UpTo(4));
    for (title, lines) in books {
        let book = find_or_add_book(journal, title);
        let (intro, chapters) = split_at_headings(lines, 4);
        let mut learned = LearnedBook {
            book,
            intro: text_of(intro, Structural::UpTo(4)),
            chapters: Vec::new(),
        };
        for (label, lines) in chapters {
            let chapter = chapter_for_heading(journal, book, label);
            learned.chapters.push(ChapterNotes {
                chapter,
                blocks: parse_blocks(lines),
            });
        }
        match day.books.iter_mut().find(|l| l.book == book) {
            Some(earlier) => {
                append_text(&mut earlier.intro, &learned.intro);
                earlier.chapters.extend(learned.chapters);
            }
            None => day.books.push(learned),
        }
    }
}

/// A chapter's notes: text as written, with tables turned into grids (a
/// `#####` heading right above a table becomes the grid's title).
fn parse_blocks(lines: &[&str]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut text: Vec<&str> = Vec::new();
    let mut fences = Fences::default();
    let mut i = 0;
    while i < lines.len() {
        let code = fences.is_code(lines[i]);
        if !code && starts_table(&lines[i..]) {
            let len = table_len(&lines[i..]);
            let title_line = text.iter().rposition(|l| !l.trim().is_empty());
            let title = title_line
                .filter(|&t| heading_level(text[t]) == Some(5))
                .map(|t| heading_text(text[t]).to_owned());
            if let Some(grid) = table_to_grid(&lines[i..i + len], title.clone().unwrap_or_default())
            {
                if title.is_some() {
                    text.truncate(title_line.unwrap_or(0));
                }
                push_text_block(&mut blocks, &text);
                text.clear();
                blocks.push(Block::Grid(grid));
                i += len;
                continue;
            }
        }
        text.push(lines[i]);
        i += 1;
    }
    push_text_block(&mut blocks, &text);
    blocks
}

/// A free section (感想, an unknown section): its text, and the grids written
/// after it, each a `#####` heading (its title, maybe empty) over a table.
/// A table anywhere else stays text, as written.
fn split_free_grids<'a>(lines: &'a [&'a str]) -> (&'a [&'a str], Vec<Grid>) {
    let mut end = lines.len();
    let mut grids = Vec::new();
    loop {
        let last = end_of_text(&lines[..end]);
        let rows = lines[..last]
            .iter()
            .rev()
            .take_while(|l| l.trim_start().starts_with('|'))
            .count();
        let table = last - rows;
        let heading = end_of_text(&lines[..table]);
        let is_grid = rows >= 2
            && starts_table(&lines[table..last])
            && table_len(&lines[table..last]) == rows
            && heading > 0
            && heading_level(lines[heading - 1]) == Some(5);
        let grid = is_grid
            .then(|| {
                table_to_grid(
                    &lines[table..last],
                    heading_text(lines[heading - 1]).to_owned(),
                )
            })
            .flatten();
        let Some(grid) = grid else {
            break;
        };
        grids.insert(0, grid);
        end = heading - 1;
    }
    (&lines[..end], grids)
}

/// The index just after the last line that is not blank.
fn end_of_text(lines: &[&str]) -> usize {
    lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(0, |i| i + 1)
}

fn push_text_block(blocks: &mut Vec<Block>, lines: &[&str]) {
    let text = text_of(lines, Structural::UpTo(4));
    if !text.is_empty() {
        blocks.push(Block::Text(text));
    }
}

fn parse_worked_on(journal: &mut Journal, lines: &[&str]) -> Vec<WorkItem> {
    parse_items(lines)
        .into_iter()
        .map(|item| worked_item(journal, item))
        .collect()
}

/// A book from the library (with the chapters listed under it), or free text.
fn worked_item(journal: &mut Journal, item: ListItem) -> WorkItem {
    let title = item.first.trim();
    let known = journal.book_by_title(title);
    let refs = chapter_refs(&item.nested);
    let is_book = item.checkbox.is_none()
        && !title.is_empty()
        && match (&refs, known) {
            (Some(_), Some(_)) => true,
            (Some(refs), None) => {
                !refs.is_empty() && refs.iter().all(|r| chapter_number(r).is_some())
            }
            (None, _) => false,
        };
    if !is_book {
        let text = match item.checkbox {
            Some(checked) => format!(
                "[{}] {}",
                if checked { 'x' } else { ' ' },
                item.written_text()
            ),
            None => item.written_text(),
        };
        return WorkItem::Text(text);
    }
    let book = known.unwrap_or_else(|| journal.add_book(title));
    let chapters = refs
        .unwrap_or_default()
        .into_iter()
        .map(|written| {
            let chapter = chapter_for_ref(journal, book, written);
            let label = journal
                .chapter(chapter)
                .map_or("", |(_, c)| c.label.as_str());
            StudiedChapter {
                chapter,
                written_as: if label == written {
                    String::new()
                } else {
                    written.to_owned()
                },
            }
        })
        .collect();
    WorkItem::Book(StudiedBook { book, chapters })
}

/// The chapters listed under a book (`- 5`, `- 6 章`), if its nested lines are
/// exactly a flat list; anything richer means the item is free text.
fn chapter_refs(nested: &[String]) -> Option<Vec<&str>> {
    nested
        .iter()
        .map(|line| {
            let rest = line
                .strip_prefix("- ")
                .or_else(|| line.strip_prefix("* "))?;
            let rest = rest.trim();
            (!rest.is_empty() && rest == rest.trim_start()).then_some(rest)
        })
        .collect()
}

fn parse_questions(language: Language, date: NaiveDate, lines: &[&str]) -> Vec<Question> {
    parse_items(lines)
        .into_iter()
        .map(|item| {
            if item.checkbox != Some(true) {
                return Question::new(item.written_text());
            }
            let (nested, answer) = split_answer(&item.nested, language);
            let mut text = item.first.clone();
            for line in nested {
                text.push('\n');
                if !line.is_empty() {
                    text.push_str("  ");
                    text.push_str(line);
                }
            }
            Question {
                text,
                answer: Some(answer.unwrap_or(Answer {
                    text: String::new(),
                    resolved_on: date,
                })),
            }
        })
        .collect()
}

/// Finds the `- 解決 (YYYY-MM-DD): answer` line among a resolved question's
/// nested lines; returns the lines before it and the answer.
fn split_answer(nested: &[String], language: Language) -> (&[String], Option<Answer>) {
    let labels = [
        resolved_label(language),
        resolved_label(Language::Ja),
        resolved_label(Language::En),
    ];
    for (i, line) in nested.iter().enumerate() {
        let Some(rest) = line.strip_prefix("- ") else {
            continue;
        };
        let Some(rest) = labels.iter().find_map(|l| rest.strip_prefix(l)) else {
            continue;
        };
        let Some(rest) = rest.strip_prefix(" (") else {
            continue;
        };
        let Some((date, answer)) = rest.split_once("): ") else {
            continue;
        };
        let Ok(resolved_on) = date.parse::<NaiveDate>() else {
            continue;
        };
        let continuation = &nested[i + 1..];
        if !continuation
            .iter()
            .all(|l| l.is_empty() || l.starts_with("  "))
        {
            continue;
        }
        let mut text = answer.to_owned();
        for line in continuation {
            text.push('\n');
            text.push_str(line.strip_prefix("  ").unwrap_or(line));
        }
        return (&nested[..i], Some(Answer { text, resolved_on }));
    }
    (nested, None)
}

fn parse_next(lines: &[&str], style: &mut Style) -> Vec<NextItem> {
    parse_items(lines)
        .into_iter()
        .map(|item| {
            match item.checkbox {
                Some(_) => style.next_with_checkbox = true,
                None => style.next_without_checkbox = true,
            }
            NextItem {
                text: item.written_text(),
                done: item.checkbox == Some(true),
                carried_from: None,
            }
        })
        .collect()
}

fn find_or_add_book(journal: &mut Journal, title: &str) -> BookId {
    journal
        .book_by_title(title)
        .unwrap_or_else(|| journal.add_book(title))
}

/// The chapter a `#### label` heading names: the same label, or a chapter
/// known so far only by its number (whose label then becomes the full one).
fn chapter_for_heading(journal: &mut Journal, book: BookId, label: &str) -> ChapterId {
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

/// The chapter a reference under 取り組んだこと means: the same label, or for a
/// bare number (`5`, `5章`, `第5章`) the chapter with that number.
fn chapter_for_ref(journal: &mut Journal, book: BookId, written: &str) -> ChapterId {
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
fn chapter_number(label: &str) -> Option<u32> {
    let label = label.trim();
    let lower = label.to_lowercase();
    let skip = ["第", "chapter", "ch.", "ch"]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(0, |p| p.len());
    let rest = label.get(skip..)?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// A label that is only a chapter number (`5`, `5 章`, `第5章`, `Chapter 5`).
fn is_bare_number(label: &str) -> bool {
    let words: String = label
        .chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    chapter_number(label).is_some()
        && ["", "章", "第章", "chapter", "ch", "ch."].contains(&words.as_str())
}

fn merge_day(into: &mut ParsedDay, day: ParsedDay) {
    append_text(&mut into.preamble, &day.preamble);
    into.worked_on.extend(day.worked_on);
    append_text(&mut into.learned.intro, &day.learned.intro);
    into.learned.books.extend(day.learned.books);
    into.questions.extend(day.questions);
    into.next.extend(day.next);
    append_text(&mut into.impressions.text, &day.impressions.text);
    into.impressions.grids.extend(day.impressions.grids);
    into.extra.extend(day.extra);
}

fn append_text(into: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !into.is_empty() {
        into.push_str("\n\n");
    }
    into.push_str(more);
}

/// Lines joined as text, without leading and trailing blank lines, unescaped.
fn text_of(lines: &[&str], rule: Structural) -> String {
    unescape_lines(trim_blank(lines), rule)
}

fn trim_blank<'a>(lines: &'a [&'a str]) -> &'a [&'a str] {
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(start, |e| e + 1);
    &lines[start..end]
}
