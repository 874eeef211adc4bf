//! Full-text search over every text of a journal: notes, items, answers,
//! grids and extra sections.
//!
//! Matching is a plain substring search (Japanese is never split on spaces)
//! on text folded with NFKC and lower case, so ＥＣＳ finds ECS, ｺﾝﾃﾅ finds
//! コンテナ, and Fargate finds FARGATE. Folding ten years of text takes far
//! longer than a keystroke, so a [`SearchIndex`] keeps the folded text per day
//! (built once, updated a day at a time after edits) and a search only scans it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use super::day::{Block, Day, WorkItem};
use super::edit::{DayText, GridAt, grid_at, text_of};
use super::grid::Grid;
use super::journal::Journal;
use super::template::Section;

/// Where in a day a text lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Text(DayText),
    ExtraHeading(usize),
    Grid { at: GridAt, part: GridPart },
}

/// Which text of a grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GridPart {
    Title,
    Corner,
    Option(usize),
    Criterion(usize),
    Cell(usize, usize),
}

impl Place {
    /// The section of the day this place belongs to; None for extra sections.
    pub fn section(self) -> Option<Section> {
        let field = match self {
            Place::Text(field) => field,
            Place::Grid {
                at: GridAt::Notes { .. },
                ..
            } => return Some(Section::Learned),
            Place::Grid {
                at: GridAt::Impressions(_),
                ..
            } => return Some(Section::Impressions),
            Place::Grid { .. } => return None,
            Place::ExtraHeading(_) => return None,
        };
        match field {
            DayText::WorkItem(_) => Some(Section::WorkedOn),
            DayText::LearnedIntro | DayText::BookIntro(_) | DayText::Notes { .. } => {
                Some(Section::Learned)
            }
            DayText::Question(_) | DayText::Answer(_) => Some(Section::Questions),
            DayText::Next(_) => Some(Section::Next),
            DayText::Impressions => Some(Section::Impressions),
            DayText::Preamble | DayText::Extra(_) => None,
        }
    }

    /// The section heading as the journal writes it.
    pub fn heading<'a>(self, journal: &'a Journal, day: &'a Day) -> &'a str {
        if let Some(section) = self.section() {
            return journal.template.headings.get(section);
        }
        match self {
            Place::Text(DayText::Extra(index))
            | Place::ExtraHeading(index)
            | Place::Grid {
                at: GridAt::Extra { section: index, .. },
                ..
            } => day.extra.get(index).map_or("", |e| e.heading.as_str()),
            _ => "",
        }
    }
}

/// Every text of a day with its place, in the order the day is written.
pub fn day_texts(day: &Day) -> impl Iterator<Item = (Place, &str)> {
    let mut texts: Vec<(Place, &str)> = Vec::new();
    let t = &mut texts;
    push(t, Place::Text(DayText::Preamble), &day.preamble);
    for (i, item) in day.worked_on.iter().enumerate() {
        if let WorkItem::Text(text) = item {
            push(t, Place::Text(DayText::WorkItem(i)), text);
        }
    }
    push(t, Place::Text(DayText::LearnedIntro), &day.learned_intro);
    for book in &day.learned {
        push(t, Place::Text(DayText::BookIntro(book.book)), &book.intro);
        for notes in &book.chapters {
            for (block, content) in notes.blocks.iter().enumerate() {
                match content {
                    Block::Text(text) => push(
                        t,
                        Place::Text(DayText::Notes {
                            chapter: notes.chapter,
                            block,
                        }),
                        text,
                    ),
                    Block::Grid(grid) => {
                        let at = GridAt::Notes {
                            chapter: notes.chapter,
                            block,
                        };
                        push_grid(t, at, grid);
                    }
                }
            }
        }
    }
    for (i, q) in day.questions.iter().enumerate() {
        push(t, Place::Text(DayText::Question(i)), &q.text);
        if let Some(answer) = &q.answer {
            push(t, Place::Text(DayText::Answer(i)), &answer.text);
        }
    }
    for (i, item) in day.next.iter().enumerate() {
        push(t, Place::Text(DayText::Next(i)), &item.text);
    }
    push(t, Place::Text(DayText::Impressions), &day.impressions);
    for (index, grid) in day.impressions_grids.iter().enumerate() {
        push_grid(t, GridAt::Impressions(index), grid);
    }
    for (i, extra) in day.extra.iter().enumerate() {
        push(t, Place::ExtraHeading(i), &extra.heading);
        push(t, Place::Text(DayText::Extra(i)), &extra.body);
        for (index, grid) in extra.grids.iter().enumerate() {
            push_grid(t, GridAt::Extra { section: i, index }, grid);
        }
    }
    texts.into_iter()
}

