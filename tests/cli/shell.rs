//! `broadsheet completions SHELL` and `broadsheet man`, from the clap
//! definition: the bash script really completes in bash.

use std::process::Command;

fn broadsheet(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bash_completes_du_to_dump() {
    let script = broadsheet(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broadsheet.bash");
    std::fs::write(&path, script).unwrap();
    // What bash does on Tab after `broadsheet du`.
    let driver = format!(
        "source {path:?}\nCOMP_WORDS=(broadsheet du)\nCOMP_CWORD=1\nCOMP_LINE='broadsheet du'\n\
         COMP_POINT=${{#COMP_LINE}}\n_broadsheet broadsheet du broadsheet\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
    );
    let out = match Command::new("bash").arg("-c").arg(&driver).output() {
        Ok(out) => out,
        Err(err) => {
            eprintln!("skipped: no bash to source the completion in ({err})");
            return;
        }
    };
    assert!(out.status.success(), "{out:?}");
    let replies = String::from_utf8(out.stdout).unwrap();
    let replies: Vec<&str> = replies.lines().collect();
    assert_eq!(replies, ["dump"], "{replies:?}");
}

#[test]
fn zsh_and_fish_scripts_name_the_commands() {
    for shell in ["zsh", "fish"] {
        let script = broadsheet(&["completions", shell]);
        for command in ["dump", "json", "completions", "man"] {
            assert!(script.contains(command), "{shell}: no {command}");
        }
    }
}

#[test]
fn the_man_page_is_roff_with_the_commands() {
    let page = broadsheet(&["man"]);
    assert!(page.contains(".TH broadsheet 1"), "{page}");
    assert!(page.contains("dump") && page.contains("completions"));
}
