//! The language of the app's own words (menus, buttons, messages).
//!
//! Independent of the journal's template language: a Japanese log can be
//! edited in an English UI. The default follows the system locale.

use serde::{Deserialize, Serialize};

/// A language the UI speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UiLanguage {
    Japanese,
    English,
}

impl UiLanguage {
    /// Japanese when the system locale is Japanese, otherwise English.
    pub fn from_system() -> Self {
        crate::locale::system_language().into()
    }

    /// The Japanese or the English wording, whichever this language is.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            UiLanguage::Japanese => ja,
            UiLanguage::English => en,
        }
    }

    /// "Untitled", for a journal that has no file yet.
    pub fn untitled(self) -> &'static str {
        self.pick("無題", "Untitled")
    }

    /// "1 day", "2 days": a count with the English noun that agrees with it.
    pub fn count(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// The short names of the weekdays, Monday first.
    pub fn weekdays(self) -> [&'static str; 7] {
        match self {
            UiLanguage::Japanese => ["月", "火", "水", "木", "金", "土", "日"],
            UiLanguage::English => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        }
    }

    /// A date with its weekday, as a reader says it: 2025年3月10日（月）, Mon 10 Mar 2025.
    pub fn date_with_weekday(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let weekday = self.weekdays()[date.weekday().num_days_from_monday() as usize];
        match self {
            UiLanguage::Japanese => format!(
                "{}年{}月{}日（{weekday}）",
                date.year(),
                date.month(),
                date.day()
            ),
            UiLanguage::English => format!("{weekday} {}", date.format("%-d %b %Y")),
        }
    }
}

impl From<UiLanguage> for crate::model::Language {
    fn from(lang: UiLanguage) -> Self {
        match lang {
            UiLanguage::Japanese => crate::model::Language::Ja,
            UiLanguage::English => crate::model::Language::En,
        }
    }
}

impl From<crate::model::Language> for UiLanguage {
    fn from(lang: crate::model::Language) -> Self {
        match lang {
            crate::model::Language::Ja => UiLanguage::Japanese,
            crate::model::Language::En => UiLanguage::English,
        }
    }
}
