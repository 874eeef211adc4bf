//! The Week view, 週の振り返り: one ISO week gathered (days studied, time,
//! books and chapters, lines learned, questions opened and answered, 次やること
//! left open, cards reviewed) as the Markdown `studylog summary --week`
//! prints, rendered, with the week before and after a click away and a
//! button that copies the Markdown (for a blog post or a weekly note).
//!
//! The view owns its state: the Markdown worked out for the journal's last
//! revision and the week shown.

use chrono::{Days, NaiveDate};
use egui::{Id, Ui};

use crate::model::pace::monday_of;
use crate::model::summary::{summarize, summary_markdown, week_of};

use super::action::{Action, View, ViewCtx};
use super::i18n::UiLanguage;
use super::markdown_view::markdown_ui;

/// The week's Markdown for one revision of the journal.
#[derive(Default)]
pub struct WeekView {
    worked: Option<((NaiveDate, u64, UiLanguage), String)>,
}

impl WeekView {
    fn markdown(&mut self, cx: &ViewCtx, monday: NaiveDate, revision: u64) -> &str {
        let key = (monday, revision, cx.lang);
        if self.worked.as_ref().is_none_or(|(k, _)| *k != key) {
            let range = monday..=monday + Days::new(6);
            let summary = summarize(cx.journal, &range);
            let language = match cx.lang {
                UiLanguage::Japanese => crate::model::Language::Ja,
                UiLanguage::English => crate::model::Language::En,
            };
            self.worked = Some((key, summary_markdown(&summary, &range, language)));
        }
        self.worked.as_ref().map_or("", |(_, text)| text)
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &ViewCtx,
        date: NaiveDate,
        revision: u64,
        actions: &mut Vec<Action>,
    ) {
        let monday = monday_of(date);
        ui.horizontal(|ui| {
            if ui.button(cx.pick("◀ 前の週", "◀ Previous Week")).clicked() {
                actions.push(Action::Show(View::Week(monday - Days::new(7))));
            }
            ui.strong(week_of(monday));
            if ui.button(cx.pick("次の週 ▶", "Next Week ▶")).clicked() {
                actions.push(Action::Show(View::Week(monday + Days::new(7))));
            }
            if ui.button(cx.pick("今週", "This Week")).clicked() {
                actions.push(Action::Show(View::Week(monday_of(cx.today))));
            }
        });
        let text = self.markdown(cx, monday, revision).to_owned();
        if ui
            .button(cx.pick("Markdown をコピー", "Copy as Markdown"))
            .on_hover_text(cx.pick(
                "ブログや週のノートに貼り付けられます",
                "Paste it into a blog post or a weekly note",
            ))
            .clicked()
        {
            ui.ctx().copy_text(text.clone());
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                markdown_ui(ui, Id::unique(("week", monday)), &text);
            });
    }
}
