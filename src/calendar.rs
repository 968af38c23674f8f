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
}
