//! Full-text search over every text of a journal: notes, items, answers,
//! grids and extra sections.
//!
//! Matching is a plain substring search (Japanese is never split on spaces)
//! on folded text: NFKC, full Unicode case folding, and katakana read as
//! hiragana, so ＥＣＳ finds ECS, ｺﾝﾃﾅ and こんてな find コンテナ, Fargate
//! finds FARGATE and strasse finds Straße. Folding ten years of text takes far
//! longer than a keystroke, so a [`SearchIndex`] keeps the folded text per day
//! (built once, updated a day at a time after edits) and a search only scans it.

use std::collections::BTreeMap;

use caseless::Caseless;
use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use super::address::{Address, GridAt, GridSlot, GridText, NotesAt, text_of};
use super::day::{Block, Day, Entry, FreeText, Learned, SectionBody, WorkItem};
use super::grid::Grid;
use super::journal::Journal;

/// The heading of the section a place is in ("" for the preamble), as the day writes it.
pub fn heading_of(day: &Day, at: Address) -> &str {
    at.section()
        .and_then(|s| day.sections.get(s))
        .map_or("", |s| s.heading.as_str())
}

/// Every text of a day with its place, in the order the day is written.
pub fn day_texts(day: &Day) -> Vec<(Address, &str)> {
    let mut texts = Texts(Vec::new());
    texts.push(Address::Preamble, &day.preamble);
    for (section, part) in day.sections.iter().enumerate() {
        // The template's headings are on every day; only a heading of the
        // user's own says something about the day.
        if part.kind().is_none() {
            texts.push(Address::Heading { section }, &part.heading);
        }
        match &part.body {
            SectionBody::WorkedOn(entries) => texts.entries(section, entries, |item| match item {
                WorkItem::Text { text, .. } => Some(text),
                WorkItem::Book(_) => None,
            }),
            SectionBody::Questions(entries) => {
                texts.entries(section, entries, |q| Some(&q.text));
                for (entry, e) in entries.iter().enumerate() {
                    if let Some(answer) = e.item().and_then(|q| q.answer.as_ref()) {
                        texts.push(Address::Answer { section, entry }, &answer.text);
                    }
                }
            }
            SectionBody::Next(entries) => texts.entries(section, entries, |n| Some(&n.text)),
            SectionBody::Learned(learned) => texts.learned(section, learned),
            SectionBody::Impressions(free) | SectionBody::Other(free) => texts.free(section, free),
        }
    }
    texts.0
}

/// The texts of a day being gathered, in order.
struct Texts<'a>(Vec<(Address, &'a str)>);

impl<'a> Texts<'a> {
    fn push(&mut self, at: Address, text: &'a str) {
        if !text.is_empty() {
            self.0.push((at, text));
        }
    }

    fn entries<T>(
        &mut self,
        section: usize,
        entries: &'a [Entry<T>],
        text: impl Fn(&'a T) -> Option<&'a String>,
    ) {
        for (entry, e) in entries.iter().enumerate() {
            let found = match e {
                Entry::Item(item) => text(item),
                Entry::Text(raw) => Some(raw),
            };
            if let Some(found) = found {
                self.push(Address::Entry { section, entry }, found);
            }
        }
    }

    fn learned(&mut self, section: usize, learned: &'a Learned) {
        self.push(Address::Text { section }, &learned.intro);
        for book in &learned.books {
            let intro = Address::BookIntro {
                section,
                book: book.book,
            };
            self.push(intro, &book.intro);
            for notes in &book.chapters {
                let chapter = notes.chapter;
                for (block, content) in notes.blocks.iter().enumerate() {
                    match content {
                        Block::Text(text) => {
                            let at = NotesAt {
                                section,
                                chapter,
                                block,
                            };
                            self.push(Address::Notes(at), text);
                        }
                        Block::Grid(grid) => {
                            let slot = GridSlot::Notes { chapter, block };
                            self.grid(GridAt { section, slot }, grid);
                        }
                    }
                }
            }
        }
    }

    fn free(&mut self, section: usize, free: &'a FreeText) {
        self.push(Address::Text { section }, &free.text);
        for (index, grid) in free.grids.iter().enumerate() {
            let slot = GridSlot::Free(index);
            self.grid(GridAt { section, slot }, grid);
        }
    }

    /// Every text of a grid: title, corner, criteria, then each option and its cells.
    fn grid(&mut self, at: GridAt, grid: &'a Grid) {
        let place = |part| Address::Grid(at, part);
        self.push(place(GridText::Title), &grid.title);
        self.push(place(GridText::Corner), &grid.corner);
        for (col, c) in grid.criteria.iter().enumerate() {
            self.push(place(GridText::Criterion(col)), &c.name);
        }
        for (row, option) in grid.options.iter().enumerate() {
            self.push(place(GridText::Option(row)), option);
            for (col, cell) in grid.cells[row].iter().enumerate() {
                self.push(place(GridText::Cell(row, col)), &cell.text);
            }
        }
    }
}

/// Text folded for matching: NFKC (full-width ASCII and half-width kana become
/// their usual forms), full case folding, and katakana as hiragana.
pub fn fold(text: &str) -> String {
    text.nfkc().default_case_fold().map(hiragana).collect()
}

/// The hiragana for a katakana letter (ア → あ, ヴ → ゔ); any other character as it is.
fn hiragana(c: char) -> char {
    match c {
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}'..='\u{30FE}' => {
            char::from_u32(c as u32 - 0x60).unwrap_or(c)
        }
        _ => c,
    }
}

