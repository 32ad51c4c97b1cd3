//! Short terms body text keeps whole: a short quoted term, a slash unit, a
//! Korean word, at every width they fit in.

use broadsheet::typeset::{Options, str_width, wrap};

/// `term` is on one line at every width from that of `unit` (the term with
/// the punctuation no line may start or end between) to 60.
fn kept_whole(text: &str, term: &str, unit: &str) {
    let options = Options::default();
    for width in str_width(unit, options.ambiguous)..=60 {
        let lines: Vec<&str> = wrap(text, width, 4, &options)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert!(
            lines.iter().any(|l| l.contains(term)),
            "{term:?} split at width {width}: {lines:?}"
        );
    }
}

#[test]
fn a_short_quoted_term_stays_on_one_line() {
    kept_whole(
        "会议强调，要深入贯彻落实“十四五”规划，推动城市副中心高质量发展。",
        "“十四五”",
        "“十四五”规",
    );
}

#[test]
fn a_slash_unit_stays_on_one_line() {
    kept_whole(
        "该芯片的能效达到每瓦特二十万亿次运算（TOPS/W），居于世界前列。",
        "TOPS/W",
        "（TOPS/W），",
    );
}

#[test]
fn a_korean_word_stays_on_one_line() {
    kept_whole(
        "이것은 새 도서관의 열쇠입니다 그리고 시민 모두의 것입니다.",
        "열쇠입니다",
        "열쇠입니다",
    );
}

#[test]
fn a_url_still_breaks_after_its_slash() {
    let text = "see https://gazette.example/staff/ann-lee-and-tom-hale now";
    let lines: Vec<&str> = wrap(text, 40, 0, &Options::default())
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(lines[0], "see https://gazette.example/staff/");
}
