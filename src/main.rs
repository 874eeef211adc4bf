//! The `studylog` binary: with a subcommand, run it headless; otherwise open
//! the window (on FILE if given).

// A release build on Windows is a GUI app: no console window behind it.
#![cfg_attr(
    all(windows, not(debug_assertions), feature = "gui"),
    windows_subsystem = "windows"
)]

use std::process::ExitCode;

use clap::Parser;
use studylog::cli::{self, Cli};

fn main() -> ExitCode {
    studylog::startup::begin();
    studylog::startup::init_logging();
    let args = Cli::parse();
    if let Some(command) = args.command {
        let code = cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
        return ExitCode::from(code);
    }
    open_window(args.file)
}

#[cfg(feature = "gui")]
fn open_window(file: Option<std::path::PathBuf>) -> ExitCode {
    use studylog::ui::{self, Start};
    let start = file.map_or(Start::Default, Start::for_path);
    match ui::run(start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("studylog: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Built without the `gui` feature: the command line alone.
#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<std::path::PathBuf>) -> ExitCode {
    use clap::CommandFactory;
    eprintln!("studylog was built without its window (the `gui` feature); the commands are:");
    let _ = Cli::command().print_help();
    ExitCode::from(cli::FAILED)
}
