//! Every bad config gives a message naming the file, line:column, and what
//! is allowed; the file is left untouched.
// Tests may unwrap, expect and panic: a failure is the report.

use std::fs;
use std::path::Path;

use broadsheet::config::{self, ConfigError, Location, Origin};

/// Load `text` from a file `config.toml` and return the error text with the
/// temp folder shown as `DIR`.
fn error_for(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, text).unwrap();
    let location = Location {
        path: path.clone(),
        origin: Origin::Flag,
    };
    let err = config::load_from(&location, Some(Path::new("/home/u"))).unwrap_err();
    assert!(matches!(err, ConfigError::Invalid { .. }), "{err:?}");
    // The program never writes the config file.
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    err.to_string()
        .replace(&dir.path().display().to_string(), "DIR")
}

/// The end of an unknown-key message: every setting, in the default
/// file's order (`config::KEYS`, which a lib test holds to that file).
fn allowed_keys() -> String {
    format!("allowed keys: {}", config::KEYS.join(", "))
}

#[test]
fn unknown_key_names_the_allowed_keys() {
    assert_eq!(
        error_for("body_width = 70\ncolour = \"red\"\n"),
        format!(
            "DIR/config.toml:2:1: unknown key \"colour\"; {}",
            allowed_keys()
        )
    );
}

#[test]
fn a_misspelt_key_gets_a_suggestion() {
    assert_eq!(
        error_for("body_widht = 70\n"),
        format!(
            "DIR/config.toml:1:1: unknown key \"body_widht\" (did you mean \"body_width\"?); {}",
            allowed_keys()
        )
    );
}

#[test]
fn an_unknown_table_is_an_unknown_key() {
    assert_eq!(
        error_for("[colors]\nfg = \"red\"\n"),
        format!(
            "DIR/config.toml:1:2: unknown key \"colors\"; {}",
            allowed_keys()
        )
    );
}

#[test]
fn wrong_type_says_what_was_found_and_expected() {
    assert_eq!(
        error_for("body_width = \"80\"\n"),
        "DIR/config.toml:1:14: body_width: found \"80\", expected a whole number of cells from 10 to 1000"
    );
    assert_eq!(
        error_for("indent = \"yes\"\n"),
        "DIR/config.toml:1:10: indent: found \"yes\", expected true or false"
    );
    assert_eq!(
        error_for("library = \"~/papers\"\n"),
        "DIR/config.toml:1:11: library: found \"~/papers\", expected a list of folder paths, like [\"~/papers\"]"
    );
    assert_eq!(
        error_for("library = [\"a\", 3]\n"),
        "DIR/config.toml:1:17: library: found 3, expected a folder path (a non-empty string)"
    );
    assert_eq!(
        error_for("keys = 3\n"),
        "DIR/config.toml:1:8: keys: found 3, expected a table of action = [keys], like down = [\"j\", \"down\"]"
    );
}

#[test]
fn out_of_range_numbers_say_the_range() {
    assert_eq!(
        error_for("body_width = 5\n"),
        "DIR/config.toml:1:14: body_width: found 5, expected a whole number of cells from 10 to 1000"
    );
    assert_eq!(
        error_for("body_width = 70000\n"),
        "DIR/config.toml:1:14: body_width: found 70000, expected a whole number of cells from 10 to 1000"
    );
    assert_eq!(
        error_for("max_file_size = \"lots\"\n"),
        "DIR/config.toml:1:17: max_file_size: found \"lots\", expected a size from 1 KiB to 16 GiB: \
         bytes (67108864) or a string like \"64 MiB\""
    );
    assert_eq!(
        error_for("max_file_size = -1\n"),
        "DIR/config.toml:1:17: max_file_size: found -1, expected a size from 1 KiB to 16 GiB: \
         bytes (67108864) or a string like \"64 MiB\""
    );
}

#[test]
fn bad_enum_values_list_the_allowed_ones() {
    assert_eq!(
        error_for("kinsoku = \"fancy\"\n"),
        "DIR/config.toml:1:11: kinsoku: found \"fancy\", expected one of \"none\", \"basic\", \"gb\", \"strict\""
    );
    assert_eq!(
        error_for("punctuation = \"as_is\"\n"),
        "DIR/config.toml:1:15: punctuation: found \"as_is\", expected one of \"as-is\", \"fullwidth\""
    );
    assert_eq!(
        error_for("ambiguous_width = 2\n"),
        "DIR/config.toml:1:19: ambiguous_width: found 2, expected one of \"auto\", \"narrow\", \"wide\""
    );
    assert_eq!(
        error_for("theme = \"solarized\"\n"),
        "DIR/config.toml:1:9: theme: found \"solarized\", expected one of \"default\", \"mono\""
    );
}

#[test]
fn a_bad_key_name_says_how_keys_are_written() {
    let message = error_for("[keys]\ndown = [\"j\", \"pagedwn\"]\n");
    assert!(
        message.starts_with("DIR/config.toml:2:14: [keys] down: unknown key \"pagedwn\""),
        "{message}"
    );
    assert!(
        message.contains("\"PageDown\"") && message.contains("ctrl-"),
        "{message}"
    );
}

