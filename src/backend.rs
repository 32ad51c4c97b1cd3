//! The ratatui backend that writes frames to the terminal, sending as few
//! bytes as it safely can.
//!
//! ratatui-crossterm 0.1.2 sends a cursor move before every cell that does
//! not sit exactly one column after the previous one, so every cell after a
//! double-width glyph costs a `MoveTo` (ratatui#2651; the fix, ratatui#2721,
//! is merged but not released): a Chinese screen costs several times its
//! text. Here a cell right after a wide glyph is printed without a move,
//! but only after glyphs whose width every terminal agrees on (CJK
//! ideographs, kana, hangul syllables, fullwidth forms). After emoji, VS16
//! sequences, ambiguous-width glyphs and anything else multi-column the move
//! stays: terminals disagree on those widths, which is why upstream's first
//! attempt (ratatui#2486) was withdrawn. A VS16 sequence's trailing cell,
//! which ratatui's diff emits on purpose, also gets its move (upstream skips
//! it and shifts the rest of the row, ratatui#2651).
//!
//! Where a move is needed and the cursor is known to be on the same row,
//! a relative move (`CSI n C`) replaces the absolute one: the diff skips
//! unchanged cells mid-row all the time.
//!
//! Styles, modifiers and resets match upstream byte for byte, so
//! `Moves::Upstream` reproduces the unpatched backend for the wire-bytes
//! comparison.
//!
//! Link cells are sent inside OSC 8 hyperlinks when the event loop gives
//! the frame's URLs ([`Shown::set_hyperlinks`]; see [`hyperlink`]).
//!
//! Rows that moved whole (a scrolled article filling the width) are moved
//! with the terminal's scrolling region instead of being repainted; see
//! [`scroll`]. `Moves::Upstream` never scrolls.

mod hyperlink;
mod scroll;

use std::io::{self, Write};

use crossterm::cursor::{Hide, MoveRight, MoveTo, Show};
use crossterm::style::{
    Attribute as CAttribute, Color as CColor, Colors, Print, SetAttribute, SetBackgroundColor,
    SetColors, SetForegroundColor, SetUnderlineColor,
};
use crossterm::terminal::{self, Clear};
use crossterm::{execute, queue};
use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

use crate::typeset::{AmbiguousWidth, width};

/// When the backend may print a cell without moving the cursor first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moves {
    /// After narrow cells and after glyphs every terminal draws two wide.
    Agreed,
    /// ratatui-crossterm 0.1.2: only after a cell one column to the left.
    Upstream,
}

/// A crossterm backend over any writer; see the module comment.
#[derive(Debug)]
pub struct WireBackend<W: Write> {
    writer: W,
    moves: Moves,
    /// Where the cursor was last put. ratatui asks for the cursor position
    /// around every clear and resize; asking the terminal (CSI 6n) would
    /// cost a round trip, wait two seconds on a terminal that does not
    /// answer, and race the event reader for the reply. The screen is all
    /// ours and the cursor hidden, so the last position set is enough.
    cursor: Position,
    /// ratatui hides the cursor after every frame; once is enough.
    cursor_hidden: bool,
    /// The frame the terminal shows, exactly, when known: handed back
    /// through [`Shown`] after each draw, forgotten by anything that may
    /// change the screen otherwise (clear, resize, raw write, a draw not
    /// handed back).
    shown: Option<Buffer>,
    /// Whether to scroll at all (see [`scroll::from_env`]).
    scrolling: bool,
    /// Whether a cursor the frame places is seen ([`CursorSeen`]).
    cursor_seen: bool,
    /// The URL of each link number cells carry (see [`hyperlink`]): link
    /// cells are sent inside OSC 8. Empty: no hyperlinks.
    hyperlinks: Vec<String>,
    /// The terminal said it has left/right margins (DECLRMM, asked with
    /// DECRQM at start): a pane's rows may scroll alone.
    margins: bool,
    /// The columns of the pane whose rows scroll (the Article pane).
    band: Option<(u16, u16)>,
}

