//! The language the system speaks, from the operating system's own settings
//! (the `LANGUAGE`/`LC_*`/`LANG` variables on Linux, the user's preferred
//! languages on macOS and Windows), via `sys-locale`.
//!
//! Both the window (its UI language) and the command line (the headings of a
//! new journal) start from it.

use crate::model::Language;

/// Japanese when the system's preferred language is Japanese, else English.
pub fn system_language() -> Language {
    language_of(sys_locale::get_locale().as_deref())
}

/// The journal language for a locale name such as `ja-JP`, `ja_JP.UTF-8` or `en-US`.
pub fn language_of(locale: Option<&str>) -> Language {
    let is_japanese = locale.is_some_and(|name| {
        let primary = name.split(['-', '_', '.', '@']).next().unwrap_or_default();
        primary.eq_ignore_ascii_case("ja")
    });
    if is_japanese {
        Language::Ja
    } else {
        Language::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_locales_in_every_spelling_give_japanese() {
        for name in ["ja", "ja-JP", "ja_JP.UTF-8", "JA-jp", "ja_JP@euro"] {
            assert_eq!(language_of(Some(name)), Language::Ja, "{name}");
        }
        for name in ["en-US", "C", "POSIX", "jam", "de_DE.UTF-8", ""] {
            assert_eq!(language_of(Some(name)), Language::En, "{name}");
        }
        assert_eq!(language_of(None), Language::En);
    }
}
