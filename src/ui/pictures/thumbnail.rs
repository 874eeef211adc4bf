//! A picture at the size of a line or two: beside a search hit whose line
//! names it, so the picture is seen in the results (the list keeps one
//! height per row, so the thumbnail fits the row rather than the column).

use egui::{Sense, Ui, vec2};

use crate::markdown::pictures::picture_links;

use super::{PictureShelf, Shown};

/// Pixels a thumbnail is decoded at (wide enough for a row at 200 %).
const THUMBNAIL_PIXELS: u32 = 256;

/// The first local picture `line` names, `height` points tall at most;
/// nothing for a line naming none, a remote one, or one not (yet) shown.
pub fn thumbnail_ui(ui: &mut Ui, shelf: &PictureShelf, line: &str, height: f32) {
    let Some(link) = picture_links(line).into_iter().find(|l| !l.is_remote()) else {
        return;
    };
    let Ok(path) = shelf.resolve(link.target) else {
        return;
    };
    shelf.with_picture(&path, THUMBNAIL_PIXELS, |shown| {
        if let Shown::Ready { texture, full } = shown {
            let [width, tall] = [full[0].max(1) as f32, full[1].max(1) as f32];
            let shown_height = height.min(tall);
            let size = vec2(shown_height * width / tall, shown_height);
            let image = egui::Image::new(texture)
                .fit_to_exact_size(size)
                .alt_text(link.alt)
                .sense(Sense::hover());
            ui.add(image);
        }
    });
}
