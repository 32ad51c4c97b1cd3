//! Two defects a reader found: a deck with a comma swallowed the deck, the
//! byline and the first paragraph into one paragraph; and Markdown lists
//! were flattened and glued to the paragraphs around them. Also the
//! guarantee behind both: `parse::mend` joins a paragraph only to a
//! paragraph, never to a byline, a deck, a list item or any other role.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::parse_common;

use broadsheet::model::{Article, BlockKind, Issue};
use broadsheet::parse::parse_issue;
use parse_common::{assert_nothing_lost, assert_sources_hold, fixture, paragraphs};

fn article<'a>(issue: &'a Issue, headline: &str) -> &'a Article {
    (issue.articles.iter())
        .find(|a| a.headline == headline)
        .unwrap_or_else(|| panic!("no article {headline:?} in {:#?}", issue.articles))
}

/// Deck, byline and paragraphs of an article, to compare in one assert.
fn head_and_body(article: &Article) -> (Option<&str>, Option<&str>, Vec<&str>) {
    (
        article.deck.as_deref(),
        article.byline.as_deref(),
        paragraphs(article),
    )
}

#[test]
fn a_deck_with_a_comma_is_a_deck_and_the_byline_after_it_a_byline() {
    let (text, issue) = fixture("decks-2024-03-01.md");
    assert_eq!(
        head_and_body(article(&issue, "新线开通")),
        (
            Some("扎实推进，稳步发展"),
            Some("本报记者 王明"),
            vec!["今天上午，新线正式开通运营。"]
        )
    );
    // Enumeration comma, semicolon, dash and a space: still a deck.
    let linked = article(&issue, "三地联动");
    assert_eq!(linked.kicker.as_deref(), Some("新春走基层，记者在一线"));
    assert_eq!(
        head_and_body(linked),
        (
            Some("京津冀协同发展；交通先行、产业跟进——新格局 新气象"),
            Some("本报记者 李华 通讯员 张强"),
            vec!["三地将新开通跨省公交线路，方便群众出行。"]
        )
    );
    assert_nothing_lost(&text, &issue, Some("2024年3月1日 星期五"));
    assert_sources_hold(&text, &issue);
}

#[test]
fn a_long_line_between_headline_and_byline_is_the_deck() {
    let (_, issue) = fixture("decks-2024-03-01.md");
    assert_eq!(
        head_and_body(article(&issue, "坚守")),
        (
            Some(
                "——记北京城市副中心数千名一线建设者在冬奥会和春节期间坚守岗位、保障城市平稳有序运行的日日夜夜"
            ),
            Some("本报记者 赵刚"),
            vec!["他们坚守一线。"]
        )
    );
}

#[test]
fn a_sentence_or_a_cut_line_after_the_headline_is_not_a_deck() {
    let (_, issue) = fixture("decks-2024-03-01.md");
    assert_eq!(
        head_and_body(article(&issue, "雨天路滑")),
        (
            None,
            None,
            vec!["今天上午，全市迎来降雨。", "气象部门提醒市民注意出行安全。"]
        )
    );
    // Ending with a comma, the line was cut mid-sentence by a column break.
    assert_eq!(
        head_and_body(article(&issue, "断行")),
        (None, None, vec!["城市副中心的建设者们，在寒风中坚守岗位。"])
    );
}

#[test]
fn english_decks_with_commas() {
    let (_, issue) = fixture("decks-2024-03-01.md");
    assert_eq!(
        head_and_body(article(&issue, "New Line Opens")),
        (
            Some("A long wait, and a sign"),
            Some("By Ann Lee"),
            vec!["Work began in 2019. The line opened today."]
        )
    );
    assert_eq!(
        head_and_body(article(&issue, "Bridge Work Resumes")),
        (
            None,
            Some("By Bo Chen"),
            vec!["Crews returned on Monday, and the bridge will reopen in May."]
        )
    );
    // `Dr.` is an abbreviation, not the end of a sentence.
    assert_eq!(
        head_and_body(article(&issue, "Clinic Reopens")),
        (
            Some("Dr. Lee returns, and the doors open"),
            None,
            vec!["Patients lined up before dawn."]
        )
    );
}

