//! The languages the site publishes in and every fact about them that more than one place
//! needs: URL codes, the language switch's labels, BCP 47 tags and Open Graph locales.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// A language the site publishes in. English is the default and has no URL prefix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ru,
    Hy,
}

impl Lang {
    /// Every language, default first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Hy];

    /// The ISO 639-1 code used in URLs, queries and `<html lang>` (also its BCP 47 tag).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Hy => "hy",
        }
    }

    /// Parses an ISO 639-1 code; `None` for a language the site does not publish in.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The short label of the language switch ("EN", "RU", "ARM"), as the model site shows it.
    pub fn label(self) -> &'static str {
        match self {
            Lang::En => "EN",
            Lang::Ru => "RU",
            Lang::Hy => "ARM",
        }
    }

    /// The language's own name ("Русский").
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Hy => "Հայերեն",
        }
    }

    /// The Open Graph locale of pages in this language (`og:locale`).
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::En => "en_US",
            Lang::Ru => "ru_RU",
            Lang::Hy => "hy_AM",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(serde_json::to_string(&Lang::Hy).unwrap(), r#""hy""#);
    }
}
