//! The site itself: `GET /api/v1/site` (name, languages, links, footer texts, ad slots).

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::Lang;

/// One language as the language switch shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LanguageInfo {
    pub code: Lang,
    /// Short label for the switch, e.g. "EN", "RU", "ARM".
    pub label: String,
    /// The language's own name, e.g. "Русский".
    pub name: String,
}

/// A link to one of the newsroom's social network accounts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SocialLink {
    /// Network key: `x`, `youtube`, `instagram`, `facebook`, `telegram`.
    pub network: String,
    /// Human name of the network, e.g. "Telegram".
    pub name: String,
    pub url: String,
}

/// A link to the newsroom's native app in a store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AppLink {
    /// Store key: `app-store` or `google-play`.
    pub store: String,
    pub name: String,
    pub url: String,
}

/// An advertising slot: the front end reserves exactly this space so nothing shifts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AdPlacement {
    /// Placement key: `top`, `in-article`, `sidebar`.
    pub placement: String,
    pub width: u32,
    pub height: u32,
}

/// Everything about the site that is not an article: `GET /api/v1/site`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SiteInfo {
    pub name: String,
    pub tagline: String,
    /// The language these texts are in.
    pub lang: Lang,
    pub languages: Vec<LanguageInfo>,
    /// IANA time zone the newsroom publishes in, e.g. "Asia/Baku"; every reader sees times in it.
    pub time_zone: String,
    /// How times in that zone are named for readers elsewhere, e.g. "Baku time"; may be empty.
    #[serde(default)]
    pub time_zone_name: String,
    /// The zone's offsets from UTC over time, oldest first, so a client turns a UTC time into
    /// the newsroom's wall-clock time without a time zone database (`gazette_api_types::clock`).
    /// Empty when the server does not know them; clients then show the reader's own time.
    #[serde(default)]
    pub utc_offsets: Vec<ZoneOffset>,
    /// Public origin of the site, e.g. "https://gazette.example", used for canonical and share URLs.
    pub base_url: String,
    pub social: Vec<SocialLink>,
    pub apps: Vec<AppLink>,
    /// "Use of materials is allowed only with a hyperlink to the site" in the site's words.
    pub footer_notice: String,
    pub copyright: String,
    pub ad_slots: Vec<AdPlacement>,
    /// The newsroom's own links in the footer: contact, imprint, advertising.
    #[serde(default)]
    pub footer_links: Vec<FooterLink>,
}

/// One period of the newsroom's time zone: from `since` on, local time is UTC plus
/// `offset_minutes`, until the next period begins. The first period also covers earlier times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ZoneOffset {
    /// Unix time (seconds, UTC) at which this offset starts.
    pub since: i64,
    /// Local time minus UTC, in minutes: 240 for Baku (UTC+4).
    pub offset_minutes: i32,
}

/// A link of the newsroom's in the footer (an `http(s)` or `mailto` URL).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct FooterLink {
    pub name: String,
    pub url: String,
}
