//! What an import found, shown before anything changes: the days and their
//! range, the sections recognised, what is kept as written, warnings, and the
//! logs refused and why; then Import or Cancel.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use egui::{Id, Modal, RichText, Ui};

use crate::markdown::ImportReport;
use crate::model::{Journal, Section};
use crate::session::Imported;

use super::i18n::UiLanguage;

/// An import read into a copy of the journal, waiting for the user's word.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// The journal as it would be after the import.
    pub journal: Journal,
    /// What each log brought, the logs refused and the folders skipped.
    pub imported: Imported,
}

impl ImportPreview {
    /// The dates one kind of report lists, over all logs.
    fn dates(&self, list: fn(&ImportReport) -> &Vec<NaiveDate>) -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = self
            .imported
            .logs
            .iter()
            .flat_map(|log| list(&log.report).iter().copied())
            .collect();
        dates.sort();
        dates.dedup();
        dates
    }

    /// The days the import brings (added or replaced), in date order.
    pub fn brought(&self) -> Vec<NaiveDate> {
        let mut dates = self.dates(|r| &r.added);
        dates.extend(self.dates(|r| &r.replaced));
        dates.sort();
        dates
    }

    /// Whether importing would change anything.
    pub fn brings_anything(&self) -> bool {
        self.imported.brings_anything()
    }

    /// Sections recognised, by kind, and how many.
    fn recognised(&self) -> BTreeMap<Section, usize> {
        let mut all = BTreeMap::new();
        for log in &self.imported.logs {
            for (&kind, n) in &log.report.recognised {
                *all.entry(kind).or_default() += n;
            }
        }
        all
    }
}

/// The preview; Some(true) on Import, Some(false) on Cancel.
pub fn import_preview_ui(
    ctx: &egui::Context,
    preview: &ImportPreview,
    lang: UiLanguage,
) -> Option<bool> {
    let mut answer = None;
    let modal = Modal::new(Id::unique("import-preview")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.label(RichText::new(lang.pick("Markdown を取り込む", "Import Markdown")).heading());
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                summary_ui(ui, preview, lang);
            });
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let import = egui::Button::new(lang.pick("取り込む", "Import"));
            if ui.add_enabled(preview.brings_anything(), import).clicked() {
                answer = Some(true);
            }
            if ui.button(lang.pick("キャンセル", "Cancel")).clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

fn summary_ui(ui: &mut Ui, preview: &ImportPreview, lang: UiLanguage) {
    let brought = preview.brought();
    let range = match (brought.first(), brought.last()) {
        (Some(first), Some(last)) => format!("{first} – {last}"),
        _ => String::new(),
    };
    let days = brought.len();
    ui.label(match lang {
        UiLanguage::Japanese => format!("{days} 日分の記録（{range}）"),
        UiLanguage::English => format!("{} ({range})", UiLanguage::count(days, "day", "days")),
    });
    let kept = preview.dates(|r| &r.kept).len();
    if kept > 0 {
        ui.label(match lang {
            UiLanguage::Japanese => format!("すでにある {kept} 日は元のまま残します。"),
            UiLanguage::English => format!(
                "{} already in the journal stay as they are.",
                UiLanguage::count(kept, "day", "days")
            ),
        });
    }
    let joined = preview.dates(|r| &r.joined).len();
    if joined > 0 {
        ui.label(match lang {
            UiLanguage::Japanese => {
                format!("同じ日付のログが複数ある {joined} 日は、一日にまとめます。")
            }
            UiLanguage::English => format!(
                "Logs of the same date are joined into one day: {}.",
                UiLanguage::count(joined, "date", "dates")
            ),
        });
    }
    sections_ui(ui, preview, lang);
    notes_ui(ui, preview, lang);
}

/// Warnings, conversions, logs refused and folders skipped.
fn notes_ui(ui: &mut Ui, preview: &ImportPreview, lang: UiLanguage) {
    for log in &preview.imported.logs {
        for warning in &log.report.warnings {
            let text = format!("{}: {warning}", log.path.display());
            ui.colored_label(ui.visuals().warn_fg_color, text);
        }
        if let Some(from) = log.converted_from {
            let note = lang.pick("から変換しました", "converted from");
            ui.weak(format!("{}: {note} {from}", log.path.display()));
        }
        if log.report.date_from.is_some() {
            let note = lang.pick(
                "日付はフロントマターかファイル名から",
                "dated by its front matter or file name",
            );
            ui.weak(format!("{}: {note}", log.path.display()));
        }
    }
    for reason in &preview.imported.refused {
        let refused = lang.pick("取り込めません", "refused");
        ui.colored_label(ui.visuals().error_fg_color, format!("{refused}: {reason}"));
    }
    for folder in &preview.imported.skipped {
        let skipped = lang.pick("読めないフォルダ", "folder skipped");
        ui.colored_label(ui.visuals().warn_fg_color, format!("{skipped}: {folder}"));
    }
}

fn sections_ui(ui: &mut Ui, preview: &ImportPreview, lang: UiLanguage) {
    let recognised = preview.recognised();
    if !recognised.is_empty() {
        let list: Vec<String> = recognised
            .iter()
            .map(|(&kind, n)| format!("{} {n}", kind_words(kind, lang)))
            .collect();
        let label = lang.pick("見出しを読み取った節", "Sections recognised");
        ui.label(format!("{label}: {}", list.join(", ")));
    }
    let kept_as_written: usize = preview
        .imported
        .logs
        .iter()
        .map(|l| l.report.kept_as_written)
        .sum();
    if kept_as_written > 0 {
        ui.label(match lang {
            UiLanguage::Japanese => format!(
                "そのまま残す節・文章: {kept_as_written}（書いたとおりに保存し、書き出します）"
            ),
            UiLanguage::English => format!(
                "Kept as written: {} (saved and exported exactly as they are)",
                UiLanguage::count(
                    kept_as_written,
                    "section or passage",
                    "sections or passages"
                )
            ),
        });
    }
}

/// A kind of section in the UI's words.
fn kind_words(kind: Section, lang: UiLanguage) -> &'static str {
    let (ja, en) = match kind {
        Section::WorkedOn => ("取り組んだこと", "What I worked on"),
        Section::Learned => ("学んだこと", "What I learned"),
        Section::Questions => ("わからなかったこと", "Questions"),
        Section::Next => ("次やること", "Next"),
        Section::Impressions => ("感想", "Impressions"),
    };
    lang.pick(ja, en)
}
