//! Layer 2, the newspaper's vocabulary: what a line of text is (kicker or
//! deck, byline, lead-in, caption, jump line) judged from its words alone.
//! These predicates see plain strings, never Markdown events; `assemble`
//! applies them to blocks in order.

use std::ops::Range;

use crate::parse::markdown::is_cjk;

mod jumps;

pub use jumps::{Jump, find_jump, jump_at};

/// Ends a sentence (clreq's closing marks, plus the Latin full stop).
const SENTENCE_END: &str = "。！？!?…．.”’\"」』）)";
/// Marks that end a sentence wherever they stand: a line holding one is
/// prose, not a label. (Latin `.`, `!`, `?` only end one before a space or
/// at the end, see `latin_sentence_end`.)
const FULL_STOPS: &str = "。！？…‼⁇⁈⁉．｡";
/// Marks after which a sentence goes on: a line ending in one was cut, or
/// leads into what follows (`预算包括：`); either way it is not a label.
const GOES_ON: &str = "，、；：,;:";
/// Marks that make a line starting `记者`, `By`… a sentence, not a byline.
const CLAUSE_MARKS: &str = "。！？；：，!?;:";
/// Words whose full stop is not a sentence's end.
const ABBREVIATIONS: [&str; 14] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "Gen", "Gov", "Sen", "Rep", "Mt", "No",
];
/// clreq basic line-start prohibitions: a block that starts with one of these
/// is the tail of the block before it.
const NO_LINE_START: &str = "、，。．；：？！）］｝〕】》〉」』”’·～／,.;:?!)]}";

/// Whether the display weight of `text` (a CJK character counts as two
/// Latin ones) is at most `max`. Asked of every block of every issue
/// (most are long paragraphs), so it stops as soon as it knows: a
/// character weighs at most its UTF-8 length (CJK is 3 or 4 bytes, weight
/// 2), at least a quarter of it, and one or two.
fn weighs_at_most(text: &str, max: usize) -> bool {
    if text.len() <= max {
        return true;
    }
    if text.len() / 4 > max {
        return false;
    }
    // Each character weighs one or two: its count (a fast byte count)
    // decides most texts.
    let chars = text.chars().count();
    if chars > max {
        return false;
    }
    if chars * 2 <= max {
        return true;
    }
    // Then two more byte counts: characters led by E5–E9 (U+5000–U+9FFF,
    // all Han) weigh two; only those of three or four bytes led by E1 or
    // more (U+1000 on, where every CJK range lies) can.
    let bytes = text.as_bytes();
    let han = bytes
        .iter()
        .filter(|&&b| (0xE5..=0xE9).contains(&b))
        .count();
    if chars + han > max {
        return false;
    }
    let wide = bytes.iter().filter(|&&b| b >= 0xE1).count();
    if chars + wide <= max {
        return true;
    }
    let mut weight = 0;
    for c in text.chars() {
        weight += if is_cjk(c) { 2 } else { 1 };
        if weight > max {
            return false;
        }
    }
    true
}

fn enclosed(text: &str) -> bool {
    let open = text.starts_with(['(', '（', '[', '【']);
    let close = text.ends_with([')', '）', ']', '】']);
    open && close
}

/// A Latin `.`, `!` or `?` that ends a sentence: before a space or at the
/// end, not after an initial (`J. Doe`), a title (`Dr. Lee`) or a dotted
/// abbreviation (`U.S.`); so `2.5`, `U.S. rates` and `Dr. Lee` leave a
/// line a label.
fn latin_sentence_end(text: &str) -> bool {
    text.char_indices().any(|(at, c)| {
        let stop = matches!(c, '.' | '!' | '?');
        let after = text[at + c.len_utf8()..].chars().next();
        let word = text[..at].rsplit(char::is_whitespace).next().unwrap_or("");
        let initial = word.len() == 1 && word.starts_with(|l: char| l.is_ascii_uppercase());
        let dotted = word.contains('.') || ABBREVIATIONS.contains(&word);
        let abbreviation = c == '.' && (initial || dotted);
        stop && after.is_none_or(char::is_whitespace) && !abbreviation
    })
}

