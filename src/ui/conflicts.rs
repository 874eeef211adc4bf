//! Conflicts a merge left for the user: where both copies of a journal
//! changed the same lines, both versions stay in the text between marker
//! lines; here each is shown side by side with Keep this copy's / Keep the
//! other's / Keep both. Settling is an ordinary edit (one step of undo).

use egui::{RichText, Ui};

use crate::model::merge::{Keep, conflicts_in, settle};
use crate::model::{Address, Edit, Entry};

use super::action::DayView;

/// The conflicts in the text at `at`, each with its three buttons.
pub fn text_conflicts_ui(ui: &mut Ui, view: &mut DayView, at: Address, text: &str) {
    for (index, conflict) in conflicts_in(text).iter().enumerate() {
        let chosen = conflict_box_ui(ui, view, &conflict.ours, &conflict.theirs, index);
        if let Some(keep) = chosen
            && let Some(settled) = settle(text, index, keep)
        {
            view.set_text(at, settled);
        }
    }
}

/// Both versions of list items a merge kept (the stretch from the marker
/// entry `entry`), with the three buttons.
pub fn list_conflict_ui(
    ui: &mut Ui,
    view: &mut DayView,
    section: usize,
    entry: usize,
    ours: &str,
    theirs: &str,
) {
    if let Some(keep) = conflict_box_ui(ui, view, ours, theirs, entry) {
        let date = view.date;
        view.edit(Edit::SettleListConflict {
            date,
            section,
            entry,
            keep,
        });
    }
}

fn conflict_box_ui(
    ui: &mut Ui,
    view: &DayView,
    ours: &str,
    theirs: &str,
    salt: usize,
) -> Option<Keep> {
    let mut chosen = None;
    let warn = ui.visuals().warn_fg_color;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, warn))
        .show(ui, |ui| {
            ui.label(
                RichText::new(view.pick(
                    "この箇所は両方の版で違う変更がありました。",
                    "Both copies changed this differently.",
                ))
                .color(warn),
            );
            ui.columns(2, |columns| {
                columns[0].label(RichText::new(view.pick("この版", "This copy")).strong());
                columns[0].label(if ours.is_empty() {
                    view.pick("（削除）", "(deleted)")
                } else {
                    ours
                });
                columns[1]
                    .label(RichText::new(view.pick("もう一方の版", "The other copy")).strong());
                columns[1].label(if theirs.is_empty() {
                    view.pick("（削除）", "(deleted)")
                } else {
                    theirs
                });
            });
            ui.push_id(salt, |ui| {
                ui.horizontal(|ui| {
                    if ui
                        .button(view.pick("この版を残す", "Keep this copy's"))
                        .clicked()
                    {
                        chosen = Some(Keep::Ours);
                    }
                    if ui
                        .button(view.pick("もう一方を残す", "Keep the other's"))
                        .clicked()
                    {
                        chosen = Some(Keep::Theirs);
                    }
                    if ui.button(view.pick("両方残す", "Keep both")).clicked() {
                        chosen = Some(Keep::Both);
                    }
                });
            });
        });
    chosen
}

/// Whether a list entry is one of a conflict's marker lines.
pub fn is_marker(text: &str) -> bool {
    use crate::model::merge::text::{END_MARKER, OURS_MARKER, THEIRS_MARKER};
    [OURS_MARKER, THEIRS_MARKER, END_MARKER].contains(&text)
}

/// A marker entry of a list: the first one shows the conflict with its
/// buttons (the two versions read by `describe`), the others nothing.
pub fn list_marker_ui<T>(
    ui: &mut Ui,
    view: &mut DayView,
    (section, entry): (usize, usize),
    entries: &[Entry<T>],
    describe: impl Fn(&T) -> String,
) {
    use crate::model::merge::text::{END_MARKER, OURS_MARKER, THEIRS_MARKER};
    if !matches!(&entries[entry], Entry::Text(t) if t == OURS_MARKER) {
        return;
    }
    let marker = |i: &usize, m: &str| matches!(&entries[*i], Entry::Text(t) if t == m);
    let middle = (entry..entries.len()).find(|i| marker(i, THEIRS_MARKER));
    let end = middle.and_then(|m| (m..entries.len()).find(|i| marker(i, END_MARKER)));
    let (Some(middle), Some(end)) = (middle, end) else {
        return;
    };
    let lines = |range: std::ops::Range<usize>| -> String {
        entries[range]
            .iter()
            .map(|e| match e {
                Entry::Item(item) => format!("• {}", describe(item)),
                Entry::Text(text) => text.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (ours, theirs) = (lines(entry + 1..middle), lines(middle + 1..end));
    list_conflict_ui(ui, view, section, entry, &ours, &theirs);
}
