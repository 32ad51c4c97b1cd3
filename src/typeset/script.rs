//! 繁简: article text shown in simplified or traditional characters, for
//! display only.
//!
//! The converter is OpenCC's data through `ferrous-opencc` (pure Rust,
//! Apache-2.0): it converts by phrase first (the longest dictionary entry
//! at each point: 头发 → 頭髮 but 发展 → 發展, 干部 → 幹部 but 干净 → 乾淨),
//! then by character, with the Taiwan and Hong Kong variant tables for
//! `traditional-tw` and `traditional-hk`.
//!
//! **Offsets never move.** Everything else (the layout's lines, search
//! hits, the reading position, links) is a byte range of the source
//! string, so the shown string keeps the source's byte layout exactly: the
//! conversion is laid over the source one character for one, and a
//! converted character is taken only when its UTF-8 length is its source
//! character's. The configurations offered never change the number of
//! characters (OpenCC's Taiwan *vocabulary* table, which turns 鼠标 into 滑鼠
//! and U盘 into 隨身碟, is not offered); the characters a length rule turns
//! away are rare ones that move between the Basic Multilingual Plane and
//! Extension B (𫝈 for 㑮). Any range of the source is the same range of
//! the shown text, so the shown text can be wrapped, drawn and lit like the
//! source, and the typesetter still measures what is shown.
//!
//! A script's dictionaries are built the first time text is shown in it:
//! 0.2 ms for simplified, 2 ms for each traditional (a release build), so
//! unlike the word segmenter's (`words`) they are built where they are
//! needed, and text is never first shown unconverted.

use std::borrow::Cow;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

use super::classes::is_han;

/// Which characters Chinese text is shown in. (The values' notes are
/// plain comments: clap would show doc comments, untranslated, in `--help`.)
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    clap::ValueEnum,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Script {
    // As the paper prints it.
    #[default]
    AsIs,
    // Simplified characters (简体), as in the mainland and Singapore.
    Simplified,
    // Traditional characters (繁體), OpenCC's standard forms (爲, 僞, 裏).
    Traditional,
    // Traditional characters as Taiwan writes them (臺灣正體: 為, 偽, 裡).
    TraditionalTw,
    // Traditional characters as Hong Kong writes them (香港繁體: 衞, 裏).
    TraditionalHk,
}

impl Script {
    /// The next script in the reader's cycle: as it is, simplified, then
    /// `traditional` (the reader's chosen form of traditional), and back.
    pub fn cycle(self, traditional: Script) -> Script {
        match self {
            Script::AsIs => Script::Simplified,
            Script::Simplified => traditional.traditional(),
            Script::Traditional | Script::TraditionalTw | Script::TraditionalHk => Script::AsIs,
        }
    }

    /// This script when it is a form of traditional, else the standard one.
    pub fn traditional(self) -> Script {
        match self {
            Script::AsIs | Script::Simplified => Script::Traditional,
            other => other,
        }
    }

    /// The traditional script a reader in the locale `name` (`zh_TW.UTF-8`,
    /// `zh-Hant-HK`) reads: Taiwan's or Hong Kong's (Macao's too), else
    /// OpenCC's standard forms.
    pub fn traditional_of_locale(name: &str) -> Script {
        let region = crate::i18n::chinese_subtags(name)
            .into_iter()
            .flatten()
            .find_map(|part| match part.as_str() {
                "tw" => Some(Script::TraditionalTw),
                "hk" | "mo" => Some(Script::TraditionalHk),
                _ => None,
            });
        region.unwrap_or(Script::Traditional)
    }

