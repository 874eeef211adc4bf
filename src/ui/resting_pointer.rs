//! A pointer that was resting where the window opened is not a hover.
//!
//! The window system tells the app where the pointer is a moment after the
//! window appears; a field under it would then light up a frame or more
//! after the first picture, which changes a screen the user has not touched.
//! Until the pointer moves (or a button, the wheel or a key is used), its
//! position is kept back; a click where it rests still lands there.

use egui::{Event, Pos2};

/// How far the pointer must go to count as moved, in points.
const MOVED: f32 = 0.5;

/// What is known of the pointer since the window opened.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum RestingPointer {
    /// No position reported yet.
    #[default]
    Unknown,
    /// Reported, and not moved since.
    At(Pos2),
    /// Moved or used: its events pass unchanged from now on.
    Moved,
}

impl RestingPointer {
    /// Drop the positions of a pointer still resting where it was first
    /// reported; once it moves or is used, let everything through (the
    /// resting position first, so a click lands where the pointer is).
    pub fn filter(&mut self, events: &mut Vec<Event>) {
        if *self == RestingPointer::Moved {
            return;
        }
        let mut kept = Vec::with_capacity(events.len());
        for event in events.drain(..) {
            match (*self, &event) {
                (RestingPointer::Moved, _) => kept.push(event),
                (RestingPointer::Unknown, Event::PointerMoved(at)) => {
                    *self = RestingPointer::At(*at);
                }
                (RestingPointer::At(rest), Event::PointerMoved(at)) => {
                    if rest.distance(*at) >= MOVED {
                        *self = RestingPointer::Moved;
                        kept.push(event);
                    }
                }
                (RestingPointer::At(rest), _) if is_use(&event) => {
                    *self = RestingPointer::Moved;
                    kept.push(Event::PointerMoved(rest));
                    kept.push(event);
                }
                (_, Event::PointerGone) => {
                    *self = RestingPointer::Moved;
                    kept.push(event);
                }
                _ => kept.push(event),
            }
        }
        *events = kept;
    }
}

/// An event that uses the pointer where it is.
fn is_use(event: &Event) -> bool {
    matches!(
        event,
        Event::PointerButton { .. } | Event::MouseWheel { .. } | Event::Touch { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Modifiers, PointerButton, pos2};

    fn click(at: Pos2) -> Event {
        Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        }
    }

    #[test]
    fn a_pointer_resting_where_the_window_opened_is_not_reported() {
        let mut pointer = RestingPointer::default();
        let mut events = vec![Event::PointerMoved(pos2(640.0, 400.0))];
        pointer.filter(&mut events);
        assert!(events.is_empty());
        let mut again = vec![Event::PointerMoved(pos2(640.2, 400.0))];
        pointer.filter(&mut again);
        assert!(again.is_empty(), "a jitter is not a move");
    }

    #[test]
    fn a_move_passes_and_everything_after_it() {
        let mut pointer = RestingPointer::default();
        pointer.filter(&mut vec![Event::PointerMoved(pos2(640.0, 400.0))]);
        let mut events = vec![Event::PointerMoved(pos2(650.0, 400.0))];
        pointer.filter(&mut events);
        assert_eq!(events, [Event::PointerMoved(pos2(650.0, 400.0))]);
        let mut back = vec![Event::PointerMoved(pos2(640.0, 400.0))];
        pointer.filter(&mut back);
        assert_eq!(back.len(), 1);
    }

    #[test]
    fn a_click_without_moving_lands_where_the_pointer_rests() {
        let mut pointer = RestingPointer::default();
        let rest = pos2(100.0, 36.0);
        pointer.filter(&mut vec![Event::PointerMoved(rest)]);
        let mut events = vec![click(rest)];
        pointer.filter(&mut events);
        assert_eq!(events, [Event::PointerMoved(rest), click(rest)]);
        assert_eq!(pointer, RestingPointer::Moved);
    }

    #[test]
    fn keys_pass_while_the_pointer_rests() {
        let mut pointer = RestingPointer::default();
        pointer.filter(&mut vec![Event::PointerMoved(pos2(1.0, 1.0))]);
        let mut events = vec![Event::Text("あ".into())];
        pointer.filter(&mut events);
        assert_eq!(events, [Event::Text("あ".into())]);
    }
}
