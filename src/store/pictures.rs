//! Pictures beside the journal: one folder next to `NAME.studylog.ron`,
//! `NAME.studylog.assets/`, where each picture is kept under a name made
//! from its content (the same picture added twice is stored once, and two
//! devices' pictures never collide, so a merge keeps both). Notes name them
//! with relative links (`![](NAME.studylog.assets/0123abcd.png)`), so the
//! journal stays text and the folder travels with it.
//!
//! Everything that reads a picture is bounded: the bytes read, the size
//! decoded (no decode bomb), and where a link may point (inside the
//! journal's folder, symlinks followed). An SVG that would load anything
//! from outside itself is refused.

use std::fs;
use std::io::{Cursor, Read};
use std::path::{Component, Path, PathBuf};

use image::{ImageFormat, ImageReader, Limits};

use crate::stable_hash::fnv1a;

mod decode;
mod errors;
#[cfg(test)]
mod tests;

pub use decode::{Decoded, decode_picture};
pub use errors::PictureError;

/// Pictures larger than this are not read.
pub const MAX_PICTURE_BYTES: u64 = 64 * 1024 * 1024;
/// The widest and tallest picture decoded (a 30000×30000 picture is a
/// decode bomb: 3.6 GB of pixels).
pub const MAX_PICTURE_SIDE: u32 = 16_384;
/// The longest side a picture is turned into pixels at (a picture taller
/// than this at the width it is drawn is drawn smaller), and so the
/// largest texture the window makes. The window tells egui so: egui makes
/// its glyph atlas as wide as the largest texture allowed, and the first
/// frame uploads all of it (16,384 wide: twice the pixels of 8,192).
pub const MAX_DRAWN_SIDE: u32 = 8_192;

/// The folder of a journal's pictures: `NAME.studylog.assets` beside
/// `NAME.studylog.ron`.
pub fn pictures_dir(journal: &Path) -> PathBuf {
    journal.with_file_name(pictures_dir_name(journal))
}

/// The folder's name, as links written in notes start with it.
pub fn pictures_dir_name(journal: &Path) -> String {
    let name = journal
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".ron").unwrap_or(&name);
    format!("{stem}.assets")
}

/// Store a picture's bytes beside `journal`: the link a note names it by.
/// `named` is where the bytes came from, for messages.
pub fn add_picture(journal: &Path, bytes: &[u8], named: &Path) -> Result<String, PictureError> {
    let extension = picture_kind(bytes, named)?;
    let dir = pictures_dir(journal);
    fs::create_dir_all(&dir).map_err(|source| PictureError::Write {
        path: dir.clone(),
        source,
    })?;
    let name = content_name(&dir, bytes, extension)?;
    Ok(format!("{}/{name}", pictures_dir_name(journal)))
}

/// Store the picture in file `source` beside `journal`.
pub fn add_picture_file(journal: &Path, source: &Path) -> Result<String, PictureError> {
    let bytes = read_picture(source)?;
    add_picture(journal, &bytes, source)
}

/// Store pixels (a pasted screenshot, RGBA) beside `journal` as a PNG.
pub fn add_picture_pixels(
    journal: &Path,
    size: [usize; 2],
    rgba: Vec<u8>,
) -> Result<String, PictureError> {
    let pasted = Path::new("clipboard");
    let broken = |reason: String| PictureError::Broken {
        path: pasted.to_owned(),
        reason,
    };
    let [width, height] = size.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    let image = image::RgbaImage::from_raw(width, height, rgba)
        .ok_or_else(|| broken("the pixels do not fill the picture".into()))?;
    let mut png = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|e| broken(e.to_string()))?;
    add_picture(journal, &png, pasted)
}

