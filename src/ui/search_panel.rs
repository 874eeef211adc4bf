//! The search box at the top of the side panel, and its results.
//!
//! Results replace the tree while there is a query; each shows its day,
//! section and line, and clicking one opens the day at that place. Only the
//! rows on screen are laid out, however many lines match.

use egui::{Id, RichText, Ui};

use crate::model::{SearchResults, hit_line};

use super::action::{Action, ViewCtx};
use super::widgets::set_name;

/// The search field's id, so Ctrl+F can focus it.
pub fn search_field_id() -> Id {
    Id::unique("studylog-search-field")
}

/// The search box; returns whether the query changed.
pub fn search_box_ui(ui: &mut Ui, cx: &ViewCtx, query: &mut String) -> bool {
    let hint = cx.pick("検索（Ctrl+F）", "Search (Ctrl+F)");
    let mut changed = false;
    ui.horizontal(|ui| {
        let response = ui.add(
            egui::TextEdit::singleline(query)
                .id(search_field_id())
                .hint_text(hint)
                .desired_width(ui.available_width() - 28.0),
        );
        set_name(ui, &response, cx.pick("検索", "Search"));
        changed = response.changed();
        if !query.is_empty()
            && super::widgets::icon_button(ui, "×", cx.pick("検索を消す", "Clear search")).clicked()
        {
            query.clear();
            changed = true;
        }
    });
    changed
}

pub fn search_results_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    results: &SearchResults,
    ready: bool,
    actions: &mut Vec<Action>,
) {
    if !ready {
        ui.weak(cx.pick("索引を作成中…", "Indexing…"));
        return;
    }
    let count = match cx.lang {
        super::i18n::UiLanguage::Japanese => format!("{} 行", results.total),
        super::i18n::UiLanguage::English => format!("{} lines", results.total),
    };
    ui.weak(count);
    if results.hits.len() < results.total {
        ui.weak(cx.pick(
            "（新しい順に表示しきれる分まで）",
            "(newest first, as many as fit)",
        ));
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 8.0;
    egui::ScrollArea::vertical()
        .id_salt("search-results")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, results.hits.len(), |ui, rows| {
            for hit in &results.hits[rows] {
                let Some(day) = cx.journal.days.get(&hit.date) else {
                    continue;
                };
                let heading = crate::model::heading_of(day, hit.place);
                let line = hit_line(cx.journal, hit).unwrap_or_default();
                let response = ui
                    .vertical(|ui| {
                        ui.label(
                            RichText::new(format!("{} {heading}", hit.date))
                                .weak()
                                .small(),
                        );
                        ui.add(egui::Button::new(line.trim()).frame(false).truncate())
                    })
                    .inner;
                if response.clicked() {
                    actions.push(Action::Reveal(*hit));
                }
            }
        });
}
