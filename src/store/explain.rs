//! The parser's complaints, in words about the journal: an unknown field is
//! named with the one that was probably meant, so a typo in a hand edit
//! (`impresions:`) is caught and explained instead of silently dropped by
//! the next save.

/// What went wrong, for a person editing the file.
pub fn explain(code: &ron::Error) -> String {
    match code {
        ron::Error::NoSuchStructField {
            expected, found, ..
        } => unknown("field", found, expected),
        ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } => unknown("value", found, expected),
        other => other.to_string(),
    }
}

fn unknown(what: &str, found: &str, expected: &[&str]) -> String {
    match closest(found, expected) {
        Some(meant) => format!("unknown {what} '{found}' (did you mean '{meant}'?)"),
        None if expected.is_empty() => format!("unknown {what} '{found}'"),
        None => format!(
            "unknown {what} '{found}'; this version of studylog knows: {} (a newer studylog may have written it: update to keep it)",
            expected.join(", ")
        ),
    }
}

/// The expected name nearest to `found`, if it is near enough to be a typo.
fn closest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    let limit = (found.chars().count() / 3).max(2);
    expected
        .iter()
        .map(|name| (edit_distance(found, name), *name))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_names_the_field_that_was_meant() {
        let error = ron::Error::NoSuchStructField {
            expected: &["heading", "body"],
            found: "headng".into(),
            outer: None,
        };
        assert_eq!(
            explain(&error),
            "unknown field 'headng' (did you mean 'heading'?)"
        );
    }

    #[test]
    fn a_field_of_a_newer_version_is_not_guessed() {
        let error = ron::Error::NoSuchStructField {
            expected: &["heading", "body"],
            found: "tags".into(),
            outer: None,
        };
        let message = explain(&error);
        assert!(
            message
                .starts_with("unknown field 'tags'; this version of studylog knows: heading, body"),
            "{message}"
        );
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("impresions", "impressions"), 1);
        assert_eq!(edit_distance("学んだ", "学んだこと"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
