//! Links in notes, found where the user clicks: a Markdown link
//! `[text](https://…)`, a bare `https://…` address, and a link to a day of
//! the journal written `[[2025-12-01]]` (the form Obsidian and Logseq use
//! for a daily note, so logs kept there keep working). Pure: the window
//! opens the address or shows the day.

use chrono::NaiveDate;

/// Where a link goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// An address for the browser (or any other URL scheme the system opens).
    Web(String),
    /// A day of the journal.
    Day(NaiveDate),
}

/// The link to the day `date`, as notes write it.
pub fn day_link(date: NaiveDate) -> String {
    format!("[[{date}]]")
}

/// The link `text` has at byte `at` (the character clicked), if any.
pub fn link_at(text: &str, at: usize) -> Option<LinkTarget> {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    let line = &text[start..end];
    let at = at - start;
    day_link_at(line, at)
        .or_else(|| markdown_link_at(line, at))
        .or_else(|| bare_address_at(line, at))
}

/// Every day link and address in `text` with its byte range (the read
/// views make them clickable).
pub fn links_in(text: &str) -> Vec<(std::ops::Range<usize>, LinkTarget)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("[[").map(|n| from + n) {
        match text[open..].find("]]").map(|n| open + n + 2) {
            Some(close) => {
                if let Some(date) = day_in(&text[open..close]) {
                    found.push((open..close, LinkTarget::Day(date)));
                }
                from = close;
            }
            None => break,
        }
    }
    for scheme in ["https://", "http://"] {
        for (start, _) in text.match_indices(scheme) {
            let end = start + address_len(&text[start..]);
            found.push((start..end, LinkTarget::Web(text[start..end].to_owned())));
        }
    }
    found.sort_by_key(|(range, _)| range.start);
    found
}

fn day_in(link: &str) -> Option<NaiveDate> {
    let inner = link.strip_prefix("[[")?.strip_suffix("]]")?;
    let inner = inner.split('|').next().unwrap_or(inner).trim();
    NaiveDate::parse_from_str(inner, "%Y-%m-%d").ok()
}

fn day_link_at(line: &str, at: usize) -> Option<LinkTarget> {
    links_in(line)
        .into_iter()
        .find(|(range, target)| range.contains(&at) && matches!(target, LinkTarget::Day(_)))
        .map(|(_, target)| target)
}

/// `[text](target)` around `at`: its target, if it is an address or `#YYYY-MM-DD`.
fn markdown_link_at(line: &str, at: usize) -> Option<LinkTarget> {
    let upto = at + line[at..].chars().next().map_or(0, char::len_utf8);
    let open = line[..upto].rfind('[')?;
    let middle = open + line[open..].find("](")?;
    let close = middle + line[middle..].find(')')?;
    if at > close {
        return None;
    }
    let target = line[middle + 2..close].split_whitespace().next()?;
    match target.strip_prefix('#') {
        Some(date) => NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .ok()
            .map(LinkTarget::Day),
        None if target.contains("://") || target.starts_with("mailto:") => {
            Some(LinkTarget::Web(target.to_owned()))
        }
        None => None,
    }
}

fn bare_address_at(line: &str, at: usize) -> Option<LinkTarget> {
    links_in(line)
        .into_iter()
        .find(|(range, _)| range.contains(&at))
        .map(|(_, target)| target)
}

/// How long the address starting `text` is: up to a space or a character
/// that ends prose around it (`)`, `>`, a closing quote, Japanese punctuation).
fn address_len(text: &str) -> usize {
    let end = text
        .find(|c: char| c.is_whitespace() || ")>\"'、。」』）".contains(c) || !c.is_ascii())
        .unwrap_or(text.len());
    text[..end].trim_end_matches(['.', ',', ';', ':']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> LinkTarget {
        LinkTarget::Day(text.parse().unwrap())
    }

    #[test]
    fn the_link_under_the_click_is_found() {
        let text = "参考: [公式](https://docs.aws.amazon.com/ecs/) と [[2025-12-01]]\n詳しくは https://example.com/a。";
        let web = LinkTarget::Web("https://docs.aws.amazon.com/ecs/".into());
        assert_eq!(link_at(text, text.find("公式").unwrap()), Some(web.clone()));
        assert_eq!(link_at(text, text.find("docs.aws").unwrap()), Some(web));
        assert_eq!(
            link_at(text, text.find("2025").unwrap()),
            Some(day("2025-12-01"))
        );
        assert_eq!(
            link_at(text, text.find("example").unwrap()),
            Some(LinkTarget::Web("https://example.com/a".into()))
        );
        assert_eq!(link_at(text, text.find("参考").unwrap()), None);
        assert_eq!(link_at(text, text.find("詳しく").unwrap()), None);
    }

    #[test]
    fn a_day_is_linked_by_its_date_and_nothing_else_is_a_day() {
        assert_eq!(link_at("[[2025-02-30]]", 3), None, "no such day");
        assert_eq!(link_at("[[メモ]]", 3), None);
        assert_eq!(link_at("[[2025-12-01|月曜]]", 3), Some(day("2025-12-01")));
        assert_eq!(link_at("[前の日](#2025-11-30)", 2), Some(day("2025-11-30")));
        assert_eq!(day_link("2025-12-01".parse().unwrap()), "[[2025-12-01]]");
    }
}
