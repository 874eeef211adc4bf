//! A book's page: how far it has got, study time week by week, chapters
//! finished over time (both drawn with `egui_plot`), and the day it would
//! be done at the pace of the last four weeks. Reached from the book's row
//! in the side tree (its "Pace" row or its menu).
//!
//! The page owns its state: the pace worked out for the journal's last
//! revision, so a frame draws and never recounts.

use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, GridInput, Line, Plot, PlotPoints, Points, uniform_grid_spacer};

use crate::model::BookId;
use crate::model::pace::{BookPace, book_pace};
use crate::model::study_time::hours_and_minutes;

use super::action::{Action, View, ViewCtx};
use super::i18n::UiLanguage;
use super::library_menu::{status_icon, status_label};

/// The pace worked out for one book at one revision and day.
struct Worked {
    key: (BookId, u64, NaiveDate),
    pace: BookPace,
}

/// The book page's own state.
#[derive(Default)]
pub struct BookPage {
    worked: Option<Worked>,
}

impl BookPage {
    fn pace(&mut self, cx: &ViewCtx, book: BookId, revision: u64) -> Option<&BookPace> {
        let key = (book, revision, cx.today);
        if self.worked.as_ref().is_none_or(|w| w.key != key) {
            let pace = book_pace(cx.journal, book, cx.today)?;
            self.worked = Some(Worked { key, pace });
        }
        self.worked.as_ref().map(|w| &w.pace)
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &ViewCtx,
        book: BookId,
        revision: u64,
        actions: &mut Vec<Action>,
    ) {
        let (Some(entry), Some(pace)) = (cx.journal.book(book), self.pace(cx, book, revision))
        else {
            ui.label(cx.pick("この本はもうありません。", "This book no longer exists."));
            return;
        };
        ui.label(RichText::new(cx.pick("本", "Book")).weak());
        super::accessible::heading(&ui.heading(RichText::new(&entry.title).strong()), 1);
        ui.label(overview(pace, cx.lang));
        ui.label(RichText::new(projection(pace, cx.lang)).strong());
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                weeks_ui(ui, cx, book, pace);
                finished_ui(ui, cx, book, pace);
                ui.add_space(8.0);
                ui.label(RichText::new(cx.pick("章", "Chapters")).strong());
                for chapter in &entry.chapters {
                    ui.horizontal(|ui| {
                        let status = status_label(chapter.status, cx.lang);
                        let icon = ui.label(status_icon(chapter.status)).on_hover_text(status);
                        // The icon is for the eye; a reader hears the status after the name.
                        super::accessible::decoration(&icon);
                        let link = ui.link(&chapter.label);
                        super::accessible::described(&link, status);
                        if link.clicked() {
                            actions.push(Action::Show(View::Chapter(chapter.id)));
                        }
                    });
                }
            });
    }
}

/// "3/12 章 完了 · 学習時間 12h30m".
fn overview(pace: &BookPace, lang: UiLanguage) -> String {
    let time = hours_and_minutes(pace.minutes);
    match lang {
        UiLanguage::Japanese => format!("{}/{} 章 完了 · 学習時間 {time}", pace.done, pace.total),
        UiLanguage::English => format!(
            "{}/{} chapters done · {time} studied",
            pace.done, pace.total
        ),
    }
}

/// When the book would be done, or why that cannot be said.
fn projection(pace: &BookPace, lang: UiLanguage) -> String {
    let ja = lang == UiLanguage::Japanese;
    match pace.finish {
        Some(date) if ja => {
            format!("このペースなら {date} に読み終わります（直近 4 週間のペース）")
        }
        Some(date) => format!("At this pace: {date} (the last 4 weeks' pace)"),
        None if pace.total > 0 && pace.done == pace.total => (if ja {
            "読み終わりました。"
        } else {
            "Finished."
        })
        .to_owned(),
        None if ja => {
            "直近 4 週間に終えた章がないので、読み終わる日はまだ分かりません。".to_owned()
        }
        None => "No chapter finished in the last 4 weeks: no finish date yet.".to_owned(),
    }
}

