use super::*;

fn preedit(text: &str) -> Event {
    Event::Ime(ImeEvent::Preedit {
        text: text.to_owned(),
        active_range_chars: None,
    })
}

fn commit(text: &str) -> Event {
    Event::Ime(ImeEvent::Commit(text.to_owned()))
}

#[expect(deprecated)]
fn enabled() -> Event {
    Event::Ime(ImeEvent::Enabled)
}

#[expect(deprecated)]
fn disabled() -> Event {
    Event::Ime(ImeEvent::Disabled)
}

fn field(n: u64) -> Id {
    Id::unique(("field", n))
}

/// Runs frames of (events, focused field) with the window focused; the
/// ending of each frame.
fn frames(tracker: &mut ImeTracker, frames: &[(Vec<Event>, Option<Id>)]) -> Vec<Ending> {
    frames
        .iter()
        .map(|(events, focused)| tracker.begin_frame(events, *focused, true))
        .collect()
}

#[test]
fn a_composition_runs_from_the_first_preedit_to_its_commit() {
    let mut ime = ImeTracker::default();
    let a = Some(field(1));
    let endings = frames(
        &mut ime,
        &[
            (vec![enabled(), preedit("が")], a),
            (vec![preedit("がくしゅう")], a),
            (vec![], a),
        ],
    );
    assert_eq!(endings, [Ending::None; 3]);
    assert!(ime.is_composing() && ime.owns_keys());
    assert_eq!(
        ime.begin_frame(&[commit("学習")], a, true),
        Ending::Finished
    );
    assert!(!ime.is_composing());
    assert!(
        ime.owns_keys(),
        "the Enter that committed is the input method's"
    );
    assert_eq!(ime.begin_frame(&[], a, true), Ending::None);
    assert!(!ime.owns_keys(), "shortcuts work again the next frame");
}

#[test]
fn an_empty_preedit_cancels() {
    let mut ime = ImeTracker::default();
    let a = Some(field(1));
    ime.begin_frame(&[preedit("くも")], a, true);
    assert_eq!(ime.begin_frame(&[preedit("")], a, true), Ending::Finished);
    ime.begin_frame(&[], a, true);
    assert!(!ime.owns_keys());
}

#[test]
fn a_commit_without_a_preedit_is_plain_text_and_ends_nothing() {
    let mut ime = ImeTracker::default();
    let a = Some(field(1));
    assert_eq!(ime.begin_frame(&[commit("あ")], a, true), Ending::None);
    assert!(!ime.is_composing());
    assert_eq!(
        ime.begin_frame(&[preedit(""), commit("")], a, true),
        Ending::None
    );
    ime.begin_frame(&[], a, true);
    assert!(!ime.owns_keys());
}

#[test]
fn focus_moving_to_another_field_ends_the_composition_abruptly() {
    let mut ime = ImeTracker::default();
    let (a, b) = (Some(field(1)), Some(field(2)));
    ime.begin_frame(&[preedit("くも")], a, true);
    assert_eq!(ime.begin_frame(&[], b, true), Ending::Abrupt);
    assert!(!ime.is_composing());
    ime.begin_frame(&[], b, true);
    assert!(!ime.owns_keys(), "Ctrl+S works at once after the click");
}

#[test]
fn focus_leaving_every_field_or_the_window_ends_it_too() {
    let a = Some(field(1));
    for (events, focused, window) in [
        (vec![], None, true),
        (vec![], a, false),
        (vec![Event::WindowFocused(false)], a, true),
        (vec![disabled()], a, true),
    ] {
        let mut ime = ImeTracker::default();
        ime.begin_frame(&[preedit("くも")], a, true);
        assert_eq!(
            ime.begin_frame(&events, focused, window),
            Ending::Abrupt,
            "{events:?}"
        );
        ime.begin_frame(&[], a, true);
        assert!(!ime.owns_keys(), "{events:?}");
    }
}

#[test]
fn a_preedit_in_another_field_ends_the_first_composition() {
    let mut ime = ImeTracker::default();
    let (a, b) = (Some(field(1)), Some(field(2)));
    ime.begin_frame(&[preedit("くも")], a, true);
    assert_eq!(ime.begin_frame(&[preedit("あめ")], b, true), Ending::Abrupt);
    assert!(ime.is_composing(), "the new one goes on");
    assert_eq!(ime.begin_frame(&[commit("雨")], b, true), Ending::Finished);
}

#[test]
fn a_preedit_with_nothing_focused_is_no_composition() {
    let mut ime = ImeTracker::default();
    assert_eq!(ime.begin_frame(&[preedit("あ")], None, true), Ending::None);
    assert!(!ime.is_composing());
}

#[test]
fn events_split_across_frames_in_any_order_never_leave_it_composing() {
    // Every sequence of up to four frames drawn from these events and
    // focus changes ends, once focus has left, with shortcuts working.
    let a = Some(field(1));
    let b = Some(field(2));
    let steps: Vec<(Vec<Event>, Option<Id>)> = vec![
        (vec![enabled()], a),
        (vec![preedit("か")], a),
        (vec![preedit("")], a),
        (vec![commit("蚊")], a),
        (vec![disabled()], a),
        (vec![preedit("か"), commit("可")], a),
        (vec![commit("x"), preedit("き")], a),
        (vec![], b),
        (vec![preedit("き")], b),
        (vec![], None),
    ];
    let n = steps.len();
    for mask in 0..n.pow(4) {
        let mut ime = ImeTracker::default();
        let mut picks = mask;
        for _ in 0..4 {
            let (events, focused) = &steps[picks % n];
            picks /= n;
            ime.begin_frame(events, *focused, true);
        }
        // Focus goes somewhere no composition is: nothing may stick.
        ime.begin_frame(&[], Some(field(3)), true);
        ime.begin_frame(&[], Some(field(3)), true);
        assert!(!ime.owns_keys(), "stuck after sequence {mask}");
    }
}