/// A backend told, before a draw, whether the cursor the frame places is
/// to be seen. ratatui shows the cursor whenever a frame places it; the
/// reader places it on the focus after every frame (screen readers follow
/// it) and shows it only at the prompt or when the config asks.
pub trait CursorSeen {
    fn cursor_seen(&mut self, seen: bool);
}

impl<W: Write> CursorSeen for WireBackend<W> {
    fn cursor_seen(&mut self, seen: bool) {
        self.cursor_seen = seen;
    }
}

/// A backend told which frame the terminal shows after a draw.
pub trait Shown {
    /// `frame` is what the last `draw` left on the screen (ratatui's
    /// completed frame).
    fn shown(&mut self, frame: Buffer);

    /// Whether the next `draw` uses the frame handed back; when not, the
    /// caller need not copy it.
    fn wants_shown(&self) -> bool;

    /// The URLs of the link numbers the next frame's cells carry
    /// ([`ui::hyperlink::table`](crate::ui::hyperlink::table)).
    fn set_hyperlinks(&mut self, _urls: Vec<String>) {}

    /// The columns (start, end exclusive) of the pane whose rows a frame
    /// may scroll, for a terminal with left/right margins.
    fn set_scroll_band(&mut self, _cols: Option<(u16, u16)>) {}
}

impl<W: Write> Shown for WireBackend<W> {
    fn shown(&mut self, frame: Buffer) {
        self.shown = Some(frame);
    }

    fn wants_shown(&self) -> bool {
        self.scrolling && self.moves == Moves::Agreed
    }

    fn set_hyperlinks(&mut self, urls: Vec<String>) {
        if urls != self.hyperlinks {
            self.hyperlinks = urls;
        }
    }

    fn set_scroll_band(&mut self, cols: Option<(u16, u16)>) {
        self.band = cols;
    }
}

impl<W: Write> WireBackend<W> {
    pub fn new(writer: W, moves: Moves) -> Self {
        WireBackend {
            writer,
            moves,
            cursor: Position::ORIGIN,
            cursor_hidden: false,
            shown: None,
            scrolling: scroll::from_env(),
            cursor_seen: true,
            hyperlinks: Vec::new(),
            margins: false,
            band: None,
        }
    }

    /// Scroll a pane's rows alone between left and right margins: only for
    /// a terminal that said it has them (DECRQM for mode 69).
    pub fn with_margins(mut self, margins: bool) -> Self {
        self.margins = margins;
        self
    }

    /// Scroll moved rows (`true`) or always repaint them.
    pub fn with_scrolling(mut self, scrolling: bool) -> Self {
        self.scrolling = scrolling;
        self
    }

    /// Where the terminal cursor is after printing `cell` at `(x, y)`, when
    /// every terminal agrees on it.
    fn cursor_after(&self, x: u16, y: u16, cell: &Cell) -> Option<Position> {
        let advance = match self.moves {
            Moves::Upstream => 1,
            Moves::Agreed => agreed_advance(cell)?,
        };
        Some(Position::new(x.saturating_add(advance), y))
    }
}

impl<W: Write> WireBackend<W> {
    /// Put the cursor at `(x, y)` when it is not there already. With the
    /// cursor known to be on the same row, left of the target, a relative
    /// move (`CSI n C`, 4–5 bytes) replaces the absolute one (`CSI row ; col
    /// H`, 6–8 bytes): the diff skips unchanged cells mid-row all the time.
    /// A row's first cell at column 0 needs no column either (`CSI row H`).
    fn move_to(&mut self, cursor: Option<Position>, x: u16, y: u16) -> io::Result<()> {
        match cursor {
            Some(at) if at == Position::new(x, y) => Ok(()),
            _ if self.moves == Moves::Upstream => queue!(self.writer, MoveTo(x, y)),
            Some(at) if at.y == y && at.x < x => queue!(self.writer, MoveRight(x - at.x)),
            _ if x == 0 => write!(self.writer, "\x1b[{}H", u32::from(y) + 1),
            _ => queue!(self.writer, MoveTo(x, y)),
        }
    }
}

