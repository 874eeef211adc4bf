//! "Make a grid from this list": under a note that holds a comparison
//! written as a nested list, a button offers the grid it reads as (see
//! [`crate::markdown::list_grid`]); a dialog shows its size and lets the
//! user replace the list with it or keep both. One undo takes it back.

use egui::{Context, Id, Modal, RichText, Ui};

use crate::markdown::list_grid::grid_from_list;
use crate::model::{Address, Edit, GridAt, GridSlot, NotesAt};

use super::action::DayView;
use super::drafts::{ListGridOffer, Modal as Slot};
use super::i18n::UiLanguage;

/// Where a grid made from the text at `at` goes: after that block of a
/// chapter's notes, or first among a free section's grids.
fn grid_place(view: &DayView, at: Address) -> Option<GridAt> {
    match at {
        Address::Notes(NotesAt {
            section,
            chapter,
            block,
        }) => Some(GridAt {
            section,
            slot: GridSlot::Notes {
                chapter,
                block: block + 1,
            },
        }),
        Address::Text { section } => {
            view.day.sections.get(section)?.body.free()?;
            Some(GridAt {
                section,
                slot: GridSlot::Free(0),
            })
        }
        _ => None,
    }
}

/// The button under a note, when the note holds a list that reads as a grid.
pub fn list_to_grid_button_ui(ui: &mut Ui, view: &mut DayView, at: Address, text: &str) {
    let Some(place) = grid_place(view, at) else {
        return;
    };
    let language = view.cx.journal.template.language;
    if !holds_a_grid(ui, view.field_id(at), text, language) {
        return;
    }
    let label = view.pick("この箇条書きから比較表を作る", "Make a grid from this list");
    if ui.small_button(label).clicked()
        && let Some(found) = grid_from_list(text, language)
    {
        let offer = ListGridOffer {
            date: view.date,
            text_at: at,
            text: text.to_owned(),
            without_list: found.text_without_list(text),
            at: place,
            grid: found.grid,
        };
        *view.modal = Some(Slot::ListToGrid(Box::new(offer)));
    }
}

/// Past this size a note is not offered as a grid: a grid is a few options
/// by a few criteria, and reading a long note for one would cost every
/// keystroke 10 ms at 1 MB.
const LIST_GRID_MAX_BYTES: usize = 32 * 1024;

/// Whether `text` holds a list that reads as a grid; asked again only when
/// the text changed, since a long note is not parsed every frame.
fn holds_a_grid(ui: &Ui, field: Id, text: &str, language: crate::model::Language) -> bool {
    if text.len() > LIST_GRID_MAX_BYTES {
        return false;
    }
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    let key = hasher.finish();
    let cache = field.with("holds-a-grid");
    if let Some((cached, answer)) = ui.data(|d| d.get_temp::<(u64, bool)>(cache))
        && cached == key
    {
        return answer;
    }
    let answer = grid_from_list(text, language).is_some();
    ui.data_mut(|d| d.insert_temp(cache, (key, answer)));
    answer
}

/// The dialog: replace the list, keep it too, or cancel. The edit to make,
/// Some(None) on cancel, None while unanswered.
pub fn list_to_grid_ui(
    ctx: &Context,
    offer: &ListGridOffer,
    lang: UiLanguage,
) -> Option<Option<Edit>> {
    let mut answer = None;
    let modal = Modal::new(Id::unique("list-to-grid")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.label(RichText::new(lang.pick("比較表にする", "Make a grid")).heading());
        let options = offer.grid.options.len();
        let columns = offer.grid.criteria.len();
        ui.label(match lang {
            UiLanguage::Japanese => {
                format!("選択肢 {options} 行 × 観点 {columns} 列の比較表ができます。")
            }
            UiLanguage::English => format!(
                "A grid of {} by {}.",
                UiLanguage::count(options, "option", "options"),
                UiLanguage::count(columns, "column", "columns")
            ),
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button(lang.pick("箇条書きを比較表に置き換える", "Replace the list"))
                .clicked()
            {
                answer = Some(Some(edit(offer, &offer.without_list)));
            }
            if ui
                .button(lang.pick("箇条書きも残す", "Keep the list too"))
                .clicked()
            {
                answer = Some(Some(edit(offer, &offer.text)));
            }
            if ui.button(lang.pick("キャンセル", "Cancel")).clicked() {
                answer = Some(None);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(None);
    }
    answer
}

fn edit(offer: &ListGridOffer, text: &str) -> Edit {
    Edit::ListToGrid {
        date: offer.date,
        text_at: offer.text_at,
        text: text.to_owned(),
        at: offer.at,
        grid: offer.grid.clone(),
    }
}
