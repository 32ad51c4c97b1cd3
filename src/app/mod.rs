//! Application state and its one mutator. No terminal here: `update` sees
//! only actions and sizes, `ui::render` borrows the result.

pub mod action;
pub mod keymap;
mod update;

pub use action::Action;
pub use update::update;

use crossterm::event::{KeyEvent, KeyEventKind};

use crate::config::Config;
use crate::library::Library;
use crate::store::State;
use crate::typeset::AmbiguousWidth;

/// What the event loop must do after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Suspend,
}

/// Everything the reader shows, as data.
#[derive(Debug)]
pub struct App {
    pub library: Library,
    pub state: State,
    pub ambiguous: AmbiguousWidth,
    pub keymap: keymap::Keymap,
    pub messages: Vec<String>,
    pub size: (u16, u16),
    state_changed: bool,
}

impl App {
    pub fn new(library: Library, config: &Config, state: State, ambiguous: AmbiguousWidth) -> App {
        let (keymap, errors) = keymap::Keymap::from_config(&config.keys);
        let mut messages = library.messages.clone();
        messages.extend(errors);
        App {
            library,
            state,
            ambiguous,
            keymap,
            messages,
            size: (0, 0),
            state_changed: false,
        }
    }

    /// A key press becomes an action through the keymap; releases and
    /// repeats of unbound keys do nothing.
    pub fn on_key(&mut self, key: KeyEvent) -> Effect {
        if key.kind == KeyEventKind::Release {
            return Effect::None;
        }
        match self.keymap.action(key) {
            Some(action) => update(self, action),
            None => Effect::None,
        }
    }

    pub fn on_resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// True once after each change of the reading state, so the loop can
    /// debounce saves.
    pub fn take_state_changed(&mut self) -> bool {
        std::mem::take(&mut self.state_changed)
    }

    pub fn push_message(&mut self, message: String) {
        self.messages.push(message);
    }
}
