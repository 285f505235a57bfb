//! Dates in the reader's language and the newsroom's time zone: "14 January 2025 17:32",
//! "14 հունվարի 2025 17:32", "5 min ago". The browser's `Intl.DateTimeFormat` (cached per
//! zone) only converts the time into the zone, as numbers; the words (month names, "min ago")
//! are the site's own, in `i18n/{en,ru,hy}.rs`, because browsers lack some languages' calendar
//! data (Chromium here has no Armenian month names and printed English ones on /hy/).

use gazette_api_types::Lang;

use super::{fill, t};

/// The locale whose numeric date parts every browser has.
const NUMERIC_LOCALE: &str = "en-GB";

thread_local! {
    /// One `Intl.DateTimeFormat` per time zone: making one costs about as much as rendering
    /// a card, and a page shows dozens of dates.
    static DATE_FORMATS: std::cell::RefCell<Vec<(String, js_sys::Intl::DateTimeFormat)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The formatter of a time's numeric parts in `time_zone` (the browser's zone when empty).
fn date_format(time_zone: &str) -> js_sys::Intl::DateTimeFormat {
    DATE_FORMATS.with_borrow_mut(|formats| {
        if let Some((_, format)) = formats.iter().find(|(zone, _)| zone == time_zone) {
            return format.clone();
        }
        let options = js_sys::Object::new();
        let set = |key: &str, value: &str| {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        };
        set("day", "numeric");
        set("month", "numeric");
        set("year", "numeric");
        set("hour", "2-digit");
        set("minute", "2-digit");
        set("hourCycle", "h23");
        if !time_zone.is_empty() {
            set("timeZone", time_zone);
        }
        let locales = js_sys::Array::of1(&NUMERIC_LOCALE.into());
        let format = js_sys::Intl::DateTimeFormat::new(&locales, &options);
        formats.push((time_zone.to_owned(), format.clone()));
        format
    })
}

/// "14 January 2025 17:32" (or "14 января 2025 17:32"): an RFC 3339 time shown in the
/// newsroom's time zone. Falls back to the raw text when the browser cannot parse it; empty
/// while the time zone is not known yet (the site information has not arrived), rather than a
/// time in the wrong zone.
pub fn format_date_time(rfc3339: &str, lang: Lang, time_zone: &str) -> String {
    if time_zone.is_empty() {
        return String::new();
    }
    let date = js_sys::Date::new(&rfc3339.into());
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    let parts = date_format(time_zone).format_to_parts(&date);
    let part = |wanted: &str| -> String {
        parts
            .iter()
            .find(|item| {
                js_sys::Reflect::get(item, &"type".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .as_deref()
                    == Some(wanted)
            })
            .and_then(|item| js_sys::Reflect::get(&item, &"value".into()).ok())
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    };
    let month = part("month")
        .parse::<usize>()
        .ok()
        .and_then(|month| t(lang).months.get(month.wrapping_sub(1)).copied())
        .unwrap_or_default();
    // With a numeric month, en-GB writes the day with two digits ("01"); dates here do not.
    let day = part("day");
    format!(
        "{} {} {} {}:{}",
        day.strip_prefix('0').unwrap_or(&day),
        month,
        part("year"),
        part("hour"),
        part("minute")
    )
}

/// "5 min ago" / "3 h ago" for times in the last twelve hours, otherwise the full date.
pub fn format_relative(rfc3339: &str, lang: Lang, time_zone: &str) -> String {
    let then = js_sys::Date::new(&rfc3339.into()).get_time();
    let now = js_sys::Date::now();
    let minutes = ((now - then) / 60_000.0).floor();
    let strings = t(lang);
    if then.is_nan() || !(0.0..720.0).contains(&minutes) {
        format_date_time(rfc3339, lang, time_zone)
    } else if minutes < 1.0 {
        strings.just_now.to_owned()
    } else if minutes < 60.0 {
        fill(strings.minutes_ago, "count", &minutes.to_string())
    } else {
        fill(
            strings.hours_ago,
            "count",
            &(minutes / 60.0).floor().to_string(),
        )
    }
}

/// The reader's own time zone as the browser reports it ("Europe/Berlin"), if it does.
pub fn reader_time_zone() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into())
        .ok()
        .and_then(|zone| zone.as_string())
}
