//! OSC 8 hyperlinks around link cells: `ESC ] 8 ; id=N ; URL ESC \`
//! before a run of cells of link N, `ESC ] 8 ; ; ESC \` after it. The link
//! number rides on the cell (`ui::hyperlink`), so the diff repaints a cell
//! whose link changed; a hyperlink is a pen attribute, kept over cursor
//! moves, so a run broken by unchanged cells is reopened only where a
//! printed cell's link differs from the last one printed.

use std::io::{self, Write};

use ratatui::buffer::Cell;

use crate::ui::hyperlink::link_number;

/// Open or close a hyperlink so that `cell` is printed inside its link;
/// the link now open (0 for none).
pub(super) fn switch(
    w: &mut impl Write,
    urls: &[String],
    open: usize,
    cell: &Cell,
) -> io::Result<usize> {
    let number = link_number(cell.modifier);
    let url = number.checked_sub(1).and_then(|i| urls.get(i));
    let want = if url.is_some() { number } else { 0 };
    if want == open {
        return Ok(open);
    }
    close(w, open)?;
    if let Some(url) = url {
        write!(w, "\x1b]8;id={want};")?;
        write_uri(w, url)?;
        w.write_all(b"\x1b\\")?;
    }
    Ok(want)
}

/// End hyperlink `open`, if any.
pub(super) fn close(w: &mut impl Write, open: usize) -> io::Result<()> {
    if open == 0 {
        return Ok(());
    }
    w.write_all(b"\x1b]8;;\x1b\\")
}

/// `url` as OSC 8 wants it: printable ASCII only. Every other byte
/// (UTF-8 of an IRI; a control, though `parse` already encodes those) is
/// percent-encoded, so nothing in a URL can end the sequence early.
fn write_uri(w: &mut impl Write, url: &str) -> io::Result<()> {
    for &byte in url.as_bytes() {
        if (0x21..0x7f).contains(&byte) {
            w.write_all(&[byte])?;
        } else {
            write!(w, "%{byte:02X}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::hyperlink::link_style;
    use ratatui::style::Style;

    fn cell(number: usize) -> Cell {
        let mut cell = Cell::new("a");
        cell.set_style(Style::default().patch(link_style(number)));
        cell
    }

    #[test]
    fn a_run_opens_once_and_closes_once() {
        let urls = vec![
            "https://a.example/".to_owned(),
            "https://b.example/é\x1b".to_owned(),
        ];
        let mut out = Vec::new();
        let mut open = 0;
        for number in [0, 1, 1, 2, 0] {
            open = switch(&mut out, &urls, open, &cell(number)).unwrap();
        }
        close(&mut out, open).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\x1b]8;id=1;https://a.example/\x1b\\\x1b]8;;\x1b\\\
             \x1b]8;id=2;https://b.example/%C3%A9%1B\x1b\\\x1b]8;;\x1b\\"
        );
    }

    #[test]
    fn a_number_without_a_url_is_no_link() {
        let mut out = Vec::new();
        let open = switch(&mut out, &[], 0, &cell(3)).unwrap();
        assert_eq!((open, out.len()), (0, 0));
    }
}
