//! Files behind the app's commands: opening journals, the file dialogs'
//! answers, Markdown export (import is in `importing`).

use std::path::{Path, PathBuf};

use crate::markdown;
use crate::model::Journal;
use crate::session::files::{self as disk, LoadError};
use crate::session::{Document, FirstLook, Preload, Read};

use super::super::action::{Action, View};
use super::super::banner::{Message, Work, end_work};
use super::super::command::Command;
use super::super::dialogs::{DialogMode, FileKind, FileRequest};
use super::super::i18n::UiLanguage;
use super::super::views::Views;
use super::{ExportWhat, Guarded, Purpose, ReadAhead, ReadFor, Start, StudylogApp, today};

impl StudylogApp {
    /// Open what the app was started on; the bundled sample when that fails.
    pub(super) fn start(&mut self, start: Start) {
        match start {
            Start::Default => match self.settings.last_journal().map(Path::to_owned) {
                Some(path) => self.open_or_sample(&path, Document::load(&path), true),
                None => self.open_sample(),
            },
            Start::Open(path) => self.open_or_sample(&path, Document::load(&path), false),
            Start::Import(path) => {
                let title = disk::journal_name(&path);
                let journal = Journal::new(title, self.language().into());
                self.replace_document(Document::untitled(journal));
                self.import_markdown(&path);
            }
            Start::Journal(journal) => self.replace_document(Document::untitled(*journal)),
            Start::Preloaded(read) => match read.preload.first_look() {
                FirstLook::Whole(whole) => self.preloaded(&read, whole),
                FirstLook::Preview(preview) => self.show_preview(preview, read),
            },
        }
    }

    /// Show a big journal's preview while the rest of it is parsed. It is
    /// not edited: the window holds input back until the whole journal is
    /// in (see `raw_input_hook`), and then opens that instead.
    fn show_preview(&mut self, preview: Journal, read: Box<ReadAhead>) {
        let latest = preview.days.keys().next_back().copied();
        let path = read.preload.path().to_owned();
        self.session.replace(Document::opened(preview, path));
        // Another document: its states are numbered afresh, so what views
        // kept for the one before must not be taken for its own.
        self.views = Views::default();
        self.show(View::Day(latest.unwrap_or_else(today)));
        self.read_on(read);
    }

    /// Go on reading a journal on its worker; the window is woken when it
    /// is in, and holds input back meanwhile (see `raw_input_hook`).
    fn read_on(&mut self, read: Box<ReadAhead>) {
        let ctx = self.ctx.clone();
        let wake = std::sync::Arc::new(move || ctx.request_repaint());
        read.preload.wake_with(wake);
        self.loading = Some(read);
    }

    /// Once the whole journal being previewed is in: open it, and let the
    /// input held meanwhile through.
    pub(super) fn finish_loading(&mut self) {
        if let Some(read) = &self.loading {
            // This frame, with the preview, is painted once laid out.
            read.preload.preview_painted();
        }
        let Some(whole) = self.loading.as_ref().and_then(|r| r.preload.try_whole()) else {
            return;
        };
        if let Some(read) = self.loading.take() {
            self.preloaded(&read, whole);
            crate::startup::phase("whole journal in, preview replaced");
            self.ctx.request_repaint();
        }
    }

    /// Open a journal read ahead; if it could not be read, the sample (at
    /// start) or the journal open now (File ▸ Open) stays, with the error.
    pub(super) fn preloaded(&mut self, read: &ReadAhead, whole: Result<Read, LoadError>) {
        let path = read.preload.path();
        let loaded =
            whole.map(|Read { journal, stamp }| Document::read_at(journal, path.to_owned(), stamp));
        end_work(&mut self.messages, &Work::ReadingJournal(path.to_owned()));
        match (read.reading_for, loaded) {
            (ReadFor::Start { last_used }, loaded) => self.open_or_sample(path, loaded, last_used),
            (ReadFor::Open, Ok(doc)) => self.open_document(doc, path),
            (ReadFor::Open, Err(e)) => {
                if !self.notice_git_markers(path) {
                    self.report(&e);
                }
            }
            (ReadFor::Reload { changed_elsewhere }, Ok(doc)) => {
                self.reloaded(doc, path, changed_elsewhere)
            }
            (ReadFor::Reload { .. }, Err(e)) => self.messages.push(Message::error(e.to_string())),
        }
    }

    /// Open the journal read from `path`, or the sample if it could not be
    /// read. A last journal that was deleted or moved since
    /// (`quiet_if_missing`) is not an error worth a message at start.
    fn open_or_sample(
        &mut self,
        path: &Path,
        loaded: Result<Document, LoadError>,
        quiet_if_missing: bool,
    ) {
        match loaded {
            Ok(doc) => self.open_document(doc, path),
            Err(e) => {
                // The sample first: opening a journal clears the messages
                // of the one before, and this one is about the file asked for.
                self.open_sample();
                let quiet = quiet_if_missing && e.is_missing();
                if !quiet && !self.notice_git_markers(path) {
                    self.messages.push(Message::error(e.to_string()));
                }
            }
        }
    }

