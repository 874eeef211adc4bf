//! The journal as plain data, and the pure operations on it.
//!
//! Nothing here knows about egui, files or Markdown: `store` turns a file into a
//! [`Journal`], `ui` edits it, `markdown` turns it into text. Keeping this layer
//! pure is what lets every other layer be tested on journals built in memory.

mod address;
mod book;
mod change;
mod day;
mod edit;
mod first_look;
mod grid;
mod grid_ops;
mod headings;
mod history;
mod ids;
mod join;
mod journal;
mod library;
pub mod merge;
pub mod pace;
pub mod review;
mod search;
mod study;
pub mod study_plan;
pub mod study_time;
pub mod summary;
mod template;
mod validate;

pub use address::{
    Address, GridAt, GridSlot, GridText, NotesAt, entry_count, grid_at, is_studied, learned, notes,
    notes_in, text_of,
};
pub use book::{Book, Chapter, ChapterStatus};
pub use day::{
    Answer, Block, BoxStyle, ChapterNotes, Day, DayHeading, DaySection, Entry, FreeText, Learned,
    LearnedBook, Marker, NextItem, Question, SECTION_LEVEL, SectionBody, Spacing, StudiedBook,
    StudiedChapter, WorkItem,
};
pub use edit::{Edit, Scope, TypingKey, apply};
pub use first_look::{first_look, fold_unlisted_questions};
pub use grid::{Align, Cell, Criterion, Grid, Mark, Score};
pub use grid_ops::{
    GridOp, MAX_WEIGHT, TwoAxes, criteria_for_new_grid, parse_tsv, ranks, suggested_criteria,
    to_tsv, transposed,
};
pub use headings::{headings_to_rename, with_language};
pub use history::{History, TYPING_PAUSE};
pub use ids::{BookId, ChapterId};
pub use join::join_days;
pub use journal::{FORMAT_VERSION, Journal, unique_dates};
pub use library::{days_with_book, days_with_chapter};
pub use search::{
    Hit, SearchIndex, SearchResults, day_texts, fold, heading_of, hit_line, match_ranges,
};
pub use study::{
    EARLIER_QUESTIONS_LISTED, NewestOpenQuestions, OpenQuestion, Streaks, amount_written,
    carried_next, chapters_from_toc, new_day, newest_open_questions, open_questions,
    status_when_studied, streaks, study_days,
};
pub use template::{Language, Section, SectionHeadings, Template};
pub use validate::{Invalid, validate};
