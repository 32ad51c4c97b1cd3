//! Only regular files are read, and a stray NUL does not make a text file
//! binary.

use std::path::Path;

use broadsheet::store::Store;

use super::{run, text, within};

fn mkfifo(path: &Path) {
    use rustix::fs::{CWD, FileType, Mode, mknodat};
    mknodat(CWD, path, FileType::Fifo, Mode::RUSR | Mode::WUSR, 0).unwrap();
}

#[test]
fn a_fifo_named_as_the_config_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("fifo.toml");
    mkfifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    for args in [
        &["--config", fifo, "list"][..],
        &["--config", fifo, "config"],
    ] {
        let out = run(args, home.path(), b"");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("not a regular file: a FIFO"), "{stderr}");
        assert!(stderr.contains("fifo.toml"), "{stderr}");
        assert!(!stderr.contains("not found"), "{stderr}");
    }
}

#[test]
fn a_fifo_at_the_default_config_path_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config").join("broadsheet");
    std::fs::create_dir_all(&dir).unwrap();
    mkfifo(&dir.join("config.toml"));
    let out = run(&["config"], home.path(), b"");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("config.toml: not a regular file"),
        "{stderr}"
    );
}

#[test]
fn a_fifo_as_the_state_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("state.json"));
    let path = dir.path().to_owned();
    let messages = within("opening the state", move || {
        let (mut store, _state) = Store::open_at(&path);
        store.take_messages().join("\n")
    });
    assert!(messages.contains("not a regular file"), "{messages}");
}

#[test]
fn a_fifo_or_a_device_as_an_issue_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("pipe-2024-03-12.md");
    mkfifo(&fifo);
    for (path, kind) in [
        (fifo.to_str().unwrap(), "a FIFO"),
        ("/dev/zero", "a device"),
    ] {
        let out = run(&["dump", path], home.path(), b"");
        assert_eq!(out.status.code(), Some(1), "{path}: {out:?}");
        assert!(text(&out.stderr).contains(kind), "{out:?}");
    }
}

#[test]
fn a_stray_nul_is_read_as_text_with_its_offset() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("nul-2024-03-12.md");
    std::fs::write(&path, "# 报\n\n## 标题\n\n正文\0。\n").unwrap();
    let out = run(&["dump", path.to_str().unwrap()], home.path(), b"");
    assert!(out.status.success(), "{out:?}");
    assert!(text(&out.stdout).contains("正文\u{FFFD}。"), "{out:?}");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("NUL at byte 24"), "{stderr}");
}

#[test]
fn binaries_are_still_not_text() {
    let home = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("png-2024-03-12.md", &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..]),
        (
            "pdf-2024-03-12.md",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n\0\x01\x02",
        ),
        ("nuls-2024-03-12.md", &[b'a', 0].repeat(64)),
    ] {
        let path = home.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(&["dump", path.to_str().unwrap()], home.path(), b"");
        assert_eq!(out.status.code(), Some(1), "{name}: {out:?}");
        assert!(text(&out.stderr).contains("not text"), "{name}: {out:?}");
    }
}
