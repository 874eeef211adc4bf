//! Bringing journals written by older versions of studylog up to date.
//!
//! Each format change adds one step to [`STEPS`], so a file from any release
//! opens in every later one. Version 1 is the first format, so there are no
//! steps yet and migrating a version-1 file changes nothing.

use crate::model::{FORMAT_VERSION, Journal};

/// Why a journal's version cannot be migrated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionProblem {
    TooNew(u32),
    Unknown(u32),
}

/// `STEPS[n]` upgrades a journal of version `n + 1` to version `n + 2`.
const STEPS: &[fn(Journal) -> Journal] = &[];

/// Upgrades `journal` from the version it was written in to [`FORMAT_VERSION`].
pub fn migrate(mut journal: Journal) -> Result<Journal, VersionProblem> {
    let found = journal.format_version;
    if found > FORMAT_VERSION {
        return Err(VersionProblem::TooNew(found));
    }
    if found == 0 {
        return Err(VersionProblem::Unknown(found));
    }
    for step in &STEPS[(found - 1) as usize..] {
        journal = step(journal);
    }
    journal.format_version = FORMAT_VERSION;
    Ok(journal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn there_is_one_step_per_older_version() {
        assert_eq!(STEPS.len() as u32, FORMAT_VERSION - 1);
    }

    #[test]
    fn every_known_version_migrates_to_the_current_one_keeping_the_content() {
        for version in 1..=FORMAT_VERSION {
            let mut journal = Journal::new("古い日誌", Language::Ja);
            journal.add_book("データ指向アプリケーションデザイン");
            journal.format_version = version;
            let migrated = migrate(journal.clone()).expect("known versions migrate");
            assert_eq!(migrated.format_version, FORMAT_VERSION);
            assert_eq!(migrated.books, journal.books);
            assert_eq!(migrated.title, journal.title);
        }
    }

    #[test]
    fn newer_and_zero_versions_are_refused() {
        let mut journal = Journal::new("", Language::En);
        journal.format_version = FORMAT_VERSION + 1;
        assert_eq!(
            migrate(journal.clone()),
            Err(VersionProblem::TooNew(FORMAT_VERSION + 1))
        );
        journal.format_version = 0;
        assert_eq!(migrate(journal), Err(VersionProblem::Unknown(0)));
    }
}
