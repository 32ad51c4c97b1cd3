use super::*;

fn d(year: u16, month: u8, day: u8) -> Date {
    Date::new(year, month, day).unwrap()
}

/// Issues on the odd days of October 2016, the 5th and 7th unread, and
/// one on 30 September.
fn october() -> Calendar {
    let mut issues: Vec<(Date, usize, bool)> = (1..=31)
        .step_by(2)
        .map(|day| (d(2016, 10, day), usize::from(day), matches!(day, 5 | 7)))
        .collect();
    issues.push((d(2016, 9, 30), 100, false));
    Calendar::new(issues, d(2016, 10, 3))
}

#[test]
fn the_grid_starts_on_sunday() {
    let grid = october().grid();
    assert_eq!((grid.year, grid.month, grid.weeks.len()), (2016, 10, 6));
    // 1 October 2016 was a Saturday.
    assert_eq!(grid.weeks[0][6].map(|d| d.date), Some(d(2016, 10, 1)));
    assert!(grid.weeks[0][..6].iter().all(Option::is_none));
    assert_eq!(grid.weeks[5][1].map(|d| d.date), Some(d(2016, 10, 31)));
    let third = grid.weeks[1][1].unwrap();
    assert_eq!(
        (third.date, third.cursor, third.mark),
        (
            d(2016, 10, 3),
            true,
            Some(DayMark {
                entry: 3,
                unread: false
            })
        )
    );
    let feb = Calendar::new([], d(2015, 2, 10)).grid();
    assert_eq!(feb.weeks.len(), 4, "February 2015 fills four weeks exactly");
}

#[test]
fn moves_by_day_week_and_month() {
    let mut calendar = october();
    calendar.move_by(Move::Days(-3));
    assert_eq!(calendar.cursor(), d(2016, 9, 30));
    assert_eq!(calendar.selected().map(|m| m.entry), Some(100));
    calendar.move_by(Move::Weeks(1));
    assert_eq!(calendar.cursor(), d(2016, 10, 7));
    assert_eq!(
        calendar.selected(),
        Some(DayMark {
            entry: 7,
            unread: true
        })
    );
    calendar.move_by(Move::Months(1));
    assert_eq!(calendar.cursor(), d(2016, 11, 7));
    assert_eq!(calendar.selected(), None);
    calendar.move_by(Move::Months(-14));
    assert_eq!(calendar.cursor(), d(2015, 9, 7));
    let mut edge = Calendar::new([], d(0, 1, 1));
    edge.move_by(Move::Days(-1));
    assert_eq!(edge.cursor(), d(0, 1, 1), "off the calendar: stays");
}

#[test]
fn counts_and_one_issue_per_day() {
    assert_eq!(october().month_counts(), (16, 2));
    let twice = Calendar::new(
        [(d(2016, 1, 1), 4, true), (d(2016, 1, 1), 9, false)],
        d(2016, 1, 1),
    );
    assert_eq!(
        twice.selected(),
        Some(DayMark {
            entry: 4,
            unread: true
        })
    );
    assert_eq!(twice.month_counts(), (1, 1));
}
