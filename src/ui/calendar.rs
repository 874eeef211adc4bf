//! The calendar: study streaks, a month with its study days marked, and a
//! heatmap of the past year (how much was written each day). Clicking a day
//! opens it.

use chrono::{Datelike, Duration, NaiveDate};
use egui::{Color32, RichText, Sense, Ui, Vec2};

use crate::model::{amount_written, streaks};

use super::action::{Action, View, ViewCtx};
use super::i18n::UiLanguage;
use super::widgets::{icon_button, set_name};

pub fn calendar_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    month: NaiveDate,
    today: NaiveDate,
    actions: &mut Vec<Action>,
) {
    egui::ScrollArea::vertical()
        // Shown from the first frame: no bar fading in while the window settles.
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .id_salt("calendar")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            streaks_ui(ui, cx, today);
            ui.add_space(12.0);
            month_ui(ui, cx, month, today, actions);
            ui.add_space(16.0);
            heatmap_ui(ui, cx, today, actions);
        });
}

fn streaks_ui(ui: &mut Ui, cx: &ViewCtx, today: NaiveDate) {
    let s = streaks(cx.journal, today);
    let text = match cx.lang {
        UiLanguage::Japanese => format!(
            "学習日数 {} 日　・　連続 {} 日　・　最長 {} 日",
            s.study_days, s.current, s.longest
        ),
        UiLanguage::English => format!(
            "{}  ·  current streak {}  ·  longest streak {}",
            UiLanguage::count(s.study_days, "study day", "study days"),
            UiLanguage::count(s.current, "day", "days"),
            UiLanguage::count(s.longest, "day", "days"),
        ),
    };
    super::accessible::heading(&ui.label(RichText::new(text).heading()), 1);
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).expect("every month has a first day")
}

fn month_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    month: NaiveDate,
    today: NaiveDate,
    actions: &mut Vec<Action>,
) {
    let first = first_of_month(month);
    ui.horizontal(|ui| {
        let previous = first - Duration::days(1);
        if icon_button(ui, "◀", cx.pick("前の月", "Previous month")).clicked() {
            actions.push(Action::Show(View::Calendar(first_of_month(previous))));
        }
        ui.label(
            RichText::new(format!("{}-{:02}", first.year(), first.month()))
                .heading()
                .strong(),
        );
        let next = first + Duration::days(32);
        if icon_button(ui, "▶", cx.pick("次の月", "Next month")).clicked() {
            actions.push(Action::Show(View::Calendar(first_of_month(next))));
        }
    });
    let weekdays = cx.lang.weekdays();
    egui::Grid::new("month")
        .spacing([6.0, 6.0])
        .min_col_width(40.0)
        .show(ui, |ui| {
            for name in weekdays {
                ui.label(RichText::new(name).weak());
            }
            ui.end_row();
            for _ in 0..first.weekday().num_days_from_monday() {
                ui.label("");
            }
            let mut date = first;
            while date.month() == first.month() {
                day_button_ui(ui, cx, date, today, actions);
                if date.weekday().num_days_from_monday() == 6 {
                    ui.end_row();
                }
                date += Duration::days(1);
            }
        });
}

fn day_button_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    today: NaiveDate,
    actions: &mut Vec<Action>,
) {
    let studied = cx.journal.days.get(&date).is_some_and(|d| !d.is_empty());
    let mut text = RichText::new(date.day().to_string());
    if date == today {
        text = text.strong().underline();
    }
    let mut button = egui::Button::new(text).min_size(Vec2::new(40.0, 28.0));
    if studied {
        button = button.fill(Color32::from_rgb(46, 125, 80));
    }
    let response = ui.add(button);
    set_name(
        ui,
        &response,
        &format!("{} {date}", cx.pick("カレンダー", "calendar")),
    );
    if response.clicked() {
        actions.push(Action::Show(View::Day(date)));
    }
}

/// Colours from nothing written to a lot, for the theme in use: the empty
/// square is a faint shade of the background, the greens get stronger.
fn heat_colours(visuals: &egui::Visuals) -> [Color32; 5] {
    if visuals.dark_mode {
        [
            Color32::from_rgb(45, 45, 45),
            Color32::from_rgb(14, 68, 41),
            Color32::from_rgb(0, 109, 50),
            Color32::from_rgb(38, 166, 65),
            Color32::from_rgb(57, 211, 83),
        ]
    } else {
        [
            Color32::from_rgb(235, 237, 240),
            Color32::from_rgb(155, 233, 168),
            Color32::from_rgb(64, 196, 99),
            Color32::from_rgb(48, 161, 78),
            Color32::from_rgb(33, 110, 57),
        ]
    }
}

