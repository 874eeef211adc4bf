//! Desktop integration for the current user on Linux and other XDG desktops:
//! the application entry, its icon, and the journal file type, so a
//! double-clicked `*.studylog.ron` opens in studylog.
//!
//! Everything goes under `$XDG_DATA_HOME` (`~/.local/share`); the desktop's
//! caches are refreshed with `update-mime-database`, `update-desktop-database`
//! and `xdg-mime` when those tools are there. Installing twice is harmless,
//! and `--uninstall` removes exactly what was installed.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The journal file type.
pub const MIME_TYPE: &str = "application/x-studylog";

use crate::assets::{DESKTOP_ENTRY, ICON_PNGS, ICON_SVG, MIME_XML};
use crate::stable_hash::fnv1a;

/// `$XDG_DATA_HOME`, or `~/.local/share`.
pub fn data_home() -> Option<PathBuf> {
    std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
}

/// The running studylog's own path, links resolved (for the entry's `Exec=`).
pub fn this_executable() -> io::Result<PathBuf> {
    std::env::current_exe().and_then(fs::canonicalize)
}

/// Every file the integration consists of, and what goes in it.
fn files(data: &Path, executable: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let exec = format!("Exec=\"{}\" %f", executable.display());
    let entry = DESKTOP_ENTRY.replace("Exec=studylog %f", &exec);
    let mut files = vec![
        (
            data.join("applications/studylog.desktop"),
            entry.into_bytes(),
        ),
        (
            data.join("mime/packages/studylog.xml"),
            MIME_XML.as_bytes().to_vec(),
        ),
        (
            data.join("icons/hicolor/scalable/apps/studylog.svg"),
            ICON_SVG.to_vec(),
        ),
    ];
    for (size, png) in ICON_PNGS {
        let path = data.join(format!("icons/hicolor/{size}x{size}/apps/studylog.png"));
        files.push((path, png.to_vec()));
    }
    files
}

/// Files a user may edit by hand (the menu entry, the file type): a changed
/// one is kept unless `--force`. Icons are studylog's own.
fn editable(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "desktop" || e == "xml")
}

/// Where `install` records what it wrote (path and hash), so a reinstall or
/// an uninstall can tell its own files from the user's edits.
fn manifest_path(data: &Path) -> PathBuf {
    data.join("studylog").join("installed-files")
}

fn read_manifest(data: &Path) -> HashMap<PathBuf, u64> {
    let text = fs::read_to_string(manifest_path(data)).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let (hash, path) = line.split_once(' ')?;
            Some((PathBuf::from(path), u64::from_str_radix(hash, 16).ok()?))
        })
        .collect()
}

fn write_manifest(data: &Path, entries: &HashMap<PathBuf, u64>) -> io::Result<()> {
    let path = manifest_path(data);
    if entries.is_empty() {
        return match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    }
    let mut lines: Vec<String> = entries
        .iter()
        .map(|(file, hash)| format!("{hash:016x} {}", file.display()))
        .collect();
    lines.sort();
    fs::create_dir_all(path.parent().unwrap_or(data))?;
    fs::write(path, lines.join("\n") + "\n")
}

/// Whether the file at `path` is as `install` left it (per the manifest).
fn as_installed(path: &Path, manifest: &HashMap<PathBuf, u64>) -> bool {
    let current = fs::read(path).ok().map(|b| fnv1a(&b));
    current.is_some() && manifest.get(path).copied() == current
}

/// Install for the current user; returns a line per thing done. A menu
/// entry or file type the user changed since is kept unless `force`.
pub fn install(data: &Path, executable: &Path, force: bool) -> io::Result<Vec<String>> {
    let mut manifest = read_manifest(data);
    let mut report = Vec::new();
    for (path, bytes) in files(data, executable) {
        let existing = fs::read(&path).ok();
        let theirs = existing.as_ref().is_some_and(|old| *old != bytes)
            && editable(&path)
            && !as_installed(&path, &manifest);
        if theirs && !force {
            report.push(format!(
                "kept {}: it was changed by hand (install-desktop --force replaces it)",
                path.display()
            ));
            continue;
        }
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)?;
        }
        fs::write(&path, &bytes)?;
        manifest.insert(path.clone(), fnv1a(&bytes));
        report.push(format!("installed {}", path.display()));
    }
    write_manifest(data, &manifest)?;
    report.extend(refresh_caches(data, true));
    Ok(report)
}

