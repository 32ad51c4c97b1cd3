//! Shell conventions: `broadsheet completions SHELL` and `broadsheet man`,
//! both generated from the one clap definition ([`Cli`]) so they never
//! drift from the real options.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Print the completion script for `args.shell` on standard output.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "broadsheet", &mut out);
    io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Print the man page (roff, section 1) on standard output.
pub fn man() -> anyhow::Result<ExitCode> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}
