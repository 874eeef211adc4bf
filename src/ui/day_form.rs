//! The central form: one day's log, one block per section, in template order.
//!
//! Section headings come from the journal's template, so a log imported with
//! 今日やったこと shows that heading. Extra sections kept from an import are
//! shown where they stood, and are editable too.

use chrono::NaiveDate;
use egui::{Id, RichText, Ui};

use crate::markdown::format_date;
use crate::model::{Day, DayText, Edit, FreeSection, Grid, GridAt, ItemList, Section};

use super::action::{Action, View, ViewCtx};
use super::command::Command;
use super::drafts::Drafts;
use super::grid_editor::{GridTarget, grid_editor_ui};
use super::grid_insert::{NewGrid, grid_insert_ui};
use super::sections::item_list::item_list_ui;
use super::sections::learned::{learned_ui, text_block_ui};
use super::sections::worked_on::worked_on_ui;

pub fn day_form_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    date_header_ui(ui, cx, date, actions);
    ui.separator();
    let Some(day) = cx.journal.days.get(&date) else {
        no_day_ui(ui, cx, date, actions);
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt(("day-form", date))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(980.0));
            if !day.preamble.is_empty() {
                let label = ui.label(cx.pick("前書き", "Preamble"));
                text_block_ui(
                    ui,
                    cx,
                    date,
                    DayText::Preamble,
                    &day.preamble,
                    label.id,
                    actions,
                );
            }
            extras_ui(ui, cx, date, day, 0, drafts, actions);
            for (slot, &section) in Section::ALL.iter().enumerate() {
                section_ui(ui, cx, date, day, section, drafts, actions);
                extras_ui(ui, cx, date, day, slot + 1, drafts, actions);
            }
        });
}

/// ◀ date ▶ and the day's weekday, in the journal's own date style.
fn date_header_ui(ui: &mut Ui, cx: &ViewCtx, date: NaiveDate, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        if crate::ui::widgets::icon_button(ui, "◀", Command::PreviousDay.label(cx.lang)).clicked()
        {
            actions.push(Action::Run(Command::PreviousDay));
        }
        let text = format_date(date, &cx.journal.template.date_format);
        ui.label(RichText::new(text).heading().strong());
        if crate::ui::widgets::icon_button(ui, "▶", Command::NextDay.label(cx.lang)).clicked() {
            actions.push(Action::Run(Command::NextDay));
        }
    });
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

fn section_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    day: &Day,
    section: Section,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    ui.add_space(10.0);
    let heading = ui.label(
        RichText::new(cx.journal.template.headings.get(section))
            .heading()
            .strong(),
    );
    ui.add_space(4.0);
    match section {
        Section::WorkedOn => worked_on_ui(ui, cx, date, day, drafts, actions),
        Section::Learned => learned_ui(ui, cx, date, day, drafts, actions),
        Section::Questions => item_list_ui(ui, cx, date, day, ItemList::Questions, drafts, actions),
        Section::Next => item_list_ui(ui, cx, date, day, ItemList::Next, drafts, actions),
        Section::Impressions => {
            let field = DayText::Impressions;
            text_block_ui(ui, cx, date, field, &day.impressions, heading.id, actions);
            let section = FreeSection::Impressions;
            let title = cx.journal.template.headings.impressions.as_str();
            let grids = &day.impressions_grids;
            free_grids_ui(ui, cx, date, section, grids, title, drafts, actions);
        }
    }
}

/// The grids after a free section's text, and a way to add one.
#[allow(clippy::too_many_arguments)]
fn free_grids_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    section: FreeSection,
    grids: &[Grid],
    heading: &str,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    for (index, grid) in grids.iter().enumerate() {
        let at = match section {
            FreeSection::Impressions => GridAt::Impressions(index),
            FreeSection::Extra(section) => GridAt::Extra { section, index },
        };
        grid_editor_ui(ui, cx, GridTarget { date, at }, grid, actions);
    }
    grid_insert_ui(
        ui,
        cx,
        date,
        NewGrid::Free(section),
        heading,
        drafts,
        actions,
    );
}

/// The extra sections that stood after `slot` main sections.
fn extras_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    day: &Day,
    slot: usize,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    for (index, extra) in day.extra.iter().enumerate() {
        if usize::from(extra.slot.min(5)) != slot {
            continue;
        }
        ui.add_space(10.0);
        let heading = ui.label(RichText::new(&extra.heading).heading().strong());
        let id_label: Id = heading.id;
        let field = DayText::Extra(index);
        text_block_ui(ui, cx, date, field, &extra.body, id_label, actions);
        let section = FreeSection::Extra(index);
        free_grids_ui(
            ui,
            cx,
            date,
            section,
            &extra.grids,
            &extra.heading,
            drafts,
            actions,
        );
    }
}
