//! Publication dates: `YYYY-MM-DD` or an RFC 3339 date-time as authors write them, ordered as
//! instants and written as Atom wants them (RFC 3339 with an upper-case `T` and `Z`).

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// A moment in time, as written (its offset kept), ordered by the instant it names.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Date {
    /// Seconds since 1970-01-01T00:00:00Z, and the nanoseconds after them: the order.
    instant: (i64, u32),
    /// The date-time in RFC 3339's form.
    rfc3339: String,
}

impl Date {
    /// `text` as a date: `2024-07-01` (midnight, UTC) or an RFC 3339 date-time
    /// (`2024-07-01T09:30:00Z`, `2024-07-01T09:30:00.5+02:00`). `None` when it is neither, or
    /// names no day of the calendar.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let day = text.get(..10)?;
        let (year, month, day_of_month) = calendar_day(day)?;
        let days = days_since_epoch(year, month, day_of_month);
        let rest = &text[10..];
        if rest.is_empty() {
            return Some(Date {
                instant: (days * 86_400, 0),
                rfc3339: format!("{day}T00:00:00Z"),
            });
        }
        let time = rest.strip_prefix(['T', 't'])?;
        let clock = time.get(..8)?;
        let (hours, minutes, seconds) = clock_time(clock)?;
        let (fraction, offset_text) = match time[8..].strip_prefix('.') {
            Some(after_dot) => {
                let digits = after_dot.bytes().take_while(u8::is_ascii_digit).count();
                if digits == 0 {
                    return None;
                }
                after_dot.split_at(digits)
            }
            None => ("", &time[8..]),
        };
        let (offset_minutes, offset) = time_offset(offset_text)?;
        let seconds_of_day = i64::from(hours * 3600 + minutes * 60 + seconds);
        let nanos = fraction
            .bytes()
            .chain(std::iter::repeat(b'0'))
            .take(9)
            .fold(0u32, |n, digit| n * 10 + u32::from(digit - b'0'));
        let dot = if fraction.is_empty() { "" } else { "." };
        Some(Date {
            instant: (
                days * 86_400 + seconds_of_day - i64::from(offset_minutes) * 60,
                nanos,
            ),
            rfc3339: format!("{day}T{clock}{dot}{fraction}{offset}"),
        })
    }

    /// The date-time in RFC 3339's form (`2024-07-01T00:00:00Z`).
    pub fn rfc3339(&self) -> &str {
        &self.rfc3339
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rfc3339)
    }
}

impl PartialEq for Date {
    fn eq(&self, other: &Date) -> bool {
        self.instant == other.instant
    }
}

impl Eq for Date {}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Date) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Date) -> Ordering {
        self.instant.cmp(&other.instant)
    }
}

/// The leading `YYYY-MM-DD` of a file name (`2024-07-01-release.md`), when it is a day of the
/// calendar followed by `-`, `.` or nothing; the text of such a prefix that names no day
/// (`2024-13-01`) is `Err`.
pub fn file_name_day(name: &str) -> Option<Result<Date, &str>> {
    let prefix = name.get(..10)?;
    let shaped = prefix.bytes().enumerate().all(|(at, byte)| match at {
        4 | 7 => byte == b'-',
        _ => byte.is_ascii_digit(),
    });
    let ends = matches!(name.as_bytes().get(10), None | Some(b'-' | b'.'));
    (shaped && ends).then(|| Date::parse(prefix).ok_or(prefix))
}

/// `YYYY-MM-DD` as year, month and day, when it names a day of the calendar.
fn calendar_day(text: &str) -> Option<(i64, u32, u32)> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = number(&text[..4])?;
    let month = number(&text[5..7])?;
    let day = number(&text[8..10])?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month)
        .contains(&day)
        .then_some((i64::from(year), month, day))
}

/// `HH:MM:SS` as hours, minutes and seconds, when each is in its range.
fn clock_time(text: &str) -> Option<(u32, u32, u32)> {
    let bytes = text.as_bytes();
    if bytes.len() != 8 || bytes[2] != b':' || bytes[5] != b':' {
        return None;
    }
    let (hours, minutes, seconds) = (
        number(&text[..2])?,
        number(&text[3..5])?,
        number(&text[6..8])?,
    );
    (hours < 24 && minutes < 60 && seconds < 60).then_some((hours, minutes, seconds))
}

/// `Z` or `±HH:MM` as minutes east of UTC and as Atom writes it (`Z` upper-case).
fn time_offset(text: &str) -> Option<(i32, String)> {
    if text.eq_ignore_ascii_case("z") {
        return Some((0, "Z".into()));
    }
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let bytes = text.as_bytes();
    if bytes.len() != 6 || bytes[3] != b':' {
        return None;
    }
    let (hours, minutes) = (number(&text[1..3])?, number(&text[4..6])?);
    if hours >= 24 || minutes >= 60 {
        return None;
    }
    let minutes_east = sign * i32::try_from(hours * 60 + minutes).ok()?;
    Some((minutes_east, text.to_string()))
}

/// Digits alone as a number (no sign, no space).
fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days_since_epoch(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> Option<String> {
        Date::parse(text).map(|date| date.rfc3339().to_string())
    }

    #[test]
    fn days_and_date_times_are_written_as_rfc_3339() {
        assert_eq!(
            written("2024-07-01").as_deref(),
            Some("2024-07-01T00:00:00Z")
        );
        assert_eq!(
            written("2024-02-29t09:30:00z").as_deref(),
            Some("2024-02-29T09:30:00Z")
        );
        assert_eq!(
            written(" 2024-07-01T09:30:00.250+02:00 ").as_deref(),
            Some("2024-07-01T09:30:00.250+02:00")
        );
        for bad in [
            "",
            "2024-7-01",
            "2024-13-01",
            "2023-02-29",
            "2024-04-31",
            "2024-07-01T09:30",
            "2024-07-01T09:30:00",
            "2024-07-01T24:00:00Z",
            "2024-07-01T09:30:00.Z",
            "2024-07-01T09:30:00+2:00",
            "2024-07-01 09:30:00Z",
            "1 July 2024",
            "+024-07-01",
        ] {
            assert_eq!(written(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_order_as_instants() {
        let parse = |text: &str| Date::parse(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(parse("1970-01-01").instant, (0, 0));
        assert_eq!(parse("2000-03-01").instant.0, 951_868_800);
        assert_eq!(parse("1969-12-31").instant.0, -86_400);
        // 01:00 in Paris is midnight in London.
        assert_eq!(
            parse("2024-07-01T01:00:00+01:00"),
            parse("2024-07-01T00:00:00Z")
        );
        assert!(parse("2024-07-01T00:00:00.5Z") > parse("2024-07-01"));
        assert!(parse("2024-07-01T23:00:00-02:00") > parse("2024-07-02T00:30:00Z"));
    }

    #[test]
    fn file_names_give_their_day() {
        fn day(name: &str) -> Option<Result<String, &str>> {
            file_name_day(name).map(|day| day.map(|date| date.rfc3339().to_string()))
        }
        assert_eq!(
            day("2024-07-01-release.md"),
            Some(Ok("2024-07-01T00:00:00Z".into()))
        );
        assert_eq!(
            day("2024-07-01.md"),
            Some(Ok("2024-07-01T00:00:00Z".into()))
        );
        assert_eq!(day("2024-13-01-release.md"), Some(Err("2024-13-01")));
        assert_eq!(day("release.md"), None);
        assert_eq!(day("2024-07-012.md"), None);
        assert_eq!(day("1.2.md"), None);
    }
}
