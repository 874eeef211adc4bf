//! `install-desktop`: the menu entry, icon and file type for this user.

use std::io::Write;

use super::{Failure, say};

pub fn install_desktop(uninstall: bool, force: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let data = crate::desktop::data_home()
        .ok_or("neither XDG_DATA_HOME nor HOME is set: no place to install to")?;
    let report = if uninstall {
        crate::desktop::uninstall(&data, force)
    } else {
        let executable = crate::desktop::this_executable()
            .map_err(|e| format!("cannot tell where studylog is installed: {e}"))?;
        crate::desktop::install(&data, &executable, force)
    }
    .map_err(|e| format!("{}: {e}", data.display()))?;
    for line in report {
        say(out, line)?;
    }
    Ok(())
}
