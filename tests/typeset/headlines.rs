//! Headlines break between words: the sample's four headlines at every
//! width from 40 to 120, with the word segmenter loaded.

use std::ops::Range;

use broadsheet::library::{SAMPLE_NAME, SAMPLE_TEXT};
use broadsheet::parse::parse_issue;
use broadsheet::typeset::{Options, line_width, words, wrap_heading};

/// Where `lines` break inside one phrase (not at a space).
fn breaks_inside_phrases(lines: &[Range<usize>]) -> Vec<usize> {
    (lines.windows(2))
        .filter(|pair| pair[0].end == pair[1].start)
        .map(|pair| pair[1].start)
        .collect()
}

#[test]
fn the_sample_headlines_break_between_words_at_widths_40_to_120() {
    words::load();
    let issue = parse_issue(SAMPLE_TEXT, Some(SAMPLE_NAME));
    let headlines: Vec<&str> = issue.articles.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(headlines.len(), 4);
    let options = Options::default();
    for headline in headlines {
        for width in 40..=120 {
            let lines = wrap_heading(headline, width, &options);
            for line in &lines {
                assert!(line_width(headline, line.clone(), width, &options) <= width);
            }
            for phrase in headline.split(' ') {
                let start = phrase.as_ptr() as usize - headline.as_ptr() as usize;
                let cuts = words::boundaries(phrase).unwrap_or_default();
                for at in breaks_inside_phrases(&lines) {
                    if (start..start + phrase.len()).contains(&at) {
                        assert!(
                            cuts.contains(&(at - start)),
                            "{headline:?} at {width}: a break inside a word at {:?}",
                            &headline[at..]
                        );
                    }
                }
            }
            let set: Vec<&str> = lines.iter().map(|r| &headline[r.clone()]).collect();
            for pair in set.windows(2) {
                assert!(
                    !(pair[0].ends_with('副') && pair[1].starts_with("中心")),
                    "{headline:?} at {width}: {set:?}"
                );
            }
        }
    }
}

#[test]
fn a_deck_is_balanced_between_words() {
    words::load();
    let deck = "打造京津冀协同发展高质量样板";
    let lines: Vec<&str> = wrap_heading(deck, 20, &Options::default())
        .into_iter()
        .map(|r| &deck[r])
        .collect();
    assert_eq!(lines, ["打造京津冀协同", "发展高质量样板"]);
}
