use proptest::prelude::*;

use super::fold::Folded;
use super::*;
use crate::library::sanitize;
use crate::library::{SAMPLE_NAME, SAMPLE_TEXT};
use crate::parse::parse_issue;
use unicode_segmentation::UnicodeSegmentation;

fn find(pattern: &str, text: &str) -> Vec<Range<usize>> {
    Query::new(pattern).unwrap().find(text)
}

fn found<'a>(pattern: &str, text: &'a str) -> Vec<&'a str> {
    find(pattern, text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn literal_not_regex() {
    assert_eq!(found("a.b", "axb a.b"), ["a.b"]);
    assert_eq!(found("(", "f(x)"), ["("]);
    assert_eq!(found("*", "a*b"), ["*"]);
}

#[test]
fn smart_case() {
    assert_eq!(found("bank", "Bank BANK bank"), ["Bank", "BANK", "bank"]);
    assert_eq!(found("Bank", "Bank BANK bank"), ["Bank"]);
    assert_eq!(found("привет", "ПРИВЕТ мир"), ["ПРИВЕТ"]);
    assert_eq!(found("Привет", "ПРИВЕТ мир"), Vec::<&str>::new());
    assert_eq!(found("straße", "STRAẞE"), ["STRAẞE"]);
    assert_eq!(found("istanbul", "İstanbul"), ["İstanbul"]);
    assert_eq!(found("οδος", "ΟΔΟΣ οδος"), ["ΟΔΟΣ", "οδος"]);
    assert_eq!(found("ΟΔΟΣ", "ΟΔΟΣ οδος"), ["ΟΔΟΣ"]);
    assert!(!Query::new("abc").unwrap().is_case_sensitive());
    assert!(Query::new("aBc").unwrap().is_case_sensitive());
}

#[test]
fn width_folding_both_ways() {
    assert_eq!(found("ＡＢＣ", "abc ABC"), ["ABC"]);
    assert_eq!(found("ａｂｃ", "abc ABC"), ["abc", "ABC"]);
    assert_eq!(found("abc", "ＡＢＣ"), ["ＡＢＣ"]);
    assert_eq!(found("(", "见（上）"), ["（"]);
    assert_eq!(found("（", "f(x)"), ["("]);
    assert_eq!(found("5g", "５Ｇ网络"), ["５Ｇ"]);
    assert_eq!(found("a b", "a\u{3000}b"), ["a\u{3000}b"]);
    assert_eq!(found("a\u{3000}b", "a b"), ["a b"]);
}

#[test]
fn simplified_and_traditional_find_each_other() {
    assert_eq!(found("高铁", "京张高鐵通车"), ["高鐵"]);
    assert_eq!(found("高鐵", "京张高铁通车"), ["高铁"]);
    assert_eq!(found("頭髮", "剪头发"), ["头发"]);
    // One simplified character stands for several traditional ones: each
    // is found.
    assert_eq!(found("发", "發展 髮型 发"), ["發", "髮", "发"]);
    // A compatibility ideograph is its unified twin, then simplified.
    assert_eq!(found("岂", "\u{F900}豈岂"), ["\u{F900}", "豈", "岂"]);
    let text = "记者 高鐵站";
    let start = text.find('高').unwrap();
    assert_eq!(find("高铁", text), vec![start..start + "高鐵".len()]);
}

#[test]
fn whitespace_runs_match_any_run() {
    assert_eq!(found("a b", "a  \n\tb"), ["a  \n\tb"]);
    assert_eq!(found("a   b", "a b"), ["a b"]);
    assert!(find("a b", "ab").is_empty());
    assert!(find("ab", "a b").is_empty());
    assert_eq!(found(" ", "a  b c"), ["  ", " "]);
}

#[test]
fn break_hints_are_ignored() {
    assert_eq!(
        found("hyphenation", "hyph\u{AD}enation"),
        ["hyph\u{AD}enation"]
    );
    assert_eq!(found("ab", "a\u{200B}b"), ["a\u{200B}b"]);
    assert_eq!(found("a\u{200B}b", "ab"), ["ab"]);
    // A match neither starts nor ends with a dropped invisible.
    assert_eq!(find("b", "\u{200B}b\u{200B}"), vec![3..4]);
}

#[test]
fn grapheme_boundaries() {
    assert!(find("e", "e\u{301}").is_empty());
    assert_eq!(
        found("e\u{301}", "cafe\u{301} e\u{301}"),
        ["e\u{301}", "e\u{301}"]
    );
    assert_eq!(found("e", "e\u{301}e"), ["e"]);
    assert_eq!(find("e", "e\u{301}e"), vec![3..4]);
    // A Hangul syllable in jamo is one grapheme.
    assert!(find("\u{1100}", "\u{1100}\u{1161}").is_empty());
    // One flag out of a pair of flags, never a half of each.
    let flags = "🇯🇵🇨🇳";
    assert_eq!(found("🇵🇨", flags), Vec::<&str>::new());
    assert_eq!(found("🇨🇳", flags), ["🇨🇳"]);
    // An emoji ZWJ sequence is one grapheme.
    assert!(find("👨", "👨\u{200D}👩").is_empty());
}

#[test]
fn canonically_equivalent_text_matches() {
    // Precomposed and decomposed, both ways.
    assert_eq!(found("café", "cafe\u{301} au lait"), ["cafe\u{301}"]);
    assert_eq!(found("cafe\u{301}", "un café"), ["café"]);
    // Kana with its voiced mark written apart (text from some PDFs and
    // macOS file names), and the Kelvin and Ångström signs.
    assert_eq!(found("がっこう", "か\u{3099}っこう"), ["か\u{3099}っこう"]);
    assert_eq!(found("か\u{3099}", "がか"), ["が"]);
    assert_eq!(found("K", "5 \u{212A}"), ["\u{212A}"]);
    assert_eq!(found("Å", "\u{212B}"), ["\u{212B}"]);
    // Marks in either order are the same text.
    assert_eq!(found("ệ", "e\u{302}\u{323}"), ["e\u{302}\u{323}"]);
    assert_eq!(found("e\u{323}\u{302}", "ệ"), ["ệ"]);
    // Case folding after the decomposition.
    assert_eq!(found("école", "ÉCOLE"), ["ÉCOLE"]);
    // A base letter alone still does not match a part of a precomposed one.
    assert!(find("e", "é").is_empty());
    assert!(find("か", "が").is_empty());
    assert!(find("é", "e\u{323}\u{301}").is_empty());
}

#[test]
fn a_rejected_match_does_not_hide_an_overlapping_one() {
    // `aa` at 0 would end inside `a\u{301}`; the one at 1 is fine.
    assert_eq!(find("aa", "aaa\u{301}"), vec![0..2]);
    assert_eq!(find("aa", "a\u{301}aa"), vec![3..5]);
}

#[test]
fn ranges_are_into_the_source() {
    let text = "ＡＢ　ｃ déjà vu";
    for (pattern, expected) in [("ab c", "ＡＢ　ｃ"), ("DÉJÀ", ""), ("déjà", "déjà")] {
        let got = found(pattern, text);
        if expected.is_empty() {
            assert!(got.is_empty(), "{pattern}");
        } else {
            assert_eq!(got, [expected], "{pattern}");
        }
    }
    assert_eq!(find("vu", text), vec![text.len() - 2..text.len()]);
}

#[test]
fn empty_and_invisible_patterns_are_errors() {
    assert!(matches!(Query::new(""), Err(QueryError::Empty)));
    assert!(matches!(Query::new("\u{AD}"), Err(QueryError::Invisible)));
    assert_eq!(QueryError::Empty.to_string(), "the search pattern is empty");
}

#[test]
fn long_patterns_are_cut() {
    let paste = "字".repeat(1_000_000);
    let query = Query::new(&paste).unwrap();
    assert_eq!(query.pattern().chars().count(), Query::MAX_CHARS);
    // The cut backs off rather than strip a mark from its base.
    let marked = format!("{}e\u{301}", "a".repeat(Query::MAX_CHARS - 1));
    let query = Query::new(&marked).unwrap();
    assert_eq!(query.pattern(), "a".repeat(Query::MAX_CHARS - 1));
    assert_eq!(Query::new("short").unwrap().pattern(), "short");
}

#[test]
fn hidden_tag_text_is_never_matched() {
    // "secret" written in TAG characters after a visible word.
    let hidden: String = "secret"
        .chars()
        .map(|c| char::from_u32(0xE0000 + u32::from(c)).unwrap())
        .collect();
    let source = format!("# 报\n\n## Visible headline\n\nPlain words{hidden} here.\n");
    let query = Query::new("secret").unwrap();
    // Unsanitised, the tags stay (as Extend characters glued to `words`)
    // and still never match; sanitised, as the library reads, they are gone.
    for text in [source.clone(), sanitize(&source).into_owned()] {
        let issue = parse_issue(&text, None);
        assert!(!issue.articles.is_empty());
        for article in &issue.articles {
            assert!(find_in_article(&query, article).is_empty());
        }
    }
    let issue = parse_issue(&sanitize(&source), None);
    assert!(!issue.articles[0].blocks[0].text.contains('\u{E0073}'));
    {
        let words = Query::new("words").unwrap();
        let hits: usize = issue
            .articles
            .iter()
            .map(|a| find_in_article(&words, a).len())
            .sum();
        assert_eq!(hits, 1);
    }
}

#[test]
fn phrases_split_by_columns_are_found_in_the_sample() {
    let issue = parse_issue(&sanitize(SAMPLE_TEXT), Some(SAMPLE_NAME));
    for phrase in ["盘活存量低效用地", "服务质量提升"] {
        let query = Query::new(phrase).unwrap();
        let hits: Vec<_> = issue
            .articles
            .iter()
            .flat_map(|a| find_in_article(&query, a).into_iter().map(move |h| (a, h)))
            .collect();
        assert!(!hits.is_empty(), "{phrase}");
        for (article, hit) in hits {
            assert_eq!(&hit.text.resolve(article)[hit.range], phrase);
        }
    }
}

#[test]
fn hits_come_in_reading_order() {
    let text = "# 报\n\n### 要闻\n## 标题 cat\n\n猫 cat 一。\n\n二 cat。\n";
    let issue = parse_issue(text, None);
    let article = &issue.articles[0];
    let hits = find_in_article(&Query::new("cat").unwrap(), article);
    let refs: Vec<TextRef> = hits.iter().map(|h| h.text).collect();
    let expected: Vec<TextRef> = text_refs(article)
        .into_iter()
        .filter(|r| r.resolve(article).contains("cat"))
        .collect();
    assert_eq!(refs, expected);
    assert!(refs.len() >= 2, "{refs:?}");
}

/// The fold of a string, for comparing what a match covers.
fn folded(text: &str, insensitive: bool) -> String {
    Folded::new(text, insensitive).text
}

fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a", "A", "b", "e", "\u{301}", " ", "\u{3000}", "Ａ", "ａ", "（", "(", "字", "\n",
        "\u{AD}", "🇯", "🇵", "\u{200D}", "👩", "ß", "İ", "i", "\u{1100}", "\u{1161}", "é", "Ж", "ж",
        "\u{B}", "\u{2003}", "\u{212A}", "k", "ẞ", "\u{323}", "ệ", "か", "\u{3099}", "が", "Å",
    ])
    .prop_map(str::to_owned)
}

