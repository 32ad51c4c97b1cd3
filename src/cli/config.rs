//! `broadsheet config`. (Skeleton.)

use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Print the default configuration file, with comments.
    #[arg(long)]
    pub default: bool,
}

pub fn run(args: &ConfigArgs, explicit: Option<&Path>) -> anyhow::Result<ExitCode> {
    let _ = (args, explicit);
    anyhow::bail!("config is not built yet")
}
