//! The go-to prompt: a date in any of the forms a reader types (`2016-10-03`,
//! `2016-10`, `2016`, `20161003`, `2016年10月3日`, `10-03`, `yesterday`,
//! `昨天`…) or a paper's name or the start of it. Pure: "today" is given.
//!
//! A date resolves to the issue on that day or, failing that, the nearest
//! before it; a month or a year to its newest issue. Every resolution says
//! what it chose, so the status bar can tell the reader.

use crate::i18n::t;
use crate::model::Date;
use crate::model::days::{add_days, month_len};

/// What the reader asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goto {
    Day(Date),
    Month {
        year: u16,
        month: u8,
    },
    Year(u16),
    /// Not a date: a paper's name or the start of it, as typed (trimmed).
    Paper(String),
}

/// Why the input is not something to go to. The messages are for the
/// status bar, whole sentences without the input's context.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GotoError {
    #[error("type a date (2016-10-03, 2016-10, 2016, 10-03, yesterday) or a paper's name")]
    Empty,
    #[error("{year:04}-{month:02}-{day:02} is not a date: {reason}")]
    NoSuchDay {
        year: u16,
        month: u8,
        day: u32,
        reason: String,
    },
    #[error("{text}: there is no month {month}; months run from 1 to 12")]
    NoSuchMonth { text: String, month: u32 },
    #[error("{0} is out of range")]
    OutOfRange(String),
}

/// Parse what was typed at the prompt. `today` anchors `yesterday` and a
/// date written without its year.
pub fn parse(input: &str, today: Date) -> Result<Goto, GotoError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(GotoError::Empty);
    }
    if let Some(back) = relative_day(text) {
        let day = add_days(today, -back).ok_or_else(|| GotoError::OutOfRange(text.into()))?;
        return Ok(Goto::Day(day));
    }
    match numbers(text) {
        Some(parts) => from_parts(text, &parts, today),
        None => Ok(Goto::Paper(text.to_owned())),
    }
}

/// How many days back a relative word means.
fn relative_day(text: &str) -> Option<i64> {
    match text.to_lowercase().as_str() {
        "today" | "今天" | "今日" => Some(0),
        "yesterday" | "昨天" | "昨日" => Some(1),
        "前天" => Some(2),
        _ => None,
    }
}

/// The shapes a date can take, as runs of digits.
#[derive(Debug, PartialEq, Eq)]
enum Parts<'a> {
    /// `2016-10-03`, `2016/10/3`, `2016.10.03`, `2016年10月3日`.
    Ymd(&'a str, &'a str, &'a str),
    /// `2016-10`, `2016年10月`; or, with two short fields, `10-03`.
    Two(&'a str, &'a str),
    /// `2016`, `2016年`, `20161003`.
    One(&'a str),
}

/// Digit runs separated by `-`, `/`, `.` or written with 年月日; `None`
/// when the text is anything else (a paper's name).
fn numbers(text: &str) -> Option<Parts<'_>> {
    let mut runs = Vec::new();
    let mut rest = text;
    // Fullwidth digits typed with an input method are still digits, but
    // they are not ASCII: only ASCII digits are accepted, and a
    // fullwidth date falls through to a paper name, which finds nothing.
    let mut expect_unit = ["年", "月", "日"].iter().peekable();
    let mut cjk = None;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        runs.push(&rest[..digits]);
        rest = &rest[digits..];
        let Some(sep) = rest.chars().next() else {
            break;
        };
        let is_cjk = matches!(sep, '年' | '月' | '日');
        if *cjk.get_or_insert(is_cjk) != is_cjk {
            return None;
        }
        if is_cjk {
            // Units in order, and only the ones that fit the run count:
            // `10月3日` (no year) is month then day.
            let unit = sep.to_string();
            while expect_unit.peek().is_some_and(|u| **u != unit) {
                expect_unit.next();
            }
            expect_unit.next()?;
        } else if !matches!(sep, '-' | '/' | '.') {
            return None;
        }
        rest = &rest[sep.len_utf8()..];
        if rest.is_empty() && !is_cjk {
            return None;
        }
    }
    match runs.as_slice() {
        [y, m, d] => Some(Parts::Ymd(y, m, d)),
        [a, b] => Some(Parts::Two(a, b)),
        [one] => Some(Parts::One(one)),
        _ => None,
    }
}

fn from_parts(text: &str, parts: &Parts<'_>, today: Date) -> Result<Goto, GotoError> {
    let number = |s: &str| {
        s.parse::<u32>()
            .map_err(|_| GotoError::OutOfRange(text.into()))
    };
    match *parts {
        Parts::Ymd(y, m, d) => day(year(text, y)?, number(m)?, number(d)?, text),
        Parts::Two(a, b) if a.len() == 4 => Ok(Goto::Month {
            year: year(text, a)?,
            month: month(text, number(b)?)?,
        }),
        Parts::Two(a, b) if a.len() <= 2 && b.len() <= 2 => {
            day(today.year, number(a)?, number(b)?, text)
        }
        Parts::One(one) if one.len() == 8 => day(
            year(text, &one[..4])?,
            number(&one[4..6])?,
            number(&one[6..])?,
            text,
        ),
        Parts::One(one) if one.len() == 4 => Ok(Goto::Year(year(text, one)?)),
        _ => Err(GotoError::OutOfRange(text.into())),
    }
}

