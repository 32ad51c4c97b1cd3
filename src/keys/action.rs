//! Every user intent, named. Key bindings, the help overlay and the config's
//! `[keys]` table all speak these names. An action is defined here: its
//! variant (in the order help lists them) and its name (the variant in
//! snake case, derived); its help text is `action.<name>` in the message
//! catalogue `locales/app.toml`, in each language; its default keys are in
//! the `[keys]` table of `assets/config.toml`.

use strum::VariantArray;

use crate::i18n::t;

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
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    Open,
    /// Close an overlay, or go back one pane.
    Back,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    /// Show or hide the Issues pane in the two-pane layout.
    ToggleIssues,
    /// 繁简: Chinese as printed, in simplified, then in traditional characters.
    ToggleScript,
    NextArticle,
    PrevArticle,
    /// The first article of the next or previous page (版面) of the issue.
    NextPage,
    PrevPage,
    /// Follow the jump line on screen (`(下转2版)`) to where the article goes on.
    FollowJump,
    /// Back to where the last jump was followed from.
    JumpBack,
    NextUnread,
    /// The next issue with an unread article, round the library.
    NextUnreadIssue,
    ToggleRead,
    /// Mark every article of the issue read; again: undo.
    MarkIssueRead,
    ToggleStar,
    Starred,
    Log,
    /// List the current article's links, numbered as `dump` numbers them.
    Links,
    /// Copy the article (headline, byline, body) as plain text; in the
    /// links list, the URL of the selected link.
    Copy,
    /// Copy a citation line: 《报名》2022年2月13日 第1版《标题》.
    CopyCitation,
    /// Open the search prompt (`/`).
    Search,
    /// Search every issue of the library (`|`; `/` in the Issues pane).
    SearchLibrary,
    /// Go to the next or previous hit of the last search.
    SearchNext,
    SearchPrev,
    /// The `:` prompt: a date in any typed form, or a paper's name.
    GoTo,
    /// A month calendar of the selected paper's issues.
    Calendar,
    /// In the Issues pane: fold every paper but the selected one.
    FoldOthers,
    /// In the Issues pane: fold every paper, or unfold them all.
    FoldAll,
    /// Open the library again from the same paths (`R`).
    Reload,
    /// Fetch every feed in the background (`broadsheet fetch`'s work).
    Fetch,
    Help,
    /// Paint the whole screen again (something else wrote on it).
    Redraw,
    Suspend,
    Quit,
    /// Select the n-th headline on screen (`1`–`9`): a screen reader's
    /// user picks what they heard without stepping through the list.
    #[strum(serialize = "headline_1")]
    Headline1,
    #[strum(serialize = "headline_2")]
    Headline2,
    #[strum(serialize = "headline_3")]
    Headline3,
    #[strum(serialize = "headline_4")]
    Headline4,
    #[strum(serialize = "headline_5")]
    Headline5,
    #[strum(serialize = "headline_6")]
    Headline6,
    #[strum(serialize = "headline_7")]
    Headline7,
    #[strum(serialize = "headline_8")]
    Headline8,
    #[strum(serialize = "headline_9")]
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

    /// What the action does, for the help overlay, in the interface's
    /// language: `action.<name>` in the catalogue. Kept within 33 cells,
    /// the room help has at 60 columns beside the widest key column, so
    /// that no line of help is cut there.
    pub fn description(self) -> String {
        t!(&format!("action.{}", self.name()))
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
    fn descriptions_fit_help_at_60_columns_in_every_language() {
        use crate::i18n::{Lang, lookup};
        for &lang in <Lang as VariantArray>::VARIANTS {
            for &action in Action::ALL {
                let key = format!("action.{}", action.name());
                let Some(text) = lookup(lang, &key) else {
                    panic!("{action:?} has no help text ({key}) in {lang:?}");
                };
                let width =
                    crate::typeset::width::str_width(&text, crate::typeset::AmbiguousWidth::Narrow);
                assert!(width <= 33, "{lang:?}: {text}");
            }
        }
    }
}
