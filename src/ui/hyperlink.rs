//! Which cells are hyperlinks (OSC 8), carried on the cells themselves so
//! that ratatui's diff sees a link change like any style change.
//!
//! ratatui 0.30 has no hyperlink in its `Cell`. Its `Modifier` is a `u16`
//! of which SGR uses nine bits; a link cell carries its link's number in the
//! seven bits above them ([`LINK_SHIFT`]). The backend turns the number back
//! into the URL through [`table`] (the same function of the app, so the two
//! always agree) and never sends the bits as SGR. Links are numbered as `L`
//! and `dump` number them, so a number means the same URL in every frame of
//! an article and an unchanged link is never repainted.

use ratatui::style::{Modifier, Style};

use crate::app::{App, link_notes};

/// The first bit of the link number in a cell's `Modifier`.
pub const LINK_SHIFT: u32 = 9;
/// The most links an article can have as hyperlinks (seven bits); later
/// ones are underlined but not clickable.
pub const MAX_LINKS: usize = 127;

/// The style that makes a cell part of link `number` (1-based).
pub fn link_style(number: usize) -> Style {
    match u16::try_from(number) {
        Ok(n) if (1..=MAX_LINKS).contains(&number) => {
            Style::default().add_modifier(Modifier::from_bits_retain(n << LINK_SHIFT))
        }
        _ => Style::default(),
    }
}

/// The link number a cell's modifier carries; 0 for none.
pub fn link_number(modifier: Modifier) -> usize {
    usize::from(modifier.bits() >> LINK_SHIFT)
}

/// The URLs of the links on screen, link `n` at index `n - 1`: the current
/// article's, in `L`'s order. Empty when hyperlinks are off.
pub fn table(app: &App) -> Vec<String> {
    if !app.settings.hyperlinks {
        return Vec::new();
    }
    let Some(article) = app.current_article() else {
        return Vec::new();
    };
    let mut urls: Vec<String> = link_notes(article).into_iter().map(|n| n.url).collect();
    urls.truncate(MAX_LINKS);
    urls
}

/// Link `url`'s number in `table`, if it is a hyperlink.
pub fn number_of(table: &[String], url: &str) -> Option<usize> {
    table.iter().position(|u| u == url).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_round_trips_and_leaves_sgr_bits_alone() {
        for n in [1, 2, 64, MAX_LINKS] {
            let style = link_style(n);
            assert_eq!(link_number(style.add_modifier), n);
            assert!((style.add_modifier & Modifier::all()).is_empty());
        }
        assert_eq!(link_style(0), Style::default());
        assert_eq!(link_style(MAX_LINKS + 1), Style::default());
        assert_eq!(link_number(Modifier::all()), 0);
    }
}
