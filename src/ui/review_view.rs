//! The Review view: today's due cards one at a time. The front, then (Space
//! or "Show answer") the back with its day and chapter; rated Again / Hard /
//! Good / Easy with 1–4 or the buttons, each showing when the card would
//! come back (FSRS). A card can be suspended; the cards can be kept to one
//! book. Each rating is an edit of the journal: Undo takes it back.
//!
//! The view owns its state (the side shown, the book filter, the due cards
//! worked out for the journal's last revision).

use chrono::{DateTime, Utc};
use egui::{Key, RichText, Ui};

use crate::model::review::{Card, Due, Rating, Reviewed, due_cards, next_intervals};
use crate::model::{BookId, Edit, Journal};

use super::action::{Action, View, ViewCtx};
use super::i18n::UiLanguage;
use super::markdown_view::markdown_ui;

/// The due cards worked out for one generation of the journal's cards.
struct Worked {
    generation: u64,
    book: Option<BookId>,
    /// Indices into the cards of that generation (the session keeps them).
    due: Vec<Due>,
}

/// The journal's cards and their generation (see `session::CardIndex`).
pub type CardsNow<'a> = (&'a [Card], u64);

/// The Review view's own state.
#[derive(Default)]
pub struct ReviewView {
    showing_back: bool,
    book: Option<BookId>,
    worked: Option<Worked>,
}

impl ReviewView {
    /// How many cards are due now (worked out again when the cards changed).
    pub fn due_count(&mut self, journal: &Journal, cards: CardsNow<'_>) -> usize {
        self.work_out(journal, cards, Utc::now()).due.len()
    }

    fn work_out(
        &mut self,
        journal: &Journal,
        now_cards: CardsNow<'_>,
        now: DateTime<Utc>,
    ) -> &Worked {
        let (cards, generation) = now_cards;
        let stale = self
            .worked
            .as_ref()
            .is_none_or(|w| w.generation != generation || w.book != self.book);
        if stale {
            let due = due_cards(cards, &journal.review, now, self.book);
            self.worked = Some(Worked {
                generation,
                book: self.book,
                due,
            });
        }
        self.worked.as_ref().expect("worked out above")
    }

    /// The view, for the journal's `cards` as they are now.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &ViewCtx,
        cards: CardsNow<'_>,
        actions: &mut Vec<Action>,
    ) {
        let now = Utc::now();
        self.book_filter_ui(ui, cx);
        let worked = self.work_out(cx.journal, cards, now);
        let count = worked.due.len();
        let title = ui.heading(match cx.lang {
            UiLanguage::Japanese => format!("復習（残り {count} 枚）"),
            UiLanguage::English => format!("Review ({count} due)"),
        });
        super::accessible::heading(&title, 1);
        ui.separator();
        let Some(first) = worked.due.first() else {
            ui.label(cx.pick(
                "いま復習するカードはありません。わからなかったことに答えを書くか、学んだことに「表 :: 裏」の行を書くとカードになります。",
                "Nothing to review now. An answered question, or a line “front :: back” in 学んだこと, becomes a card.",
            ));
            return;
        };
        let Some(card) = cards.0.get(first.index).cloned() else {
            return;
        };
        let intervals = next_intervals(&first.state, now);
        self.card_ui(ui, cx, &card, intervals, now, actions);
    }

    fn book_filter_ui(&mut self, ui: &mut Ui, cx: &ViewCtx) {
        let all = cx.pick("すべての本", "All books").to_owned();
        let title = |id: Option<BookId>| {
            id.and_then(|b| cx.journal.book(b))
                .map_or(all.clone(), |b| b.title.clone())
        };
        egui::ComboBox::from_label(cx.pick("本", "Book"))
            .selected_text(title(self.book))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.book, None, all.clone());
                for book in &cx.journal.books {
                    ui.selectable_value(&mut self.book, Some(book.id), book.title.clone());
                }
            });
    }

    fn card_ui(
        &mut self,
        ui: &mut Ui,
        cx: &ViewCtx,
        card: &Card,
        intervals: [chrono::Duration; 4],
        now: DateTime<Utc>,
        actions: &mut Vec<Action>,
    ) {
        ui.label(RichText::new(cx.pick("表", "Front")).weak());
        markdown_ui(
            ui,
            egui::Id::unique(("review-front", card.key)),
            &card.front,
        );
        ui.add_space(8.0);
        let keys_free = !ui.ctx().egui_wants_keyboard_input();
        if !self.showing_back {
            let show = ui.button(cx.pick("答えを見る（Space）", "Show answer (Space)"));
            if show.clicked() || keys_free && ui.input(|i| i.key_pressed(Key::Space)) {
                self.showing_back = true;
            }
            return;
        }
        ui.label(RichText::new(cx.pick("裏", "Back")).weak());
        markdown_ui(ui, egui::Id::unique(("review-back", card.key)), &card.back);
        self.source_ui(ui, cx, card, actions);
        ui.add_space(8.0);
        let rated = rating_buttons_ui(ui, cx.lang, intervals)
            .or_else(|| keys_free.then(|| rating_key(ui)).flatten());
        if let Some(rating) = rated {
            let review = Reviewed {
                card: card.key,
                at: now,
                rating,
            };
            actions.push(Action::Edit(Edit::Review(review)));
            self.showing_back = false;
        }
        if ui
            .small_button(cx.pick("このカードを休止する", "Suspend this card"))
            .clicked()
        {
            let suspend = Edit::Suspend {
                card: card.key,
                suspended: true,
            };
            actions.push(Action::Edit(suspend));
            self.showing_back = false;
        }
    }

    /// Where the card came from: its day (a link) and chapter.
    fn source_ui(&self, ui: &mut Ui, cx: &ViewCtx, card: &Card, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            let day = cx.lang.date_with_weekday(card.date());
            if ui.link(day).clicked() {
                actions.push(Action::Show(View::Day(card.date())));
            }
            if let Some((book, chapter)) = card.chapter.and_then(|c| cx.journal.chapter(c)) {
                ui.label(RichText::new(format!("{} · {}", book.title, chapter.label)).weak());
            }
        });
    }
}

