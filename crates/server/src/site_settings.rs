//! The newsroom's settings behind `GET /api/v1/site`: name, taglines, social and app links,
//! footer texts and ad slots, read at start-up from a JSON file (`--site-settings`,
//! `demo/site.json` for the demo site) so a newsroom changes them without a rebuild.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Offset, TimeZone};
use gazette_api_types::{
    AdPlacement, AppLink, FooterLink, Lang, LanguageInfo, SiteInfo, SocialLink, ZoneOffset,
};
use serde::Deserialize;

use crate::config::StartError;

/// The site settings file's contents; texts are keyed by language code, English as fallback.
#[derive(Clone, Debug, Deserialize)]
pub struct SiteSettings {
    pub name: String,
    pub tagline: HashMap<String, String>,
    /// An IANA zone name ("Asia/Baku"); an unknown one stops the server at start-up.
    pub time_zone: String,
    /// The zone's offsets from UTC, worked out from the zone database at start-up.
    #[serde(skip)]
    pub utc_offsets: Vec<ZoneOffset>,
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

    /// Parses the settings from JSON text and works out the time zone's offsets.
    pub fn parse(json: &str) -> Result<SiteSettings, String> {
        let mut settings: SiteSettings =
            serde_json::from_str(json).map_err(|error| error.to_string())?;
        settings.utc_offsets = utc_offsets(&settings.time_zone, OFFSETS_FROM, offsets_until())?;
        Ok(settings)
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
            utc_offsets: self.utc_offsets.clone(),
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

/// Where the offset table starts (1990-01-01): older articles are shown at that year's offset.
const OFFSETS_FROM: i64 = 631_152_000;

/// Where the table ends: ten years from now, far beyond any article's date.
fn offsets_until() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs() as i64);
    now + 10 * 365 * 86_400
}

/// The offsets of the IANA zone `name` between `from` and `until` (Unix seconds): the one in
/// force at `from`, then one entry per change, each at the exact second it happens.
fn utc_offsets(name: &str, from: i64, until: i64) -> Result<Vec<ZoneOffset>, String> {
    let zone: chrono_tz::Tz = name
        .parse()
        .map_err(|_| format!("time_zone {name:?} is not an IANA time zone (e.g. \"Asia/Baku\")"))?;
    let offset_at = |seconds: i64| {
        DateTime::from_timestamp(seconds, 0).map_or(0, |instant| {
            zone.offset_from_utc_datetime(&instant.naive_utc())
                .fix()
                .local_minus_utc()
                / 60
        })
    };
    let mut offsets = vec![ZoneOffset {
        since: from,
        offset_minutes: offset_at(from),
    }];
    // Zones change their offset at most a few times a year: look once a day, then find the
    // second of each change by bisection.
    const DAY: i64 = 86_400;
    let mut day = from;
    while day < until {
        let current = offsets.last().map_or(0, |period| period.offset_minutes);
        let next_day = day + DAY;
        if offset_at(next_day) != current {
            let (mut before, mut after) = (day, next_day);
            while after - before > 1 {
                let middle = before + (after - before) / 2;
                if offset_at(middle) == current {
                    before = middle;
                } else {
                    after = middle;
                }
            }
            offsets.push(ZoneOffset {
                since: after,
                offset_minutes: offset_at(after),
            });
        }
        day = next_day;
    }
    Ok(offsets)
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

    #[test]
    fn offsets_follow_the_zone_database() {
        let at = |text: &str| gazette_api_types::clock::parse_rfc3339(text).unwrap();
        // Baku kept summer time until 2015 and has been UTC+4 all year since 2016.
        let baku = utc_offsets(
            "Asia/Baku",
            at("2015-01-01T00:00:00Z"),
            at("2030-01-01T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(
            baku,
            [
                ZoneOffset {
                    since: at("2015-01-01T00:00:00Z"),
                    offset_minutes: 240
                },
                ZoneOffset {
                    since: at("2015-03-29T00:00:00Z"),
                    offset_minutes: 300
                },
                ZoneOffset {
                    since: at("2015-10-25T00:00:00Z"),
                    offset_minutes: 240
                },
            ]
        );
        // Berlin: two changes a year, at 01:00 UTC.
        let berlin = utc_offsets(
            "Europe/Berlin",
            at("2025-01-01T00:00:00Z"),
            at("2026-01-01T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(berlin.len(), 3);
        assert_eq!(
            berlin[1],
            ZoneOffset {
                since: at("2025-03-30T01:00:00Z"),
                offset_minutes: 120
            }
        );
        assert_eq!(
            berlin[2],
            ZoneOffset {
                since: at("2025-10-26T01:00:00Z"),
                offset_minutes: 60
            }
        );
        let error = utc_offsets("Baku", 0, 1).unwrap_err();
        assert!(error.contains("not an IANA time zone"), "{error}");
    }

    #[test]
    fn the_demo_site_lists_offsets_from_1990_to_beyond_now() {
        let settings = SiteSettings::load(Path::new(crate::config::DEMO_SITE_SETTINGS)).unwrap();
        let offsets = &settings.info(Lang::En, "https://x.test", 2030).utc_offsets;
        assert_eq!(offsets[0].since, OFFSETS_FROM);
        assert_eq!(
            offsets.last().map(|period| period.offset_minutes),
            Some(240)
        );
        assert!(offsets.windows(2).all(|pair| pair[0].since < pair[1].since));
        // A small table: the whole payload stays cheap to send with every page.
        assert!(offsets.len() < 80, "{}", offsets.len());
    }
}
