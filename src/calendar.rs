//! Working days on the official Russian production calendar (производственный календарь):
//! weekends, public holidays and the transfers of days off that the government decrees each
//! year, so that «не позднее 20 рабочих дней» gives the date an officer's counterpart counts.
//!
//! The calendar is passed in as a [`WorkCalendar`], never looked up from a global, so that the
//! engine and its tests are deterministic; [`ProductionCalendar`] is the official one. The
//! official data (from the `holidays-ru` crate) covers 1993–2027; beyond it the calendar is
//! computed by the usual rules and every answer says so ([`Counted::forecast`]).

use jiff::ToSpan;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The officer's time zone, which decides what day "today" is.
///
/// `TimeZone::system` finds the zone's name, then indexes the name of every zone by walking
/// the whole zoneinfo folder (some fifty folders, 0.6 ms on every start). In the usual case,
/// no `TZ` and `/etc/localtime` a link into that folder, the link gives the name and the file
/// is the zone, so it is read here; anything else is left to jiff.
pub fn local_time_zone() -> TimeZone {
    if std::env::var_os("TZ").is_none()
        && let Some(zone) = zone_of_link(std::path::Path::new("/etc/localtime"))
    {
        return zone;
    }
    TimeZone::system()
}

/// The zone a link into a zoneinfo folder points to, named as jiff would name it (what follows
/// `zoneinfo/` in the link).
fn zone_of_link(path: &std::path::Path) -> Option<TimeZone> {
    let target = std::fs::read_link(path).ok()?;
    let (_, name) = target.to_str()?.rsplit_once("zoneinfo/")?;
    let data = std::fs::read(path).ok()?;
    TimeZone::tzif(name, &data).ok()
}

/// What a calendar knows about one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub working: bool,
    /// The answer is a forecast, not official data (a year the decree is not yet out for).
    pub forecast: bool,
}

/// A calendar of working days.
pub trait WorkCalendar {
    fn day(&self, date: Date) -> Day;
}

/// The official federal production calendar of the Russian Federation.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProductionCalendar;

impl WorkCalendar for ProductionCalendar {
    fn day(&self, date: Date) -> Day {
        let month = u8::try_from(date.month()).unwrap_or(1);
        let day = u8::try_from(date.day()).unwrap_or(1);
        match holidays_ru::is_working_day_ymd::<holidays_ru::Federal>(
            i32::from(date.year()),
            month,
            day,
        ) {
            Some(resolved) => Day {
                working: resolved.value(),
                forecast: resolved.is_predict(),
            },
            // Not a date the crate can place: fall back to the weekday rule, as a forecast.
            None => Day {
                working: !matches!(
                    date.weekday(),
                    jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
                ),
                forecast: true,
            },
        }
    }
}

/// A date worked out on a calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub date: Date,
    /// Some day on the way was a forecast: the date may move when the official calendar for
    /// that year is published.
    pub forecast: bool,
}

/// The `days`-th working day after `from` («в течение N рабочих дней с …»): `from` itself is not
/// counted, whatever it is. Zero days gives `from`.
pub fn add_working_days(calendar: &impl WorkCalendar, from: Date, days: u32) -> Counted {
    let mut date = from;
    let mut forecast = false;
    let mut left = days;
    while left > 0 {
        let Ok(next) = date.checked_add(1.day()) else {
            // The end of representable time; nothing an officer will meet.
            return Counted {
                date,
                forecast: true,
            };
        };
        date = next;
        let day = calendar.day(date);
        forecast |= day.forecast;
        if day.working {
            left -= 1;
        }
    }
    Counted { date, forecast }
}

/// The date `days` calendar days after `from`.
pub fn add_calendar_days(from: Date, days: u32) -> Counted {
    match from.checked_add(i64::from(days).days()) {
        Ok(date) => Counted {
            date,
            forecast: false,
        },
        Err(_) => Counted {
            date: from,
            forecast: true,
        },
    }
}

