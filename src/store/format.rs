//! The RON text of a journal, without any file around it.
//!
//! Strings are written unescaped (raw where they hold `"` or `\`): notes keep
//! their real line breaks, so the file reads and diffs like the notes
//! themselves, and Japanese text serializes ~25x faster than with escaping.

use ron::ser::PrettyConfig;

use crate::model::Journal;

/// The comment every saved journal starts with, for whoever opens it in an editor.
const HEADER: &str = "// studylog journal. Plain RON: the text between quotes is yours to edit; keep the brackets balanced.\n";

/// The journal as the text of a `.studylog.ron` file.
pub fn to_ron_string(journal: &Journal) -> Result<String, ron::Error> {
    let config = PrettyConfig::default()
        .escape_strings(false)
        .indentor("  ")
        .struct_names(false);
    let body = ron::ser::to_string_pretty(journal, config)?;
    let mut text = String::with_capacity(HEADER.len() + body.len() + 1);
    text.push_str(HEADER);
    text.push_str(&body);
    text.push('\n');
    Ok(text)
}

/// Text smaller than this parses faster whole than in parts.
const SPLIT_FROM_BYTES: usize = 1024 * 1024;

/// Parses RON text as a journal, with no version check or validation (see
/// [`crate::store::load`]). A big journal's days are parsed on every core
/// (see [`super::split`]); an error always comes from parsing the whole
/// text, with its line and column.
pub fn from_ron_str(text: &str) -> Result<Journal, ron::error::SpannedError> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if text.len() >= SPLIT_FROM_BYTES
        && cores > 1
        && let Some(journal) = super::split::parse_in_parts(text, cores)
    {
        return Ok(journal);
    }
    ron::Options::default().from_str(text)
}
