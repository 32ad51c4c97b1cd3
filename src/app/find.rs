//! Search in the reader: the prompt's keys, and the search state.

use crossterm::event::KeyEvent;

use super::prompt::{self, Edit, Prompt};
use super::{Action, App, Effect, keymap, update};

/// The search prompt, this session's queries, and the search in force.
#[derive(Debug, Default)]
pub struct Search {
    /// The prompt line, while it is open.
    pub prompt: Option<Prompt>,
    /// Queries run this session, oldest first.
    pub history: Vec<String>,
}

impl App {
    /// Whether the search prompt is open (keys are text then).
    pub fn prompt_open(&self) -> bool {
        self.search.prompt.is_some()
    }

    /// A key while the prompt is open: text or an edit. Only suspend
    /// still reaches the app, so job control works mid-query.
    pub(super) fn prompt_key(&mut self, key: KeyEvent) -> Effect {
        match keymap::prompt_edit(key) {
            Some(Edit::Accept) => self.run_prompt(),
            Some(Edit::Cancel) => self.search.prompt = None,
            Some(edit) => {
                if let Some(line) = self.search.prompt.as_mut() {
                    line.apply(edit, &self.search.history);
                }
            }
            None if self.keymap.action(key) == Some(Action::Suspend) => {
                return update(self, Action::Suspend);
            }
            None => {}
        }
        Effect::None
    }

    /// Pasted text: into the prompt when it is open, else ignored whole
    /// (pasted text is never taken as commands).
    pub fn on_paste(&mut self, text: String) -> Effect {
        if let Some(line) = self.search.prompt.as_mut() {
            line.paste(&text);
        }
        Effect::None
    }

    /// Open the prompt (`/`).
    pub(super) fn open_prompt(&mut self) {
        self.search.prompt = Some(Prompt::default());
    }

    /// Enter: run the query; an empty line runs the last one again.
    fn run_prompt(&mut self) {
        let Some(line) = self.search.prompt.take() else {
            return;
        };
        let pattern = match line.text() {
            "" => match self.search.history.last() {
                Some(last) => last.clone(),
                None => return,
            },
            text => text.to_owned(),
        };
        prompt::remember(&mut self.search.history, &pattern);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::library::Library;
    use crate::store::State;
    use crate::typeset::AmbiguousWidth;

    fn app() -> App {
        let config = Config::default();
        let mut app = App::new(
            Library::sample(),
            &config,
            State::default(),
            AmbiguousWidth::Narrow,
        );
        app.on_resize(80, 24);
        app.prepare_frame();
        app
    }

    #[test]
    fn a_paste_goes_into_the_prompt_bounded_and_is_ignored_elsewhere() {
        let mut app = app();
        let before = (app.focus, app.issue, app.article, app.overlay);
        assert_eq!(app.on_paste("q?jjjJ/\n".repeat(1000)), Effect::None);
        assert_eq!(before, (app.focus, app.issue, app.article, app.overlay));
        assert!(!app.prompt_open(), "a pasted / opens nothing");
        update(&mut app, Action::Search);
        app.on_paste(format!("盘活\r\n{}", "x".repeat(1 << 20)));
        let line = app.search.prompt.as_ref().map(|p| p.text().to_owned());
        let line = line.unwrap_or_default();
        assert!(line.starts_with("盘活 x"), "{line}");
        assert_eq!(line.chars().count(), prompt::MAX_CHARS);
    }
}
