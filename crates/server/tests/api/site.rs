//! The site endpoint, and the site settings file it reads.

use axum::http::StatusCode;
use gazette_api_types::SiteInfo;

use gazette_server::AppState;

use crate::common::{assert_json_error, test_config, TestSite};

#[tokio::test]
async fn site_info_is_localised_and_unknown_languages_are_refused() {
    let site = TestSite::new().await;
    let en: SiteInfo = site.get_json("/api/v1/site").await;
    assert_eq!(en.name, "Gazette");
    assert_eq!(en.time_zone, "Asia/Baku");
    let networks: Vec<&str> = en.social.iter().map(|link| link.network.as_str()).collect();
    assert_eq!(
        networks,
        ["x", "youtube", "instagram", "facebook", "telegram"]
    );
    assert_eq!(
        en.languages
            .iter()
            .map(|l| l.label.as_str())
            .collect::<Vec<_>>(),
        ["EN", "RU", "ARM"]
    );
    assert!(en.footer_notice.contains("hyperlink"));
    let ru: SiteInfo = site.get_json("/api/v1/site?lang=ru").await;
    assert!(ru.footer_notice.contains("гиперссылки"));
    let message = assert_json_error(
        site.get("/api/v1/site?lang=de").await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(message.contains("unknown language 'de'"), "{message}");
}

#[tokio::test]
async fn a_custom_site_settings_file_is_served() {
    let site = TestSite::configured(None, |config, dir| {
        let demo = std::fs::read_to_string(&config.site_settings).expect("demo settings");
        let mut settings: serde_json::Value = serde_json::from_str(&demo).unwrap();
        settings["name"] = "Kurier".into();
        settings["tagline"]["ru"] = "Новости с другого сервера".into();
        let path = dir.join("site.json");
        std::fs::write(&path, settings.to_string()).unwrap();
        config.site_settings = path;
    })
    .await;
    let en: SiteInfo = site.get_json("/api/v1/site").await;
    assert_eq!(en.name, "Kurier");
    let ru: SiteInfo = site.get_json("/api/v1/site?lang=ru").await;
    assert_eq!(ru.tagline, "Новости с другого сервера");
}

#[tokio::test]
async fn an_invalid_or_missing_site_settings_file_stops_the_start_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let invalid = dir.path().join("invalid.json");
    std::fs::write(&invalid, r#"{ "name": 1 }"#).unwrap();
    let missing = dir.path().join("missing.json");
    for (path, expected) in [(&invalid, "are not valid"), (&missing, "cannot read")] {
        let mut config = test_config(&dir).await;
        config.site_settings = path.clone();
        let error = match AppState::new(config).await {
            Ok(_) => panic!("{} was accepted", path.display()),
            Err(error) => error.to_string(),
        };
        assert!(error.contains("site settings"), "{error}");
        assert!(error.contains(expected), "{error}");
        assert!(error.contains(&path.display().to_string()), "{error}");
    }
    // The settings are read before the database is opened.
    assert!(!dir.path().join("gazette.db").exists());
}
