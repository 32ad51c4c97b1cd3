//! The date line under a masthead (`2022年2月13日 星期日 农历壬寅年正月十三
//! 今日四版`, `Tuesday, March 12, 2024 · Eight pages`) and the fallbacks a
//! file name offers. Each part is matched by a small scanner that needs its
//! own terminator (`日`, `版`, a four-digit year), so a line cut short never
//! yields a different date.

use crate::model::Date;
use crate::parse::words::{chinese_number, english_number, lit, month_name};

/// What a date line says. `rest` is any text on the line that is none of the
/// known parts (kept so that nothing printed is lost).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DateLine {
    pub date: Option<Date>,
    pub weekday: Option<String>,
    pub lunar: Option<String>,
    pub pages: Option<u32>,
    pub rest: String,
}

/// Characters that only separate the parts of a date line.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || "·•|,，、/／-–—()（）".contains(c)
}

/// Read the date line parts from `line`, or `None` when it is not a date
/// line (no date, lunar date or page count, or mostly other text).
pub fn parse_date_line(line: &str) -> Option<DateLine> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 120 {
        return None;
    }
    let mut found = DateLine::default();
    let mut matched = 0usize;
    let mut rest = String::new();
    let mut at = 0;
    while at < line.len() {
        if let Some(end) = match_part(line, at, &mut found) {
            matched += line[at..end].chars().count();
            rest.push(' ');
            at = end;
        } else {
            let c = line[at..].chars().next()?;
            rest.push(c);
            at += c.len_utf8();
        }
    }
    if found.date.is_none() && found.lunar.is_none() && found.pages.is_none() {
        return None;
    }
    let leftover = rest.chars().filter(|&c| !is_separator(c)).count();
    if leftover > matched {
        return None;
    }
    found.rest = rest
        .split(is_separator)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Some(found)
}

/// Try each part not yet found at byte `at`; the end of the match.
fn match_part(line: &str, at: usize, found: &mut DateLine) -> Option<usize> {
    if found.date.is_none()
        && let Some((date, end)) = gregorian(line, at)
    {
        found.date = Some(date);
        return Some(end);
    }
    if found.weekday.is_none()
        && let Some((day, end)) = weekday(line, at)
    {
        found.weekday = Some(day);
        return Some(end);
    }
    if found.pages.is_none()
        && let Some((pages, end)) = page_count(line, at)
    {
        found.pages = Some(pages);
        return Some(end);
    }
    if found.lunar.is_none()
        && let Some(end) = lunar(line, at)
    {
        found.lunar = Some(line[at..end].to_owned());
        return Some(end);
    }
    None
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// `min..=max` digits at `at`, not followed by another digit.
fn digits(s: &str, at: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut count = 0;
    let mut end = at;
    for c in s.get(at..)?.chars() {
        let Some(d) = digit_value(c) else { break };
        count += 1;
        if count > max {
            return None;
        }
        value = value * 10 + d;
        end += c.len_utf8();
    }
    (count >= min).then_some((value, end))
}

/// Exactly `n` digits at `at`, whatever follows (file names run them together).
fn fixed_digits(s: &str, at: usize, n: usize) -> Option<(u32, usize)> {
    let field = s.get(at..at + n)?;
    let value = field
        .parse()
        .ok()
        .filter(|_| field.bytes().all(|b| b.is_ascii_digit()))?;
    Some((value, at + n))
}

fn skip_spaces(s: &str, at: usize) -> usize {
    let rest = &s[at..];
    at + (rest.len() - rest.trim_start_matches([' ', '\u{3000}']).len())
}

fn prev_char(s: &str, at: usize) -> Option<char> {
    s[..at].chars().next_back()
}

fn after_unit(s: &str, at: usize, unit: &str) -> Option<(u32, usize)> {
    let (n, end) = digits(s, skip_spaces(s, at), 1, 2)?;
    Some((n, lit(s, skip_spaces(s, end), unit)?))
}

/// A Gregorian date at `at`: `2022年2月13日`, `令和6年3月8日`, `2022-02-13`,
/// `March 12, 2024`, `12 March 2024`.
pub fn gregorian(s: &str, at: usize) -> Option<(Date, usize)> {
    if prev_char(s, at).is_some_and(|c| c.is_alphanumeric() && !crate::parse::markdown::is_cjk(c)) {
        return None;
    }
    cjk_date(s, at)
        .or_else(|| iso_date(s, at))
        .or_else(|| english_date(s, at))
}

/// The date the scanned numbers name, if it exists.
fn date_of(year: u32, month: u32, day: u32) -> Option<Date> {
    Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

fn cjk_date(s: &str, at: usize) -> Option<(Date, usize)> {
    let (year, end) = if let Some((y, end)) = digits(s, at, 4, 4) {
        (y, end)
    } else {
        let (base, end) = [("令和", 2018), ("平成", 1988)]
            .iter()
            .find_map(|(era, base)| Some((*base, lit(s, at, era)?)))?;
        let (n, end) = match lit(s, end, "元") {
            Some(end) => (1, end),
            None => digits(s, end, 1, 2)?,
        };
        (base + n, end)
    };
    let end = lit(s, skip_spaces(s, end), "年")?;
    let (month, end) = after_unit(s, end, "月")?;
    let (day, end) = after_unit(s, end, "日")?;
    let date = date_of(year, month, day)?;
    Some((date, end))
}

fn iso_date(s: &str, at: usize) -> Option<(Date, usize)> {
    let (year, end) = digits(s, at, 4, 4)?;
    let sep = s[end..]
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '/' | '.'))?;
    let (month, end) = digits(s, end + 1, 1, 2)?;
    let end = lit(s, end, sep.encode_utf8(&mut [0; 4]))?;
    let (day, end) = digits(s, end, 1, 2)?;
    let date = date_of(year, month, day)?;
    Some((date, end))
}

