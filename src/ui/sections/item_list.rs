//! わからなかったこと and 次やること: lists of one-line items.
//!
//! Items can be added, edited, moved up and down and deleted; 次やること items
//! can be checked done, and show the day they were carried from. A resolved
//! question shows its answer and the day it was resolved. Text written
//! between items (a sub-heading, a paragraph) is edited as text, in place.

use std::rc::Rc;

use chrono::NaiveDate;
use egui::Ui;

use crate::model::{
    Address, EARLIER_QUESTIONS_LISTED, Edit, Entry, NewestOpenQuestions, NextItem, Question,
    entry_count, newest_open_questions,
};

use crate::ui::action::DayView;
use crate::ui::conflicts::{is_marker, list_marker_ui};
use crate::ui::drafts::{EarlierQuestions, Modal};
use crate::ui::i18n::UiLanguage;
use crate::ui::widgets::{
    Direction, Reorder, line_edit, reorder_buttons_ui, set_name, small_buttons_width,
};

use super::learned::text_block_ui;

/// わからなかったこと in section `section`, then open questions of earlier days.
pub fn questions_ui(ui: &mut Ui, view: &mut DayView, section: usize, entries: &[Entry<Question>]) {
    let heading = view.heading(section);
    let mut number = 0;
    for (entry, item) in entries.iter().enumerate() {
        match item {
            Entry::Item(question) => {
                number += 1;
                ui.horizontal(|ui| {
                    crate::ui::accessible::decoration(&ui.label("•"));
                    let name = format!("{heading} {number}");
                    item_row_ui(ui, view, (section, entry), (&question.text, &name), &[]);
                });
                answer_ui(ui, view, (section, entry), question, number);
            }
            Entry::Text(text) if is_marker(text) => {
                list_marker_ui(ui, view, (section, entry), entries, |q| q.text.clone())
            }
            Entry::Text(text) => entry_text_ui(ui, view, section, entry, text),
        }
    }
    add_button_ui(ui, view, section);
    earlier_questions_ui(ui, view);
}

/// 次やること in section `section`.
pub fn next_list_ui(ui: &mut Ui, view: &mut DayView, section: usize, entries: &[Entry<NextItem>]) {
    let heading = view.heading(section);
    let mut number = 0;
    for (entry, item) in entries.iter().enumerate() {
        match item {
            Entry::Item(next) => {
                number += 1;
                ui.horizontal(|ui| {
                    let name = format!("{heading} {number}");
                    done_box_ui(ui, view, (section, entry), next.done, &name);
                    let from = next
                        .carried_from
                        .map(|d| format!("← {}", d.format("%m/%d")));
                    let after: Vec<&str> = from.iter().map(String::as_str).collect();
                    ui.scope(|ui| {
                        if next.done {
                            // Done: still there to read, no longer to do.
                            let dim = ui.visuals().weak_text_color();
                            ui.visuals_mut().override_text_color = Some(dim);
                        }
                        item_row_ui(ui, view, (section, entry), (&next.text, &name), &after);
                    });
                    if let Some(from) = from {
                        ui.weak(from).on_hover_text(
                            view.pick("前の日から持ち越し", "carried over from an earlier day"),
                        );
                    }
                });
            }
            Entry::Text(text) if is_marker(text) => {
                list_marker_ui(ui, view, (section, entry), entries, |n| n.text.clone())
            }
            Entry::Text(text) => entry_text_ui(ui, view, section, entry, text),
        }
    }
    add_button_ui(ui, view, section);
}

fn done_box_ui(
    ui: &mut Ui,
    view: &mut DayView,
    (section, entry): (usize, usize),
    done: bool,
    name: &str,
) {
    let mut done = done;
    let response = ui.checkbox(&mut done, "");
    set_name(
        ui,
        &response,
        &format!("{name} {}", view.pick("完了", "done")),
    );
    if response.changed() {
        let date = view.date;
        view.edit(Edit::SetNextDone {
            date,
            section,
            entry,
            done,
        });
    }
}

