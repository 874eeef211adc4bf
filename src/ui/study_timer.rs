//! The study row of the side panel: the timer (start, and while it runs its
//! time, Stop and Discard) and today's study time against the daily goal.
//! Stopping writes the time as a 取り組んだこと line of today; every change
//! is an edit of the journal, so Undo takes it back and a save keeps a
//! running timer's start (a crash loses nothing).

use chrono::{DateTime, Utc};
use egui::{DragValue, ProgressBar, Ui};

use crate::model::study_plan::{StudyTimer, minutes_run, timer_line};
use crate::model::study_time::{day_time, hours_and_minutes};
use crate::model::{BookId, Edit, Journal};

use super::action::{Action, ViewCtx};
use super::banner::Message;
use super::i18n::UiLanguage;

/// The timer and today's time. `book`: what a timer started now is for.
pub fn study_row_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    now: DateTime<Utc>,
    book: Option<BookId>,
    actions: &mut Vec<Action>,
) {
    match cx.journal.study.timer {
        Some(timer) => running_ui(ui, cx, &timer, now, actions),
        None => {
            let title = book
                .and_then(|b| cx.journal.book(b))
                .map(|b| b.title.as_str());
            let hint = match title {
                Some(title) => format!("{} {title}", cx.pick("計測する本:", "Timing:")),
                None => cx
                    .pick(
                        "本を開いていると、その本の時間になります",
                        "Open a book to time it",
                    )
                    .to_owned(),
            };
            let start = ui
                .button(cx.pick("▶ タイマー開始", "▶ Start Timer"))
                .on_hover_text(hint);
            if start.clicked() {
                actions.push(Action::Edit(Edit::StartTimer(StudyTimer {
                    started: now,
                    book,
                })));
            }
        }
    }
    goal_ui(ui, cx, actions);
}

fn running_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    timer: &StudyTimer,
    now: DateTime<Utc>,
    actions: &mut Vec<Action>,
) {
    let seconds = (now - timer.started).num_seconds().max(0);
    let what = timer
        .book
        .and_then(|b| cx.journal.book(b))
        .map_or("", |b| b.title.as_str());
    ui.scope(|ui| {
        ui.label(format!(
            "{} {}:{:02}:{:02}",
            cx.pick("タイマー", "Timer"),
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        ))
        .on_hover_text(
            timer
                .started
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        );
        if ui
            .button(cx.pick("■ 停止して記録", "■ Stop and Record"))
            .clicked()
        {
            let general = cx.pick("学習", "Study");
            let line = timer_line(cx.journal, timer, now, general);
            actions.push(Action::Edit(Edit::StopTimer {
                date: cx.today,
                line: Some(line),
            }));
        }
        if ui.small_button(cx.pick("破棄", "Discard")).clicked() {
            actions.push(Action::Edit(Edit::StopTimer {
                date: cx.today,
                line: None,
            }));
        }
    });
    if !what.is_empty() {
        ui.weak(what);
    }
    // The clock moves: one frame a second, only while a timer runs.
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_secs(1));
}

/// Today's time against the goal, and the goal to set.
fn goal_ui(ui: &mut Ui, cx: &ViewCtx, actions: &mut Vec<Action>) {
    let today = cx
        .journal
        .days
        .get(&cx.today)
        .map_or(0, |day| day_time(cx.journal, day).minutes);
    let goal = cx.journal.study.daily_goal;
    ui.scope(|ui| {
        if let Some(goal) = goal {
            let text = format!(
                "{} {} / {}",
                cx.pick("今日", "Today"),
                hours_and_minutes(today),
                hours_and_minutes(goal)
            );
            let done = today as f32 / goal.max(1) as f32;
            ui.add(
                ProgressBar::new(done.min(1.0))
                    .text(text)
                    .desired_width(170.0),
            );
        } else if today > 0 {
            ui.label(format!(
                "{} {}",
                cx.pick("今日", "Today"),
                hours_and_minutes(today)
            ));
        }
        ui.menu_button(cx.pick("目標…", "Goal…"), |ui| {
            let mut minutes = goal.unwrap_or(0);
            ui.label(cx.pick(
                "1 日の目標（分、0 で目標なし）",
                "Daily goal (minutes, 0 for none)",
            ));
            let field = ui.add(
                DragValue::new(&mut minutes)
                    .range(0..=1440)
                    .speed(5)
                    .suffix(cx.pick(" 分", " min")),
            );
            if field.changed() {
                actions.push(Action::Edit(Edit::SetDailyGoal(
                    (minutes > 0).then_some(minutes),
                )));
            }
        });
    });
}

/// On opening a journal whose timer still runs (the app was closed or
/// crashed meanwhile): the question, with Discard beside it; Stop and
/// Record is on the study row, where the time keeps counting.
pub fn running_timer_notice(
    journal: &Journal,
    lang: UiLanguage,
    now: DateTime<Utc>,
) -> Option<Message> {
    let timer = journal.study.timer?;
    let since = timer
        .started
        .with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M");
    let run = hours_and_minutes(minutes_run(&timer, now));
    let text = match lang {
        UiLanguage::Japanese => format!(
            "学習タイマーが {since} から動いています（{run}）。記録するなら左の「停止して記録」を、不要なら破棄してください。"
        ),
        UiLanguage::English => format!(
            "A study timer has been running since {since} ({run}). Record it with Stop and Record on the left, or discard it."
        ),
    };
    let discard = Action::Edit(Edit::StopTimer {
        date: chrono::Local::now().date_naive(),
        line: None,
    });
    Some(Message::info(text).with_action(
        lang.pick("タイマーを破棄", "Discard Timer").to_owned(),
        discard,
    ))
}
