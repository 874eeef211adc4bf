//! One day's log: its sections in the order they are written.
//!
//! A day is a list of sections, each with its heading as written and a body
//! whose kind decides how the form edits it: the five sections of the daily
//! template (取り組んだこと, 学んだこと, わからなかったこと, 次やること, 感想) have
//! their own editors, and any other section is free text. A day holds only the
//! sections it has; the template decides what the form offers, not what the
//! file gains.
//!
//! Text fields hold Markdown exactly as the user typed it; nothing here
//! reformats it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::grid::Grid;
use super::ids::{BookId, ChapterId};
use super::template::{Section, Template};

/// A day's log. The date is the key under which the journal stores it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Day {
    /// The date heading as written in an imported log, when it says more than
    /// the date in the template's style (None: the template writes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<DayHeading>,
    /// Text between the date heading and the first section, as written.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub preamble: String,
    pub sections: Vec<DaySection>,
    /// Where the log it came from had no blank line after a heading.
    #[serde(default, skip_serializing_if = "Spacing::is_default")]
    pub spacing: Spacing,
}

/// How a day's headings were spaced in the log it came from, so that it is
/// written back the same way (blank lines after headings when made here).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spacing {
    /// The date heading is followed directly by the next line.
    #[serde(default)]
    pub tight_date: bool,
    /// The headings inside the day are followed directly by their text.
    #[serde(default)]
    pub tight_headings: bool,
    /// The blank lines between the day's pieces (date heading, headings,
    /// texts) as its log had them, where the two rules above would write
    /// others; followed while the day has as many pieces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<u8>,
    /// The line breaks after the day's last piece as its log had them (0:
    /// the log ended without one), where not the usual: a blank line
    /// before the next day, a newline at the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<u8>,
}

impl Spacing {
    pub fn is_default(&self) -> bool {
        *self == Spacing::default()
    }
}

/// A date heading as it was written: "2023/10/12日報" at `#`, "Day 3:
/// January 6, 2020" at `###`; or no heading at all (a daily note dated by its
/// file name), level 0.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayHeading {
    pub level: u8,
    pub text: String,
    /// Spaces before the `#`s (a heading its writer indented into a list
    /// item above it): written back the same.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub indent: u8,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// The heading level of a section when the file says nothing else (`##`).
pub const SECTION_LEVEL: u8 = 2;

/// A section of a day: its heading as written, its level, and what it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaySection {
    pub heading: String,
    #[serde(default = "section_level", skip_serializing_if = "is_section_level")]
    pub level: u8,
    pub body: SectionBody,
}

fn section_level() -> u8 {
    SECTION_LEVEL
}

fn is_section_level(level: &u8) -> bool {
    *level == SECTION_LEVEL
}

/// How a list item was written: its marker and the spaces after it ("- ",
/// "* ", "1. ", "-   "), so export writes the list back the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Marker(pub String);

impl Default for Marker {
    fn default() -> Self {
        Marker("- ".to_owned())
    }
}

impl Marker {
    pub fn is_dash(&self) -> bool {
        self.0 == "- "
    }

    /// The marker of an item added after one with this marker: the same
    /// bullet, or the next number (`3. ` after `2. `).
    pub fn following(&self) -> Marker {
        let indent = self.0.len() - self.0.trim_start().len();
        let digits = self.0[indent..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        match self.0[indent..indent + digits].parse::<u64>() {
            Ok(n) if digits > 0 => Marker(format!(
                "{}{}{}",
                &self.0[..indent],
                n + 1,
                &self.0[indent + digits..]
            )),
            _ => self.clone(),
        }
    }
}

/// How an item's checkbox is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BoxStyle {
    /// `[ ]` and `[x]`.
    #[default]
    Box,
    /// `[ ]` and `[X]`.
    Upper,
    /// No box while open (a plain bullet); `[x]` once done.
    Plain,
}

impl BoxStyle {
    pub fn is_default(&self) -> bool {
        *self == BoxStyle::Box
    }
}