/// An item's one-line text field and its move and delete buttons, leaving
/// room for `after` (captions of what the row shows after the buttons).
/// Enter goes on to the next item, or adds one after a last item that has
/// text (after an empty last one it just leaves the field).
pub fn item_row_ui(
    ui: &mut Ui,
    view: &mut DayView,
    (section, entry): (usize, usize),
    (text, name): (&str, &str),
    after: &[&str],
) {
    let at = Address::Entry { section, entry };
    let mut captions = vec!["⬆", "⬇", "×"];
    captions.extend_from_slice(after);
    let reserve = small_buttons_width(ui, &captions);
    let id = view.field_id(at);
    // Before the field sees them: Alt+↑/↓ would move its caret first.
    if ui.memory(|m| m.has_focus(id)) && !view.cx.ime_owns_keys {
        let has_text = !text.trim().is_empty();
        super::item_keys::item_keys(ui, view, (section, entry), has_text);
    }
    let edited = line_edit(ui, id, text, (name, ""), reserve, view.reveals(at));
    let has_text = !edited.text.as_deref().unwrap_or(text).trim().is_empty();
    if let Some(text) = edited.text {
        view.set_text(at, text);
    }
    if edited.entered && !view.cx.ime_owns_keys {
        enter_in_item(view, section, entry, has_text);
    }
    move_buttons_ui(ui, view, section, entry, name);
}

/// Enter in item `entry`: on to the next entry, or a new item after the
/// last one when it has text.
fn enter_in_item(view: &mut DayView, section: usize, entry: usize, has_text: bool) {
    let date = view.date;
    if entry + 1 < entry_count(view.day, section) {
        let next = Address::Entry {
            section,
            entry: entry + 1,
        };
        let hit = crate::model::Hit {
            date,
            place: next,
            line: 0,
        };
        view.actions.push(crate::ui::action::Action::Reveal(hit));
    } else if has_text {
        view.edit(Edit::AddItem { date, section });
    }
}

/// Text written between items, edited as text.
fn entry_text_ui(ui: &mut Ui, view: &mut DayView, section: usize, entry: usize, text: &str) {
    let label = ui.weak(view.pick("（文章）", "(text)"));
    text_block_ui(ui, view, Address::Entry { section, entry }, text, label.id);
}

/// "+ Add" for a list section.
pub fn add_button_ui(ui: &mut Ui, view: &mut DayView, section: usize) {
    let add_name = format!("{}{}", view.heading(section), view.pick(" に追加", ": add"));
    let add = ui.button(view.pick("＋ 追加", "+ Add"));
    set_name(ui, &add, &add_name);
    if add.clicked() {
        let date = view.date;
        view.edit(Edit::AddItem { date, section });
    }
}

/// ↑ ↓ ✕ for entry `entry` of the list section `section`.
pub fn move_buttons_ui(ui: &mut Ui, view: &mut DayView, section: usize, entry: usize, name: &str) {
    let len = entry_count(view.day, section);
    let date = view.date;
    let edit = match reorder_buttons_ui(ui, view.cx.lang, Direction::Vertical, entry, len, name) {
        Some(Reorder::Move { from, to }) => Edit::MoveEntry {
            date,
            section,
            from,
            to,
        },
        Some(Reorder::Delete(entry)) => Edit::RemoveEntry {
            date,
            section,
            entry,
        },
        None => return,
    };
    view.edit(edit);
}

/// The list of earlier open questions starts open up to this many: a few
/// are a reminder, a backlog of hundreds is a count to open when wanted
/// (and laying out its 50 rows, under the fold, took a quarter of the
/// first frame of ten years).
const OPEN_UP_TO: usize = 10;

/// The open questions of the days before the one shown, counted once per
/// day and journal state rather than on every pass.
fn earlier_open_questions(view: &mut DayView) -> Rc<NewestOpenQuestions> {
    let (date, revision) = (view.date, view.revision);
    let kept = &mut view.drafts.earlier_questions;
    if let Some(kept) = kept
        && (kept.date, kept.revision) == (date, revision)
    {
        return kept.open.clone();
    }
    let open = Rc::new(newest_open_questions(
        view.cx.journal,
        date,
        EARLIER_QUESTIONS_LISTED,
    ));
    *kept = Some(EarlierQuestions {
        date,
        revision,
        open: open.clone(),
    });
    open
}

/// Questions from earlier days still without an answer, with their age; each
/// can be resolved here (on the day shown).
fn earlier_questions_ui(ui: &mut Ui, view: &mut DayView) {
    let open = earlier_open_questions(view);
    if open.total == 0 {
        return;
    }
    let title = match view.cx.lang {
        UiLanguage::Japanese => format!("前の日の未解決の疑問（{}）", open.total),
        UiLanguage::English => format!("Open questions from earlier days ({})", open.total),
    };
    egui::CollapsingHeader::new(title)
        .id_salt(("earlier-questions", view.date))
        .default_open(open.total <= OPEN_UP_TO)
        .show(ui, |ui| {
            for question in &open.newest {
                ui.horizontal_wrapped(|ui| {
                    let age = match view.cx.lang {
                        UiLanguage::Japanese => {
                            format!("{}（{} 日前）", question.date, question.age_days)
                        }
                        UiLanguage::English => {
                            format!(
                                "{} ({} ago)",
                                question.date,
                                UiLanguage::count(question.age_days as usize, "day", "days")
                            )
                        }
                    };
                    ui.weak(age);
                    ui.label(&question.text);
                });
                let asked = (question.date, question.section, question.entry);
                resolve_ui(ui, view, asked, &question.text);
            }
        });
}

