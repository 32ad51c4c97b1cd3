//! What the app's own tests share: messages sent as the loop sends them,
//! their tasks carried out.

use crossterm::event::MouseEvent;

use super::{Action, App, Effect, Msg};
use crate::model::Issue;
use crate::ui::Theme;

pub fn send(app: &mut App, msg: Msg) -> Effect {
    crate::event_loop::settle(app, msg, None)
}

pub fn send_action(app: &mut App, action: Action) -> Effect {
    send(app, Msg::Action(action))
}

pub fn send_mouse(app: &mut App, event: MouseEvent) -> Effect {
    send(app, Msg::Mouse(event))
}

pub fn send_paste(app: &mut App, text: String) -> Effect {
    send(app, Msg::Paste(text))
}

pub fn send_issue(app: &mut App, index: usize, issue: Issue) -> Effect {
    send(app, Msg::SetIssue(index, Box::new(issue)))
}

/// The colour theme, whatever `NO_COLOR` says where the tests run.
pub fn theme() -> Theme {
    Theme::new(false, crate::typeset::AmbiguousWidth::Narrow)
}