/// The four rating buttons, each with when the card would come back.
fn rating_buttons_ui(
    ui: &mut Ui,
    lang: UiLanguage,
    intervals: [chrono::Duration; 4],
) -> Option<Rating> {
    let words = [
        lang.pick("もう一度", "Again"),
        lang.pick("難しい", "Hard"),
        lang.pick("正解", "Good"),
        lang.pick("簡単", "Easy"),
    ];
    let mut rated = None;
    ui.horizontal(|ui| {
        for (n, rating) in Rating::ALL.into_iter().enumerate() {
            let text = format!("{} {}\n{}", n + 1, words[n], span(lang, intervals[n]));
            if ui.button(text).clicked() {
                rated = Some(rating);
            }
        }
    });
    rated
}

/// A rating given with the keys 1–4.
fn rating_key(ui: &Ui) -> Option<Rating> {
    let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
    ui.input(|i| {
        keys.iter()
            .position(|k| i.key_pressed(*k))
            .map(|n| Rating::ALL[n])
    })
}

/// "10分", "3日", "2か月" / "10 min", "3 days", "2 months".
fn span(lang: UiLanguage, d: chrono::Duration) -> String {
    let minutes = d.num_minutes().max(1);
    let (n, ja, en) = match minutes {
        ..60 => (minutes, "分", "min"),
        60..1440 => (minutes / 60, "時間", "h"),
        1440..43200 => (minutes / 1440, "日", "d"),
        _ => (minutes / 43200, "か月", "mo"),
    };
    match lang {
        UiLanguage::Japanese => format!("{n}{ja}"),
        UiLanguage::English => format!("{n} {en}"),
    }
}

/// The side panel's way in: "Review (N due)".
pub fn review_button_ui(
    ui: &mut Ui,
    lang: UiLanguage,
    due: Option<usize>,
    actions: &mut Vec<Action>,
) {
    let text = match (lang, due) {
        (UiLanguage::Japanese, Some(n)) => format!("復習 {n} 枚"),
        (UiLanguage::English, Some(n)) => format!("Review: {n} due"),
        (_, None) => lang.pick("復習", "Review").to_owned(),
    };
    if ui.button(text).clicked() {
        actions.push(Action::Show(View::Review));
    }
}
