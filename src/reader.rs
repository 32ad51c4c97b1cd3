//! The interactive reader: gathers config, library and state, then hands the
//! terminal to the event loop. (Skeleton.)

use std::process::ExitCode;

use crate::cli::Cli;

pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let _ = cli;
    anyhow::bail!("the interactive reader is not built yet")
}
