//! The fonts: egui's own, then a bundled Japanese font as fallback.
//!
//! egui ships no CJK glyphs and a bare machine may have no Japanese font at
//! all, so BIZ UDPGothic (proportional, for the UI and notes) and BIZ UDGothic
//! (fixed pitch, for code) are compiled into the binary. They come after
//! egui's fonts, so Latin text keeps egui's look and only missing glyphs fall
//! through to them. The app and its tests call the same [`setup_fonts`], so a
//! glyph no font has fails a test instead of showing a box to a user.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const PROPORTIONAL: &str = "BIZ UDPGothic";
const MONOSPACE: &str = "BIZ UDGothic";

/// Install egui's fonts plus the bundled Japanese fonts on `ctx`.
pub fn setup_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// egui's default fonts with the Japanese fonts appended to both families.
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        PROPORTIONAL.to_owned(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/BIZUDPGothic-Regular.ttf"
        ))),
    );
    fonts.font_data.insert(
        MONOSPACE.to_owned(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/BIZUDGothic-Regular.ttf"
        ))),
    );
    let fallbacks = [
        (FontFamily::Proportional, [PROPORTIONAL, MONOSPACE]),
        (FontFamily::Monospace, [MONOSPACE, PROPORTIONAL]),
    ];
    for (family, names) in fallbacks {
        let list = fonts.families.entry(family).or_default();
        list.extend(names.iter().map(|name| (*name).to_owned()));
    }
    fonts
}