/// What a section holds; the kind decides its editor and its Markdown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SectionBody {
    /// 取り組んだこと: the books and chapters studied, and free items.
    WorkedOn(Vec<Entry<WorkItem>>),
    /// 学んだこと: notes per book, per chapter.
    Learned(Learned),
    /// わからなかったこと: open and answered questions.
    Questions(Vec<Entry<Question>>),
    /// 次やること: the plan for next time.
    Next(Vec<Entry<NextItem>>),
    /// 感想: free text, and grids after it.
    Impressions(FreeText),
    /// A section the template does not know, kept as written.
    Other(FreeText),
}

/// One entry of a list section: an item, or text written between items
/// (a sub-heading, a paragraph, a code block), kept as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry<T> {
    Item(T),
    Text(String),
}

/// One item of 取り組んだこと.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkItem {
    /// A book from the library and the chapters of it studied that day.
    Book(StudiedBook),
    /// Anything else ("AWS の資格の過去問を 20 問"), as Markdown.
    Text {
        text: String,
        #[serde(default, skip_serializing_if = "Marker::is_dash")]
        marker: Marker,
    },
}

/// A book studied on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudiedBook {
    pub book: BookId,
    #[serde(default)]
    pub chapters: Vec<StudiedChapter>,
    #[serde(default, skip_serializing_if = "Marker::is_dash")]
    pub marker: Marker,
    /// How each chapter's line starts, as written (`    * `, `\t- `); empty:
    /// a `- ` under the book's text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub chapter_prefix: String,
}

/// A chapter studied on a day, with the short form the user wrote ("5").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudiedChapter {
    pub chapter: ChapterId,
    /// How the chapter was written in the list; empty means "use its label".
    #[serde(default)]
    pub written_as: String,
}

/// 学んだこと: text before the first book, then notes per book.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Learned {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub intro: String,
    pub books: Vec<LearnedBook>,
}

/// 学んだこと for one book.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnedBook {
    pub book: BookId,
    /// Notes written under the book heading before its first chapter.
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub chapters: Vec<ChapterNotes>,
}

/// What the user learned in one chapter on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterNotes {
    pub chapter: ChapterId,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

/// A piece of a chapter's notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// Markdown as typed: bullets, lists, code, tables, `#####` topics, links.
    Text(String),
    /// A comparison grid.
    Grid(Grid),
}

/// Free text with comparison grids after it (感想, sections kept from an import).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FreeText {
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub grids: Vec<Grid>,
}

/// An item of わからなかったこと.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The first line, then any further lines as written (indented under the item).
    pub text: String,
    /// Set once the user has found the answer.
    #[serde(default)]
    pub answer: Option<Answer>,
    #[serde(default, skip_serializing_if = "Marker::is_dash")]
    pub marker: Marker,
    /// How the box of a resolved question is written.
    #[serde(default, skip_serializing_if = "BoxStyle::is_default")]
    pub style: BoxStyle,
}

/// The answer to a question, and the day it was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub text: String,
    pub resolved_on: NaiveDate,
}

/// An item of 次やること.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextItem {
    pub text: String,
    #[serde(default)]
    pub done: bool,
    /// The day this item was carried over from, if it was.
    #[serde(default)]
    pub carried_from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Marker::is_dash")]
    pub marker: Marker,
    #[serde(default, skip_serializing_if = "BoxStyle::is_default")]
    pub style: BoxStyle,
}

impl Day {
    /// A day with the template's five sections, empty, in template order.
    pub fn from_template(template: &Template) -> Self {
        let sections = Section::ALL
            .iter()
            .map(|&section| DaySection::new(template.headings.get(section), section))
            .collect();
        Day {
            heading: None,
            preamble: String::new(),
            sections,
            spacing: Spacing::default(),
        }
    }