/// A picture file's bytes, at most [`MAX_PICTURE_BYTES`].
pub fn read_picture(path: &Path) -> Result<Vec<u8>, PictureError> {
    let unreadable = |source| PictureError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(PictureError::NotAFile {
            path: path.to_owned(),
        });
    }
    let mut bytes = Vec::new();
    file.take(MAX_PICTURE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_PICTURE_BYTES {
        return Err(PictureError::TooBig {
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}

/// The file a link in a note of the journal in `journal_dir` names: inside
/// that folder (after following symlinks), or why not.
pub fn resolve_picture(journal_dir: &Path, target: &str) -> Result<PathBuf, PictureError> {
    let decoded = percent_decoded(target);
    let relative = Path::new(&decoded);
    let outside = || PictureError::Outside {
        path: relative.to_owned(),
    };
    let leaves = relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if leaves {
        return Err(outside());
    }
    let path = journal_dir.join(relative);
    let real = path
        .canonicalize()
        .map_err(|_| PictureError::Missing { path: path.clone() })?;
    let root = journal_dir
        .canonicalize()
        .unwrap_or_else(|_| journal_dir.to_owned());
    if real.starts_with(&root) {
        Ok(path)
    } else {
        Err(outside())
    }
}

/// The pictures in a journal's folder, with their links.
pub fn stored_pictures(journal: &Path) -> Vec<(String, PathBuf)> {
    let dir = pictures_dir(journal);
    let prefix = pictures_dir_name(journal);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut found: Vec<_> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (format!("{prefix}/{name}"), e.path())
        })
        .filter(|(_, path)| !is_hidden(path))
        .collect();
    found.sort();
    found
}

/// Copy the picture at `from` to `to` (creating its folder); a file
/// already there with the same bytes is left as it is.
pub fn copy_picture(from: &Path, to: &Path) -> Result<(), PictureError> {
    let bytes = read_picture(from)?;
    if fs::read(to).is_ok_and(|there| there == bytes) {
        return Ok(());
    }
    let dir = to.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|source| PictureError::Write {
        path: dir.to_owned(),
        source,
    })?;
    write_new(to, &bytes)
}

/// Remove a stored picture no note names any more.
pub fn remove_picture(path: &Path) -> Result<(), PictureError> {
    fs::remove_file(path).map_err(|source| PictureError::Write {
        path: path.to_owned(),
        source,
    })
}

/// What kind of picture `bytes` are (its file extension), or why they are
/// not one studylog shows.
fn picture_kind(bytes: &[u8], named: &Path) -> Result<&'static str, PictureError> {
    if decode::looks_like_svg(bytes) {
        decode::check_svg(bytes, named)?;
        return Ok("svg");
    }
    let not_image = || PictureError::NotAnImage {
        path: named.to_owned(),
    };
    let format = image::guess_format(bytes).map_err(|_| not_image())?;
    let extension = match format {
        ImageFormat::Png => "png",
        ImageFormat::Jpeg => "jpg",
        ImageFormat::Gif => "gif",
        ImageFormat::WebP => "webp",
        _ => return Err(not_image()),
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(Limits::no_limits());
    let (width, height) = reader.into_dimensions().map_err(|e| PictureError::Broken {
        path: named.to_owned(),
        reason: e.to_string(),
    })?;
    if width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE {
        return Err(PictureError::TooLarge {
            path: named.to_owned(),
            width,
            height,
        });
    }
    Ok(extension)
}

/// Keep `bytes` in `dir` under a name made from them: the name.
fn content_name(dir: &Path, bytes: &[u8], extension: &str) -> Result<String, PictureError> {
    let hash = fnv1a(bytes);
    // Two different pictures with one hash are astronomically unlikely;
    // if it happens, the second gets a suffix rather than replacing the first.
    for attempt in 0u32.. {
        let suffix = if attempt == 0 {
            String::new()
        } else {
            format!("-{attempt}")
        };
        let name = format!("{hash:016x}{suffix}.{extension}");
        let path = dir.join(&name);
        match fs::read(&path) {
            Ok(there) if there == bytes => return Ok(name),
            Ok(_) => continue,
            Err(_) => {
                write_new(&path, bytes)?;
                return Ok(name);
            }
        }
    }
    unreachable!("u32 attempts run out")
}

/// Write a new file whole or not at all (a temp file renamed into place).
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), PictureError> {
    let failed = |source| PictureError::Write {
        path: path.to_owned(),
        source,
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.tmp"));
    let written = fs::File::create(&temp).and_then(|mut file| {
        std::io::Write::write_all(&mut file, bytes)?;
        file.sync_all()
    });
    if let Err(error) = written.and_then(|()| fs::rename(&temp, path)) {
        let _ = fs::remove_file(&temp);
        return Err(failed(error));
    }
    Ok(())
}

/// A temp file being written, or a file the user's system keeps there.
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// `%20` and the like decoded (links written by other apps encode spaces).
pub fn percent_decoded(target: &str) -> String {
    let bytes = target.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| target.to_owned())
}
