//! Where a note names a picture: Markdown's `![alt](target)` (with an
//! optional title, or the target in `<…>`), outside code fences and code
//! spans. Pure text work: finding the links, and rewriting their targets
//! (import copies a log's pictures beside the journal and points the links
//! at the copies). Everything else in the text is kept byte for byte.

use std::ops::Range;

use super::lines::Fences;

/// One picture a note names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PictureLink<'a> {
    /// The line it is on, counted from 0.
    pub line: usize,
    /// Where the whole link (`![` to `)`) is in the text (bytes).
    pub at: Range<usize>,
    /// Where the target is in the whole text (bytes), for rewriting it.
    pub target_at: Range<usize>,
    pub alt: &'a str,
    /// The target as written (without `<` `>`).
    pub target: &'a str,
}

impl PictureLink<'_> {
    /// A link to the web: shown as a link, never fetched.
    pub fn is_remote(&self) -> bool {
        is_remote(self.target)
    }
}

/// Whether a target is on the web (or any URL scheme) rather than a file.
pub fn is_remote(target: &str) -> bool {
    let lower = target.to_ascii_lowercase();
    ["http://", "https://", "ftp://", "data:", "//"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// The Markdown line that names a picture at `target`.
pub fn picture_line(target: &str) -> String {
    if target.contains([' ', '(', ')']) {
        format!("![](<{target}>)")
    } else {
        format!("![]({target})")
    }
}

/// Every picture `text` names, in order.
pub fn picture_links(text: &str) -> Vec<PictureLink<'_>> {
    let mut links = Vec::new();
    let mut fences = Fences::default();
    let mut start = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        if !fences.is_code(line) && line.contains("![") {
            links.extend(line_links(line, start, number));
        }
        start += line.len();
    }
    links
}

/// `text` with each picture target replaced by what `rename` returns for
/// it (None keeps the target as written).
pub fn rewrite_pictures(text: &str, mut rename: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for link in picture_links(text) {
        if let Some(new) = rename(link.target) {
            out.push_str(&text[copied..link.target_at.start]);
            let bracketed = text[..link.target_at.start].ends_with('<');
            if new.contains([' ', '(', ')']) && !bracketed {
                out.push('<');
                out.push_str(&new);
                out.push('>');
            } else {
                out.push_str(&new);
            }
            copied = link.target_at.end;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The picture links on one line (not code), `start` being where the line
/// begins in the whole text.
fn line_links(line: &str, start: usize, number: usize) -> Vec<PictureLink<'_>> {
    let mut links = Vec::new();
    let mut at = 0;
    while let Some(found) = next_outside_code(line, at) {
        at = found + 2;
        if let Some((alt, target, range, end)) = parse_link(line, found) {
            links.push(PictureLink {
                line: number,
                at: start + found..start + end,
                target_at: start + range.start..start + range.end,
                alt,
                target,
            });
            at = end;
        }
    }
    links
}

/// The next `![` at or after `from` that is not inside a code span.
fn next_outside_code(line: &str, from: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'`' => i = after_code_span(line, i),
            b'\\' => i += 2,
            b'!' if bytes.get(i + 1) == Some(&b'[') => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// Where a code span opened by the backticks at `open` ends (just past
/// its closing run), or just past the run when it is never closed.
fn after_code_span(line: &str, open: usize) -> usize {
    let run = line[open..].bytes().take_while(|&b| b == b'`').count();
    let mut i = open + run;
    while let Some(found) = line[i..].find('`') {
        let at = i + found;
        let len = line[at..].bytes().take_while(|&b| b == b'`').count();
        if len == run {
            return at + len;
        }
        i = at + len;
    }
    open + run
}

/// `![alt](target "title")` starting at `at`: the alt text, the target,
/// the target's byte range in the line, and where the link ends.
fn parse_link(line: &str, at: usize) -> Option<(&str, &str, Range<usize>, usize)> {
    let alt_start = at + 2;
    let alt_end = alt_start + closing_bracket(&line[alt_start..])?;
    let rest = &line[alt_end + 1..];
    let inner = rest.strip_prefix('(')?;
    let inner_start = alt_end + 2;
    let leading = inner.len() - inner.trim_start_matches([' ', '\t']).len();
    let target_start = inner_start + leading;
    let (range, after) = if line[target_start..].starts_with('<') {
        let close = line[target_start + 1..].find('>')?;
        let range = target_start + 1..target_start + 1 + close;
        (range.clone(), range.end + 1)
    } else {
        let len = bare_target_len(&line[target_start..]);
        (target_start..target_start + len, target_start + len)
    };
    let close = after + line[after..].find(')')?;
    let between = line[after..close].trim();
    let titled = between.is_empty()
        || between.starts_with('"') && between.ends_with('"') && between.len() >= 2
        || between.starts_with('\'') && between.ends_with('\'') && between.len() >= 2;
    if !titled || range.is_empty() || line[range.clone()].contains('\n') {
        return None;
    }
    Some((
        &line[alt_start..alt_end],
        &line[range.clone()],
        range,
        close + 1,
    ))
}

/// Where the `]` closing an alt text is (brackets may nest).
fn closing_bracket(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => depth += 1,
            ']' if depth == 0 => return Some(i),
            ']' => depth -= 1,
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// The length of a target written without `<…>`: up to a space or the
/// `)` that closes the link (balanced parentheses stay in it).
fn bare_target_len(text: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            ' ' | '\t' | '\n' | '\r' => return i,
            '(' => depth += 1,
            ')' if depth == 0 => return i,
            ')' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests;
