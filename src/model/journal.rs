//! The whole journal: library, template and every day's log.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::book::{Book, Chapter};
use super::day::Day;
use super::ids::{BookId, ChapterId};
use super::review::ReviewRecord;
use super::study_plan::StudyPlan;
use super::template::{Language, Template};

/// The version of the file format this program writes. Files with a larger
/// number are refused; smaller ones are migrated on load.
pub const FORMAT_VERSION: u32 = 2;

/// A study journal: what `*.studylog.ron` holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    pub format_version: u32,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub template: Template,
    /// Markdown met before the first day of an imported log, kept for export.
    #[serde(default)]
    pub preamble: String,
    #[serde(default)]
    pub books: Vec<Book>,
    #[serde(default, deserialize_with = "unique_dates")]
    pub days: BTreeMap<NaiveDate, Day>,
    /// The order the days were written in the log they came from, where
    /// that is not date order (a date twice stands for the day's part
    /// written after its second heading). Export keeps it; the window
    /// shows days by date. Empty: date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub written_order: Vec<NaiveDate>,
    /// Every review of the cards the log makes, and the cards set aside.
    #[serde(default, skip_serializing_if = "ReviewRecord::is_empty")]
    pub review: ReviewRecord,
    /// The daily goal and the running study timer.
    #[serde(default, skip_serializing_if = "StudyPlan::is_empty")]
    pub study: StudyPlan,
}

impl Journal {
    /// An empty journal with headings in `language`.
    pub fn new(title: impl Into<String>, language: Language) -> Self {
        Journal {
            format_version: FORMAT_VERSION,
            title: title.into(),
            template: Template::new(language),
            preamble: String::new(),
            books: Vec::new(),
            days: BTreeMap::new(),
            written_order: Vec::new(),
            review: ReviewRecord::default(),
            study: StudyPlan::default(),
        }
    }

    pub fn book(&self, id: BookId) -> Option<&Book> {
        self.books.iter().find(|b| b.id == id)
    }

    /// The id of the book with exactly this title.
    pub fn book_by_title(&self, title: &str) -> Option<BookId> {
        self.books.iter().find(|b| b.title == title).map(|b| b.id)
    }

    pub fn book_mut(&mut self, id: BookId) -> Option<&mut Book> {
        self.books.iter_mut().find(|b| b.id == id)
    }

    /// The chapter with this id and the book that holds it.
    pub fn chapter(&self, id: ChapterId) -> Option<(&Book, &Chapter)> {
        self.books
            .iter()
            .find_map(|book| book.chapter(id).map(|chapter| (book, chapter)))
    }

    pub fn chapter_count(&self) -> usize {
        self.books.iter().map(|b| b.chapters.len()).sum()
    }

    /// An id no book has yet.
    pub fn next_book_id(&self) -> BookId {
        BookId(self.books.iter().map(|b| b.id.0 + 1).max().unwrap_or(1))
    }

    /// An id no chapter of any book has yet.
    pub fn next_chapter_id(&self) -> ChapterId {
        let max = self
            .books
            .iter()
            .flat_map(|b| &b.chapters)
            .map(|c| c.id.0 + 1)
            .max();
        ChapterId(max.unwrap_or(1))
    }

    /// Adds a book with a fresh id and returns the id.
    pub fn add_book(&mut self, title: impl Into<String>) -> BookId {
        let id = self.next_book_id();
        self.books.push(Book::new(id, title));
        id
    }

    /// Adds a chapter with a fresh id at the end of `book`; `None` if there is no such book.
    pub fn add_chapter(&mut self, book: BookId, label: impl Into<String>) -> Option<ChapterId> {
        let id = self.next_chapter_id();
        let book = self.book_mut(book)?;
        book.chapters.push(Chapter::new(id, label));
        Some(id)
    }
}

impl Journal {
    /// "3650 days (2016-01-01 to 2025-12-28), 40 books, 600 chapters".
    pub fn summary(&self) -> String {
        let days = self.days.len();
        let range = match (self.days.keys().next(), self.days.keys().next_back()) {
            (Some(first), Some(last)) => format!(" ({first} to {last})"),
            _ => String::new(),
        };
        let chapters = self.chapter_count();
        format!(
            "{}{range}, {}, {}",
            count(days, "day", "days"),
            count(self.books.len(), "book", "books"),
            count(chapters, "chapter", "chapters"),
        )
    }
}

/// "1 day", "2 days".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A hand-edited file may repeat a date; a plain map would silently keep only
/// the last one, so a repeat is an error instead. (Generic, so every format
/// version's days are read the same way.)
pub fn unique_dates<'de, D, T>(deserializer: D) -> Result<BTreeMap<NaiveDate, T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct DaysVisitor<T>(std::marker::PhantomData<T>);

    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for DaysVisitor<T> {
        type Value = BTreeMap<NaiveDate, T>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map from dates (\"YYYY-MM-DD\") to days")
        }

        fn visit_map<A>(self, mut map: A) -> Result<Self::Value, A::Error>
        where
            A: serde::de::MapAccess<'de>,
        {
            let mut days = BTreeMap::new();
            while let Some((date, day)) = map.next_entry::<NaiveDate, T>()? {
                if days.insert(date, day).is_some() {
                    return Err(serde::de::Error::custom(format!(
                        "the day {date} appears twice"
                    )));
                }
            }
            Ok(days)
        }
    }

    deserializer.deserialize_map(DaysVisitor(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_days_books_and_chapters() {
        let mut journal = Journal::new("t", Language::Ja);
        let book = journal.add_book("本");
        journal.add_chapter(book, "1 章");
        assert_eq!(journal.summary(), "0 days, 1 book, 1 chapter");
        journal
            .days
            .insert("2025-03-10".parse().unwrap(), Day::default());
        assert_eq!(
            journal.summary(),
            "1 day (2025-03-10 to 2025-03-10), 1 book, 1 chapter"
        );
    }
}
