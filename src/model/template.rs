//! The shape of a daily log: date style and section headings, in the user's language.

use serde::{Deserialize, Serialize};

/// The language of the journal's headings (the UI language is a separate preference).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    Ja,
    En,
}

/// How a day is written out: its date heading and section headings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub language: Language,
    /// A chrono format string for the `#` date heading, e.g. `%Y-%m-%d`.
    pub date_format: String,
    pub headings: SectionHeadings,
    /// Whether open 次やること items are written as `- [ ] item` (else `- item`).
    #[serde(default = "yes")]
    pub next_checkboxes: bool,
    /// Whether Markdown is written newest day first, as the user's log was.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub newest_first: bool,
}

fn yes() -> bool {
    true
}

crate::listed_enum::listed_enum! {
    /// The five sections of a day, in template order.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Section {
        WorkedOn,
        Learned,
        Questions,
        Next,
        Impressions,
    }
}

/// The `##` headings of the five sections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionHeadings {
    pub worked_on: String,
    pub learned: String,
    pub questions: String,
    pub next: String,
    pub impressions: String,
}

impl Template {
    pub fn new(language: Language) -> Self {
        Template {
            language,
            date_format: "%Y-%m-%d".to_owned(),
            headings: SectionHeadings::for_language(language),
            next_checkboxes: true,
            newest_first: false,
        }
    }
}

impl Default for Template {
    fn default() -> Self {
        Template::new(Language::Ja)
    }
}

impl SectionHeadings {
    pub fn get(&self, section: Section) -> &str {
        match section {
            Section::WorkedOn => &self.worked_on,
            Section::Learned => &self.learned,
            Section::Questions => &self.questions,
            Section::Next => &self.next,
            Section::Impressions => &self.impressions,
        }
    }

    pub fn set(&mut self, section: Section, heading: String) {
        let slot = match section {
            Section::WorkedOn => &mut self.worked_on,
            Section::Learned => &mut self.learned,
            Section::Questions => &mut self.questions,
            Section::Next => &mut self.next,
            Section::Impressions => &mut self.impressions,
        };
        *slot = heading;
    }

    pub fn for_language(language: Language) -> Self {
        let [worked_on, learned, questions, next, impressions] = match language {
            Language::Ja => [
                "取り組んだこと",
                "学んだこと",
                "わからなかったこと",
                "次やること",
                "感想",
            ],
            Language::En => [
                "What I worked on",
                "What I learned",
                "What I didn't understand",
                "Next",
                "Impressions",
            ],
        };
        SectionHeadings {
            worked_on: worked_on.to_owned(),
            learned: learned.to_owned(),
            questions: questions.to_owned(),
            next: next.to_owned(),
            impressions: impressions.to_owned(),
        }
    }
}