    /// The level of the day's section headings (`##` unless the file it
    /// came from used another): headings at this level or above, inside its
    /// texts, would read as sections. A daily note dated by its file name
    /// has no date heading (level 0), so its `#` headings are sections too.
    pub fn section_level(&self) -> u8 {
        let day = self.heading.as_ref().map_or(1, |h| h.level);
        self.sections
            .iter()
            .map(|s| s.level)
            .filter(|&level| level > day)
            .max()
            .unwrap_or(day + 1)
    }

    /// True when the user has written nothing in any section.
    pub fn is_empty(&self) -> bool {
        self.preamble.is_empty() && self.sections.iter().all(DaySection::is_empty)
    }

    /// The first section of a kind, with its index.
    pub fn section(&self, kind: Section) -> Option<(usize, &DaySection)> {
        self.sections
            .iter()
            .enumerate()
            .find(|(_, s)| s.kind() == Some(kind))
    }

    /// Where a section of `kind` would go if the day had none: after the
    /// last section that comes before it in template order.
    pub fn template_position(&self, kind: Section) -> usize {
        let rank = |s: Section| Section::ALL.iter().position(|&k| k == s);
        self.sections
            .iter()
            .rposition(|s| s.kind().is_some_and(|k| rank(k) < rank(kind)))
            .map_or(0, |i| i + 1)
    }

    /// Every question with its section and entry index.
    pub fn questions(&self) -> impl Iterator<Item = (usize, usize, &Question)> {
        self.items(|body| match body {
            SectionBody::Questions(entries) => Some(entries),
            _ => None,
        })
    }

    /// Every 次やること item with its section and entry index.
    pub fn next_items(&self) -> impl Iterator<Item = (usize, usize, &NextItem)> {
        self.items(|body| match body {
            SectionBody::Next(entries) => Some(entries),
            _ => None,
        })
    }

    /// Every 取り組んだこと item with its section and entry index.
    pub fn work_items(&self) -> impl Iterator<Item = (usize, usize, &WorkItem)> {
        self.items(|body| match body {
            SectionBody::WorkedOn(entries) => Some(entries),
            _ => None,
        })
    }

