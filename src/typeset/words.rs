//! Where a heading may break between words: a Chinese phrase at the word
//! boundaries of the jieba segmenter, a Japanese one between bunsetsu (after
//! a run of hiragana, before the next kanji, katakana or digit). Korean needs
//! nothing here: its words are written with spaces, and `heading` breaks
//! there.
//!
//! Why jieba (`jieba-rs`) and not ICU4X's `icu_segmenter`: on the sample's
//! headlines ICU's CJ dictionary cuts 调|研, 蔡|奇, 京津|冀, 夺|冠, where jieba
//! has 调研, 蔡奇, 京津冀, 夺冠; and jieba tags parts of speech, so a
//! distinguishing word (区别词, `b`: 副, 总, 男) or a prefix stays with the
//! word it qualifies: `城市副中心` never breaks before `中心`. Japanese, which
//! jieba does not know, is broken by kana runs instead.
//!
//! The dictionary (350 000 words) takes a noticeable time to build, so it is
//! built once, by [`load`], which the reader runs on a thread after its
//! first frame; until then headings break as before (balanced, between any
//! two characters). [`ready`] says which a layout was made with.

use std::ops::Range;
use std::sync::OnceLock;

use jieba_rs::Jieba;

use super::classes::{is_han, is_kana_or_hangul};

static SEGMENTER: OnceLock<Jieba> = OnceLock::new();

/// Build the segmenter's dictionary (once; later calls return at once).
pub fn load() {
    SEGMENTER.get_or_init(Jieba::new);
}

/// Whether the dictionary is built: headings then break between words.
pub fn ready() -> bool {
    SEGMENTER.get().is_some()
}

/// Parts of speech (jieba's tag set, from ICTCLAS) of words that stay with
/// the word after them: distinguishing words (区别词 副 总 男) and prefixes.
fn holds_next(tag: &str) -> bool {
    matches!(tag, "b" | "h")
}

/// Parts of speech that stay with the word before them: suffixes, and
/// classifiers after a numeral (一个, 两座).
fn holds_previous(tag: &str, previous: &str) -> bool {
    tag == "k" || (tag == "q" && previous == "m")
}

/// Byte offsets inside `phrase` (never 0 or its length) where a heading may
/// break between words, in order; `None` when the phrase has no word
/// boundaries to offer (the segmenter is not loaded yet for a Chinese
/// phrase, or the phrase is not Chinese or Japanese).
pub fn boundaries(phrase: &str) -> Option<Vec<usize>> {
    if phrase.chars().any(is_kana) {
        return Some(kana_boundaries(phrase));
    }
    if !phrase.chars().any(is_han) {
        return None;
    }
    let jieba = SEGMENTER.get()?;
    // jieba's dictionary is simplified: a traditional phrase is cut as its
    // simplified form, which has every character at the same offset
    // (`script::shown`), so a headline breaks at the same words in either
    // script and whichever script it is shown in.
    let simplified = super::script::shown(phrase, super::script::Script::Simplified);
    let mut out = Vec::new();
    let mut at = 0;
    let mut previous = "";
    for tag in jieba.tag(&simplified, false) {
        if at > 0 && !holds_next(previous) && !holds_previous(tag.tag, previous) {
            out.push(at);
        }
        at += tag.word.len();
        previous = tag.tag;
    }
    Some(out)
}

fn is_kana(c: char) -> bool {
    is_kana_or_hangul(c) && !matches!(c, '\u{AC00}'..='\u{D7A3}')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}')
}

/// Japanese bunsetsu, roughly: a phrase ends with its particles and
/// endings in hiragana (`市議会は`, `本会議で`), so a break goes after a run
/// of hiragana and before a letter of another kind.
fn kana_boundaries(phrase: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in phrase.char_indices() {
        if let Some(p) = previous
            && is_hiragana(p)
            && !is_hiragana(c)
            && (c.is_alphanumeric())
        {
            out.push(at);
        }
        previous = Some(c);
    }
    out
}

/// Spans of `phrase` between its `boundaries`, as byte ranges of `phrase`.
pub fn spans(phrase: &str, boundaries: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(boundaries.len() + 1);
    let mut from = 0;
    for &at in boundaries.iter().chain(std::iter::once(&phrase.len())) {
        out.push(from..at);
        from = at;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(phrase: &str) -> Vec<&str> {
        load();
        let cuts = boundaries(phrase).unwrap();
        spans(phrase, &cuts)
            .into_iter()
            .map(|r| &phrase[r])
            .collect()
    }

    #[test]
    fn a_distinguishing_word_stays_with_its_noun() {
        let got = words("蔡奇在城市副中心调研");
        assert!(got.contains(&"副中心"), "{got:?}");
        assert!(got.contains(&"调研"), "{got:?}");
    }

    #[test]
    fn a_traditional_phrase_breaks_where_its_simplified_form_does() {
        load();
        let simplified = "蔡奇在城市副中心调研并召开城市副中心建设领导小组全体会议时强调";
        let traditional = "蔡奇在城市副中心調研並召開城市副中心建設領導小組全體會議時強調";
        assert_eq!(boundaries(traditional), boundaries(simplified));
        assert!(words(traditional).contains(&"調研"));
    }

    #[test]
    fn japanese_breaks_after_its_particles() {
        assert_eq!(
            words("市議会は本会議で延伸計画を可決した"),
            ["市議会は", "本会議で", "延伸計画を", "可決した"]
        );
    }
}