    /// The catalogue's status-bar notice saying text is now shown so.
    pub fn notice_key(self) -> &'static str {
        match self {
            Script::AsIs => "notice.script_as_is",
            Script::Simplified => "notice.script_simplified",
            Script::Traditional => "notice.script_traditional",
            Script::TraditionalTw => "notice.script_traditional_tw",
            Script::TraditionalHk => "notice.script_traditional_hk",
        }
    }

    /// Which of the slots below holds this script's converter.
    fn slot(self) -> Option<usize> {
        match self {
            Script::AsIs => None,
            Script::Simplified => Some(0),
            Script::Traditional => Some(1),
            Script::TraditionalTw => Some(2),
            Script::TraditionalHk => Some(3),
        }
    }

    /// OpenCC's configuration for it. Simplified is reached from any
    /// traditional text (Taiwan's and Hong Kong's variants are in its
    /// character table); traditional from simplified text, traditional
    /// text passing through unchanged.
    fn config(self) -> Option<BuiltinConfig> {
        match self {
            Script::AsIs => None,
            Script::Simplified => Some(BuiltinConfig::T2s),
            Script::Traditional => Some(BuiltinConfig::S2t),
            Script::TraditionalTw => Some(BuiltinConfig::S2tw),
            Script::TraditionalHk => Some(BuiltinConfig::S2hk),
        }
    }
}

/// The converters, built on first need. `None` inside: the embedded
/// configuration failed to build (it cannot, short of a broken crate), and
/// text is shown as it is.
static CONVERTERS: [OnceLock<Option<OpenCC>>; 4] = [const { OnceLock::new() }; 4];

fn converter(script: Script) -> Option<&'static OpenCC> {
    let config = script.config()?;
    CONVERTERS[script.slot()?]
        .get_or_init(|| OpenCC::from_config(config).ok())
        .as_ref()
}

/// `text` as it is shown in `script`: the same bytes where nothing
/// converts, and always the same byte length with every character at the
/// same offset (see the module's head).
pub fn shown(text: &str, script: Script) -> Cow<'_, str> {
    if script == Script::AsIs || !text.chars().any(is_han) {
        return Cow::Borrowed(text);
    }
    let Some(converter) = converter(script) else {
        return Cow::Borrowed(text);
    };
    let converted = converter.convert(text);
    if converted == text {
        return Cow::Borrowed(text);
    }
    let out = laid_over(text, &converted).unwrap_or_else(|| by_runs(text, converter));
    debug_assert_eq!(out.len(), text.len());
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// Every character that simplified shows otherwise when it stands alone,
/// with what it shows, in code point order: the traditional characters and
/// their variants with their simplified forms (OpenCC's character table,
/// its first choice: 乾 → 干, 發 and 髮 → 发). A character is never mapped
/// to one that maps on. Built once, on first use (a few milliseconds): the
/// search folds with it, so that 高铁 finds 高鐵.
pub fn simplified_characters() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let Some(converter) = converter(Script::Simplified) else {
            return Vec::new();
        };
        let han: Vec<char> = ('\u{3400}'..='\u{3134F}').filter(|&c| is_han(c)).collect();
        // One conversion of every character on a line of its own: no
        // phrase spans a line break.
        let mut lines = String::with_capacity(han.len() * 4);
        for &c in &han {
            lines.push(c);
            lines.push('\n');
        }
        let converted = converter.convert(&lines);
        let mut table: Vec<(char, char)> = han
            .iter()
            .zip(converted.split('\n'))
            .filter_map(|(&c, line)| {
                let mut chars = line.chars();
                match (chars.next(), chars.next()) {
                    (Some(to), None) if to != c && is_han(to) => Some((c, to)),
                    _ => None,
                }
            })
            .collect();
        // The table is sorted by its first column: follow a chain (a → b,
        // b → c) to its end, at most a few steps.
        let lookup = |table: &[(char, char)], c: char| {
            table
                .binary_search_by_key(&c, |&(from, _)| from)
                .map_or(c, |i| table[i].1)
        };
        for _ in 0..4 {
            let next: Vec<(char, char)> = (table.iter())
                .map(|&(from, to)| (from, lookup(&table, to)))
                .collect();
            if next == table {
                break;
            }
            table = next;
        }
        table.retain(|&(from, to)| from != to);
        table
    })
}

/// `converted` laid over `source` one character for one, each converted
/// character taken when it is as long in UTF-8 as the one it stands for;
/// `None` when the two differ in length in characters.
fn laid_over(source: &str, converted: &str) -> Option<String> {
    let mut out = String::with_capacity(source.len());
    let mut theirs = converted.chars();
    for ours in source.chars() {
        let their = theirs.next()?;
        out.push(match their.len_utf8() == ours.len_utf8() {
            true => their,
            false => ours,
        });
    }
    theirs.next().is_none().then_some(out)
}

