//! The parser on issues unlike the sample: English, Japanese, no masthead,
//! plain text, a split paragraph whose tail starts with `，`; the worked
//! parser rows K37 and K39; and properties on generated issues.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::parse_common;

use broadsheet::model::{BlockKind, Date, JumpDirection};
use broadsheet::parse::parse_issue;
use parse_common::{
    assert_nothing_lost, assert_sources_hold, captions, fixture, jumps, paragraphs,
};
use proptest::prelude::*;

#[test]
fn english_issue_with_by_lines_and_continued_on_page_a4() {
    let (text, issue) = fixture("english-2024-03-12.md");
    assert_eq!(issue.paper, "The Riverside Courier");
    assert_eq!(issue.date, Date::new(2024, 3, 12));
    assert_eq!(issue.weekday.as_deref(), Some("Tuesday"));
    assert_eq!(issue.pages.as_ref().and_then(|p| p.count), Some(8));
    assert_eq!(
        issue.front,
        ["Read us online at www.riverside-courier.example"]
    );
    let [tram, library] = &issue.articles[..] else {
        panic!("{:#?}", issue.articles)
    };
    assert_eq!(tram.kicker.as_deref(), Some("SPECIAL REPORT"));
    assert_eq!(
        tram.deck.as_deref(),
        Some("A decade of debate ends in a single vote")
    );
    assert_eq!(tram.byline.as_deref(), Some("By Jane Doe"));
    let body = paragraphs(tram);
    assert_eq!(body.len(), 2, "{body:?}");
    assert!(
        body[0].contains("three mayors and two transit plans."),
        "Latin halves join with one space"
    );
    assert!(body[1].ends_with("too high."), "{}", body[1]);
    assert_eq!(jumps(tram), [(JumpDirection::ContinuedOn, "A4".to_owned())]);
    assert_eq!(
        library.byline.as_deref(),
        Some("By John Roe and Mary Major")
    );
    let body = paragraphs(library);
    assert_eq!(body.len(), 1, "{body:?}");
    assert!(body[0].contains("more space to study before final exams."));
    assert_eq!(
        captions(library),
        [(
            "Students crowd the reading room on Sunday.".to_owned(),
            Some("(Photo by Ann Lee)".to_owned())
        )]
    );
    assert_eq!(
        jumps(library),
        [(JumpDirection::ContinuedOn, "A6".to_owned())]
    );
    let kinds: Vec<&str> = library.blocks.iter().map(|b| kind_name(&b.kind)).collect();
    assert_eq!(kinds, ["paragraph", "caption", "jump"]);
    assert_nothing_lost(&text, &issue, Some("Tuesday, March 12, 2024 · Eight pages"));
    assert_sources_hold(&text, &issue);
}

fn kind_name(kind: &BlockKind) -> &'static str {
    match kind {
        BlockKind::Paragraph => "paragraph",
        BlockKind::Subhead { .. } => "subhead",
        BlockKind::Caption { .. } => "caption",
        BlockKind::Jump { .. } => "jump",
    }
}

#[test]
fn japanese_issue() {
    let (text, issue) = fixture("japanese-2024-03-08.md");
    assert_eq!(issue.paper, "東都新聞");
    assert_eq!(issue.date, Date::new(2024, 3, 8));
    assert_eq!(issue.weekday.as_deref(), Some("金"));
    assert_eq!(issue.pages.as_ref().and_then(|p| p.count), Some(24));
    let [article] = &issue.articles[..] else {
        panic!("{:#?}", issue.articles)
    };
    assert_eq!(article.headline, "市電の延伸計画を正式決定");
    assert_eq!(article.deck.as_deref(), Some("東岸地区に新駅三つ"));
    assert_eq!(article.byline.as_deref(), Some("記者 山田花子"));
    let body = paragraphs(article);
    assert_eq!(body.len(), 2, "{body:?}");
    assert!(
        body[0].contains("ようやく実を結ぶ」"),
        "CJK halves join with no space: {}",
        body[0]
    );
    assert_eq!(
        captions(article),
        [(
            "写真は市議会の本会議場。".to_owned(),
            Some("（撮影・佐藤一郎）".to_owned())
        )]
    );
    assert_eq!(
        jumps(article),
        [(JumpDirection::ContinuedOn, "2".to_owned())]
    );
    assert_nothing_lost(&text, &issue, Some("2024年3月8日(金) 全24ページ"));
    assert_sources_hold(&text, &issue);
}

#[test]
fn no_masthead_takes_paper_and_date_from_the_file_name() {
    let (text, issue) = fixture("chengshi-2024-03-08.md");
    assert_eq!(issue.paper, "chengshi");
    assert_eq!(issue.date, Date::new(2024, 3, 8));
    assert_eq!(issue.pages, None);
    assert_eq!(issue.weekday, None);
    assert!(
        issue.warnings.iter().any(|w| w.contains("file name")),
        "{:?}",
        issue.warnings
    );
    assert_eq!(issue.articles.len(), 2);
    assert_eq!(issue.articles[0].byline.as_deref(), Some("本报记者 王明"));
    assert_eq!(paragraphs(&issue.articles[0]).len(), 2);
    assert_eq!(
        issue.articles[1].byline.as_deref(),
        Some("本报讯(通讯员 李华)")
    );
    assert_eq!(
        paragraphs(&issue.articles[1]),
        ["昨天,全区春季植树活动正式启动。"]
    );
    assert_nothing_lost(&text, &issue, None);
    assert_sources_hold(&text, &issue);
}

#[test]
fn without_any_name_or_date_nothing_is_guessed() {
    let issue = parse_issue("## 标题\n\n正文。\n", None);
    assert_eq!((issue.paper.as_str(), issue.date), ("", None));
    assert!(
        issue.warnings.iter().any(|w| w.contains("no date")),
        "{:?}",
        issue.warnings
    );
}

