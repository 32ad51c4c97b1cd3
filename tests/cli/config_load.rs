//! Loading the config: the embedded defaults, overlaying a user file, where
//! the file is looked for, and `broadsheet config`.
// Tests may unwrap, expect and panic: a failure is the report.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use broadsheet::app::Action;
use broadsheet::app::keymap::Keymap;
use broadsheet::config::{
    self, AmbiguousSetting, Borders, Config, ConfigError, CursorSetting, DEFAULT_TOML, Language,
    Location, Markers, Origin,
};
use broadsheet::keys::parse_key;
use broadsheet::store::MarkRead;
use broadsheet::typeset::{Kinsoku, Punctuation, Script};

fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
    let pairs: Vec<(String, OsString)> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
        .collect();
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
}

fn load_text(text: &str) -> Config {
    let path = Path::new("/etc/broadsheet/config.toml");
    config::parse_bytes(text.as_bytes(), path, Some(Path::new("/home/u"))).unwrap()
}

#[test]
fn the_default_file_says_exactly_the_defaults() {
    assert_eq!(load_text(DEFAULT_TOML), Config::default());
    // Every top-level key is documented with a value in the default file
    // (`[keys]` is a table, its defaults shown as comments).
    assert!(DEFAULT_TOML.contains("\n[keys]\n"));
    for key in config::KEYS.iter().filter(|key| **key != "keys") {
        assert!(
            DEFAULT_TOML
                .lines()
                .any(|l| l.starts_with(&format!("{key} = "))),
            "{key} missing from assets/config.toml"
        );
    }
}

#[test]
fn the_default_files_key_comments_match_the_keymap() {
    let defaults = Keymap::defaults();
    let mut seen = Vec::new();
    let (_, keys_section) = DEFAULT_TOML.split_once("\n[keys]\n").unwrap();
    for line in keys_section.lines() {
        let Some((name, list)) = line.strip_prefix("# ").and_then(|l| l.split_once(" = [")) else {
            continue;
        };
        let action = Action::from_name(name).unwrap_or_else(|| panic!("{name}"));
        let specs: Vec<&str> = list
            .trim_end_matches(']')
            .split(", ")
            .map(|s| s.trim_matches('"'))
            .collect();
        let commented: Vec<_> = specs.iter().map(|s| parse_key(s).unwrap()).collect();
        let bound: Vec<_> = defaults.keys(action).collect();
        assert_eq!(commented, bound, "{name}");
        // Uncommented, the line is accepted by the loader as is.
        load_text(&format!("[keys]\n{}", &line[2..]));
        seen.push(action);
    }
    assert_eq!(seen, Action::ALL.to_vec(), "every action, in help order");
}

#[test]
fn a_user_file_overlays_the_defaults() {
    let config = load_text(
        "library = [\"~/papers\", \"archive\", \"/srv/news\"]\n\
         body_width = 66\nindent = false\npunctuation = \"fullwidth\"\n\
         script = \"traditional-hk\"\n\
         widows = true\nkinsoku = \"strict\"\nambiguous_width = \"wide\"\ntheme = \"mono\"\n\
         max_file_size = \"8 MiB\"\nmouse = true\nlanguage = \"zh-Hant\"\nmark_read = \"manual\"\n\
         cursor = \"visible\"\nlinear = true\nborders = \"none\"\nmarkers = \"text\"\n\
         hyperlinks = false\nosc52 = false\nosc52_max_bytes = 100000\n\
         copy_command = [\"xclip\", \"-selection\", \"clipboard\"]\n\
         [keys]\nnext_article = [\"n\", \"ctrl-n\"]\nquit = \"Q\"\n",
    );
    let expected = Config {
        library: vec![
            PathBuf::from("/home/u/papers"),
            PathBuf::from("/etc/broadsheet/archive"),
            PathBuf::from("/srv/news"),
        ],
        body_width: 66,
        indent: false,
        punctuation: Punctuation::Fullwidth,
        script: Script::TraditionalHk,
        widows: true,
        kinsoku: Kinsoku::Strict,
        ambiguous_width: AmbiguousSetting::Wide,
        theme: "mono".to_owned(),
        max_file_size: 8 << 20,
        mouse: true,
        language: Language::ZhHant,
        mark_read: MarkRead::Manual,
        cursor: CursorSetting::Visible,
        linear: true,
        borders: Borders::None,
        markers: Markers::Text,
        hyperlinks: false,
        osc52: false,
        osc52_max_bytes: 100_000,
        copy_command: vec!["xclip".into(), "-selection".into(), "clipboard".into()],
        keys: [
            (
                "next_article".to_owned(),
                vec!["n".to_owned(), "ctrl-n".to_owned()],
            ),
            ("quit".to_owned(), vec!["Q".to_owned()]),
        ]
        .into_iter()
        .collect(),
        // Not in the file above: `[[feeds]]` and the fetch settings.
        ..Config::default()
    };
    assert_eq!(config, expected);
    // A partial file keeps the other defaults.
    let partial = load_text("body_width = 72\n");
    assert_eq!(
        partial,
        Config {
            body_width: 72,
            ..Config::default()
        }
    );
    assert_eq!(load_text("max_file_size = 1048576").max_file_size, 1 << 20);
    assert_eq!(load_text("").max_file_size, 64 << 20);
}

