//! A comparison written as a nested list, made into a grid.
//!
//! People compare options in their notes as a list long before they think
//! of a table:
//!
//! ```markdown
//! 観点: コスト、拡張性
//! - コスト
//! - 拡張性
//!
//! - ECS on EC2
//!   - コスト: 安い
//!   - ノード管理が要る
//! - ECS on Fargate
//!   - 拡張性: 自動
//! ```
//!
//! The top-level items with sub-items become the grid's options; a list of
//! plain items just before them (コスト, 拡張性, …) becomes its criteria,
//! and a sub-item `コスト: 安い` fills that criterion's cell; every other
//! sub-item goes to a notes column, one per line. Without a criteria list
//! the grid has the notes column alone, and `key: value` sub-items that
//! every option shares become criteria too.

use std::ops::Range;

use super::lists::{ItemLines, Piece, pieces};
use crate::model::{Grid, Language};

/// A grid found in a text, and the lines it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct ListGrid {
    pub grid: Grid,
    /// The lines of the text the list (and its criteria list) took, to
    /// remove when the grid replaces them.
    pub lines: Range<usize>,
}

impl ListGrid {
    /// The text with the list taken out (blank lines around it closed up).
    pub fn text_without_list(&self, text: &str) -> String {
        let lines: Vec<&str> = text.split('\n').collect();
        let mut kept: Vec<&str> = lines[..self.lines.start].to_vec();
        while kept.last().is_some_and(|l| l.trim().is_empty()) {
            kept.pop();
        }
        let after = &lines[self.lines.end.min(lines.len())..];
        let after: Vec<&str> = after
            .iter()
            .copied()
            .skip_while(|l| l.trim().is_empty())
            .collect();
        if !kept.is_empty() && !after.is_empty() {
            kept.push("");
        }
        kept.extend(after);
        kept.join("\n")
    }
}

/// The first nested list of `text` (two or more top-level items, at least
/// one with sub-items) as a grid; None if there is none.
pub fn grid_from_list(text: &str, language: Language) -> Option<ListGrid> {
    let lines: Vec<&str> = text.split('\n').collect();
    let pieces = pieces(&lines);
    let (first, mut items) = nested_run(&pieces)?;
    let mut start = line_of(&pieces, first);
    let end = start + items.iter().map(|i| 1 + i.rest.len()).sum::<usize>();
    let mut criteria = Vec::new();
    // Plain items right before the options in the same list are criteria.
    let lead = items.iter().take_while(|i| sub_items(i).is_empty()).count();
    if lead >= 2 && items.len() - lead >= 2 {
        criteria = items
            .drain(..lead)
            .map(|i| i.first.trim().to_owned())
            .collect();
    } else if let Some((names, from)) = criteria_before(&pieces, first) {
        criteria = names;
        start = line_of(&pieces, from);
    }
    let grid = build_grid(&items, criteria, language);
    Some(ListGrid {
        grid,
        lines: start..end,
    })
}

/// The first run of two or more consecutive items, at least one with
/// sub-items: its index among the pieces, and its items.
fn nested_run<'a>(pieces: &[Piece<'a>]) -> Option<(usize, Vec<ItemLines<'a>>)> {
    let mut i = 0;
    while i < pieces.len() {
        let run: Vec<ItemLines> = pieces[i..]
            .iter()
            .map_while(|p| match p {
                Piece::Item(item) => Some(item.clone()),
                Piece::Text(_) => None,
            })
            .collect();
        if run.len() >= 2 && run.iter().any(|item| !sub_items(item).is_empty()) {
            return Some((i, run));
        }
        i += run.len().max(1);
    }
    None
}

/// The plain items just before piece `first` (blank or label lines between
/// allowed): their texts, and the index of the first of them.
fn criteria_before(pieces: &[Piece], first: usize) -> Option<(Vec<String>, usize)> {
    let mut at = first;
    if at > 0
        && let Piece::Text(lines) = &pieces[at - 1]
        && lines.iter().all(|l| l.trim().is_empty())
    {
        at -= 1;
    }
    let mut names = Vec::new();
    while at > 0 {
        match &pieces[at - 1] {
            Piece::Item(item) if item.rest.iter().all(|l| l.trim().is_empty()) => {
                names.insert(0, item.first.trim().to_owned());
                at -= 1;
            }
            _ => break,
        }
    }
    (names.len() >= 2).then_some((names, at))
}

/// The line where piece `index` starts.
fn line_of(pieces: &[Piece], index: usize) -> usize {
    pieces[..index]
        .iter()
        .map(|p| match p {
            Piece::Item(item) => 1 + item.rest.len(),
            Piece::Text(lines) => lines.len(),
        })
        .sum()
}

/// An item's sub-items: its further lines that are list items, de-indented.
fn sub_items(item: &ItemLines) -> Vec<String> {
    item.rest
        .iter()
        .map(|l| l.trim())
        .filter_map(|l| {
            ["- ", "* ", "+ "]
                .iter()
                .find_map(|m| l.strip_prefix(m))
                .map(|t| t.trim().to_owned())
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// `コスト: 安い` / `コスト：安い` → (コスト, 安い).
fn key_value(text: &str) -> Option<(&str, &str)> {
    let (key, value) = text.split_once([':', '：'])?;
    let key = key.trim();
    (!key.is_empty() && key.chars().count() <= 20).then_some((key, value.trim()))
}

fn build_grid(items: &[ItemLines], mut criteria: Vec<String>, language: Language) -> Grid {
    let subs: Vec<Vec<String>> = items.iter().map(sub_items).collect();
    if criteria.is_empty() {
        criteria = shared_keys(&subs);
    }
    let notes = match language {
        Language::Ja => "メモ",
        Language::En => "Notes",
    };
    let options = items.iter().map(|i| i.first.trim().to_owned()).collect();
    let mut columns = criteria.clone();
    columns.push(notes.to_owned());
    let mut grid = Grid::new(options, columns);
    grid.total_column = false;
    for (row, subs) in subs.iter().enumerate() {
        let mut loose = Vec::new();
        for sub in subs {
            match key_value(sub)
                .and_then(|(k, v)| criteria.iter().position(|c| c == k).map(|c| (c, v)))
            {
                Some((column, value)) => grid.cells[row][column].text = value.to_owned(),
                None => loose.push(sub.as_str()),
            }
        }
        grid.cells[row][criteria.len()].text = loose.join("\n");
    }
    grid
}

/// The `key:` that every option's sub-items have, in first-seen order.
fn shared_keys(subs: &[Vec<String>]) -> Vec<String> {
    let keys = |list: &Vec<String>| -> Vec<String> {
        list.iter()
            .filter_map(|s| key_value(s))
            .map(|(k, _)| k.to_owned())
            .collect()
    };
    let Some(first) = subs.first() else {
        return Vec::new();
    };
    keys(first)
        .into_iter()
        .filter(|k| subs.iter().all(|s| keys(s).contains(k)))
        .collect()
}

#[cfg(test)]
mod tests;
