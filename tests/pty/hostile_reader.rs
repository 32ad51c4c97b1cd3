//! Output audit of the reader in a pty (docs/RELIABILITY.md §5 "an output audit
//! runs hostile fixtures and fails on any OSC/DCS/APC/PM/SOS, or any CSI
//! outside an allowlist"; §6 cases 1–12 and 14): the whole byte stream the
//! program writes is cut into sequences and each must be one the reader
//! itself emits on a clean run.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::hostile_support;
use crate::pty_support;

use std::collections::BTreeSet;
use std::path::Path;

use hostile_support::{HOSTILE_NAME, Seq, hostile_issue, kind, payloads, scan, scan_with_text};
use pty_support::{Session, assert_restored};

const NARROW: &str = "--ambiguous-width=narrow";

/// What the reader emits on the sample issue (recorded in narrow and wide
/// mode, moving through every pane, help and log): cursor position and
/// forward moves, SGR, clear screen, the alternate screen, bracketed paste
/// and the cursor shown/hidden. `6n` is the `auto` width probe, which
/// these runs avoid.
const ALLOWED: &[&str] = &[
    "CSI 2J",
    "CSI ?1049h",
    "CSI ?1049l",
    "CSI ?2004h",
    "CSI ?2004l",
    "CSI ?25h",
    "CSI ?25l",
    "CSI …C",
    "CSI …H",
    "CSI …m",
];

/// Sent only when a frame moves full-width rows (src/backend/scroll.rs):
/// set the scrolling region (DECSTBM), scroll it up (SU) or down (SD), and
/// reset the region. Whether a tour needs them depends on the layout.
const SCROLLING: &[&str] = &["CSI …r", "CSI …S", "CSI …T"];

fn allowed(kind: &str) -> bool {
    ALLOWED.contains(&kind) || SCROLLING.contains(&kind)
}

/// Every sequence kind in `bytes` that is not on the allowlist, with one
/// example of each.
fn unexpected(bytes: &[u8]) -> Vec<(String, Seq)> {
    let mut seen = BTreeSet::new();
    scan(bytes)
        .into_iter()
        .filter_map(|seq| {
            let k = kind(&seq);
            (!allowed(&k) && seen.insert(k.clone())).then_some((k, seq))
        })
        .collect()
}

fn assert_audited(bytes: &[u8], what: &str) {
    let bad = unexpected(bytes);
    assert!(
        bad.is_empty(),
        "{what}: sequences outside the allowlist: {bad:#?}"
    );
}

/// Step through panes, overlays and articles: most of what the reader can
/// draw is drawn. `articles` is how many `J` presses reach the last.
fn tour(s: &mut Session, articles: usize) {
    for (key, title) in [(b"?", " Help "), (b"!", " Messages ")] {
        s.send(key);
        s.wait_for_text(title);
        // Esc alone: `ESC` and the next key in one read would be Alt-key.
        s.send(b"\x1b");
        s.wait_for("the overlay to close", |screen| !screen.contains(title));
    }
    for n in 2..=articles {
        s.send(b"J");
        s.wait_for_text(&format!("article {n}/{articles}"));
    }
    for key in [b"\t", b"\t", b"\t", b"j", b" ", b"G", b"g"] {
        s.send(key);
    }
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0, "{}", s.screen());
    assert_restored(&s.bytes);
}

/// The allowlist is what a clean run uses, no more: if the reader starts
/// emitting a new kind of sequence, this says which, and the list is
/// reviewed rather than silently widened.
#[test]
fn a_clean_run_uses_exactly_the_allowlist() {
    let mut kinds = BTreeSet::new();
    for mode in [NARROW, "--ambiguous-width=wide"] {
        let mut s = Session::start(&[mode], 140, 40);
        s.wait_for_text("1/4");
        tour(&mut s, 4);
        kinds.extend(scan(&s.bytes).iter().map(kind));
    }
    let always: BTreeSet<String> = ALLOWED.iter().map(|k| (*k).to_owned()).collect();
    let scrolling: BTreeSet<String> = SCROLLING.iter().map(|k| (*k).to_owned()).collect();
    let core: BTreeSet<String> = kinds.difference(&scrolling).cloned().collect();
    assert_eq!(core, always);
}