    /// Every 学んだこと section with its index.
    pub fn learned(&self) -> impl Iterator<Item = (usize, &Learned)> {
        self.sections
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match &s.body {
                SectionBody::Learned(learned) => Some((i, learned)),
                _ => None,
            })
    }

    /// Every book's notes under 学んだこと.
    pub fn learned_books(&self) -> impl Iterator<Item = &LearnedBook> {
        self.learned().flat_map(|(_, l)| &l.books)
    }

    /// Every grid of a chapter's notes, with the chapter it belongs to.
    pub fn grids(&self) -> impl Iterator<Item = (ChapterId, &Grid)> {
        self.learned_books().flat_map(|book| {
            book.chapters.iter().flat_map(|notes| {
                notes.blocks.iter().filter_map(move |block| match block {
                    Block::Grid(grid) => Some((notes.chapter, grid)),
                    Block::Text(_) => None,
                })
            })
        })
    }

    fn items<'a, T: 'a>(
        &'a self,
        list: impl Fn(&'a SectionBody) -> Option<&'a Vec<Entry<T>>> + 'a,
    ) -> impl Iterator<Item = (usize, usize, &'a T)> + 'a {
        self.sections
            .iter()
            .enumerate()
            .flat_map(move |(s, section)| {
                list(&section.body)
                    .into_iter()
                    .flatten()
                    .enumerate()
                    .filter_map(move |(e, entry)| match entry {
                        Entry::Item(item) => Some((s, e, item)),
                        Entry::Text(_) => None,
                    })
            })
    }
}

impl DaySection {
    /// A section at the usual level holding `body`.
    pub fn of(heading: impl Into<String>, body: SectionBody) -> Self {
        DaySection {
            heading: heading.into(),
            level: SECTION_LEVEL,
            body,
        }
    }

    /// An empty section of a template kind, under `heading`.
    pub fn new(heading: impl Into<String>, kind: Section) -> Self {
        DaySection {
            heading: heading.into(),
            level: SECTION_LEVEL,
            body: SectionBody::empty(kind),
        }
    }

    /// The template section this is, or None for a section kept as written.
    pub fn kind(&self) -> Option<Section> {
        self.body.kind()
    }

    /// Nothing written in it. A section of the user's own (not the
    /// template's) counts as written: its heading is text of theirs.
    pub fn is_empty(&self) -> bool {
        match &self.body {
            SectionBody::Other(_) => false,
            body => body.is_empty(),
        }
    }
}

impl SectionBody {
    /// How many entries (items and text between them) a list section has;
    /// 0 for the other kinds.
    pub fn entry_count(&self) -> usize {
        match self {
            SectionBody::WorkedOn(entries) => entries.len(),
            SectionBody::Questions(entries) => entries.len(),
            SectionBody::Next(entries) => entries.len(),
            _ => 0,
        }
    }

    /// An empty body of a template kind.
    pub fn empty(kind: Section) -> Self {
        match kind {
            Section::WorkedOn => SectionBody::WorkedOn(Vec::new()),
            Section::Learned => SectionBody::Learned(Learned::default()),
            Section::Questions => SectionBody::Questions(Vec::new()),
            Section::Next => SectionBody::Next(Vec::new()),
            Section::Impressions => SectionBody::Impressions(FreeText::default()),
        }
    }

    pub fn kind(&self) -> Option<Section> {
        match self {
            SectionBody::WorkedOn(_) => Some(Section::WorkedOn),
            SectionBody::Learned(_) => Some(Section::Learned),
            SectionBody::Questions(_) => Some(Section::Questions),
            SectionBody::Next(_) => Some(Section::Next),
            SectionBody::Impressions(_) => Some(Section::Impressions),
            SectionBody::Other(_) => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            SectionBody::WorkedOn(entries) => entries.is_empty(),
            SectionBody::Learned(learned) => learned.intro.is_empty() && learned.books.is_empty(),
            SectionBody::Questions(entries) => entries.is_empty(),
            SectionBody::Next(entries) => entries.is_empty(),
            SectionBody::Impressions(free) | SectionBody::Other(free) => {
                free.text.is_empty() && free.grids.is_empty()
            }
        }
    }

    /// The free text and grids of 感想 or a section kept as written.
    pub fn free(&self) -> Option<&FreeText> {
        match self {
            SectionBody::Impressions(free) | SectionBody::Other(free) => Some(free),
            _ => None,
        }
    }

    pub fn free_mut(&mut self) -> Option<&mut FreeText> {
        match self {
            SectionBody::Impressions(free) | SectionBody::Other(free) => Some(free),
            _ => None,
        }
    }
}

impl<T> Entry<T> {
    pub fn item(&self) -> Option<&T> {
        match self {
            Entry::Item(item) => Some(item),
            Entry::Text(_) => None,
        }
    }

    pub fn item_mut(&mut self) -> Option<&mut T> {
        match self {
            Entry::Item(item) => Some(item),
            Entry::Text(_) => None,
        }
    }
}

impl NextItem {
    pub fn new(text: impl Into<String>) -> Self {
        NextItem {
            text: text.into(),
            done: false,
            carried_from: None,
            marker: Marker::default(),
            style: BoxStyle::default(),
        }
    }
}

impl Question {
    pub fn new(text: impl Into<String>) -> Self {
        Question {
            text: text.into(),
            answer: None,
            marker: Marker::default(),
            style: BoxStyle::default(),
        }
    }

    /// Asked (it has words) and not answered yet.
    pub fn is_open(&self) -> bool {
        self.answer.is_none() && !self.text.trim().is_empty()
    }
}

impl WorkItem {
    /// A free item written as `- text`.
    pub fn text(text: impl Into<String>) -> Self {
        WorkItem::Text {
            text: text.into(),
            marker: Marker::default(),
        }
    }
}

impl FreeText {
    pub fn new(text: impl Into<String>) -> Self {
        FreeText {
            text: text.into(),
            grids: Vec::new(),
        }
    }
}