/// A "Resolve" button that opens an answer field, for the question at
/// `asked` (date, section, entry), resolved on the day shown.
fn resolve_ui(ui: &mut Ui, view: &mut DayView, asked: (NaiveDate, usize, usize), question: &str) {
    let (date, section, entry) = asked;
    let open = matches!(view.modal, Some(Modal::Resolve { date: d, section: s, entry: e, .. })
        if *d == date && *s == section && *e == entry);
    ui.horizontal(|ui| {
        ui.add_space(24.0);
        if open {
            answer_field_ui(ui, view, asked, question);
            return;
        }
        let button = ui.small_button(view.pick("解決する…", "Resolve…"));
        let name = format!("{question} {}", view.pick("を解決する", "resolve"));
        set_name(ui, &button, &name);
        if button.clicked() {
            *view.modal = Some(Modal::Resolve {
                date,
                section,
                entry,
                answer: String::new(),
            });
        }
    });
}

/// The answer field of an open Resolve form, with Mark Resolved and Cancel.
fn answer_field_ui(
    ui: &mut Ui,
    view: &mut DayView,
    asked: (NaiveDate, usize, usize),
    question: &str,
) {
    let (date, section, entry) = asked;
    let Some(Modal::Resolve { answer, .. }) = view.modal.as_mut() else {
        return;
    };
    let name = format!("{} {question}", view.cx.pick("答え:", "Answer:"));
    let (save_caption, cancel_caption) = (
        view.cx.pick("解決済みにする", "Mark Resolved"),
        view.cx.pick("やめる", "Cancel"),
    );
    let reserve = small_buttons_width(ui, &[save_caption, cancel_caption]);
    let response = ui.add(
        egui::TextEdit::singleline(answer)
            .hint_text(view.cx.pick("わかったこと", "What you found out"))
            .desired_width((ui.available_width() - reserve).max(80.0)),
    );
    set_name(ui, &response, &name);
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let answer = answer.trim().to_owned();
    let ready = !answer.is_empty();
    let save = ui.add_enabled(ready, egui::Button::new(save_caption));
    let mut done = ui.button(cancel_caption).clicked();
    if ready && (save.clicked() || entered) {
        let resolved_on = view.date;
        view.edit(Edit::ResolveQuestion {
            date,
            section,
            entry,
            answer,
            resolved_on,
        });
        done = true;
    }
    if done {
        *view.modal = None;
    }
}

/// The answer of a resolved question (editable, and the question can be
/// reopened), or a way to resolve an open one.
fn answer_ui(
    ui: &mut Ui,
    view: &mut DayView,
    (section, entry): (usize, usize),
    question: &Question,
    number: usize,
) {
    let Some(answer) = &question.answer else {
        if !question.text.trim().is_empty() {
            resolve_ui(ui, view, (view.date, section, entry), &question.text);
        }
        return;
    };
    let heading = view.heading(section);
    ui.horizontal(|ui| {
        ui.add_space(24.0);
        ui.label(format!(
            "{} ({})",
            view.pick("解決", "Resolved"),
            answer.resolved_on
        ));
        let at = Address::Answer { section, entry };
        let name = format!("{heading} {number} {}", view.pick("の答え", "answer"));
        let reveal = view.reveals(at);
        let reopen_caption = view.pick("未解決に戻す", "Reopen");
        let reserve = small_buttons_width(ui, &[reopen_caption]);
        let id = view.field_id(at);
        let edited = line_edit(ui, id, &answer.text, (&name, ""), reserve, reveal);
        if let Some(text) = edited.text {
            view.set_text(at, text);
        }
        let reopen = ui.small_button(reopen_caption);
        let reopen_name = format!(
            "{heading} {number} {}",
            view.pick("を未解決に戻す", "reopen")
        );
        set_name(ui, &reopen, &reopen_name);
        if reopen.clicked() {
            let date = view.date;
            view.edit(Edit::ReopenQuestion {
                date,
                section,
                entry,
            });
        }
    });
}
