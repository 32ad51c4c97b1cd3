//! The test harness as seen from inside: shared by the binaries whose
//! tests start the binary again to run one test alone (a child to signal,
//! kill or crash).

/// The harness's name of the test `name` in `module` (pass `module_path!()`):
/// the module path without the crate's own name, which the harness leaves
/// out, so the name holds wherever the module is mounted.
pub fn test_name(module: &str, name: &str) -> String {
    let module = module.split_once("::").map_or("", |(_, rest)| rest);
    format!("{module}::{name}")
}