#[test]
fn the_key_specs_the_keymap_documents_are_accepted() {
    let config = load_text(
        "[keys]\ndown = [\"j\", \"down\"]\npage_down = [\"PageDown\", \"ctrl-f\", \"space\"]\n\
         focus_prev = [\"shift-tab\"]\nhelp = [\"f1\", \"?\"]\n",
    );
    let (keymap, errors) = Keymap::from_config(&config.keys);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(keymap.labels(Action::FocusPrev), ["Shift-Tab"]);
}

#[test]
fn locate_follows_flag_then_env_then_xdg_then_home() {
    let explicit = Path::new("/tmp/mine.toml");
    let all = env(&[
        ("BROADSHEET_CONFIG", "/cfg/env.toml"),
        ("XDG_CONFIG_HOME", "/xdg"),
        ("HOME", "/home/u"),
    ]);
    let flag = config::locate_with(Some(explicit), &all).unwrap();
    assert_eq!((flag.path.as_path(), flag.origin), (explicit, Origin::Flag));
    let by_env = config::locate_with(None, &all).unwrap();
    assert_eq!(by_env.path, Path::new("/cfg/env.toml"));
    assert_eq!(by_env.origin, Origin::Env);
    let xdg = config::locate_with(
        None,
        env(&[("XDG_CONFIG_HOME", "/xdg"), ("HOME", "/home/u")]),
    )
    .unwrap();
    assert_eq!(xdg.path, Path::new("/xdg/broadsheet/config.toml"));
    assert_eq!(xdg.origin, Origin::Default);
    // Empty or relative XDG_CONFIG_HOME is ignored (XDG spec); so is an empty BROADSHEET_CONFIG.
    let home = env(&[
        ("BROADSHEET_CONFIG", ""),
        ("XDG_CONFIG_HOME", "rel"),
        ("HOME", "/home/u"),
    ]);
    let home = config::locate_with(None, home).unwrap();
    assert_eq!(
        home.path,
        Path::new("/home/u/.config/broadsheet/config.toml")
    );
    assert_eq!(config::locate_with(None, env(&[])), None);
}

#[test]
fn a_missing_file_is_fine_only_at_the_default_location() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.toml");
    let default = Location {
        path: path.clone(),
        origin: Origin::Default,
    };
    assert_eq!(
        config::load_from(&default, None).unwrap(),
        Config::default()
    );
    for (origin, why) in [
        (Origin::Flag, "given with --config"),
        (Origin::Env, "given by $BROADSHEET_CONFIG"),
    ] {
        let location = Location {
            path: path.clone(),
            origin,
        };
        let err = config::load_from(&location, None).unwrap_err();
        assert!(matches!(err, ConfigError::Missing { .. }));
        assert_eq!(
            err.to_string(),
            format!("config file {} ({why}) does not exist", path.display())
        );
    }
}

