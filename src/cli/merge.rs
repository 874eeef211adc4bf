//! `studylog merge`, `studylog merge-driver` (what git runs) and
//! `studylog install-git-driver`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::Journal;
use crate::model::merge::{MergeReport, merge};
use crate::store;

use super::{Failure, say};

/// `merge [BASE] OURS THEIRS [-o OUT]`: the merge goes to OUT, or over OURS
/// (whose old version is kept as its backup). Without BASE, the version
/// both devices last agreed on (kept beside OURS) is the common version
/// when there is one; else the merge is two-way and what only one side has
/// is left to the user. The target's writer lock is held from reading OURS
/// to writing the merge, so a save landing meanwhile waits instead of being
/// overwritten; a merge that would not open is never written. Exit 1 while
/// conflicts remain.
pub fn merge_files(
    files: &[PathBuf],
    output: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
) -> Result<bool, Failure> {
    let (base, ours, theirs) = match files {
        [ours, theirs] => (None, ours, theirs),
        [base, ours, theirs] => (Some(base), ours, theirs),
        _ => return Err("merge takes OURS THEIRS, or BASE OURS THEIRS".into()),
    };
    let target = output.unwrap_or(ours);
    // Over OURS it is a journal; over -o OUT only a journal unless --force.
    store::check_journal_target(target, output.is_none() || force)?;
    let lock = store::lock(target)?;
    let ours_journal = load(ours)?;
    let (base, from) = match base {
        Some(base) => (Some(load(base)?), "from BASE"),
        None => match store::agreed_version(ours).and_then(Result::ok) {
            Some(agreed) => (Some(agreed), "from the version both last agreed on"),
            None => (None, "two-way: no common version known"),
        },
    };
    let (merged, report) = merge(base.as_ref(), &ours_journal, &load(theirs)?);
    opens(target, &merged)?;
    store::save_locked(&lock, target, &merged)?;
    drop(lock);
    say(
        out,
        format_args!("{}: {} ({from})", target.display(), describe(&report)),
    )?;
    let pictures = crate::session::bring_pictures(target, &merged, &[ours, theirs]);
    for problem in &pictures.problems {
        say(out, format_args!("picture not copied: {problem}"))?;
    }
    if pictures.copied > 0 {
        say(
            out,
            format_args!("copied {} picture(s) beside it", pictures.copied),
        )?;
    }
    Ok(report.conflicts == 0)
}

/// A merge is written only if it passes the checks a load makes.
fn opens(target: &Path, merged: &Journal) -> Result<(), Failure> {
    crate::model::validate(merged).map_err(|problem| {
        Failure::Message(format!(
            "{}: the merge would not open ({problem}); nothing was written",
            target.display()
        ))
    })
}

/// What git runs for a journal both sides changed: the merge is written
/// over OURS (git's `%A`). A base git could not give (an add/add conflict)
/// is an empty file: then the merge is two-way.
pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    out: &mut dyn Write,
) -> Result<bool, Failure> {
    let base = store::load(base).ok();
    let (merged, report) = merge(base.as_ref(), &load(ours)?, &load(theirs)?);
    opens(ours, &merged)?;
    store::save_plain(ours, &merged).map_err(|e| e.to_string())?;
    say(out, format_args!("studylog merge: {}", describe(&report)))?;
    Ok(report.conflicts == 0)
}

/// `install-git-driver [REPO]`.
pub fn install_git_driver(repo: Option<&Path>, out: &mut dyn Write) -> Result<(), Failure> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let folder = repo.unwrap_or(Path::new("."));
    let done = store::install_merge_driver(folder, &exe)?;
    say(
        out,
        format_args!(
            "{}: journals (*.studylog.ron) now merge with studylog{}",
            done.repository.display(),
            if done.attributes_added {
                "; .gitattributes updated (commit it)"
            } else {
                ""
            }
        ),
    )
}

fn load(path: &Path) -> Result<Journal, Failure> {
    store::load(path).map_err(|e| Failure::Message(e.to_string()))
}

/// "2 days taken, 1 merged, 1 book added, 0 conflicts".
fn describe(report: &MergeReport) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} taken from the other side, {} merged, {} added, {}",
        count(report.days_from_theirs, "day", "days"),
        count(report.days_merged, "day", "days"),
        count(report.books_added, "book", "books"),
        match report.conflicts {
            0 => "no conflicts".to_owned(),
            n => count(n, "conflict to settle", "conflicts to settle"),
        }
    ) + &restored(report)
}

/// "; brought back: 本 ▸ 1 章 (one side deleted it, the other wrote under it)".
fn restored(report: &MergeReport) -> String {
    if report.restored.is_empty() {
        return String::new();
    }
    format!(
        "; brought back: {} (one side deleted it, the other wrote under it)",
        report.restored.join(", ")
    )
}
