//! Every style and glyph the screen uses. Render code names a role here and
//! never a colour. `NO_COLOR` (or `theme = "mono"`) gives a monochrome theme
//! in which every state is still visible by glyph or modifier: nothing is
//! shown by colour alone.

use std::borrow::Cow;

use ratatui::style::{Color, Modifier, Style};

use crate::config::{Borders, Markers};
use crate::i18n::t;
use crate::typeset::AmbiguousWidth;

/// Glyphs with meaning. In a terminal that draws East Asian *Ambiguous*
/// characters two cells wide, the rules and frames fall back to ASCII so
/// that every border stays one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyphs {
    /// Glyphs, or with `markers = "text"` words in the interface's language.
    pub unread: Cow<'static, str>,
    pub read: Cow<'static, str>,
    pub starred: Cow<'static, str>,
    pub unstarred: &'static str,
    /// Before an issue that arrived since the last run (Issues pane): a
    /// word, in the interface's language.
    pub new_issue: String,
    pub rule: &'static str,
    pub ellipsis: &'static str,
    /// Top-left, top, top-right, side, bottom-left, bottom-right.
    pub frame: [&'static str; 6],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub title_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub unread: Style,
    pub read: Style,
    pub marker: Style,
    pub star: Style,
    pub second_line: Style,
    /// A page header in Headlines (`第1版 要闻`): dim, since it is never selected.
    pub page_header: Style,
    pub unavailable: Style,
    pub kicker: Style,
    pub headline: Style,
    pub deck: Style,
    pub byline: Style,
    pub body: Style,
    pub subhead: Style,
    pub subhead_deck: Style,
    pub caption: Style,
    pub credit: Style,
    pub jump: Style,
    /// Link text in the article. Underlined in every theme: underline is
    /// not a colour, so it shows with `NO_COLOR` too.
    pub link: Style,
    pub rule: Style,
    pub status: Style,
    pub status_hint: Style,
    pub notice: Style,
    /// The search prompt on the bottom row.
    pub prompt: Style,
    /// How many hits the typed query has, at the prompt's right end.
    pub prompt_count: Style,
    /// Every search hit on screen, and the current one. Reverse video, so
    /// both show without colour.
    pub search_hit: Style,
    pub search_current: Style,
    /// `/pattern 3/17` in the status bar.
    pub status_search: Style,
    pub overlay: Style,
    pub overlay_title: Style,
    pub overlay_key: Style,
    pub too_small: Style,
    pub glyphs: Glyphs,
}

impl Theme {
    /// A theme by its config name (`default`, `mono`); `None` for an unknown name.
    pub fn named(name: &str, no_color: bool, ambiguous: AmbiguousWidth) -> Option<Theme> {
        match name {
            "default" => Some(Theme::new(no_color, ambiguous)),
            "mono" | "monochrome" => Some(Theme::mono(ambiguous)),
            _ => None,
        }
    }

