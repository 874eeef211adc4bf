//! A scanner over journal RON text that finds where values start and end
//! without building them: fields of a struct, items of a list, entries of a
//! map, skipping strings (plain and raw), comments and nested brackets. It
//! lets the store read a big journal in parts (a first look at start-up,
//! days parsed in parallel). Anything it does not expect gives `None`, and
//! the caller falls back to parsing the whole text.

use std::ops::Range;

pub type Span = Range<usize>;

/// A struct `Name(a: …, b: …)` starting at `i` (the name is optional):
/// `value` reads each field's value, given the field's name and where the
/// value starts, and returns where it ends. Returns where the struct ends.
pub fn struct_fields(
    b: &[u8],
    i: usize,
    mut value: impl FnMut(Span, usize) -> Option<usize>,
) -> Option<usize> {
    let i = skip_trivia(b, skip_identifier(b, i));
    delimited(b, i, (b'(', b')'), |i| {
        let name = i..skip_identifier(b, i);
        if name.is_empty() {
            return None;
        }
        let start = after_colon(b, name.end)?;
        value(name, start)
    })
}

/// A list `[…]` starting at `i`: `item` reads each item from where it
/// starts and returns where it ends. Returns where the list ends.
pub fn list_items(b: &[u8], i: usize, item: impl FnMut(usize) -> Option<usize>) -> Option<usize> {
    delimited(b, i, (b'[', b']'), item)
}

/// A map `{…}` starting at `i` (keys are strings): `value` reads each
/// value, given its key and where it starts, and returns where it ends.
/// Returns where the map ends.
pub fn map_entries(
    b: &[u8],
    i: usize,
    mut value: impl FnMut(Span, usize) -> Option<usize>,
) -> Option<usize> {
    delimited(b, i, (b'{', b'}'), |i| {
        expect(b, i, b'"')?;
        let key = i..skip_string(b, i)?;
        let start = after_colon(b, key.end)?;
        value(key, start)
    })
}

/// Comma-separated elements between the brackets `open` and `close`,
/// starting at `i`: `element` reads each from where it starts and returns
/// where it ends. Returns where the closing bracket ends.
fn delimited(
    b: &[u8],
    mut i: usize,
    (open, close): (u8, u8),
    mut element: impl FnMut(usize) -> Option<usize>,
) -> Option<usize> {
    expect(b, i, open)?;
    i += 1;
    loop {
        i = skip_trivia(b, i);
        if *b.get(i)? == close {
            return Some(i + 1);
        }
        let end = skip_trivia(b, element(i)?);
        match *b.get(end)? {
            b',' => i = end + 1,
            c if c == close => i = end,
            _ => return None,
        }
    }
}

/// The `:` after a name or key ending at `i`; where the value starts.
fn after_colon(b: &[u8], i: usize) -> Option<usize> {
    let i = skip_trivia(b, i);
    expect(b, i, b':')?;
    Some(skip_trivia(b, i + 1))
}

fn expect(b: &[u8], i: usize, byte: u8) -> Option<()> {
    (b.get(i) == Some(&byte)).then_some(())
}

fn is_identifier_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

fn skip_identifier(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| is_identifier_byte(c)) {
        i += 1;
    }
    i
}

/// Blanks and comments (`//` to the end of the line, `/* */` nested).
pub fn skip_trivia(b: &[u8], mut i: usize) -> usize {
    loop {
        match (b.get(i), b.get(i + 1)) {
            (Some(c), _) if c.is_ascii_whitespace() => i += 1,
            (Some(b'/'), Some(b'/')) => {
                while b.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            }
            (Some(b'/'), Some(b'*')) => match skip_block_comment(b, i) {
                Some(end) => i = end,
                None => return b.len(),
            },
            _ => return i,
        }
    }
}

fn skip_block_comment(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match (b.get(i)?, b.get(i + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
}

/// A string `"…"` starting at `i` (backslash escapes); returns its end.
pub fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', b.get(i..)?)?;
        match b[i] {
            b'\\' => i += 2,
            _ => return Some(i + 1),
        }
    }
}

/// A raw string `r#"…"#` starting at `i`, if one starts there.
fn skip_raw_string(b: &[u8], i: usize) -> Option<usize> {
    let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
    let open = i + 1 + hashes;
    expect(b, open, b'"')?;
    let mut j = open + 1;
    loop {
        if *b.get(j)? == b'"'
            && b[j + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
        {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
}

/// One value starting at `i`: a string, a bracketed value (with what is
/// nested in it), or a bare token with an optional bracketed part
/// (`Reading`, `12`, `Some((…))`); returns its end.
pub fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        let c = *b.get(i)?;
        match c {
            b'"' => i = skip_string(b, i)?,
            b'r' if (i == 0 || !is_identifier_byte(b[i - 1]))
                && matches!(b.get(i + 1), Some(b'"' | b'#')) =>
            {
                i = skip_raw_string(b, i)?;
            }
            b'\'' => {
                i += 1;
                while *b.get(i)? != b'\'' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'/' if matches!(b.get(i + 1), Some(b'/' | b'*')) => i = skip_trivia(b, i),
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
                i += 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b',' if depth == 0 => return Some(i),
            _ => i += 1,
        }
    }
}

/// A journal's text taken apart: every top-level field but `days` copied
/// as `name: value,` lines (the start of a struct's text, without its
/// closing bracket), and each day given to `day` with its key and where its
/// value starts (it returns where the value ends). `None` for text not laid
/// out as studylog writes it: a struct name, extensions, `days` twice or
/// missing, anything after the struct.
pub fn journal_parts(
    text: &str,
    mut day: impl FnMut(Span, usize) -> Option<usize>,
) -> Option<String> {
    let b = text.as_bytes();
    let start = skip_trivia(b, 0);
    expect(b, start, b'(')?;
    let mut header = String::from("(\n");
    let mut days_seen = false;
    let end = struct_fields(b, start, |name, start| {
        if &b[name.clone()] != b"days" {
            let end = skip_value(b, start)?;
            header.push_str(&text[name]);
            header.push_str(": ");
            header.push_str(&text[start..end]);
            header.push_str(",\n");
            return Some(end);
        }
        if days_seen {
            return None;
        }
        days_seen = true;
        map_entries(b, start, &mut day)
    })?;
    (days_seen && skip_trivia(b, end) == b.len()).then_some(header)
}

/// The date a day's key names: `"2025-12-28"` as the whole parse reads it
/// (chrono's `FromStr`); `None` for keys with escapes or not plain strings.
pub fn date_key(key: &str) -> Option<chrono::NaiveDate> {
    let inner = key.strip_prefix('"')?.strip_suffix('"')?;
    if inner.contains('\\') {
        return None;
    }
    inner.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Option<Vec<&str>> {
        let b = text.as_bytes();
        let mut found = Vec::new();
        list_items(b, 0, |i| {
            let end = skip_value(b, i)?;
            found.push(&text[i..end]);
            Some(end)
        })?;
        Some(found)
    }

    #[test]
    fn a_list_is_read_to_its_own_closing_bracket() {
        assert_eq!(
            items("[1, \"a, ]\", (b: [2]) , Some(3),]"),
            Some(vec!["1", "\"a, ]\"", "(b: [2])", "Some(3)"])
        );
        assert_eq!(items("[]"), Some(vec![]));
        // The wrong closing bracket (this used to loop for ever), no end,
        // an element left open: nothing.
        for text in ["[1, 2)", "[1, 2", "[(1]"] {
            assert_eq!(items(text), None, "{text}");
        }
    }
}
