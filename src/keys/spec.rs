//! The key-spec grammar of the config's `[keys]` table (`j`, `ctrl-f`,
//! `shift-tab`, `PageDown`) and how keys are written in help. The config
//! checks specs with it and the keymap binds with it, so both accept the
//! same keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One form per key, so that config specs and terminal events compare equal:
/// a character carries its case itself, so SHIFT is dropped from it (terminals
/// disagree on whether `J` or `?` arrive with SHIFT), and Shift-Tab is
/// `BackTab` whether or not SHIFT is reported. Only the modifiers we bind are kept.
pub fn normalize(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    let mut modifiers =
        modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    let code = match code {
        KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        other => other,
    };
    if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
        modifiers.remove(KeyModifiers::SHIFT);
    }
    // Ctrl-letters are bound in lower case; a terminal that reports Ctrl-Shift-F
    // as `F` keeps its case and so stays distinct.
    KeyEvent::new(code, modifiers)
}

/// Parse a key spec from the config: an optional chain of `ctrl-`, `alt-`,
/// `shift-` and a key: one character (`j`, `J`, `?`, `-`) or a name
/// (`space`, `enter`, `esc`, `tab`, `backtab`, `backspace`, `delete`,
/// `insert`, `home`, `end`, `PageUp`, `PageDown`, `up`, `down`, `left`,
/// `right`, `f1`…`f12`); names and modifiers are case-insensitive.
pub fn parse_key(spec: &str) -> Result<KeyEvent, String> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = spec;
    while let Some((head, tail)) = rest.split_once('-') {
        if tail.is_empty() {
            break;
        }
        let modifier = match head.to_ascii_lowercase().as_str() {
            "ctrl" | "control" | "c" => KeyModifiers::CONTROL,
            "alt" | "meta" | "m" => KeyModifiers::ALT,
            "shift" | "s" => KeyModifiers::SHIFT,
            _ => break,
        };
        modifiers |= modifier;
        rest = tail;
    }
    let code = key_code(rest).ok_or_else(|| {
        format!(
            "unknown key {spec:?} (use a character like \"j\", a name like \"PageDown\", \
             \"space\", \"enter\", \"esc\", \"f1\", with optional \"ctrl-\", \"alt-\", \"shift-\")"
        )
    })?;
    let code = match code {
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::SHIFT) && c.is_lowercase() => {
            KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
        }
        other => other,
    };
    Ok(normalize(code, modifiers))
}

fn key_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    let code = match lower.as_str() {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        _ => {
            let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
            return (1..=24).contains(&n).then_some(KeyCode::F(n));
        }
    };
    Some(code)
}

/// How a key is written in help and hints: `j`, `J`, `Ctrl-F`, `PgDn`, `Shift-Tab`.
pub fn key_label(key: KeyEvent) -> String {
    let mut label = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        label.push_str("Ctrl-");
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        label.push_str("Alt-");
    }
    if key.modifiers.contains(KeyModifiers::SHIFT) {
        label.push_str("Shift-");
    }
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
            c.to_uppercase().collect()
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Backspace => "Backspace".to_owned(),
        KeyCode::Delete => "Del".to_owned(),
        KeyCode::Insert => "Ins".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::Up => "Up".to_owned(),
        KeyCode::Down => "Down".to_owned(),
        KeyCode::Left => "Left".to_owned(),
        KeyCode::Right => "Right".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    label.push_str(&name);
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn specs_parse_to_the_events_terminals_send() {
        let cases = [
            ("j", key(KeyCode::Char('j'), KeyModifiers::NONE)),
            ("J", key(KeyCode::Char('J'), KeyModifiers::NONE)),
            ("shift-j", key(KeyCode::Char('J'), KeyModifiers::NONE)),
            ("ctrl-f", key(KeyCode::Char('f'), KeyModifiers::CONTROL)),
            ("Ctrl-F", key(KeyCode::Char('F'), KeyModifiers::CONTROL)),
            ("PageDown", key(KeyCode::PageDown, KeyModifiers::NONE)),
            ("pgdn", key(KeyCode::PageDown, KeyModifiers::NONE)),
            ("shift-tab", key(KeyCode::BackTab, KeyModifiers::NONE)),
            ("space", key(KeyCode::Char(' '), KeyModifiers::NONE)),
            ("enter", key(KeyCode::Enter, KeyModifiers::NONE)),
            ("esc", key(KeyCode::Esc, KeyModifiers::NONE)),
            ("f1", key(KeyCode::F(1), KeyModifiers::NONE)),
            ("?", key(KeyCode::Char('?'), KeyModifiers::NONE)),
            ("-", key(KeyCode::Char('-'), KeyModifiers::NONE)),
            ("alt--", key(KeyCode::Char('-'), KeyModifiers::ALT)),
        ];
        for (spec, expected) in cases {
            assert_eq!(parse_key(spec), Ok(expected), "{spec}");
        }
        for bad in ["", "ctrl-", "pagedwn", "f99", "hyper-x", "\u{1b}"] {
            assert!(parse_key(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn labels_are_readable() {
        let label = |s: &str| key_label(parse_key(s).unwrap());
        assert_eq!(label("ctrl-f"), "Ctrl-F");
        assert_eq!(label("shift-tab"), "Shift-Tab");
        assert_eq!(label("PageDown"), "PgDn");
        assert_eq!(label("space"), "Space");
        assert_eq!(label("G"), "G");
        assert_eq!(label("?"), "?");
    }
}
