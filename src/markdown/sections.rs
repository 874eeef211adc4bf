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
            "今日の作業",
            "本日の作業",
            "本日の目標",
            "今日の目標",
            "本日の学習",
            "進捗",
            "today's progress",
            "todays progress",
            "progress",
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
            "新しい気付き",
            "気付き",
            "学んだことわかったこと",
            "today i learned",
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
            "詰まっていること",
            "詰まったこと",
            "困っていること",
            "困ったこと",
            "課題",
            "problem",
            "problems",
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
            "明日の目標",
            "明日の予定",
            "次回の目標",
            "try",
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
            "感じたこと",
            "反省",
            "ふりかえり",
            "振り返り・感想",
            "keep",
            "impressions",
            "thoughts",
            "reflection",
            "reflections",
            "comments",
        ],
    ),
];

/// Which of the five sections a heading names, if any: by its words,
/// whatever decoration it wears (`**学んだこと（新しい気付き、学び）**`,
/// `わからなかったこと・疑問`, `1. やったこと`, `Today I learned:`).
pub fn classify_heading(heading: &str) -> Option<Section> {
    let bare = without_brackets(heading);
    let before_note = bare
        .split(['・', ':', '：', '／', '/', '|'])
        .next()
        .unwrap_or(&bare)
        .to_owned();
    // YWT writes the words in brackets after a letter: `Y（やったこと）`.
    let in_brackets = heading
        .split_once(['（', '('])
        .filter(|_| normalize(&bare).chars().count() <= 1)
        .and_then(|(_, rest)| rest.split_once(['）', ')']))
        .map(|(inner, _)| inner.to_owned())
        .unwrap_or_default();
    [heading.to_owned(), bare, before_note, in_brackets]
        .iter()
        .find_map(|candidate| lookup(&normalize(candidate)))
}

fn lookup(key: &str) -> Option<Section> {
    let key = key.trim_start_matches(|c: char| c.is_ascii_digit());
    normalized_synonyms()
        .iter()
        .find(|(_, name)| name == key)
        .map(|(section, _)| *section)
}

/// The heading without notes in brackets: `学んだこと（新しい気付き）` → `学んだこと`.
fn without_brackets(heading: &str) -> String {
    let pairs = [
        ('（', '）'),
        ('(', ')'),
        ('【', '】'),
        ('[', ']'),
        ('〔', '〕'),
    ];
    let mut out = String::new();
    let mut closing: Vec<char> = Vec::new();
    for c in heading.chars() {
        if let Some((_, close)) = pairs.iter().find(|(open, _)| *open == c) {
            closing.push(*close);
        } else if closing.last() == Some(&c) {
            closing.pop();
        } else if closing.is_empty() {
            out.push(c);
        }
    }
    out
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

/// The word before a resolved question's answer (`- 解決 (date): …`).
pub fn resolved_label(language: Language) -> &'static str {
    match language {
        Language::Ja => "解決",
        Language::En => "Answer",
    }
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
    fn decorated_headings_and_the_words_people_use_are_recognised() {
        let cases = [
            ("**学んだこと（新しい気付き、学び）**", Section::Learned),
            ("1. やったこと", Section::WorkedOn),
            ("今日の作業", Section::WorkedOn),
            ("本日の目標", Section::WorkedOn),
            ("Today's progress", Section::WorkedOn),
            ("Today I learned:", Section::Learned),
            ("気づき", Section::Learned),
            ("感じたこと", Section::Impressions),
            ("ふりかえり", Section::Impressions),
            ("反省", Section::Impressions),
            ("詰まっていること", Section::Questions),
            ("困っていること", Section::Questions),
            ("明日の目標", Section::Next),
            ("Keep", Section::Impressions),
            ("Problem", Section::Questions),
            ("Try", Section::Next),
            ("🤔 わからなかったこと 🤔", Section::Questions),
            ("次やること【優先順】", Section::Next),
            ("Y（やったこと）", Section::WorkedOn),
            ("W（わかったこと）", Section::Learned),
            ("T（次にやること）", Section::Next),
        ];
        for (heading, section) in cases {
            assert_eq!(classify_heading(heading), Some(section), "{heading}");
        }
    }

    #[test]
    fn unknown_headings_are_not_guessed() {
        for heading in [
            "参考リンク",
            "References",
            "読書時間",
            "Rust",
            "Link to work",
            "参考リンク（メモ）",
        ] {
            assert_eq!(classify_heading(heading), None, "{heading}");
        }
    }
}
