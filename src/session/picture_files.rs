//! Pictures travelling with Markdown: a log's pictures copied beside the
//! journal when it is imported (and its links pointed at the copies), an
//! export's pictures copied beside the exported file (links unchanged, so
//! the export shows them on GitHub, Zenn or Obsidian), and the check of
//! which links point nowhere and which stored pictures no note names.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::markdown::pictures::{picture_links, rewrite_pictures};
use crate::model::{Journal, day_texts};
use crate::store;

use super::pictures::picture_path;

/// What copying pictures did: how many were copied, and each one that
/// could not be, as "FILE:LINE: reason".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PicturesCopied {
    pub copied: usize,
    pub problems: Vec<String>,
}

/// `text` of the log at `log` with each local picture it names copied
/// beside `journal` and its link pointed there. A picture that cannot be
/// copied keeps its line as written and is reported.
pub fn copy_log_pictures(log: &Path, text: &str, journal: &Path) -> (String, PicturesCopied) {
    let folder = log.parent().unwrap_or(Path::new("."));
    let mut done = PicturesCopied::default();
    let lines: Vec<(String, usize)> = picture_links(text)
        .iter()
        .map(|l| (l.target.to_owned(), l.line + 1))
        .collect();
    let mut line_of = lines.into_iter();
    let rewritten = rewrite_pictures(text, |target| {
        let line = line_of.find(|(t, _)| t == target).map_or(0, |(_, l)| l);
        if crate::markdown::pictures::is_remote(target) {
            return None;
        }
        let source = folder.join(store::percent_decoded(target));
        match store::add_picture_file(journal, &source) {
            Ok(link) => {
                done.copied += 1;
                Some(link)
            }
            Err(error) => {
                done.problems
                    .push(format!("{}:{line}: {}", log.display(), error));
                None
            }
        }
    });
    (rewritten, done)
}

/// Copy the pictures `markdown` (exported from the journal at `journal`)
/// names into the folder of `out`, at the same relative paths.
pub fn export_pictures(journal: &Path, markdown: &str, out: &Path) -> PicturesCopied {
    let to_dir = out.parent().unwrap_or(Path::new("."));
    let from_dir = journal.parent().unwrap_or(Path::new("."));
    let mut done = PicturesCopied::default();
    let same_folder = store::same_file(from_dir, to_dir);
    let mut seen = HashSet::new();
    for link in picture_links(markdown) {
        if link.is_remote() || !seen.insert(link.target) {
            continue;
        }
        let copied = picture_path(Some(journal), link.target).and_then(|from| {
            if same_folder {
                return Ok(false); // already beside the export
            }
            let to = to_dir.join(store::percent_decoded(link.target));
            store::copy_picture(&from, &to).map(|()| true)
        });
        match copied {
            Ok(copied) => done.copied += usize::from(copied),
            Err(error) => {
                done.problems
                    .push(format!("{}:{}: {}", out.display(), link.line + 1, error))
            }
        }
    }
    done
}

/// Make every picture the journal at `target` names findable beside it:
/// one not there yet is copied from beside the first of `sources` (the
/// journals merged into it) that has it. Pictures are named by content, so
/// both sides' pictures are kept and none replaces another.
pub fn bring_pictures(target: &Path, journal: &Journal, sources: &[&Path]) -> PicturesCopied {
    let mut done = PicturesCopied::default();
    let to_dir = target.parent().unwrap_or(Path::new("."));
    let mut seen = HashSet::new();
    for day in journal.days.values() {
        for (_, text) in day_texts(day) {
            for link in picture_links(text) {
                if link.is_remote()
                    || !seen.insert(link.target.to_owned())
                    || picture_path(Some(target), link.target).is_ok()
                {
                    continue;
                }
                let found = sources
                    .iter()
                    .find_map(|source| picture_path(Some(source), link.target).ok());
                let Some(from) = found else { continue };
                let to = to_dir.join(store::percent_decoded(link.target));
                match store::copy_picture(&from, &to) {
                    Ok(()) => done.copied += 1,
                    Err(error) => done.problems.push(error.to_string()),
                }
            }
        }
    }
    done
}

/// Links to pictures that cannot be shown, and stored pictures no note names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PictureCheck {
    /// "DATE: TARGET: reason" for each link that points nowhere usable.
    pub broken: Vec<String>,
    /// Stored pictures no note names: (link, file).
    pub unused: Vec<(String, PathBuf)>,
}

/// Check the pictures of the journal saved at `path`.
pub fn check_pictures(path: &Path, journal: &Journal) -> PictureCheck {
    let mut check = PictureCheck::default();
    let mut named = HashSet::new();
    for (date, day) in &journal.days {
        for (_, text) in day_texts(day) {
            for link in picture_links(text).into_iter().filter(|l| !l.is_remote()) {
                match picture_path(Some(path), link.target) {
                    Ok(file) => {
                        named.insert(store::canonical(&file));
                    }
                    Err(error) => check.broken.push(format!("{date}: {}", error)),
                }
            }
        }
    }
    check.unused = store::stored_pictures(path)
        .into_iter()
        .filter(|(_, file)| !named.contains(&store::canonical(file)))
        .collect();
    check
}
