//! Copying text out of the reader: to the terminal's clipboard with OSC 52
//! (the only clipboard there is over SSH), or through a local command
//! (`copy_command = ["wl-copy"]`). `update` asks for a copy with
//! `Task::Copy`; the event loop carries it out here and hands the outcome
//! back as `Msg::Copied`, which the status bar tells.
//!
//! OSC 52 is `ESC ] 52 ; c ; base64 BEL`. Inside tmux it is sent twice: as
//! it is, which tmux takes into its paste buffer and passes on to the outer
//! terminal when `set -g set-clipboard on`; and wrapped in tmux's DCS
//! passthrough (`ESC P tmux; …ESC ESC… ESC \`), which reaches the outer
//! terminal when `set -g allow-passthrough on` instead. Inside GNU screen
//! it goes in screen's DCS passthrough, cut into pieces screen's string
//! buffer takes. Terminals cap what they accept (see the README); the text
//! is refused above `osc52_max_bytes` with a message rather than sent to be
//! dropped silently.

use std::io::{self, Write};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use base64::Engine;

pub use crate::app::Copied;
use crate::app::byte_size;
use crate::config::Config;
use crate::i18n::t;

/// How long `copy_command` may take before it is killed and reported.
pub const COMMAND_LIMIT: Duration = Duration::from_secs(3);

/// GNU screen keeps a DCS string in a 768-byte buffer; pieces stay under it.
const SCREEN_PIECE: usize = 512;

/// The multiplexer between broadsheet and the terminal, from the
/// environment (`TMUX`, `STY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    Plain,
    Tmux,
    Screen,
}

impl Wrap {
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Wrap {
        if var("TMUX").is_some_and(|v| !v.is_empty()) {
            Wrap::Tmux
        } else if var("STY").is_some_and(|v| !v.is_empty()) {
            Wrap::Screen
        } else {
            Wrap::Plain
        }
    }
}

/// How the reader copies, fixed at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clipboard {
    pub osc52: bool,
    pub max_bytes: usize,
    pub command: Vec<String>,
    pub wrap: Wrap,
    /// `TERM` when it names a terminal without a clipboard (`dumb`,
    /// `linux`), for the message.
    pub no_clipboard_term: Option<String>,
}

impl Clipboard {
    pub fn new(config: &Config, var: impl Fn(&str) -> Option<String>) -> Clipboard {
        let term = var("TERM").unwrap_or_default();
        Clipboard {
            osc52: config.osc52,
            max_bytes: config.osc52_max_bytes,
            command: config.copy_command.clone(),
            wrap: Wrap::from_env(&var),
            no_clipboard_term: matches!(term.as_str(), "dumb" | "linux").then_some(term),
        }
    }

    /// Copy `text`; what to say about it.
    pub fn copy(&self, text: &str) -> Result<Copied, String> {
        if let Some(program) = self.command.first() {
            run_command(program, &self.command[1..], text)?;
            return Ok(Copied {
                bytes: text.len(),
                via: format!("`{program}`"),
            });
        }
        if !self.osc52 {
            return Err(t!("copy.off"));
        }
        if let Some(term) = &self.no_clipboard_term {
            return Err(t!("copy.no_clipboard", term = term));
        }
        if text.len() > self.max_bytes {
            return Err(t!(
                "copy.too_large",
                size = byte_size(text.len()),
                max = byte_size(self.max_bytes)
            ));
        }
        crate::terminal::write_control(&osc52(text, self.wrap))
            .map_err(|err| t!("copy.cannot_write", err = err))?;
        Ok(Copied {
            bytes: text.len(),
            via: match self.wrap {
                Wrap::Plain => t!("copy.via_terminal"),
                Wrap::Tmux => t!("copy.via_tmux"),
                Wrap::Screen => t!("copy.via_screen"),
            },
        })
    }
}

static INSTALLED: OnceLock<Clipboard> = OnceLock::new();

/// Set the reader's clipboard, once, at start.
pub fn install(clipboard: Clipboard) {
    let _ = INSTALLED.set(clipboard);
}

/// Copy with the installed clipboard (the event loop's `Task::Copy`).
pub fn copy(text: &str) -> Result<Copied, String> {
    match INSTALLED.get() {
        Some(clipboard) => clipboard.copy(text),
        None => Err(t!("copy.no_terminal")),
    }
}

