//! Which characters of a text can fold to a given character: what a
//! prefilter must look for in raw bytes so that no match is lost.
//!
//! Folding works character by character (a canonical span is the NFD of its
//! characters, reordered, then lowercased; reordering moves characters but
//! never makes or removes one), so a folded text holds `c` exactly when one
//! of its characters folds to a string holding `c`. The characters that do
//! not fold to themselves are few (cased letters, decomposing characters,
//! combining marks, fullwidth forms, whitespace, break hints): they are
//! listed once, with their folds, by running the fold itself over every
//! code point, so this can never drift from [`super::fold`].

use std::sync::OnceLock;

use super::fold::{Folded, folds_to_itself};

/// Every character that does not fold to itself, with its fold.
type Table = Vec<(char, String)>;

fn table(insensitive: bool) -> &'static Table {
    static TABLES: [OnceLock<Table>; 2] = [OnceLock::new(), OnceLock::new()];
    TABLES[usize::from(insensitive)].get_or_init(|| {
        let mut buf = [0; 4];
        (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| !folds_to_itself(c, insensitive))
            .map(|c| (c, Folded::new(c.encode_utf8(&mut buf), insensitive).text))
            .collect()
    })
}

/// Every character whose fold holds `target` (`target` itself when it
/// folds to itself), for a pattern folded with `insensitive`.
pub fn sources_of(target: char, insensitive: bool) -> Vec<char> {
    let table = table(insensitive);
    let mut sources: Vec<char> = table
        .iter()
        .filter(|(_, fold)| fold.contains(target))
        .map(|&(c, _)| c)
        .collect();
    if table.binary_search_by_key(&target, |&(c, _)| c).is_err() {
        sources.push(target);
    }
    sources.sort_unstable();
    sources
}

/// Build the tables now (a few tens of milliseconds, once), so the first
/// search does not pay for them.
pub fn warm_up() {
    table(true);
    table(false);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_has_only_itself_its_compatibility_and_traditional_twins() {
        assert_eq!(sources_of('高', true), ['高']);
        // U+F900 is a compatibility ideograph, canonically U+8C48 (豈),
        // a traditional character whose simplified form is 岂.
        assert_eq!(sources_of('岂', true), ['岂', '豈', '\u{F900}']);
    }

    #[test]
    fn a_simplified_character_has_its_traditional_forms() {
        let tie = sources_of('铁', true);
        assert!(tie.contains(&'铁') && tie.contains(&'鐵'), "{tie:?}");
        let fa = sources_of('发', false);
        for c in ['发', '發', '髮'] {
            assert!(fa.contains(&c), "{c:?} missing from {fa:?}");
        }
        // A traditional character in a pattern folds away: never looked for.
        assert!(sources_of('鐵', true).is_empty());
    }

    #[test]
    fn a_letter_has_its_cases_widths_and_accented_forms() {
        let k = sources_of('k', true);
        for c in ['k', 'K', 'ｋ', 'Ｋ', '\u{212A}', 'ḱ', 'Ḱ'] {
            assert!(k.contains(&c), "{c:?} missing from {k:?}");
        }
        let exact = sources_of('k', false);
        assert!(exact.contains(&'k') && exact.contains(&'ｋ') && !exact.contains(&'K'));
        assert!(sources_of('i', true).contains(&'\u{130}'));
        assert!(sources_of('σ', true).contains(&'ς'));
        assert!(sources_of(' ', true).contains(&'\u{3000}'));
    }

    #[test]
    fn every_source_really_folds_to_hold_the_target() {
        for target in ['a', 'é', '\u{301}', 'が', '\u{3099}', '(', '한'] {
            for c in sources_of(target, true) {
                let fold = Folded::new(&c.to_string(), true).text;
                assert!(fold.contains(target), "{c:?} → {fold:?} lacks {target:?}");
            }
        }
    }
}
