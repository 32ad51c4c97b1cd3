//! Application state and its one mutator. No terminal here: `update` sees
//! only actions and sizes, `ui::render` borrows the result.

pub mod action;
pub mod keymap;

pub use action::Action;
