//! URLs set across lines: broken only after `/ . ? & =`, never inside or
//! right after `https://` (issue 14: `…详情见https://` / `www.qualcomm.com/…`).

use broadsheet::typeset::{Options, wrap};
use proptest::prelude::*;

const TEXT: &str = "高通公司宣布推出新一代平台，详情见https://www.qualcomm.com/news/releases/2022/02/snapdragon?lang=zh&ref=bjfzx。更多内容请关注。";

fn lines(text: &str, width: usize) -> Vec<&str> {
    wrap(text, width, 0, &Options::default())
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn the_issue_s_url_starts_its_line_whole_scheme_and_host() {
    let set = lines(TEXT, 30);
    assert!(set.iter().all(|l| !l.ends_with("https://")), "{set:#?}");
    assert!(set.iter().any(|l| l.contains("https://www.")), "{set:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// From 14 cells, the width `https://www.` and the longest piece
    /// between separators need (narrower, something must be cut).
    #[test]
    fn a_url_line_ends_after_a_separator(width in 14usize..60) {
        let set = lines(TEXT, width);
        let url_start = TEXT.find("https").unwrap();
        let url_end = TEXT.find('。').unwrap();
        let mut at = 0;
        for line in &set {
            at = TEXT[at..].find(line).unwrap() + at + line.len();
            if at > url_start + 1 && at < url_end {
                let cut = &TEXT[url_start..at];
                prop_assert!(cut.len() > "https://".len(), "cut at {cut:?}: {set:#?}");
                prop_assert!(
                    cut.ends_with(['/', '.', '?', '&', '=']),
                    "cut at {cut:?}: {set:#?}"
                );
            }
        }
    }
}
