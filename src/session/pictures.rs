//! Pictures for the window: where a note's link points (inside the
//! journal's folder), and a loader that decodes pictures on one worker
//! thread at the width they are drawn, so a day with twenty screenshots
//! opens without a long frame and keeps only the pixels it shows. The
//! worker starts with the first picture asked for, never before the first
//! frame.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use chrono::NaiveDate;

use super::background::Waker;
use crate::model::Address;
use crate::store::{self, Decoded, PictureError};

/// The longest side of a decoded picture, and so of any texture the
/// window makes (see [`store::MAX_DRAWN_SIDE`]).
pub const MAX_TEXTURE_SIDE: usize = store::MAX_DRAWN_SIDE as usize;

/// One decoded size of one picture: its file and the width asked for.
pub type PictureKey = (PathBuf, u32);

/// Where a picture being added goes: a notes field of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PicturePlace {
    pub date: NaiveDate,
    pub at: Address,
}

/// A picture to add to the journal's folder.
pub enum PictureSource {
    /// A file chosen or dropped.
    File(PathBuf),
    /// Pixels pasted from the clipboard (RGBA, width × height).
    Pixels { size: [usize; 2], rgba: Vec<u8> },
}

/// The file a link in a note names, for the journal saved at `journal`.
pub fn picture_path(journal: Option<&Path>, target: &str) -> Result<PathBuf, PictureError> {
    let dir = journal
        .and_then(Path::parent)
        .ok_or(PictureError::Untitled)?;
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    store::resolve_picture(dir, target)
}

type Decodes = (PictureKey, Result<Decoded, PictureError>);

/// Decodes pictures on a worker, one at a time, in the order asked.
pub struct PictureLoader {
    waker: Waker,
    worker: Option<(Sender<PictureKey>, Receiver<Decodes>)>,
}

impl PictureLoader {
    pub fn new(waker: Waker) -> Self {
        PictureLoader {
            waker,
            worker: None,
        }
    }

    /// Decode `key`'s picture no wider than its width; the result comes from `poll`.
    pub fn request(&mut self, key: PictureKey) {
        let (requests, _) = self.worker.get_or_insert_with(|| start(self.waker.clone()));
        let _ = requests.send(key);
    }

    /// The pictures decoded since the last call.
    pub fn poll(&self) -> Vec<Decodes> {
        self.worker
            .as_ref()
            .map(|(_, results)| results.try_iter().collect())
            .unwrap_or_default()
    }

    /// Wait for the next decoded picture (tests).
    pub fn wait(&self) -> Option<Decodes> {
        self.worker
            .as_ref()
            .and_then(|(_, results)| results.recv().ok())
    }
}

fn start(waker: Waker) -> (Sender<PictureKey>, Receiver<Decodes>) {
    let (requests, asked) = channel::<PictureKey>();
    let (send, results) = channel();
    std::thread::Builder::new()
        .name("pictures".into())
        .spawn(move || {
            for key in asked {
                let decoded = store::decode_picture(&key.0, key.1);
                if send.send((key, decoded)).is_err() {
                    break;
                }
                waker();
            }
        })
        .expect("a thread for pictures");
    (requests, results)
}
