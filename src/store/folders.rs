//! Where file dialogs start: the folder of the journal open, or for one
//! not saved yet the user's Documents folder (else home). Asking the file
//! system whether a folder is there is the store's work, not the window's.

use std::path::{Path, PathBuf};

/// The folder a dialog about the journal at `journal` (None: not saved
/// yet) starts in, if one can be found.
pub fn dialog_folder(journal: Option<&Path>) -> Option<PathBuf> {
    if let Some(folder) = journal.and_then(Path::parent).filter(|f| f.is_dir()) {
        return Some(folder.to_owned());
    }
    let home = PathBuf::from(std::env::var_os(home_variable())?);
    let documents = home.join("Documents");
    if documents.is_dir() {
        Some(documents)
    } else {
        home.is_dir().then_some(home)
    }
}

fn home_variable() -> &'static str {
    if cfg!(windows) { "USERPROFILE" } else { "HOME" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_journal_starts_dialogs_in_its_folder() {
        let folder = tempfile::tempdir().unwrap();
        let journal = folder.path().join("study.studylog.ron");
        assert_eq!(
            dialog_folder(Some(&journal)).as_deref(),
            Some(folder.path())
        );
    }

    #[test]
    fn a_journal_in_a_folder_gone_starts_elsewhere() {
        let gone = Path::new("/no/such/folder/j.studylog.ron");
        assert_ne!(
            dialog_folder(Some(gone)).as_deref(),
            Some(Path::new("/no/such/folder"))
        );
    }
}
