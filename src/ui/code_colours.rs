//! Fenced code coloured by its language, with syntect's grammars (bat's
//! set, through `two-face`: Rust, Python, JS/TS, Go, Java, Kotlin, C/C++,
//! shell, YAML, JSON, TOML, SQL, Dockerfile, HCL/Terraform, HTML/CSS and
//! more) and the theme that fits the light or dark look (egui_extras).
//!
//! The grammars take a moment (and 16 MB) to load, so they load on a worker
//! the first time a code block with a language is drawn after the user's
//! first key or click: the first picture of the window stays its picture
//! until the user acts, and start-up does not share its cores with them.
//! Until then the code is drawn in one colour, and the window is woken when
//! colour is ready. A journal without code never loads them.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use egui::text::LayoutJob;
use egui::{FontId, Ui};
use egui_extras::syntax_highlighting::{CodeTheme, SyntectSettings, highlight_with};

static GRAMMARS: OnceLock<SyntectSettings> = OnceLock::new();
static LOADING: AtomicBool = AtomicBool::new(false);
/// The user has acted: grammars a code block asks for may load.
static ALLOWED: AtomicBool = AtomicBool::new(false);
/// A code block asked for colour before the grammars were allowed.
static WANTED: AtomicBool = AtomicBool::new(false);

/// `code` coloured as `language` in the font `font`, or None while the
/// grammars load or when the language is unknown (the caller draws it plain).
pub fn coloured_code(ui: &Ui, code: &str, language: &str, font: FontId) -> Option<LayoutJob> {
    let name = grammar_name(language)?;
    let Some(grammars) = GRAMMARS.get() else {
        if ALLOWED.load(Ordering::SeqCst) {
            load_grammars(ui.ctx());
        } else {
            WANTED.store(true, Ordering::SeqCst);
        }
        return None;
    };
    grammars
        .ps
        .find_syntax_by_token(name)
        .or_else(|| grammars.ps.find_syntax_by_name(name))?;
    let theme = CodeTheme::from_style(ui.style()).with_font_id(font);
    Some(highlight_with(
        ui.ctx(),
        ui.style(),
        &theme,
        code,
        name,
        grammars,
    ))
}

/// Whether the grammars have loaded (the editor lays code out again then).
pub fn grammars_ready() -> bool {
    GRAMMARS.get().is_some()
}

/// The user has acted: load the grammars now if a code block wanted them.
pub fn allow_grammars(ctx: &egui::Context) {
    if !ALLOWED.swap(true, Ordering::SeqCst) && WANTED.load(Ordering::SeqCst) {
        load_grammars(ctx);
    }
}

/// Load the grammars on a worker (once), waking the window when done.
fn load_grammars(ctx: &egui::Context) {
    if LOADING.swap(true, Ordering::SeqCst) {
        return;
    }
    let ctx = ctx.clone();
    std::thread::Builder::new()
        .name("code grammars".into())
        .spawn(move || {
            let settings = SyntectSettings {
                ps: two_face::syntax::extra_newlines(),
                ts: syntect::highlighting::ThemeSet::load_defaults(),
            };
            let _ = GRAMMARS.set(settings);
            ctx.request_repaint();
        })
        .map(drop)
        .unwrap_or_else(|_| LOADING.store(false, Ordering::SeqCst));
}

/// Wait until the grammars are loaded (tests and benches).
pub fn wait_for_grammars(ctx: &egui::Context) {
    load_grammars(ctx);
    while GRAMMARS.get().is_none() {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// The grammar a fence's language names (as people write it: `ts`,
/// `typescript`, `golang`, `c++`, `terraform`, `Dockerfile`…), or None
/// when there is no language.
fn grammar_name(language: &str) -> Option<&str> {
    let lower = language.trim().to_ascii_lowercase();
    let name = match lower.as_str() {
        "" | "text" | "txt" | "plain" | "plaintext" | "output" => return None,
        "rust" | "rs" => "rs",
        "python" | "py" | "python3" => "py",
        "javascript" | "js" | "node" | "jsx" => "js",
        "typescript" | "ts" | "tsx" => "ts",
        "go" | "golang" => "go",
        "java" => "java",
        "kotlin" | "kt" | "kts" => "kt",
        "c" | "h" => "c",
        "c++" | "cpp" | "cc" | "cxx" | "hpp" => "cpp",
        "sh" | "bash" | "shell" | "zsh" | "console" | "shell-session" => "sh",
        "yaml" | "yml" => "yaml",
        "json" | "jsonc" => "json",
        "toml" => "toml",
        "sql" | "mysql" | "postgresql" | "psql" => "sql",
        "dockerfile" | "docker" => "Dockerfile",
        "hcl" | "terraform" | "tf" => "tf",
        "html" | "htm" | "xml" => "html",
        "css" | "scss" => "css",
        _ => return Some(language.trim()),
    };
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_the_issue_names_has_a_grammar() {
        let grammars = two_face::syntax::extra_newlines();
        for language in [
            "rust",
            "python",
            "js",
            "ts",
            "go",
            "java",
            "kotlin",
            "c",
            "cpp",
            "c++",
            "sh",
            "bash",
            "yaml",
            "json",
            "toml",
            "sql",
            "dockerfile",
            "hcl",
            "terraform",
            "html",
            "css",
        ] {
            let name = grammar_name(language).unwrap();
            let found = grammars
                .find_syntax_by_token(name)
                .or_else(|| grammars.find_syntax_by_name(name));
            assert!(found.is_some(), "{language} → {name}: no grammar");
        }
        assert_eq!(grammar_name(""), None);
        assert_eq!(grammar_name("text"), None);
    }

    /// The colours of `code` highlighted as `language` in the given theme.
    fn colours(dark: bool, code: &str, language: &str) -> Vec<egui::Color32> {
        let ctx = egui::Context::default();
        ctx.set_visuals(if dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        wait_for_grammars(&ctx);
        let mut found = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let job = coloured_code(ui, code, language, FontId::monospace(12.0));
            found = job
                .map(|job| job.sections.iter().map(|s| s.format.color).collect())
                .unwrap_or_default();
        });
        output.textures_delta.clear();
        found.dedup();
        found
    }

    #[test]
    fn code_is_coloured_to_fit_the_theme_and_unknown_languages_stay_plain() {
        let rust = "fn main() {\n    let n: u32 = 1; // one\n    println!(\"{n}\");\n}\n";
        let dark = colours(true, rust, "rust");
        let light = colours(false, rust, "rust");
        assert!(
            dark.len() >= 3,
            "keywords, names, comments, strings: {dark:?}"
        );
        assert_ne!(dark, light, "each theme has its own colours");
        assert!(colours(true, "resource \"aws_ecs_cluster\" \"x\" {}", "terraform").len() >= 2);
        assert!(colours(true, "anything", "no-such-language").is_empty());
    }
}
