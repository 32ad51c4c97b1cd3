//! Scrolling rows the terminal already shows instead of repainting them.
//!
//! ratatui diffs each frame against the frame before, so a one-line scroll
//! of the article repaints every row of it. Knowing exactly what the
//! terminal shows (the last frame drawn, handed back by the event loop
//! through [`Shown`](super::Shown)), the backend can instead look for a
//! block of rows that moved up or down whole, shift them with the
//! terminal's scrolling region (DECSTBM, then `CSI n S` or `CSI n T`), and
//! paint only what the shifted screen still lacks.
//!
//! The block is found, not hinted: the rows of the next frame are matched
//! against the rows shown, shifted by every distance. A row only matches
//! when it is the same across the whole width, so a pane beside the article
//! (two panes, a popup over it) breaks the block and nothing is scrolled.
//! Correctness never depends on the choice: the cells sent afterwards are
//! ratatui's own diff between the shifted screen and the next frame, so a
//! poor choice costs bytes, never a wrong screen. What it does depend on is
//! the shown screen being exact; anything that might have changed the
//! terminal behind the backend's back (a clear, a resize, a raw write, a
//! failed draw) forgets it until the next frame is handed back.

use std::io::{self, Write};

use crossterm::cursor::MoveTo;
use crossterm::queue;
use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::Position;

use super::WireBackend;

/// Whether rows that moved are scrolled rather than repainted, unless
/// `BROADSHEET_WIRE` says otherwise (`scroll`, `noscroll`). The output
/// audit (tests/pty/hostile_reader.rs) allows the three sequences this adds:
/// `CSI t;b r`, `CSI n S`, `CSI n T`.
const SCROLLING: bool = true;

/// `BROADSHEET_WIRE=scroll` or `noscroll` over [`SCROLLING`], for the
/// wire-bytes comparison and the screen tests.
pub fn from_env() -> bool {
    match std::env::var_os("BROADSHEET_WIRE") {
        Some(v) if v == "scroll" => true,
        Some(v) if v == "noscroll" => false,
        _ => SCROLLING,
    }
}

impl<W: Write> WireBackend<W> {
    /// Turn the screen `shown` into `next`: by a scroll and the cells the
    /// scrolled screen lacks when one saves bytes, otherwise by `updates`
    /// (ratatui's diff) as they are.
    pub(super) fn draw_scrolled(
        &mut self,
        mut shown: Buffer,
        next: &Buffer,
        updates: Vec<(u16, u16, &Cell)>,
    ) -> io::Result<()> {
        let band = self.band.filter(|_| self.margins);
        let chosen = band
            .and_then(|cols| choose_in(&shown, next, cols))
            .or_else(|| choose(&shown, next));
        let Some(chosen) = chosen else {
            return self.draw_cells(updates.into_iter());
        };
        write(&mut self.writer, chosen)?;
        shift(&mut shown, chosen);
        let cells = shown.diff(next);
        if cells.is_empty() {
            // DECSTBM homed the cursor; put it back where ratatui left it.
            let Position { x, y } = self.cursor;
            queue!(self.writer, MoveTo(x, y))?;
        }
        self.draw_cells(cells.into_iter())
    }
}

/// Rows `top..=bottom` (0-based) moved by `lines`: up (the content moves
/// towards the top, `CSI S`) or down (`CSI T`); across the full width, or
/// only in columns `cols` (0-based, end exclusive) between left and right
/// margins (DECLRMM).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    pub top: u16,
    pub bottom: u16,
    pub lines: u16,
    pub up: bool,
    pub cols: Option<(u16, u16)>,
}

/// Bytes a scroll costs on the wire over a plain frame, counted as cells:
/// SGR reset, region, scroll, region reset, one absolute move.
pub const OVERHEAD_CELLS: usize = 24;

/// The screen the next frame shows: `shown` with `updates` applied; `None`
/// when an update falls outside it (the size changed unnoticed).
pub fn next_screen(shown: &Buffer, updates: &[(u16, u16, &Cell)]) -> Option<Buffer> {
    let mut next = shown.clone();
    for &(x, y, cell) in updates {
        *next.cell_mut((x, y))? = cell.clone();
    }
    Some(next)
}

/// Bytes the margins add to a scroll, counted as cells: DECLRMM on and
/// off, DECSLRM.
pub const MARGIN_OVERHEAD_CELLS: usize = 20;

/// The scroll that saves the most cells turning `shown` into `next`, if
/// one saves more than it costs.
pub fn choose(shown: &Buffer, next: &Buffer) -> Option<Scroll> {
    let width = shown.area.width;
    best(&Rows::new(shown, next, (0, width))?, OVERHEAD_CELLS)
}