/// Where `query` matches in `line`, as byte ranges of `line`, for
/// highlighting a result. Each character is folded on its own here, so a
/// match that only folding across characters finds (half-width ｶﾞ) is not
/// highlighted, though search found it.
pub fn match_ranges(line: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let query = fold(query.trim());
    if query.is_empty() {
        return Vec::new();
    }
    // The folded line, and for each of its bytes the original character's range.
    let mut folded = String::new();
    let mut origin: Vec<std::ops::Range<usize>> = Vec::new();
    for (start, c) in line.char_indices() {
        let range = start..start + c.len_utf8();
        let mut buffer = [0u8; 4];
        for f in fold(c.encode_utf8(&mut buffer)).chars() {
            folded.push(f);
            origin.extend(std::iter::repeat_n(range.clone(), f.len_utf8()));
        }
    }
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for (at, _) in folded.match_indices(&query) {
        let start = origin[at].start;
        let end = origin[at + query.len() - 1].end;
        match ranges.last_mut() {
            Some(last) if last.end >= start => last.end = last.end.max(end),
            _ => ranges.push(start..end),
        }
    }
    ranges
}

/// One matching line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub date: NaiveDate,
    pub place: Address,
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
    /// The days with a matching line.
    pub days: usize,
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
    /// The texts the lines come from (a line names one by its index).
    places: Vec<Address>,
}

/// Where a folded line starts in its day's text, and where it comes from:
/// 12 bytes, since a journal of ten years has well over 100,000 lines.
#[derive(Clone, Copy, Debug)]
struct IndexedLine {
    start: u32,
    place: u32,
    line: u32,
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

    /// Bytes the index holds on the heap (its folded text and line table).
    pub fn heap_size(&self) -> usize {
        self.days
            .values()
            .map(|d| {
                d.text.capacity()
                    + d.lines.capacity() * std::mem::size_of::<IndexedLine>()
                    + d.places.capacity() * std::mem::size_of::<Address>()
            })
            .sum()
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
                let at = index.lines.partition_point(|l| l.start as usize <= offset) - 1;
                if last_line == Some(at) {
                    continue;
                }
                last_line = Some(at);
                results.total += 1;
                if results.hits.len() < limit {
                    let line = index.lines[at];
                    results.hits.push(Hit {
                        date: *date,
                        place: index.places[line.place as usize],
                        line: line.line as usize,
                    });
                }
            }
            results.days += usize::from(last_line.is_some());
        }
        results
    }
}

impl DayIndex {
    fn build(day: &Day) -> Self {
        let mut index = DayIndex::default();
        for (place, text) in day_texts(day) {
            let place_index = index.places.len() as u32;
            let mut used = false;
            for (line, content) in text.split('\n').enumerate() {
                if content.trim().is_empty() {
                    continue;
                }
                used = true;
                index.lines.push(IndexedLine {
                    start: index.text.len() as u32,
                    place: place_index,
                    line: line as u32,
                });
                index.text.push_str(&fold(content));
                index.text.push('\n');
            }
            if used {
                index.places.push(place);
            }
        }
        // Built once, searched many times: no room to spare.
        index.text.shrink_to_fit();
        index.lines.shrink_to_fit();
        index.places.shrink_to_fit();
        index
    }
}