#[test]
fn a_folder_or_huge_file_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let location = Location {
        path: dir.path().to_path_buf(),
        origin: Origin::Default,
    };
    let err = config::load_from(&location, None).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot read config file {}: it is a folder",
            dir.path().display()
        )
    );
    let big = dir.path().join("big.toml");
    fs::write(&big, "#".repeat(2 << 20)).unwrap();
    let err = config::load_from(
        &Location {
            path: big,
            origin: Origin::Flag,
        },
        None,
    )
    .unwrap_err();
    assert!(err.to_string().contains("larger than 1 MiB"), "{err}");
}

#[test]
fn a_symlinked_config_is_read_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("dotfiles.toml");
    fs::write(&target, "theme = \"mono\"\n").unwrap();
    let link = dir.path().join("config.toml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let before = fs::metadata(&target).unwrap().modified().unwrap();
    let config = config::load_from(
        &Location {
            path: link.clone(),
            origin: Origin::Flag,
        },
        None,
    )
    .unwrap();
    assert_eq!(config.theme, "mono");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::metadata(&target).unwrap().modified().unwrap(), before);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "nothing created"
    );
}

#[test]
fn a_utf8_bom_is_accepted() {
    assert_eq!(load_text("\u{feff}body_width = 60\n").body_width, 60);
}

#[test]
fn the_effective_config_prints_as_toml_that_reads_back() {
    let config = load_text(
        "library = [\"/a \\\"b\\\"\", \"/x\\u001by\"]\nkinsoku = \"gb\"\nmax_file_size = 5000\n\
         [keys]\nquit = [\"q\", \"ctrl-q\"]\n",
    );
    let shown = config::to_toml(&config);
    assert!(!shown.contains('\u{1b}'), "{shown}");
    assert!(shown.contains("max_file_size = 5000\n"), "{shown}");
    assert_eq!(load_text(&shown), config);
    let defaults = config::to_toml(&Config::default());
    assert!(
        defaults.contains("max_file_size = \"64 MiB\"\n"),
        "{defaults}"
    );
    assert!(defaults.contains("\nmouse = false\n"), "{defaults}");
    let mouse = config::to_toml(&load_text("mouse = true\n"));
    assert!(mouse.contains("\nmouse = true\n"), "{mouse}");
    assert_eq!(load_text(&defaults), Config::default());
}

fn broadsheet(args: &[&str], config_home: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(args)
        .env_remove("BROADSHEET_CONFIG")
        .env("XDG_CONFIG_HOME", config_home)
        .output()
        .unwrap()
}

#[test]
fn config_default_prints_the_embedded_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = broadsheet(&["config", "--default"], dir.path());
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), DEFAULT_TOML);
}

#[test]
fn config_shows_the_path_and_the_effective_settings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broadsheet/config.toml");
    let out = broadsheet(&["config", "--path"], dir.path());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}\n", path.display())
    );
    let out = broadsheet(&["config"], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(&format!(
            "# config file: {} (the default location; not found, so the defaults apply)\n",
            path.display()
        )),
        "{text}"
    );
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, "body_width = 64\n").unwrap();
    let text = String::from_utf8(broadsheet(&["config"], dir.path()).stdout).unwrap();
    assert!(
        text.contains("(the default location)\n") && text.contains("body_width = 64\n"),
        "{text}"
    );
}

#[test]
fn a_bad_config_exits_non_zero_with_the_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    fs::write(&path, "width = \n").unwrap();
    let out = broadsheet(&["--config", path.to_str().unwrap(), "config"], dir.path());
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "broadsheet: {}:1:9: TOML syntax: missing value after `=`\n",
            path.display()
        )
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "width = \n");
}

#[test]
fn every_line_of_a_config_error_is_prefixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    fs::write(&path, "theme = 3\nfoo = 1\n").unwrap();
    let out = broadsheet(&["--config", path.to_str().unwrap(), "config"], dir.path());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    for line in lines {
        assert!(line.starts_with("broadsheet: "), "{line}");
    }
}