/// Like [`choose`], matching rows only in columns `cols` (a pane), for a
/// scroll between left and right margins. `None` when the band is the
/// full width (that is [`choose`]) or a wide glyph straddles its edges.
pub fn choose_in(shown: &Buffer, next: &Buffer, cols: (u16, u16)) -> Option<Scroll> {
    let width = shown.area.width;
    if cols.0 >= cols.1 || cols.1 > width || (cols.0 == 0 && cols.1 == width) {
        return None;
    }
    let rows = Rows::new(shown, next, cols)?;
    if straddles(shown, cols) || straddles(next, cols) {
        return None;
    }
    let found = best(&rows, OVERHEAD_CELLS + MARGIN_OVERHEAD_CELLS)?;
    Some(Scroll {
        cols: Some(cols),
        ..found
    })
}

/// Whether a wide glyph in `buffer` covers a column on both sides of one
/// of `cols`' edges, where a margin would cut it.
fn straddles(buffer: &Buffer, (left, right): (u16, u16)) -> bool {
    let width = usize::from(buffer.area.width);
    let rows = buffer.content.chunks(width.max(1));
    rows.into_iter().any(|row| {
        let mut x = 0usize;
        for cell in visible(row) {
            let w = usize::from(cell.cell_width().max(1));
            let (start, end) = (x, x + w);
            for edge in [usize::from(left), usize::from(right)] {
                if start < edge && edge < end {
                    return true;
                }
            }
            x = end;
        }
        false
    })
}

fn best(rows: &Rows<'_>, overhead: usize) -> Option<Scroll> {
    let height = rows.height;
    let mut best: Option<(usize, Scroll)> = None;
    for lines in 1..height {
        for up in [true, false] {
            for scroll in rows.blocks(lines, up) {
                let saved = rows.saving(scroll);
                if saved > overhead && best.is_none_or(|(most, _)| saved > most) {
                    best = Some((saved, scroll));
                }
            }
        }
    }
    best.map(|(_, scroll)| scroll)
}

/// Move `screen`'s rows as the terminal does for `scroll`; the rows that
/// come in are blank with the default style (the SGR is reset first).
pub fn shift(screen: &mut Buffer, scroll: Scroll) {
    if let Some(cols) = scroll.cols {
        return shift_band(screen, scroll, cols);
    }
    let width = usize::from(screen.area.width);
    let (top, bottom) = (usize::from(scroll.top), usize::from(scroll.bottom));
    let lines = usize::from(scroll.lines);
    let region = &mut screen.content[top * width..(bottom + 1) * width];
    if scroll.up {
        region.rotate_left(lines * width);
        let len = region.len();
        region[len - lines * width..].fill(Cell::EMPTY);
    } else {
        region.rotate_right(lines * width);
        region[..lines * width].fill(Cell::EMPTY);
    }
}

/// [`shift`] between left and right margins: only columns `cols` move.
fn shift_band(screen: &mut Buffer, scroll: Scroll, (left, right): (u16, u16)) {
    let width = usize::from(screen.area.width);
    let (left, right) = (usize::from(left), usize::from(right));
    let (top, bottom) = (usize::from(scroll.top), usize::from(scroll.bottom));
    let lines = usize::from(scroll.lines);
    let band = |y: usize| y * width + left..y * width + right;
    let rows: Vec<usize> = if scroll.up {
        (top..=bottom).collect()
    } else {
        (top..=bottom).rev().collect()
    };
    for (k, &y) in rows.iter().enumerate() {
        match rows.get(k + lines) {
            Some(&from) => {
                let (dst, src) = (band(y), band(from));
                let moved: Vec<Cell> = screen.content[src].to_vec();
                screen.content[dst].clone_from_slice(&moved);
            }
            None => screen.content[band(y)].fill(Cell::EMPTY),
        }
    }
}

/// Send `scroll`. DECSTBM and its reset both home the cursor (DECSLRM
/// too), so the caller must not trust where the cursor was. Between
/// margins: DECLRMM on (`CSI ? 69 h`), DECSLRM (`CSI l ; r s`), the
/// region and the scroll, then DECLRMM off, which also resets the margins.
pub fn write(w: &mut impl Write, scroll: Scroll) -> io::Result<()> {
    let verb = if scroll.up { 'S' } else { 'T' };
    // `CSI S` means one line; every byte counts on a slow link.
    let count = match scroll.lines {
        1 => String::new(),
        n => n.to_string(),
    };
    let (top, bottom) = (u32::from(scroll.top) + 1, u32::from(scroll.bottom) + 1);
    match scroll.cols {
        None => write!(w, "\x1b[m\x1b[{top};{bottom}r\x1b[{count}{verb}\x1b[r"),
        Some((left, right)) => write!(
            w,
            "\x1b[m\x1b[?69h\x1b[{};{}s\x1b[{top};{bottom}r\x1b[{count}{verb}\x1b[r\x1b[?69l",
            u32::from(left) + 1,
            u32::from(right),
        ),
    }
}

