//! Edits of a day's texts and of the entries of its list sections
//! (取り組んだこと, わからなかったこと, 次やること): add, remove, move, check
//! done, resolve and reopen a question.

use chrono::NaiveDate;

use super::super::Address;
use super::super::address::text_mut;
use super::super::day::{Answer, BoxStyle, Day, Entry, NextItem, Question, SectionBody, WorkItem};
use super::super::journal::Journal;
use crate::model::change::{move_in, set};

pub(super) fn set_text(journal: &mut Journal, date: NaiveDate, at: Address, text: String) -> bool {
    journal
        .days
        .get_mut(&date)
        .and_then(|day| text_mut(day, at))
        .is_some_and(|slot| set(slot, text))
}

fn body_mut(journal: &mut Journal, date: NaiveDate, section: usize) -> Option<&mut SectionBody> {
    Some(&mut journal.days.get_mut(&date)?.sections.get_mut(section)?.body)
}

/// Append an empty item to a list section, written like the item before it
/// (its bullet or next number, its kind of checkbox).
pub(super) fn add_item(journal: &mut Journal, date: NaiveDate, section: usize) -> bool {
    let boxes = journal.template.next_checkboxes;
    match body_mut(journal, date, section) {
        Some(SectionBody::WorkedOn(entries)) => {
            let marker = last_item(entries).map(|item| match item {
                WorkItem::Text { marker, .. } => marker.following(),
                WorkItem::Book(book) => book.marker.following(),
            });
            let text = String::new();
            let marker = marker.unwrap_or_default();
            entries.push(Entry::Item(WorkItem::Text { text, marker }));
        }
        Some(SectionBody::Questions(entries)) => {
            let mut question = Question::new("");
            if let Some(last) = last_item(entries) {
                question.marker = last.marker.following();
                question.style = last.style;
            }
            entries.push(Entry::Item(question));
        }
        Some(SectionBody::Next(entries)) => {
            let mut next = NextItem::new("");
            next.style = if boxes {
                BoxStyle::Box
            } else {
                BoxStyle::Plain
            };
            if let Some(last) = last_item(entries) {
                next.marker = last.marker.following();
                next.style = last.style;
            }
            entries.push(Entry::Item(next));
        }
        _ => return false,
    }
    true
}

fn last_item<T>(entries: &[Entry<T>]) -> Option<&T> {
    entries.iter().rev().find_map(|entry| match entry {
        Entry::Item(item) => Some(item),
        Entry::Text(_) => None,
    })
}

pub(super) fn remove(journal: &mut Journal, date: NaiveDate, section: usize, entry: usize) -> bool {
    fn remove_from<T>(entries: &mut Vec<Entry<T>>, entry: usize) -> bool {
        let exists = entry < entries.len();
        if exists {
            entries.remove(entry);
        }
        exists
    }
    match body_mut(journal, date, section) {
        Some(SectionBody::WorkedOn(entries)) => remove_from(entries, entry),
        Some(SectionBody::Questions(entries)) => remove_from(entries, entry),
        Some(SectionBody::Next(entries)) => remove_from(entries, entry),
        _ => false,
    }
}

pub(super) fn move_entry(
    journal: &mut Journal,
    date: NaiveDate,
    section: usize,
    from: usize,
    to: usize,
) -> bool {
    match body_mut(journal, date, section) {
        Some(SectionBody::WorkedOn(entries)) => move_in(entries, from, to),
        Some(SectionBody::Questions(entries)) => move_in(entries, from, to),
        Some(SectionBody::Next(entries)) => move_in(entries, from, to),
        _ => false,
    }
}

/// The 次やること item at (section, entry).
fn next_mut(day: &mut Day, (section, entry): (usize, usize)) -> Option<&mut NextItem> {
    match &mut day.sections.get_mut(section)?.body {
        SectionBody::Next(entries) => entries.get_mut(entry)?.item_mut(),
        _ => None,
    }
}

/// The question at (section, entry).
fn question_mut(day: &mut Day, (section, entry): (usize, usize)) -> Option<&mut Question> {
    match &mut day.sections.get_mut(section)?.body {
        SectionBody::Questions(entries) => entries.get_mut(entry)?.item_mut(),
        _ => None,
    }
}

pub(super) fn set_done(
    journal: &mut Journal,
    date: NaiveDate,
    at: (usize, usize),
    done: bool,
) -> bool {
    journal
        .days
        .get_mut(&date)
        .and_then(|day| next_mut(day, at))
        .is_some_and(|item| set(&mut item.done, done))
}

pub(super) fn resolve(
    journal: &mut Journal,
    date: NaiveDate,
    at: (usize, usize),
    answer: String,
    resolved_on: NaiveDate,
) -> bool {
    let answer = Some(Answer {
        text: answer,
        resolved_on,
    });
    journal
        .days
        .get_mut(&date)
        .and_then(|day| question_mut(day, at))
        .is_some_and(|q| set(&mut q.answer, answer))
}

pub(super) fn reopen(journal: &mut Journal, date: NaiveDate, at: (usize, usize)) -> bool {
    journal
        .days
        .get_mut(&date)
        .and_then(|day| question_mut(day, at))
        .is_some_and(|q| q.answer.take().is_some())
}

/// Settle the list conflict whose first marker is entry `entry`.
pub(super) fn settle_conflict(
    journal: &mut Journal,
    date: NaiveDate,
    (section, entry): (usize, usize),
    keep: crate::model::merge::Keep,
) -> bool {
    fn settle_in<T>(
        entries: &mut Vec<Entry<T>>,
        start: usize,
        keep: crate::model::merge::Keep,
    ) -> bool {
        use crate::model::merge::{
            Keep,
            text::{END_MARKER, OURS_MARKER, THEIRS_MARKER},
        };
        let is =
            |i: usize, marker: &str| matches!(entries.get(i), Some(Entry::Text(t)) if t == marker);
        if !is(start, OURS_MARKER) {
            return false;
        }
        let Some(middle) = (start..entries.len()).find(|&i| is(i, THEIRS_MARKER)) else {
            return false;
        };
        let Some(end) = (middle..entries.len()).find(|&i| is(i, END_MARKER)) else {
            return false;
        };
        let tail: Vec<Entry<T>> = entries.drain(start..).collect();
        let (end, middle) = (end - start, middle - start);
        for (i, e) in tail.into_iter().enumerate() {
            let kept = match keep {
                _ if i == 0 || i == middle || i == end => false,
                _ if i > end => true,
                Keep::Ours => i < middle,
                Keep::Theirs => i > middle,
                Keep::Both => true,
            };
            if kept {
                entries.push(e);
            }
        }
        true
    }
    match body_mut(journal, date, section) {
        Some(SectionBody::WorkedOn(entries)) => settle_in(entries, entry, keep),
        Some(SectionBody::Questions(entries)) => settle_in(entries, entry, keep),
        Some(SectionBody::Next(entries)) => settle_in(entries, entry, keep),
        _ => false,
    }
}
