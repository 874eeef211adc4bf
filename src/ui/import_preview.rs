//! What an import found, shown before anything changes: the days and their
//! range, the sections recognised, what is kept as written, warnings, and the
//! logs refused and why; then Import or Cancel.

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{Id, Modal, RichText, Ui};

use crate::model::{Journal, Section};

use super::i18n::UiLanguage;

/// An import read into a copy of the journal, waiting for the user's word.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// The journal as it would be after the import.
    pub journal: Journal,
    pub added: Vec<NaiveDate>,
    pub replaced: Vec<NaiveDate>,
    pub kept: Vec<NaiveDate>,
    /// Sections recognised, by kind, and how many.
    pub recognised: std::collections::BTreeMap<Section, usize>,
    pub kept_as_written: usize,
    pub warnings: Vec<String>,
    /// Logs read, with a note (converted from Shift_JIS, dated by its name).
    pub read: Vec<(PathBuf, Option<String>)>,
    /// Logs refused, and why.
    pub refused: Vec<String>,
}

impl ImportPreview {
    /// The first and last day the import brings.
    fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let mut days = self.added.iter().chain(&self.replaced);
        let first = *days.clone().min()?;
        let last = *days.by_ref().max()?;
        Some((first, last))
    }

    /// Whether importing would change anything.
    pub fn brings_anything(&self) -> bool {
        !self.added.is_empty() || !self.replaced.is_empty()
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
    let days = preview.added.len() + preview.replaced.len();
    let range = preview
        .range()
        .map(|(first, last)| format!("{first} – {last}"))
        .unwrap_or_default();
    ui.label(match lang {
        UiLanguage::Japanese => format!("{days} 日分の記録（{range}）"),
        UiLanguage::English => format!("{} ({range})", UiLanguage::count(days, "day", "days")),
    });
    if !preview.kept.is_empty() {
        ui.label(match lang {
            UiLanguage::Japanese => {
                format!("すでにある {} 日は元のまま残します。", preview.kept.len())
            }
            UiLanguage::English => format!(
                "{} already in the journal stay as they are.",
                UiLanguage::count(preview.kept.len(), "day", "days")
            ),
        });
    }
    sections_ui(ui, preview, lang);
    for warning in &preview.warnings {
        ui.colored_label(ui.visuals().warn_fg_color, warning);
    }
    for (file, note) in preview.read.iter().filter(|(_, note)| note.is_some()) {
        let note = note.as_deref().unwrap_or_default();
        ui.weak(format!("{}: {note}", file.display()));
    }
    for reason in &preview.refused {
        let refused = lang.pick("取り込めません", "refused");
        ui.colored_label(ui.visuals().error_fg_color, format!("{refused}: {reason}"));
    }
}

fn sections_ui(ui: &mut Ui, preview: &ImportPreview, lang: UiLanguage) {
    if !preview.recognised.is_empty() {
        let list: Vec<String> = preview
            .recognised
            .iter()
            .map(|(&kind, n)| format!("{} {n}", kind_words(kind, lang)))
            .collect();
        let label = lang.pick("見出しを読み取った節", "Sections recognised");
        ui.label(format!("{label}: {}", list.join(", ")));
    }
    if preview.kept_as_written > 0 {
        ui.label(match lang {
            UiLanguage::Japanese => format!(
                "そのまま残す節・文章: {}（書いたとおりに保存し、書き出します）",
                preview.kept_as_written
            ),
            UiLanguage::English => format!(
                "Kept as written: {} (saved and exported exactly as they are)",
                UiLanguage::count(
                    preview.kept_as_written,
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
