//! Wall-clock times in the newsroom's zone without a time zone database: RFC 3339 parsing,
//! the offset in force at an instant (from [`SiteInfo::utc_offsets`](crate::SiteInfo)), and
//! the calendar date and time of an instant at an offset.
//!
//! The front end uses this instead of the browser's `Intl.DateTimeFormat`, whose first use on
//! a page costs tens of milliseconds of main thread on a phone (it loads the locale and zone
//! data); this is a few integer operations per date.

use crate::ZoneOffset;

/// A calendar date and time of day, as a clock on the wall shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallTime {
    pub year: i64,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

/// The Unix time (seconds) of an RFC 3339 date-time such as `2025-01-14T13:32:00Z` or
/// `2025-01-14T17:32:00.5+04:00`; `None` if the text is not one.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = bytes.get(range)?;
        digits.iter().try_fold(0i64, |value, &digit| {
            digit
                .is_ascii_digit()
                .then(|| value * 10 + i64::from(digit - b'0'))
        })
    };
    let separator = |at: usize, allowed: &[u8]| bytes.get(at).is_some_and(|b| allowed.contains(b));
    if !(separator(4, b"-")
        && separator(7, b"-")
        && separator(10, b"Tt ")
        && separator(13, b":")
        && separator(16, b":"))
    {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut at = 19;
    if separator(at, b".") {
        at += 1;
        let start = at;
        while bytes.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        if at == start {
            return None;
        }
    }
    let offset_seconds = match bytes.get(at)? {
        b'Z' | b'z' if at + 1 == bytes.len() => 0,
        sign @ (b'+' | b'-') if at + 6 == bytes.len() && separator(at + 3, b":") => {
            let (hours, minutes) = (number(at + 1..at + 3)?, number(at + 4..at + 6)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = hours * 3600 + minutes * 60;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month as u32, day as u32);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset_seconds)
}

/// The offset (minutes east of UTC) in force at `unix_seconds`; `None` for an empty table.
pub fn offset_at(offsets: &[ZoneOffset], unix_seconds: i64) -> Option<i32> {
    let later = offsets.partition_point(|period| period.since <= unix_seconds);
    offsets
        .get(later.saturating_sub(1))
        .map(|period| period.offset_minutes)
}

/// The wall-clock time of `unix_seconds` at `offset_minutes` east of UTC.
pub fn wall_time(unix_seconds: i64, offset_minutes: i32) -> WallTime {
    let local = unix_seconds + i64::from(offset_minutes) * 60;
    let (days, second_of_day) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    WallTime {
        year,
        month,
        day,
        hour: (second_of_day / 3600) as u32,
        minute: (second_of_day % 3600 / 60) as u32,
    }
}

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = (i64::from(month) + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_utc_and_offset_times_to_the_same_instant() {
        let utc = parse_rfc3339("2025-01-14T13:32:00Z").unwrap();
        assert_eq!(utc, 1_736_861_520);
        assert_eq!(parse_rfc3339("2025-01-14T17:32:00+04:00"), Some(utc));
        assert_eq!(parse_rfc3339("2025-01-14T08:32:00.250-05:00"), Some(utc));
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_rfc3339("1969-12-31T23:59:59Z"), Some(-1));
        assert_eq!(parse_rfc3339("2024-02-29T00:00:00Z"), Some(1_709_164_800));
    }

    #[test]
    fn refuses_what_is_not_a_date_time() {
        for text in [
            "",
            "yesterday",
            "2025-01-14",
            "2025-01-14T13:32:00",
            "2025-13-14T13:32:00Z",
            "2025-02-29T13:32:00Z",
            "2025-01-14T24:00:00Z",
            "2025-01-14T13:32:00+4:00",
            "2025-01-14T13:32:00Zjunk",
            "2025-01-14T13:32:00.Z",
            "2025-01-14T13:32:00+05:60",
            "２０25-01-14T13:32:00Z",
        ] {
            assert_eq!(parse_rfc3339(text), None, "{text}");
        }
    }

    #[test]
    fn the_offset_in_force_is_the_last_period_begun() {
        let offsets = [
            ZoneOffset {
                since: 100,
                offset_minutes: 240,
            },
            ZoneOffset {
                since: 200,
                offset_minutes: 300,
            },
            ZoneOffset {
                since: 300,
                offset_minutes: 240,
            },
        ];
        assert_eq!(offset_at(&offsets, 0), Some(240), "before the first period");
        assert_eq!(offset_at(&offsets, 199), Some(240));
        assert_eq!(offset_at(&offsets, 200), Some(300));
        assert_eq!(offset_at(&offsets, 10_000), Some(240));
        assert_eq!(offset_at(&[], 10_000), None);
    }

    #[test]
    fn wall_time_at_an_offset() {
        let instant = parse_rfc3339("2025-01-14T13:32:00Z").unwrap();
        let baku = WallTime {
            year: 2025,
            month: 1,
            day: 14,
            hour: 17,
            minute: 32,
        };
        assert_eq!(wall_time(instant, 240), baku);
        // Across midnight and the year's end, both ways.
        let new_year = parse_rfc3339("2024-12-31T22:30:00Z").unwrap();
        assert_eq!(
            wall_time(new_year, 240),
            WallTime {
                year: 2025,
                month: 1,
                day: 1,
                hour: 2,
                minute: 30
            }
        );
        assert_eq!(
            wall_time(0, -300),
            WallTime {
                year: 1969,
                month: 12,
                day: 31,
                hour: 19,
                minute: 0
            }
        );
        let leap = parse_rfc3339("2024-02-28T23:00:00Z").unwrap();
        assert_eq!(wall_time(leap, 60).day, 29);
    }

    #[test]
    fn every_day_of_four_centuries_round_trips() {
        for days in -146_097..146_097 {
            let (year, month, day) = civil_from_days(days);
            assert!(day as i64 <= days_in_month(year, i64::from(month)));
            assert_eq!(days_from_civil(year, month, day), days);
        }
    }
}
