//! Mouse reporting in a real pseudo-terminal: off unless the config turns
//! it on; when on, SGR reports of the wheel and of clicks reach the panes
//! under the pointer, and quitting turns reporting off before leaving the
//! alternate screen.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::pty_support;

use pty_support::{Session, assert_restored, contains, rfind};

/// Fixed width, so the probe (CSI 6n, 200 ms) does not run.
const NARROW: &str = "--ambiguous-width=narrow";
const FIRST_HEADLINE: &str = "蔡奇在城市副中心调研";
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &[u8] = b"\x1b[?1006l\x1b[?1000l";
/// At 100×30 the Article pane is columns 41..100 (0-based).
const ARTICLE: u16 = 41;

fn start(config: Option<&str>) -> (Session, tempfile::TempDir) {
    start_with(config, &[])
}

fn start_with(config: Option<&str>, flags: &[&str]) -> (Session, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config.unwrap_or("")).unwrap();
    let path = path.to_string_lossy().into_owned();
    let mut args = vec![NARROW, "--config", &path];
    args.extend_from_slice(flags);
    let mut s = Session::start(&args, 100, 30);
    s.wait_for_text(FIRST_HEADLINE);
    s.wait_for_text("1/4");
    (s, dir)
}

/// The Article pane's part of screen row `row`, trimmed.
fn article_row(s: &Session, row: u16) -> String {
    let screen = s.parser.screen();
    let text = screen.rows(ARTICLE, 100 - ARTICLE).nth(row.into());
    text.unwrap_or_default().trim().to_owned()
}

#[test]
fn with_mouse_on_the_wheel_scrolls_the_article_and_a_click_selects() {
    let (mut s, _dir) = start(Some("mouse = true\n"));
    let enter = rfind(&s.bytes, b"\x1b[?1049h").expect("entered the alternate screen");
    assert!(
        contains(&s.bytes[enter..], MOUSE_ON),
        "SGR mouse reporting on"
    );
    // A row of the article with text that the row three above does not
    // hold.
    let row = (4..20)
        .find(|&r| {
            let text = article_row(&s, r);
            !text.is_empty() && !article_row(&s, r - 3).contains(&text)
        })
        .expect("an article row with text");
    let text = article_row(&s, row);
    // One wheel notch down over the article (SGR: button 65, 1-based
    // column and row; a wheel notch has no release).
    s.send(b"\x1b[<65;70;12M");
    s.wait_for_row(row - 3, &text);
    // A tap on the third headline (rows 5 and 6, 0-based): press, release.
    s.send(b"\x1b[<0;20;7M\x1b[<0;20;7m");
    s.wait_for_text("3/4");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0, "{}", s.screen());
    assert_restored(&s.bytes);
    let off = rfind(&s.bytes, MOUSE_OFF).expect("mouse reporting turned off");
    let on = rfind(&s.bytes, MOUSE_ON).unwrap_or(0);
    let leave = rfind(&s.bytes, b"\x1b[?1049l").unwrap_or(0);
    assert!(on < off && off < leave, "on {on}, off {off}, leave {leave}");
}

#[test]
fn with_the_default_config_no_mouse_mode_is_ever_asked_for() {
    let (mut s, _dir) = start(None);
    s.send(b"J");
    s.wait_for_text("2/4");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0, "{}", s.screen());
    assert_restored(&s.bytes);
    for mode in ["1000", "1002", "1003", "1005", "1006", "1015"] {
        let set = format!("\x1b[?{mode}h");
        assert!(!contains(&s.bytes, set.as_bytes()), "?{mode}h");
    }
}

/// Mouse reporting is off before the alternate screen is left in `bytes`'
/// last restore, and was on before it.
fn assert_mouse_off_before_leaving(bytes: &[u8], what: &str) {
    let leave = rfind(bytes, b"\x1b[?1049l").expect("left the alternate screen");
    let on = rfind(&bytes[..leave], MOUSE_ON);
    let off = rfind(&bytes[..leave], MOUSE_OFF);
    assert!(
        on.is_some_and(|on| off.is_some_and(|off| on < off)),
        "{what}: on {on:?}, off {off:?}, leave {leave}"
    );
}

#[test]
fn a_signal_or_a_suspend_turns_mouse_reporting_off_and_resume_back_on() {
    let (mut s, _dir) = start(Some("mouse = true\n"));
    let before = s.bytes.len();
    s.send(b"\x1a");
    s.wait_for_bytes(before, b"\x1b[?1049l");
    assert_mouse_off_before_leaving(&s.bytes, "Ctrl-Z");
    s.wait_stopped();
    let resumed = s.bytes.len();
    s.signal("CONT");
    s.wait_for_bytes(resumed, MOUSE_ON);
    s.wait_for_row(29, "1/4");
    s.signal("TERM");
    assert_eq!(s.wait_exit(), 143);
    assert_restored(&s.bytes);
    assert_mouse_off_before_leaving(&s.bytes, "SIGTERM");
}

/// The command line is over the config: `--mouse` turns reporting on with
/// a config that leaves it off, `--no-mouse` keeps it off with one that
/// turns it on.
#[test]
fn the_command_line_turns_the_mouse_on_or_off_over_the_config() {
    for (config, flag, on) in [
        ("", "--mouse", true),
        ("mouse = true\n", "--no-mouse", false),
    ] {
        let (mut s, _dir) = start_with(Some(config), &[flag]);
        assert_eq!(contains(&s.bytes, MOUSE_ON), on, "{flag} over {config:?}");
        s.send(b"q");
        assert_eq!(s.wait_exit(), 0);
        assert_restored(&s.bytes);
    }
}
