//! The central form: one day's log, its sections in the order the day has
//! them, each with the editor of its kind.
//!
//! Section headings are the day's own, so a log imported with 今日やったこと
//! shows that heading; sections the template does not know are shown where
//! they stood, and are editable too.

use chrono::NaiveDate;
use egui::{Key, Modifiers, RichText, Ui};

use crate::model::{Address, Edit, FreeText, GridAt, GridSlot, Section, SectionBody};

use super::action::{Action, DayView, View, ViewCtx};
use super::candidates::room_for_candidates_ui;
use super::command::Command;
use super::drafts::{DayDrafts, Modal};
use super::grid_editor::grid_editor_ui;
use super::grid_insert::grid_insert_ui;
use super::i18n::UiLanguage;
use super::sections::item_list::{next_list_ui, questions_ui};
use super::sections::learned::{learned_ui, text_block_ui};
use super::sections::worked_on::worked_on_ui;
use super::widgets::icon_button;

pub fn day_form_ui(
    ui: &mut Ui,
    cx: ViewCtx,
    date: NaiveDate,
    revision: u64,
    drafts: &mut DayDrafts,
    modal: &mut Option<Modal>,
    actions: &mut Vec<Action>,
) {
    date_header_ui(ui, &cx, date, actions);
    ui.separator();
    let Some(day) = cx.journal.days.get(&date) else {
        no_day_ui(ui, &cx, date, actions);
        return;
    };
    let mut view = DayView {
        cx,
        date,
        revision,
        day,
        drafts,
        modal,
        actions,
    };
    egui::ScrollArea::vertical()
        // Shown from the first frame: no bar fading in while the window settles.
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .id_salt(("day-form", date))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(980.0));
            if !day.preamble.is_empty() {
                let label = ui.label(view.pick("前書き", "Preamble"));
                text_block_ui(ui, &mut view, Address::Preamble, &day.preamble, label.id);
            }
            for section in 0..day.sections.len() {
                section_ui(ui, &mut view, section);
            }
            missing_sections_ui(ui, &mut view);
            room_for_candidates_ui(ui, view.cx.composing_now);
        });
}

/// Buttons for the template sections this day does not have (a log
/// imported without them): the form offers every section, and the export
/// writes one only once it is added.
fn missing_sections_ui(ui: &mut Ui, view: &mut DayView) {
    let missing: Vec<Section> = Section::ALL
        .iter()
        .copied()
        .filter(|&kind| view.day.section(kind).is_none())
        .collect();
    if missing.is_empty() {
        return;
    }
    ui.add_space(12.0);
    ui.horizontal_wrapped(|ui| {
        ui.weak(view.pick("セクションを追加:", "Add a section:"));
        for kind in missing {
            let heading = view.cx.journal.template.headings.get(kind);
            if ui.button(format!("+ {heading}")).clicked() {
                view.actions.push(Action::Edit(Edit::AddSection {
                    date: view.date,
                    kind,
                }));
            }
        }
    });
}

/// ◀ the date with its weekday, in the journal's language ▶, and the books
/// the day studied.
fn date_header_ui(ui: &mut Ui, cx: &ViewCtx, date: NaiveDate, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        if icon_button(ui, "◀", Command::PreviousDay.label(cx.lang)).clicked() {
            actions.push(Action::Run(Command::PreviousDay));
        }
        let language = UiLanguage::from(cx.journal.template.language);
        let text = language.date_with_weekday(date);
        super::accessible::heading(&ui.label(RichText::new(text).heading().strong()), 1);
        if icon_button(ui, "▶", Command::NextDay.label(cx.lang)).clicked() {
            actions.push(Action::Run(Command::NextDay));
        }
        let books = studied_books(cx, date);
        if !books.is_empty() {
            ui.add_space(12.0);
            // Cut short rather than widen the form past the window.
            let books = RichText::new(books.join("  ·  ")).weak();
            ui.add(egui::Label::new(books).truncate());
        }
    });
}

/// The titles of the books the day lists under 取り組んだこと.
fn studied_books(cx: &ViewCtx, date: NaiveDate) -> Vec<String> {
    let Some(day) = cx.journal.days.get(&date) else {
        return Vec::new();
    };
    let mut titles: Vec<String> = Vec::new();
    for (_, _, item) in day.work_items() {
        if let crate::model::WorkItem::Book(studied) = item
            && let Some(book) = cx.journal.book(studied.book)
            && !titles.contains(&book.title)
        {
            titles.push(book.title.clone());
        }
    }
    titles
}

fn no_day_ui(ui: &mut Ui, cx: &ViewCtx, date: NaiveDate, actions: &mut Vec<Action>) {
    ui.add_space(24.0);
    ui.label(cx.pick(
        "この日の記録はまだありません。",
        "There is no log for this day yet.",
    ));
    ui.add_space(8.0);
    if ui
        .button(cx.pick("この日の記録を始める", "Start this day's log"))
        .clicked()
    {
        actions.push(Action::Edit(Edit::CreateDay(date)));
        actions.push(Action::Show(View::Day(date)));
    }
}

fn section_ui(ui: &mut Ui, view: &mut DayView, section: usize) {
    let day = view.day;
    ui.add_space(10.0);
    let heading = view.heading(section);
    let label = section_heading_ui(ui, heading, section);
    if section == 0 {
        view.drafts.first_heading = Some(label.id);
    }
    ui.add_space(4.0);
    match &day.sections[section].body {
        SectionBody::WorkedOn(entries) => worked_on_ui(ui, view, section, entries),
        SectionBody::Learned(learned) => learned_ui(ui, view, section, learned),
        SectionBody::Questions(entries) => questions_ui(ui, view, section, entries),
        SectionBody::Next(entries) => next_list_ui(ui, view, section, entries),
        SectionBody::Impressions(free) | SectionBody::Other(free) => {
            free_section_ui(ui, view, section, free, label.id)
        }
    }
}

/// A section's title: a heading a reader can find, and a stop for the
/// keyboard that Ctrl+1…9 jumps to (Tab then goes on into the section).
fn section_heading_ui(ui: &mut Ui, heading: &str, section: usize) -> egui::Response {
    let text = RichText::new(heading).heading().strong();
    let label = ui.add(egui::Label::new(text).sense(egui::Sense::focusable_noninteractive()));
    super::accessible::heading(&label, 2);
    let jump = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ]
    .get(section)
    .is_some_and(|key| ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, *key)));
    if jump {
        label.request_focus();
        label.scroll_to_me(Some(egui::Align::TOP));
    }
    if label.has_focus() {
        let ring = ui.visuals().widgets.active.bg_stroke;
        ui.painter()
            .rect_stroke(label.rect.expand(3.0), 3.0, ring, egui::StrokeKind::Outside);
    }
    label
}

/// 感想 or a section kept as written: its text, the grids after it, and a
/// way to add one.
fn free_section_ui(
    ui: &mut Ui,
    view: &mut DayView,
    section: usize,
    free: &FreeText,
    label: egui::Id,
) {
    text_block_ui(ui, view, Address::Text { section }, &free.text, label);
    for (index, grid) in free.grids.iter().enumerate() {
        let at = GridAt {
            section,
            slot: GridSlot::Free(index),
        };
        grid_editor_ui(ui, view, at, grid);
    }
    let at = GridAt {
        section,
        slot: GridSlot::Free(free.grids.len()),
    };
    let heading = view.heading(section);
    grid_insert_ui(ui, view, at, heading);
}