/// The fold by its definition: the canonical decomposition of the whole
/// text but its Hangul syllables (and after the Turkish capital I, which
/// folds to a plain `i`), then one character at a time.
fn reference_fold(text: &str, insensitive: bool) -> String {
    use unicode_normalization::UnicodeNormalization;
    let text = if insensitive {
        text.replace('\u{130}', "i")
    } else {
        text.to_owned()
    };
    let is_syllable = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    let mut decomposed = String::new();
    for piece in text.split_inclusive(is_syllable) {
        let (rest, syllable) = match piece.char_indices().last() {
            Some((i, c)) if is_syllable(c) => piece.split_at(i),
            _ => (piece, ""),
        };
        decomposed.extend(rest.nfd());
        decomposed.push_str(syllable);
    }
    let text = decomposed;
    let mut out = String::new();
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        if matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}') {
            continue;
        }
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap(),
            _ => simplified(c),
        };
        match (insensitive, c) {
            (true, 'ς') => out.push('σ'),
            (true, _) => out.extend(c.to_lowercase()),
            (false, _) => out.push(c),
        }
    }
    out
}

/// A traditional character's simplified form, from the display
/// converter's table.
fn simplified(c: char) -> char {
    let table = crate::typeset::script::simplified_characters();
    table
        .binary_search_by_key(&c, |&(from, _)| from)
        .map_or(c, |i| table[i].1)
}

