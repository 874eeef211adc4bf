//! A stored picture turned into pixels at the width it is drawn, on a
//! worker thread: raster formats through the `image` crate (GIF: its first
//! frame), SVG through `resvg` with nothing loaded from outside the file.
//! Decoding is bounded ([`MAX_PICTURE_SIDE`]) and never keeps more pixels
//! than are drawn, nor a side longer than a texture may be
//! ([`MAX_DRAWN_SIDE`]).

use std::io::Cursor;
use std::path::Path;

use image::{ImageReader, Limits};
use resvg::{tiny_skia, usvg};

use super::{MAX_DRAWN_SIDE, MAX_PICTURE_SIDE, PictureError, read_picture};

/// A picture's pixels, at most as wide as asked.
pub struct Decoded {
    /// Width and height of `rgba`.
    pub size: [usize; 2],
    /// Width and height of the picture as stored (for "full size").
    pub full_size: [u32; 2],
    pub rgba: Vec<u8>,
    /// Whether `rgba`'s colours are premultiplied by alpha (SVG's are).
    pub premultiplied: bool,
}

/// Decode the picture at `path` no wider than `max_width` pixels.
pub fn decode_picture(path: &Path, max_width: u32) -> Result<Decoded, PictureError> {
    let bytes = read_picture(path)?;
    if looks_like_svg(&bytes) {
        check_svg(&bytes, path)?;
        return render_svg(&bytes, path, max_width);
    }
    decode_raster(&bytes, path, max_width)
}

fn decode_raster(bytes: &[u8], path: &Path, max_width: u32) -> Result<Decoded, PictureError> {
    let broken = |e: image::ImageError| match e {
        image::ImageError::Unsupported(_) => PictureError::NotAnImage {
            path: path.to_owned(),
        },
        image::ImageError::Limits(_) => PictureError::TooLarge {
            path: path.to_owned(),
            width: 0,
            height: 0,
        },
        other => PictureError::Broken {
            path: path.to_owned(),
            reason: other.to_string(),
        },
    };
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| broken(e.into()))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_PICTURE_SIDE);
    limits.max_image_height = Some(MAX_PICTURE_SIDE);
    let mut reader = reader;
    reader.limits(limits);
    let image = reader.decode().map_err(broken)?;
    let full_size = [image.width(), image.height()];
    let size = full_size.map(|side| side as f32);
    let scale = drawn_scale(size, max_width).min(1.0);
    let image = if scale < 1.0 {
        let [width, height] = drawn_pixels(size, scale);
        image.thumbnail_exact(width, height)
    } else {
        image
    };
    let rgba = image.to_rgba8();
    Ok(Decoded {
        size: [rgba.width() as usize, rgba.height() as usize],
        full_size,
        rgba: rgba.into_raw(),
        premultiplied: false,
    })
}

/// How much a picture `size` big is scaled to be drawn `max_width` wide
/// at most, with no side over [`MAX_DRAWN_SIDE`].
fn drawn_scale(size: [f32; 2], max_width: u32) -> f32 {
    let [width, height] = size.map(|side| side.max(1.0));
    (max_width.max(1) as f32 / width).min(MAX_DRAWN_SIDE as f32 / width.max(height))
}

/// The pixels a picture `size` big is drawn at, scaled by `scale`: rounded
/// (a float product truncated falls a pixel short of the drawn width), at
/// least one, at most [`MAX_DRAWN_SIDE`].
fn drawn_pixels(size: [f32; 2], scale: f32) -> [u32; 2] {
    size.map(|side| ((side * scale).round() as u32).clamp(1, MAX_DRAWN_SIDE))
}

/// Whether bytes are an SVG (text, with an `<svg` element near the top).
pub(super) fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    (start.starts_with("<?xml") || start.starts_with("<svg") || start.starts_with("<!--"))
        && text.contains("<svg")
}

/// An SVG that names anything outside itself (a file, a web address) is
/// refused: showing it would read other files or go online.
pub(super) fn check_svg(bytes: &[u8], path: &Path) -> Result<(), PictureError> {
    let text = String::from_utf8_lossy(bytes);
    let reference = referenced(&text, "href=").or_else(|| referenced(&text, "url("));
    match reference {
        Some(reference) => Err(PictureError::ExternalReference {
            path: path.to_owned(),
            reference,
        }),
        None => Ok(()),
    }
}

/// The first value after `marker` that points outside the file (not
/// `#id`, not `data:`), if any.
fn referenced(text: &str, marker: &str) -> Option<String> {
    text.match_indices(marker).find_map(|(at, _)| {
        let value = text[at + marker.len()..]
            .trim_start()
            .trim_start_matches(['"', '\'']);
        let end = value
            .find(['"', '\'', ')', ' ', '>'])
            .unwrap_or(value.len());
        let value = value[..end].trim();
        let inside = value.is_empty() || value.starts_with('#') || value.starts_with("data:");
        (!inside).then(|| value.to_owned())
    })
}

fn render_svg(bytes: &[u8], path: &Path, max_width: u32) -> Result<Decoded, PictureError> {
    let broken = |reason: String| PictureError::Broken {
        path: path.to_owned(),
        reason,
    };
    let mut options = usvg::Options::default();
    // Belt and braces beside `check_svg`: nothing is ever read by name.
    options.image_href_resolver.resolve_string = Box::new(|_, _| None);
    let tree = usvg::Tree::from_data(bytes, &options).map_err(|e| broken(e.to_string()))?;
    let size = tree.size();
    let full_size = [size.width().ceil() as u32, size.height().ceil() as u32];
    let size = [size.width(), size.height()];
    let scale = drawn_scale(size, max_width);
    let [width, height] = drawn_pixels(size, scale);
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| broken("the picture has no size".into()))?;
    let transform = tiny_skia::Transform::from_scale(scale, scale);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(Decoded {
        size: [width as usize, height as usize],
        full_size,
        rgba: pixmap.take(),
        premultiplied: true,
    })
}