fn quiet_plot(id: (&'static str, BookId)) -> Plot<'static> {
    Plot::new(id)
        .height(180.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_background(false)
}

/// Minutes studied each week, as bars; hover shows the week and the time.
fn weeks_ui(ui: &mut Ui, cx: &ViewCtx, book: BookId, pace: &BookPace) {
    ui.label(
        RichText::new(cx.pick("週ごとの学習時間（時間）", "Study time per week (hours)")).strong(),
    );
    if pace.minutes == 0 {
        ui.weak(cx.pick(
            "学習時間の記録はまだありません。取り組んだことに「本の名前 1h30m」のように書くと数えます。",
            "No study time yet. Write it in 取り組んだこと, e.g. “Book title 1h30m”.",
        ));
        return;
    }
    let colour = ui.visuals().selection.bg_fill;
    let weeks = pace.weeks.clone();
    let bars = pace
        .weeks
        .iter()
        .enumerate()
        .map(|(i, (monday, minutes))| {
            Bar::new(i as f64, f64::from(*minutes) / 60.0)
                .name(format!("{monday}: {}", hours_and_minutes(*minutes)))
                .fill(colour)
        })
        .collect();
    let week_label = move |x: f64| {
        let i = x.round();
        let on_a_week = i >= 0.0 && (x - i).abs() < 1e-6;
        let week = weeks.get(i as usize).filter(|_| on_a_week);
        week.map_or(String::new(), |(monday, _)| {
            monday.format("%m/%d").to_string()
        })
    };
    let shown = quiet_plot(("book-weeks", book))
        .x_axis_formatter(move |mark, _| week_label(mark.value))
        .y_axis_formatter(|mark, _| whole(mark.value).map_or(String::new(), |h| format!("{h}h")))
        .y_grid_spacer(uniform_grid_spacer(about_five_steps))
        .include_y(0.0)
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(cx.pick("学習時間", "Study time"), bars)
                    .color(colour)
                    .width(0.7),
            )
        });
    // A screen reader (and a test) reads the chart as its figures.
    let studied = pace.weeks.iter().filter(|(_, m)| *m > 0);
    let words: Vec<String> = studied
        .map(|(monday, m)| format!("{}: {}", monday.format("%m/%d"), hours_and_minutes(*m)))
        .collect();
    let name = format!(
        "{}: {}",
        cx.pick("週ごとの学習時間", "Study time per week"),
        words.join(", ")
    );
    described(&shown.response, name);
}

fn described(response: &egui::Response, name: String) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, &name));
}

/// Chapters finished by each day, as a rising step line.
fn finished_ui(ui: &mut Ui, cx: &ViewCtx, book: BookId, pace: &BookPace) {
    ui.label(RichText::new(cx.pick("終えた章の数", "Chapters finished")).strong());
    if pace.finished.is_empty() {
        ui.weak(cx.pick(
            "終えた章はまだありません（章の右クリックで「完了」にできます）。",
            "No chapter finished yet (right-click a chapter to mark it done).",
        ));
        return;
    }
    let day = |d: &NaiveDate| f64::from(d.num_days_from_ce());
    let points: Vec<[f64; 2]> = pace
        .finished
        .iter()
        .map(|(date, count)| [day(date), *count as f64])
        .collect();
    let colour = ui.visuals().hyperlink_color;
    let name = cx.pick("終えた章", "Chapters finished");
    let shown = quiet_plot(("book-chapters", book))
        .x_axis_formatter(|mark, _| {
            date_of(mark.value).map_or(String::new(), |d| d.format("%m/%d").to_string())
        })
        .label_formatter(move |hover| hover_text(name, hover))
        .y_axis_formatter(|mark, _| whole(mark.value).map_or(String::new(), |n| n.to_string()))
        .y_grid_spacer(uniform_grid_spacer(about_five_steps))
        .include_y(0.0)
        .include_y(pace.total as f64)
        .show(ui, |plot| {
            plot.line(
                Line::new(name, PlotPoints::from(points.clone()))
                    .color(colour)
                    .width(2.0),
            );
            plot.points(
                Points::new(name, PlotPoints::from(points))
                    .color(colour)
                    .radius(4.0),
            );
        });
    let words: Vec<String> = pace
        .finished
        .iter()
        .map(|(d, n)| format!("{d}: {n}"))
        .collect();
    described(&shown.response, format!("{name}: {}", words.join(", ")));
}

/// Grid steps of 1, 2 or 5 times a power of ten, about five labelled lines
/// to the axis (egui_plot's own spacer knows only powers of ten, which at
/// this height leaves a 0–8 h axis with a lone "0").
fn about_five_steps(input: GridInput) -> [f64; 3] {
    let rough = ((input.bounds.1 - input.bounds.0) / 5.0).max(1.0);
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    [step / 2.0, step, step * 5.0]
}

/// A whole number, for an axis that counts (no "2.5 chapters").
fn whole(value: f64) -> Option<i64> {
    (value.fract().abs() < 1e-9).then_some(value as i64)
}

fn date_of(x: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

fn hover_text(name: &str, hover: &egui_plot::HoverPosition<'_>) -> Option<String> {
    let egui_plot::HoverPosition::NearDataPoint { position, .. } = hover else {
        return None;
    };
    Some(format!("{}\n{name}: {}", date_of(position.x)?, position.y))
}
