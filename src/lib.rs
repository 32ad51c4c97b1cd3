//! broadsheet: a terminal newspaper reader that sets Chinese, Japanese and
//! mixed text as a careful typesetter would.
//!
//! Data flows one way: `library` (bytes → sanitised text) → `parse` (text →
//! `model::Issue`) → `layout` (article → lines, via `typeset`) → `app`
//! (state in parts; every input a `Msg`, `update` the one mutator, I/O
//! handed back as `Effects`) → `ui` (render) → `event_loop` and `terminal`.
//! ARCHITECTURE.md gives the layers; `tests/safety/layers.rs` keeps them.

pub mod app;
pub mod archive;
pub mod backend;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod event_loop;
pub mod feeds;
pub mod geometry;
pub mod i18n;
pub mod keys;
pub mod layout;
pub mod library;
pub mod model;
pub mod parse;
pub mod search;
pub mod sources;
pub mod store;
pub mod terminal;
pub mod text;
pub mod typeset;
pub mod ui;
