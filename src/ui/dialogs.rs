//! Native file dialogs, behind a trait so tests can answer them.
//!
//! A dialog must never freeze the window, so [`NativeDialogs`] builds rfd's
//! async dialog on the UI thread (attached to the window, so it stays on top
//! of it), runs it on a worker thread and hands the answer back through a
//! channel; the app polls for it each frame. Tests use [`ScriptedDialogs`],
//! which answers from a list at once and never touches the desktop.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

/// What kind of file a dialog is for; sets its filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Journal,
    Markdown,
    Picture,
}

/// Whether the user picks an existing file or names a file to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogMode {
    Open,
    Save,
}

/// A question for the user. `purpose` is the app's own tag, returned with the
/// answer so the app knows what to do with the path.
#[derive(Clone, Debug, PartialEq)]
pub struct FileRequest<P> {
    pub purpose: P,
    pub mode: DialogMode,
    pub kind: FileKind,
    pub title: String,
    /// The filter's name, in the UI language ("学習ログ", "Markdown").
    pub filter_name: String,
    pub file_name: Option<String>,
    /// The folder the dialog starts in (the journal's, or Documents).
    pub folder: Option<PathBuf>,
}

/// Something that can ask the user for a file without blocking the frame.
pub trait FileDialogs<P> {
    /// Start asking, over the window `parent`. Ignored if a dialog is already open.
    fn ask(&mut self, request: FileRequest<P>, ctx: &egui::Context, parent: &eframe::Frame);
    /// The answer to the request asked earlier, once there is one: the
    /// request's purpose, and the path (None if the user cancelled).
    fn poll(&mut self) -> Option<(P, Option<PathBuf>)>;
}

/// The desktop's own dialogs (XDG portal, zenity, GTK, macOS, Windows) via rfd.
pub struct NativeDialogs<P> {
    sender: Sender<(P, Option<PathBuf>)>,
    receiver: Receiver<(P, Option<PathBuf>)>,
    open: bool,
}

impl<P> Default for NativeDialogs<P> {
    fn default() -> Self {
        let (sender, receiver) = channel();
        NativeDialogs {
            sender,
            receiver,
            open: false,
        }
    }
}

impl<P: Send + 'static> FileDialogs<P> for NativeDialogs<P> {
    fn ask(&mut self, request: FileRequest<P>, ctx: &egui::Context, parent: &eframe::Frame) {
        if self.open {
            return;
        }
        self.open = true;
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let dialog = build_dialog(&request).set_parent(parent);
        let (purpose, mode) = (request.purpose, request.mode);
        std::thread::spawn(move || {
            let path = pollster::block_on(async {
                let handle = match mode {
                    DialogMode::Open => dialog.pick_file().await,
                    DialogMode::Save => dialog.save_file().await,
                };
                handle.map(|h| h.path().to_owned())
            });
            // The app may be gone by now; then nobody needs the answer.
            let _ = sender.send((purpose, path));
            ctx.request_repaint();
        });
    }

    fn poll(&mut self) -> Option<(P, Option<PathBuf>)> {
        let answer = self.receiver.try_recv().ok()?;
        self.open = false;
        Some(answer)
    }
}

/// The dialog for `request`, with its title, filter and suggested name.
fn build_dialog<P>(request: &FileRequest<P>) -> rfd::AsyncFileDialog {
    let extensions: &[&str] = match request.kind {
        FileKind::Journal => &["ron"],
        FileKind::Markdown => &["md", "markdown", "txt"],
        FileKind::Picture => &super::pictures::PICTURE_EXTENSIONS,
    };
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_title(&request.title)
        .add_filter(&request.filter_name, extensions);
    if let Some(file_name) = &request.file_name {
        dialog = dialog.set_file_name(file_name);
    }
    if let Some(folder) = &request.folder {
        dialog = dialog.set_directory(folder);
    }
    dialog
}

/// Dialogs answered from a script, for tests: each request takes the next
/// queued answer (a path, or None for Cancel). Clones share one script, so a
/// test keeps a clone to queue answers and read what was asked.
pub struct ScriptedDialogs<P> {
    script: Arc<Mutex<Script<P>>>,
}

struct Script<P> {
    answers: VecDeque<Option<PathBuf>>,
    pending: Option<(P, Option<PathBuf>)>,
    asked: Vec<FileRequest<P>>,
}

impl<P> Clone for ScriptedDialogs<P> {
    fn clone(&self) -> Self {
        ScriptedDialogs {
            script: Arc::clone(&self.script),
        }
    }
}

impl<P: Clone> Default for ScriptedDialogs<P> {
    fn default() -> Self {
        ScriptedDialogs {
            script: Arc::new(Mutex::new(Script {
                answers: VecDeque::new(),
                pending: None,
                asked: Vec::new(),
            })),
        }
    }
}

impl<P: Clone> ScriptedDialogs<P> {
    /// Queue the answer to the next dialog: a path, or None for Cancel.
    pub fn answer(&self, path: Option<PathBuf>) {
        self.lock().answers.push_back(path);
    }

    /// Every request made so far, oldest first.
    pub fn asked(&self) -> Vec<FileRequest<P>> {
        self.lock().asked.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Script<P>> {
        // A test that panicked while holding the lock has failed anyway.
        self.script
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl<P: Clone> FileDialogs<P> for ScriptedDialogs<P> {
    fn ask(&mut self, request: FileRequest<P>, ctx: &egui::Context, _parent: &eframe::Frame) {
        let mut script = self.lock();
        if script.pending.is_some() {
            return;
        }
        let answer = script.answers.pop_front().flatten();
        script.pending = Some((request.purpose.clone(), answer));
        script.asked.push(request);
        ctx.request_repaint();
    }

    fn poll(&mut self) -> Option<(P, Option<PathBuf>)> {
        self.lock().pending.take()
    }
}