/// Columns the cursor advances over `cell` in every terminal, or `None`
/// where terminals disagree (or the cell was given a forced width).
fn agreed_advance(cell: &Cell) -> Option<u16> {
    if matches!(cell.diff_option, CellDiffOption::ForcedWidth(_)) {
        // Forced widths mark ambiguous glyphs set wide: the terminal may
        // not draw them so.
        return None;
    }
    let symbol = cell.symbol();
    let mut chars = symbol.chars();
    let first = chars.next()?;
    let single = chars.next().is_none();
    // A control never reaches a cell (text is sanitised, and `typeset`
    // draws pictures for them); if one did, where it leaves the cursor is
    // anyone's guess.
    if symbol.chars().any(char::is_control) {
        return None;
    }
    // Measured as the typesetter measures (narrow: ambiguous glyphs set
    // wide carry a forced width). Multi-code-point graphemes (VS16, ZWJ,
    // combining marks): a narrow one keeps upstream's rule, a wide one gets
    // its move.
    match width::grapheme_width(symbol, AmbiguousWidth::Narrow) {
        1 => Some(1),
        2 if single && is_agreed_wide(first) => Some(2),
        _ => None,
    }
}

/// Characters that every terminal draws two columns wide: East Asian Wide
/// or Fullwidth letters and punctuation that have no emoji presentation and
/// are not East Asian Ambiguous.
pub fn is_agreed_wide(c: char) -> bool {
    matches!(c,
        // Not the conjoining Hangul Jamo (U+1100…): terminals differ on
        // how they combine.
        '\u{2E80}'..='\u{2FDF}'     // CJK and Kangxi radicals
        | '\u{3000}'..='\u{302F}'   // CJK symbols and punctuation, up to the tone marks
        | '\u{3031}'..='\u{303C}'   // ...skipping U+3030 〰 and U+303D 〽 (emoji)
        | '\u{3041}'..='\u{30FF}'   // Hiragana, Katakana
        | '\u{3105}'..='\u{318F}'   // Bopomofo, Hangul compatibility jamo
        | '\u{31F0}'..='\u{31FF}'   // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{AC00}'..='\u{D7A3}'   // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FF01}'..='\u{FF60}'   // Fullwidth ASCII forms
        | '\u{FFE0}'..='\u{FFE6}'   // Fullwidth signs
        | '\u{20000}'..='\u{2FFFD}' // CJK extensions B–F, compatibility supplement
        | '\u{30000}'..='\u{3FFFD}' // CJK extensions G–
    ) && width::char_width(c, AmbiguousWidth::Narrow) == 2
}

