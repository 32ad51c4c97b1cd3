//! The real backend's cost per frame: a one-line scroll of the sample
//! article drawn through `WireBackend` into a byte counter, with moved rows
//! scrolled (the default: the backend searches for a block of rows that
//! reappears shifted), repainted, and scrolled between left/right margins
//! (a terminal that answered DECRQM for DECLRMM), at the phone size, the
//! common size and a large one. The difference is the price of the search
//! the bytes saved buy. Each variant also prints the bytes one line scroll
//! sends, next to what `less` sends per line at 100×30 (156 B, measured in
//! a pty on the same sample: README, "Bytes on the wire").
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::cell::Cell;
use std::hint::black_box;
use std::io;
use std::rc::Rc;

use broadsheet::app::{App, Msg};
use broadsheet::backend::{Moves, Shown, WireBackend};
use broadsheet::keys::parse_key;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// `less`'s bytes per line scrolled at 100×30 on the sample.
const LESS_PER_LINE: usize = 156;

/// Counts what is written.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<usize>>);

impl io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    Scroll,
    Repaint,
    Margins,
}

fn app(width: u16, height: u16) -> App {
    let mut app = support::sample_app(width, height);
    support::send(&mut app, Msg::Key(parse_key("enter").expect("a key spec")));
    support::send(&mut app, Msg::Frame);
    support::near_the_end(&mut app);
    app
}

fn scroll_frames(c: &mut Criterion, (width, height): (u16, u16), how: How) {
    let mut app = app(width, height);
    let counter = Counter::default();
    let backend = WireBackend::new(counter.clone(), Moves::Agreed)
        .with_scrolling(how != How::Repaint)
        .with_margins(how == How::Margins);
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    let mut terminal =
        Terminal::with_options(backend, TerminalOptions { viewport }).expect("a fixed viewport");
    let (down, up) = (parse_key("j").expect("j"), parse_key("k").expect("k"));
    let mut flip = false;
    let name = match how {
        How::Scroll => "scroll",
        How::Repaint => "repaint",
        How::Margins => "margins",
    };
    let theme = support::theme();
    let mut frame = |app: &mut App, terminal: &mut Terminal<WireBackend<Counter>>| {
        flip = !flip;
        support::send(app, Msg::Key(if flip { down } else { up }));
        support::send(app, Msg::Frame);
        let backend = terminal.backend_mut();
        backend.set_scroll_band(broadsheet::ui::article_columns(app));
        let shown = terminal
            .draw(|frame| broadsheet::ui::render(black_box(app), &theme, frame))
            .expect("draw into a counter")
            .buffer
            .clone();
        terminal.backend_mut().shown(shown);
    };
    // Two frames to settle (the first paints everything), then one counted.
    frame(&mut app, &mut terminal);
    frame(&mut app, &mut terminal);
    let before = counter.0.get();
    frame(&mut app, &mut terminal);
    let bytes = counter.0.get() - before;
    eprintln!(
        "line scroll {width}x{height}, {name}: {bytes} B ({:.1}× less's {LESS_PER_LINE} B at 100x30)",
        bytes as f64 / LESS_PER_LINE as f64
    );
    c.bench_function(&format!("line scroll {width}x{height}, {name}"), |b| {
        b.iter(|| frame(&mut app, &mut terminal))
    });
}

fn frames(c: &mut Criterion) {
    for size in [(60, 20), (100, 30), (250, 80)] {
        for how in [How::Scroll, How::Repaint, How::Margins] {
            scroll_frames(c, size, how);
        }
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
