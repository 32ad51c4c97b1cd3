//! Typesetting: display width, line breaking with Chinese/Japanese rules,
//! paragraph indent and display normalisation. Pure functions of text; knows
//! neither ratatui nor the model. Lines are byte ranges into the text.
//!
//! * `width`: the only place that measures (grapheme clusters, unicode-width
//!   0.2.3, the ambiguous-width policy, tabs and control placeholders).
//! * `clusters`: grapheme clusters with a fast path for text that cannot join.
//! * `classes`, `breaks`: the clreq character sets per level and the tailored
//!   UAX #14 break opportunities.
//! * `linebreak`: first-fit `wrap`; `display`: `display_line`, drawn with the
//!   same per-cluster rule `wrap` measures with.
//! * `url`: where a URL may break (after `/ . ? & =`, never after `https://`).
//! * `paragraph`: the CJK first-line indent; `heading`: headlines broken at
//!   their phrase spaces and balanced.
//! * `script`: 繁简, Chinese shown in simplified or traditional characters
//!   with every character at its source offset; a string is converted
//!   whole (`shown`), then wrapped and drawn like the source.

pub mod breaks;
pub mod classes;
pub mod clusters;
pub mod display;
pub mod heading;
pub mod linebreak;
pub mod paragraph;
pub mod script;
mod terms;
pub mod url;
pub mod widow;
pub mod width;
pub mod words;

pub use display::{display_line, display_text, line_width, shown};
pub use heading::wrap_heading;
pub use linebreak::wrap;
pub use paragraph::{first_line_indent, is_cjk_paragraph, is_list_item};
pub use script::Script;
pub use width::{TAB_WIDTH, grapheme_width, str_width};

/// How East Asian *Ambiguous* characters (`“ ” — … ·`) are measured.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    clap::ValueEnum,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
pub enum AmbiguousWidth {
    /// One cell: most terminals.
    #[default]
    Narrow,
    /// Two cells: terminals set for CJK.
    Wide,
}

/// Line-start/line-end prohibition level (clreq), ordered from none to
/// strict: each level forbids everything the one before it does.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    PartialOrd,
    Ord,
    clap::ValueEnum,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Kinsoku {
    /// Plain UAX #14 (with the Unicode 16 quote rule): no clreq additions.
    None,
    /// clreq basic: no `，。、；：？！）》」”’·～／` or ASCII `,.;:?!)]}`,
    /// lone `—`, `…` at a line start; no `（《「“‘` or ASCII `([{` at a line end.
    #[default]
    Basic,
    /// Basic, and no `/` `／` at a line end.
    Gb,
    /// Gb, and `——` never starts a line.
    Strict,
}

/// Whether ASCII punctuation inside Chinese is shown as printed or as its
/// fullwidth form. Display only: the source text never changes.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    clap::ValueEnum,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Punctuation {
    #[default]
    AsIs,
    Fullwidth,
}

/// Everything that changes where lines break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Options {
    pub ambiguous: AmbiguousWidth,
    pub kinsoku: Kinsoku,
    pub punctuation: Punctuation,
    /// Which characters Chinese is shown in (display only, like
    /// `punctuation`): see `script`.
    pub script: Script,
    /// Give CJK paragraphs the customary two-character first-line indent.
    pub indent: bool,
    /// Allow a lone character on a paragraph's last line (see `widow`).
    pub widows: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ambiguous: AmbiguousWidth::default(),
            kinsoku: Kinsoku::default(),
            punctuation: Punctuation::default(),
            script: Script::default(),
            indent: true,
            widows: false,
        }
    }
}