    fn open_sample(&mut self) {
        let sample = disk::parse_journal(
            Path::new("sample.studylog.ron"),
            crate::assets::SAMPLE_JOURNAL,
        );
        match sample {
            Ok(journal) => {
                self.replace_document(Document::untitled(journal));
                self.messages.push(sample_notice(self.language()));
            }
            Err(e) => self.messages.push(Message::error(e.to_string())),
        }
    }

    /// Open a journal file, read on a worker: the journal open now stays
    /// on screen until it is in, and stays open if it cannot be read (the
    /// error is shown).
    pub(super) fn open_path(&mut self, path: &Path) {
        self.read_journal(path, ReadFor::Open);
    }

    /// Read the journal at `path` on a worker, for `reading_for`; the
    /// banner says so until it is in.
    pub(super) fn read_journal(&mut self, path: &Path, reading_for: ReadFor) {
        let first_looks = self.session.first_looks().map(Path::to_owned);
        let preload = Preload::spawn_whole(path.to_owned(), first_looks);
        self.read_on(Box::new(ReadAhead {
            preload,
            reading_for,
        }));
        let notice = self.opening_notice(path);
        let work = Work::ReadingJournal(path.to_owned());
        self.messages.push(Message::working(work, notice));
    }

    /// What the banner says while a journal is read from the menu.
    fn opening_notice(&self, path: &Path) -> String {
        let name = path.display();
        match self.language() {
            UiLanguage::Japanese => format!("{name} を読んでいます…"),
            UiLanguage::English => format!("Reading {name}…"),
        }
    }

    /// Make `doc`, read from `path`, the open journal.
    pub(super) fn open_document(&mut self, doc: Document, path: &Path) {
        self.replace_document(doc);
        self.settings.remember(path);
        self.notice_conflict_copies();
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
            Purpose::InsertPicture(_) => {
                lang.pick("ノートに入れる画像", "Put a picture in the note")
            }
        }
        .to_owned();
        let filter_name = match kind {
            FileKind::Journal => lang.pick("studylog の学習ログ", "studylog journal"),
            FileKind::Markdown => "Markdown",
            FileKind::Picture => lang.pick("画像", "Pictures"),
        }
        .to_owned();
        let folder = disk::dialog_folder(self.session.doc().path());
        let request = FileRequest {
            purpose,
            mode,
            kind,
            title,
            filter_name,
            file_name,
            folder,
        };
        // Asked at the end of the frame, where the window is at hand to
        // attach the dialog to.
        self.window.dialog = Some(request);
    }

    pub(super) fn ask_save_as(&mut self, then: Option<Guarded>) {
        let name = format!("{}.{}", self.name(), disk::EXTENSION);
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
            Purpose::Import => self.preview_import(&[path]),
            Purpose::Export(what) => self.export(what, &path),
            Purpose::InsertPicture(place) => self.add_picture_files(place, vec![path]),
        }
    }

    /// Files dropped on the window: Markdown logs (or folders of them) are
    /// imported through the preview, a journal is opened (asking first about
    /// unsaved changes).
    pub(super) fn dropped_files(&mut self) {
        let dropped: Vec<PathBuf> = self.ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        // Pictures go to the note they are dropped on (see `frame_ui`).
        let dropped: Vec<PathBuf> = dropped
            .into_iter()
            .filter(|p| !crate::ui::pictures::is_picture_file(p))
            .collect();
        if dropped.is_empty() {
            return;
        }
        let (journals, logs): (Vec<PathBuf>, Vec<PathBuf>) = dropped
            .into_iter()
            .partition(|p| p.to_string_lossy().ends_with(".ron"));
        if !logs.is_empty() {
            self.preview_import(&logs);
        } else if let Some(journal) = journals.into_iter().next() {
            self.guard(Guarded::OpenPath(journal));
        }
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
        let journal = self.session.doc().path().map(Path::to_owned);
        self.session
            .errands()
            .export(path.to_owned(), text, journal);
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
        path.with_file_name(format!("{name}.{}", disk::EXTENSION))
    }
}

/// What the bundled sample is, with a button to start one's own journal.
fn sample_notice(lang: UiLanguage) -> Message {
    let text = lang.pick(
        "これは見本の学習ログです。自由に触ってみてください（保存しない限りどこにも書き込みません）。自分の記録は「ファイル」→「新規」かこのボタンで始められます。",
        "This is a sample journal: try anything (nothing is written unless you save it). Start your own with File → New, or this button.",
    );
    let new = lang
        .pick("自分の学習ログを始める", "Start my own journal")
        .to_owned();
    Message::info(text).with_action(new, Action::Run(Command::New))
}
