//! Where the time to the first frame goes: each start-up phase logged at
//! debug level with the milliseconds since the process started. `RUST_LOG=
//! studylog=debug studylog` prints them on standard error (see
//! [`init_logging`]); otherwise they cost nothing.

use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

/// The process started now (call first thing in `main`).
pub fn begin() {
    STARTED.get_or_init(Instant::now);
}

/// Log that `phase` is done.
pub fn phase(phase: &str) {
    let ms = STARTED
        .get()
        .map_or(0.0, |s| s.elapsed().as_secs_f64() * 1000.0);
    log::debug!(target: "studylog::startup", "{ms:7.1} ms  {phase}");
}

/// Whether start-up phases are being logged (to skip work done only for the log).
pub fn is_logged() -> bool {
    log::log_enabled!(target: "studylog::startup", log::Level::Debug)
}

/// Print studylog's log records on standard error when `RUST_LOG` asks for
/// them (`debug`, `studylog=debug`, `studylog::startup=debug`).
pub fn init_logging() {
    let wanted = std::env::var("RUST_LOG").unwrap_or_default();
    let level = if wanted.contains("debug") || wanted.contains("trace") {
        log::LevelFilter::Debug
    } else if wanted.is_empty() {
        return;
    } else {
        log::LevelFilter::Info
    };
    if log::set_logger(&StderrLogger).is_ok() {
        log::set_max_level(level);
    }
}

struct StderrLogger;

impl log::Log for StderrLogger {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.target().starts_with("studylog")
    }

    fn log(&self, record: &log::Record) {
        if self.enabled(record.metadata()) {
            eprintln!("[{}] {}", record.target(), record.args());
        }
    }

    fn flush(&self) {}
}
