//! Conversions between the database's unix seconds and the contract's RFC 3339 strings.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Unix seconds as RFC 3339 in UTC, e.g. `2025-01-14T13:32:00Z`.
pub fn rfc3339(unix_seconds: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix_seconds)
        .ok()
        .and_then(|time| time.format(&Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned())
}

/// Parses RFC 3339 with any offset into unix seconds; `None` when it is not RFC 3339.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(OffsetDateTime::unix_timestamp)
}

/// The current time in unix seconds.
pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// RFC 2822 for RSS, e.g. `Tue, 14 Jan 2025 13:32:00 +0000`.
pub fn rfc2822(unix_seconds: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix_seconds)
        .ok()
        .and_then(|time| {
            time.format(&time::format_description::well_known::Rfc2822)
                .ok()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baku_time_is_stored_as_utc() {
        let unix = parse_rfc3339("2025-01-14T17:32:00+04:00").unwrap();
        assert_eq!(rfc3339(unix), "2025-01-14T13:32:00Z");
        assert_eq!(parse_rfc3339("14 January 2025"), None);
    }
}
