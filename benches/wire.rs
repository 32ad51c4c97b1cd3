//! The real backend's cost per frame: a one-line scroll of the sample
//! article drawn through `WireBackend` into a sink, with moved rows scrolled
//! (the default: the backend searches for a block of rows that reappears
//! shifted) and repainted, at the phone size, the common size and a large
//! one. The difference is the price of the search the bytes saved buy.
// A bench that cannot set up has nothing to measure: it may stop there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::hint::black_box;
use std::io;

use broadsheet::app::{App, Msg};
use broadsheet::backend::{Moves, Shown, WireBackend};
use broadsheet::keys::parse_key;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn app(width: u16, height: u16) -> App {
    let mut app = support::sample_app(width, height);
    support::send(&mut app, Msg::Key(parse_key("enter").expect("a key spec")));
    support::send(&mut app, Msg::Frame);
    support::near_the_end(&mut app);
    app
}

fn scroll_frames(c: &mut Criterion, (width, height): (u16, u16), scrolling: bool) {
    let mut app = app(width, height);
    let backend = WireBackend::new(io::sink(), Moves::Agreed).with_scrolling(scrolling);
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    let mut terminal =
        Terminal::with_options(backend, TerminalOptions { viewport }).expect("a fixed viewport");
    let (down, up) = (parse_key("j").expect("j"), parse_key("k").expect("k"));
    let mut flip = false;
    let how = if scrolling { "scroll" } else { "repaint" };
    let theme = support::theme();
    c.bench_function(&format!("line scroll {width}x{height}, {how}"), |b| {
        b.iter(|| {
            flip = !flip;
            support::send(&mut app, Msg::Key(if flip { down } else { up }));
            support::send(&mut app, Msg::Frame);
            let shown = terminal
                .draw(|frame| broadsheet::ui::render(black_box(&app), &theme, frame))
                .expect("draw into a sink")
                .buffer
                .clone();
            terminal.backend_mut().shown(shown);
        })
    });
}

fn frames(c: &mut Criterion) {
    for size in [(60, 20), (100, 30), (250, 80)] {
        for scrolling in [true, false] {
            scroll_frames(c, size, scrolling);
        }
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
