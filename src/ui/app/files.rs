//! Files behind the app's commands: opening journals, the file dialogs'
//! answers, Markdown import and export.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::markdown::{self, ImportOptions};
use crate::model::{Edit, Journal};
use crate::session::Document;
use crate::store::{self, LoadError};

use super::super::action::View;
use super::super::banner::Message;
use super::super::dialogs::{DialogMode, FileKind, FileRequest};
use super::super::i18n::UiLanguage;
use super::{ExportWhat, Guarded, Purpose, Start, StudylogApp, today};

impl StudylogApp {
    /// Open what the app was started on; the bundled sample when that fails.
    pub(super) fn start(&mut self, start: Start) {
        match start {
            Start::Default => match self.settings.last_journal().map(Path::to_owned) {
                Some(path) => self.open_or_sample(&path, true),
                None => self.open_sample(),
            },
            Start::Open(path) => self.open_or_sample(&path, false),
            Start::Import(path) => {
                let title = store::journal_name(&path);
                let journal = Journal::new(title, self.language().into());
                self.replace_document(Document::untitled(journal));
                self.import_markdown(&path);
            }
            Start::Journal(journal) => self.replace_document(Document::untitled(*journal)),
        }
    }

    /// Open `path`, or the sample if it cannot be opened. A last journal
    /// that was deleted or moved since (`quiet_if_missing`) is not an error
    /// worth a message at start.
    fn open_or_sample(&mut self, path: &Path, quiet_if_missing: bool) {
        match store::load(path) {
            Ok(journal) => self.opened(journal, path),
            Err(e) => {
                if !(quiet_if_missing && e.is_missing()) {
                    self.messages.push(Message::error(e.to_string()));
                }
                self.open_sample();
            }
        }
    }

    fn open_sample(&mut self) {
        let sample = store::parse_journal(
            Path::new("sample.studylog.ron"),
            crate::assets::SAMPLE_JOURNAL,
        );
        match sample {
            Ok(journal) => self.replace_document(Document::untitled(journal)),
            Err(e) => self.messages.push(Message::error(e.to_string())),
        }
    }

    /// Open a journal file. On failure the current journal stays open and the
    /// error is shown; returns whether it opened.
    pub(super) fn open_path(&mut self, path: &Path) -> bool {
        match store::load(path) {
            Ok(journal) => {
                self.opened(journal, path);
                true
            }
            Err(e) => {
                self.report(&e);
                false
            }
        }
    }

    pub(super) fn opened(&mut self, journal: Journal, path: &Path) {
        self.replace_document(Document::opened(journal, path.to_owned()));
        self.settings.remember(path);
    }

    fn report(&mut self, error: &LoadError) {
        self.messages.push(Message::error(error.to_string()));
    }

    // ----- dialogs -----

    pub(super) fn ask(
        &mut self,
        purpose: Purpose,
        mode: DialogMode,
        kind: FileKind,
        file_name: Option<String>,
    ) {
        let lang = self.language();
        let title = match &purpose {
            Purpose::Open => lang.pick("学習ログを開く", "Open a journal"),
            Purpose::SaveAs { .. } => lang.pick("学習ログを保存", "Save the journal"),
            Purpose::Import => lang.pick("Markdown を取り込む", "Import Markdown"),
            Purpose::Export(_) => lang.pick("Markdown に書き出す", "Export Markdown"),
        }
        .to_owned();
        let request = FileRequest {
            purpose,
            mode,
            kind,
            title,
            file_name,
        };
        self.dialogs.ask(request, &self.ctx);
    }

    pub(super) fn ask_save_as(&mut self, then: Option<Guarded>) {
        let name = format!("{}.{}", self.name(), store::EXTENSION);
        self.ask(
            Purpose::SaveAs { then },
            DialogMode::Save,
            FileKind::Journal,
            Some(name),
        );
    }

    pub(super) fn ask_import(&mut self) {
        self.ask(Purpose::Import, DialogMode::Open, FileKind::Markdown, None);
    }

    pub(super) fn ask_export(&mut self, what: ExportWhat) {
        let base = self.name();
        let name = match what {
            ExportWhat::Day(date) => format!("{date}.md"),
            ExportWhat::Book(book) => {
                let title = self
                    .journal()
                    .book(book)
                    .map_or("book", |b| b.title.as_str());
                format!("{}.md", title.replace(['/', '\\'], "_"))
            }
            ExportWhat::Journal => format!("{base}.md"),
        };
        self.ask(
            Purpose::Export(what),
            DialogMode::Save,
            FileKind::Markdown,
            Some(name),
        );
    }

    pub(super) fn answered(&mut self, purpose: Purpose, path: PathBuf) {
        match purpose {
            Purpose::Open => {
                self.open_path(&path);
            }
            Purpose::SaveAs { then } => {
                let path = with_journal_extension(path);
                let expect = self.session.expected_at(&path);
                self.start_save(path, expect, then)
            }
            Purpose::Import => self.import_markdown(&path),
            Purpose::Export(what) => self.export(what, &path),
        }
    }

    // ----- Markdown -----

    pub(super) fn import_markdown(&mut self, path: &Path) {
        let text = match store::read_text(path) {
            Ok(text) => text,
            Err(e) => return self.messages.push(Message::error(e.to_string())),
        };
        let options = ImportOptions {
            default_year: markdown::year_in_file_name(path).unwrap_or_else(|| today().year()),
            replace: false,
        };
        let mut journal = self.journal().clone();
        let report = markdown::import(&mut journal, &text, &options);
        self.edit(Edit::Replace(Box::new(journal)));
        if let Some(first) = report.added.first() {
            self.show(View::Day(*first));
        }
        let lang = self.language();
        let mut text = match lang {
            UiLanguage::Japanese => format!(
                "{}: {} 日分を取り込みました。",
                path.display(),
                report.added.len()
            ),
            UiLanguage::English => {
                format!("{}: imported {} days.", path.display(), report.added.len())
            }
        };
        if !report.kept.is_empty() {
            let dates: Vec<String> = report.kept.iter().map(NaiveDate::to_string).collect();
            text.push_str(&match lang {
                UiLanguage::Japanese => {
                    format!(" すでにある日は元のまま残しました: {}", dates.join(", "))
                }
                UiLanguage::English => format!(
                    " Days already in the journal were kept as they were: {}",
                    dates.join(", ")
                ),
            });
        }
        self.messages.push(Message::info(text));
    }

    pub(super) fn export(&mut self, what: ExportWhat, path: &Path) {
        let journal = self.journal();
        let text = match what {
            ExportWhat::Day(date) => markdown::export_day(journal, date),
            ExportWhat::Book(book) => markdown::export_book(journal, book),
            ExportWhat::Journal => Some(markdown::export_journal(journal)),
        };
        let Some(text) = text else {
            return;
        };
        let lang = self.language();
        match store::write_text_file(path, &text) {
            Ok(()) => self.messages.push(Message::info(match lang {
                UiLanguage::Japanese => format!("{} に書き出しました。", path.display()),
                UiLanguage::English => format!("Exported to {}.", path.display()),
            })),
            Err(e) => self.messages.push(Message::error(e.to_string())),
        }
    }
}

/// A name typed in a save dialog without the journal extension gets it.
fn with_journal_extension(path: PathBuf) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.ends_with(".ron") {
        path
    } else {
        path.with_file_name(format!("{name}.{}", store::EXTENSION))
    }
}
