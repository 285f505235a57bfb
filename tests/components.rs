//! Browser tests of components and helpers, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

#[path = "support/dom.rs"]
mod support;

use gazette::components::{share_links, ArticleBody, FontControls, Toast};
use gazette::i18n::{fill, format_date_time, format_relative, new_stories, t, NewsroomZone};
use gazette::state::Toaster;
use gazette::urls::{after_href, article_href, search_href, switch_href};
use gazette_api_types::routes::{lang_of_path, localized, unlocalized};
use gazette_api_types::{Block, Inline, Lang, Translation, ZoneOffset};
use leptos::prelude::*;
use support::{container, document, sleep};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn hostile_article_text_stays_text() {
    let root = container();
    let blocks = vec![
        Block::Paragraph {
            inlines: vec![
                Inline {
                    text: "<script>alert(1)</script><img src=x onerror=alert(2)>".into(),
                    ..Inline::default()
                },
                Inline {
                    text: "bad link".into(),
                    href: Some("javascript:alert(3)".into()),
                    ..Inline::default()
                },
                Inline {
                    text: "good link".into(),
                    href: Some("https://example.org/".into()),
                    bold: true,
                    ..Inline::default()
                },
            ],
        },
        Block::Heading {
            level: 2,
            text: "<b>Sub</b>".into(),
        },
        Block::List {
            ordered: false,
            items: vec![vec![Inline {
                text: "one".into(),
                ..Inline::default()
            }]],
        },
    ];
    let _handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <ArticleBody blocks=blocks /> },
    );
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root
        .text_content()
        .unwrap()
        .contains("<script>alert(1)</script><img src=x onerror=alert(2)>"));
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "the javascript: link is not a link");
    let link: web_sys::Element = links.get(0).unwrap().unchecked_into();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/")
    );
    assert!(root.query_selector("strong").unwrap().is_some());
    assert_eq!(
        root.query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("<b>Sub</b>")
    );
    assert!(root.query_selector("ul > li").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn toast_is_announced_and_goes_away_by_itself() {
    let root = container();
    let toaster = Toaster::new();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(toaster);
        view! { <Toast /> }
    });
    let region = root
        .query_selector(".toast-region")
        .unwrap()
        .expect("region");
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    toaster.show("Ссылка скопирована".into());
    sleep(50).await;
    assert_eq!(region.text_content().as_deref(), Some("Ссылка скопирована"));
    sleep(3_200).await;
    assert_eq!(region.text_content().as_deref(), Some(""));
}

#[wasm_bindgen_test]
async fn font_controls_step_stop_at_the_ends_and_persist() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("gazette.text-size").unwrap();
    let root = container();
    let _handle =
        leptos::mount::mount_to(root.clone(), || view! { <FontControls lang=Lang::En /> });
    let html = document().document_element().unwrap();
    let increase: web_sys::HtmlButtonElement = root
        .query_selector(".font-controls__increase")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let decrease: web_sys::HtmlButtonElement = root
        .query_selector(".font-controls__decrease")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // The accessible name is the hidden text; "A+" is only what sighted readers see.
    let name = increase
        .query_selector(".visually-hidden")
        .unwrap()
        .expect("hidden name");
    assert_eq!(name.text_content().as_deref(), Some("Increase text size"));
    assert_eq!(
        increase.get_attribute("title").as_deref(),
        Some("Increase text size")
    );
    for expected in ["2", "3", "4"] {
        increase.click();
        sleep(10).await;
        assert_eq!(
            html.get_attribute("data-text-size").as_deref(),
            Some(expected)
        );
    }
    assert!(increase.disabled(), "A+ is disabled at the largest size");
    assert_eq!(
        storage.get_item("gazette.text-size").unwrap().as_deref(),
        Some("4")
    );
    assert!(root.text_content().unwrap().contains("Text size: 150%"));
    for _ in 0..4 {
        decrease.click();
        sleep(10).await;
    }
    assert!(decrease.disabled(), "A- is disabled at the smallest size");
    assert_eq!(html.get_attribute("data-text-size").as_deref(), Some("0"));
    storage.remove_item("gazette.text-size").unwrap();
}

#[wasm_bindgen_test]
fn share_links_carry_the_encoded_canonical_url() {
    let url = "https://gazette.example/article/a-b?x=1&y=2";
    let links = share_links(url, "Mexico & Azerbaijan");
    let encoded = "https%3A%2F%2Fgazette.example%2Farticle%2Fa-b%3Fx%3D1%26y%3D2";
    let networks: Vec<&str> = links.iter().map(|link| link.network).collect();
    assert_eq!(networks, ["x", "facebook", "telegram", "whatsapp", "email"]);
    for link in &links {
        assert!(
            link.href.contains(encoded),
            "{}: {}",
            link.network,
            link.href
        );
        assert!(!link.href.contains(url));
    }
    assert!(links[0].href.contains("text=Mexico%20%26%20Azerbaijan"));
}

/// Baku's offsets as the server lists them around 2015, when it last changed (summer time).
fn baku() -> NewsroomZone {
    let offsets = [
        ZoneOffset {
            since: 1_420_070_400,
            offset_minutes: 240,
        },
        ZoneOffset {
            since: 1_427_587_200,
            offset_minutes: 300,
        },
        ZoneOffset {
            since: 1_445_731_200,
            offset_minutes: 240,
        },
    ];
    NewsroomZone::new(Some(&offsets))
}

