//! broadsheet: a terminal newspaper reader that sets Chinese, Japanese and
//! mixed text as a careful typesetter would.
//!
//! Data flows one way: `library` (bytes → sanitised text) → `parse` (text →
//! `model::Issue`) → `layout` (article → lines, via `typeset`) → `app`
//! (state, actions, `update`) → `ui` (render) → `terminal`.

pub mod app;
pub mod backend;
pub mod cli;
pub mod config;
pub mod event_loop;
pub mod layout;
pub mod library;
pub mod model;
pub mod parse;
pub mod reader;
pub mod search;
pub mod store;
pub mod terminal;
pub mod text;
pub mod typeset;
pub mod ui;