#[test]
fn plain_text_is_one_article_titled_from_its_first_line() {
    let (text, issue) = fixture("notice.txt");
    let [article] = &issue.articles[..] else {
        panic!("{:#?}", issue.articles)
    };
    assert_eq!(article.headline, "关于调整公交线路的通知");
    assert_eq!(
        paragraphs(article),
        [
            "自下月1日起,本市12路公交车将调整部分线路。",
            "调整后,12路公交车不再经过火车站,改经新城大道。",
            "请广大乘客相互转告。"
        ]
    );
    assert_eq!(issue.paper, "notice");
    assert_eq!(issue.date, None);
    assert_nothing_lost(&text, &issue, None);
    assert_sources_hold(&text, &issue);
}

#[test]
fn a_tail_starting_with_a_fullwidth_comma_is_joined() {
    let (text, issue) = fixture("comma-split-2022-02-14.md");
    assert_eq!(issue.pages.as_ref().and_then(|p| p.count), Some(8));
    let [article] = &issue.articles[..] else {
        panic!("{:#?}", issue.articles)
    };
    assert_eq!(article.byline.as_deref(), Some("本报记者 张三"));
    assert_eq!(
        paragraphs(article),
        [
            "会议提出建设“两个示范区”，要求各区加快推进老旧小区改造,年内完成改造小区200个。",
            "各区要结合实际制定实施方案。"
        ]
    );
    assert_nothing_lost(&text, &issue, Some("2022年2月14日 星期一 今日八版"));
    assert_sources_hold(&text, &issue);
}

/// Rows K37 and K39 of `typesetting-examples.tsv`, inside an article.
#[test]
fn worked_rows_k37_and_k39() {
    let k37 = parse_issue(
        "## 标题\n\n本报记者 王明\n\n主持召开城市副\n\n中心建设会议。\n\n下午继续讨论。\n",
        None,
    );
    assert_eq!(
        paragraphs(&k37.articles[0]),
        ["主持召开城市副中心建设会议。", "下午继续讨论。"]
    );
    let k39 = parse_issue(
        "## 标题\n\n本报记者 王明\n\n服务中心、\n\n图为新设备。记者 王明/摄\n\n运河商务区完成试点。\n",
        None,
    );
    let article = &k39.articles[0];
    assert_eq!(paragraphs(article), ["服务中心、运河商务区完成试点。"]);
    assert_eq!(
        captions(article),
        [("图为新设备。".to_owned(), Some("记者 王明/摄".to_owned()))]
    );
    assert_eq!(
        kind_name(&article.blocks[1].kind),
        "caption",
        "the caption moves after"
    );
}

#[test]
fn never_joined_across_a_subhead_or_a_jump() {
    let issue = parse_issue(
        "## 标题\n\n本报记者 王明\n\n会议指出\n\n### 小标题\n\n要加快建设。\n\n他说(下转2版)\n\n会议要求。\n",
        None,
    );
    let body = paragraphs(&issue.articles[0]);
    assert_eq!(body, ["会议指出", "要加快建设。", "他说", "会议要求。"]);
}

#[test]
fn never_joined_across_a_headline_or_its_kicker() {
    let issue = parse_issue(
        "## 甲\n\n本报记者 王明\n\n会议指出\n\n引题\n\n## 乙\n\n要加快建设。\n",
        None,
    );
    let [first, second] = &issue.articles[..] else {
        panic!("{:#?}", issue.articles)
    };
    assert_eq!(paragraphs(first), ["会议指出"]);
    assert_eq!(second.kicker.as_deref(), Some("引题"));
    assert_eq!(paragraphs(second), ["要加快建设。"]);
}

fn line() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "城市",
        "副中心",
        "会议",
        "，",
        "。",
        "建设",
        "the",
        "city",
        " ",
        "“",
        "”",
        "、",
        "图为",
        "记者 王明/摄",
        "本报讯(记者 李四)",
        "(下转2版)",
        "本报记者 张三",
        "\n",
        "Continued on Page A4",
        "By Jane",
        "(Photo by X)",
        "，",
    ]);
    prop::collection::vec(words, 1..12).prop_map(|w| w.concat())
}

fn issue_text() -> impl Strategy<Value = String> {
    let block = (0..8u8, line()).prop_map(|(kind, text)| match kind {
        0 => format!("# {text}"),
        1 => format!("## {text}"),
        2 => format!("### {text}"),
        3 => format!("- {text}\n  - {text}"),
        4 => format!("1. {text}"),
        _ => text,
    });
    prop::collection::vec(block, 0..14).prop_map(|blocks| blocks.join("\n\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn generated_issues_lose_nothing_and_keep_true_ranges(text in issue_text()) {
        let issue = parse_issue(&text, None);
        assert_nothing_lost(&text, &issue, None);
        assert_sources_hold(&text, &issue);
    }

    #[test]
    fn any_text_parses_into_sound_blocks(text in "([#*_`>\\-\\n (（)）。，图为记者摄下转版上接A4Cntiuedonfrmage0-9]|\\PC){0,200}") {
        let issue = parse_issue(&text, Some("x-2022-02-13.md"));
        for article in &issue.articles {
            prop_assert!(!article.headline.is_empty());
            for block in &article.blocks {
                prop_assert!(block.source.start <= block.source.end && block.source.end <= text.len());
                prop_assert!(text.is_char_boundary(block.source.start) && text.is_char_boundary(block.source.end));
                let credit_only = matches!(block.kind, BlockKind::Caption { credit: Some(_) });
                prop_assert!(!block.text.is_empty() || credit_only, "{:?}", block);
            }
        }
    }
}
