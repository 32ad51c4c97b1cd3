//! `broadsheet --linear` in a real terminal (issue 17): a page at a time
//! behind `--more--`, and not one escape sequence written, so a screen
//! reader or the Linux console reads exactly the text.

use crate::pty_support;

use pty_support::{Session, contains};

#[test]
fn an_article_comes_a_page_at_a_time_and_nothing_is_an_escape() {
    let mut s = Session::start(&["--linear"], 60, 12);
    s.wait_for_text("4. 城市副中心党工委");
    s.wait_for_text("> ");
    s.send(b"2\r");
    s.wait_for_text("Article 2 of 4:");
    s.wait_for_text("--more--");
    // The first page stops before the article's end.
    assert!(!s.screen().contains("End of article 2"), "{}", s.screen());
    // Enter goes on, page by page, to the end.
    for _ in 0..20 {
        if s.screen().contains("End of article 2 of 4") {
            break;
        }
        let before = s.bytes.len();
        s.send(b"\r");
        s.wait_for_bytes(before, b"\n");
    }
    s.wait_for_text("End of article 2 of 4");
    // A command typed at `--more--` is answered: the next article, stopped
    // at its first page by `q`, which then quits.
    s.send(b"n\r");
    s.wait_for_text("Article 3 of 4:");
    s.wait_for_text("--more--");
    s.send(b"q\r");
    assert_eq!(s.wait_exit(), 0);
    assert!(!contains(&s.bytes, b"\x1b"), "an escape byte was written");
}
