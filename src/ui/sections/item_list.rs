//! わからなかったこと and 次やること: lists of one-line items.
//!
//! Items can be added, edited, moved up and down and deleted; 次やること items
//! can be checked done, and show the day they were carried from. A resolved
//! question shows its answer and the day it was resolved.

use chrono::NaiveDate;
use egui::{Id, Ui};

use crate::model::{Day, DayText, Edit, ItemList, Section, open_questions};

use crate::ui::action::{Action, ViewCtx};
use crate::ui::drafts::Drafts;
use crate::ui::widgets::{Direction, Reorder, line_edit, reorder_buttons_ui, set_name};

/// The item list `list` (Questions or Next) of the day at `date`.
pub fn item_list_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    day: &Day,
    list: ItemList,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let heading = cx.journal.template.headings.get(section_of(list));
    let count = match list {
        ItemList::Questions => day.questions.len(),
        _ => day.next.len(),
    };
    for index in 0..count {
        ui.horizontal(|ui| {
            item_row_ui(ui, cx, date, day, list, index, heading, actions);
        });
        if list == ItemList::Questions {
            answer_ui(ui, cx, date, day, index, heading, drafts, actions);
        }
    }
    let add_name = format!("{heading}{}", cx.pick(" に追加", ": add"));
    let add = ui.button(cx.pick("＋ 追加", "+ Add"));
    set_name(ui, &add, &add_name);
    if add.clicked() {
        actions.push(Action::Edit(Edit::AddItem { date, list }));
    }
    if list == ItemList::Questions {
        earlier_questions_ui(ui, cx, date, drafts, actions);
    }
}

/// Questions from earlier days still without an answer, with their age; each
/// can be resolved here (on the day shown).
fn earlier_questions_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let open = open_questions(cx.journal, date);
    if open.is_empty() {
        return;
    }
    let title = match cx.lang {
        crate::ui::i18n::UiLanguage::Japanese => format!("前の日の未解決の疑問（{}）", open.len()),
        crate::ui::i18n::UiLanguage::English => {
            format!("Open questions from earlier days ({})", open.len())
        }
    };
    egui::CollapsingHeader::new(title)
        .id_salt(("earlier-questions", date))
        .default_open(true)
        .show(ui, |ui| {
            for question in open.iter().rev().take(50) {
                ui.horizontal_wrapped(|ui| {
                    let age = match cx.lang {
                        crate::ui::i18n::UiLanguage::Japanese => {
                            format!("{}（{} 日前）", question.date, question.age_days)
                        }
                        crate::ui::i18n::UiLanguage::English => {
                            format!("{} ({} days ago)", question.date, question.age_days)
                        }
                    };
                    ui.weak(age);
                    ui.label(&question.text);
                });
                resolve_ui(
                    ui,
                    cx,
                    (question.date, question.index),
                    date,
                    &question.text,
                    drafts,
                    actions,
                );
            }
        });
}

/// A "Resolve" button that opens an answer field, for the question asked on
/// `asked.0` (the `asked.1`th), resolved on `today`.
fn resolve_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    asked: (NaiveDate, usize),
    today: NaiveDate,
    question: &str,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let (date, index) = asked;
    match &mut drafts.resolving {
        Some((d, i, answer)) if *d == date && *i == index => {
            let mut done = false;
            ui.horizontal(|ui| {
                ui.add_space(24.0);
                let name = format!("{} {question}", cx.pick("答え:", "Answer:"));
                let response = ui.add(
                    egui::TextEdit::singleline(answer)
                        .hint_text(cx.pick("わかったこと", "What you found out"))
                        .desired_width((ui.available_width() - 160.0).max(160.0)),
                );
                set_name(ui, &response, &name);
                let entered =
                    response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let ready = !answer.trim().is_empty();
                let save = ui.add_enabled(
                    ready,
                    egui::Button::new(cx.pick("解決済みにする", "Mark Resolved")),
                );
                if ready && (save.clicked() || entered) {
                    actions.push(Action::Edit(Edit::ResolveQuestion {
                        date,
                        index,
                        answer: answer.trim().to_owned(),
                        resolved_on: today,
                    }));
                    done = true;
                }
                if ui.button(cx.pick("やめる", "Cancel")).clicked() {
                    done = true;
                }
            });
            if done {
                drafts.resolving = None;
            }
        }
        _ => {
            ui.horizontal(|ui| {
                ui.add_space(24.0);
                let button = ui.small_button(cx.pick("解決する…", "Resolve…"));
                set_name(
                    ui,
                    &button,
                    &format!("{question} {}", cx.pick("を解決する", "resolve")),
                );
                if button.clicked() {
                    drafts.resolving = Some((date, index, String::new()));
                }
            });
        }
    }
}

