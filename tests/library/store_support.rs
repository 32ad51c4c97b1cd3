//! What the state-file tests share: where the file is and what a folder
//! holds after a save.

use std::fs;
use std::path::{Path, PathBuf};

pub fn state_file(dir: &Path) -> PathBuf {
    dir.join("state.json")
}

/// The names in `dir`, sorted: temp files, backups and moved-aside copies
/// show up here.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