/// Remove what `install` put there (a file changed by hand since stays,
/// unless `force`), and studylog's place as the default for journals;
/// returns a line per thing done.
pub fn uninstall(data: &Path, force: bool) -> io::Result<Vec<String>> {
    let manifest = read_manifest(data);
    let mut report = Vec::new();
    for (path, _) in files(data, Path::new("studylog")) {
        if !path.exists() {
            continue;
        }
        if editable(&path) && !force && !as_installed(&path, &manifest) {
            report.push(format!(
                "kept {}: it was changed by hand (--uninstall --force removes it)",
                path.display()
            ));
            continue;
        }
        fs::remove_file(&path)?;
        report.push(format!("removed {}", path.display()));
    }
    write_manifest(data, &HashMap::new())?;
    report.extend(forget_default(data)?);
    report.extend(refresh_caches(data, false));
    Ok(report)
}

/// Take studylog out of the desktop's default-application lists
/// (`mimeapps.list`, written by `xdg-mime default` at install).
fn forget_default(data: &Path) -> io::Result<Vec<String>> {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    let lists = config
        .map(|c| c.join("mimeapps.list"))
        .into_iter()
        .chain([data.join("applications/mimeapps.list")]);
    let mut report = Vec::new();
    for list in lists {
        let Ok(text) = fs::read_to_string(&list) else {
            continue;
        };
        let cleaned = without_studylog(&text);
        if cleaned != text {
            fs::write(&list, cleaned)?;
            report.push(format!(
                "removed studylog as the default in {}",
                list.display()
            ));
        }
    }
    Ok(report)
}

/// `mimeapps.list` text with studylog.desktop taken out of the journal type's lines.
fn without_studylog(text: &str) -> String {
    let key = format!("{MIME_TYPE}=");
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let Some(apps) = line.strip_prefix(&key) else {
            out.push(line.to_owned());
            continue;
        };
        let others: Vec<&str> = apps
            .split(';')
            .filter(|app| !app.is_empty() && *app != "studylog.desktop")
            .collect();
        if !others.is_empty() {
            out.push(format!("{key}{};", others.join(";")));
        }
    }
    let mut cleaned = out.join("\n");
    if text.ends_with('\n') {
        cleaned.push('\n');
    }
    cleaned
}

/// Tell the desktop about the change; a missing tool is reported, not fatal.
fn refresh_caches(data: &Path, make_default: bool) -> Vec<String> {
    let mut report = Vec::new();
    let mime = data.join("mime");
    let applications = data.join("applications");
    let mut run = |program: &str, args: &[&std::ffi::OsStr]| {
        let line = match Command::new(program).args(args).output() {
            Ok(out) if out.status.success() => format!("ran {program}"),
            Ok(out) => format!(
                "{program} failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ),
            Err(_) => format!("{program} not found; the desktop picks the change up at next login"),
        };
        report.push(line);
    };
    if mime.is_dir() {
        run("update-mime-database", &[mime.as_os_str()]);
    }
    if applications.is_dir() {
        run("update-desktop-database", &[applications.as_os_str()]);
    }
    if make_default {
        run(
            "xdg-mime",
            &[
                "default".as_ref(),
                "studylog.desktop".as_ref(),
                MIME_TYPE.as_ref(),
            ],
        );
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn studylog_leaves_the_default_lists_and_others_stay() {
        let text = "[Default Applications]\napplication/x-studylog=studylog.desktop;\ntext/plain=gedit.desktop;\n[Added Associations]\napplication/x-studylog=studylog.desktop;other.desktop;\n";
        assert_eq!(
            without_studylog(text),
            "[Default Applications]\ntext/plain=gedit.desktop;\n[Added Associations]\napplication/x-studylog=other.desktop;\n"
        );
    }
}
