//! A month calendar of one paper's issues, as e-paper sites' 往期 pages
//! show it: the days with an issue marked, unread issues marked apart, a
//! cursor that moves by day, week or month. Pure; [`draw`] puts it into a
//! ratatui buffer.

mod draw;

pub use draw::{CalendarStyles, HEIGHT, WIDTH, draw, overlay_area};

use crate::model::Date;
use crate::model::days::{add_days, add_months, month_len, weekday};

/// An issue on a day: the library entry, and whether it is unread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayMark {
    pub entry: usize,
    pub unread: bool,
}

/// A cursor move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Days(i64),
    Weeks(i64),
    Months(i32),
}

/// One paper's calendar with the cursor on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The paper's issue days, oldest first, one mark per day (the first
    /// given for a day wins: the library lists the newest file first).
    days: Vec<(Date, DayMark)>,
    cursor: Date,
}

/// One cell of the month grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub date: Date,
    pub mark: Option<DayMark>,
    pub cursor: bool,
}

/// The weeks of the cursor's month, Sunday first; days of the months
/// either side are `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthGrid {
    pub year: u16,
    pub month: u8,
    pub weeks: Vec<[Option<Day>; 7]>,
}

impl Calendar {
    /// The calendar of a paper's issues (`(date, entry, unread)`, any
    /// order), the cursor on `cursor`.
    pub fn new(issues: impl IntoIterator<Item = (Date, usize, bool)>, cursor: Date) -> Calendar {
        let mut days: Vec<(Date, DayMark)> = issues
            .into_iter()
            .map(|(date, entry, unread)| (date, DayMark { entry, unread }))
            .collect();
        // Stable: of two issues on one day, the first given stays.
        days.sort_by_key(|&(date, _)| date);
        days.dedup_by_key(|&mut (date, _)| date);
        Calendar { days, cursor }
    }

    pub fn cursor(&self) -> Date {
        self.cursor
    }

    /// The issue on the cursor's day, if there is one.
    pub fn selected(&self) -> Option<DayMark> {
        self.mark(self.cursor)
    }

    pub fn mark(&self, date: Date) -> Option<DayMark> {
        self.days
            .binary_search_by_key(&date, |&(d, _)| d)
            .ok()
            .map(|at| self.days[at].1)
    }

    /// Move the cursor; a move off the calendar's range leaves it.
    pub fn move_by(&mut self, step: Move) {
        let moved = match step {
            Move::Days(n) => add_days(self.cursor, n),
            Move::Weeks(n) => add_days(self.cursor, n.saturating_mul(7)),
            Move::Months(n) => add_months(self.cursor, n),
        };
        if let Some(date) = moved {
            self.cursor = date;
        }
    }

    /// Issues in the cursor's month: (total, unread).
    pub fn month_counts(&self) -> (usize, usize) {
        let (year, month) = (self.cursor.year, self.cursor.month);
        let in_month = self
            .days
            .iter()
            .filter(|(d, _)| d.year == year && d.month == month);
        in_month.fold((0, 0), |(all, unread), (_, mark)| {
            (all + 1, unread + usize::from(mark.unread))
        })
    }

    /// The cursor's month as weeks of days.
    pub fn grid(&self) -> MonthGrid {
        let (year, month) = (self.cursor.year, self.cursor.month);
        let mut weeks = Vec::with_capacity(6);
        let mut week = [None; 7];
        for day in 1..=month_len(year, month) {
            let Some(date) = Date::new(year, month, day) else {
                continue;
            };
            let column = usize::from(weekday(date));
            week[column] = Some(Day {
                date,
                mark: self.mark(date),
                cursor: date == self.cursor,
            });
            if column == 6 {
                weeks.push(std::mem::take(&mut week));
            }
        }
        if week.iter().any(Option::is_some) {
            weeks.push(week);
        }
        MonthGrid { year, month, weeks }
    }
}

#[cfg(test)]
mod tests;