/// A line shaped like a title: no sentence ends in it, it does not end
/// leading on (`，`, `：`), and it is no byline, caption or jump line.
/// Commas, `、`, `；`, dashes and spaces inside are a title's, as in
/// `扎实推进，稳步发展`.
fn label_shape(text: &str) -> bool {
    !text.is_empty()
        && !text.contains(|c| FULL_STOPS.contains(c))
        && !latin_sentence_end(text)
        && !text.ends_with(|c| GOES_ON.contains(c))
        && !enclosed(text)
        && !is_byline(text)
        && caption(text).is_none()
        // A label never holds a jump line: `… first. Continued on Page 3`
        // ends a paragraph that happens to be short and has no comma.
        && find_jump(text).is_none()
}

/// A short line shaped like a title: a kicker, deck or sub-head deck.
pub fn is_label(text: &str) -> bool {
    let text = text.trim();
    weighs_at_most(text, 80) && label_shape(text)
}

/// A line between a headline and a byline: a deck when it is shaped like a
/// title, up to about three lines of print (a long `——记…` deck).
pub fn is_deck_before_byline(text: &str) -> bool {
    let text = text.trim();
    weighs_at_most(text, 240) && label_shape(text)
}

/// The text ends a sentence, so a page-column break cannot be inside it.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| SENTENCE_END.contains(c))
}

/// Ends with a full stop, question or exclamation mark: never continued.
pub fn ends_with_stop(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| "。！？!?….．".contains(c))
}

/// Starts with punctuation that cannot start a line: a continuation.
pub fn starts_with_no_start(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(|c| NO_LINE_START.contains(c))
}

const BYLINE_PREFIXES: [&str; 12] = [
    "本报记者",
    "本报通讯员",
    "本报特约记者",
    "特约记者",
    "实习记者",
    "新华社记者",
    "记者",
    "通讯员",
    "文/",
    "文／",
    "撰文",
    "記者",
];

/// A standalone byline: `本报记者 陈施君`, `By Jane Doe`.
pub fn is_byline(text: &str) -> bool {
    let text = text.trim();
    if !weighs_at_most(text, 60) || text.ends_with(['。', '！', '？', '摄', '攝']) {
        return false;
    }
    if let Some(name) = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))
    {
        // `By Ann Lee, Staff Writer` has a comma; `By Monday, all was done.` ends a sentence.
        return name.starts_with(|c: char| c.is_uppercase()) && !latin_sentence_end(name);
    }
    // `记者从市交通委获悉，…` is a sentence about a reporter, not a name list.
    BYLINE_PREFIXES.iter().any(|p| {
        text.strip_prefix(p).is_some_and(|name| {
            !name.trim().is_empty() && !name.contains(|c| CLAUSE_MARKS.contains(c))
        })
    })
}

/// A parenthesised group at `at` (ASCII or fullwidth); its end.
fn paren_group(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let close = match rest.chars().next()? {
        '(' => ')',
        '（' => '）',
        _ => return None,
    };
    let len = rest.find(close)?;
    (len <= 90).then_some(at + len + close.len_utf8())
}

/// The lead-in byline at the start of a first paragraph: `本报讯(记者 刘菲菲
/// 武红利)`, `本报北京2月12日讯`, `新华社北京2月12日电(记者 张三)`. Its end.
pub fn lead_in(text: &str) -> Option<usize> {
    let agency = ["本报", "新华社", "中新社", "中新网", "人民网", "据新华社"]
        .iter()
        .find(|p| text.starts_with(*p))?;
    let mut end = agency.len();
    // Between the agency and `讯`/`电`: a place and a date, nothing else.
    let mut steps = 0;
    loop {
        let c = text[end..].chars().next()?;
        end += c.len_utf8();
        if c == '讯' || c == '电' {
            break;
        }
        steps += 1;
        let plain = c.is_alphanumeric() || c == ' ';
        if steps > 16 || !plain {
            return None;
        }
    }
    if let Some(group_end) = paren_group(text, end) {
        let group = &text[end..group_end];
        if ["记者", "通讯员", "实习生", "特约"]
            .iter()
            .any(|w| group.contains(w))
        {
            end = group_end;
        }
    }
    (!text[end..].trim().is_empty()).then_some(end)
}