/// The original line a hit points at.
pub fn hit_line(journal: &Journal, hit: &Hit) -> Option<String> {
    let day = journal.days.get(&hit.date)?;
    let text = text_of(day, hit.place)?;
    text.split('\n')
        .nth(hit.line)
        .map(|l| l.trim_end_matches('\r').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChapterNotes, DaySection, Grid, Language, LearnedBook, Question};

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn journal() -> Journal {
        let mut journal = Journal::new("t", Language::Ja);
        let book = journal.add_book("コンテナ実践入門");
        let chapter = journal.add_chapter(book, "2 章").unwrap();
        let mut grid = Grid::new(vec!["ECS on Fargate".into()], vec!["コスト".into()]);
        grid.cells[0][0].text = "ｺﾝﾃﾅ単位の課金".into();
        let learned = Learned {
            intro: String::new(),
            books: vec![LearnedBook {
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
        };
        let section = |heading: &str, body| DaySection::of(heading, body);
        let question = Entry::Item(Question::new("Fargate の起動時間"));
        let day = Day {
            sections: vec![
                section("学んだこと", SectionBody::Learned(learned)),
                section("わからなかったこと", SectionBody::Questions(vec![question])),
            ],
            ..Day::default()
        };
        journal.days.insert(d("2025-03-10"), day);
        let impressions = SectionBody::Impressions(FreeText::new("ECS は楽"));
        let day = Day {
            sections: vec![section("感想", impressions)],
            ..Day::default()
        };
        journal.days.insert(d("2025-03-11"), day);
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
            Address::Grid(
                GridAt {
                    slot: GridSlot::Notes { block: 1, .. },
                    ..
                },
                GridText::Cell(0, 0),
            )
        ));
        assert_eq!(hit_line(&journal, &hits[0]).unwrap(), "ｺﾝﾃﾅ単位の課金");
        assert_eq!(index.search("ｺﾝﾃﾅ", 100).total, 1);
    }

    #[test]
    fn hiragana_and_katakana_find_each_other() {
        let journal = journal();
        let index = SearchIndex::build(&journal);
        assert_eq!(
            index.search("こんてな", 100).total,
            1,
            "ｺﾝﾃﾅ in a grid cell"
        );
        assert_eq!(index.search("たすく", 100).total, 1, "タスク定義");
        assert_eq!(index.search("キドウ", 100).total, 0);
        assert_eq!(fold("ヴァ"), fold("ゔぁ"));
        assert_eq!(fold("ー"), "ー", "the long-vowel mark has no hiragana");
    }

    #[test]
    fn case_is_folded_fully() {
        assert_eq!(fold("Straße"), fold("STRASSE"));
        assert_eq!(fold("ΣΊΣΥΦΟΣ"), fold("σίσυφος"));
        assert_eq!(fold("ＡＷＳ"), "aws");
    }

    #[test]
    fn results_count_days_and_lines() {
        let journal = journal();
        let index = SearchIndex::build(&journal);
        let results = index.search("ecs", 100);
        assert_eq!((results.days, results.total), (2, 3));
    }

    #[test]
    fn match_ranges_point_at_the_original_text() {
        let line = "ＥＣＳ と ecs とコンテナ";
        let ranges = match_ranges(line, "ecs");
        let found: Vec<&str> = ranges.iter().map(|r| &line[r.clone()]).collect();
        assert_eq!(found, ["ＥＣＳ", "ecs"]);
        let kana = match_ranges(line, "こんてな");
        assert_eq!(&line[kana[0].clone()], "コンテナ");
        assert_eq!(match_ranges("Straße", "ss").len(), 1);
        assert!(match_ranges(line, " ").is_empty());
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
        let day = journal.days.get_mut(&d("2025-03-11")).unwrap();
        day.sections[0].body = SectionBody::Impressions(FreeText::new("EKS にした"));
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
        assert_eq!(heading_of(day, hit.place), "わからなかったこと");
    }
}
