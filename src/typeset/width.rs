//! The only place that measures display cells.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::AmbiguousWidth;

/// Cells one extended grapheme cluster occupies.
pub fn grapheme_width(grapheme: &str, ambiguous: AmbiguousWidth) -> usize {
    match ambiguous {
        AmbiguousWidth::Narrow => grapheme.width(),
        AmbiguousWidth::Wide => grapheme.width_cjk(),
    }
}

/// Cells a string occupies: the sum over its grapheme clusters.
pub fn str_width(text: &str, ambiguous: AmbiguousWidth) -> usize {
    text.graphemes(true)
        .map(|g| grapheme_width(g, ambiguous))
        .sum()
}
