//! Whether the process that left a file behind (a temp file of a killed save,
//! a recovery file) is still running.

use std::path::Path;

/// Some(running) where the system lets us tell cheaply (Linux, via /proc);
/// None elsewhere, and each caller decides what an unknown means for it.
pub fn running(pid: u32) -> Option<bool> {
    cfg!(target_os = "linux").then(|| Path::new("/proc").join(pid.to_string()).exists())
}
