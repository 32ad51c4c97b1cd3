//! Calendar arithmetic on `model::Date`: day numbers, weekdays, month
//! lengths. Proleptic Gregorian, as printed dates are.

use super::Date;

/// Days in `month` of `year`, 0 for a month that does not exist.
pub fn month_len(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days since 1970-01-01 (negative before), after Howard Hinnant's
/// `days_from_civil`: exact for every year a `u16` holds.
pub fn day_number(date: Date) -> i64 {
    let (month, day) = (i64::from(date.month), i64::from(date.day));
    let year = i64::from(date.year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day number; `None` outside the years a `Date` holds.
pub fn from_day_number(days: i64) -> Option<Date> {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted + 2) / 5 + 1;
    let month = if shifted < 10 {
        shifted + 3
    } else {
        shifted - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

/// `date` moved by `days` (either way); `None` off the calendar.
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    from_day_number(day_number(date) + days)
}

/// 0 = Sunday … 6 = Saturday.
pub fn weekday(date: Date) -> u8 {
    // 1970-01-01 was a Thursday.
    (day_number(date) + 4).rem_euclid(7) as u8
}

/// The weekday as a Chinese date line prints it: `星期日`.
pub fn weekday_zh(date: Date) -> &'static str {
    const NAMES: [&str; 7] = [
        "星期日",
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
    ];
    NAMES[usize::from(weekday(date))]
}

/// The same day `months` months on (either way), clamped to the month's
/// last day: 31 January plus one month is 28 or 29 February.
pub fn add_months(date: Date, months: i32) -> Option<Date> {
    let index = i32::from(date.year) * 12 + i32::from(date.month) - 1 + months;
    let year = u16::try_from(index.div_euclid(12)).ok()?;
    let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
    Date::new(year, month, date.day.min(month_len(year, month)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: u16, month: u8, day: u8) -> Date {
        Date::new(year, month, day).unwrap()
    }

    #[test]
    fn day_numbers_round_trip_over_centuries() {
        let mut date = d(1899, 12, 25);
        let mut number = day_number(date);
        while date < d(2101, 1, 10) {
            let next = add_days(date, 1).unwrap();
            assert_eq!(day_number(next), number + 1, "{next}");
            assert_eq!(from_day_number(number + 1), Some(next));
            (date, number) = (next, number + 1);
        }
        assert_eq!(day_number(d(1970, 1, 1)), 0);
    }

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(weekday_zh(d(2022, 2, 13)), "星期日");
        assert_eq!(weekday_zh(d(2016, 10, 3)), "星期一");
        assert_eq!(weekday_zh(d(2000, 2, 29)), "星期二");
    }

    #[test]
    fn months_clamp_to_their_last_day() {
        assert_eq!(add_months(d(2016, 1, 31), 1), Some(d(2016, 2, 29)));
        assert_eq!(add_months(d(2016, 3, 31), -1), Some(d(2016, 2, 29)));
        assert_eq!(add_months(d(2016, 12, 5), 1), Some(d(2017, 1, 5)));
        assert_eq!(add_months(d(2016, 1, 5), -13), Some(d(2014, 12, 5)));
        assert_eq!(month_len(2015, 2), 28);
        assert_eq!(month_len(1900, 2), 28);
        assert_eq!(month_len(2000, 2), 29);
        assert_eq!(month_len(2000, 13), 0);
    }
}
