//! Where a search hit falls on the article's lines. A hit is a byte range
//! of one article string; a line is another byte range of that string, but
//! what is drawn is `display_line`'s text, whose cells may differ from the
//! source (a tab is four spaces, a control one picture, `,` becomes `，`
//! with `punctuation = fullwidth`). So the line's source clusters are
//! walked with the typesetter's own rule for the cells each one takes,
//! the rule `display_line` draws with, and the two never disagree.

use std::ops::Range;

use crate::layout::Line;
use crate::typeset::Options;
use crate::typeset::clusters::{Clusters, char_before};
use crate::typeset::display::cluster_cells;

/// The cells of `line` that draw source bytes `hit` of `text` (the string
/// the line is cut from), counted from where the line's text starts (after
/// its indent); `None` when the hit is not on this line. `room` is the
/// width the line was drawn at. A cluster the hit only partly covers counts
/// whole, so a wide glyph is never half lit.
pub(crate) fn hit_cells(
    text: &str,
    line: &Line,
    room: usize,
    hit: &Range<usize>,
    options: &Options,
) -> Option<Range<usize>> {
    let range = line.range.clone();
    if hit.start >= range.end || hit.end <= range.start || room == 0 {
        return None;
    }
    text.get(range.clone())?;
    let mut prev = char_before(text, range.start);
    let (mut col, mut lit) = (0, None::<Range<usize>>);
    for cluster in Clusters::new(text, range.start).take_while(|c| c.start < range.end) {
        if cluster.start >= hit.end {
            break;
        }
        let (cells, _) = cluster_cells(text, &cluster, prev, room, options);
        prev = cluster.last(text);
        if cluster.end > hit.start {
            let start = lit.as_ref().map_or(col, |l| l.start);
            lit = Some(start..col + cells);
        }
        col += cells;
    }
    lit.filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Role, TextRef};
    use crate::typeset::Punctuation;

    fn line(range: Range<usize>) -> Line {
        Line {
            role: Role::Body,
            text: TextRef::Block(0),
            range,
            indent: 0,
        }
    }

    fn cells(text: &str, hit: &str, options: &Options) -> Option<Range<usize>> {
        let start = text.find(hit).unwrap();
        let hit = start..start + hit.len();
        hit_cells(text, &line(0..text.len()), 40, &hit, options)
    }

    #[test]
    fn wide_glyphs_take_two_cells_each() {
        let options = Options::default();
        assert_eq!(cells("北京盘活资源", "盘活", &options), Some(4..8));
        assert_eq!(cells("ab盘活", "b盘", &options), Some(1..4));
    }

    #[test]
    fn tabs_and_fullwidth_punctuation_move_the_cells() {
        let options = Options::default();
        assert_eq!(cells("a\tb盘", "盘", &options), Some(6..8));
        let fullwidth = Options {
            punctuation: Punctuation::Fullwidth,
            ..Options::default()
        };
        assert_eq!(cells("北京,盘活", "盘", &options), Some(5..7));
        assert_eq!(cells("北京,盘活", "盘", &fullwidth), Some(6..8));
        assert_eq!(cells("北京,盘活", ",", &fullwidth), Some(4..6));
    }

    #[test]
    fn a_hit_over_two_lines_lights_its_part_of_each() {
        let text = "甲乙丙丁";
        let hit = 3..9; // 乙丙
        let first = hit_cells(text, &line(0..6), 40, &hit, &Options::default());
        let second = hit_cells(text, &line(6..12), 40, &hit, &Options::default());
        assert_eq!((first, second), (Some(2..4), Some(0..2)));
        assert_eq!(
            hit_cells(text, &line(9..12), 40, &hit, &Options::default()),
            None
        );
    }
}
