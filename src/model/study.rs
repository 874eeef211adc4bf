//! The study flow as pure functions: what carries into a new day, which
//! questions are still open, study days and streaks, progress per book.
//!
//! A "study day" is a day whose log holds something; an empty day someone
//! opened and left, or a day planned in the future, does not count.

use chrono::NaiveDate;

use super::book::ChapterStatus;
use super::day::{Day, Entry, NextItem, SectionBody};
use super::journal::Journal;
use super::template::Section;

/// The unfinished 次やること of the most recent day before `date`, marked as
/// carried (with the day each item first came from).
pub fn carried_next(journal: &Journal, date: NaiveDate) -> Vec<NextItem> {
    let Some((&previous, day)) = journal.days.range(..date).next_back() else {
        return Vec::new();
    };
    day.next_items()
        .map(|(_, _, item)| item)
        .filter(|item| !item.done && !item.text.trim().is_empty())
        .map(|item| NextItem {
            done: false,
            carried_from: Some(item.carried_from.unwrap_or(previous)),
            ..item.clone()
        })
        .collect()
}

/// A new day's log: the template's sections, with the carried items in 次やること.
pub fn new_day(journal: &Journal, date: NaiveDate) -> Day {
    let mut day = Day::from_template(&journal.template);
    let carried = carried_next(journal, date);
    let next = day
        .sections
        .iter_mut()
        .find(|s| s.kind() == Some(Section::Next));
    if let Some(SectionBody::Next(entries)) = next.map(|s| &mut s.body) {
        entries.extend(carried.into_iter().map(Entry::Item));
    }
    day
}

/// A question still without an answer: entry `entry` of section `section`
/// of the day `date`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenQuestion {
    pub date: NaiveDate,
    pub section: usize,
    pub entry: usize,
    pub text: String,
    /// Days between asking and `today`.
    pub age_days: i64,
}

/// Open questions asked before `today`, oldest first.
pub fn open_questions(journal: &Journal, today: NaiveDate) -> Vec<OpenQuestion> {
    journal
        .days
        .range(..today)
        .flat_map(|(date, day)| {
            day.questions()
                .filter(|(_, _, q)| q.is_open())
                .map(move |(section, entry, q)| OpenQuestion {
                    date: *date,
                    section,
                    entry,
                    text: q.text.clone(),
                    age_days: (today - *date).num_days(),
                })
        })
        .collect()
}

/// How many of the open questions from earlier days a day form lists
/// (the rest it counts).
pub const EARLIER_QUESTIONS_LISTED: usize = 50;

/// The open questions asked before `today` that a day shows: the newest
/// `limit` of them, newest first, and how many are open in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewestOpenQuestions {
    pub newest: Vec<OpenQuestion>,
    pub total: usize,
}

/// The newest `limit` open questions asked before `today`, and their
/// total. Only those kept are copied: a day form asks for this on every
/// frame, and ten years hold thousands of open questions.
pub fn newest_open_questions(
    journal: &Journal,
    today: NaiveDate,
    limit: usize,
) -> NewestOpenQuestions {
    let mut found = NewestOpenQuestions::default();
    for (date, day) in journal.days.range(..today).rev() {
        let open = || day.questions().filter(|(_, _, q)| q.is_open());
        found.total += open().count();
        if found.newest.len() == limit {
            continue;
        }
        let asked: Vec<_> = open().collect();
        let room = limit - found.newest.len();
        found.newest.extend(
            asked
                .into_iter()
                .rev()
                .take(room)
                .map(|(section, entry, q)| OpenQuestion {
                    date: *date,
                    section,
                    entry,
                    text: q.text.clone(),
                    age_days: (today - *date).num_days(),
                }),
        );
    }
    found
}

/// Days up to `today` whose log holds something.
pub fn study_days(journal: &Journal, today: NaiveDate) -> Vec<NaiveDate> {
    journal
        .days
        .range(..=today)
        .filter(|(_, day)| !day.is_empty())
        .map(|(date, _)| *date)
        .collect()
}

/// Study days, and the current and longest runs of consecutive study days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Streaks {
    pub study_days: usize,
    /// Ending today, or yesterday when today has no log yet (the day is not over).
    pub current: usize,
    pub longest: usize,
}

