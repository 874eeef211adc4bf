use super::*;
use crate::model::{
    Day, Entry, Language, NextItem, NotesAt, SectionBody, is_studied, notes, text_of,
};

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 10).unwrap()
}

fn journal() -> (Journal, ChapterId) {
    let mut journal = Journal::new("t", Language::Ja);
    let book = journal.add_book("データ指向アプリケーションデザイン");
    let chapter = journal.add_chapter(book, "5 章 レプリケーション").unwrap();
    let day = Day::from_template(&journal.template);
    journal.days.insert(date(), day);
    (journal, chapter)
}

fn studied(chapter: ChapterId, studied: bool) -> Edit {
    Edit::SetStudied {
        date: date(),
        chapter,
        studied,
    }
}

/// The index of the day's 次やること section.
fn next_section(journal: &Journal) -> usize {
    journal.days[&date()]
        .section(crate::model::Section::Next)
        .unwrap()
        .0
}

#[test]
fn marking_a_chapter_studied_gives_it_a_notes_block() {
    let (mut journal, chapter) = journal();
    assert!(apply(&mut journal, studied(chapter, true)));
    let day = &journal.days[&date()];
    assert!(is_studied(day, chapter));
    assert_eq!(notes(day, chapter).unwrap().1.blocks.len(), 1);
    assert!(
        !apply(&mut journal, studied(chapter, true)),
        "already studied"
    );
}

#[test]
fn unmarking_keeps_notes_that_hold_text() {
    let (mut journal, chapter) = journal();
    apply(&mut journal, studied(chapter, true));
    let (section, _) = notes(&journal.days[&date()], chapter).unwrap();
    let at = Address::Notes(NotesAt {
        section,
        chapter,
        block: 0,
    });
    let note = Edit::SetText {
        date: date(),
        at,
        text: "- リーダーを通る".into(),
    };
    assert!(apply(&mut journal, note));
    apply(&mut journal, studied(chapter, false));
    let day = &journal.days[&date()];
    assert!(!is_studied(day, chapter));
    assert_eq!(day.work_items().count(), 0);
    assert_eq!(text_of(day, at), Some("- リーダーを通る"));
}

#[test]
fn unmarking_drops_empty_notes() {
    let (mut journal, chapter) = journal();
    apply(&mut journal, studied(chapter, true));
    apply(&mut journal, studied(chapter, false));
    assert!(journal.days[&date()].is_empty());
}

#[test]
fn a_day_without_the_sections_gets_them_where_the_template_has_them() {
    let (mut journal, chapter) = journal();
    let mut day = Day::default();
    day.sections.push(crate::model::DaySection::of(
        "参考リンク",
        SectionBody::Other(crate::model::FreeText::new("- https://example.com")),
    ));
    journal.days.insert(date(), day);
    assert!(apply(&mut journal, studied(chapter, true)));
    let kinds: Vec<_> = journal.days[&date()]
        .sections
        .iter()
        .map(|s| s.kind())
        .collect();
    use crate::model::Section::*;
    assert_eq!(kinds, [Some(WorkedOn), Some(Learned), None]);
}

#[test]
fn items_are_added_moved_and_removed() {
    let (mut journal, _) = journal();
    let section = next_section(&journal);
    for text in ["a", "b", "c"] {
        apply(
            &mut journal,
            Edit::AddItem {
                date: date(),
                section,
            },
        );
        let entry = journal.days[&date()].next_items().count() - 1;
        let at = Address::Entry { section, entry };
        let text = text.into();
        apply(
            &mut journal,
            Edit::SetText {
                date: date(),
                at,
                text,
            },
        );
    }
    let moved = Edit::MoveEntry {
        date: date(),
        section,
        from: 2,
        to: 0,
    };
    assert!(apply(&mut journal, moved));
    let remove = Edit::RemoveEntry {
        date: date(),
        section,
        entry: 1,
    };
    assert!(apply(&mut journal, remove));
    let texts: Vec<_> = journal.days[&date()]
        .next_items()
        .map(|(_, _, n)| n.text.as_str())
        .collect();
    assert_eq!(texts, ["c", "b"]);
    let stale = Edit::RemoveEntry {
        date: date(),
        section,
        entry: 5,
    };
    assert!(!apply(&mut journal, stale));
}

