//! Every user intent, named. Key bindings, the help overlay and the config's
//! `[keys]` table all speak these names. An action is defined once, here:
//! its variant (in the order help lists them), its name (the variant in
//! snake case, derived) and its help text; its default keys are in the
//! `[keys]` table of `assets/config.toml`.

use strum::{EnumMessage, VariantArray};

/// A user intent. `name()` is the name used in `[keys]` and in help.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumMessage,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    #[strum(message = "down one line / item")]
    Down,
    #[strum(message = "up one line / item")]
    Up,
    #[strum(message = "page down")]
    PageDown,
    #[strum(message = "page up")]
    PageUp,
    #[strum(message = "half page down")]
    HalfPageDown,
    #[strum(message = "half page up")]
    HalfPageUp,
    #[strum(message = "top")]
    Top,
    #[strum(message = "bottom")]
    Bottom,
    #[strum(message = "open")]
    Open,
    /// Close an overlay, or go back one pane.
    #[strum(message = "back (or close overlay, search)")]
    Back,
    #[strum(message = "next pane")]
    FocusNext,
    #[strum(message = "previous pane")]
    FocusPrev,
    #[strum(message = "pane to the left")]
    FocusLeft,
    #[strum(message = "pane to the right")]
    FocusRight,
    /// Show or hide the Issues pane in the two-pane layout.
    #[strum(message = "show/hide the issues pane")]
    ToggleIssues,
    #[strum(message = "next article")]
    NextArticle,
    #[strum(message = "previous article")]
    PrevArticle,
    /// The first article of the next or previous page (版面) of the issue.
    #[strum(message = "next page of the issue")]
    NextPage,
    #[strum(message = "previous page of the issue")]
    PrevPage,
    /// Follow the jump line on screen (`(下转2版)`) to where the article goes on.
    #[strum(message = "follow a jump line (下转2版)")]
    FollowJump,
    /// Back to where the last jump was followed from.
    #[strum(message = "back from a followed jump")]
    JumpBack,
    #[strum(message = "next unread article")]
    NextUnread,
    /// The next issue with an unread article, round the library.
    #[strum(message = "next issue with unread articles")]
    NextUnreadIssue,
    #[strum(message = "mark read / unread")]
    ToggleRead,
    /// Mark every article of the issue read; again: undo.
    #[strum(message = "mark the issue read (again: undo)")]
    MarkIssueRead,
    #[strum(message = "star / unstar")]
    ToggleStar,
    #[strum(message = "starred articles")]
    Starred,
    #[strum(message = "messages")]
    Log,
    /// List the current article's links, numbered as `dump` numbers them.
    #[strum(message = "links in this article")]
    Links,
    /// Copy the article (headline, byline, body) as plain text; in the
    /// links list, the URL of the selected link.
    #[strum(message = "copy the article (in L: the URL)")]
    Copy,
    /// Copy a citation line: 《报名》2022年2月13日 第1版《标题》.
    #[strum(message = "copy a citation line")]
    CopyCitation,
    /// Open the search prompt (`/`).
    #[strum(message = "search this issue")]
    Search,
    /// Search every issue of the library (`|`; `/` in the Issues pane).
    #[strum(message = "search the whole library")]
    SearchLibrary,
    /// Go to the next or previous hit of the last search.
    #[strum(message = "next search hit")]
    SearchNext,
    #[strum(message = "previous search hit")]
    SearchPrev,
    /// The `:` prompt: a date in any typed form, or a paper's name.
    #[strum(message = "go to a date or a paper")]
    GoTo,
    /// A month calendar of the selected paper's issues.
    #[strum(message = "calendar of the paper's issues")]
    Calendar,
    /// In the Issues pane: fold every paper but the selected one.
    #[strum(message = "fold the other papers")]
    FoldOthers,
    /// In the Issues pane: fold every paper, or unfold them all.
    #[strum(message = "fold / unfold every paper")]
    FoldAll,
    /// Open the library again from the same paths (`R`).
    #[strum(message = "reload the library")]
    Reload,
    /// Fetch every feed in the background (`broadsheet fetch`'s work).
    #[strum(message = "fetch the feeds")]
    Fetch,
    #[strum(message = "this help")]
    Help,
    /// Paint the whole screen again (something else wrote on it).
    #[strum(message = "redraw the screen")]
    Redraw,
    #[strum(message = "suspend (fg resumes)")]
    Suspend,
    #[strum(message = "quit (in an overlay: close it)")]
    Quit,
    /// Select the n-th headline on screen (`1`–`9`): a screen reader's
    /// user picks what they heard without stepping through the list.
    #[strum(serialize = "headline_1", message = "select the n-th headline shown")]
    Headline1,
    #[strum(serialize = "headline_2", message = "select the 2nd headline shown")]
    Headline2,
    #[strum(serialize = "headline_3", message = "select the 3rd headline shown")]
    Headline3,
    #[strum(serialize = "headline_4", message = "select the 4th headline shown")]
    Headline4,
    #[strum(serialize = "headline_5", message = "select the 5th headline shown")]
    Headline5,
    #[strum(serialize = "headline_6", message = "select the 6th headline shown")]
    Headline6,
    #[strum(serialize = "headline_7", message = "select the 7th headline shown")]
    Headline7,
    #[strum(serialize = "headline_8", message = "select the 8th headline shown")]
    Headline8,
    #[strum(serialize = "headline_9", message = "select the 9th headline shown")]
    Headline9,
}

impl Action {
    /// Every action, in the order help lists them.
    pub const ALL: &'static [Action] = <Action as VariantArray>::VARIANTS;

    /// The name used in the config's `[keys]` table.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The action on whose help row this one's keys are listed: the nine
    /// headline actions share the first one's row, which says what they do.
    pub fn help_row(self) -> Action {
        match self.headline_number() {
            Some(_) => Action::Headline1,
            None => self,
        }
    }

    /// For `headline_1` to `headline_9`, which headline on screen (1–9).
    pub fn headline_number(self) -> Option<usize> {
        const NTH: [Action; 9] = [
            Action::Headline1,
            Action::Headline2,
            Action::Headline3,
            Action::Headline4,
            Action::Headline5,
            Action::Headline6,
            Action::Headline7,
            Action::Headline8,
            Action::Headline9,
        ];
        NTH.iter().position(|a| *a == self).map(|i| i + 1)
    }

    pub fn from_name(name: &str) -> Option<Action> {
        name.parse().ok()
    }

    /// What the action does, for the help overlay.
    /// Kept within 33 cells, the room help has at 60 columns beside the
    /// widest key column, so that no line of help is cut there.
    pub fn description(self) -> &'static str {
        self.get_message().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut names: Vec<_> = Action::ALL.iter().map(|a| a.name()).collect();
        for &action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }

    #[test]
    fn descriptions_fit_help_at_60_columns() {
        for &action in Action::ALL {
            assert!(
                action.get_message().is_some(),
                "{action:?} has no help text"
            );
            let text = action.description();
            let width =
                crate::typeset::width::str_width(text, crate::typeset::AmbiguousWidth::Narrow);
            assert!(width <= 33, "{text}");
        }
    }
}
