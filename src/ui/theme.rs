//! The look of the window: egui's light and dark themes, tuned so every
//! text meets WCAG 2.2 AA against what it is drawn on (4.5:1, 1.4.3) and
//! every boundary and focus ring 3:1 (1.4.11), plus a high-contrast
//! variant of each (View ▸ High Contrast): black on white or white on
//! black, the focus ring yellow on black or blue on white. `tests` measures every pair the app draws.

use egui::{Color32, Stroke, Visuals};

/// The visuals of one theme, as studylog draws it.
pub fn visuals(dark: bool, high_contrast: bool) -> Visuals {
    let mut visuals = if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    if high_contrast {
        strong(&mut visuals, dark);
    } else {
        readable(&mut visuals, dark);
    }
    light_corners(&mut visuals);
    visuals
}

/// Corners of 4 px instead of egui's 6: epaint rounds a corner it is
/// given 0.4 px wider, and draws one of up to 5 px with 5 points, a wider
/// one with 9, so every button and field costs nearly half the triangles
/// (on a software renderer, a shorter first frame), for a difference no
/// eye sees. (Non-interactive frames already have 4.)
fn light_corners(visuals: &mut Visuals) {
    let corner = egui::CornerRadius::same(4);
    for state in every_state(&mut visuals.widgets) {
        state.corner_radius = corner;
    }
    visuals.window_corner_radius = corner;
    visuals.menu_corner_radius = corner;
}

/// How a widget looks in each of its states.
fn every_state(widgets: &mut egui::style::Widgets) -> [&mut egui::style::WidgetVisuals; 5] {
    [
        &mut widgets.noninteractive,
        &mut widgets.inactive,
        &mut widgets.hovered,
        &mut widgets.active,
        &mut widgets.open,
    ]
}

/// egui's theme, with what fell short of AA raised to it: weak text, links
/// in the light theme, error text, and the border of fields and buttons.
fn readable(visuals: &mut Visuals, dark: bool) {
    let (weak, border, link, error, warn) = if dark {
        (
            150,
            120,
            Color32::from_rgb(90, 170, 255),
            Color32::from_rgb(255, 110, 110),
            Color32::from_rgb(255, 160, 40),
        )
    } else {
        (
            90,
            125,
            Color32::from_rgb(0, 90, 200),
            Color32::from_rgb(190, 0, 0),
            Color32::from_rgb(160, 70, 0),
        )
    };
    visuals.weak_text_color = Some(Color32::from_gray(weak));
    visuals.hyperlink_color = link;
    visuals.error_fg_color = error;
    visuals.warn_fg_color = warn;
    visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(border));
}

/// Black and white, the focus in a colour of its own.
fn strong(visuals: &mut Visuals, dark: bool) {
    let (ink, paper, focus, link) = if dark {
        (
            Color32::WHITE,
            Color32::BLACK,
            Color32::from_rgb(255, 220, 0),
            Color32::from_rgb(120, 200, 255),
        )
    } else {
        (
            Color32::BLACK,
            Color32::WHITE,
            Color32::from_rgb(0, 60, 200),
            Color32::from_rgb(0, 50, 170),
        )
    };
    visuals.override_text_color = Some(ink);
    visuals.weak_text_color = Some(ink);
    visuals.hyperlink_color = link;
    visuals.error_fg_color = if dark {
        Color32::from_rgb(255, 140, 140)
    } else {
        Color32::from_rgb(170, 0, 0)
    };
    visuals.warn_fg_color = if dark {
        Color32::from_rgb(255, 190, 80)
    } else {
        Color32::from_rgb(140, 60, 0)
    };
    visuals.panel_fill = paper;
    visuals.window_fill = paper;
    visuals.extreme_bg_color = paper;
    visuals.faint_bg_color = if dark {
        Color32::from_gray(24)
    } else {
        Color32::from_gray(235)
    };
    visuals.window_stroke = Stroke::new(1.0, ink);
    // The selection's text colour is also a focused field's border: it
    // must stand out on the selection and on the field alike.
    let (selected, selected_text) = if dark {
        (Color32::from_rgb(0, 60, 180), Color32::WHITE)
    } else {
        (Color32::from_rgb(255, 230, 0), Color32::BLACK)
    };
    visuals.selection.bg_fill = selected;
    visuals.selection.stroke = Stroke::new(2.0, selected_text);
    strong_widgets(&mut visuals.widgets, ink, paper, focus);
}

/// Every widget on the paper with an ink border; hovered and focused ones
/// ringed in the focus colour.
fn strong_widgets(
    widgets: &mut egui::style::Widgets,
    ink: Color32,
    paper: Color32,
    focus: Color32,
) {
    for widget in every_state(widgets) {
        widget.bg_fill = paper;
        widget.weak_bg_fill = paper;
        widget.fg_stroke = Stroke::new(widget.fg_stroke.width, ink);
        widget.bg_stroke = Stroke::new(widget.bg_stroke.width.max(1.0), ink);
    }
    widgets.hovered.bg_stroke = Stroke::new(2.0, focus);
    widgets.active.bg_stroke = Stroke::new(2.0, focus);
}

/// A grid score's colour: red for 1 through green for 5; in high contrast
/// the text colour (the digits and marks say the score).
pub fn score_colour(visuals: &Visuals, value: u32) -> Color32 {
    if let Some(ink) = visuals.override_text_color {
        return ink;
    }
    let dark = [
        (255, 120, 110),
        (255, 160, 70),
        (235, 200, 60),
        (150, 210, 90),
        (80, 205, 125),
    ];
    let light = [
        (180, 25, 25),
        (155, 75, 0),
        (120, 90, 0),
        (50, 110, 20),
        (20, 110, 50),
    ];
    let palette = if visuals.dark_mode { dark } else { light };
    let (r, g, b) = palette[(value.clamp(1, 5) - 1) as usize];
    Color32::from_rgb(r, g, b)
}

/// The fill of a thin progress bar (a book's chapters done): the accent of
/// links, which stands out from the panel (the selection's pale blue does
/// not, in the light theme).
pub fn progress_fill(visuals: &Visuals) -> Color32 {
    visuals.hyperlink_color
}

/// The WCAG contrast ratio of two opaque colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn luminance(colour: Color32) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
}

#[cfg(test)]
mod tests;
