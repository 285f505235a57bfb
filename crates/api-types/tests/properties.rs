//! Property tests of the contract's pure parts, on inputs proptest makes up: the page-address
//! parser (never panics; every page's address reads back as that page, in its language) and
//! the RFC 3339 clock (never panics; every instant written out reads back). `PROPTEST_CASES`
//! sets how many inputs are tried (256 by default; `make fuzz` tries far more).

use gazette_api_types::clock::{parse_rfc3339, wall_time};
use gazette_api_types::routes::{lang_of_path, localized, parse, unlocalized, Route};
use gazette_api_types::Lang;
use proptest::prelude::*;

fn lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,4}"
}

proptest! {
    #[test]
    fn any_path_parses_without_panicking_and_its_page_stays_in_its_language(path in "\\PC{0,80}") {
        let (lang, route) = parse(&path);
        prop_assert_eq!(lang_of_path(&route.href(lang)), lang);
        let _ = unlocalized(&path);
    }

    #[test]
    fn every_page_address_reads_back_as_that_page(lang in lang(), slug in slug(), kind in 0..6u8) {
        let route = match kind {
            0 => Route::Home,
            1 => Route::Category(&slug),
            2 => Route::Article(&slug),
            3 => Route::Tag(&slug),
            4 => Route::Search,
            _ => Route::Saved,
        };
        let href = route.href(lang);
        prop_assert_eq!(parse(&href), (lang, route), "{}", href);
        let with_slash = format!("{href}/");
        prop_assert_eq!(parse(&with_slash), (lang, route), "trailing slash");
        let english = route.href(Lang::En);
        prop_assert_eq!(unlocalized(&href), english.as_str());
        prop_assert_eq!(localized(lang, &english), href);
    }

    #[test]
    fn any_text_is_read_as_a_time_or_refused_without_panicking(text in "\\PC{0,40}") {
        let _ = parse_rfc3339(&text);
    }

    #[test]
    fn every_instant_written_in_rfc3339_reads_back(
        seconds in -2_208_988_800i64..32_503_680_000, offset in -14 * 60..=14 * 60i32
    ) {
        let wall = wall_time(seconds, offset);
        let sign = if offset < 0 { '-' } else { '+' };
        let text = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            wall.year, wall.month, wall.day, wall.hour, wall.minute, seconds.rem_euclid(60),
            offset.abs() / 60, offset.abs() % 60
        );
        prop_assert_eq!(parse_rfc3339(&text), Some(seconds), "{}", text);
    }
}
