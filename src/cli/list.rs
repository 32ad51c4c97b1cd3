//! `broadsheet list`. (Skeleton.)

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Issue files or folders; none: the sample issue.
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("list is not built yet")
}
