//! The `studylog` binary: with a subcommand, run it headless; otherwise open
//! the window (on FILE if given).

// A release build on Windows is a GUI app: no console window behind it.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use studylog::cli::{self, Cli};
use studylog::ui::{self, Start};

fn main() -> ExitCode {
    let args = Cli::parse();
    if let Some(command) = args.command {
        let code = cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
        return ExitCode::from(code);
    }
    let start = args.file.map_or(Start::Default, Start::for_path);
    match ui::run(start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("studylog: cannot open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
