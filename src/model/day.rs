//! One day's log: the five sections of the daily template plus anything else the
//! user wrote.
//!
//! Text fields hold Markdown exactly as the user typed it; nothing here
//! reformats it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::grid::Grid;
use super::ids::{BookId, ChapterId};

/// A day's log. The date is the key under which the journal stores it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Day {
    /// Text between the date heading and the first section, as written.
    pub preamble: String,
    /// 取り組んだこと: the books and chapters studied, and free items.
    pub worked_on: Vec<WorkItem>,
    /// 学んだこと written directly under the section, before any book heading.
    pub learned_intro: String,
    /// 学んだこと: notes per book, per chapter.
    pub learned: Vec<LearnedBook>,
    /// わからなかったこと: open and answered questions.
    pub questions: Vec<Question>,
    /// 次やること: the plan for next time.
    pub next: Vec<NextItem>,
    /// 感想: free text.
    pub impressions: String,
    /// Comparison grids written under 感想, after its text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub impressions_grids: Vec<Grid>,
    /// Sections the template does not know, kept verbatim and in order.
    pub extra: Vec<ExtraSection>,
}

/// One entry of 取り組んだこと.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkItem {
    /// A book from the library and the chapters of it studied that day.
    Book(StudiedBook),
    /// Anything else ("AWS の資格の過去問を 20 問"), as Markdown.
    Text(String),
}

/// A book studied on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudiedBook {
    pub book: BookId,
    #[serde(default)]
    pub chapters: Vec<StudiedChapter>,
}

/// A chapter studied on a day, with the short form the user wrote ("5").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudiedChapter {
    pub chapter: ChapterId,
    /// How the chapter was written in the list; empty means "use its label".
    #[serde(default)]
    pub written_as: String,
}

/// 学んだこと for one book.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// An item of わからなかったこと.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub text: String,
    /// Set once the user has found the answer.
    #[serde(default)]
    pub answer: Option<Answer>,
}

/// The answer to a question, and the day it was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub text: String,
    pub resolved_on: NaiveDate,
}

/// An item of 次やること.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextItem {
    pub text: String,
    #[serde(default)]
    pub done: bool,
    /// The day this item was carried over from, if it was.
    #[serde(default)]
    pub carried_from: Option<NaiveDate>,
}

/// A section the template does not know, kept as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraSection {
    pub heading: String,
    pub body: String,
    /// Comparison grids written in the section, after its text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grids: Vec<Grid>,
    /// How many of the five template sections come before this one (0 to 5),
    /// so export puts it back where the user had it.
    #[serde(default = "ExtraSection::at_the_end")]
    pub slot: u8,
}

impl ExtraSection {
    fn at_the_end() -> u8 {
        5
    }
}

impl Day {
    /// True when the user has written nothing in any section.
    pub fn is_empty(&self) -> bool {
        self.preamble.is_empty()
            && self.worked_on.is_empty()
            && self.learned_intro.is_empty()
            && self.learned.is_empty()
            && self.questions.is_empty()
            && self.next.is_empty()
            && self.impressions.is_empty()
            && self.impressions_grids.is_empty()
            && self.extra.is_empty()
    }

    /// Every grid of the day, with the chapter it belongs to.
    pub fn grids(&self) -> impl Iterator<Item = (ChapterId, &Grid)> {
        self.learned.iter().flat_map(|book| {
            book.chapters.iter().flat_map(|notes| {
                notes.blocks.iter().filter_map(move |block| match block {
                    Block::Grid(grid) => Some((notes.chapter, grid)),
                    Block::Text(_) => None,
                })
            })
        })
    }
}

impl NextItem {
    pub fn new(text: impl Into<String>) -> Self {
        NextItem {
            text: text.into(),
            done: false,
            carried_from: None,
        }
    }
}

impl Question {
    pub fn new(text: impl Into<String>) -> Self {
        Question {
            text: text.into(),
            answer: None,
        }
    }
}
