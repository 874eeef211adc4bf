//! The pictures the window is showing, as textures at the size they are
//! drawn: asked for while a view draws (decoded on the session's picture
//! worker), uploaded when they arrive, and dropped a moment after they are
//! no longer drawn, so memory follows what is on screen, not the journal.
//!
//! Views borrow the shelf through their context; it keeps its own state
//! behind a `RefCell` so drawing a picture needs no `&mut` path through
//! every view.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui::{ColorImage, Context, TextureHandle, TextureOptions};

use crate::session::files::Decoded;
use crate::session::{PictureKey, PictureLoader, Waker, picture_path};

/// Frames a picture stays on the shelf after it was last drawn.
const KEPT_FRAMES: u64 = 120;

/// A picture in one size.
pub enum Shown {
    Loading,
    Ready {
        texture: TextureHandle,
        /// The picture's own size, in pixels.
        full: [u32; 2],
    },
    Failed(String),
}

struct Entry {
    shown: Shown,
    last_drawn: u64,
}

struct Shelf {
    loader: PictureLoader,
    journal: Option<PathBuf>,
    /// Where each link points (or why it points nowhere usable).
    resolved: HashMap<String, Result<PathBuf, String>>,
    pictures: HashMap<PictureKey, Entry>,
    /// Each decoded picture's own size, kept after its texture is let go,
    /// so a picture scrolled out of view keeps its room.
    sizes: HashMap<PathBuf, [u32; 2]>,
    frame: u64,
}

pub struct PictureShelf {
    shelf: RefCell<Shelf>,
}

impl Default for PictureShelf {
    /// A shelf nobody is woken for (the app makes its own with a waker).
    fn default() -> Self {
        PictureShelf::new(crate::session::no_waker())
    }
}

impl PictureShelf {
    pub fn new(waker: Waker) -> Self {
        PictureShelf {
            shelf: RefCell::new(Shelf {
                loader: PictureLoader::new(waker),
                journal: None,
                resolved: HashMap::new(),
                pictures: HashMap::new(),
                sizes: HashMap::new(),
                frame: 0,
            }),
        }
    }

    /// Before a frame's views: take in decoded pictures, let go of the
    /// ones not drawn lately, and follow the journal's file (links are
    /// relative to its folder). `recheck`: look for files again (the
    /// window came back into focus: pictures may have been added).
    pub fn begin_frame(&self, ctx: &Context, journal: Option<&Path>, recheck: bool) {
        let mut shelf = self.shelf.borrow_mut();
        shelf.frame += 1;
        if shelf.journal.as_deref() != journal || recheck {
            shelf.journal = journal.map(Path::to_owned);
            shelf.resolved.clear();
            shelf
                .pictures
                .retain(|_, e| matches!(e.shown, Shown::Ready { .. }));
        }
        for (key, decoded) in shelf.loader.poll() {
            if let Ok(decoded) = &decoded {
                shelf.sizes.insert(key.0.clone(), decoded.full_size);
            }
            let shown = match decoded {
                Ok(decoded) => ready(ctx, &key, decoded),
                Err(error) => Shown::Failed(error.to_string()),
            };
            if let Some(entry) = shelf.pictures.get_mut(&key) {
                entry.shown = shown;
            }
        }
        let now = shelf.frame;
        shelf
            .pictures
            .retain(|_, e| now.saturating_sub(e.last_drawn) <= KEPT_FRAMES);
    }

    /// The file `target` names, or why it cannot be shown.
    pub fn resolve(&self, target: &str) -> Result<PathBuf, String> {
        let mut shelf = self.shelf.borrow_mut();
        let journal = shelf.journal.clone();
        shelf
            .resolved
            .entry(target.to_owned())
            .or_insert_with(|| picture_path(journal.as_deref(), target).map_err(|e| e.to_string()))
            .clone()
    }

    /// `path`'s picture decoded about `width` pixels wide (asked for now if
    /// it is not yet), with `f` seeing how it is shown. While a new size
    /// loads, a size already shown stands in for it.
    pub fn with_picture<R>(&self, path: &Path, width: u32, f: impl FnOnce(&Shown) -> R) -> R {
        let mut shelf = self.shelf.borrow_mut();
        let shelf = &mut *shelf;
        let key = (path.to_owned(), width);
        let now = shelf.frame;
        if !shelf.pictures.contains_key(&key) {
            shelf.loader.request(key.clone());
            let entry = Entry {
                shown: Shown::Loading,
                last_drawn: now,
            };
            shelf.pictures.insert(key.clone(), entry);
        }
        let loading = matches!(shelf.pictures[&key].shown, Shown::Loading);
        let stand_in = loading
            .then(|| {
                shelf.pictures.iter().find(|((p, _), e)| {
                    p.as_path() == path && matches!(e.shown, Shown::Ready { .. })
                })
            })
            .flatten()
            .map(|(k, _)| k.clone());
        let key = stand_in.unwrap_or(key);
        let entry = shelf.pictures.get_mut(&key).expect("inserted above");
        entry.last_drawn = now;
        f(&entry.shown)
    }

    /// The picture's own size, once it has been decoded.
    pub fn full_size(&self, path: &Path) -> Option<[u32; 2]> {
        self.shelf.borrow().sizes.get(path).copied()
    }

    /// Bytes of picture kept as textures now (for the memory bench).
    pub fn texture_bytes(&self) -> usize {
        let shelf = self.shelf.borrow();
        shelf
            .pictures
            .values()
            .map(|e| match &e.shown {
                Shown::Ready { texture, .. } => texture.size()[0] * texture.size()[1] * 4,
                _ => 0,
            })
            .sum()
    }

    /// Wait until every picture asked for is decoded, and take them in (tests).
    pub fn finish_loading(&self, ctx: &Context) {
        loop {
            let waiting = {
                let shelf = self.shelf.borrow();
                shelf
                    .pictures
                    .values()
                    .any(|e| matches!(e.shown, Shown::Loading))
            };
            if !waiting {
                return;
            }
            let next = self.shelf.borrow().loader.wait();
            let Some((key, decoded)) = next else { return };
            let shown = match decoded {
                Ok(decoded) => ready(ctx, &key, decoded),
                Err(error) => Shown::Failed(error.to_string()),
            };
            if let Some(entry) = self.shelf.borrow_mut().pictures.get_mut(&key) {
                entry.shown = shown;
            }
        }
    }
}

fn ready(ctx: &Context, key: &PictureKey, decoded: Decoded) -> Shown {
    let image = if decoded.premultiplied {
        ColorImage::from_rgba_premultiplied(decoded.size, &decoded.rgba)
    } else {
        ColorImage::from_rgba_unmultiplied(decoded.size, &decoded.rgba)
    };
    let name = format!("picture:{}@{}", key.0.display(), key.1);
    Shown::Ready {
        texture: ctx.load_texture(name, image, TextureOptions::LINEAR),
        full: decoded.full_size,
    }
}