fn any_text() -> impl Strategy<Value = String> {
    let chars = prop::sample::select(vec![
        'a',
        'Z',
        ' ',
        '\t',
        '\n',
        '\u{B}',
        '\u{A0}',
        '\u{3000}',
        '\u{2003}',
        'Ａ',
        'ｚ',
        '（',
        '字',
        '鐵',
        '铁',
        '髮',
        '\u{F900}',
        '\u{2B748}',
        'か',
        '한',
        'Ж',
        'ж',
        'Σ',
        'ς',
        'σ',
        'İ',
        'ẞ',
        'न',
        '\u{94D}',
        'א',
        '\u{212A}',
        '\u{AD}',
        '\u{200B}',
        '\u{FEFF}',
        '\u{301}',
        '\u{323}',
        'é',
        'É',
        'ệ',
        'が',
        '\u{3099}',
        '\u{212B}',
        '\u{2000}',
        'Ⓐ',
        '\u{1F3F4}',
    ]);
    prop::collection::vec(chars, 0..48).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_fast_fold_is_the_definition(text in any_text(), insensitive in any::<bool>()) {
        let folded = Folded::new(&text, insensitive);
        prop_assert_eq!(&folded.text, &reference_fold(&text, insensitive));
    }

    #[test]
    fn every_range_is_a_whole_match(
        text in prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat()),
        pattern in prop::collection::vec(piece(), 1..4).prop_map(|v| v.concat()),
    ) {
        let Ok(query) = Query::new(&pattern) else { return Ok(()) };
        let insensitive = !query.is_case_sensitive();
        let bounds: Vec<usize> = text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut last_end = 0;
        for range in query.find(&text) {
            prop_assert!(range.start >= last_end && range.start < range.end);
            prop_assert!(bounds.contains(&range.start) && bounds.contains(&range.end));
            let matched = &text[range.clone()];
            prop_assert_eq!(folded(matched, insensitive), folded(&pattern, insensitive));
            last_end = range.end;
        }
    }
}