/// Per-row facts for comparing `shown` and `next`.
struct Rows<'a> {
    shown: &'a Buffer,
    next: &'a Buffer,
    /// The buffers' width; the band is `left..left + width`.
    full: usize,
    left: usize,
    width: usize,
    height: usize,
    /// Cells the plain diff would send for each row (changed in place).
    in_place: Vec<usize>,
    /// Cells a blank row would need for each row of `next`.
    from_blank: Vec<usize>,
    shown_hash: Vec<u64>,
    next_hash: Vec<u64>,
}

impl<'a> Rows<'a> {
    /// The rows of `shown` and `next` in columns `cols.0..cols.1`.
    fn new(shown: &'a Buffer, next: &'a Buffer, cols: (u16, u16)) -> Option<Rows<'a>> {
        if shown.area != next.area || shown.area.x != 0 || shown.area.y != 0 {
            return None;
        }
        let full = usize::from(shown.area.width);
        let height = usize::from(shown.area.height);
        let (left, right) = (usize::from(cols.0), usize::from(cols.1).min(full));
        let width = right.saturating_sub(left);
        if width == 0 || height < 2 {
            return None;
        }
        let row =
            move |buffer: &'a Buffer, y: usize| &buffer.content[y * full + left..y * full + right];
        let differing = |a: &[Cell], b: &[Cell]| a.iter().zip(b).filter(|(a, b)| a != b).count();
        let hash = |cells: &[Cell]| {
            use std::hash::{Hash, Hasher};
            let mut hasher = Fnv::default();
            visible(cells).for_each(|cell| cell.hash(&mut hasher));
            hasher.finish()
        };
        Some(Rows {
            in_place: (0..height)
                .map(|y| differing(row(shown, y), row(next, y)))
                .collect(),
            from_blank: (0..height)
                .map(|y| row(next, y).iter().filter(|c| **c != Cell::EMPTY).count())
                .collect(),
            shown_hash: (0..height).map(|y| hash(row(shown, y))).collect(),
            next_hash: (0..height).map(|y| hash(row(next, y))).collect(),
            shown,
            next,
            full,
            left,
            width,
            height,
        })
    }

    /// Row `y`'s cells in the band.
    fn row_of(&self, buffer: &'a Buffer, y: usize) -> &'a [Cell] {
        let start = y * self.full + self.left;
        &buffer.content[start..start + self.width]
    }

    /// Whether row `y` of `next` is row `from` of `shown`.
    fn same(&self, y: usize, from: usize) -> bool {
        self.next_hash[y] == self.shown_hash[from]
            && visible(self.row_of(self.next, y)).eq(visible(self.row_of(self.shown, from)))
    }

    /// Every maximal block of rows that moved by `lines` in that direction,
    /// as the scroll that would move it.
    fn blocks(&self, lines: usize, up: bool) -> Vec<Scroll> {
        let mut found = Vec::new();
        let mut run: Option<usize> = None;
        // Rows of `next` that can have come from `shown` at this distance.
        let (first, last) = if up {
            (0, self.height - lines)
        } else {
            (lines, self.height)
        };
        for y in first..=last {
            let moved = y < last && self.same(y, if up { y + lines } else { y - lines });
            match (moved, run) {
                (true, None) => run = Some(y),
                (false, Some(start)) => {
                    run = None;
                    let (top, bottom) = if up {
                        (start, y - 1 + lines)
                    } else {
                        (start - lines, y - 1)
                    };
                    found.push(Scroll {
                        top: to_u16(top),
                        bottom: to_u16(bottom),
                        lines: to_u16(lines),
                        up,
                        cols: None,
                    });
                }
                _ => {}
            }
        }
        found
    }

    /// Cells saved by `scroll`: the moved rows' in-place changes, less what
    /// the blank rows that come in need beyond their in-place changes.
    fn saving(&self, scroll: Scroll) -> usize {
        let (top, bottom) = (usize::from(scroll.top), usize::from(scroll.bottom));
        let lines = usize::from(scroll.lines);
        let (moved, fresh) = if scroll.up {
            (top..=bottom - lines, bottom + 1 - lines..=bottom)
        } else {
            (top + lines..=bottom, top..=top + lines - 1)
        };
        let saved: usize = moved.map(|y| self.in_place[y]).sum();
        let extra: usize = fresh
            .map(|y| self.from_blank[y].saturating_sub(self.in_place[y]))
            .sum();
        saved.saturating_sub(extra)
    }
}

/// The cells of a row the terminal shows: not those under a wide glyph.
/// What ratatui keeps there is never sent (its diff skips them), and the
/// next frame, being the shown one with ratatui's diff applied, keeps stale
/// values there; two rows whose visible cells agree look the same.
fn visible(row: &[Cell]) -> impl Iterator<Item = &Cell> {
    let mut covered = 0;
    row.iter().filter(move |cell| {
        if covered > 0 {
            covered -= 1;
            return false;
        }
        covered = cell.cell_width().saturating_sub(1);
        true
    })
}

/// FNV-1a. Every row is hashed every frame, and SipHash's defence against
/// chosen collisions buys nothing here: a collision costs one comparison.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Rows and distances come from a `Buffer`'s `u16` area.
fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests;
