//! The `:` prompt: go to a date of the selected paper (the issue on that
//! day or the nearest before it) or to a paper by name, saying in the
//! status bar where the reader landed (`archive::goto` parses and resolves).

use crate::archive::goto::{self, Goto};
use crate::model::Date;
use crate::model::days::{from_day_number, weekday_zh};

use super::prompt;
use super::{App, Cursor};
use crate::i18n::t;

impl App {
    /// Today as the `:` prompt takes it: the date given at start, else
    /// the newest issue's (so tests and a stale archive both make sense).
    fn today(&self) -> Date {
        let newest = self
            .docs
            .library
            .entries
            .iter()
            .filter_map(|e| e.date)
            .max();
        self.archive
            .today
            .or(newest)
            .or_else(|| from_day_number(0))
            .unwrap_or(Date {
                year: 1970,
                month: 1,
                day: 1,
            })
    }

    /// Enter at the `:` prompt. The prompt stays open while the issue it
    /// lands on is read (the key runs again then), and closes after.
    pub(super) fn run_goto(&mut self) {
        let text = self.search.prompt.as_ref().map(|p| p.text().to_owned());
        let text = match text.as_deref().map(str::trim) {
            Some("") | None => match self.search.goto_history.last() {
                Some(last) => last.clone(),
                None => String::new(),
            },
            Some(text) => text.to_owned(),
        };
        let landing = self.goto_target(&text);
        if let Ok((entry, _)) = &landing
            && !self.need_parsed(*entry)
        {
            return;
        }
        self.close_prompt();
        if !text.is_empty() {
            prompt::remember(&mut self.search.goto_history, &text);
        }
        match landing {
            Ok((entry, message)) => {
                self.archive.cursor = Cursor::Issue;
                self.select(entry, 0);
                self.sync_tree();
                self.screen.notice = Some(message.unwrap_or_else(|| self.landed_on(entry)));
            }
            Err(message) => self.screen.notice = Some(message),
        }
    }

    /// The entry `text` goes to and what to say about it, or why it goes
    /// nowhere.
    fn goto_target(&mut self, text: &str) -> Result<(usize, Option<String>), String> {
        let goto = goto::parse(text, self.today()).map_err(|e| e.to_string())?;
        self.ensure_tree();
        let papers = match self.archive.tree.as_ref() {
            Some(tree) => tree.papers().to_vec(),
            None => crate::archive::tree::papers(&self.docs.library.entries),
        };
        if let Goto::Paper(name) = &goto {
            let names: Vec<&str> = papers.iter().map(|p| p.name.as_str()).collect();
            let (index, message) = goto::find_paper(name, &names)?;
            let entry = papers[index].entries.start;
            let message = message.map(|m| format!("{m} · {}", self.landed_on(entry)));
            return Ok((entry, message));
        }
        let paper = (self.archive.tree.as_ref())
            .and_then(|t| t.selected_paper())
            .or_else(|| {
                papers
                    .iter()
                    .position(|p| p.entries.contains(&self.place.issue))
            })
            .and_then(|p| papers.get(p))
            .ok_or_else(|| t!("goto.no_issues"))?;
        let entries = paper.entries.clone();
        let dates: Vec<Option<Date>> = self.docs.library.entries[entries.clone()]
            .iter()
            .map(|e| e.date)
            .collect();
        let Some(landing) = goto::resolve(&goto, &dates) else {
            return Err(t!("goto.no_dated_issue", paper = paper.name));
        };
        Ok((entries.start + landing.index, landing.message))
    }

    /// `showing 2013-06-04 星期二 · 人民日报`.
    fn landed_on(&self, entry: usize) -> String {
        let info = self.issue_info(entry);
        match info.date {
            Some(date) => t!(
                "goto.showing",
                what = format!("{date} {} · {}", weekday_zh(date), info.paper)
            ),
            None => t!("goto.showing", what = info.paper),
        }
    }
}
