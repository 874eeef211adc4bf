//! What views read (a [`ViewCtx`]) and what they return (an [`Action`]).
//!
//! Views never change the journal while drawing it: they push actions, and
//! the app applies them after the frame's views are done, in one place that
//! records undo and the unsaved marker.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::{ChapterId, Edit, Hit, Journal, Place};

use super::command::Command;
use super::i18n::UiLanguage;

/// What the central panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// One day's log as a form (the day may not exist yet: then it offers to start it).
    Day(NaiveDate),
    /// Every note written for one chapter, across days.
    Chapter(ChapterId),
    /// Streaks, the month holding this date, and the past year's heatmap.
    Calendar(NaiveDate),
}

/// Something the user asked for while a view was drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    Show(View),
    Run(Command),
    OpenRecent(PathBuf),
    SetLanguage(UiLanguage),
    DismissMessage(usize),
    /// Open the day of a search hit, scrolled to and focused on its text.
    Reveal(Hit),
    /// Replace the journal with a kept version (a backup file).
    RestoreBackup(PathBuf),
    SetAutosaveToJournal(bool),
}

/// What every view may read.
#[derive(Clone, Copy)]
pub struct ViewCtx<'a> {
    pub journal: &'a Journal,
    pub lang: UiLanguage,
    /// An IME composition owns the keyboard: list keys must not act.
    pub ime_owns_keys: bool,
    pub today: NaiveDate,
    /// A text to scroll to and focus this frame (from a search hit).
    pub reveal: Option<(NaiveDate, Place)>,
}

impl ViewCtx<'_> {
    /// Whether the widget showing `place` of `date` should be scrolled to and focused.
    pub fn reveals(&self, date: NaiveDate, place: Place) -> bool {
        self.reveal == Some((date, place))
    }
}

/// Scroll to and focus the widget of `response` (a search hit is there).
pub fn reveal(response: &egui::Response) {
    response.scroll_to_me(Some(egui::Align::Center));
    response.request_focus();
}

impl<'a> ViewCtx<'a> {
    /// The words of the current UI language.
    pub fn pick(&self, ja: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(ja, en)
    }
}