/// How many working days lie after `from` up to and including `to` (negative when `to` is
/// before `from`): how late or early something is, in working days.
pub fn working_days_between(calendar: &impl WorkCalendar, from: Date, to: Date) -> i64 {
    let (start, end, sign) = if to >= from {
        (from, to, 1)
    } else {
        (to, from, -1)
    };
    let mut count = 0i64;
    let mut date = start;
    while date < end {
        match date.checked_add(1.day()) {
            Ok(next) => date = next,
            Err(_) => break,
        }
        if calendar.day(date).working {
            count += 1;
        }
    }
    sign * count
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn working(d: Date) -> bool {
        ProductionCalendar.day(d).working
    }

    #[test]
    fn official_days_off_and_transfers() {
        // A working Saturday (transfer from 2025-11-03).
        assert!(working(date(2025, 11, 1)));
        for off in [
            date(2025, 5, 2),
            date(2025, 5, 8),
            date(2025, 6, 13),
            date(2025, 11, 3),
            date(2025, 12, 31),
            date(2026, 1, 9),
            date(2026, 12, 31),
        ] {
            assert!(!working(off), "{off} should be a day off");
        }
        assert!(working(date(2025, 11, 5)));
        assert!(!ProductionCalendar.day(date(2025, 11, 1)).forecast);
    }

    #[test]
    fn years_beyond_the_official_data_are_forecasts() {
        let day = ProductionCalendar.day(date(2031, 3, 4));
        assert!(day.forecast);
        assert!(day.working);
    }

    #[test]
    fn working_days_skip_holidays() {
        // Friday 2025-12-26 + 5 working days: 29, 30 Dec, then the New Year holidays to 11 Jan.
        let due = add_working_days(&ProductionCalendar, date(2025, 12, 26), 5);
        assert_eq!(due.date, date(2026, 1, 14));
        assert!(!due.forecast);
        // From a Saturday, the count starts on Monday.
        assert_eq!(
            add_working_days(&ProductionCalendar, date(2025, 3, 1), 1).date,
            date(2025, 3, 3)
        );
        assert_eq!(
            add_working_days(&ProductionCalendar, date(2025, 3, 3), 0).date,
            date(2025, 3, 3)
        );
        assert_eq!(
            working_days_between(&ProductionCalendar, date(2025, 12, 26), date(2026, 1, 14)),
            5
        );
        assert_eq!(
            working_days_between(&ProductionCalendar, date(2026, 1, 14), date(2025, 12, 26)),
            -5
        );
    }

    #[test]
    fn a_count_into_a_forecast_year_is_flagged() {
        let due = add_working_days(&ProductionCalendar, date(2027, 12, 20), 20);
        assert!(due.forecast);
    }

    #[test]
    fn calendar_days_are_plain_arithmetic() {
        assert_eq!(
            add_calendar_days(date(2025, 12, 26), 10).date,
            date(2026, 1, 5)
        );
    }

    /// `/etc/localtime` as a link into a zoneinfo folder: the zone is the file, named by the
    /// link. The file is the tzdata one for UTC+3, so that the test needs no tzdata installed.
    #[test]
    fn a_link_into_zoneinfo_gives_the_named_zone() {
        const GMT_MINUS_3: &[u8] = &[
            0x54, 0x5a, 0x69, 0x66, 0x32, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
            0x00, 0x04, 0x00, 0x00, 0x2a, 0x30, 0x00, 0x00, 0x2b, 0x30, 0x33, 0x00, 0x54, 0x5a,
            0x69, 0x66, 0x32, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x04,
            0x00, 0x00, 0x2a, 0x30, 0x00, 0x00, 0x2b, 0x30, 0x33, 0x00, 0x0a, 0x3c, 0x2b, 0x30,
            0x33, 0x3e, 0x2d, 0x33, 0x0a,
        ];
        let dir = tempfile::tempdir().expect("a temporary folder");
        let zone_dir = dir.path().join("zoneinfo/Etc");
        std::fs::create_dir_all(&zone_dir).expect("a zoneinfo folder");
        std::fs::write(zone_dir.join("GMT-3"), GMT_MINUS_3).expect("the zone file");
        let link = dir.path().join("localtime");
        std::os::unix::fs::symlink(zone_dir.join("GMT-3"), &link).expect("a link");
        let zone = zone_of_link(&link).expect("the zone");
        assert_eq!(zone.iana_name(), Some("Etc/GMT-3"));
        let noon = jiff::Timestamp::from_second(1_800_000_000).expect("a time");
        assert_eq!(zone.to_offset(noon), jiff::tz::offset(3));
        // Not a link, or a link elsewhere: left to jiff.
        assert!(zone_of_link(&zone_dir.join("GMT-3")).is_none());
        let elsewhere = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&link, &elsewhere).expect("a link");
        assert!(zone_of_link(&elsewhere).is_none());
    }
}
