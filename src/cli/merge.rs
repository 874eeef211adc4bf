//! `studylog merge`, `studylog merge-driver` (what git runs) and
//! `studylog install-git-driver`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::Journal;
use crate::model::merge::{MergeReport, merge};
use crate::store;

use super::{Failure, say};

/// `merge [BASE] OURS THEIRS [-o OUT]`: the merge goes to OUT, or over OURS
/// (whose old version is kept as its backup). Exit 1 while conflicts remain.
pub fn merge_files(
    files: &[PathBuf],
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<bool, Failure> {
    let (base, ours, theirs) = match files {
        [ours, theirs] => (None, ours, theirs),
        [base, ours, theirs] => (Some(base), ours, theirs),
        _ => return Err("merge takes OURS THEIRS, or BASE OURS THEIRS".into()),
    };
    let base = base.map(|b| load(b)).transpose()?;
    let (merged, report) = merge(base.as_ref(), &load(ours)?, &load(theirs)?);
    let target = output.unwrap_or(ours);
    store::save(target, &merged).map_err(|e| e.to_string())?;
    say(
        out,
        format_args!("{}: {}", target.display(), describe(&report)),
    )?;
    Ok(report.conflicts == 0)
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
    )
}
