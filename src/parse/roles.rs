//! Layer 2, the newspaper's vocabulary: what a line of text is (kicker or
//! deck, byline, lead-in, caption, jump line) judged from its words alone.
//! These predicates see plain strings, never Markdown events; `assemble`
//! applies them to blocks in order.

use std::ops::Range;

use crate::model::JumpDirection;
use crate::parse::markdown::is_cjk;

/// Ends a sentence (clreq's closing marks, plus the Latin full stop).
const SENTENCE_END: &str = "。！？!?…．.”’\"」』）)";
/// Marks that make a line a sentence rather than a label.
const SENTENCE_MARKS: &str = "。！？!?；;，,：:";
/// clreq basic line-start prohibitions: a block that starts with one of these
/// is the tail of the block before it.
const NO_LINE_START: &str = "、，。．；：？！）］｝〕】》〉」』”’·～／,.;:?!)]}";

/// Display weight: a CJK character counts as two Latin ones.
fn weight(text: &str) -> usize {
    text.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

fn enclosed(text: &str) -> bool {
    let open = text.starts_with(['(', '（', '[', '【']);
    let close = text.ends_with([')', '）', ']', '】']);
    open && close
}

/// A short line without sentence punctuation: a kicker, deck or sub-head deck.
pub fn is_label(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && weight(text) <= 80
        && !text.contains(|c| SENTENCE_MARKS.contains(c))
        && !text.ends_with('.')
        && !enclosed(text)
        && !is_byline(text)
        && caption(text).is_none()
        // A label never holds a jump line: `… first. Continued on Page 3`
        // ends a paragraph that happens to be short and has no comma.
        && find_jump(text).is_none()
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
    if weight(text) > 60 || text.ends_with(['。', '！', '？', '摄', '攝']) {
        return false;
    }
    if let Some(name) = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))
    {
        return name.starts_with(|c: char| c.is_uppercase());
    }
    BYLINE_PREFIXES.iter().any(|p| {
        text.strip_prefix(p)
            .is_some_and(|name| !name.trim().is_empty())
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
    if weight(text) > 300 {
        return None;
    }
    if let Some(start) = credit_start(text) {
        return Some(Caption {
            text_end: text[..start].trim_end().len(),
            credit: Some(start..text.len()),
        });
    }
    ["图为", "圖為", "上图", "下图", "写真は"]
        .iter()
        .any(|p| text.starts_with(p))
        .then_some(Caption {
            text_end: text.len(),
            credit: None,
        })
}

/// Where a photo credit at the end of `text` starts.
fn credit_start(text: &str) -> Option<usize> {
    // A parenthesised credit: `(新华社记者 李四 摄)`, `(Photo by Ann Lee)`.
    if text.ends_with([')', '）']) {
        let open = text.rfind(['(', '（'])?;
        let group = &text[open..];
        let photo = group.contains("Photo") || group.contains("摄") || group.contains("撮影");
        return photo.then_some(open);
    }
    let tail_start = text
        .char_indices()
        .filter(|&(_, c)| "。！？!?".contains(c) || c == '.')
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(0);
    let tail = text[tail_start..].trim_start();
    let start = text.len() - tail.len();
    if tail.ends_with(['摄', '攝']) || tail.ends_with("撮影") {
        let reporter = BYLINE_PREFIXES.iter().any(|p| tail.starts_with(p));
        let marked = tail.contains(['/', '／', ' ', '\u{3000}']);
        return (weight(tail) <= 40 && (reporter || marked)).then_some(start);
    }
    // `Photo: J. Doe` may hold full stops, so look from the end of the text.
    ["Photo:", "Photo by ", "Photograph:", "Photos:"]
        .iter()
        .filter_map(|p| text.rfind(p))
        .max()
        .filter(|&at| weight(&text[at..]) <= 60)
}

/// A jump line found in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jump {
    pub range: Range<usize>,
    pub direction: JumpDirection,
    pub page: Range<usize>,
}

/// A page as printed: `2`, `A4`, `二`.
fn page_at(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let letters = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_uppercase())
            .len();
    let digits_at = at + letters.min(1);
    let digits = text[digits_at..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len() - digits_at);
    if letters <= 1 && (1..=3).contains(&digits) {
        return Some(digits_at + digits);
    }
    let cn = text[at..]
        .find(|c: char| !"一二三四五六七八九十".contains(c))
        .unwrap_or(text.len() - at);
    (letters == 0 && cn > 0).then_some(at + cn)
}

fn skip_ws(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + rest.len() - rest.trim_start().len()
}

