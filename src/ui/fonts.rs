//! The fonts: egui's own, then a bundled Japanese font as fallback.
//!
//! egui ships no CJK glyphs and a bare machine may have no Japanese font at
//! all, so BIZ UDPGothic (proportional, for the UI and notes) and BIZ UDGothic
//! (fixed pitch, for code) are compiled into the binary. They come after
//! egui's fonts, so Latin text keeps egui's look and only missing glyphs fall
//! through to them. The app and its tests call the same [`setup_fonts`], so a
//! glyph no font has fails a test instead of showing a box to a user.
//!
//! What neither has (Hangul, simplified Chinese, Arabic, Thai, emoji, math)
//! comes from the system's fonts, found by the system's own fallback
//! (`egui_system_font_provider`, fontique) for each character as it is
//! first drawn. The scan of the system's fonts starts only after the user's
//! first key or click, or two seconds after the window opened, so start-up
//! does not share its cores with it.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use egui::{FallbackRequest, FontData, FontDefinitions, FontFamily, FontInsert, FontProvider};
use egui_system_font_provider::SystemFontProvider;

const PROPORTIONAL: &str = "BIZ UDPGothic";
const MONOSPACE: &str = "BIZ UDGothic";

/// Install egui's fonts plus the bundled Japanese fonts on `ctx`.
pub fn setup_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// The system's fonts for what the bundled ones lack. A machine whose font
/// scan fails (no fontconfig, no fonts) shows boxes for those characters
/// rather than stopping the window.
struct SystemFallback(SystemFontProvider);

impl FontProvider for SystemFallback {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        catch_unwind(AssertUnwindSafe(|| self.0.font_for(request)))
            .ok()
            .flatten()
    }
}

/// Let the system's fonts stand in for characters no bundled font has
/// (once per window; the scan of the system's fonts starts now, on its own
/// thread).
pub fn use_system_fonts(ctx: &egui::Context) {
    let added = egui::Id::unique("system fonts added");
    if ctx.data(|d| d.get_temp::<bool>(added).is_none()) {
        ctx.data_mut(|d| d.insert_temp(added, true));
        ctx.add_font_provider(Arc::new(SystemFallback(SystemFontProvider::new())));
    }
}

/// The family headings are drawn in: the proportional fonts again, under
/// other names. epaint keeps one hinting set-up per font and redoes it
/// (about 0.1 ms for the Japanese fonts) whenever the size it draws a new
/// glyph at changes; headings and body text alternate all down a day form,
/// so with fonts of their own each is set up once per size instead.
pub fn headings() -> FontFamily {
    FontFamily::Name(HEADINGS.into())
}

const HEADINGS: &str = "headings";

/// Draw `style`'s headings in their own fonts (see [`headings`]).
pub fn headings_in_own_fonts(style: &mut egui::Style) {
    if let Some(font) = style.text_styles.get_mut(&egui::TextStyle::Heading) {
        font.family = headings();
    }
}

/// The fonts headings draw most glyphs with get copies of their own (the
/// same bytes, not copied); the rarer ones in the chain are shared.
const OWN_FOR_HEADINGS: [&str; 2] = ["Ubuntu-Light", PROPORTIONAL];

/// egui's default fonts with the Japanese fonts appended to both families,
/// and the headings' family (see [`headings`]).
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
    add_headings(&mut fonts);
    fonts
}

fn add_headings(fonts: &mut FontDefinitions) {
    let proportional = fonts.families[&FontFamily::Proportional].clone();
    let own_names: Vec<String> = proportional
        .into_iter()
        .map(|name| {
            let Some(data) = fonts
                .font_data
                .get(&name)
                .filter(|_| OWN_FOR_HEADINGS.contains(&name.as_str()))
            else {
                return name;
            };
            let own = format!("{name} ({HEADINGS})");
            fonts.font_data.insert(own.clone(), Arc::clone(data));
            own
        })
        .collect();
    fonts.families.insert(headings(), own_names);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first and last character of each wrapped row of `text` at `width`.
    fn row_edges(ctx: &egui::Context, text: &str, width: f32) -> Vec<(char, char)> {
        let font = egui::FontId::proportional(14.0);
        let galley =
            ctx.fonts_mut(|f| f.layout(text.to_owned(), font, egui::Color32::WHITE, width));
        galley
            .rows
            .iter()
            .filter_map(|placed| {
                let glyphs = &placed.row.glyphs;
                Some((glyphs.first()?.chr, glyphs.last()?.chr))
            })
            .collect()
    }

    /// Headings are drawn with the very fonts body text is (the same bytes,
    /// in the same order), so they look as before; only the names differ.
    #[test]
    fn headings_draw_with_the_proportional_fonts() {
        let fonts = font_definitions();
        let bytes = |family: &FontFamily| -> Vec<*const u8> {
            fonts.families[family]
                .iter()
                .map(|name| (*fonts.font_data[name].font).as_ref().as_ptr())
                .collect()
        };
        assert_eq!(bytes(&headings()), bytes(&FontFamily::Proportional));
        let own = fonts.families[&headings()]
            .iter()
            .filter(|name| !fonts.families[&FontFamily::Proportional].contains(name));
        assert_eq!(own.count(), OWN_FOR_HEADINGS.len(), "their own copies");
    }

    /// Kinsoku: egui's wrapping never starts a row with 、。）」. It does not
    /// keep opening brackets （「 from ending a row, and after a katakana it
    /// may still start one with ー or a small kana (its "before CJK" break
    /// candidate skips the rule); its layout offers no hook for either short
    /// of replacing the text layout, so both are left to egui (README,
    /// "Japanese").
    #[test]
    fn wrapped_japanese_never_starts_a_row_with_closing_punctuation() {
        let ctx = egui::Context::default();
        setup_fonts(&ctx);
        let text = "今日は「データ指向アプリケーションデザイン」を読んだ。\
                    レプリケーション、パーティション、トランザクション（分離レベル）を学んだ。"
            .repeat(3);
        let mut rows = 0;
        let mut output = ctx.run_pass(egui::RawInput::default(), |ctx| {
            for width in (150..600).step_by(7) {
                for (i, (first, _)) in row_edges(ctx, &text, width as f32).into_iter().enumerate() {
                    rows += 1;
                    assert!(
                        i == 0 || !"、。）」".contains(first),
                        "a row starts with {first} at width {width}"
                    );
                }
            }
        });
        output.textures_delta.clear();
        assert!(rows > 100, "the text wrapped into many rows");
    }
}
