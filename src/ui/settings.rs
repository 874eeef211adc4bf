//! UI preferences kept between runs: language, recent files, last journal.
//!
//! Stored with eframe's storage, which silently drops what it cannot decode;
//! that is acceptable for preferences and is why the journal never goes there.
//! Window size and position are kept by eframe itself.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::i18n::UiLanguage;

/// The key under which settings are stored.
pub const STORAGE_KEY: &str = "studylog-settings";

/// How many files Open Recent remembers.
const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The UI language the user chose; None follows the system.
    pub language: Option<UiLanguage>,
    /// Recently opened or saved journals, newest first.
    pub recent: Vec<PathBuf>,
    /// Autosave writes the journal itself (when it has a file), not just the
    /// recovery file.
    pub autosave_to_journal: bool,
    /// View → zoom (1.0 = as the system scales).
    pub zoom: Zoom,
    /// View → theme.
    pub theme: egui::ThemePreference,
    /// View → High Contrast.
    pub high_contrast: bool,
    /// View → Show/Hide Side Panel (F9): the form takes the whole width,
    /// for large zoom or a narrow window.
    pub hide_side_panel: bool,
}

/// The zoom factor, kept between the limits View offers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Zoom(pub f32);

impl Default for Zoom {
    fn default() -> Self {
        Zoom(1.0)
    }
}

impl Zoom {
    const STEPS: [f32; 13] = [
        0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0,
    ];

    /// One step larger (or smaller), as browsers step.
    pub fn step(self, larger: bool) -> Zoom {
        let next = if larger {
            Self::STEPS.iter().find(|&&z| z > self.0 + 0.01)
        } else {
            Self::STEPS.iter().rev().find(|&&z| z < self.0 - 0.01)
        };
        Zoom(next.copied().unwrap_or(self.0))
    }

    /// A stored factor, kept sane (an edited settings file may say anything).
    pub fn factor(self) -> f32 {
        if self.0.is_finite() {
            self.0
                .clamp(Self::STEPS[0], Self::STEPS[Self::STEPS.len() - 1])
        } else {
            1.0
        }
    }
}

impl Settings {
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default()
    }

    /// The settings as the window will find them, read from eframe's
    /// settings file before the window exists (so the last journal can be
    /// read while the window is created); None if that file cannot be read.
    pub fn read_from_file(file: &Path) -> Option<Settings> {
        let text = crate::session::files::read_text(file).ok()?;
        let stored: std::collections::HashMap<String, String> = ron::from_str(&text).ok()?;
        ron::from_str(stored.get(STORAGE_KEY)?).ok()
    }

    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }

    pub fn language(&self) -> UiLanguage {
        self.language.unwrap_or_else(UiLanguage::from_system)
    }

    /// Put `path` at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        // As typed (`r3.studylog.ron`) it would name another file when
        // studylog starts in another folder.
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// The journal to open when the app starts without a file.
    pub fn last_journal(&self) -> Option<&Path> {
        self.recent.first().map(PathBuf::as_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// eframe's storage as its settings file holds it: a map of strings.
    #[derive(Default)]
    struct MapStorage(HashMap<String, String>);

    impl eframe::Storage for MapStorage {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn the_last_journal_is_read_from_the_settings_file_before_the_window() {
        let mut settings = Settings::default();
        settings.remember(Path::new("/home/u/old.studylog.ron"));
        settings.remember(Path::new("/home/u/日誌.studylog.ron"));
        let mut storage = MapStorage::default();
        settings.store(&mut storage);
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("app.ron");
        let pretty = ron::ser::PrettyConfig::default();
        let text = ron::ser::to_string_pretty(&storage.0, pretty).unwrap();
        crate::session::files::write_text_file(&file, &text).unwrap();

        let read = Settings::read_from_file(&file).unwrap();
        assert_eq!(read, settings);
        assert_eq!(
            read.last_journal(),
            Some(Path::new("/home/u/日誌.studylog.ron"))
        );
        assert_eq!(
            Settings::read_from_file(&folder.path().join("none.ron")),
            None
        );
        crate::session::files::write_text_file(&file, "{ broken").unwrap();
        assert_eq!(Settings::read_from_file(&file), None);
    }
}