    /// The default theme, monochrome when `no_color` (the `NO_COLOR` convention).
    pub fn new(no_color: bool, ambiguous: AmbiguousWidth) -> Theme {
        if no_color {
            return Theme::mono(ambiguous);
        }
        let fg = |c: Color| Style::new().fg(c);
        Theme {
            title: fg(Color::Blue).add_modifier(Modifier::BOLD),
            title_focused: Style::new()
                .fg(Color::Black)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().bg(Color::DarkGray),
            marker: fg(Color::Cyan),
            star: fg(Color::Yellow),
            kicker: fg(Color::Red).add_modifier(Modifier::BOLD),
            headline: Style::new().add_modifier(Modifier::BOLD),
            caption: fg(Color::Cyan).add_modifier(Modifier::ITALIC),
            credit: fg(Color::Cyan).add_modifier(Modifier::DIM),
            jump: fg(Color::Magenta).add_modifier(Modifier::ITALIC),
            link: fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED),
            status: Style::new().fg(Color::White).bg(Color::DarkGray),
            status_hint: Style::new()
                .fg(Color::Black)
                .bg(Color::Gray)
                .add_modifier(Modifier::BOLD),
            notice: Style::new()
                .fg(Color::Yellow)
                .bg(Color::DarkGray)
                .add_modifier(Modifier::BOLD),
            overlay_title: Style::new()
                .fg(Color::Black)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            // Reversed: the colour named as foreground is the background
            // seen, so black text on yellow (on orange-red for the current).
            search_hit: Style::new()
                .fg(Color::Yellow)
                .bg(Color::Black)
                .add_modifier(Modifier::REVERSED),
            search_current: Style::new()
                .fg(Color::LightRed)
                .bg(Color::Black)
                .add_modifier(Modifier::REVERSED | Modifier::BOLD),
            status_search: Style::new()
                .fg(Color::Yellow)
                .bg(Color::DarkGray)
                .add_modifier(Modifier::BOLD),
            overlay_key: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ..Theme::mono(ambiguous)
        }
    }

    /// Modifiers only: bold, dim, italic, reverse.
    pub fn mono(ambiguous: AmbiguousWidth) -> Theme {
        let m = |modifier: Modifier| Style::new().add_modifier(modifier);
        Theme {
            base: Style::new(),
            title: m(Modifier::BOLD),
            title_focused: m(Modifier::REVERSED | Modifier::BOLD),
            selected: m(Modifier::REVERSED),
            selected_unfocused: m(Modifier::UNDERLINED),
            unread: m(Modifier::BOLD),
            read: Style::new(),
            marker: Style::new(),
            star: m(Modifier::BOLD),
            second_line: m(Modifier::DIM),
            page_header: m(Modifier::DIM),
            unavailable: m(Modifier::DIM | Modifier::ITALIC),
            kicker: m(Modifier::BOLD),
            headline: m(Modifier::BOLD),
            deck: m(Modifier::ITALIC),
            byline: m(Modifier::DIM),
            body: Style::new(),
            subhead: m(Modifier::BOLD),
            subhead_deck: m(Modifier::ITALIC),
            caption: m(Modifier::ITALIC),
            credit: m(Modifier::DIM | Modifier::ITALIC),
            jump: m(Modifier::DIM | Modifier::ITALIC),
            link: m(Modifier::UNDERLINED),
            rule: m(Modifier::DIM),
            status: m(Modifier::REVERSED),
            status_hint: m(Modifier::REVERSED | Modifier::BOLD),
            notice: m(Modifier::REVERSED | Modifier::BOLD),
            prompt: Style::new(),
            prompt_count: m(Modifier::DIM),
            search_hit: m(Modifier::REVERSED),
            search_current: m(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            status_search: m(Modifier::REVERSED | Modifier::BOLD),
            overlay: Style::new(),
            overlay_title: m(Modifier::REVERSED | Modifier::BOLD),
            overlay_key: m(Modifier::BOLD),
            too_small: m(Modifier::BOLD),
            glyphs: Glyphs::new(ambiguous),
        }
    }
}

/// The words `markers = "text"` shows, and the linear mode too: a screen
/// reader says them, where it would skip or mangle a glyph. In the
/// interface's language (`[read]`, `[已读]`).
pub fn marker_words() -> Marks {
    Marks {
        unread: t!("marker.unread").into(),
        read: t!("marker.read").into(),
        starred: t!("marker.starred").into(),
    }
}

/// An article's marks in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marks {
    pub unread: Cow<'static, str>,
    pub read: Cow<'static, str>,
    pub starred: Cow<'static, str>,
}

impl Glyphs {
    /// The default look: box-drawing lines, glyph markers.
    pub fn new(ambiguous: AmbiguousWidth) -> Glyphs {
        Glyphs::chosen(ambiguous, Borders::Line, Markers::Glyph)
    }

    /// The glyphs the `borders` and `markers` settings choose. Lines fall
    /// back to ASCII where ambiguous glyphs are wide.
    pub fn chosen(ambiguous: AmbiguousWidth, borders: Borders, markers: Markers) -> Glyphs {
        let narrow = ambiguous == AmbiguousWidth::Narrow;
        let (rule, frame) = match borders {
            Borders::Line if narrow => ("│", ["┌", "─", "┐", "│", "└", "┘"]),
            Borders::Line | Borders::Ascii => ("|", ["+", "-", "+", "|", "+", "+"]),
            Borders::None => (" ", [" "; 6]),
        };
        let (marks, unstarred) = match markers {
            Markers::Glyph => (
                Marks {
                    unread: "●".into(),
                    read: "·".into(),
                    starred: "★".into(),
                },
                " ",
            ),
            Markers::Text => (marker_words(), ""),
        };
        Glyphs {
            unread: marks.unread,
            read: marks.read,
            starred: marks.starred,
            unstarred,
            new_issue: t!("tree.new"),
            rule,
            ellipsis: "…",
            frame,
        }
    }
}

impl Theme {
    /// This theme with the glyphs the `borders` and `markers` settings choose.
    pub fn with_look(
        mut self,
        ambiguous: AmbiguousWidth,
        borders: Borders,
        markers: Markers,
    ) -> Theme {
        self.glyphs = Glyphs::chosen(ambiguous, borders, markers);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_the_config_accepts_is_drawn() {
        let names = crate::config::THEMES
            .iter()
            .chain(&crate::config::THEME_ALIASES);
        for name in names {
            assert!(
                Theme::named(name, false, AmbiguousWidth::Narrow).is_some(),
                "{name}"
            );
        }
        assert!(Theme::named("solarized", false, AmbiguousWidth::Narrow).is_none());
    }
}
