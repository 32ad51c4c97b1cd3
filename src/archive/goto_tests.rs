use super::*;

fn d(year: u16, month: u8, day: u8) -> Date {
    Date::new(year, month, day).unwrap()
}

const TODAY: Date = Date {
    year: 2016,
    month: 3,
    day: 1,
};

fn day(input: &str) -> Date {
    match parse(input, TODAY) {
        Ok(Goto::Day(date)) => date,
        other => panic!("{input:?} gave {other:?}"),
    }
}

fn error(input: &str) -> String {
    match parse(input, TODAY) {
        Err(err) => err.to_string(),
        other => panic!("{input:?} gave {other:?}"),
    }
}

#[test]
fn every_day_form_gives_the_same_day() {
    for input in [
        "2016-10-03",
        "2016-10-3",
        "2016/10/03",
        "2016.10.03",
        "20161003",
        "2016年10月3日",
        "2016年10月03日",
        "2016年10月3",
        "  2016-10-03 ",
    ] {
        assert_eq!(day(input), d(2016, 10, 3), "{input:?}");
    }
}

#[test]
fn a_day_without_its_year_is_this_year() {
    assert_eq!(day("10-03"), d(2016, 10, 3));
    assert_eq!(day("10/3"), d(2016, 10, 3));
    assert_eq!(day("10月3日"), d(2016, 10, 3));
    assert_eq!(day("2-29"), d(2016, 2, 29));
}

#[test]
fn relative_days_count_back_from_today() {
    assert_eq!(day("today"), TODAY);
    assert_eq!(day("今天"), TODAY);
    assert_eq!(day("Yesterday"), d(2016, 2, 29));
    assert_eq!(day("yesterday"), d(2016, 2, 29));
    assert_eq!(day("昨天"), d(2016, 2, 29));
    assert_eq!(day("前天"), d(2016, 2, 28));
    let new_year = d(2017, 1, 1);
    assert_eq!(parse("昨天", new_year), Ok(Goto::Day(d(2016, 12, 31))));
}

#[test]
fn months_and_years() {
    let month = Goto::Month {
        year: 2016,
        month: 10,
    };
    assert_eq!(parse("2016-10", TODAY), Ok(month.clone()));
    assert_eq!(parse("2016/10", TODAY), Ok(month.clone()));
    assert_eq!(parse("2016年10月", TODAY), Ok(month));
    assert_eq!(parse("2016", TODAY), Ok(Goto::Year(2016)));
    assert_eq!(parse("2016年", TODAY), Ok(Goto::Year(2016)));
}

#[test]
fn anything_else_is_a_paper() {
    for input in ["人民日报", "人民", "The Times", "2016-10-03x", "北京2016"] {
        assert_eq!(
            parse(input, TODAY),
            Ok(Goto::Paper(input.trim().to_owned())),
            "{input:?}"
        );
    }
}

#[test]
fn impossible_dates_say_why() {
    assert_eq!(
        error("2016-02-30"),
        "2016-02-30 is not a date: February 2016 has 29 days"
    );
    assert_eq!(
        error("2015-02-29"),
        "2015-02-29 is not a date: February 2015 has 28 days"
    );
    assert_eq!(
        error("2016-04-31"),
        "2016-04-31 is not a date: April 2016 has 30 days"
    );
    assert_eq!(
        error("2016-10-00"),
        "2016-10-00 is not a date: days start at 1"
    );
    assert_eq!(
        error("2016-13-01"),
        "2016-13-01: there is no month 13; months run from 1 to 12"
    );
    assert_eq!(
        error("2016-00"),
        "2016-00: there is no month 0; months run from 1 to 12"
    );
    assert_eq!(
        error("20161301"),
        "20161301: there is no month 13; months run from 1 to 12"
    );
    assert_eq!(
        error("02-30"),
        "2016-02-30 is not a date: February 2016 has 29 days"
    );
    assert_eq!(error("0000-01-01"), "0000-01-01 is out of range");
    assert_eq!(error("123456"), "123456 is out of range");
    assert_eq!(error("99999-01-01"), "99999-01-01 is out of range");
    assert!(error("   ").starts_with("type a date"));
}

fn dates(list: &[&str]) -> Vec<Option<Date>> {
    list.iter()
        .map(|s| match parse(s, TODAY) {
            Ok(Goto::Day(date)) => Some(date),
            _ => None,
        })
        .collect()
}

fn land(goto: &str, list: &[Option<Date>]) -> (usize, Option<String>) {
    let goto = parse(goto, TODAY).unwrap();
    let landing = resolve(&goto, list).unwrap();
    (landing.index, landing.message)
}

#[test]
fn a_day_lands_on_its_issue_or_the_nearest_before() {
    let list = dates(&[
        "2016-10-05",
        "2016-10-03",
        "2016-10-01",
        "2016-09-28",
        "undated",
    ]);
    assert_eq!(land("2016-10-03", &list), (1, None));
    assert_eq!(land("2016-10-05", &list), (0, None));
    assert_eq!(
        land("2016-10-02", &list),
        (2, Some("no issue on 2016-10-02; showing 2016-10-01".into()))
    );
    assert_eq!(
        land("2017-01-01", &list),
        (0, Some("no issue on 2017-01-01; showing 2016-10-05".into()))
    );
    assert_eq!(
        land("2016-01-01", &list),
        (
            3,
            Some("no issue on or before 2016-01-01; showing the oldest, 2016-09-28".into())
        )
    );
}

#[test]
fn a_month_or_year_lands_on_its_newest_issue() {
    let list = dates(&["2017-02-01", "2016-10-05", "2016-10-01", "2016-08-28"]);
    assert_eq!(
        land("2016-10", &list),
        (
            1,
            Some("showing 2016-10-05, the newest issue in 2016-10".into())
        )
    );
    assert_eq!(
        land("2016-09", &list),
        (3, Some("no issue in 2016-09; showing 2016-08-28".into()))
    );
    assert_eq!(
        land("2016", &list),
        (
            1,
            Some("showing 2016-10-05, the newest issue in 2016".into())
        )
    );
    assert_eq!(
        land("2015", &list),
        (
            3,
            Some("no issue in or before 2015; showing the oldest, 2016-08-28".into())
        )
    );
}

#[test]
fn nothing_to_land_on() {
    assert_eq!(resolve(&Goto::Day(TODAY), &[]), None);
    assert_eq!(resolve(&Goto::Day(TODAY), &[None, None]), None);
    assert_eq!(
        resolve(&Goto::Paper("x".into()), &dates(&["2016-10-05"])),
        None
    );
}

#[test]
fn papers_by_name_prefix_or_part() {
    let papers = ["北京城市副中心报", "北京日报", "人民日报", "The Times"];
    assert_eq!(find_paper("北京日报", &papers), Ok((1, None)));
    assert_eq!(find_paper("the times", &papers), Ok((3, None)));
    assert_eq!(find_paper("人民", &papers), Ok((2, None)));
    assert_eq!(
        find_paper("北京", &papers),
        Ok((
            0,
            Some("2 papers match “北京”; showing 北京城市副中心报".into())
        ))
    );
    assert_eq!(find_paper("副中心", &papers), Ok((0, None)));
    assert_eq!(
        find_paper("光明", &papers),
        Err("no paper or date matches “光明”".into())
    );
}
