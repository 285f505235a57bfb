//! The newsroom's settings behind `GET /api/v1/site`: name, taglines, social and app links,
//! footer texts and ad slots, read at start-up from a JSON file (`--site-settings`,
//! `demo/site.json` for the demo site) so a newsroom changes them without a rebuild.

use std::collections::HashMap;
use std::path::Path;

use gazette_api_types::{
    AdPlacement, AppLink, FooterLink, Lang, LanguageInfo, SiteInfo, SocialLink,
};
use serde::Deserialize;

use crate::config::StartError;

/// The site settings file's contents; texts are keyed by language code, English as fallback.
#[derive(Clone, Debug, Deserialize)]
pub struct SiteSettings {
    pub name: String,
    pub tagline: HashMap<String, String>,
    pub time_zone: String,
    /// How readers elsewhere are told the zone: `{ "en": "Baku time", … }`.
    #[serde(default)]
    pub time_zone_name: HashMap<String, String>,
    pub social: Vec<SocialLink>,
    pub apps: Vec<AppLink>,
    pub footer_notice: HashMap<String, String>,
    /// `{year}` is replaced by the current year.
    pub copyright: HashMap<String, String>,
    pub ad_slots: Vec<AdPlacement>,
    /// Contact, imprint and similar links, named per language.
    #[serde(default)]
    pub footer_links: Vec<FooterLinkSetting>,
}

/// A footer link in the settings file: its name per language and its URL.
#[derive(Clone, Debug, Deserialize)]
pub struct FooterLinkSetting {
    pub name: HashMap<String, String>,
    pub url: String,
}

impl SiteSettings {
    /// Reads the settings file; a missing or invalid file is a start-up error naming it, so
    /// a typo in the path or the JSON stops the server with a clear message.
    pub fn load(path: &Path) -> Result<SiteSettings, StartError> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read site settings {}: {error}", path.display()))?;
        SiteSettings::parse(&text).map_err(|error| {
            format!("site settings {} are not valid: {error}", path.display()).into()
        })
    }

    /// Parses the settings from JSON text.
    pub fn parse(json: &str) -> Result<SiteSettings, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The site info in one language, with `base_url` as the public origin.
    pub fn info(&self, lang: Lang, base_url: &str, year: i32) -> SiteInfo {
        let text = |texts: &HashMap<String, String>| {
            texts
                .get(lang.code())
                .or_else(|| texts.get("en"))
                .cloned()
                .unwrap_or_default()
        };
        SiteInfo {
            name: self.name.clone(),
            tagline: text(&self.tagline),
            lang,
            languages: Lang::ALL.iter().map(|&code| language_info(code)).collect(),
            time_zone: self.time_zone.clone(),
            time_zone_name: text(&self.time_zone_name),
            base_url: base_url.trim_end_matches('/').to_owned(),
            social: self.social.clone(),
            apps: self.apps.clone(),
            footer_notice: text(&self.footer_notice),
            copyright: text(&self.copyright).replace("{year}", &year.to_string()),
            ad_slots: self.ad_slots.clone(),
            footer_links: self
                .footer_links
                .iter()
                .map(|link| FooterLink {
                    name: text(&link.name),
                    url: link.url.clone(),
                })
                .collect(),
        }
    }
}

/// How the language switch names a language.
fn language_info(lang: Lang) -> LanguageInfo {
    LanguageInfo {
        code: lang,
        label: lang.label().into(),
        name: lang.native_name().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_settings_file_is_valid() {
        let settings = SiteSettings::load(Path::new(crate::config::DEMO_SITE_SETTINGS)).unwrap();
        assert_eq!(settings.name, "Gazette");
        let info = settings.info(Lang::Hy, "https://x.test/", 2030);
        assert_eq!(info.base_url, "https://x.test");
        assert_eq!(info.languages[2].label, "ARM");
        assert_eq!(info.time_zone_name, "Բաքվի ժամանակով");
        assert!(info
            .footer_links
            .iter()
            .any(|link| link.url.starts_with("mailto:")));
    }
}