/// The bytes that put `text` on the clipboard, in the form `wrap` needs.
pub fn osc52(text: &str, wrap: Wrap) -> Vec<u8> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let plain = format!("\x1b]52;c;{encoded}\x07");
    match wrap {
        Wrap::Plain => plain.into_bytes(),
        Wrap::Tmux => {
            // tmux wants every ESC inside its passthrough doubled.
            let inner = plain.replace('\x1b', "\x1b\x1b");
            format!("{plain}\x1bPtmux;{inner}\x1b\\").into_bytes()
        }
        Wrap::Screen => {
            let mut out = Vec::with_capacity(plain.len() + plain.len() / SCREEN_PIECE * 4 + 8);
            // base64 and the OSC head are ASCII: any byte is a boundary.
            for piece in plain.as_bytes().chunks(SCREEN_PIECE) {
                out.extend_from_slice(b"\x1bP");
                out.extend_from_slice(piece);
                out.extend_from_slice(b"\x1b\\");
            }
            out
        }
    }
}

/// Run `program args…` without a shell, `text` on its standard input,
/// for at most [`COMMAND_LIMIT`].
fn run_command(program: &str, args: &[String], text: &str) -> Result<(), String> {
    let failed = |why: String| {
        t!(
            "copy.command_failed",
            program = format!("{program:?}"),
            why = why
        )
    };
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| failed(t!("copy.could_not_start", err = err)))?;
    // A writer thread: a command that does not read must not block us.
    let stdin = child.stdin.take();
    let bytes = text.as_bytes().to_vec();
    let writer = std::thread::spawn(move || -> io::Result<()> {
        match stdin {
            Some(mut stdin) => stdin.write_all(&bytes),
            None => Ok(()),
        }
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= COMMAND_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(failed(t!("copy.too_slow", s = COMMAND_LIMIT.as_secs())));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(err) => return Err(failed(t!("copy.not_waited", err = err))),
        }
    };
    let written = writer.join().unwrap_or(Ok(()));
    if !status.success() {
        let mut stderr = String::new();
        if let Some(mut pipe) = child.stderr.take() {
            let _ = io::Read::read_to_string(&mut pipe, &mut stderr);
        }
        let said = crate::text::escape(stderr.trim(), crate::text::Notation::Message);
        return Err(failed(t!("copy.exited", status = status, said = said)));
    }
    written.map_err(|err| failed(t!("copy.not_taken", err = err)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_tmux_and_screen_forms() {
        assert_eq!(osc52("hi", Wrap::Plain), b"\x1b]52;c;aGk=\x07");
        assert_eq!(
            osc52("hi", Wrap::Tmux),
            b"\x1b]52;c;aGk=\x07\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
        assert_eq!(osc52("hi", Wrap::Screen), b"\x1bP\x1b]52;c;aGk=\x07\x1b\\");
        let long = osc52(&"x".repeat(1000), Wrap::Screen);
        let pieces = long.windows(2).filter(|w| w == b"\x1bP").count();
        assert_eq!(pieces, 3, "1341 bytes in pieces of 512");
    }

    #[test]
    fn the_environment_names_the_multiplexer() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                (pairs.iter())
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Wrap::from_env(env(&[("TMUX", "/tmp/t,1,0")])), Wrap::Tmux);
        assert_eq!(Wrap::from_env(env(&[("STY", "12.pts-0")])), Wrap::Screen);
        assert_eq!(Wrap::from_env(env(&[])), Wrap::Plain);
    }

    fn clipboard() -> Clipboard {
        Clipboard::new(&Config::default(), |_| None)
    }

    #[test]
    fn a_text_over_the_cap_is_refused_with_its_size() {
        let mut clipboard = clipboard();
        clipboard.max_bytes = 10;
        let err = clipboard
            .copy("an article longer than ten bytes")
            .unwrap_err();
        assert!(
            err.contains("32 B") && err.contains("osc52_max_bytes (10 B)"),
            "{err}"
        );
    }

    #[test]
    fn off_and_dumb_terminals_say_what_to_do() {
        let mut clipboard = clipboard();
        clipboard.osc52 = false;
        assert!(clipboard.copy("x").unwrap_err().contains("copy_command"));
        let dumb = Clipboard::new(&Config::default(), |n| {
            (n == "TERM").then(|| "linux".into())
        });
        assert!(dumb.copy("x").unwrap_err().contains("TERM=linux"));
    }

    #[test]
    fn a_copy_command_gets_the_text_on_stdin() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("copied");
        let mut clipboard = clipboard();
        clipboard.command = vec!["sh".into(), "-c".into(), format!("cat > {}", out.display())];
        let copied = clipboard.copy("《标题》 $HOME `x`").unwrap();
        assert_eq!(copied.bytes, "《标题》 $HOME `x`".len());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "《标题》 $HOME `x`");
        clipboard.command = vec!["false".into()];
        assert!(clipboard.copy("x").unwrap_err().contains("failed"));
        clipboard.command = vec!["/nonexistent/copier".into()];
        assert!(clipboard.copy("x").unwrap_err().contains("could not start"));
    }
}