/// A folder with the hostile issue, a masthead-less issue under a hostile
/// name (the paper's name then comes from the file name), and a binary file
/// under a hostile name (listed as not text).
fn hostile_library(dir: &Path) {
    std::fs::write(dir.join("hostile-2024-03-12.md"), hostile_issue()).unwrap();
    let body = "## Nameless\n\nA body under a hostile file name.\n";
    std::fs::write(dir.join(HOSTILE_NAME), body).unwrap();
    let binary = format!("b\x1b]0;owned\x07{}.md", '\u{202E}');
    std::fs::write(dir.join(binary), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
}

#[test]
fn hostile_text_and_names_reach_the_tty_only_as_allowed_sequences() {
    let dir = tempfile::tempdir().unwrap();
    hostile_library(dir.path());
    let folder = dir.path().to_str().unwrap();
    for mode in [NARROW, "--ambiguous-width=wide"] {
        let mut s = Session::start(&[mode, folder], 140, 40);
        let articles = payloads().len();
        // The skipped files are announced in the status bar at start.
        s.wait_for_text("messages (! lists them)");
        // The Issues pane names the masthead-less issue by its escaped file name.
        s.wait_for_text("x\\e[2J\\e]52;c;eA==\\007");
        tour(&mut s, articles);
        assert_audited(&s.bytes, mode);
        let (_, text) = scan_with_text(&s.bytes);
        // Payload text that only a half-removed sequence would leave.
        for leaked in [
            "cm0gLXJmIH4=",
            "http://evil",
            "[21t",
            "[6n",
            "$q",
            ";id",
            "[31m",
            "0;x",
        ] {
            assert!(!text.contains(leaked), "{mode}: {leaked:?} reached the tty");
        }
    }
}

/// Each article's headline, as the sanitiser leaves it, shows in the
/// Article pane when that article is open; the screen is whole (every row
/// keeps its pane borders) after each step.
#[test]
fn every_hostile_article_draws_with_its_borders_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile-2024-03-12.md");
    // Without C0 controls but BEL-terminated sequences: the sanitiser turns
    // those into U+FFFD, which vt100 (unlike real terminals) draws as zero
    // cells, shifting its model of the row.
    let text = hostile_issue().replace(['\u{1}', '\u{8}', '\u{7f}'], "");
    let text = text.replace("b\u{7} ", "b ");
    std::fs::write(&path, text).unwrap();
    let mut s = Session::start(&[NARROW, path.to_str().unwrap()], 140, 40);
    let cases = payloads();
    for (n, (case, _)) in cases.iter().enumerate() {
        if n > 0 {
            s.send(b"J");
            s.wait_for_text(&format!("article {}/{}", n + 1, cases.len()));
        } else {
            // The decoding warnings are announced until the first key.
            s.wait_for_text("(! ");
        }
        s.wait_for_row(2, &format!("Headline {case}"));
        let borders: Vec<usize> = (1..39).map(|row| s.row(row).matches('│').count()).collect();
        assert!(borders.iter().all(|&b| b == 2), "{case}:\n{}", s.screen());
    }
    // Case 10: the tab-indented line is indented and its tabs are spaces.
    assert!(s.screen().contains("Tabbed 14    column"), "{}", s.screen());
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
}

/// The scanner finds what a terminal would act on, in 7-bit and C1 form,
/// terminated or not, and keeps the text between.
#[test]
fn the_scanner_sees_every_kind_of_sequence() {
    let stream = "a\x1b[2Jb\x1b[?1049h\x1b]52;c;eA==\x07c\x1bP$q\"p\x1b\\\x1b_x\x1b\\\
                  \x1b^y\x1b\\\x1bXz\x1b\\\u{9b}31m\u{9d}0;t\u{9c}\u{85}\x1b7\x1b(B\x07\x00d\x1b]8;;u";
    let (seqs, text) = scan_with_text(stream.as_bytes());
    let kinds: Vec<String> = seqs.iter().map(kind).collect();
    assert_eq!(
        kinds,
        [
            "CSI 2J",
            "CSI ?1049h",
            "string ]",
            "string P",
            "string _",
            "string ^",
            "string X",
            "CSI …m",
            "string ]",
            "C1 0x0085",
            "ESC 7",
            "ESC (B",
            "C0 0x07",
            "C0 0x00",
            "string ]",
        ]
    );
    assert_eq!(text, "abcd");
}