fn year(text: &str, digits: &str) -> Result<u16, GotoError> {
    match (digits.len(), digits.parse::<u16>()) {
        (4, Ok(year)) if year > 0 => Ok(year),
        _ => Err(GotoError::OutOfRange(text.into())),
    }
}

fn month(text: &str, month: u32) -> Result<u8, GotoError> {
    match u8::try_from(month) {
        Ok(month @ 1..=12) => Ok(month),
        _ => Err(GotoError::NoSuchMonth {
            text: text.into(),
            month,
        }),
    }
}

fn day(year: u16, month_number: u32, day: u32, text: &str) -> Result<Goto, GotoError> {
    let month = month(text, month_number)?;
    let last = month_len(year, month);
    let no_such = |reason: String| GotoError::NoSuchDay {
        year,
        month,
        day,
        reason,
    };
    if day == 0 {
        return Err(no_such("days start at 1".into()));
    }
    match u8::try_from(day)
        .ok()
        .and_then(|d| Date::new(year, month, d))
    {
        Some(date) => Ok(Goto::Day(date)),
        None => Err(no_such(format!(
            "{} {year} has {last} days",
            MONTH_NAMES[usize::from(month - 1)]
        ))),
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Where a date took the reader, and what to say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Landing {
    /// Index into the dates given to [`resolve`].
    pub index: usize,
    /// For the status bar: which issue this is, when it is not the day asked.
    pub message: Option<String>,
}

/// The issue a date goto lands on among one paper's issue dates, newest
/// first (undated issues, `None`, last, as the library sorts them): the
/// issue on that day (the newest of a month or year), else the nearest
/// before it, else the oldest. `None` when the paper has no dated issue or
/// `goto` is not a date.
pub fn resolve(goto: &Goto, dates: &[Option<Date>]) -> Option<Landing> {
    let (first, last, asked) = match *goto {
        Goto::Day(date) => (date, date, date.to_string()),
        Goto::Month { year, month } => (
            Date::new(year, month, 1)?,
            Date::new(year, month, month_len(year, month))?,
            format!("{year:04}-{month:02}"),
        ),
        Goto::Year(year) => (
            Date::new(year, 1, 1)?,
            Date::new(year, 12, 31)?,
            format!("{year:04}"),
        ),
        Goto::Paper(_) => return None,
    };
    let dated = dates.partition_point(Option::is_some);
    if dated == 0 {
        return None;
    }
    // Newest first: the first issue not after `last`.
    let index = dates[..dated].partition_point(|d| d.is_some_and(|d| d > last));
    if index == dated {
        let oldest = dated - 1;
        let shown = dates[oldest]?;
        return Some(Landing {
            index: oldest,
            message: Some(match first == last {
                true => t!("goto.none_before_day", asked = asked, shown = shown),
                false => t!("goto.none_before_span", asked = asked, shown = shown),
            }),
        });
    }
    let shown = dates[index]?;
    let message = if shown < first {
        Some(match first == last {
            true => t!("goto.none_on_day", asked = asked, shown = shown),
            false => t!("goto.none_in_span", asked = asked, shown = shown),
        })
    } else if first != last {
        Some(t!("goto.newest_in", asked = asked, shown = shown))
    } else {
        None
    };
    Some(Landing { index, message })
}

/// The paper a name goto means: the one named exactly (ignoring case),
/// else the first whose name starts with it, else the first that contains
/// it; with a message when the prefix fits more than one.
pub fn find_paper(typed: &str, papers: &[&str]) -> Result<(usize, Option<String>), String> {
    let typed = typed.trim().to_lowercase();
    let names: Vec<String> = papers.iter().map(|p| p.to_lowercase()).collect();
    if let Some(index) = names.iter().position(|n| *n == typed) {
        return Ok((index, None));
    }
    for test in [
        (|n: &str, t: &str| n.starts_with(t)) as fn(&str, &str) -> bool,
        |n, t| n.contains(t),
    ] {
        let fits: Vec<usize> = (0..names.len())
            .filter(|&i| test(&names[i], &typed))
            .collect();
        if let Some(&index) = fits.first() {
            let message = (fits.len() > 1).then(|| {
                format!(
                    "{} papers match “{}”; showing {}",
                    fits.len(),
                    typed,
                    papers[index]
                )
            });
            return Ok((index, message));
        }
    }
    Err(format!("no paper or date matches “{typed}”"))
}

#[cfg(test)]
#[path = "goto_tests.rs"]
mod tests;
