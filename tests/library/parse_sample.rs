//! The sample issue, exactly as the issue describes it, and the parser's
//! promises on it: nothing lost, true source ranges, stable ids, CRLF, a cut head.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::parse_common;

use broadsheet::library::{SAMPLE_NAME, SAMPLE_TEXT};
use broadsheet::model::{Article, BlockKind, Date, Issue, JumpDirection};
use broadsheet::parse::{WHOLE_FILE_BELOW, parse_header, parse_issue};
use parse_common::{
    article_text, assert_nothing_lost, assert_sources_hold, captions, jumps, paragraphs,
};

fn sample() -> Issue {
    parse_issue(SAMPLE_TEXT, Some(SAMPLE_NAME))
}

fn all_text(article: &Article) -> String {
    article_text(article)
}

#[test]
fn the_masthead_and_date_line() {
    let issue = sample();
    assert_eq!(issue.paper, "北京城市副中心报");
    assert_eq!(issue.date, Date::new(2022, 2, 13));
    assert_eq!(issue.weekday.as_deref(), Some("星期日"));
    assert!(issue.lunar.as_deref().unwrap().contains("壬寅年正月十三"));
    assert_eq!(issue.pages.as_ref().and_then(|p| p.count), Some(4));
    assert!(issue.warnings.is_empty(), "{:?}", issue.warnings);
}

#[test]
fn the_app_banner_is_front_matter_not_an_article() {
    let issue = sample();
    assert_eq!(issue.front, ["北京日报客户端 融汇副中心客户端"]);
    for article in &issue.articles {
        assert!(
            !all_text(article).contains("北京日报客户端"),
            "{}",
            article.headline
        );
    }
}

#[test]
fn four_articles_in_order() {
    let issue = sample();
    let headlines: Vec<&str> = issue.articles.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(headlines.len(), 4, "{headlines:?}");
    assert!(headlines[0].starts_with("蔡奇在城市副中心调研"));
    assert_eq!(headlines[1], "副中心年底前将实现四级政务服务全覆盖");
    assert_eq!(headlines[2], "冬奥会速度滑冰中国男选手夺冠");
    assert!(headlines[3].starts_with("城市副中心党工委管委会专题会"));
}

#[test]
fn article_one_deck_byline_and_eleven_unbroken_paragraphs() {
    let issue = sample();
    let one = &issue.articles[0];
    assert_eq!(one.deck.as_deref(), Some("陈吉宁张延昆参加"));
    assert_eq!(one.kicker, None);
    let byline = one.byline.as_deref().unwrap();
    assert!(
        byline.contains("刘菲菲") && byline.contains("武红利"),
        "{byline}"
    );
    let paragraphs = paragraphs(one);
    assert_eq!(paragraphs.len(), 11);
    for phrase in [
        "主持召开城市副中心建设领导小组全体会议",
        "盘活存量低效用地",
        "服务质量提升",
    ] {
        assert!(
            paragraphs.iter().any(|p| p.contains(phrase)),
            "{phrase} is broken"
        );
    }
    assert!(
        !paragraphs[0].contains("本报讯"),
        "the lead-in byline stays in the text"
    );
    assert!(!all_text(one).contains("北京城市副中心生机勃勃"));
}

#[test]
fn article_two_kicker_subhead_caption_and_jump() {
    let issue = sample();
    let two = &issue.articles[1];
    assert_eq!(two.kicker.as_deref(), Some("北京城市副中心生机勃勃"));
    assert_eq!(two.byline.as_deref(), Some("本报记者 陈施君"));
    let paragraphs = paragraphs(two);
    assert!(
        paragraphs.iter().all(|p| !p.contains("陈施君")),
        "the byline is a paragraph"
    );
    let subhead = two
        .blocks
        .iter()
        .find(|b| matches!(b.kind, BlockKind::Subhead { .. }))
        .unwrap();
    assert_eq!(subhead.text, "“四级联动”");
    assert_eq!(
        subhead.kind,
        BlockKind::Subhead {
            deck: Some("智能办事终端走出大厅进基层".into())
        }
    );
    assert!(paragraphs.iter().any(|p| {
        p.contains("已经在6个街道乡、万达党群服务中心、运河商务区完成了终端试点布设")
            && p.contains("跨层级、跨地域")
    }));
    assert_eq!(
        captions(two),
        [(
            "图为智能服务终端的人脸识别和指纹解锁系统。".to_owned(),
            Some("记者 戴冰/摄".to_owned())
        )]
    );
    assert_eq!(jumps(two), [(JumpDirection::ContinuedOn, "2".to_owned())]);
}

