//! `broadsheet config`: show which config file is read and what it amounts
//! to, or print the commented default file. Reads only; never writes the
//! config file.

use crate::i18n::t;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::config::{self, DEFAULT_TOML, Origin};
use crate::store::shown_path;

#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Print the default configuration file, with comments.
    #[arg(long, conflicts_with = "path")]
    pub default: bool,
    /// Print only the path of the config file that would be read.
    #[arg(long)]
    pub path: bool,
}

/// With no flag: check the config file (errors exit non-zero, as the reader
/// would) and print its path, where the path came from, and the effective
/// settings as TOML.
pub fn run(args: &ConfigArgs, explicit: Option<&Path>) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    if args.default {
        out.write_all(DEFAULT_TOML.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let location = config::locate(explicit);
    if args.path {
        let Some(location) = location else {
            anyhow::bail!(crate::i18n::t!("cli.no_config_location"));
        };
        writeln!(out, "{}", shown_path(&location.path))?;
        return Ok(ExitCode::SUCCESS);
    }
    let config = config::load(explicit)?;
    match &location {
        Some(location) => {
            let found = location.path.is_file();
            let note = match (found, location.origin) {
                (true, _) => String::new(),
                (false, Origin::Default) => t!("cli.config_defaults_apply"),
                (false, _) => t!("cli.config_not_found"),
            };
            let path = shown_path(&location.path);
            let origin = location.origin;
            let line = t!("cli.config_file", path = path, origin = origin, note = note);
            writeln!(out, "# {line}")?;
        }
        None => writeln!(out, "# {}", t!("cli.no_config_file"))?,
    }
    out.write_all(config::to_toml(&config).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
