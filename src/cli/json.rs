//! `broadsheet json`. (Skeleton.)

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct JsonArgs {
    /// Issue files or folders; none: the sample issue.
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &JsonArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("json is not built yet")
}
