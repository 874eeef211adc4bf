//! What a notes field does with pictures: draws the ones its text names
//! under it, and turns a picture pasted into it (Ctrl+V with an image on
//! the clipboard) or dropped on it into an action. It also remembers that
//! it had the keyboard, for Insert ▸ Image….

use egui::{Id, Rect, Ui};

use crate::model::Address;
use crate::session::PicturePlace;
use crate::ui::action::Action;
use crate::ui::pictures::{is_picture_file, note_pictures_ui};

use crate::ui::action::DayView;

/// Pictures for the notes field `id` showing `at`.
pub fn note_pictures_hooks_ui(ui: &mut Ui, view: &mut DayView, id: Id, at: Address, text: &str) {
    let place = PicturePlace {
        date: view.date,
        at,
    };
    let focused = ui.memory(|m| m.has_focus(id));
    if focused {
        view.drafts.note_with_keyboard = Some(place);
        let pasted = ui.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::PasteImage(image) => Some(image.clone()),
                _ => None,
            })
        });
        if let Some(image) = pasted {
            view.actions.push(Action::PastePicture { place, image });
        }
    }
    note_pictures_ui(ui, view.cx.pictures, view.cx.lang, text);
}

/// Picture files dropped with the pointer over `rect` (a notes editor and
/// its pictures), as an action for `place`.
pub fn dropped_on(ui: &Ui, rect: Rect, place: PicturePlace) -> Option<Action> {
    let files: Vec<_> = ui.input(|i| {
        let over = i.pointer.latest_pos().is_some_and(|p| rect.contains(p));
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_owned())
            .filter(|p| over && is_picture_file(p))
            .collect()
    });
    (!files.is_empty()).then_some(Action::AddPictures { place, files })
}
