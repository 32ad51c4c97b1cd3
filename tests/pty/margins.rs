//! Left/right margins (DECLRMM) in two panes: asked with DECRQM in the
//! start-up probe; on xterm's positive answer (simulated here) a line
//! scroll of the Article pane moves only its columns, within twice what
//! `less` sends per line; on a negative answer not a byte differs from
//! today's path.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::pty_support;

use pty_support::{Session, contains};

/// Every frame ends by resetting the pen.
const FRAME_END: &[u8] = b"\x1b[59m\x1b[0m";
/// What `less` sends per line scrolled at 100×30 on the sample (README,
/// "Bytes on the wire").
const LESS_PER_LINE: usize = 156;

/// The reader at 100×30 on the sample, the probe answered with
/// `decrqm` (then the cursor report: narrow), the Article pane focused.
fn start(answer: Option<&[u8]>) -> Session {
    let env = [("TMUX", ""), ("STY", "")];
    let args: &[&str] = match answer {
        Some(_) => &["--ambiguous-width=auto"],
        None => &["--ambiguous-width=narrow"],
    };
    let mut s = Session::start_with(env!("CARGO_BIN_EXE_broadsheet"), args, 100, 30, &env);
    if let Some(answer) = answer {
        s.wait_for_bytes(0, b"\x1b[?69$p");
        s.wait_for_bytes(0, b"\x1b[6n");
        let mut reply = answer.to_vec();
        reply.extend_from_slice(b"\x1b[1;2R");
        s.send(&reply);
    }
    s.wait_for_text("1/4");
    let from = s.bytes.len();
    s.send(b"l");
    s.wait_for_bytes(from, FRAME_END);
    s
}

/// The bytes of the frame `key` draws.
fn frame_after(s: &mut Session, key: &[u8]) -> Vec<u8> {
    let from = s.bytes.len();
    s.send(key);
    s.wait_for_bytes(from, FRAME_END);
    s.bytes[from..].to_vec()
}

#[test]
fn with_margins_a_line_scroll_moves_only_the_article_columns() {
    let mut s = start(Some(b"\x1b[?69;2$y"));
    let mut sizes = Vec::new();
    for _ in 0..3 {
        let bytes = frame_after(&mut s, b"j");
        assert!(
            contains(&bytes, b"\x1b[?69h\x1b[42;100s"),
            "margins on, the Article pane's columns: {:?}",
            String::from_utf8_lossy(&bytes)
        );
        assert!(contains(&bytes, b"\x1b[S\x1b[r\x1b[?69l"), "and off again");
        sizes.push(bytes.len());
    }
    eprintln!("bytes per line scroll with margins at 100x30: {sizes:?}");
    for size in &sizes {
        assert!(
            *size <= 2 * LESS_PER_LINE,
            "{size} B per line scroll, more than 2× less ({LESS_PER_LINE} B): {sizes:?}"
        );
    }
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_terminal_without_margins_gets_exactly_today_s_bytes_and_screen() {
    let mut without = start(Some(b"\x1b[?69;0$y"));
    let mut today = start(None);
    for key in [&b"j"[..], b"j", b"k", b" "] {
        let a = frame_after(&mut without, key);
        let b = frame_after(&mut today, key);
        assert!(!contains(&a, b"?69h"));
        assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
        assert_eq!(without.screen(), today.screen());
    }
    for s in [&mut without, &mut today] {
        s.send(b"q");
        assert_eq!(s.wait_exit(), 0);
    }
}
