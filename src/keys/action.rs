//! Every user intent, named. Key bindings, the help overlay and the config's
//! `[keys]` table all speak these names.

/// A user intent. `name()` is the name used in `[keys]` and in help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Quit,
    Help,
    /// Close an overlay, or go back one pane.
    Back,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    /// Show or hide the Issues pane in the two-pane layout.
    ToggleIssues,
    Down,
    Up,
    Open,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextArticle,
    PrevArticle,
    ToggleRead,
    ToggleStar,
    NextUnread,
    Starred,
    Log,
    /// List the current article's links, numbered as `dump` numbers them.
    Links,
    /// Open the search prompt (`/`).
    Search,
    /// Go to the next or previous hit of the last search.
    SearchNext,
    SearchPrev,
    /// Open the library again from the same paths (`R`).
    Reload,
    /// Paint the whole screen again (something else wrote on it).
    Redraw,
    Suspend,
}

impl Action {
    /// Every action, in the order help lists them.
    pub const ALL: [Action; 31] = [
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::Back,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusLeft,
        Action::FocusRight,
        Action::ToggleIssues,
        Action::NextArticle,
        Action::PrevArticle,
        Action::NextUnread,
        Action::ToggleRead,
        Action::ToggleStar,
        Action::Starred,
        Action::Log,
        Action::Links,
        Action::Search,
        Action::SearchNext,
        Action::SearchPrev,
        Action::Reload,
        Action::Help,
        Action::Redraw,
        Action::Suspend,
        Action::Quit,
    ];

    /// The name used in the config's `[keys]` table.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::Back => "back",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::FocusLeft => "focus_left",
            Action::FocusRight => "focus_right",
            Action::ToggleIssues => "toggle_issues",
            Action::Down => "down",
            Action::Up => "up",
            Action::Open => "open",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextArticle => "next_article",
            Action::PrevArticle => "prev_article",
            Action::ToggleRead => "toggle_read",
            Action::ToggleStar => "toggle_star",
            Action::NextUnread => "next_unread",
            Action::Starred => "starred",
            Action::Log => "log",
            Action::Links => "links",
            Action::Search => "search",
            Action::SearchNext => "search_next",
            Action::SearchPrev => "search_prev",
            Action::Reload => "reload",
            Action::Redraw => "redraw",
            Action::Suspend => "suspend",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }

    /// What the action does, for the help overlay.
    /// Kept within 33 cells, the room help has at 60 columns beside the
    /// widest key column, so that no line of help is cut there.
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => "quit (in an overlay: close it)",
            Action::Help => "this help",
            Action::Back => "back (or close overlay, search)",
            Action::FocusNext => "next pane",
            Action::FocusPrev => "previous pane",
            Action::FocusLeft => "pane to the left",
            Action::FocusRight => "pane to the right",
            Action::ToggleIssues => "show/hide the issues pane",
            Action::Down => "down one line / item",
            Action::Up => "up one line / item",
            Action::Open => "open",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half page down",
            Action::HalfPageUp => "half page up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextArticle => "next article",
            Action::PrevArticle => "previous article",
            Action::ToggleRead => "mark read / unread",
            Action::ToggleStar => "star / unstar",
            Action::NextUnread => "next unread article",
            Action::Starred => "starred articles",
            Action::Log => "messages",
            Action::Links => "links in this article",
            Action::Search => "search this issue",
            Action::SearchNext => "next search hit",
            Action::SearchPrev => "previous search hit",
            Action::Reload => "reload the library",
            Action::Redraw => "redraw the screen",
            Action::Suspend => "suspend (fg resumes)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut names: Vec<_> = Action::ALL.iter().map(|a| a.name()).collect();
        for action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }

    #[test]
    fn descriptions_fit_help_at_60_columns() {
        for action in Action::ALL {
            let text = action.description();
            let width =
                crate::typeset::width::str_width(text, crate::typeset::AmbiguousWidth::Narrow);
            assert!(width <= 33, "{text}");
        }
    }
}