#[test]
fn a_chapter_added_from_a_day_is_studied_there() {
    let (mut journal, _) = journal();
    let book = journal.books[0].id;
    let edit = Edit::AddChapter {
        book,
        label: " 6 章 パーティショニング ".into(),
        studied_on: Some(date()),
    };
    assert!(apply(&mut journal, edit));
    let chapter = journal.books[0].chapters[1].id;
    assert_eq!(
        journal.books[0].chapters[1].label,
        "6 章 パーティショニング"
    );
    assert!(is_studied(&journal.days[&date()], chapter));
    let blank = Edit::AddBook {
        title: "  ".into(),
        studied_on: None,
    };
    assert!(!apply(&mut journal, blank), "a blank title adds no book");
}

#[test]
fn a_free_grid_goes_after_the_text_and_comes_out_again() {
    let (mut journal, _) = journal();
    let (section, _) = journal.days[&date()]
        .section(crate::model::Section::Impressions)
        .unwrap();
    let at = GridAt {
        section,
        slot: crate::model::GridSlot::Free(9),
    };
    let grid = Grid::new(vec!["ECS".into()], vec!["コスト".into()]);
    assert!(apply(
        &mut journal,
        Edit::InsertGrid {
            date: date(),
            at,
            grid
        }
    ));
    let first = GridAt {
        section,
        slot: crate::model::GridSlot::Free(0),
    };
    let day = &journal.days[&date()];
    assert!(crate::model::grid_at(day, first).is_some(), "appended");
    assert!(apply(
        &mut journal,
        Edit::RemoveGrid {
            date: date(),
            at: first
        }
    ));
    assert!(journal.days[&date()].is_empty());
}

#[test]
fn a_missing_template_section_is_added_in_its_place_at_the_days_level() {
    let (mut journal, _) = journal();
    let day = journal.days.get_mut(&date()).unwrap();
    day.sections
        .retain(|s| s.kind() != Some(crate::model::Section::Next));
    for section in &mut day.sections {
        section.level = 3;
    }
    let add = Edit::AddSection {
        date: date(),
        kind: crate::model::Section::Next,
    };
    assert!(apply(&mut journal, add.clone()));
    let day = &journal.days[&date()];
    let kinds: Vec<_> = day.sections.iter().map(|s| s.kind().unwrap()).collect();
    assert_eq!(kinds, crate::model::Section::ALL);
    assert_eq!(day.sections[3].heading, "次やること");
    assert_eq!(day.sections[3].level, 3);
    assert!(!apply(&mut journal, add), "it is there already");
}

#[test]
fn a_new_item_is_written_like_the_one_before_it() {
    let (mut journal, _) = journal();
    let section = next_section(&journal);
    let day = journal.days.get_mut(&date()).unwrap();
    day.sections[section].body = SectionBody::Next(vec![Entry::Item(NextItem {
        marker: crate::model::Marker("2. ".into()),
        style: crate::model::BoxStyle::Plain,
        ..NextItem::new("読む")
    })]);
    apply(
        &mut journal,
        Edit::AddItem {
            date: date(),
            section,
        },
    );
    let SectionBody::Next(entries) = &journal.days[&date()].sections[section].body else {
        panic!("not a next section");
    };
    let Entry::Item(added) = &entries[1] else {
        panic!("not an item");
    };
    assert_eq!(added.marker.0, "3. ");
    assert_eq!(added.style, crate::model::BoxStyle::Plain);
}

#[test]
fn the_first_plan_of_a_day_has_a_box_only_if_the_template_writes_them() {
    for (boxes, style) in [
        (true, crate::model::BoxStyle::Box),
        (false, crate::model::BoxStyle::Plain),
    ] {
        let (mut journal, _) = journal();
        journal.template.next_checkboxes = boxes;
        let section = next_section(&journal);
        apply(
            &mut journal,
            Edit::AddItem {
                date: date(),
                section,
            },
        );
        let SectionBody::Next(entries) = &journal.days[&date()].sections[section].body else {
            panic!("not a next section");
        };
        assert!(matches!(&entries[0], Entry::Item(item) if item.style == style));
    }
}