#[test]
fn an_unknown_action_lists_the_actions() {
    let message = error_for("[keys]\njump = [\"x\"]\n");
    assert!(
        message.starts_with(
            "DIR/config.toml:2:1: [keys]: unknown action \"jump\"; actions: down, up, page_down,"
        ),
        "{message}"
    );
    assert!(
        message.ends_with("help, redraw, suspend, quit, headline_1, headline_2, headline_3, headline_4, headline_5, headline_6, headline_7, headline_8, headline_9"),
        "{message}"
    );
    let message = error_for("[keys]\nnext_unred = [\"x\"]\n");
    assert!(
        message.contains("unknown action \"next_unred\" (did you mean \"next_unread\"?)"),
        "{message}"
    );
}

#[test]
fn a_key_bound_twice_is_an_error() {
    assert_eq!(
        error_for("[keys]\ndown = [\"j\"]\nnext_article = [\"n\", \"j\"]\n"),
        "DIR/config.toml:3:22: [keys] next_article: \"j\" is already bound to down"
    );
}

#[test]
fn key_lists_need_keys_of_the_right_type() {
    assert_eq!(
        error_for("[keys]\nquit = []\n"),
        "DIR/config.toml:2:8: [keys] quit: expected at least one key"
    );
    assert_eq!(
        error_for("[keys]\nquit = [1]\n"),
        "DIR/config.toml:2:9: [keys] quit: found 1, expected a key like \"j\", \"ctrl-f\" or \"PageDown\""
    );
    assert_eq!(
        error_for("[keys]\nquit = true\n"),
        "DIR/config.toml:2:8: [keys] quit: found true, expected a list of keys, like [\"j\", \"down\"]"
    );
}

#[test]
fn syntax_errors_give_position_and_reason() {
    assert_eq!(
        error_for("width = \n"),
        "DIR/config.toml:1:9: TOML syntax: missing value after `=`"
    );
    assert_eq!(
        error_for("indent = true\n[keys\n"),
        "DIR/config.toml:2:6: TOML syntax: unclosed table, expected `]`"
    );
    assert_eq!(
        error_for("theme = \"mono\"\ntheme = \"default\"\n"),
        "DIR/config.toml:2:1: TOML syntax: duplicate key"
    );
    assert_eq!(
        error_for("theme = \"mono\n"),
        "DIR/config.toml:1:14: TOML syntax: invalid basic string, expected `\"`"
    );
}

#[test]
fn every_problem_is_listed_in_file_order() {
    assert_eq!(
        error_for("theme = \"x\"\nbody_width = 0\nkinsoku = \"?\"\n"),
        "DIR/config.toml:1:9: theme: found \"x\", expected one of \"default\", \"mono\"\n\
         DIR/config.toml:2:14: body_width: found 0, expected a whole number of cells from 10 to 1000\n\
         DIR/config.toml:3:11: kinsoku: found \"?\", expected one of \"none\", \"basic\", \"gb\", \"strict\""
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    assert_eq!(
        error_for("# 报纸设置\n\"标题\" = 1\n"),
        format!(
            "DIR/config.toml:2:1: unknown key \"标题\"; {}",
            allowed_keys()
        )
    );
    assert_eq!(
        error_for("theme = \"报纸\" # 注\nindent = \"是\"\n"),
        "DIR/config.toml:1:9: theme: found \"报纸\", expected one of \"default\", \"mono\"\n\
         DIR/config.toml:2:10: indent: found \"是\", expected true or false"
    );
}

#[test]
fn invalid_utf8_names_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fs::write(&path, b"theme = \"mono\"\nindent = \"\xff\"\n").unwrap();
    let err = config::parse_bytes(&fs::read(&path).unwrap(), &path, None).unwrap_err();
    let text = err
        .to_string()
        .replace(&dir.path().display().to_string(), "DIR");
    assert_eq!(
        text,
        "DIR/config.toml:2:11: not UTF-8 text (byte 25); save the file as UTF-8"
    );
}

#[test]
fn control_characters_in_values_are_shown_escaped() {
    let message = error_for("theme = \"\\u001b[2J\"\n");
    assert!(!message.contains('\u{1b}'), "{message:?}");
    assert!(message.contains("\\u{1b}[2J"), "{message:?}");
}

#[test]
fn mouse_is_true_or_false_and_a_typo_is_named() {
    assert_eq!(
        error_for("mouse = \"yes\"\n"),
        "DIR/config.toml:1:9: mouse: found \"yes\", expected true or false"
    );
    assert_eq!(
        error_for("mose = true\n"),
        format!(
            "DIR/config.toml:1:1: unknown key \"mose\" (did you mean \"mouse\"?); {}",
            allowed_keys()
        )
    );
}

#[test]
fn mark_read_names_its_three_rules() {
    assert_eq!(
        error_for("mark_read = \"sometimes\"\n"),
        "DIR/config.toml:1:13: mark_read: found \"sometimes\", expected one of \"end\", \"open\", \"manual\""
    );
    assert_eq!(
        error_for("mark_reed = \"end\"\n"),
        format!(
            "DIR/config.toml:1:1: unknown key \"mark_reed\" (did you mean \"mark_read\"?); {}",
            allowed_keys()
        )
    );
}