#[test]
fn an_early_reject_never_loses_a_match() {
    let texts = [
        "高亭宇夺金",
        "高 亭\u{AD}宇",
        "ＴＲＡＭ tram Tram",
        "e\u{301}té Été",
        "\u{F900}豈",
        "京张高鐵 高铁",
        "か\u{3099}が",
        "Kelvin \u{212A} k",
        "nothing here",
        "",
    ];
    let patterns = [
        "高亭宇",
        "tram",
        "TRAM",
        "été",
        "豈",
        "高铁",
        "高鐵",
        "岂",
        "が",
        "k",
        "亭 宇",
        "ｔｒａｍ",
    ];
    for pattern in patterns {
        let plain = Query::new(pattern).unwrap();
        let early = plain.clone().with_early_reject();
        for text in texts {
            assert_eq!(
                early.find(text),
                plain.find(text),
                "{pattern:?} in {text:?}"
            );
        }
    }
}

#[test]
fn an_early_reject_finds_what_the_plain_query_finds_in_the_sample() {
    let issue = parse_issue(&sanitize(SAMPLE_TEXT), Some(SAMPLE_NAME));
    for pattern in ["高亭宇", "北京", "的", "冬奥会", "2022", "记者", "，"] {
        let plain = Query::new(pattern).unwrap();
        let early = plain.clone().with_early_reject();
        for article in &issue.articles {
            assert_eq!(
                find_in_article(&early, article),
                find_in_article(&plain, article),
                "{pattern:?}"
            );
        }
    }
}
