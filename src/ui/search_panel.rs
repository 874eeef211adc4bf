//! The search box at the top of the side panel, and its results.
//!
//! Results replace the tree while there is a query: grouped under each day
//! (date and weekday), each line under its section with what matched
//! highlighted; clicking one opens the day at that place. Only the rows on
//! screen are laid out, however many lines match.

use chrono::NaiveDate;
use egui::{Id, RichText, Ui};

use crate::model::{Hit, SearchResults, hit_line};

use super::action::{Action, ViewCtx};
use super::i18n::UiLanguage;
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

/// A row of the results: a day's heading, or one matching line.
enum Row {
    Day(NaiveDate, usize),
    Hit(usize),
}

/// The matching lines, grouped under their days (newest first), with the
/// matched text highlighted; a click opens the day at that place.
pub fn search_results_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    query: &str,
    results: &SearchResults,
    ready: bool,
    actions: &mut Vec<Action>,
) {
    if !ready {
        ui.weak(cx.pick("索引を作成中…", "Indexing…"));
        return;
    }
    ui.weak(count_text(cx.lang, results));
    if results.hits.len() < results.total {
        ui.weak(cx.pick(
            "（新しい順に表示しきれる分まで）",
            "(newest first, as many as fit)",
        ));
    }
    let rows = rows(results);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 8.0;
    egui::ScrollArea::vertical()
        // Shown from the first frame: no bar fading in while the window settles.
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .id_salt("search-results")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, shown| {
            for row in &rows[shown] {
                match *row {
                    Row::Day(date, lines) => day_row_ui(ui, cx, date, lines),
                    Row::Hit(i) => hit_row_ui(ui, cx, query, &results.hits[i], actions),
                }
            }
        });
}

/// "3 日・5 行" / "3 days, 5 lines".
fn count_text(lang: UiLanguage, results: &SearchResults) -> String {
    match lang {
        UiLanguage::Japanese => format!("{} 日・{} 行", results.days, results.total),
        UiLanguage::English => format!(
            "{}, {}",
            UiLanguage::count(results.days, "day", "days"),
            UiLanguage::count(results.total, "line", "lines")
        ),
    }
}

fn rows(results: &SearchResults) -> Vec<Row> {
    let mut rows = Vec::with_capacity(results.hits.len() * 2);
    let mut i = 0;
    while i < results.hits.len() {
        let date = results.hits[i].date;
        let lines = results.hits[i..]
            .iter()
            .take_while(|h| h.date == date)
            .count();
        rows.push(Row::Day(date, lines));
        rows.extend((i..i + lines).map(Row::Hit));
        i += lines;
    }
    rows
}

fn day_row_ui(ui: &mut Ui, cx: &ViewCtx, date: NaiveDate, lines: usize) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(cx.lang.date_with_weekday(date)).strong());
        ui.weak(match cx.lang {
            UiLanguage::Japanese => format!("{lines} 行"),
            UiLanguage::English => UiLanguage::count(lines, "line", "lines"),
        });
    });
}

fn hit_row_ui(ui: &mut Ui, cx: &ViewCtx, query: &str, hit: &Hit, actions: &mut Vec<Action>) {
    let Some(day) = cx.journal.days.get(&hit.date) else {
        return;
    };
    let heading = crate::model::heading_of(day, hit.place);
    let line = hit_line(cx.journal, hit).unwrap_or_default();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 4.0;
    let response = ui
        .horizontal(|ui| {
            // A line naming a picture shows it, as small as the row.
            super::pictures::thumbnail_ui(ui, cx.pictures, &line, row_height);
            ui.vertical(|ui| {
                ui.label(RichText::new(heading).weak().small());
                let text = super::markdown_view::result_line_job(ui, line.trim(), query);
                ui.add(egui::Button::new(text).frame(false).truncate())
            })
            .inner
        })
        .inner;
    set_name(ui, &response, line.trim());
    if response.clicked() {
        actions.push(Action::Reveal(*hit));
    }
}
