//! `GET /api/v1/site`: the site's name, languages, links, footer texts and ad slots.

use std::collections::HashMap;

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use gazette_api_types::{AdSlot, AppLink, Lang, LanguageInfo, SiteInfo, SocialLink};
use serde::Deserialize;

use super::{parse_lang, ApiResult, Json, LangQuery, Query};
use crate::AppState;

/// The newsroom's settings behind the site endpoint (`demo/site.json` for the demo site).
#[derive(Clone, Debug, Deserialize)]
pub struct SiteSettings {
    pub name: String,
    pub tagline: HashMap<String, String>,
    pub time_zone: String,
    pub social: Vec<SocialLink>,
    pub apps: Vec<AppLink>,
    pub footer_notice: HashMap<String, String>,
    /// `{year}` is replaced by the current year.
    pub copyright: HashMap<String, String>,
    pub ad_slots: Vec<AdSlot>,
}

impl SiteSettings {
    /// The demo site's settings, built into the server.
    pub fn demo() -> SiteSettings {
        serde_json::from_str(include_str!("../../demo/site.json"))
            .unwrap_or_else(|error| panic!("demo/site.json is not valid site settings: {error}"))
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
            base_url: base_url.trim_end_matches('/').to_owned(),
            social: self.social.clone(),
            apps: self.apps.clone(),
            footer_notice: text(&self.footer_notice),
            copyright: text(&self.copyright).replace("{year}", &year.to_string()),
            ad_slots: self.ad_slots.clone(),
        }
    }
}

/// How the language switch names a language.
pub fn language_info(lang: Lang) -> LanguageInfo {
    let (label, name) = match lang {
        Lang::En => ("EN", "English"),
        Lang::Ru => ("RU", "Русский"),
        Lang::Hy => ("ARM", "Հայերեն"),
    };
    LanguageInfo {
        code: lang,
        label: label.into(),
        name: name.into(),
    }
}

pub fn router() -> Router<AppState> {
    Router::new().route("/site", get(site_info))
}

/// Site information in the requested language.
#[utoipa::path(get, path = "/api/v1/site", tag = "site",
    params(("lang" = Option<String>, Query, description = "en (default), ru or hy")),
    responses((status = 200, body = SiteInfo), (status = 400, body = gazette_api_types::ApiError)))]
pub async fn site_info(
    State(state): State<AppState>,
    Query(query): Query<LangQuery>,
) -> ApiResult<Json<SiteInfo>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let year = time::OffsetDateTime::now_utc().year();
    Ok(Json(state.site.info(lang, &state.config.base_url, year)))
}
