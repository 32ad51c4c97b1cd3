//! The only mutator of `App`.

use super::{Action, App, Effect};

/// Apply one action.
pub fn update(app: &mut App, action: Action) -> Effect {
    let _ = app;
    match action {
        Action::Quit => Effect::Quit,
        Action::Suspend => Effect::Suspend,
        _ => Effect::None,
    }
}
