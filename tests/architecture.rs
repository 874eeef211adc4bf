//! The rules of ARCHITECTURE.md, checked on the source itself, so a change
//! that breaks one fails here instead of drifting in silence:
//! - the model, store, Markdown and session layers never use egui or eframe;
//! - the model uses no files; only `store` (and the desktop installer) does,
//!   and the window reaches them only through the session;
//! - each layer imports only the layers below it, and no two modules of a
//!   room (model, store, markdown, session, cli, ui) import each other;
//! - no function in `src/` is longer than 60 lines.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut folders = vec![PathBuf::from(dir)];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                found.push((path, text));
            }
        }
    }
    assert!(!found.is_empty(), "no sources under {dir}");
    found
}

/// The lines of a file that are code (not comments).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l))
}

fn assert_never_mentions(dir: &str, words: &[&str]) {
    for (path, text) in sources(dir) {
        for (number, line) in code_lines(&text) {
            for word in words {
                assert!(
                    !line.contains(word),
                    "{}:{number} uses `{word}`, which {dir} must not: {line}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn the_layers_below_the_window_know_no_egui() {
    for dir in ["src/model", "src/store", "src/markdown", "src/session"] {
        assert_never_mentions(dir, &["egui", "eframe", "crate::ui"]);
    }
}

#[test]
fn the_model_is_plain_data_without_files() {
    assert_never_mentions(
        "src/model",
        &[
            "std::fs",
            "File::",
            "crate::store",
            "crate::markdown",
            "crate::session",
            "crate::cli",
        ],
    );
}

#[test]
fn only_the_store_touches_files() {
    let allowed = [Path::new("src/store"), Path::new("src/desktop.rs")];
    for (path, text) in sources("src") {
        if allowed.iter().any(|a| path.starts_with(a)) {
            continue;
        }
        for (number, line) in code_lines(&text) {
            let touches = [
                "std::fs",
                "fs::write",
                "File::create",
                ".exists()",
                "canonicalize",
            ];
            assert!(
                !touches.iter().any(|t| line.contains(t)),
                "{}:{number} reaches the file system; go through store: {line}",
                path.display()
            );
        }
    }
}

/// The window reaches files only through the session (`session::files`
/// and its background jobs), never the store or `std::fs` itself.
#[test]
fn the_window_reaches_files_only_through_the_session() {
    assert_never_mentions("src/ui", &["crate::store", "std::fs", " fs::"]);
}

#[test]
fn markdown_and_store_depend_only_on_the_model() {
    assert_never_mentions(
        "src/markdown",
        &["crate::store", "crate::session", "crate::cli"],
    );
    assert_never_mentions(
        "src/store",
        &["crate::markdown", "crate::session", "crate::cli"],
    );
    assert_never_mentions("src/session", &["crate::cli"]);
}

/// The modules of a room (`src/ROOM`): each file or folder directly in it,
/// by name, with the code of every file it holds.
fn room_modules(room: &str) -> Vec<(String, String)> {
    let base = PathBuf::from(format!("src/{room}"));
    let mut modules: Vec<(String, String)> = Vec::new();
    for (path, text) in sources(&format!("src/{room}")) {
        let first = path
            .strip_prefix(&base)
            .unwrap()
            .components()
            .next()
            .unwrap();
        let name = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if name == "mod" {
            continue;
        }
        let code: Vec<&str> = code_lines(&text).map(|(_, line)| line).collect();
        match modules.iter_mut().find(|(n, _)| *n == name) {
            Some((_, all)) => all.push_str(&code.join("\n")),
            None => modules.push((name, code.join("\n"))),
        }
    }
    modules
}

/// Whether `code` (in the room `room`) names its sibling module `other`.
fn names_module(code: &str, room: &str, other: &str) -> bool {
    let word = |at: usize| {
        let after = code[at + other.len()..].chars().next();
        let before = code[..at].chars().next_back();
        !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
    };
    code.match_indices(other).any(|(at, _)| {
        let before = &code[..at];
        let through_super = before.ends_with("super::") || before.ends_with("super::{");
        let through_crate = before.ends_with(&format!("crate::{room}::"));
        let in_a_list = before.rfind('{').is_some_and(|open| {
            let head = &before[..open];
            let inside = &before[open..];
            (head.ends_with("super::") || head.ends_with(&format!("crate::{room}::")))
                && !inside.contains('}')
                && !inside.contains(';')
        });
        word(at) && (through_super || through_crate || in_a_list)
    })
}

/// No two modules of one room import each other: a room is layered one way.
#[test]
fn no_two_modules_of_a_room_import_each_other() {
    let mut knots = Vec::new();
    for room in ["model", "store", "markdown", "session", "cli", "ui"] {
        let modules = room_modules(room);
        for (a, code_a) in &modules {
            for (b, code_b) in &modules {
                if a < b && names_module(code_a, room, b) && names_module(code_b, room, a) {
                    knots.push(format!("{room}: {a} <-> {b}"));
                }
            }
        }
    }
    assert!(knots.is_empty(), "modules importing each other: {knots:#?}");
}

#[test]
fn the_knot_check_sees_a_knot() {
    let a = "use super::table::{split_row};";
    let b = "use super::{escape::escape_cell, other};";
    assert!(names_module(a, "markdown", "table"));
    assert!(names_module(b, "markdown", "escape"));
    assert!(!names_module("use super::tables::x;", "markdown", "table"));
    assert!(names_module(
        "crate::store::paths::canonical",
        "store",
        "paths"
    ));
}

/// The functions of a file longer than `limit` lines (signature to closing brace).
fn long_functions(text: &str, limit: usize) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let Some(name) = function_name(trimmed) else {
            continue;
        };
        let indent = line.len() - trimmed.len();
        let Some(open) = (start..lines.len()).find(|&i| {
            let l = lines[i].trim_end();
            l.ends_with('{') || l.ends_with(';')
        }) else {
            continue;
        };
        if lines[open].trim_end().ends_with(';') {
            continue; // a declaration in a trait
        }
        let close = (open + 1..lines.len()).find(|&i| {
            let l = lines[i];
            l.len() > indent && l[indent..].starts_with('}') && l[..indent].trim().is_empty()
        });
        let length = close.map_or(lines.len(), |c| c + 1) - start;
        if length > limit {
            found.push((start + 1, name, length));
        }
    }
    found
}

fn function_name(line: &str) -> Option<String> {
    let mut rest = line;
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    Some(
        rest.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect(),
    )
}

#[test]
fn no_function_is_longer_than_sixty_lines() {
    let mut long = Vec::new();
    for (path, text) in sources("src") {
        for (line, name, length) in long_functions(&text, 60) {
            long.push(format!("{}:{line} {name} ({length} lines)", path.display()));
        }
    }
    assert!(
        long.is_empty(),
        "functions over 60 lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_length_check_finds_a_long_function() {
    let body = "    let x = 1;\n".repeat(70);
    let text = format!("fn short() {{\n}}\n\npub fn long() {{\n{body}}}\n");
    let long = long_functions(&text, 60);
    assert_eq!(long.len(), 1);
    assert_eq!(long[0].1, "long");
}

/// The window's files stay small enough to read at once: a file of `ui/`
/// over 400 lines is a room that needs dividing.
#[test]
fn no_file_of_the_window_is_over_four_hundred_lines() {
    let long: Vec<String> = sources("src/ui")
        .into_iter()
        .filter(|(_, text)| text.lines().count() > 400)
        .map(|(path, text)| format!("{} ({} lines)", path.display(), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "ui files over 400 lines: {long:#?}");
}