/// The text at `place` of `day`.
pub fn text_at(day: &Day, place: Place) -> Option<&str> {
    match place {
        Place::Text(field) => text_of(day, field),
        Place::ExtraHeading(index) => day.extra.get(index).map(|e| e.heading.as_str()),
        Place::Grid { at, part } => {
            let grid = grid_at(day, at)?;
            let text = match part {
                GridPart::Title => &grid.title,
                GridPart::Corner => &grid.corner,
                GridPart::Option(row) => grid.options.get(row)?,
                GridPart::Criterion(col) => &grid.criteria.get(col)?.name,
                GridPart::Cell(row, col) => &grid.cells.get(row)?.get(col)?.text,
            };
            Some(text)
        }
    }
}

/// Text folded for matching: NFKC (full-width ASCII and half-width kana become
/// their usual forms) and lower case.
pub fn fold(text: &str) -> String {
    text.nfkc().flat_map(char::to_lowercase).collect()
}

/// One matching line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub date: NaiveDate,
    pub place: Place,
    /// The line's number (from 0) within the text at `place`.
    pub line: usize,
}

/// The lines found by a search, newest day first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// Up to the limit asked for.
    pub hits: Vec<Hit>,
    /// All matching lines, also those beyond the limit.
    pub total: usize,
}

/// The folded text of every day, ready to search.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    days: BTreeMap<NaiveDate, DayIndex>,
}

#[derive(Clone, Debug, Default)]
struct DayIndex {
    /// Folded lines, each followed by '\n'.
    text: String,
    lines: Vec<IndexedLine>,
}

#[derive(Clone, Copy, Debug)]
struct IndexedLine {
    start: usize,
    place: Place,
    line: usize,
}

impl SearchIndex {
    pub fn build(journal: &Journal) -> Self {
        let days = journal
            .days
            .iter()
            .map(|(date, day)| (*date, DayIndex::build(day)))
            .collect();
        SearchIndex { days }
    }

    /// Re-read one day after it changed (or was removed).
    pub fn update_day(&mut self, journal: &Journal, date: NaiveDate) {
        match journal.days.get(&date) {
            Some(day) => {
                self.days.insert(date, DayIndex::build(day));
            }
            None => {
                self.days.remove(&date);
            }
        }
    }

    /// Lines containing `query` (folded), newest day first, at most `limit` kept.
    pub fn search(&self, query: &str, limit: usize) -> SearchResults {
        let query = fold(query.trim());
        let mut results = SearchResults::default();
        if query.is_empty() {
            return results;
        }
        let finder = memchr::memmem::Finder::new(query.as_bytes());
        for (date, index) in self.days.iter().rev() {
            let mut last_line = None;
            for offset in finder.find_iter(index.text.as_bytes()) {
                let at = index.lines.partition_point(|l| l.start <= offset) - 1;
                if last_line == Some(at) {
                    continue;
                }
                last_line = Some(at);
                results.total += 1;
                if results.hits.len() < limit {
                    let line = index.lines[at];
                    results.hits.push(Hit {
                        date: *date,
                        place: line.place,
                        line: line.line,
                    });
                }
            }
        }
        results
    }
}

impl DayIndex {
    fn build(day: &Day) -> Self {
        let mut index = DayIndex::default();
        for (place, text) in day_texts(day) {
            for (line, content) in text.split('\n').enumerate() {
                if content.trim().is_empty() {
                    continue;
                }
                index.lines.push(IndexedLine {
                    start: index.text.len(),
                    place,
                    line,
                });
                index.text.push_str(&fold(content));
                index.text.push('\n');
            }
        }
        index
    }
}

/// The original line a hit points at.
pub fn hit_line(journal: &Journal, hit: &Hit) -> Option<String> {
    let day = journal.days.get(&hit.date)?;
    let text = text_at(day, hit.place)?;
    text.split('\n')
        .nth(hit.line)
        .map(|l| l.trim_end_matches('\r').to_owned())
}

