//! The `studylog` binary: parse the command line, run a subcommand.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use studylog::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => {
            let code = cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
            ExitCode::from(code)
        }
        None => {
            // Until the window exists, running with no subcommand explains the commands.
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
