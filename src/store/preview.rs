//! A first look at a big journal file, shown before the whole file is
//! parsed: its header, its library, the dates of
//! all its days, the newest day in full and the questions of the others
//! (the day form lists those still open; see `model::first_look`), read in a fraction of the time
//! by skipping over the rest of the text. The window shows it while the
//! whole file is still being parsed (ten years take about 60 ms), and
//! replaces it as soon as the parse is done.
//!
//! A preview is for showing only: the other days are cut down. Nothing
//! may edit, save or search it; the window holds its input back until the
//! real journal is in. Anything the scanner does not expect (attributes,
//! an older format, an odd key) gives no preview rather than a wrong one.

use std::path::Path;

use crate::model::{FORMAT_VERSION, Journal, fold_unlisted_questions};

use super::load::parse_journal;
use super::scan::{Span, date_key, journal_parts, list_items, skip_value, struct_fields};

/// Files smaller than this parse faster than a preview would help.
const PREVIEW_FROM_BYTES: usize = 512 * 1024;

/// Whether a journal file of `len` bytes is big enough for a preview to
/// help (a small one parses faster than it could be previewed).
pub fn worth_previewing(len: usize) -> bool {
    len >= PREVIEW_FROM_BYTES
}

/// The [`preview`] of a file big enough for one to help.
pub fn preview_of_big_file(path: &Path, text: &str) -> Option<Journal> {
    worth_previewing(text.len())
        .then(|| preview(path, text))
        .flatten()
}

/// The preview of the journal `text` (the file at `path`), or `None` when
/// the text is not laid out as studylog writes it.
pub fn preview(path: &Path, text: &str) -> Option<Journal> {
    let reduced = reduce(text)?;
    let mut journal = parse_journal(path, &reduced).ok()?;
    // The text is cut as `model::first_look` cuts a journal; what it then
    // does to the cut days it does here too.
    fold_unlisted_questions(&mut journal);
    (journal.format_version == FORMAT_VERSION).then_some(journal)
}

/// A section standing for one the preview leaves out.
const PLACEHOLDER_SECTION: &str = "(heading: \"\", body: Other(()))";

/// The text of the preview: the file with every day but the newest cut
/// down to its questions (the day form lists those still open from
/// earlier days); other sections before its last questions section stay
/// as placeholders, so each question keeps its place (its address) in its
/// day, and those after it are left out (as `model::first_look` does).
fn reduce(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut days = Vec::new();
    let mut reduced = journal_parts(text, |key, start| {
        let (sections, end) = sections(b, start)?;
        days.push((key, start..end, sections));
        Some(end)
    })?;
    let (newest, earlier) = days.split_last()?;
    reduced.push_str("days: {\n");
    for (key, _, sections) in earlier {
        date_key(&text[key.clone()])?;
        reduced.push_str(&text[key.clone()]);
        reduced.push_str(": (sections: [");
        let kept = sections
            .iter()
            .rposition(Option::is_some)
            .map_or(0, |last| last + 1);
        for section in &sections[..kept] {
            let questions = section.clone().map(|q| &text[q]);
            reduced.push_str(questions.unwrap_or(PLACEHOLDER_SECTION));
            reduced.push(',');
        }
        reduced.push_str("]),\n");
    }
    let (key, day, _) = newest;
    reduced.push_str(&format!(
        "{}: {},\n}},\n)",
        &text[key.clone()],
        &text[day.clone()]
    ));
    Some(reduced)
}