/// Every text of a grid: title, corner, criteria, then each option and its cells.
fn push_grid<'a>(texts: &mut Vec<(Place, &'a str)>, at: GridAt, grid: &'a Grid) {
    let place = |part| Place::Grid { at, part };
    push(texts, place(GridPart::Title), &grid.title);
    push(texts, place(GridPart::Corner), &grid.corner);
    for (col, c) in grid.criteria.iter().enumerate() {
        push(texts, place(GridPart::Criterion(col)), &c.name);
    }
    for (row, option) in grid.options.iter().enumerate() {
        push(texts, place(GridPart::Option(row)), option);
        for (col, cell) in grid.cells[row].iter().enumerate() {
            push(texts, place(GridPart::Cell(row, col)), &cell.text);
        }
    }
}

fn push<'a>(texts: &mut Vec<(Place, &'a str)>, place: Place, text: &'a str) {
    if !text.is_empty() {
        texts.push((place, text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChapterNotes, Grid, Language, LearnedBook, Question};

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn journal() -> Journal {
        let mut journal = Journal::new("t", Language::Ja);
        let book = journal.add_book("コンテナ実践入門");
        let chapter = journal.add_chapter(book, "2 章").unwrap();
        let mut grid = Grid::new(vec!["ECS on Fargate".into()], vec!["コスト".into()]);
        grid.cells[0][0].text = "ｺﾝﾃﾅ単位の課金".into();
        let day = Day {
            learned: vec![LearnedBook {
                book,
                intro: String::new(),
                chapters: vec![ChapterNotes {
                    chapter,
                    blocks: vec![
                        Block::Text("- タスク定義\n- ＥＣＳ のサービス".into()),
                        Block::Grid(grid),
                    ],
                }],
            }],
            questions: vec![Question::new("Fargate の起動時間")],
            ..Day::default()
        };
        journal.days.insert(d("2025-03-10"), day);
        journal.days.insert(
            d("2025-03-11"),
            Day {
                impressions: "ECS は楽".into(),
                ..Day::default()
            },
        );
        journal
    }

    #[test]
    fn width_and_case_are_ignored() {
        let journal = journal();
        let index = SearchIndex::build(&journal);
        let hits = index.search("ecs", 100).hits;
        assert_eq!(hits.len(), 3, "{hits:?}");
        assert_eq!(hits[0].date, d("2025-03-11"), "newest day first");
        let lines: Vec<String> = hits.iter().filter_map(|h| hit_line(&journal, h)).collect();
        assert_eq!(lines, ["ECS は楽", "- ＥＣＳ のサービス", "ECS on Fargate"]);
    }

    #[test]
    fn half_width_kana_matches_full_width() {
        let journal = journal();
        let index = SearchIndex::build(&journal);
        let hits = index.search("コンテナ", 100).hits;
        assert_eq!(hits.len(), 1);
        assert!(matches!(
            hits[0].place,
            Place::Grid {
                at: GridAt::Notes { block: 1, .. },
                part: GridPart::Cell(0, 0),
            }
        ));
        assert_eq!(hit_line(&journal, &hits[0]).unwrap(), "ｺﾝﾃﾅ単位の課金");
        assert_eq!(index.search("ｺﾝﾃﾅ", 100).total, 1);
    }

    #[test]
    fn japanese_is_matched_inside_words_and_across_spaces() {
        let journal = journal();
        let index = SearchIndex::build(&journal);
        assert_eq!(index.search("起動時", 10).total, 1);
        assert_eq!(index.search("Fargate の起動", 10).total, 1);
        assert_eq!(index.search("   ", 10).total, 0);
    }

    #[test]
    fn the_index_follows_an_edited_day() {
        let mut journal = journal();
        let mut index = SearchIndex::build(&journal);
        journal.days.get_mut(&d("2025-03-11")).unwrap().impressions = "EKS にした".into();
        index.update_day(&journal, d("2025-03-11"));
        assert_eq!(index.search("eks", 10).total, 1);
        journal.days.remove(&d("2025-03-10"));
        index.update_day(&journal, d("2025-03-10"));
        assert_eq!(index.search("ecs", 10).total, 0);
    }

    #[test]
    fn the_limit_keeps_the_count() {
        let journal = journal();
        let index = SearchIndex::build(&journal);
        let results = index.search("ecs", 1);
        assert_eq!(results.hits.len(), 1);
        assert_eq!(results.total, 3);
    }

    #[test]
    fn hits_name_their_section() {
        let journal = journal();
        let index = SearchIndex::build(&journal);
        let hit = index.search("起動", 10).hits[0];
        let day = &journal.days[&hit.date];
        assert_eq!(hit.place.heading(&journal, day), "わからなかったこと");
    }
}
