//! The views that look back over the journal rather than write a day: the
//! Review view, a book's pace page and the week's reflection. Each owns its
//! own state; the app holds them together here.

use super::book_page::BookPage;
use super::review_view::ReviewView;
use super::week_view::WeekView;

#[derive(Default)]
pub struct LookBack {
    pub review: ReviewView,
    pub book: BookPage,
    pub week: WeekView,
}
