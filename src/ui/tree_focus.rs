//! Which row of the books list asks for the keyboard, and how the list must
//! scroll to show it. Only rows on screen are drawn (see `side_tree`), and a
//! field not drawn cannot take the keyboard: the list scrolls first, the
//! field takes the keyboard once it is in view.

/// Where the row asking for the keyboard is: out of the books list's view
/// (with the offset that brings it in), or in view and ready to take it.
/// Only rows on screen are drawn, and a field not drawn cannot take the
/// keyboard. The offset stays within what the list could scroll to last
/// frame: past it, egui springs back (its rubber band), and the row with it.
pub fn focus_row(row_height: f32, spacing: f32, index: Option<usize>, view: BooksView) -> FocusRow {
    let Some(index) = index else {
        return FocusRow::None;
    };
    let row = row_height + spacing;
    let (top, bottom) = (index as f32 * row, index as f32 * row + row_height);
    let BooksView {
        offset,
        height,
        max_offset,
    } = view;
    let wanted = if top < offset {
        top
    } else if bottom > offset + height + 0.5 {
        (bottom - height).min(max_offset)
    } else {
        offset
    };
    // Already as close as the list can scroll: the row is as shown as it gets.
    if (wanted - offset).abs() < 0.5 {
        FocusRow::Shown
    } else {
        FocusRow::Away(wanted)
    }
}

/// See [`focus_row`].
pub enum FocusRow {
    None,
    Away(f32),
    Shown,
}

/// How the books list was scrolled and sized, last frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct BooksView {
    pub offset: f32,
    pub height: f32,
    pub max_offset: f32,
}
