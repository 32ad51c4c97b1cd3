//! The calendar overlay (`c`): the selected paper's month, as e-paper
//! sites' 往期 pages show it (`archive::calendar` is the model). Arrows
//! move by day and week, `[`/`]` and PgUp/PgDn by month, Enter opens the
//! day's issue, Esc closes.

use crate::archive::calendar::{Calendar, Move};
use crate::i18n::t;

use super::{Action, App, Cursor, Overlay};

impl App {
    /// `c`: the calendar of the selected paper, on the selected issue's day
    /// (or the paper's newest).
    pub(super) fn open_calendar(&mut self) {
        self.ensure_tree();
        let Some(tree) = self.archive.tree.as_ref() else {
            return;
        };
        let paper = tree
            .selected_paper()
            .or_else(|| tree.paper_of(self.place.issue));
        let Some(entries) = paper
            .and_then(|p| tree.papers().get(p))
            .map(|p| p.entries.clone())
        else {
            return;
        };
        let unread = self.unread_flags(entries.clone());
        let listed = &self.docs.library.entries;
        let issues: Vec<_> = (entries.clone().zip(unread))
            .filter_map(|(i, unread)| Some((listed[i].date?, i, unread)))
            .collect();
        let here = match entries.contains(&self.place.issue) {
            true => listed[self.place.issue].date,
            false => None,
        };
        let Some(cursor) = here.or_else(|| issues.first().map(|i| i.0)) else {
            self.screen.notice = Some(t!("calendar.no_dated_issue"));
            return;
        };
        self.archive.calendar = Some(Calendar::new(issues, cursor));
        self.overlay.open = Some(Overlay::Calendar);
    }

    /// Per entry of `entries`: whether it has an unread article; an issue
    /// never opened (no article count yet) counts as unread.
    fn unread_flags(&self, entries: std::ops::Range<usize>) -> Vec<bool> {
        let listed = &self.docs.library.entries;
        let keyed: Vec<Option<(String, usize)>> = entries
            .clone()
            .map(|i| Some((self.issue_key(i)?, listed[i].articles?)))
            .collect();
        let known = keyed.iter().flatten().map(|(k, n)| (k.as_str(), *n));
        let mut counts = self.place.state.unread_counts(known).into_iter();
        keyed
            .iter()
            .map(|k| match k {
                Some(_) => counts.next().is_none_or(|n| n > 0),
                None => true,
            })
            .collect()
    }

    /// Keys while the calendar is open.
    pub(super) fn calendar_action(&mut self, action: Action) {
        let Some(calendar) = self.archive.calendar.as_mut() else {
            self.overlay.open = None;
            return;
        };
        let step = match action {
            Action::FocusLeft => Some(Move::Days(-1)),
            Action::FocusRight => Some(Move::Days(1)),
            Action::Up => Some(Move::Weeks(-1)),
            Action::Down => Some(Move::Weeks(1)),
            Action::PrevPage | Action::PageUp | Action::HalfPageUp => Some(Move::Months(-1)),
            Action::NextPage | Action::PageDown | Action::HalfPageDown => Some(Move::Months(1)),
            _ => None,
        };
        if let Some(step) = step {
            calendar.move_by(step);
            return;
        }
        match action {
            Action::Back | Action::Quit | Action::Calendar => self.close_calendar(),
            Action::Open => self.open_calendar_day(),
            _ => {}
        }
    }

    pub(super) fn close_calendar(&mut self) {
        self.overlay.open = None;
        self.archive.calendar = None;
    }

    /// Enter: the issue on the cursor's day; the calendar stays open while
    /// it is read (Enter runs again then).
    fn open_calendar_day(&mut self) {
        let Some(calendar) = self.archive.calendar.as_ref() else {
            return;
        };
        let day = calendar.cursor();
        let Some(mark) = calendar.selected() else {
            self.screen.notice = Some(t!("calendar.no_issue_on", day = crate::i18n::date(day)));
            return;
        };
        if !self.need_parsed(mark.entry) {
            return;
        }
        self.close_calendar();
        self.archive.cursor = Cursor::Issue;
        self.select(mark.entry, 0);
        self.sync_tree();
        let paper = self.issue_info(mark.entry).paper;
        let weekday = crate::model::days::weekday_zh(day);
        let what = format!("{day} {weekday} · {paper}");
        self.screen.notice = Some(t!("goto.showing", what = what));
    }

    /// The calendar, while its overlay is open.
    pub fn calendar(&self) -> Option<&Calendar> {
        self.archive.calendar.as_ref()
    }
}