fn heat_level(chars: usize) -> usize {
    match chars {
        0 => 0,
        1..=300 => 1,
        301..=1000 => 2,
        1001..=3000 => 3,
        _ => 4,
    }
}

const CELL: f32 = 12.0;
const GAP: f32 = 3.0;

/// The past 53 weeks, a column per week (Monday on top), with the months
/// above, the weekdays beside, a legend below and each day's amount on hover.
fn heatmap_ui(ui: &mut Ui, cx: &ViewCtx, today: NaiveDate, actions: &mut Vec<Action>) {
    ui.label(RichText::new(cx.pick("この 1 年", "The past year")).strong());
    let colours = heat_colours(ui.visuals());
    let last_monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let start = last_monday - Duration::weeks(52);
    let label_width = 28.0;
    let top = ui.text_style_height(&egui::TextStyle::Small) + 2.0;
    let size = Vec2::new(label_width + 53.0 * (CELL + GAP), top + 7.0 * (CELL + GAP));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let painter = ui.painter_at(rect);
    let grid_min = rect.min + Vec2::new(label_width, top);
    heat_labels_ui(ui, &painter, cx, rect.min, grid_min, start);
    let mut hovered = None;
    for week in 0..53 {
        for weekday in 0..7 {
            let date = start + Duration::days(week * 7 + weekday);
            if date > today {
                continue;
            }
            let min =
                grid_min + Vec2::new(week as f32 * (CELL + GAP), weekday as f32 * (CELL + GAP));
            let square = egui::Rect::from_min_size(min, Vec2::splat(CELL));
            let chars = cx.journal.days.get(&date).map_or(0, amount_written);
            painter.rect_filled(square, 2.0, colours[heat_level(chars)]);
            if response.hover_pos().is_some_and(|p| square.contains(p)) {
                hovered = Some((date, chars));
            }
        }
    }
    legend_ui(ui, cx, &colours);
    if let Some((date, chars)) = hovered {
        let day = cx.lang.date_with_weekday(date);
        let text = match cx.lang {
            UiLanguage::Japanese => format!("{day}: {chars} 文字"),
            UiLanguage::English => {
                format!(
                    "{day}: {}",
                    UiLanguage::count(chars, "character", "characters")
                )
            }
        };
        response.clone().on_hover_text(text);
        if response.clicked() && cx.journal.days.contains_key(&date) {
            actions.push(Action::Show(View::Day(date)));
        }
    }
}

/// Month names over the week where each month begins; Mon/Wed/Fri beside the rows.
fn heat_labels_ui(
    ui: &Ui,
    painter: &egui::Painter,
    cx: &ViewCtx,
    origin: egui::Pos2,
    grid_min: egui::Pos2,
    start: NaiveDate,
) {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let colour = ui.visuals().weak_text_color();
    let mut last_month = None;
    for week in 0..53 {
        let monday = start + Duration::weeks(week);
        if last_month != Some(monday.month()) && (week > 0 || monday.day() <= 7) {
            let name = match cx.lang {
                UiLanguage::Japanese => format!("{}月", monday.month()),
                UiLanguage::English => monday.format("%b").to_string(),
            };
            let x = grid_min.x + week as f32 * (CELL + GAP);
            painter.text(
                egui::pos2(x, origin.y),
                egui::Align2::LEFT_TOP,
                name,
                font.clone(),
                colour,
            );
        }
        last_month = Some(monday.month());
    }
    let weekdays = cx.lang.weekdays();
    for row in [0usize, 2, 4] {
        let y = grid_min.y + row as f32 * (CELL + GAP) + CELL / 2.0;
        let pos = egui::pos2(origin.x, y);
        painter.text(
            pos,
            egui::Align2::LEFT_CENTER,
            weekdays[row],
            font.clone(),
            colour,
        );
    }
}

/// "Less ■■■■■ More", with what each shade means on hover.
fn legend_ui(ui: &mut Ui, cx: &ViewCtx, colours: &[Color32; 5]) {
    ui.horizontal(|ui| {
        ui.weak(cx.pick("少ない", "Less"));
        let meanings = ["0", "1–300", "301–1,000", "1,001–3,000", "3,001+"];
        for (colour, meaning) in colours.iter().zip(meanings) {
            let (rect, response) = ui.allocate_exact_size(Vec2::splat(CELL), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, *colour);
            response.on_hover_text(format!("{meaning} {}", cx.pick("文字", "characters")));
        }
        ui.weak(cx.pick("多い", "More"));
    });
}