#[wasm_bindgen_test]
fn dates_are_shown_in_the_newsroom_time_zone_per_language() {
    let time = "2025-01-14T13:32:00Z";
    let baku = &baku();
    assert_eq!(
        format_date_time(time, Lang::En, baku),
        "14 January 2025 17:32"
    );
    assert_eq!(
        format_date_time(time, Lang::Ru, baku),
        "14 января 2025 17:32"
    );
    // Armenian from the site's own month names (Chromium lacks Armenian calendar data).
    assert_eq!(
        format_date_time(time, Lang::Hy, baku),
        "14 հունվարի 2025 17:32"
    );
    // The zone moves the day, month and year: 21:30 UTC on 31 December is New Year in Baku.
    assert_eq!(
        format_date_time("2024-12-31T21:30:00Z", Lang::Hy, baku),
        "1 հունվարի 2025 01:30"
    );
    assert_eq!(
        format_date_time("2025-08-05T08:00:00Z", Lang::Ru, baku),
        "5 августа 2025 12:00"
    );
    assert_eq!(format_date_time("not a date", Lang::En, baku), "not a date");
    // Summer time of 2015 (UTC+5), and the offset written in the time itself does not matter.
    assert_eq!(
        format_date_time("2015-07-01T12:00:00+02:00", Lang::En, baku),
        "1 July 2015 15:00"
    );
    // Before the site information arrives nothing is shown rather than a time in another zone.
    assert_eq!(
        format_date_time(time, Lang::En, &NewsroomZone::default()),
        ""
    );
    // A server that sends no offsets: the reader's own clock.
    let own = js_sys::Date::new(&"2025-01-14T13:32:00Z".into());
    assert_eq!(
        format_date_time(time, Lang::En, &NewsroomZone::new(Some(&[]))),
        format!(
            "{} January 2025 {:02}:{:02}",
            own.get_date(),
            own.get_hours(),
            own.get_minutes()
        )
    );
}

#[wasm_bindgen_test]
fn urls_carry_the_language_and_the_switch_finds_translations() {
    assert_eq!(lang_of_path("/ru/article/x"), Lang::Ru);
    assert_eq!(lang_of_path("/hy"), Lang::Hy);
    assert_eq!(lang_of_path("/article/ru"), Lang::En);
    assert_eq!(localized(Lang::Ru, "/"), "/ru");
    assert_eq!(localized(Lang::Hy, "/search"), "/hy/search");
    assert_eq!(unlocalized("/ru/article/x"), "/article/x");
    assert_eq!(unlocalized("/rugby"), "/rugby");
    let translations = (
        Lang::En,
        vec![Translation {
            lang: Lang::Ru,
            slug: "meksika".into(),
        }],
    );
    assert_eq!(
        switch_href("/article/mexico", Lang::En, Lang::Ru, Some(&translations)),
        "/ru/article/meksika"
    );
    assert_eq!(
        switch_href("/article/mexico", Lang::En, Lang::Hy, Some(&translations)),
        "/hy?untranslated=1"
    );
    assert_eq!(
        switch_href("/category/sport", Lang::En, Lang::Hy, None),
        "/hy/category/sport"
    );
    assert_eq!(
        switch_href("/ru/category/sport", Lang::Ru, Lang::En, None),
        "/category/sport"
    );
}

#[wasm_bindgen_test]
fn messages_put_their_values_where_each_language_wants_them() {
    assert_eq!(fill(t(Lang::En).views, "count", "389"), "Views: 389");
    assert_eq!(fill(t(Lang::Ru).by, "author", "Анна"), "Автор: Анна");
    assert_eq!(
        fill(t(Lang::Hy).search_results_for, "query", "նավթ"),
        "Արդյունքներ՝ «նավթ»"
    );
    let five_minutes_ago = js_sys::Date::new(&(js_sys::Date::now() - 300_000.0).into());
    let time = String::from(five_minutes_ago.to_iso_string());
    assert_eq!(format_relative(&time, Lang::En, &baku()), "5 min ago");
    assert_eq!(format_relative(&time, Lang::Ru, &baku()), "5 мин назад");
}

#[wasm_bindgen_test]
fn new_stories_take_each_language_s_plural_forms() {
    let forms = |lang: Lang, counts: &[usize]| -> Vec<String> {
        counts
            .iter()
            .map(|&count| new_stories(lang, count))
            .collect()
    };
    assert_eq!(
        forms(Lang::En, &[1, 2, 5]),
        ["1 new story", "2 new stories", "5 new stories"]
    );
    assert_eq!(
        forms(Lang::Ru, &[1, 2, 5, 11, 12, 21, 22, 25, 101, 111, 114]),
        [
            "1 свежая новость",
            "2 свежие новости",
            "5 свежих новостей",
            "11 свежих новостей",
            "12 свежих новостей",
            "21 свежая новость",
            "22 свежие новости",
            "25 свежих новостей",
            "101 свежая новость",
            "111 свежих новостей",
            "114 свежих новостей",
        ]
    );
    // Armenian nouns stay singular after a number.
    assert_eq!(forms(Lang::Hy, &[1, 3]), ["1 նոր լուր", "3 նոր լուր"]);
}

#[wasm_bindgen_test]
fn links_are_built_from_the_contract_routes() {
    assert_eq!(article_href(Lang::Hy, "x"), "/hy/article/x");
    assert_eq!(after_href("/", "abc_-1"), "/?after=abc_-1");
    assert_eq!(
        search_href(Lang::Ru, "нефть & газ", Some("c1")),
        "/ru/search?q=%D0%BD%D0%B5%D1%84%D1%82%D1%8C%20%26%20%D0%B3%D0%B0%D0%B7&after=c1"
    );
    assert_eq!(search_href(Lang::En, "oil", None), "/search?q=oil");
}