/// A caption: its text's end, and the credit's range when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caption {
    pub text_end: usize,
    pub credit: Option<Range<usize>>,
}

/// `图为…。记者 戴冰/摄`, `昨日,高亭宇夺金。记者 方非/摄`, `… (Photo by Ann Lee)`.
pub fn caption(text: &str) -> Option<Caption> {
    let text = text.trim_end();
    // The weight last: it is the one test that reads the whole text, and
    // nearly every paragraph fails one of the others.
    let caption = if let Some(start) = credit_start(text) {
        Caption {
            text_end: text[..start].trim_end().len(),
            credit: Some(start..text.len()),
        }
    } else if ["图为", "圖為", "上图", "下图", "写真は"]
        .iter()
        .any(|p| text.starts_with(p))
    {
        Caption {
            text_end: text.len(),
            credit: None,
        }
    } else {
        return None;
    };
    weighs_at_most(text, 300).then_some(caption)
}

/// What ends the sentence a photo credit may follow.
const SENTENCE_ENDS: [char; 6] = ['。', '！', '？', '!', '?', '.'];

/// Where a photo credit at the end of `text` starts.
fn credit_start(text: &str) -> Option<usize> {
    // A parenthesised credit: `(新华社记者 李四 摄)`, `(Photo by Ann Lee)`.
    if text.ends_with([')', '）']) {
        let open = text.rfind(['(', '（'])?;
        let group = &text[open..];
        let photo = group.contains("Photo") || group.contains("摄") || group.contains("撮影");
        return photo.then_some(open);
    }
    // After the last sentence end (one backward search, not a pass over
    // every character).
    let tail_start = text.rfind(SENTENCE_ENDS).map_or(0, |i| {
        i + text[i..].chars().next().map_or(0, char::len_utf8)
    });
    let tail = text[tail_start..].trim_start();
    let start = text.len() - tail.len();
    if tail.ends_with(['摄', '攝']) || tail.ends_with("撮影") {
        let reporter = BYLINE_PREFIXES.iter().any(|p| tail.starts_with(p));
        let marked = tail.contains(['/', '／', ' ', '\u{3000}']);
        return (weighs_at_most(tail, 40) && (reporter || marked)).then_some(start);
    }
    // `Photo: J. Doe` may hold full stops, so look from the end of the text
    // (each form starts `Photo`, which most texts do not hold).
    memchr::memmem::find(text.as_bytes(), b"Photo")?;
    ["Photo:", "Photo by ", "Photograph:", "Photos:"]
        .iter()
        .filter_map(|p| text.rfind(p))
        .max()
        .filter(|&at| weighs_at_most(&text[at..], 60))
}

