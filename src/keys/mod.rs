//! What a key can ask for: every [`Action`], named, and the key-spec
//! grammar the config and the keymap share. A bottom module: it knows
//! crossterm's key events and nothing of the app, the config or the screen.

mod action;
mod spec;

pub use action::Action;
pub use spec::{key_label, normalize, parse_key};
