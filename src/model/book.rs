//! The library: the books a user studies and their chapters.

use serde::{Deserialize, Serialize};

use super::ids::{BookId, ChapterId};

/// A book (or course, or any long source) the user studies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Book {
    pub id: BookId,
    pub title: String,
    #[serde(default)]
    pub chapters: Vec<Chapter>,
}

/// A chapter, labelled the way the user writes it ("5 章 レプリケーション").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    pub id: ChapterId,
    pub label: String,
    #[serde(default)]
    pub status: ChapterStatus,
}

/// How far the user has got with a chapter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChapterStatus {
    #[default]
    NotStarted,
    Reading,
    Done,
}

impl Book {
    /// A book with no chapters yet.
    pub fn new(id: BookId, title: impl Into<String>) -> Self {
        Book {
            id,
            title: title.into(),
            chapters: Vec::new(),
        }
    }

    pub fn chapter(&self, id: ChapterId) -> Option<&Chapter> {
        self.chapters.iter().find(|c| c.id == id)
    }

    /// Chapters marked done, out of all chapters: the book's progress.
    pub fn progress(&self) -> (usize, usize) {
        let done = self
            .chapters
            .iter()
            .filter(|c| c.status == ChapterStatus::Done)
            .count();
        (done, self.chapters.len())
    }
}

impl Chapter {
    pub fn new(id: ChapterId, label: impl Into<String>) -> Self {
        Chapter {
            id,
            label: label.into(),
            status: ChapterStatus::NotStarted,
        }
    }
}