pub fn streaks(journal: &Journal, today: NaiveDate) -> Streaks {
    let days = study_days(journal, today);
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<NaiveDate> = None;
    for &date in &days {
        run = match previous {
            Some(p) if p.succ_opt() == Some(date) => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        previous = Some(date);
    }
    let yesterday = today.pred_opt();
    let current = match previous {
        Some(last) if last == today || Some(last) == yesterday => run,
        _ => 0,
    };
    Streaks {
        study_days: days.len(),
        current,
        longest,
    }
}

/// How much was written on a day (characters of all its text), for the heatmap.
pub fn amount_written(day: &Day) -> usize {
    super::search::day_texts(day)
        .iter()
        .map(|(_, text)| text.chars().count())
        .sum()
}

/// The status a chapter should get when it is first ticked as studied.
pub fn status_when_studied(status: ChapterStatus) -> ChapterStatus {
    match status {
        ChapterStatus::NotStarted => ChapterStatus::Reading,
        other => other,
    }
}

/// Chapter labels from a pasted table of contents: one per non-blank line,
/// without list bullets.
pub fn chapters_from_toc(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let line = line.trim();
            line.strip_prefix("- ")
                .or_else(|| line.strip_prefix("* "))
                .or_else(|| line.strip_prefix("・"))
                .unwrap_or(line)
                .trim()
                .to_owned()
        })
        .filter(|line| !line.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, DaySection, FreeText, Language, Question};

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn studied() -> Day {
        Day {
            sections: vec![DaySection::of(
                "感想",
                SectionBody::Impressions(FreeText::new("読んだ")),
            )],
            ..Day::default()
        }
    }

    fn with_section(day: &mut Day, heading: &str, body: SectionBody) {
        day.sections.push(DaySection::of(heading, body));
    }

    fn journal(dates: &[&str]) -> Journal {
        let mut journal = Journal::new("t", Language::Ja);
        for date in dates {
            journal.days.insert(d(date), studied());
        }
        journal
    }

    #[test]
    fn unfinished_items_carry_from_the_latest_earlier_day_across_a_gap() {
        let mut journal = journal(&["2025-03-01", "2025-03-05"]);
        let day = journal.days.get_mut(&d("2025-03-05")).unwrap();
        let items = vec![
            NextItem::new("7 章を読む"),
            NextItem {
                done: true,
                ..NextItem::new("6 章を読む")
            },
            NextItem {
                carried_from: Some(d("2025-03-01")),
                ..NextItem::new("演習 3")
            },
        ];
        let body = SectionBody::Next(items.into_iter().map(Entry::Item).collect());
        with_section(day, "次やること", body);
        let carried = carried_next(&journal, d("2025-03-09"));
        assert_eq!(carried.len(), 2);
        assert_eq!(carried[0].text, "7 章を読む");
        assert_eq!(carried[0].carried_from, Some(d("2025-03-05")));
        assert_eq!(
            carried[1].carried_from,
            Some(d("2025-03-01")),
            "keeps its first day"
        );
        assert!(carried.iter().all(|item| !item.done));
    }

    #[test]
    fn the_first_day_ever_carries_nothing() {
        let journal = journal(&["2025-03-05"]);
        assert!(carried_next(&journal, d("2025-03-05")).is_empty());
        assert!(carried_next(&journal, d("2025-01-01")).is_empty());
    }

    #[test]
    fn a_question_resolved_then_reopened_is_open_again() {
        let mut journal = journal(&["2025-03-01"]);
        let day = journal.days.get_mut(&d("2025-03-01")).unwrap();
        let question = Question {
            answer: Some(Answer {
                text: "w + r > n".into(),
                resolved_on: d("2025-03-02"),
            }),
            ..Question::new("quorum")
        };
        with_section(
            day,
            "疑問",
            SectionBody::Questions(vec![Entry::Item(question)]),
        );
        assert!(open_questions(&journal, d("2025-03-10")).is_empty());
        let day = journal.days.get_mut(&d("2025-03-01")).unwrap();
        if let SectionBody::Questions(entries) = &mut day.sections[1].body {
            entries[0].item_mut().unwrap().answer = None;
        }
        let open = open_questions(&journal, d("2025-03-10"));
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].age_days, 9);
    }

    #[test]
    fn a_day_shows_the_newest_open_questions_and_counts_them_all() {
        let mut journal = journal(&["2025-03-01", "2025-03-02", "2025-03-03"]);
        for (date, texts) in [
            ("2025-03-01", ["quorum", "raft"]),
            ("2025-03-02", ["lsm", "  "]),
            ("2025-03-03", ["b-tree", "wal"]),
        ] {
            let day = journal.days.get_mut(&d(date)).unwrap();
            let asked = texts.map(|t| Entry::Item(Question::new(t)));
            with_section(day, "疑問", SectionBody::Questions(asked.into()));
        }
        let shown = newest_open_questions(&journal, d("2025-03-10"), 3);
        assert_eq!(shown.total, 5, "a blank question is not open");
        let texts: Vec<_> = shown.newest.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["wal", "b-tree", "lsm"]);
        let mut all = open_questions(&journal, d("2025-03-10"));
        all.reverse();
        assert_eq!(
            shown.newest[..],
            all[..3],
            "the same questions, newest first"
        );
        let before = newest_open_questions(&journal, d("2025-03-03"), 10);
        assert_eq!(before.total, 3, "only days before the one shown");
    }

    #[test]
    fn streaks_count_runs_of_consecutive_study_days() {
        let journal = journal(&[
            "2025-03-01",
            "2025-03-02",
            "2025-03-03",
            "2025-03-05",
            "2025-03-06",
        ]);
        let s = streaks(&journal, d("2025-03-07"));
        assert_eq!(
            s,
            Streaks {
                study_days: 5,
                current: 2,
                longest: 3
            }
        );
        let s = streaks(&journal, d("2025-03-06"));
        assert_eq!(s.current, 2, "today counts");
        let s = streaks(&journal, d("2025-03-08"));
        assert_eq!(s.current, 0, "a missed day ends the streak");
    }

    #[test]
    fn future_and_empty_days_are_not_study_days() {
        let mut journal = journal(&["2025-03-01", "2025-03-02", "2025-03-20"]);
        journal.days.insert(d("2025-03-03"), Day::default());
        let s = streaks(&journal, d("2025-03-03"));
        assert_eq!(
            s,
            Streaks {
                study_days: 2,
                current: 2,
                longest: 2
            }
        );
    }

    #[test]
    fn no_days_no_streak() {
        let journal = journal(&[]);
        assert_eq!(streaks(&journal, d("2025-03-03")), Streaks::default());
    }

    #[test]
    fn a_table_of_contents_becomes_chapter_labels() {
        let toc = "- 1 章 はじめに\n\n・2 章 設計\n  3 章 実装  \n";
        assert_eq!(
            chapters_from_toc(toc),
            ["1 章 はじめに", "2 章 設計", "3 章 実装"]
        );
    }
}
