//! The journal as plain data, and the pure operations on it.
//!
//! Nothing here knows about egui, files or Markdown: `store` turns a file into a
//! [`Journal`], `ui` edits it, `markdown` turns it into text. Keeping this layer
//! pure is what lets every other layer be tested on journals built in memory.

mod book;
mod day;
mod edit;
mod grid;
mod grid_ops;
mod history;
mod ids;
mod journal;
mod library;
mod search;
mod study;
mod template;
mod validate;

pub use book::{Book, Chapter, ChapterStatus};
pub use day::{
    Answer, Block, ChapterNotes, Day, ExtraSection, LearnedBook, NextItem, Question, StudiedBook,
    StudiedChapter, WorkItem,
};
pub use edit::{
    DayText, Edit, FreeSection, GridAt, GridText, ItemList, Scope, TypingKey, apply, grid_at,
    is_studied, list_len, notes, text_of,
};
pub use grid::{Cell, Criterion, Grid, Mark, Score};
pub use grid_ops::{
    GridOp, MAX_WEIGHT, TwoAxes, parse_tsv, ranks, suggested_criteria, to_tsv, transposed,
};
pub use history::{History, TYPING_PAUSE};
pub use ids::{BookId, ChapterId};
pub use journal::{FORMAT_VERSION, Journal};
pub use library::{days_with_book, days_with_chapter};
pub use search::{
    GridPart, Hit, Place, SearchIndex, SearchResults, day_texts, fold, hit_line, text_at,
};
pub use study::{
    OpenQuestion, Streaks, amount_written, carried_next, chapters_from_toc, new_day,
    open_questions, status_when_studied, streaks, study_days,
};
pub use template::{Language, Section, SectionHeadings, Template};
pub use validate::{Invalid, validate};