/// Front matter words: app banners, issue numbers, publisher lines.
pub fn is_front_matter(text: &str) -> bool {
    const WORDS: [&str; 12] = [
        "客户端",
        "APP",
        "App",
        "微信",
        "微博",
        "公众号",
        "www.",
        "http",
        "邮发代号",
        "刊号",
        "主办",
        "出版",
    ];
    let spaced_cjk = text.trim().char_indices().any(|(i, c)| {
        c.is_whitespace()
            && text.trim()[..i].chars().next_back().is_some_and(is_cjk)
            && text.trim()[i..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(is_cjk)
    });
    spaced_cjk || WORDS.iter().any(|w| text.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The weight as defined: two for a CJK character, one for any other.
    fn weight(text: &str) -> usize {
        text.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        #[test]
        fn weighs_at_most_is_the_weight_against_the_limit(
            // Han, Yijing hexagrams (U+4DC0, not CJK), U+1000 (not CJK),
            // Hangul, fullwidth, punctuation, Latin, astral Han.
            text in "[高亭宇\u{4DC0}\u{4DFF}\u{1000}\u{1100}한，“ ab\u{20000}]{0,400}",
            max in 0usize..700,
        ) {
            proptest::prop_assert_eq!(weighs_at_most(&text, max), weight(&text) <= max);
        }
    }

    #[test]
    fn labels_are_short_and_unpunctuated() {
        assert!(is_label("北京城市副中心生机勃勃"));
        assert!(is_label("陈吉宁张延昆参加"));
        assert!(!is_label(
            "市领导崔述强、张天明、谈绪祥,市政府秘书长戴彬彬参加。"
        ));
        assert!(!is_label("本报记者 陈施君"));
        assert!(!is_label("（完）"));
        assert!(!is_label("(下转2版)"));
        assert!(!is_label("Three berths come first. Continued on Page 3"));
        assert!(is_label("扎实推进，稳步发展"));
        assert!(is_label(
            "京津冀协同发展；交通先行、产业跟进——新格局 新气象"
        ));
        assert!(is_label("A long wait, and a sign"));
        assert!(is_label("Dr. Lee returns as U.S. rates hit 2.5%"));
        assert!(!is_label("预算包括："));
        assert!(!is_label("城市副中心的建设者们，"));
        assert!(!is_label("今天上午，全市迎来降雨。"));
        assert!(!is_label("Rain fell. Roads shut"));
        assert!(!is_label("Why now?"));
        assert!(!is_label("等待……"));
        let long = "——记北京城市副中心数千名一线建设者在冬奥会和春节期间坚守岗位、保障城市平稳有序运行的日日夜夜";
        assert!(!is_label(long));
        assert!(is_deck_before_byline(long));
        assert!(!is_deck_before_byline("他们坚守一线。"));
    }

    #[test]
    fn bylines() {
        assert!(is_byline("本报记者 陈施君"));
        assert!(is_byline("By Jane Doe"));
        assert!(is_byline("记者 王明"));
        assert!(is_byline("通讯员 李华"));
        assert!(!is_byline("By the river, the city grew."));
        assert!(!is_byline("记者 戴冰/摄"));
        assert!(!is_byline("记者"));
        assert!(is_byline("本报记者 刘菲菲、武红利"));
        assert!(is_byline("By Ann Lee, Staff Writer"));
        assert!(!is_byline("记者从市交通委获悉，地铁将延长"));
        assert!(!is_byline("By Monday, all work was done."));
    }

    #[test]
    fn lead_ins() {
        let text = "本报讯(记者 刘菲菲 武红利)昨天上午,市委书记到城市副中心调研。";
        let end = lead_in(text).unwrap();
        assert_eq!(&text[..end], "本报讯(记者 刘菲菲 武红利)");
        let text = "新华社北京2月12日电 高亭宇夺冠。";
        assert_eq!(&text[..lead_in(text).unwrap()], "新华社北京2月12日电");
        assert_eq!(lead_in("本报记者从市交通委获悉,地铁将延长运营。"), None);
    }

    #[test]
    fn captions_and_credits() {
        let text = "图为智能服务终端的人脸识别和指纹解锁系统。记者 戴冰/摄";
        let found = caption(text).unwrap();
        assert_eq!(
            &text[..found.text_end],
            "图为智能服务终端的人脸识别和指纹解锁系统。"
        );
        assert_eq!(&text[found.credit.unwrap()], "记者 戴冰/摄");
        let text = "The new tram at dawn. (Photo by Ann Lee)";
        let found = caption(text).unwrap();
        assert_eq!(&text[found.credit.unwrap()], "(Photo by Ann Lee)");
        assert_eq!(caption("他用手机拍摄了全过程。"), None);
        let text = "市民在公园赏花。张三 摄";
        assert_eq!(&text[caption(text).unwrap().credit.unwrap()], "张三 摄");
        let text = "Crowds at the spring fair. Photo: J. Doe";
        let found = caption(text).unwrap();
        assert_eq!(&text[found.credit.unwrap()], "Photo: J. Doe");
        assert_eq!(&text[..found.text_end], "Crowds at the spring fair.");
        assert!(caption("图为新设备。").unwrap().credit.is_none());
    }

    #[test]
    fn sentence_ends_and_continuations() {
        assert!(!ends_sentence("主持召开城市副"));
        assert!(!ends_sentence("万达党群服务中心、"));
        assert!(ends_sentence("确保一季度实现“开门红”。"));
        assert!(starts_with_no_start("，并指出"));
        assert!(is_front_matter("北京日报客户端 融汇副中心客户端"));
        assert!(!is_front_matter("北京城市副中心生机勃勃"));
    }
}
