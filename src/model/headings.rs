//! Changing a journal's language: its template's headings for new days,
//! and, if asked, the headings of the days already written that still read
//! as the old template's (a heading of the user's own is theirs to keep).

use super::day::DaySection;
use super::journal::Journal;
use super::template::{Language, SectionHeadings};

/// `journal` with its template in `language`; with `existing`, each day's
/// section whose heading is the old template's heading for its kind is
/// renamed to the new one.
pub fn with_language(journal: &Journal, language: Language, existing: bool) -> Journal {
    let mut changed = journal.clone();
    let new = SectionHeadings::for_language(language);
    if existing {
        for day in changed.days.values_mut() {
            for section in &mut day.sections {
                if let Some(heading) = renamed(&journal.template.headings, &new, section) {
                    section.heading = heading.to_owned();
                }
            }
        }
    }
    changed.template.language = language;
    changed.template.headings = new;
    changed
}

/// How many of the days' headings [`with_language`] would rename.
pub fn headings_to_rename(journal: &Journal, language: Language) -> usize {
    let new = SectionHeadings::for_language(language);
    journal
        .days
        .values()
        .flat_map(|day| &day.sections)
        .filter(|s| renamed(&journal.template.headings, &new, s).is_some())
        .count()
}

/// The heading `section` takes from `new` when its own is still the `old`
/// template's for its kind (and differs); a heading of the user's own stays.
fn renamed<'a>(
    old: &SectionHeadings,
    new: &'a SectionHeadings,
    section: &DaySection,
) -> Option<&'a str> {
    let kind = section.kind()?;
    let heading = new.get(kind);
    (section.heading == old.get(kind) && section.heading != heading).then_some(heading)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DaySection, FreeText, Section, SectionBody};

    fn english_journal_with_a_day() -> Journal {
        let mut journal = Journal::new("", Language::En);
        let date = "2025-03-10".parse().unwrap();
        crate::model::apply(&mut journal, crate::model::Edit::CreateDay(date));
        let day = journal.days.get_mut(&date).unwrap();
        let own = SectionBody::Other(FreeText::default());
        day.sections.push(DaySection::of("My own notes", own));
        journal
    }

    #[test]
    fn new_days_get_the_new_headings_and_written_ones_only_when_asked() {
        let journal = english_journal_with_a_day();
        let kept = with_language(&journal, Language::Ja, false);
        assert_eq!(
            kept.template.headings.get(Section::WorkedOn),
            "取り組んだこと"
        );
        let day = kept.days.values().next().unwrap();
        assert_eq!(day.sections[0].heading, "What I worked on");

        let renamed = with_language(&journal, Language::Ja, true);
        let headings: Vec<&str> = renamed
            .days
            .values()
            .next()
            .unwrap()
            .sections
            .iter()
            .map(|s| s.heading.as_str())
            .collect();
        assert_eq!(headings[0], "取り組んだこと");
        assert!(headings.contains(&"感想"));
        assert_eq!(
            *headings.last().unwrap(),
            "My own notes",
            "the user's own heading stays"
        );
        assert_eq!(headings_to_rename(&journal, Language::Ja), 5);
        assert_eq!(headings_to_rename(&renamed, Language::Ja), 0);
    }
}