/// The sections of the day starting at `i`: where each one that holds
/// questions is, `None` for the others; and where the day ends.
fn sections(b: &[u8], i: usize) -> Option<(Vec<Option<Span>>, usize)> {
    let mut found = Vec::new();
    let end = struct_fields(b, i, |name, start| {
        if &b[name] != b"sections" {
            return skip_value(b, start);
        }
        list_items(b, start, |item| {
            let mut questions = false;
            let end = struct_fields(b, item, |name, start| {
                questions |= &b[name] == b"body" && b[start..].starts_with(b"Questions");
                skip_value(b, start)
            })?;
            found.push(questions.then_some(item..end));
            Some(end)
        })
    })?;
    Some((found, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Day, EARLIER_QUESTIONS_LISTED, Language, Question, newest_open_questions, open_questions,
    };
    use crate::store::to_ron_string;
    use chrono::NaiveDate;

    fn journal_of(days: &[(&str, &str)]) -> Journal {
        let mut journal = Journal::new("preview テスト", Language::Ja);
        for (date, text) in days {
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
            let mut day = Day::from_template(&journal.template);
            day.preamble = (*text).to_owned();
            add_question(&mut day, &format!("{text}?"));
            journal.days.insert(date, day);
        }
        journal
    }

    fn add_question(day: &mut Day, text: &str) {
        for section in &mut day.sections {
            if let crate::model::SectionBody::Questions(items) = &mut section.body {
                items.push(crate::model::Entry::Item(Question::new(text)));
            }
        }
    }

    #[test]
    fn a_preview_has_every_date_and_the_newest_day_in_full() {
        let journal = journal_of(&[
            (
                "2025-01-02",
                "old, with \"quotes\" ) ] } and // not a comment",
            ),
            ("2025-03-04", "r#\"not raw\"# ' and /* not a comment ]"),
            ("2025-05-06", "newest 最新の日"),
        ]);
        let text = to_ron_string(&journal).unwrap();
        let seen = preview(Path::new("p.studylog.ron"), &text).unwrap();
        assert_eq!(seen.title, journal.title);
        assert_eq!(seen.books, journal.books);
        assert_eq!(
            seen.days.keys().collect::<Vec<_>>(),
            journal.days.keys().collect::<Vec<_>>()
        );
        let newest = journal.days.keys().next_back().unwrap();
        assert_eq!(seen.days[newest], journal.days[newest]);
        // The other days are cut down to their questions, all still there.
        assert_eq!(seen.days.values().next().unwrap().preamble, "");
        assert_eq!(
            open_questions(&seen, *newest),
            open_questions(&journal, *newest)
        );
        assert_eq!(open_questions(&seen, *newest).len(), 2);
    }

    #[test]
    fn a_generated_year_previews_as_the_window_shows_it() {
        let journal = crate::generate::generate(1, 7);
        let text = to_ron_string(&journal).unwrap();
        let seen = preview(Path::new("year.studylog.ron"), &text).unwrap();
        let (newest, day) = journal.days.iter().next_back().unwrap();
        assert_eq!(&seen.days[newest], day);
        assert!(seen.days.keys().eq(journal.days.keys()));
        assert_eq!(seen.books, journal.books);
        assert_eq!(seen.template, journal.template);
        let listed = |journal| newest_open_questions(journal, *newest, EARLIER_QUESTIONS_LISTED);
        let open = listed(&journal);
        assert!(
            open.total > EARLIER_QUESTIONS_LISTED,
            "the generated year has more open questions than a form lists"
        );
        assert_eq!(listed(&seen), open);
    }

    #[test]
    fn a_preview_is_the_journals_first_look() {
        let journal = crate::generate::generate(1, 11);
        let text = to_ron_string(&journal).unwrap();
        let seen = preview(Path::new("year.studylog.ron"), &text).unwrap();
        assert!(seen == crate::model::first_look(&journal));
    }

    #[test]
    fn comments_are_read_past() {
        let text = "// a note\n/* a /* nested */ note */ (\n  format_version: 2, // two\n  title: \"t\",\n  days: {\n    \"2024-01-01\": (sections: []),\n    /* gone */ \"2024-02-01\": (preamble: \"x\", sections: []),\n  },\n)\n";
        let seen = preview(Path::new("p"), text).unwrap();
        assert_eq!(seen.days.len(), 2);
        let last = NaiveDate::from_ymd_opt(2024, 2, 1).unwrap();
        assert_eq!(seen.days[&last].preamble, "x");
    }

    #[test]
    fn text_not_laid_out_as_expected_gives_no_preview() {
        for text in [
            "",
            "#![enable(implicit_some)]\n(format_version: 2, days: {})",
            "Journal(format_version: 2, days: { \"2024-01-01\": (sections: []) })",
            "(format_version: 2, days: { \"2024-13-01\": () })",
            "(format_version: 2, days: { \"2024-01-01\": (sections: [] }",
            "(format_version: 2, title: \"never closed, days: {})",
            "(format_version: 1, days: { \"2024-01-01\": (sections: []) })",
        ] {
            assert!(preview(Path::new("p"), text).is_none(), "{text}");
        }
    }
}
