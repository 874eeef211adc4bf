//! Where the input method's candidate list opens: under the line being
//! composed, or above it when the screen has no room below, never over it.
//!
//! Wayland, Windows and macOS take the caret's whole line as an area to keep
//! clear and open the list beside it. X11 input methods (XIM) take a single
//! point and open the list under it, flipping it above that point when it
//! would run off the screen; so on X11 the app picks the point: the line's
//! bottom when the list fits below, its top when it does not. The day form
//! also scrolls a line being composed up so the list fits below it
//! ([`CANDIDATE_ROOM`]).

use egui::{Rect, Ui, pos2};

/// The height kept free under a line being composed: Mozc's list of nine
/// candidates is 226 px tall at 100% (measured under IBus on X11).
pub const CANDIDATE_ROOM: f32 = 240.0;

/// How the platform's input method is told where the caret is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CaretReport {
    /// An area to keep clear (Wayland, Windows, macOS).
    Area,
    /// A point the list opens under (X11).
    #[default]
    Point,
}

impl CaretReport {
    /// What the window system this process runs under takes, chosen the way
    /// winit chooses its backend on Linux and the BSDs.
    pub fn of_this_platform() -> Self {
        let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
        let unix_not_mac = cfg!(all(unix, not(target_os = "macos")));
        if unix_not_mac && !set("WAYLAND_DISPLAY") && !set("WAYLAND_SOCKET") {
            CaretReport::Point
        } else {
            CaretReport::Area
        }
    }
}

/// The rectangle to report for a caret `line` (window coordinates, points),
/// with `room_below` points between the line's bottom and the bottom of the
/// screen when known.
pub fn candidate_area(line: Rect, room_below: Option<f32>, report: CaretReport) -> Rect {
    let left = line.min.x;
    let right = line.max.x.max(left + 1.0);
    match report {
        CaretReport::Area => Rect::from_min_max(pos2(left, line.min.y), pos2(right, line.max.y)),
        CaretReport::Point => {
            let fits_below = room_below.is_none_or(|room| room >= CANDIDATE_ROOM);
            let y = if fits_below { line.max.y } else { line.min.y };
            Rect::from_min_max(pos2(left, y), pos2(right, y + 1.0))
        }
    }
}

/// Points between the bottom of `line` (window coordinates) and the bottom
/// of the monitor the window is on, when the window system says where the
/// window is. Monitors stacked vertically are taken to share one height.
pub fn room_below(line: Rect, viewport: &egui::ViewportInfo) -> Option<f32> {
    let window = viewport.inner_rect?;
    let monitor = viewport.monitor_size?;
    if monitor.y <= 0.0 {
        return None;
    }
    let top_on_monitor = window.min.y.rem_euclid(monitor.y);
    Some(monitor.y - (top_on_monitor + line.max.y))
}

/// Report the caret the focused field placed this frame as `report` wants.
pub fn place_candidates(ctx: &egui::Context, report: CaretReport) {
    let viewport = ctx.input(|i| i.viewport().clone());
    ctx.output_mut(|o| {
        if let Some(ime) = &mut o.ime {
            let room = room_below(ime.cursor_rect, &viewport);
            ime.cursor_rect = candidate_area(ime.cursor_rect, room, report);
        }
    });
}

/// Ends the content of a scroll area holding text fields: room at the end,
/// so the last line can be scrolled up, and, while the user composes in a
/// field of this area, a scroll that keeps the list's room under the line.
pub fn room_for_candidates_ui(ui: &mut Ui, composing_now: bool) {
    ui.add_space(CANDIDATE_ROOM);
    let Some(ime) = ui.output(|o| o.ime) else {
        return;
    };
    let line = ime.cursor_rect;
    // A view too short for the line and the list leaves the line where it
    // is: the list then opens above it (`candidate_area`).
    let fits = ui.clip_rect().height() >= line.height() + CANDIDATE_ROOM;
    if composing_now && fits && ui.min_rect().contains(line.center()) {
        let room = Rect::from_min_max(line.min, pos2(line.max.x, line.max.y + CANDIDATE_ROOM));
        ui.scroll_to_rect(room, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::vec2;

    fn line() -> Rect {
        Rect::from_min_size(pos2(300.0, 600.0), vec2(2.0, 20.0))
    }

    #[test]
    fn an_area_is_the_whole_line() {
        let area = candidate_area(line(), Some(10.0), CaretReport::Area);
        assert_eq!(area, line());
    }

    #[test]
    fn a_point_sits_under_the_line_when_the_list_fits_below() {
        let area = candidate_area(line(), Some(CANDIDATE_ROOM + 5.0), CaretReport::Point);
        assert_eq!(area.min, pos2(300.0, 620.0));
    }

    #[test]
    fn a_point_sits_on_the_line_top_when_the_list_must_open_above() {
        let area = candidate_area(line(), Some(180.0), CaretReport::Point);
        assert_eq!(
            area.min,
            pos2(300.0, 600.0),
            "the list flips above the line"
        );
    }

    #[test]
    fn without_a_known_screen_the_list_goes_below() {
        let area = candidate_area(line(), None, CaretReport::Point);
        assert_eq!(area.min.y, 620.0);
    }

    #[test]
    fn room_is_measured_to_the_bottom_of_the_windows_monitor() {
        let viewport = egui::ViewportInfo {
            inner_rect: Some(Rect::from_min_size(pos2(0.0, 900.0), vec2(800.0, 600.0))),
            monitor_size: Some(vec2(1280.0, 800.0)),
            ..Default::default()
        };
        // The window's top is 100 points down the second of two stacked monitors.
        assert_eq!(room_below(line(), &viewport), Some(800.0 - 100.0 - 620.0));
        assert_eq!(room_below(line(), &egui::ViewportInfo::default()), None);
    }
}
