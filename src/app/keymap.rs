//! Key events to actions: the one place that mentions key codes.
//! (Skeleton.)

/// Parse a key spec from the config (`"j"`, `"ctrl-f"`, `"PageDown"`, `"shift-tab"`).
pub fn parse_key(spec: &str) -> Result<crossterm::event::KeyEvent, String> {
    Err(format!("key specs are not implemented yet: {spec:?}"))
}
