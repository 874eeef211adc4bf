//! Recognising section headings by meaning: the five sections under the many
//! names real logs give them, in Japanese and English.

use std::sync::OnceLock;

use crate::model::{Language, Section};

const SYNONYMS: [(Section, &[&str]); 5] = [
    (
        Section::WorkedOn,
        &[
            "取り組んだこと",
            "今日取り組んだこと",
            "今日やったこと",
            "やったこと",
            "本日やったこと",
            "作業内容",
            "学習内容",
            "今日の学習",
            "what i worked on",
            "worked on",
            "what i did",
            "what i did today",
            "done",
            "today",
        ],
    ),
    (
        Section::Learned,
        &[
            "学んだこと",
            "今日学んだこと",
            "わかったこと",
            "分かったこと",
            "学び",
            "今日の学び",
            "気づき",
            "学習メモ",
            "メモ",
            "what i learned",
            "what i learnt",
            "learned",
            "learnt",
            "learnings",
            "til",
            "notes",
        ],
    ),
    (
        Section::Questions,
        &[
            "わからなかったこと",
            "分からなかったこと",
            "わからなかったこと疑問",
            "わからないこと",
            "分からないこと",
            "疑問",
            "疑問点",
            "質問",
            "不明点",
            "what i didnt understand",
            "what i did not understand",
            "questions",
            "open questions",
            "unclear",
        ],
    ),
    (
        Section::Next,
        &[
            "次やること",
            "次にやること",
            "明日やること",
            "次回",
            "次回やること",
            "今後やること",
            "やること",
            "todo",
            "next",
            "next steps",
            "next time",
            "tomorrow",
            "to do",
        ],
    ),
    (
        Section::Impressions,
        &[
            "感想",
            "振り返り",
            "所感",
            "ひとこと",
            "一言",
            "今日の感想",
            "impressions",
            "thoughts",
            "reflection",
            "reflections",
            "comments",
        ],
    ),
];

/// Which of the five sections a `##` heading names, if any.
pub fn classify_heading(heading: &str) -> Option<Section> {
    let key = normalize(heading);
    normalized_synonyms()
        .iter()
        .find(|(_, name)| *name == key)
        .map(|(section, _)| *section)
}

/// Every synonym, normalized once: headings are classified per day, per section.
fn normalized_synonyms() -> &'static [(Section, String)] {
    static TABLE: OnceLock<Vec<(Section, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        SYNONYMS
            .iter()
            .flat_map(|(section, names)| names.iter().map(|name| (*section, normalize(name))))
            .collect()
    })
}

/// The language a heading is written in: English if it has no non-ASCII letter.
pub fn heading_language(heading: &str) -> Language {
    if heading.is_ascii() {
        Language::En
    } else {
        Language::Ja
    }
}

/// Lower case, with punctuation, symbols, emoji and spaces dropped, so
/// "What I Learned:" and "わからなかったこと・疑問" compare by their words.
fn normalize(heading: &str) -> String {
    heading
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_in_both_languages_map_to_their_section() {
        let cases = [
            ("今日やったこと", Section::WorkedOn),
            ("What I did", Section::WorkedOn),
            ("わかったこと", Section::Learned),
            ("What I Learned:", Section::Learned),
            ("わからなかったこと・疑問", Section::Questions),
            ("疑問点", Section::Questions),
            ("What I didn't understand", Section::Questions),
            ("明日やること", Section::Next),
            ("次回", Section::Next),
            ("振り返り", Section::Impressions),
            ("Thoughts", Section::Impressions),
        ];
        for (heading, section) in cases {
            assert_eq!(classify_heading(heading), Some(section), "{heading}");
        }
    }

    #[test]
    fn unknown_headings_are_not_guessed() {
        for heading in ["参考リンク", "References", "読書時間"] {
            assert_eq!(classify_heading(heading), None, "{heading}");
        }
    }
}
