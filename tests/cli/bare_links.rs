//! Bare URLs and addresses are links when an issue is read, so `json` and
//! `dump` see them as the reader does.

use std::process::Command;

use crate::cli_support::fixture;

#[test]
fn json_and_dump_carry_bare_links() {
    let out = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(["json", &fixture("bare-links-2022-02-14.md")])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let links = &json[0]["articles"][0]["blocks"][0]["links"];
    let urls: Vec<&str> = links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["url"].as_str().unwrap())
        .collect();
    assert_eq!(
        urls,
        [
            "https://www.qualcomm.com/news/releases/2022/02/snapdragon-platform?lang=zh&ref=bjfzx",
            "mailto:desk@bjfzx.example"
        ]
    );
    let out = Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args([
            "dump",
            "--width",
            "30",
            &fixture("bare-links-2022-02-14.md"),
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[2] mailto:desk@bjfzx.example"), "{text}");
    assert!(
        text.lines().all(|l| !l.ends_with("https://")),
        "a line ends after the scheme:\n{text}"
    );
}