/// Open the help and close it again: every key sent before has been
/// applied and drawn once this returns.
fn settle(s: &mut Session) {
    s.send(b"?");
    s.wait_for_text(" Help ");
    s.send(b"\x1b");
    s.wait_for("the help to close", |screen| !screen.contains(" Help "));
}

/// Cases 9–11: no stale cells. Scrolling through every hostile article
/// leaves the screen exactly as a fresh start at the same place draws it
/// (the reading position is saved at exit and restored at start).
#[test]
fn scrolling_hostile_articles_leaves_no_stale_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile-2024-03-12.md");
    // Without the controls that become U+FFFD, which vt100 draws as zero
    // cells (see above).
    let text = hostile_issue().replace(['\u{1}', '\u{8}', '\u{7f}'], "");
    std::fs::write(&path, text.replace("b\u{7} ", "b ")).unwrap();
    let path = path.to_str().unwrap();
    let count = payloads().len();
    let mut a = Session::start(&[NARROW, path], 100, 8);
    a.wait_for_text("(! ");
    a.send(b"\r");
    for n in 1..=count {
        if n > 1 {
            a.send(b"J");
            a.wait_for_text(&format!("article {n}/{count}"));
        }
        // Past the article's head: a position inside the head (kicker,
        // headline, deck, byline) comes back as the head's top.
        a.send(b"jjjjjjk");
        settle(&mut a);
    }
    // vt100 keeps a blank written as a space apart from a cleared cell;
    // both look the same, so compare what shows.
    let shown = |s: &Session| {
        s.screen()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let scrolled = shown(&a);
    // Scrolled: the body is on top.
    assert!(scrolled.contains("│ Body 14 starts"), "{scrolled}");
    assert!(!scrolled.contains("│ By Jane 14"), "{scrolled}");
    a.send(b"q");
    assert_eq!(a.wait_exit(), 0);
    let home = a.state_home.path().to_str().unwrap().to_owned();
    let bin = env!("CARGO_BIN_EXE_broadsheet");
    let mut b = Session::start_with(bin, &[NARROW, path], 100, 8, &[("XDG_STATE_HOME", &home)]);
    // Ctrl-L: a key that changes nothing but ends the start-up notice.
    b.wait_for_text("(! ");
    b.send(b"\x0c");
    b.wait_for_text(&format!("article {count}/{count}"));
    settle(&mut b);
    assert_eq!(shown(&b), scrolled);
    b.send(b"q");
    assert_eq!(b.wait_exit(), 0);
}

/// Case 13 in the reader: an issue whose links and headline hold shell
/// commands is read through (every pane, every key that acts on an
/// article) from its own folder; no command runs.
#[test]
fn shell_metacharacters_in_links_run_nothing_in_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let issue = "# The Courier\n\nTuesday, March 12, 2024\n\n\
                 ## $(touch p) `touch q` headline\n\n\
                 See [x](http://a/$(touch%20p);touch%20q) and [y]($(touch p)) now.\n";
    std::fs::write(dir.path().join("links-2024-03-12.md"), issue).unwrap();
    let bin = env!("CARGO_BIN_EXE_broadsheet");
    let folder = dir.path().to_str().unwrap();
    let script = format!("cd '{folder}' && exec '{bin}' {NARROW} links-2024-03-12.md");
    let mut s = Session::start_with("sh", &["-c", &script], 100, 30, &[]);
    s.wait_for_text("$(touch p) touch q headline");
    s.send(b"\rjjsm\t\t");
    settle(&mut s);
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    for made in ["p", "q", "p;touch q"] {
        assert!(!dir.path().join(made).exists(), "{made} was created");
    }
}
