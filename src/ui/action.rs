//! What views read (a [`ViewCtx`], and a [`DayView`] for the day form) and
//! what they return (an [`Action`]).
//!
//! Views never change the journal while drawing it: they push actions, and
//! the app applies them after the frame's views are done, in one place that
//! records undo and the unsaved marker.

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::Id;

use crate::model::{Address, BookId, ChapterId, Day, Edit, Hit, Journal};
use crate::session::PicturePlace;

use super::command::Command;
use super::drafts::{DayDrafts, Modal};
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
    /// Today's due review cards, one at a time.
    Review,
    /// A book's pace: time per week, chapters finished, the finish date.
    Book(BookId),
    /// The week (Monday to Sunday) holding this date, gathered.
    Week(NaiveDate),
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
    SetTheme(egui::ThemePreference),
    SetHighContrast(bool),
    /// Drop a file from Open Recent (or every file, for None).
    ForgetRecent(Option<PathBuf>),
    /// Merge a sync tool's conflict copy into the journal.
    MergeCopy(PathBuf),
    /// Open a journal git left with conflict markers, both sides merged.
    MergeGitSides(PathBuf),
    /// Copy picture files into the journal's folder and name them in a note.
    AddPictures {
        place: PicturePlace,
        files: Vec<PathBuf>,
    },
    /// Open a link: an address in the browser, a day in the form.
    FollowLink(crate::markdown::links::LinkTarget),
    /// A picture pasted from the clipboard, into a note.
    PastePicture {
        place: PicturePlace,
        image: std::sync::Arc<egui::ColorImage>,
    },
}

/// What every view may read.
#[derive(Clone, Copy)]
pub struct ViewCtx<'a> {
    pub journal: &'a Journal,
    pub lang: UiLanguage,
    /// An IME composition owns the keyboard: list keys must not act.
    pub ime_owns_keys: bool,
    /// The input method changed a composition this frame: the form keeps
    /// the candidate list's room under the line (`candidates`).
    pub composing_now: bool,
    pub today: NaiveDate,
    /// A text to scroll to and focus this frame, at a line (a search hit).
    pub reveal: Option<Hit>,
    /// The pictures notes name, as drawn.
    pub pictures: &'a super::pictures::PictureShelf,
}

impl<'a> ViewCtx<'a> {
    /// The words of the current UI language.
    pub fn pick(&self, ja: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(ja, en)
    }
}

/// The widget id of the field showing `at` on `date`: the one way ids of a
/// day's fields are made, so focus, reveal and the IME find the same widget.
pub fn field_id(date: NaiveDate, at: Address) -> Id {
    Id::unique(("day-field", date, at))
}

/// Focus the widget of `response` (a search hit, a new item), scrolling it
/// to the middle only when it is not all in view: a new item appearing in
/// view leaves the page (and the button under the pointer) where it was.
pub fn reveal(response: &egui::Response) {
    if response.interact_rect != response.rect {
        response.scroll_to_me(Some(egui::Align::Center));
    }
    response.request_focus();
}

/// One day as the form draws it: what its editors read, the drafts and the
/// open form they may change, and where they put the actions they return.
pub struct DayView<'a> {
    pub cx: ViewCtx<'a>,
    pub date: NaiveDate,
    /// The journal's state (see `Document::state`): what caches are keyed by.
    pub revision: u64,
    pub day: &'a Day,
    pub drafts: &'a mut DayDrafts,
    pub modal: &'a mut Option<Modal>,
    pub actions: &'a mut Vec<Action>,
}

impl<'a> DayView<'a> {
    pub fn pick(&self, ja: &'a str, en: &'a str) -> &'a str {
        self.cx.pick(ja, en)
    }

    pub fn edit(&mut self, edit: Edit) {
        self.actions.push(Action::Edit(edit));
    }

    /// The edit that sets the text at `at` on this day.
    pub fn set_text(&mut self, at: Address, text: String) {
        let date = self.date;
        self.edit(Edit::SetText { date, at, text });
    }

    pub fn field_id(&self, at: Address) -> Id {
        field_id(self.date, at)
    }

    /// Whether the field showing `at` should be scrolled to and focused now.
    pub fn reveals(&self, at: Address) -> bool {
        self.revealed_line(at).is_some()
    }

    /// The line of the text at `at` to scroll to and focus this frame.
    pub fn revealed_line(&self, at: Address) -> Option<usize> {
        let hit = self.cx.reveal?;
        (hit.date == self.date && hit.place == at).then_some(hit.line)
    }

    /// The heading of section `section`, as the day writes it.
    pub fn heading(&self, section: usize) -> &'a str {
        self.day
            .sections
            .get(section)
            .map_or("", |s| s.heading.as_str())
    }
}
