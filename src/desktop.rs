//! Desktop integration for the current user on Linux and other XDG desktops:
//! the application entry, its icon, and the journal file type, so a
//! double-clicked `*.studylog.ron` opens in studylog.
//!
//! Everything goes under `$XDG_DATA_HOME` (`~/.local/share`); the desktop's
//! caches are refreshed with `update-mime-database`, `update-desktop-database`
//! and `xdg-mime` when those tools are there. Installing twice is harmless,
//! and `--uninstall` removes exactly what was installed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The journal file type.
pub const MIME_TYPE: &str = "application/x-studylog";

use crate::assets::{DESKTOP_ENTRY, ICON_PNGS, ICON_SVG, MIME_XML};

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

/// Install for the current user; returns a line per thing done.
pub fn install(data: &Path, executable: &Path) -> io::Result<Vec<String>> {
    let mut report = Vec::new();
    for (path, bytes) in files(data, executable) {
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)?;
        }
        fs::write(&path, bytes)?;
        report.push(format!("installed {}", path.display()));
    }
    report.extend(refresh_caches(data, true));
    Ok(report)
}

/// Remove what `install` put there; returns a line per thing done.
pub fn uninstall(data: &Path) -> io::Result<Vec<String>> {
    let mut report = Vec::new();
    for (path, _) in files(data, Path::new("studylog")) {
        match fs::remove_file(&path) {
            Ok(()) => report.push(format!("removed {}", path.display())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    report.extend(refresh_caches(data, false));
    Ok(report)
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
