//! Pictures in notes, drawn: each `![alt](link)` a note names, scaled to
//! the column (never wider than the picture itself), sharp at any zoom
//! (decoded at the drawn size in pixels), opening full size in the
//! system's viewer on click. A missing or unreadable picture is a
//! placeholder that says which file and why; a picture on the web is a
//! link, never fetched.

mod shelf;
mod thumbnail;

pub use shelf::{PictureShelf, Shown};
pub use thumbnail::thumbnail_ui;

use egui::{Align, Layout, RichText, Sense, Ui, vec2};

use crate::markdown::pictures::{PictureLink, picture_links};

use super::i18n::UiLanguage;

/// The file name endings the picture dialog offers and a drop takes as pictures.
pub const PICTURE_EXTENSIONS: [&str; 6] = ["png", "jpg", "jpeg", "gif", "webp", "svg"];

/// Whether a dropped file is a picture (by its name; its bytes are checked when copied).
pub fn is_picture_file(path: &std::path::Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| PICTURE_EXTENSIONS.contains(&e.as_str()))
}

/// Pictures are decoded in steps of this many pixels of width, so a small
/// resize of the window does not decode them again.
const WIDTH_STEP: f32 = 256.0;
/// The room a picture takes while it is decoded.
const LOADING_HEIGHT: f32 = 48.0;

/// The pictures `text` names, one under the other, in order.
pub fn note_pictures_ui(ui: &mut Ui, shelf: &PictureShelf, lang: UiLanguage, text: &str) {
    for link in picture_links(text) {
        picture_ui(ui, shelf, lang, &link);
    }
}

/// One picture a note names, or the placeholder that stands for it.
pub fn picture_ui(ui: &mut Ui, shelf: &PictureShelf, lang: UiLanguage, link: &PictureLink) {
    if link.is_remote() {
        remote_ui(ui, lang, link.target);
        return;
    }
    match shelf.resolve(link.target) {
        Ok(path) => {
            // Out of view, a picture only keeps its room: it is not decoded,
            // and its texture is let go a moment later.
            let room = room_for(ui, shelf.full_size(&path));
            let top = ui.cursor().min;
            if !ui.is_rect_visible(egui::Rect::from_min_size(top, room)) {
                ui.allocate_space(room);
                return;
            }
            let width = drawn_pixels(ui);
            let alt = link.alt;
            shelf.with_picture(&path, width, |shown| shown_ui(ui, lang, shown, &path, alt));
        }
        Err(reason) => placeholder_ui(ui, lang, &reason),
    }
}

/// The room a picture takes in the column: its own size scaled to fit,
/// or the loading strip while its size is not known.
fn room_for(ui: &Ui, full: Option<[u32; 2]>) -> egui::Vec2 {
    match full {
        Some([width, height]) => {
            let [width, height] = [width.max(1) as f32, height.max(1) as f32];
            let shown = ui.available_width().min(width);
            vec2(shown, shown * height / width)
        }
        None => vec2(ui.available_width(), LOADING_HEIGHT),
    }
}

/// The width to decode at: the column's, in pixels, rounded up a step.
fn drawn_pixels(ui: &Ui) -> u32 {
    let pixels = ui.available_width().max(1.0) * ui.ctx().pixels_per_point();
    ((pixels / WIDTH_STEP).ceil() * WIDTH_STEP) as u32
}

fn shown_ui(ui: &mut Ui, lang: UiLanguage, shown: &Shown, path: &std::path::Path, alt: &str) {
    match shown {
        Shown::Loading => {
            let (rect, _) =
                ui.allocate_exact_size(vec2(ui.available_width(), LOADING_HEIGHT), Sense::hover());
            ui.painter()
                .rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
        }
        Shown::Ready { texture, full } => {
            // A pixel of the picture is a point of the window, as in a
            // browser: at 200 % it is drawn twice as large (and decoded so).
            let size = room_for(ui, Some(*full));
            let image = egui::Image::new(texture)
                .fit_to_exact_size(size)
                .alt_text(alt)
                .sense(Sense::click());
            let response = ui.add(image).on_hover_text(
                lang.pick("クリックで元の大きさで開く", "Click to open it full size"),
            );
            if response.clicked() {
                let url = format!("file://{}", path.display());
                ui.ctx().open_url(egui::OpenUrl::new_tab(url));
            }
        }
        Shown::Failed(reason) => placeholder_ui(ui, lang, reason),
    }
}

/// A framed line in place of a picture that cannot be shown.
fn placeholder_ui(ui: &mut Ui, lang: UiLanguage, reason: &str) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.with_layout(
            Layout::left_to_right(Align::Center).with_main_wrap(true),
            |ui| {
                ui.label(RichText::new(lang.pick("画像:", "Picture:")).weak());
                ui.label(RichText::new(reason).color(ui.visuals().warn_fg_color));
            },
        );
    });
}

/// A picture on the web: a link that opens in the browser, never fetched.
fn remote_ui(ui: &mut Ui, lang: UiLanguage, url: &str) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(lang.pick(
                "Web 上の画像（読み込みません）:",
                "A picture on the web (not loaded):",
            ));
            ui.hyperlink(url);
        });
    });
}
