//! Copy and hyperlinks on the wire: the OSC 52 bytes `Y` and `y` send
//! (plain, and in tmux's passthrough), the cap refused with a message, and
//! OSC 8 around link text, the screen the same with `hyperlinks = false`.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::pty_support;

use base64::Engine;
use pty_support::{Session, contains, rfind};

const NARROW: &str = "--ambiguous-width=narrow";

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The reader on `file` at 80×24 with `config`, outside any multiplexer
/// unless `env` says otherwise, its first article open.
fn start(file: &str, config: &str, env: &[(&str, &str)]) -> (Session, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config).unwrap();
    let path = path.to_string_lossy().into_owned();
    let mut vars = vec![("TMUX", ""), ("STY", "")];
    vars.extend_from_slice(env);
    let args = [NARROW, "--config", &path, file];
    let mut s = Session::start_with(env!("CARGO_BIN_EXE_broadsheet"), &args, 80, 24, &vars);
    s.wait_for_text("article 1/");
    s.send(b"\r");
    s.wait_for_text("Article");
    (s, dir)
}

fn osc52(text: &str) -> Vec<u8> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07").into_bytes()
}

fn citation_of_the_first_article(file: &str) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let issue = broadsheet::sources::read_issue(&text, None);
    broadsheet::app::citation(&issue, &issue.articles[0])
}

#[test]
fn capital_y_sends_the_citation_in_osc_52_and_says_its_size() {
    let file = fixture("pages/fuzhongxin_2026-03-05.xml");
    let (mut s, _dir) = start(&file, "", &[]);
    let citation = citation_of_the_first_article(&file);
    assert!(
        citation.starts_with("《副中心日报》2026年3月5日 第1版《"),
        "{citation}"
    );
    let from = s.bytes.len();
    s.send(b"Y");
    s.wait_for_bytes(from, &osc52(&citation));
    s.wait_for_text(&format!(
        "copied the citation ({} B) to the terminal (OSC 52)",
        citation.len()
    ));
    assert!(
        !contains(&s.bytes[from..], b"\x1bPtmux;"),
        "no passthrough outside tmux"
    );
    s.send(b"q");
    s.wait_exit();
}

#[test]
fn inside_tmux_the_copy_is_sent_plain_and_in_passthrough() {
    let file = fixture("bare-links-2022-02-14.md");
    let (mut s, _dir) = start(&file, "", &[("TMUX", "/tmp/tmux-0/default,1,0")]);
    let from = s.bytes.len();
    s.send(b"L");
    s.wait_for_text(" Links ");
    s.send(b"y");
    let url =
        "https://www.qualcomm.com/news/releases/2022/02/snapdragon-platform?lang=zh&ref=bjfzx";
    let plain = osc52(url);
    let mut wrapped = b"\x1bPtmux;".to_vec();
    for &b in &plain {
        if b == 0x1b {
            wrapped.push(0x1b);
        }
        wrapped.push(b);
    }
    wrapped.extend_from_slice(b"\x1b\\");
    let mut both = plain.clone();
    both.extend_from_slice(&wrapped);
    s.wait_for_bytes(from, &both);
    s.wait_for_text("copied link 1");
    s.send(b"q");
    s.send(b"q");
    s.wait_exit();
}

#[test]
fn a_text_over_the_cap_is_refused_with_a_message_and_nothing_sent() {
    let file = fixture("bare-links-2022-02-14.md");
    let (mut s, _dir) = start(&file, "osc52_max_bytes = 64\n", &[]);
    let from = s.bytes.len();
    s.send(b"y");
    s.wait_for_text("not copied");
    s.wait_for_text("osc52_max_bytes (64 B)");
    assert!(!contains(&s.bytes[from..], b"\x1b]52;"), "nothing sent");
    s.send(b"q");
    s.wait_exit();
}

#[test]
fn osc52_off_says_how_to_copy_instead() {
    let file = fixture("bare-links-2022-02-14.md");
    let (mut s, _dir) = start(&file, "osc52 = false\n", &[]);
    let from = s.bytes.len();
    s.send(b"Y");
    s.wait_for_text("copying is off");
    assert!(!contains(&s.bytes[from..], b"\x1b]52;"));
    s.send(b"q");
    s.wait_exit();
}

/// The last screen drawn before the reader left the alternate screen.
fn last_screen(bytes: &[u8]) -> Vec<u8> {
    let end = rfind(bytes, b"\x1b[?1049l").unwrap_or(bytes.len());
    let mut parser = vt100::Parser::new(24, 80, 0);
    parser.process(&bytes[..end]);
    parser.screen().contents_formatted()
}

#[test]
fn link_text_is_an_osc_8_hyperlink_and_off_leaves_the_screen_as_it_was() {
    let file = fixture("bare-links-2022-02-14.md");
    let url =
        "https://www.qualcomm.com/news/releases/2022/02/snapdragon-platform?lang=zh&ref=bjfzx";
    let run = |config: &str| {
        let (mut s, dir) = start(&file, config, &[]);
        s.wait_for_text("desk@bjfzx.example");
        s.send(b"q");
        s.wait_exit();
        drop(dir);
        let screen = last_screen(&s.bytes);
        (s, screen)
    };
    let (on, on_screen) = run("");
    let open = format!("\x1b]8;id=1;{url}\x1b\\");
    assert!(contains(&on.bytes, open.as_bytes()), "no OSC 8 for the URL");
    assert!(contains(
        &on.bytes,
        b"\x1b]8;id=2;mailto:desk@bjfzx.example\x1b\\"
    ));
    assert!(contains(&on.bytes, b"\x1b]8;;\x1b\\"), "closed");
    let (off, off_screen) = run("hyperlinks = false\n");
    assert!(!contains(&off.bytes, b"\x1b]8;"), "no OSC 8 when off");
    // The same screen either way, colours and underlines included. (Not
    // the same byte stream: how many frames a run draws before `q`
    // depends on timing.)
    let on_screen = String::from_utf8_lossy(&on_screen);
    assert!(on_screen.contains("desk@bjfzx.example"), "{on_screen}");
    assert_eq!(on_screen, String::from_utf8_lossy(&off_screen));
}

#[test]
fn term_dumb_or_linux_gets_no_hyperlinks() {
    let file = fixture("bare-links-2022-02-14.md");
    for term in ["linux", "dumb"] {
        let (mut s, _dir) = start(&file, "", &[("TERM", term)]);
        s.wait_for_text("desk@bjfzx.example");
        s.send(b"q");
        s.wait_exit();
        assert!(!contains(&s.bytes, b"\x1b]8;"), "TERM={term}");
    }
}
