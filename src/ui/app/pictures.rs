//! Putting a picture into a note: pasted (Ctrl+V with an image on the
//! clipboard), dropped on a notes editor, or chosen with Insert ▸ Image….
//! The session copies it beside the journal on a worker; when its link
//! comes back it is written into the note at the caret, on a line of its
//! own, as one undo step. A picture that cannot be copied changes nothing
//! in the note and says why.

use std::path::PathBuf;

use super::*;
use crate::markdown::pictures::picture_line;
use crate::model::text_of;
use crate::session::{PicturePlace, PictureSource};
use crate::ui::dialogs::{DialogMode, FileKind};
use crate::ui::pictures::is_picture_file;
use std::path::Path;

impl StudylogApp {
    /// Copy pictures in for `place`: files, or pixels from the clipboard.
    pub(super) fn add_pictures(&mut self, place: PicturePlace, sources: Vec<PictureSource>) {
        let Some(journal) = self.session.doc().path().map(Path::to_owned) else {
            let text = self.language().pick(
                "画像は学習ログの隣のフォルダに保存します。先に学習ログを保存してください。",
                "Pictures are kept in a folder beside the journal: save the journal first.",
            );
            let save = self
                .language()
                .pick("名前を付けて保存…", "Save As…")
                .to_owned();
            let message =
                Message::error(text.to_owned()).with_action(save, Action::Run(Command::SaveAs));
            self.messages.push(message);
            return;
        };
        for source in sources {
            self.session
                .errands()
                .add_picture(journal.clone(), source, place);
        }
    }

    pub(super) fn paste_picture(&mut self, place: PicturePlace, image: &egui::ColorImage) {
        let rgba = image
            .pixels
            .iter()
            .flat_map(|c| c.to_srgba_unmultiplied())
            .collect();
        let source = PictureSource::Pixels {
            size: image.size,
            rgba,
        };
        self.add_pictures(place, vec![source]);
    }

    pub(super) fn add_picture_files(&mut self, place: PicturePlace, files: Vec<PathBuf>) {
        let sources = files.into_iter().map(PictureSource::File).collect();
        self.add_pictures(place, sources);
    }

    /// Pictures dropped where no note is: into the note that had the
    /// keyboard last, or a word on where to drop them.
    pub(super) fn pictures_dropped_beside_notes(&mut self, actions: &[Action]) {
        let files: Vec<PathBuf> = self.ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| is_picture_file(p))
                .collect()
        });
        let claimed = actions
            .iter()
            .any(|a| matches!(a, Action::AddPictures { .. }));
        if files.is_empty() || claimed {
            return;
        }
        match self.views.day.note_with_keyboard {
            Some(place) => self.add_picture_files(place, files),
            None => {
                let text = self.language().pick(
                    "画像はノート欄の上に落としてください。",
                    "Drop pictures on a notes field to put them there.",
                );
                self.messages.push(Message::info(text.to_owned()));
            }
        }
    }

    /// A link clicked in a note: an address opens in the browser (the app
    /// itself never goes online), a day opens in the form.
    pub(super) fn follow_link(&mut self, link: crate::markdown::links::LinkTarget) {
        match link {
            crate::markdown::links::LinkTarget::Web(url) => {
                self.ctx.open_url(egui::OpenUrl::new_tab(url));
            }
            crate::markdown::links::LinkTarget::Day(date) => self.show(View::Day(date)),
        }
    }

    /// Insert ▸ Image…: ask for pictures for the note that had the keyboard last.
    pub(super) fn ask_for_picture(&mut self) {
        let Some(place) = self.views.day.note_with_keyboard else {
            let text = self.language().pick(
                "画像を入れるノート欄をクリックしてから選んでください。",
                "Click into a notes field first: the picture goes there.",
            );
            self.messages.push(Message::info(text.to_owned()));
            return;
        };
        let purpose = Purpose::InsertPicture(place);
        self.ask(purpose, DialogMode::Open, FileKind::Picture, None);
    }

    /// A copied picture's link, written into the note at its caret (at its
    /// end when the caret is elsewhere), on a line of its own.
    pub(super) fn name_picture(&mut self, place: PicturePlace, link: &str) {
        let Some(text) = self
            .journal()
            .days
            .get(&place.date)
            .and_then(|day| text_of(day, place.at))
            .map(str::to_owned)
        else {
            return;
        };
        let id = super::super::action::field_id(place.date, place.at);
        let caret = egui::TextEdit::load_state(&self.ctx, id)
            .and_then(|state| state.cursor.char_range())
            .map(|range| range.primary.index.0);
        let (new, after) = with_picture_line(&text, caret, &picture_line(link));
        let edit = Edit::SetText {
            date: place.date,
            at: place.at,
            text: new,
        };
        self.session.apply_alone(edit);
        let mut state = egui::TextEdit::load_state(&self.ctx, id).unwrap_or_default();
        let caret = egui::text::CCursor::new(egui::text::CharIndex(after));
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(caret)));
        state.store(&self.ctx, id);
    }
}

/// `text` with `line` put in at character `caret` (or at the end) on a line
/// of its own, and the character index just after it.
fn with_picture_line(text: &str, caret: Option<usize>, line: &str) -> (String, usize) {
    let at = caret
        .and_then(|c| {
            text.char_indices()
                .nth(c)
                .map(|(i, _)| i)
                .or((c == text.chars().count()).then_some(text.len()))
        })
        .unwrap_or(text.len());
    let (before, rest) = text.split_at(at);
    let mut new = before.to_owned();
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    new.push_str(line);
    let after = new.chars().count();
    if !rest.starts_with('\n') {
        new.push('\n');
    }
    new.push_str(rest);
    (new, after)
}

#[cfg(test)]
mod tests {
    use super::with_picture_line;

    #[test]
    fn a_picture_gets_a_line_of_its_own_at_the_caret() {
        let line = "![](a.png)";
        assert_eq!(
            with_picture_line("", None, line),
            ("![](a.png)\n".into(), 10)
        );
        assert_eq!(
            with_picture_line("前の行\n後", Some(3), line),
            ("前の行\n![](a.png)\n後".into(), 14)
        );
        assert_eq!(
            with_picture_line("途中で切る", Some(2), line),
            ("途中\n![](a.png)\nで切る".into(), 13)
        );
        assert_eq!(
            with_picture_line("末尾", None, line),
            ("末尾\n![](a.png)\n".into(), 13)
        );
    }
}