#[test]
fn the_search_forms_fixture_has_its_deck_and_byline() {
    let (text, issue) = fixture("search-forms-2024-03-15.md");
    let lab = article(&issue, "ＡＩ Lab Opens on the Waterfront");
    assert_eq!(
        lab.deck.as_deref(),
        Some("A café for résumés, and a ＣＡＦＥ sign")
    );
    assert_eq!(lab.byline.as_deref(), Some("By Zoë Rae"));
    let body = paragraphs(lab);
    assert_eq!(body.len(), 2, "{body:?}");
    assert!(
        body[0].starts_with("The ＡＩ lab (run by the city)"),
        "{body:?}"
    );
    assert_nothing_lost(&text, &issue, Some("Friday, March 15, 2024 · Two pages"));
    assert_sources_hold(&text, &issue);
}

fn blocks(article: &Article) -> Vec<&str> {
    article.blocks.iter().map(|b| b.text.as_str()).collect()
}

#[test]
fn list_items_are_blocks_of_their_own_with_their_markers() {
    let (text, issue) = fixture("lists-2024-03-02.md");
    let budget = article(&issue, "预算通过");
    assert_eq!(budget.byline.as_deref(), Some("本报记者 王明"));
    assert_eq!(
        budget.deck, None,
        "a line ending in a colon leads into the list"
    );
    assert_eq!(
        blocks(budget),
        [
            "预算包括：",
            "• 新公交车",
            "• 两座桥",
            "• 一座图书馆",
            "会议通过了预算。",
            "议程分三步",
            "3. 审议报告",
            "4. 表决预算",
            "• 交通",
            "◦ 新公交车",
            "◦ 地铁",
            "• 文化",
        ]
    );
    assert!(budget.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    let english = article(&issue, "Budget Passed");
    assert_eq!(
        blocks(english),
        [
            "The budget includes:",
            "• new buses",
            "• two bridges",
            "• a library",
            "It passed.",
            "1. first",
            "2. second",
        ]
    );
    assert_nothing_lost(&text, &issue, Some("2024年3月2日 星期六"));
    assert_sources_hold(&text, &issue);
}

#[test]
fn a_list_item_source_range_starts_at_its_marker() {
    let (text, issue) = fixture("lists-2024-03-02.md");
    let budget = article(&issue, "预算通过");
    let item = &budget.blocks[1];
    assert_eq!(&text[item.source.clone()], "- 新公交车");
    let numbered = &budget.blocks[6];
    assert_eq!(&text[numbered.source.clone()], "3. 审议报告");
}

#[test]
fn a_list_ending_an_article_is_not_text_missing() {
    let (_, issue) = fixture("lists-2024-03-02.md");
    assert!(
        !issue.warnings.iter().any(|w| w.contains("Budget Passed")),
        "{:?}",
        issue.warnings
    );
}

#[test]
fn a_list_item_is_never_a_kicker_deck_or_byline() {
    let text = "# 报\n\n2024年3月2日\n\n## 甲\n\n- 要点一\n- 本报记者 王明\n\n正文。\n\n- 乙\n\n## 丙\n\n正文。\n";
    let issue = parse_issue(text, None);
    let [first, second] = &issue.articles[..] else {
        panic!("{:#?}", issue.articles)
    };
    assert_eq!(
        (first.deck.as_deref(), first.byline.as_deref()),
        (None, None)
    );
    assert_eq!(
        blocks(first),
        ["• 要点一", "• 本报记者 王明", "正文。", "• 乙"]
    );
    assert_eq!(second.kicker, None);
}

/// A paragraph cut mid-sentence, a role, and the tail of the cut sentence:
/// whatever the role is, it stays whole and apart; only a caption lets the
/// halves join (it moves after them).
#[test]
fn mend_joins_a_paragraph_to_nothing_but_a_paragraph() {
    let cases = [
        ("### 小标题", "小标题", true),
        ("(下转2版)", "(下转2版)", true),
        ("本报记者 王明", "本报记者 王明", true),
        ("- 新公交车", "• 新公交车", true),
        ("1. 第一项", "1. 第一项", true),
        ("图为新设备。记者 王明/摄", "图为新设备。", false),
        (
            "北京城市副中心生机勃勃\n\n## 另一篇",
            "北京城市副中心生机勃勃",
            true,
        ),
    ];
    for (role, shown, apart) in cases {
        let text = format!(
            "# 报\n\n2024年3月2日\n\n## 标题\n\n本报记者 李华\n\n会议强调要\n\n{role}\n\n加快建设。\n"
        );
        let issue = parse_issue(&text, None);
        let all: Vec<&str> = issue.articles.iter().flat_map(blocks).collect();
        let everywhere: Vec<&str> = (issue.articles.iter())
            .flat_map(|a| [a.kicker.as_deref(), a.deck.as_deref(), a.byline.as_deref()])
            .flatten()
            .chain(all.iter().copied())
            .collect();
        assert!(everywhere.contains(&shown), "{role}: {all:?}");
        for block in &all {
            assert!(
                block == &shown || !block.contains(shown),
                "{role} joined: {all:?}"
            );
        }
        let joined = all.contains(&"会议强调要加快建设。");
        assert_eq!(joined, !apart, "{role}: {all:?}");
        assert_nothing_lost(&text, &issue, Some("2024年3月2日"));
        assert_sources_hold(&text, &issue);
    }
}

#[test]
fn the_issue_example_parses_as_the_reader_expects() {
    let text = "# 测试报\n\n2024年3月1日\n\n## 新线开通\n\n扎实推进，稳步发展\n\n本报记者 王明\n\n今天上午，新线正式开通运营。\n";
    let issue = parse_issue(text, Some("d-2024-03-01.md"));
    let json = serde_json::to_value(&issue).unwrap();
    let first = &json["articles"][0];
    assert_eq!(first["deck"], "扎实推进，稳步发展");
    assert_eq!(first["byline"], "本报记者 王明");
    assert_eq!(first["blocks"].as_array().map(Vec::len), Some(1));
    assert_eq!(first["blocks"][0]["text"], "今天上午，新线正式开通运营。");
    assert_eq!(first["blocks"][0]["kind"], "paragraph");
}

#[test]
fn head_links_follow_a_deck_found_by_its_byline_and_a_second_byline_line() {
    let deck = format!("[{}](https://example.com/deck)", "长".repeat(45));
    let text = format!(
        "# 报\n\n2024年3月2日\n\n## 标题\n\n{deck}\n\n本报记者 王明\n\n通讯员 [李华](https://example.com/li)\n\n正文。\n"
    );
    let issue = parse_issue(&text, None);
    let first = &issue.articles[0];
    assert_eq!(first.deck.as_deref(), Some("长".repeat(45).as_str()));
    assert_eq!(first.byline.as_deref(), Some("本报记者 王明 通讯员 李华"));
    let links: Vec<(&str, &str)> = (first.head_links.iter())
        .map(|l| {
            let field = first.head_field(l.field).unwrap();
            (&field[l.range.clone()], l.url.as_str())
        })
        .collect();
    let long = "长".repeat(45);
    assert_eq!(
        links,
        [
            (long.as_str(), "https://example.com/deck"),
            ("李华", "https://example.com/li")
        ]
    );
    assert_eq!(paragraphs(first), ["正文。"]);
}

#[test]
fn a_lead_in_after_a_long_deck_line_makes_it_the_deck() {
    let long = format!("——{}", "记建设者".repeat(12));
    let text =
        format!("# 报\n\n2024年3月2日\n\n## 标题\n\n{long}\n\n本报讯(记者 王明)今天，新线开通。\n");
    let issue = parse_issue(&text, None);
    let first = &issue.articles[0];
    assert_eq!(first.deck.as_deref(), Some(long.as_str()));
    assert_eq!(first.byline.as_deref(), Some("本报讯(记者 王明)"));
    assert_eq!(paragraphs(first), ["今天，新线开通。"]);
}

#[test]
fn each_line_of_a_byline_is_a_group_of_names() {
    let text = "# 报\n\n2024年3月2日\n\n## 标题\n\n本报记者 李华\n通讯员 张强\n\n正文。\n\n## Title\n\nBy John Roe\nand Mary Major\n\nText.\n";
    let issue = parse_issue(text, None);
    let bylines: Vec<Option<&str>> = issue.articles.iter().map(|a| a.byline.as_deref()).collect();
    assert_eq!(
        bylines,
        [
            Some("本报记者 李华 通讯员 张强"),
            Some("By John Roe and Mary Major")
        ]
    );
}

#[test]
fn a_first_line_whose_tail_follows_is_no_deck() {
    let text = "# Paper\n\nMarch 2, 2024\n\n## Headline\n\nWork began in 2019, and the line\n\nopened today.\n\n## 标题\n\n城市副中心的建设者们在寒风中\n\n，坚守岗位。\n";
    let issue = parse_issue(text, None);
    let found: Vec<_> = issue.articles.iter().map(head_and_body).collect();
    assert_eq!(
        found,
        [
            (
                None,
                None,
                vec!["Work began in 2019, and the line opened today."]
            ),
            (None, None, vec!["城市副中心的建设者们在寒风中，坚守岗位。"])
        ]
    );
}