#[test]
fn article_three_one_rejoined_paragraph_caption_and_jump() {
    let issue = sample();
    let three = &issue.articles[2];
    assert!(three.byline.as_deref().unwrap().contains("赵晓松"));
    let paragraphs = paragraphs(three);
    assert!(
        paragraphs
            .iter()
            .any(|p| p.contains("获得冬奥会速度滑冰金牌的男选手") && p.contains("最后一个100米"))
    );
    assert_eq!(
        captions(three),
        [(
            "昨日,高亭宇夺金。".to_owned(),
            Some("记者 方非/摄".to_owned())
        )]
    );
    assert_eq!(jumps(three), [(JumpDirection::ContinuedOn, "2".to_owned())]);
}

#[test]
fn article_four_six_paragraphs_and_a_jump() {
    let issue = sample();
    let four = &issue.articles[3];
    assert!(four.byline.as_deref().unwrap().contains("陶涛"));
    assert_eq!(paragraphs(four).len(), 6);
    assert_eq!(jumps(four), [(JumpDirection::ContinuedOn, "2".to_owned())]);
    assert!(
        paragraphs(four).iter().all(|p| !p.contains("下转")),
        "jump left in the text"
    );
}

#[test]
fn nothing_is_lost_and_every_source_range_holds() {
    let issue = sample();
    assert_nothing_lost(
        SAMPLE_TEXT,
        &issue,
        Some("2022年2月13日 星期日 农历壬寅年正月十三 今日四版"),
    );
    assert_sources_hold(SAMPLE_TEXT, &issue);
}

#[test]
fn ids_survive_edits_elsewhere_in_the_file() {
    let before = sample();
    let edited = SAMPLE_TEXT.replacen(
        "北京日报客户端 融汇副中心客户端\n",
        "北京日报客户端 融汇副中心客户端\n\n## 新增的一篇报道\n\n新增报道的正文。\n",
        1,
    ) + "\n\n追加的一段。\n";
    let after = parse_issue(&edited, Some(SAMPLE_NAME));
    assert_eq!(after.articles.len(), 5);
    for (old, new) in before.articles.iter().zip(&after.articles[1..]) {
        assert_eq!(old.id, new.id);
    }
    let again = sample();
    assert_eq!(before, again, "parsing is not deterministic");
    // Sorted first: `dedup` only drops neighbours.
    let mut ids: Vec<&str> = before.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 4, "article ids are not unique");
}

#[test]
fn crlf_gives_the_same_articles() {
    let crlf = SAMPLE_TEXT.replace('\n', "\r\n");
    let issue = parse_issue(&crlf, Some(SAMPLE_NAME));
    let plain = sample();
    assert_eq!(issue.paper, plain.paper);
    assert_eq!((issue.date, &issue.pages), (plain.date, &plain.pages));
    assert_eq!(issue.front, plain.front);
    assert_eq!(issue.articles.len(), plain.articles.len());
    for (a, b) in issue.articles.iter().zip(&plain.articles) {
        assert_eq!(
            (&a.id, &a.kicker, &a.headline, &a.deck, &a.byline),
            (&b.id, &b.kicker, &b.headline, &b.deck, &b.byline)
        );
        let texts = |x: &Article| {
            x.blocks
                .iter()
                .map(|b| (b.kind.clone(), b.text.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(a), texts(b));
    }
    assert!(!serde_json::to_string(&issue).unwrap().contains("\\r"));
    assert_sources_hold(&crlf, &issue);
}

#[test]
fn the_header_matches_the_issue_and_a_cut_head_never_misleads() {
    let full = parse_header(SAMPLE_TEXT, Some(SAMPLE_NAME));
    let issue = sample();
    assert_eq!(full.paper.as_deref(), Some(issue.paper.as_str()));
    assert_eq!(
        (full.date, &full.weekday, &full.lunar, full.pages),
        (
            issue.date,
            &issue.weekday,
            &issue.lunar,
            issue.pages.as_ref().and_then(|p| p.count)
        )
    );
    // Cut at every character boundary through the head (after blank lines
    // that make it as long as a real cut head): each field is either the
    // true one or absent.
    let end = SAMPLE_TEXT.find("## ").unwrap() + 40;
    let pad = "\n".repeat(WHOLE_FILE_BELOW);
    for cut in (1..end).filter(|&i| SAMPLE_TEXT.is_char_boundary(i)) {
        let head = parse_header(&format!("{pad}{}", &SAMPLE_TEXT[..cut]), Some(SAMPLE_NAME));
        assert!(head.date.is_none() || head.date == full.date, "cut {cut}");
        assert!(
            head.lunar.is_none() || head.lunar == full.lunar,
            "cut {cut}: {:?}",
            head.lunar
        );
        assert!(
            head.pages.is_none() || head.pages == full.pages,
            "cut {cut}"
        );
        assert!(
            head.paper
                .as_deref()
                .is_some_and(|p| p == issue.paper || p == "bjfzxb"),
            "cut {cut}: {:?}",
            head.paper
        );
    }
}