fn any_config() -> impl proptest::strategy::Strategy<Value = Config> {
    use proptest::prelude::*;
    let folder = "/[a-z\u{4e00}-\u{4e10}\u{1b}\u{202e}\" \\\\]{1,12}".prop_map(PathBuf::from);
    let keys = proptest::sample::subsequence(
        vec![
            ("down", "j"),
            ("up", "ctrl-k"),
            ("quit", "Q"),
            ("help", "f2"),
            ("open", "space"),
        ],
        0..5,
    );
    (
        proptest::collection::vec(folder, 0..3),
        10u16..1001,
        any::<bool>(),
        proptest::sample::select(vec![Punctuation::AsIs, Punctuation::Fullwidth]),
        proptest::sample::select(vec![
            Kinsoku::None,
            Kinsoku::Basic,
            Kinsoku::Gb,
            Kinsoku::Strict,
        ]),
        proptest::sample::select(vec![
            AmbiguousSetting::Auto,
            AmbiguousSetting::Narrow,
            AmbiguousSetting::Wide,
        ]),
        proptest::sample::select(vec!["default", "mono"]),
        (
            (
                1024u64..(16 << 30),
                proptest::bool::ANY,
                proptest::sample::select(vec![MarkRead::End, MarkRead::Open, MarkRead::Manual]),
                proptest::bool::ANY,
                proptest::sample::select(vec![
                    Language::Auto,
                    Language::En,
                    Language::ZhHans,
                    Language::ZhHant,
                ]),
            ),
            (
                (any::<bool>(), any::<bool>(), 16usize..(64 << 20)),
                proptest::collection::vec("[a-z\\-\u{1b}]{1,6}", 0..3),
            ),
        ),
        keys,
        proptest::sample::subsequence(
            vec![
                ("https://a.example/rss", Some("人民日报")),
                ("http://b.example/atom?x=1&y=\"2\"", None),
            ],
            0..2,
        ),
        (
            any::<bool>(),
            1u64..3600,
            proptest::sample::select(vec![0u64, 500, 1000, 2250]),
        ),
    )
        .prop_map(
            |(
                library,
                body_width,
                indent,
                punctuation,
                kinsoku,
                ambiguous_width,
                theme,
                (
                    (size, mouse, mark_read, widows, language),
                    ((hyperlinks, osc52, osc52_max_bytes), copy_command),
                ),
                keys,
                feeds,
                (on_start, timeout, delay_ms),
            )| Config {
                library,
                body_width,
                indent,
                punctuation,
                widows,
                kinsoku,
                ambiguous_width,
                theme: theme.to_owned(),
                max_file_size: size,
                mouse,
                language,
                mark_read,
                linear: false,
                borders: Borders::Ascii,
                markers: Markers::Text,
                feeds: feeds
                    .into_iter()
                    .map(|(url, paper)| config::Subscription {
                        url: url.to_owned(),
                        paper: paper.map(str::to_owned),
                        folder: None,
                    })
                    .collect(),
                fetch_on_start: on_start,
                fetch_timeout: std::time::Duration::from_secs(timeout),
                fetch_host_delay: std::time::Duration::from_millis(delay_ms),
                hyperlinks,
                osc52,
                osc52_max_bytes,
                copy_command,
                keys: keys
                    .into_iter()
                    .map(|(action, key)| (action.to_owned(), vec![key.to_owned()]))
                    .collect(),
                // A setting added later keeps its default here: the round
                // trip still covers it, as `config` prints every setting.
                ..Config::default()
            },
        )
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// `broadsheet config` prints what the loader reads back, control
    /// characters escaped.
    #[test]
    fn any_valid_config_prints_and_reads_back(config in any_config()) {
        let shown = config::to_toml(&config);
        let safe = !shown.contains(['\u{1b}', '\u{202e}']);
        proptest::prop_assert!(safe, "{}", shown);
        proptest::prop_assert_eq!(load_text(&shown), config);
    }
}
