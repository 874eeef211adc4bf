//! Writes a deterministic synthetic journal, for benchmarks and trying the app
//! on a large file:
//!
//! ```sh
//! cargo run --release --example gen_journal -- --years 10 -o ten-years.studylog.ron
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Generate a synthetic studylog journal.
#[derive(Parser)]
struct Args {
    /// Years of daily logs (365 days each)
    #[arg(long, default_value_t = 10)]
    years: u32,
    /// Seed for the text; the same seed gives the same journal
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the journal
    #[arg(short, long)]
    output: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let journal = studylog::generate::generate(args.years, args.seed);
    match studylog::store::save(&args.output, &journal) {
        Ok(_) => {
            println!("{}: {}", args.output.display(), journal.summary());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
