//! Dates in the reader's language and the newsroom's time zone: "14 January 2025 17:32",
//! "14 հունվարի 2025 17:32", "5 min ago". The zone's offsets come with the site information
//! (`SiteInfo::utc_offsets`) and the arithmetic is the contract's [`clock`]; the words (month
//! names, "min ago") are the site's own, in `i18n/{en,ru,hy}.rs`. No `Intl.DateTimeFormat`:
//! its first use costs ~40 ms of main thread on a phone at start-up (locale and zone data),
//! and browsers lack some languages' calendar data (Chromium here has no Armenian months).

use gazette_api_types::clock::{self, offset_at, parse_rfc3339, wall_time};
use gazette_api_types::{Lang, ZoneOffset};

use super::{fill, t};

/// The newsroom's time zone as far as the page knows it: nothing until the site information
/// arrives (dates stay empty rather than show a time in the wrong zone), then its offsets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewsroomZone {
    /// `None` until the site information has loaded.
    offsets: Option<Vec<ZoneOffset>>,
}

impl NewsroomZone {
    /// The zone with the site information's `utc_offsets` (`None`: not loaded yet).
    pub fn new(utc_offsets: Option<&[ZoneOffset]>) -> NewsroomZone {
        NewsroomZone {
            offsets: utc_offsets.map(<[ZoneOffset]>::to_vec),
        }
    }

    /// The newsroom's offset east of UTC (minutes) at `unix_seconds`, or the reader's own when
    /// the server sent no offsets; `None` before the site information.
    fn offset_at(&self, unix_seconds: i64) -> Option<i32> {
        let offsets = self.offsets.as_ref()?;
        Some(offset_at(offsets, unix_seconds).unwrap_or_else(|| reader_offset(unix_seconds)))
    }

    /// Whether a reader's clock showed another time than the newsroom's at `rfc3339` (they
    /// are told whose time a date is in: "17:32 Baku time").
    pub fn differs_for_reader(&self, rfc3339: &str) -> bool {
        let Some(offsets) = &self.offsets else {
            return false;
        };
        parse_rfc3339(rfc3339).is_some_and(|seconds| {
            offset_at(offsets, seconds).is_some_and(|newsroom| newsroom != reader_offset(seconds))
        })
    }
}

/// The reader's offset east of UTC (minutes) at `unix_seconds`, from the browser's clock.
fn reader_offset(unix_seconds: i64) -> i32 {
    let date = js_sys::Date::new(&((unix_seconds as f64) * 1000.0).into());
    -(date.get_timezone_offset() as i32)
}

/// "14 January 2025 17:32" (or "14 января 2025 17:32"): an RFC 3339 time shown in the
/// newsroom's time zone. The raw text when it is not a time; empty while the zone is not
/// known yet.
pub fn format_date_time(rfc3339: &str, lang: Lang, zone: &NewsroomZone) -> String {
    let Some(seconds) = parse_rfc3339(rfc3339) else {
        return rfc3339.to_owned();
    };
    let Some(offset) = zone.offset_at(seconds) else {
        return String::new();
    };
    let clock::WallTime {
        year,
        month,
        day,
        hour,
        minute,
    } = wall_time(seconds, offset);
    let month = t(lang)
        .months
        .get(month as usize - 1)
        .copied()
        .unwrap_or_default();
    format!("{day} {month} {year} {hour:02}:{minute:02}")
}

/// "14:05" for a time earlier today (in the newsroom's zone), otherwise the full date and
/// time: when an open article was updated. Empty while the zone is not known yet.
pub fn format_update_time(rfc3339: &str, lang: Lang, zone: &NewsroomZone) -> String {
    let Some(then) = parse_rfc3339(rfc3339) else {
        return rfc3339.to_owned();
    };
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let (Some(then_offset), Some(now_offset)) = (zone.offset_at(then), zone.offset_at(now)) else {
        return String::new();
    };
    let (at, today) = (wall_time(then, then_offset), wall_time(now, now_offset));
    if (at.year, at.month, at.day) == (today.year, today.month, today.day) {
        format!("{:02}:{:02}", at.hour, at.minute)
    } else {
        format_date_time(rfc3339, lang, zone)
    }
}

/// "5 min ago" / "3 h ago" for times in the last twelve hours, otherwise the full date.
pub fn format_relative(rfc3339: &str, lang: Lang, zone: &NewsroomZone) -> String {
    let Some(then) = parse_rfc3339(rfc3339) else {
        return rfc3339.to_owned();
    };
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let minutes = (now - then).div_euclid(60);
    let strings = t(lang);
    if !(0..720).contains(&minutes) {
        format_date_time(rfc3339, lang, zone)
    } else if minutes < 1 {
        strings.just_now.to_owned()
    } else if minutes < 60 {
        fill(strings.minutes_ago, "count", &minutes.to_string())
    } else {
        fill(strings.hours_ago, "count", &(minutes / 60).to_string())
    }
}