/// A jump line starting exactly at `at`: `(下转2版)`, `（上接第1版）`,
/// `Continued on Page A4`, `（2面に続く）`. Its end, direction and page.
pub fn jump_at(text: &str, at: usize) -> Option<(usize, JumpDirection, Range<usize>)> {
    let rest = &text[at..];
    let open = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '(' | '（' | '['));
    let inner = at + open.map_or(0, char::len_utf8);
    let (direction, page, end) = chinese_jump(text, inner)
        .or_else(|| english_jump(text, inner))
        .or_else(|| japanese_jump(text, inner))?;
    let end = match open {
        Some(_) => {
            let close = text[end..]
                .chars()
                .next()
                .filter(|c| matches!(c, ')' | '）' | ']'))?;
            end + close.len_utf8()
        }
        // A bare `下转2版` is a jump only as a whole block; inside prose it
        // could be words.
        None if chinese_jump(text, inner).is_some() && (at > 0 || end < text.trim_end().len()) => {
            return None;
        }
        None => end,
    };
    Some((end, direction, page))
}

type JumpMatch = (JumpDirection, Range<usize>, usize);

fn chinese_jump(text: &str, at: usize) -> Option<JumpMatch> {
    let rest = &text[at..];
    let (direction, len) = [
        ("下转", JumpDirection::ContinuedOn),
        ("转", JumpDirection::ContinuedOn),
        ("上接", JumpDirection::ContinuedFrom),
        ("接", JumpDirection::ContinuedFrom),
    ]
    .iter()
    .find_map(|(word, dir)| rest.starts_with(word).then_some((*dir, word.len())))?;
    let mut page_start = at + len;
    if text[page_start..].starts_with('第') {
        page_start += '第'.len_utf8();
    }
    let page_start = skip_ws(text, page_start);
    let page_end = page_at(text, page_start)?;
    let end = skip_ws(text, page_end);
    text[end..]
        .starts_with('版')
        .then(|| (direction, page_start..page_end, end + '版'.len_utf8()))
}

fn english_jump(text: &str, at: usize) -> Option<JumpMatch> {
    let rest = &text[at..];
    let word = ["Continued", "continued", "Cont'd", "Cont."]
        .iter()
        .find(|w| rest.starts_with(*w))?;
    let at = skip_ws(text, at + word.len());
    let (direction, at) = if text[at..].starts_with("on ") {
        (JumpDirection::ContinuedOn, at + 3)
    } else if text[at..].starts_with("from ") {
        (JumpDirection::ContinuedFrom, at + 5)
    } else {
        return None;
    };
    let at = skip_ws(text, at);
    let at = ["Page ", "page ", "P. ", "p. "]
        .iter()
        .find_map(|p| text[at..].starts_with(p).then(|| at + p.len()))
        .unwrap_or(at);
    let page_end = page_at(text, at)?;
    Some((direction, at..page_end, page_end))
}

fn japanese_jump(text: &str, at: usize) -> Option<JumpMatch> {
    let page_end = page_at(text, at)?;
    let rest = text[page_end..].strip_prefix('面')?;
    let after = page_end + '面'.len_utf8();
    for (tail, direction) in [
        ("に続く", JumpDirection::ContinuedOn),
        ("へ続く", JumpDirection::ContinuedOn),
        ("から続く", JumpDirection::ContinuedFrom),
        ("から", JumpDirection::ContinuedFrom),
    ] {
        if rest.starts_with(tail) {
            return Some((direction, at..page_end, after + tail.len()));
        }
    }
    None
}

/// Where a jump line sits in a block.
pub fn find_jump(text: &str) -> Option<Jump> {
    let trimmed = text.trim_end().len();
    let make = |start: usize, (end, direction, page): (usize, JumpDirection, Range<usize>)| Jump {
        range: start..end,
        direction,
        page,
    };
    if let Some(found) = jump_at(text, 0) {
        return Some(make(0, found));
    }
    // At the end: try each character boundary of the last few dozen bytes.
    let from = trimmed.saturating_sub(60);
    (from..trimmed)
        .filter(|&i| text.is_char_boundary(i))
        .filter(|&i| i == 0 || text[..i].ends_with(|c: char| !c.is_ascii_alphanumeric()))
        .find_map(|i| {
            jump_at(text, i)
                .filter(|(end, ..)| *end == trimmed)
                .map(|m| make(i, m))
        })
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
    fn jumps() {
        let text = "实现四级政务服务全覆盖。(下转2版)";
        let jump = find_jump(text).unwrap();
        assert_eq!(&text[jump.range.clone()], "(下转2版)");
        assert_eq!(&text[jump.page], "2");
        assert_eq!(jump.direction, JumpDirection::ContinuedOn);
        let text = "（上接第1版）会议指出。";
        let jump = find_jump(text).unwrap();
        assert_eq!(&text[jump.range], "（上接第1版）");
        assert_eq!(jump.direction, JumpDirection::ContinuedFrom);
        let text = "Continued on Page A4";
        let jump = find_jump(text).unwrap();
        assert_eq!(&text[jump.page], "A4");
        let text = "The council will vote in May. Continued on Page A4";
        assert_eq!(
            &text[find_jump(text).unwrap().range],
            "Continued on Page A4"
        );
        let text = "全面的な見直しを求めた。（2面に続く）";
        assert_eq!(&text[find_jump(text).unwrap().page], "2");
        assert_eq!(find_jump("他说要转2版面的内容"), None);
        assert_eq!(find_jump("他说稿件要转2版"), None);
        assert!(find_jump("下转2版").is_some());
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
