//! Format version 1 (studylog before the day became a list of sections).
//!
//! A version-1 day had one field per template section, always all five, and
//! kept other sections in `extra` with the number of template sections before
//! each (`slot`). Item texts held their further lines one level less indented
//! than written. The library, the template, grids and items are unchanged
//! since, so their current types read them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::{
    Book, BoxStyle, DaySection, Entry, FreeText, Grid, Journal, Learned, LearnedBook, NextItem,
    Question, SECTION_LEVEL, Section, SectionBody, StudiedBook, Template, WorkItem,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JournalV1 {
    /// Always 1 here (read to find the version before this shape is chosen).
    #[serde(default)]
    #[allow(dead_code)]
    format_version: u32,
    #[serde(default)]
    title: String,
    #[serde(default)]
    template: Template,
    #[serde(default)]
    preamble: String,
    #[serde(default)]
    books: Vec<Book>,
    #[serde(default, deserialize_with = "crate::model::unique_dates")]
    days: BTreeMap<NaiveDate, DayV1>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct DayV1 {
    preamble: String,
    worked_on: Vec<WorkItemV1>,
    learned_intro: String,
    learned: Vec<LearnedBook>,
    questions: Vec<Question>,
    next: Vec<NextItem>,
    impressions: String,
    impressions_grids: Vec<Grid>,
    extra: Vec<ExtraV1>,
}

/// An item of 取り組んだこと, as version 1 wrote it.
#[derive(Deserialize)]
enum WorkItemV1 {
    Book(StudiedBook),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtraV1 {
    heading: String,
    body: String,
    #[serde(default)]
    grids: Vec<Grid>,
    #[serde(default = "at_the_end")]
    slot: u8,
}

fn at_the_end() -> u8 {
    5
}

/// Parses a version-1 file and converts it to the current version.
pub fn parse(text: &str) -> Result<Journal, ron::error::SpannedError> {
    let old: JournalV1 = ron::Options::default().from_str(text)?;
    Ok(convert(old))
}

/// A recovery file written by a version-1 studylog.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveredV1 {
    journal_path: Option<std::path::PathBuf>,
    written_at: chrono::NaiveDateTime,
    journal: JournalV1,
}

/// Parses a version-1 recovery file: the journal's path, when it was
/// written, and the journal converted to the current version.
pub fn parse_recovered(
    text: &str,
) -> Result<(Option<std::path::PathBuf>, chrono::NaiveDateTime, Journal), ron::error::SpannedError>
{
    let old: RecoveredV1 = ron::Options::default().from_str(text)?;
    Ok((old.journal_path, old.written_at, convert(old.journal)))
}

fn convert(old: JournalV1) -> Journal {
    let mut journal = Journal::new(old.title, old.template.language);
    journal.template = old.template;
    journal.preamble = old.preamble;
    journal.books = old.books;
    journal.days = old
        .days
        .into_iter()
        .map(|(date, day)| (date, convert_day(day, &journal.template)))
        .collect();
    journal
}

fn convert_day(mut old: DayV1, template: &Template) -> crate::model::Day {
    let mut extras: Vec<ExtraV1> = std::mem::take(&mut old.extra);
    let preamble = std::mem::take(&mut old.preamble);
    let mut known = known_bodies(old, template).into_iter();
    let mut sections = Vec::new();
    for slot in 0..=Section::ALL.len() {
        let (here, later): (Vec<ExtraV1>, Vec<ExtraV1>) = extras
            .into_iter()
            .partition(|e| usize::from(e.slot).min(Section::ALL.len()) == slot);
        extras = later;
        sections.extend(here.into_iter().map(|e| DaySection {
            heading: e.heading,
            level: SECTION_LEVEL,
            body: SectionBody::Other(FreeText {
                text: e.body,
                grids: e.grids,
            }),
        }));
        if let (Some(&kind), Some(body)) = (Section::ALL.get(slot), known.next()) {
            sections.push(DaySection {
                heading: template.headings.get(kind).to_owned(),
                level: SECTION_LEVEL,
                body,
            });
        }
    }
    crate::model::Day {
        heading: None,
        preamble,
        sections,
        spacing: crate::model::Spacing::default(),
    }
}

/// The five template sections' bodies of a version 1 day, in template order.
fn known_bodies(old: DayV1, template: &Template) -> [SectionBody; 5] {
    [
        SectionBody::WorkedOn(or_lone_dash(
            old.worked_on
                .into_iter()
                .map(|i| Entry::Item(convert_work(i)))
                .collect(),
            WorkItem::text(""),
        )),
        SectionBody::Learned(Learned {
            intro: old.learned_intro,
            books: old.learned,
        }),
        SectionBody::Questions(or_lone_dash(
            old.questions
                .into_iter()
                .map(|q| Entry::Item(indent_question(q)))
                .collect(),
            Question::new(""),
        )),
        SectionBody::Next(or_lone_dash(
            old.next
                .into_iter()
                .map(|n| with_box_style(n, template))
                .map(|n| Entry::Item(indent_next(n)))
                .collect(),
            NextItem {
                style: BoxStyle::Plain,
                ..NextItem::new("")
            },
        )),
        SectionBody::Impressions(FreeText {
            text: old.impressions,
            grids: old.impressions_grids,
        }),
    ]
}

/// Version 1 wrote an empty list as a lone `-`; now an empty list writes
/// nothing and a lone `-` is one empty item, so that is what it becomes.
fn or_lone_dash<T>(entries: Vec<Entry<T>>, empty: T) -> Vec<Entry<T>> {
    if entries.is_empty() {
        vec![Entry::Item(empty)]
    } else {
        entries
    }
}

/// Version 1 kept an item's further lines one level (two spaces) less
/// indented than written; now they are kept as written.
fn indent_lines(text: String) -> String {
    let mut lines = text.split('\n');
    let mut out = lines.next().unwrap_or_default().to_owned();
    for line in lines {
        out.push('\n');
        if !line.is_empty() {
            out.push_str("  ");
            out.push_str(line);
        }
    }
    out
}

fn convert_work(item: WorkItemV1) -> WorkItem {
    match item {
        WorkItemV1::Text(text) => WorkItem::text(indent_lines(text)),
        WorkItemV1::Book(book) => WorkItem::Book(book),
    }
}

/// Version 1 wrote open items with or without a box for the whole journal
/// (`next_checkboxes`); now each item says how it is written.
fn with_box_style(item: NextItem, template: &Template) -> NextItem {
    let style = if template.next_checkboxes || item.done {
        BoxStyle::Box
    } else {
        BoxStyle::Plain
    };
    NextItem { style, ..item }
}

fn indent_question(question: Question) -> Question {
    Question {
        text: indent_lines(question.text),
        ..question
    }
}

fn indent_next(item: NextItem) -> NextItem {
    NextItem {
        text: indent_lines(item.text),
        ..item
    }
}
