//! A git repository that keeps journals merges them with studylog: its
//! config names the merge driver, its `.gitattributes` gives it the
//! journal files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The line `.gitattributes` needs.
pub const ATTRIBUTES_LINE: &str = "*.studylog.ron merge=studylog";

/// What installing the merge driver did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DriverInstalled {
    pub repository: PathBuf,
    /// Whether `.gitattributes` needed the line (false: it had it).
    pub attributes_added: bool,
}

/// Install studylog (the program at `exe`) as the merge driver of the git
/// repository at or above `folder`.
pub fn install_merge_driver(folder: &Path, exe: &Path) -> Result<DriverInstalled, String> {
    let top = git(folder, &["rev-parse", "--show-toplevel"])?;
    let repository = PathBuf::from(top.trim());
    let driver = format!("\"{}\" merge-driver %O %A %B", exe.display());
    git(
        &repository,
        &["config", "merge.studylog.name", "studylog journal merge"],
    )?;
    git(&repository, &["config", "merge.studylog.driver", &driver])?;
    let attributes = repository.join(".gitattributes");
    let existing = match fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", attributes.display())),
    };
    let attributes_added = !existing.lines().any(|l| l.trim() == ATTRIBUTES_LINE);
    if attributes_added {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(ATTRIBUTES_LINE);
        text.push('\n');
        fs::write(&attributes, text).map_err(|e| format!("{}: {e}", attributes.display()))?;
    }
    Ok(DriverInstalled {
        repository,
        attributes_added,
    })
}

/// Run git in `folder`; its standard output, or what went wrong in words.
fn git(folder: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git ({e}); is it installed?"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        let said = String::from_utf8_lossy(&output.stderr);
        Err(format!("git {}: {}", args.join(" "), said.trim()))
    }
}