fn english_day(s: &str, at: usize) -> Option<(u32, usize)> {
    let (day, end) = digits(s, at, 1, 2)?;
    let end = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| lit(s, end, suffix))
        .unwrap_or(end);
    Some((day, end))
}

fn english_date(s: &str, at: usize) -> Option<(Date, usize)> {
    let (month, day, end) = if let Some((month, end)) = month_name(s, at) {
        let (day, end) = english_day(s, skip_spaces(s, end))?;
        (month, day, lit(s, end, ",").unwrap_or(end))
    } else {
        let (day, end) = english_day(s, at)?;
        let (month, end) = month_name(s, skip_spaces(s, end))?;
        (month, day, lit(s, end, ",").unwrap_or(end))
    };
    let (year, end) = digits(s, skip_spaces(s, end), 4, 4)?;
    let date = date_of(year, u32::from(month), day)?;
    Some((date, end))
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// `星期日`, `周日`, `金曜日`, `(金)`, `Tuesday`: the weekday as printed.
fn weekday(s: &str, at: usize) -> Option<(String, usize)> {
    let rest = &s[at..];
    for prefix in ["星期", "礼拜", "禮拜", "周", "週"] {
        if let Some(tail) = rest.strip_prefix(prefix)
            && let Some(c) = tail
                .chars()
                .next()
                .filter(|c| "一二三四五六日天".contains(*c))
        {
            let end = at + prefix.len() + c.len_utf8();
            return Some((s[at..end].to_owned(), end));
        }
    }
    let mut chars = rest.chars();
    let first = chars.next()?;
    if "月火水木金土日".contains(first) && chars.as_str().starts_with("曜日") {
        let end = at + first.len_utf8() + "曜日".len();
        return Some((s[at..end].to_owned(), end));
    }
    if matches!(first, '(' | '（')
        && let Some(day) = chars.next().filter(|c| "月火水木金土日".contains(*c))
        && chars.next().is_some_and(|c| matches!(c, ')' | '）'))
    {
        let end = at + rest.len() - chars.as_str().len();
        return Some((day.to_string(), end));
    }
    if prev_char(s, at).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    WEEKDAYS.iter().find_map(|day| {
        let end = lit(s, at, day)?;
        (!s[end..].starts_with(|c: char| c.is_ascii_alphabetic()))
            .then(|| (s[at..end].to_owned(), end))
    })
}

/// `农历壬寅年正月十三`: the lunar date runs to the next space or part.
fn lunar(s: &str, at: usize) -> Option<usize> {
    let mut end = ["农历", "農曆", "旧暦", "旧历", "舊曆"]
        .iter()
        .find_map(|prefix| lit(s, at, prefix))?;
    let start = end;
    while let Some(c) = s[end..].chars().next() {
        if is_separator(c) || weekday(s, end).is_some() || page_count(s, end).is_some() {
            break;
        }
        end += c.len_utf8();
    }
    (end > start).then_some(end)
}

/// `今日四版`, `今日12版`, `共8版`, `Eight pages`, `24 pages`, `全16ページ`.
fn page_count(s: &str, at: usize) -> Option<(u32, usize)> {
    for prefix in ["今日", "本期", "共", "全", "本日"] {
        if let Some(end) = lit(s, at, prefix) {
            let end = skip_spaces(s, end);
            let (n, end) = digits(s, end, 1, 3).or_else(|| chinese_number(s, end))?;
            let end = skip_spaces(s, end);
            let end = ["版", "ページ", "面"]
                .iter()
                .find_map(|unit| lit(s, end, unit))?;
            return Some((n, end));
        }
    }
    if prev_char(s, at).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let (n, end) = digits(s, at, 1, 3).or_else(|| english_number(s, at))?;
    let end = lit(s, skip_spaces(s, end), "pages")?;
    Some((n, end))
}

/// A date in a file name: `bjfzxb-2022-02-13.md`, `2024_03_08.txt`, `20240308.md`.
pub fn date_from_file_name(name: &str) -> Option<Date> {
    file_name_date(name).map(|(date, _)| date)
}

fn file_name_date(name: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let bytes = name.as_bytes();
    (0..name.len()).find_map(|at| {
        if at > 0 && bytes[at - 1].is_ascii_digit() || !name.is_char_boundary(at) {
            return None;
        }
        let (year, end) = fixed_digits(name, at, 4)?;
        let sep = |end: usize| {
            lit(name, end, "-")
                .or_else(|| lit(name, end, "_"))
                .or_else(|| lit(name, end, "."))
                .unwrap_or(end)
        };
        let (month, end) = fixed_digits(name, sep(end), 2)?;
        let (day, end) = fixed_digits(name, sep(end), 2)?;
        if name[end..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let date = date_of(year, month, day)?;
        Some((date, at..end))
    })
}

/// The paper's name from a file name with no masthead: the stem without its
/// date (`bjfzxb-2022-02-13.md` → `bjfzxb`).
pub fn paper_from_file_name(name: &str) -> Option<String> {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let mut paper = stem.to_owned();
    if let Some((_, range)) = file_name_date(stem) {
        paper.replace_range(range, " ");
    }
    let paper = paper
        .split(|c: char| c.is_whitespace() || "-_.".contains(c))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!paper.is_empty()).then_some(paper)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: u16, m: u8, d: u8) -> Option<Date> {
        Date::new(y, m, d)
    }

    #[test]
    fn the_sample_date_line() {
        let line = parse_date_line("2022年2月13日 星期日 农历壬寅年正月十三 今日四版").unwrap();
        assert_eq!(line.date, date(2022, 2, 13));
        assert_eq!(line.weekday.as_deref(), Some("星期日"));
        assert_eq!(line.lunar.as_deref(), Some("农历壬寅年正月十三"));
        assert_eq!(line.pages, Some(4));
        assert_eq!(line.rest, "");
    }

    #[test]
    fn other_date_forms() {
        let iso = parse_date_line("2022-02-13 Sunday").unwrap();
        assert_eq!(
            (iso.date, iso.weekday.as_deref()),
            (date(2022, 2, 13), Some("Sunday"))
        );
        let padded = parse_date_line("2024年03月08日 星期五 今日12版").unwrap();
        assert_eq!((padded.date, padded.pages), (date(2024, 3, 8), Some(12)));
        let english = parse_date_line("Tuesday, March 12, 2024 · Eight pages").unwrap();
        assert_eq!(english.date, date(2024, 3, 12));
        assert_eq!(english.weekday.as_deref(), Some("Tuesday"));
        assert_eq!(english.pages, Some(8));
        let japanese = parse_date_line("2024年3月8日(金) 全24ページ").unwrap();
        assert_eq!(
            (japanese.date, japanese.pages),
            (date(2024, 3, 8), Some(24))
        );
        assert_eq!(japanese.weekday.as_deref(), Some("金"));
        let era = parse_date_line("令和6年3月8日 金曜日").unwrap();
        assert_eq!(era.date, date(2024, 3, 8));
        assert_eq!(parse_date_line("今日十二版").unwrap().pages, Some(12));
        assert_eq!(
            parse_date_line("Twenty-four pages").unwrap().pages,
            Some(24)
        );
    }

    #[test]
    fn prose_and_cut_lines_are_not_date_lines() {
        assert_eq!(
            parse_date_line("今年2月13日,市委书记蔡奇到城市副中心调研并召开会议"),
            None
        );
        assert_eq!(parse_date_line("北京日报客户端 融汇副中心客户端"), None);
        assert_eq!(parse_date_line("2022年2月1"), None);
        assert_eq!(parse_date_line("March 12, 20"), None);
        assert_eq!(parse_date_line("2022年2月30日"), None);
    }

    #[test]
    fn unknown_parts_of_a_date_line_are_kept() {
        let line = parse_date_line("2022年2月13日 第1234期").unwrap();
        assert_eq!(line.rest, "第1234期");
    }

    #[test]
    fn file_names() {
        assert_eq!(
            date_from_file_name("bjfzxb-2022-02-13.md"),
            date(2022, 2, 13)
        );
        assert_eq!(date_from_file_name("20240308.txt"), date(2024, 3, 8));
        assert_eq!(date_from_file_name("notes.md"), None);
        assert_eq!(date_from_file_name("2022-13-45.md"), None);
        assert_eq!(
            paper_from_file_name("bjfzxb-2022-02-13.md").as_deref(),
            Some("bjfzxb")
        );
        assert_eq!(
            paper_from_file_name("The_Daily-2024-03-12.md").as_deref(),
            Some("The Daily")
        );
        assert_eq!(paper_from_file_name("2024-03-12.md"), None);
    }
}