/// The fallback when a conversion changed the number of characters: each
/// run of Han converted alone, a run whose conversion still does kept as
/// it is.
fn by_runs(source: &str, converter: &OpenCC) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while !rest.is_empty() {
        let han = rest.find(|c: char| !is_han(c)).unwrap_or(rest.len());
        let (run, after) = rest.split_at(han);
        if !run.is_empty() {
            let converted = converter.convert(run);
            out.push_str(laid_over(run, &converted).as_deref().unwrap_or(run));
        }
        let other = after.find(is_han).unwrap_or(after.len());
        out.push_str(&after[..other]);
        rest = &after[other..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown_in(text: &str, script: Script) -> String {
        shown(text, script).into_owned()
    }

    #[test]
    fn phrases_choose_among_one_to_many_characters() {
        assert_eq!(
            shown_in("头发的发展，干部很干净", Script::Traditional),
            "頭髮的發展，幹部很乾淨"
        );
        assert_eq!(shown_in("頭髮的發展", Script::Simplified), "头发的发展");
        assert_eq!(shown_in("高铁", Script::Traditional), "高鐵");
    }

    #[test]
    fn regional_variants_differ_where_the_regions_do() {
        let tw = shown_in("伪造", Script::TraditionalTw);
        let standard = shown_in("伪造", Script::Traditional);
        assert_eq!((standard.as_str(), tw.as_str()), ("僞造", "偽造"));
    }

    #[test]
    fn every_character_keeps_its_offset() {
        let text = "本报讯(记者 赵晓松)北京冬奥会，Beijing 2022 头发";
        for &script in <Script as strum::VariantArray>::VARIANTS {
            let out = shown_in(text, script);
            let ours: Vec<(usize, usize)> = text
                .char_indices()
                .map(|(i, c)| (i, c.len_utf8()))
                .collect();
            let theirs: Vec<(usize, usize)> =
                out.char_indices().map(|(i, c)| (i, c.len_utf8())).collect();
            assert_eq!(ours, theirs, "{script:?}: {out}");
        }
    }

    #[test]
    fn a_character_of_another_length_stays_as_it_is() {
        // OpenCC writes 㑮 (U+346E, three bytes) as 𫝈 (U+2B748, four).
        assert_eq!(shown_in("㑮", Script::Simplified), "㑮");
        assert_eq!(laid_over("a㑮b", "a\u{2B748}b").as_deref(), Some("a㑮b"));
        assert_eq!(laid_over("ab", "abc"), None);
    }

    #[test]
    fn the_character_table_maps_traditional_to_simplified_once() {
        let table = simplified_characters();
        let get = |c: char| (table.binary_search_by_key(&c, |&(from, _)| from)).map(|i| table[i].1);
        assert_eq!(get('鐵'), Ok('铁'));
        assert_eq!((get('發'), get('髮')), (Ok('发'), Ok('发')));
        assert!(get('铁').is_err() && get('高').is_err());
        assert!(table.iter().all(|&(_, to)| get(to).is_err()), "no chains");
        assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
    }

    #[test]
    fn the_locale_chooses_the_regional_traditional() {
        for (locale, script) in [
            ("zh_TW.UTF-8", Script::TraditionalTw),
            ("zh-Hant-HK", Script::TraditionalHk),
            ("zh_MO", Script::TraditionalHk),
            ("zh_CN.UTF-8", Script::Traditional),
            ("en_US.UTF-8", Script::Traditional),
            ("", Script::Traditional),
        ] {
            assert_eq!(Script::traditional_of_locale(locale), script, "{locale}");
        }
    }

    #[test]
    fn the_cycle_keeps_the_chosen_traditional() {
        let tw = Script::TraditionalTw;
        assert_eq!(Script::AsIs.cycle(tw), Script::Simplified);
        assert_eq!(Script::Simplified.cycle(tw), tw);
        assert_eq!(tw.cycle(tw), Script::AsIs);
        assert_eq!(Script::Simplified.cycle(Script::AsIs), Script::Traditional);
    }
}