fn section_of(list: ItemList) -> Section {
    match list {
        ItemList::WorkedOn => Section::WorkedOn,
        ItemList::Questions => Section::Questions,
        ItemList::Next => Section::Next,
    }
}

#[allow(clippy::too_many_arguments)]
fn item_row_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    day: &Day,
    list: ItemList,
    index: usize,
    heading: &str,
    actions: &mut Vec<Action>,
) {
    let number = index + 1;
    let (field, text) = match list {
        ItemList::Questions => (DayText::Question(index), day.questions[index].text.as_str()),
        _ => (DayText::Next(index), day.next[index].text.as_str()),
    };
    if list == ItemList::Next {
        let mut done = day.next[index].done;
        let response = ui.checkbox(&mut done, "");
        set_name(
            ui,
            &response,
            &format!("{heading} {number} {}", cx.pick("完了", "done")),
        );
        if response.changed() {
            actions.push(Action::Edit(Edit::SetNextDone { date, index, done }));
        }
    } else {
        ui.label("•");
    }
    let id = Id::unique(("day-text", date, field));
    let name = format!("{heading} {number}");
    if let Some(text) = line_edit(
        ui,
        id,
        text,
        &name,
        "",
        cx.reveals(date, crate::model::Place::Text(field)),
    ) {
        actions.push(Action::Edit(Edit::SetText { date, field, text }));
    }
    if list == ItemList::Next
        && let Some(from) = day.next[index].carried_from
    {
        ui.weak(format!("← {}", from.format("%m/%d")))
            .on_hover_text(cx.pick("前の日から持ち越し", "carried over from an earlier day"));
    }
    move_buttons_ui(ui, cx, date, list, index, &name, actions);
}

/// ↑ ↓ ✕ for item `index` of `list`.
pub fn move_buttons_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    list: ItemList,
    index: usize,
    name: &str,
    actions: &mut Vec<Action>,
) {
    let len = cx
        .journal
        .days
        .get(&date)
        .map_or(0, |day| crate::model::list_len(day, list));
    let edit = match reorder_buttons_ui(ui, cx.lang, Direction::Vertical, index, len, name) {
        Some(Reorder::Move { from, to }) => Edit::MoveItem {
            date,
            list,
            from,
            to,
        },
        Some(Reorder::Delete(index)) => Edit::RemoveItem { date, list, index },
        None => return,
    };
    actions.push(Action::Edit(edit));
}

/// The answer of a resolved question (editable, and the question can be
/// reopened), or a way to resolve an open one.
#[allow(clippy::too_many_arguments)]
fn answer_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    day: &Day,
    index: usize,
    heading: &str,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let question = &day.questions[index];
    let Some(answer) = &question.answer else {
        if !question.text.trim().is_empty() {
            resolve_ui(ui, cx, (date, index), date, &question.text, drafts, actions);
        }
        return;
    };
    ui.horizontal(|ui| {
        ui.add_space(24.0);
        ui.label(format!(
            "{} ({})",
            cx.pick("解決", "Resolved"),
            answer.resolved_on
        ));
        let field = DayText::Answer(index);
        let id = Id::unique(("day-text", date, field));
        let name = format!("{heading} {} {}", index + 1, cx.pick("の答え", "answer"));
        if let Some(text) = line_edit(
            ui,
            id,
            &answer.text,
            &name,
            "",
            cx.reveals(date, crate::model::Place::Text(field)),
        ) {
            actions.push(Action::Edit(Edit::SetText { date, field, text }));
        }
        let reopen = ui.small_button(cx.pick("未解決に戻す", "Reopen"));
        set_name(
            ui,
            &reopen,
            &format!(
                "{heading} {} {}",
                index + 1,
                cx.pick("を未解決に戻す", "reopen")
            ),
        );
        if reopen.clicked() {
            actions.push(Action::Edit(Edit::ReopenQuestion { date, index }));
        }
    });
}
