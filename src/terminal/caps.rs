//! What the terminal can do beyond the basics, from the environment.

/// Whether OSC 8 hyperlinks may be sent: not to `TERM=dumb`, not to the
/// Linux console (`TERM=linux`, which prints the URL as text), and not
/// through GNU screen (`STY`), which has no OSC 8 and passes none on.
/// Terminals without OSC 8 that get one ignore it (the spec's promise,
/// kept by VTE, xterm, tmux, kitty, WezTerm, iTerm2, foot, Alacritty).
pub fn has_hyperlinks(var: impl Fn(&str) -> Option<String>) -> bool {
    let term = var("TERM").unwrap_or_default();
    let screen = var("STY").is_some_and(|v| !v.is_empty());
    !matches!(term.as_str(), "dumb" | "linux" | "") && !screen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn dumb_linux_and_screen_have_no_hyperlinks() {
        assert!(has_hyperlinks(env(&[("TERM", "xterm-256color")])));
        assert!(has_hyperlinks(env(&[
            ("TERM", "tmux-256color"),
            ("TMUX", "/t,1,0")
        ])));
        assert!(!has_hyperlinks(env(&[("TERM", "dumb")])));
        assert!(!has_hyperlinks(env(&[("TERM", "linux")])));
        assert!(!has_hyperlinks(env(&[
            ("TERM", "screen"),
            ("STY", "1.pts-0")
        ])));
    }
}