impl<W: Write> Write for WireBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Bytes the backend cannot interpret may change the screen.
        self.shown = None;
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// The pen: what the terminal was last told, so unchanged styles are not
/// sent again.
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    fn reset() -> Pen {
        Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
        }
    }

    /// Same commands in the same order as ratatui-crossterm 0.1.2.
    fn set(&mut self, w: &mut impl Write, cell: &Cell) -> io::Result<()> {
        if cell.modifier != self.modifier {
            queue_modifier_diff(w, self.modifier, cell.modifier)?;
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg || cell.bg != self.bg {
            let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
            queue!(w, SetColors(colors))?;
            (self.fg, self.bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != self.underline {
            queue!(w, SetUnderlineColor(cell.underline_color.into_crossterm()))?;
            self.underline = cell.underline_color;
        }
        Ok(())
    }
}

impl<W: Write> Backend for WireBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // Until this frame is handed back, the screen is not known.
        match self.shown.take() {
            Some(shown) if self.wants_shown() => {
                let updates: Vec<_> = content.collect();
                // A scroll saves at most the cells the frame changes.
                if updates.len() <= scroll::OVERHEAD_CELLS {
                    return self.draw_cells(updates.into_iter());
                }
                match scroll::next_screen(&shown, &updates) {
                    Some(next) => self.draw_scrolled(shown, &next, updates),
                    None => self.draw_cells(updates.into_iter()),
                }
            }
            _ => self.draw_cells(content),
        }
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden && self.moves == Moves::Agreed {
            return Ok(());
        }
        self.cursor_hidden = true;
        execute!(self.writer, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        // Placed on the focus but not to be seen: the move that follows
        // (`set_cursor_position`) still puts it there, hidden.
        if !self.cursor_seen {
            return self.hide_cursor();
        }
        self.cursor_hidden = false;
        execute!(self.writer, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        self.cursor = Position { x, y };
        execute!(self.writer, MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use crossterm::terminal::ClearType as C;
        // ratatui's previous buffer is reset (or resized) with a clear.
        self.shown = None;
        let kind = match clear_type {
            ClearType::All => C::All,
            ClearType::AfterCursor => C::FromCursorDown,
            ClearType::BeforeCursor => C::FromCursorUp,
            ClearType::CurrentLine => C::CurrentLine,
            ClearType::UntilNewLine => C::UntilNewLine,
        };
        execute!(self.writer, Clear(kind))
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size::new(size.columns, size.rows),
            pixels: Size::new(size.width, size.height),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

impl<W: Write> WireBackend<W> {
    /// Print `content`, each cell after the move it needs, then reset the
    /// pen.
    fn draw_cells<'a>(
        &mut self,
        content: impl Iterator<Item = (u16, u16, &'a Cell)>,
    ) -> io::Result<()> {
        let mut pen = Pen::reset();
        let mut cursor: Option<Position> = None;
        let mut link = 0;
        for (x, y, cell) in content {
            self.move_to(cursor, x, y)?;
            cursor = self.cursor_after(x, y, cell);
            pen.set(&mut self.writer, cell)?;
            link = hyperlink::switch(&mut self.writer, &self.hyperlinks, link, cell)?;
            queue!(self.writer, Print(cell.symbol()))?;
        }
        hyperlink::close(&mut self.writer, link)?;
        queue!(
            self.writer,
            SetForegroundColor(CColor::Reset),
            SetBackgroundColor(CColor::Reset),
            SetUnderlineColor(CColor::Reset),
            SetAttribute(CAttribute::Reset),
        )
    }
}

/// ratatui-crossterm 0.1.2's `ModifierDiff::queue`, which is private there:
/// removals first (bold and dim share one reset), then additions.
fn queue_modifier_diff(w: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        queue!(w, SetAttribute(CAttribute::NoReverse))?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        queue!(w, SetAttribute(CAttribute::NormalIntensity))?;
        if to.contains(Modifier::DIM) {
            queue!(w, SetAttribute(CAttribute::Dim))?;
        }
        if to.contains(Modifier::BOLD) {
            queue!(w, SetAttribute(CAttribute::Bold))?;
        }
    }
    let removals = [
        (Modifier::ITALIC, CAttribute::NoItalic),
        (Modifier::UNDERLINED, CAttribute::NoUnderline),
        (Modifier::CROSSED_OUT, CAttribute::NotCrossedOut),
        (Modifier::HIDDEN, CAttribute::NoHidden),
    ];
    for (modifier, attribute) in removals {
        if removed.contains(modifier) {
            queue!(w, SetAttribute(attribute))?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        queue!(w, SetAttribute(CAttribute::NoBlink))?;
    }
    let added = to - from;
    let additions = [
        (Modifier::REVERSED, CAttribute::Reverse, true),
        (Modifier::BOLD, CAttribute::Bold, !reset_intensity),
        (Modifier::ITALIC, CAttribute::Italic, true),
        (Modifier::UNDERLINED, CAttribute::Underlined, true),
        (Modifier::DIM, CAttribute::Dim, !reset_intensity),
        (Modifier::CROSSED_OUT, CAttribute::CrossedOut, true),
        (Modifier::HIDDEN, CAttribute::Hidden, true),
        (Modifier::SLOW_BLINK, CAttribute::SlowBlink, true),
        (Modifier::RAPID_BLINK, CAttribute::RapidBlink, true),
    ];
    for (modifier, attribute, allowed) in additions {
        if allowed && added.contains(modifier) {
            queue!(w, SetAttribute(attribute))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
