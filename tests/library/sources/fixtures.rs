//! Each source shape on a small fixture of our own (tests/fixtures/sources).

use std::path::{Path, PathBuf};

use broadsheet::library::{Library, LibraryOptions, Source};
use broadsheet::model::{BlockKind, Date, Issue};
use broadsheet::sources::{Shape, read_issue, shape_of};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources")
}

/// Open `paths` as the reader does and parse every entry.
fn open(paths: &[PathBuf]) -> (Library, Vec<Issue>) {
    let library = Library::open(paths, &LibraryOptions::default());
    let issues = (0..library.entries.len())
        .map(|i| {
            let text = library.read(i).unwrap();
            read_issue(&text, library.file_name(i).as_deref())
        })
        .collect();
    (library, issues)
}

#[test]
fn a_folder_walk_finds_feeds_by_content_and_dated_folders_as_one_issue() {
    let (library, issues) = open(&[fixtures().join("walk")]);
    let papers: Vec<(&str, Option<Date>)> = library
        .entries
        .iter()
        .map(|e| (e.paper.as_str(), e.date))
        .collect();
    // The .xml that is not a feed is passed over, without a message.
    assert_eq!(
        papers,
        [
            ("城市日报", Date::new(2026, 8, 22)),
            ("人民日报", Date::new(2025, 1, 2)),
        ]
    );
    assert!(library.messages.is_empty(), "{:?}", library.messages);
    let Source::File(folder) = &library.entries[1].source else {
        panic!("a folder issue is keyed by its folder");
    };
    assert!(folder.ends_with("2025-01-02"));
    let daily = &issues[1];
    let heads: Vec<&str> = daily.articles.iter().map(|a| a.headline.as_str()).collect();
    assert_eq!(heads, ["为何制定？有何规定？", "“看准了就抓紧干”"]);
    let pages = daily.pages.as_ref().unwrap();
    let listed: Vec<(&str, Option<&str>)> = pages
        .list
        .iter()
        .map(|p| (p.number.as_str(), p.name.as_deref()))
        .collect();
    assert_eq!(listed, [("02", Some("要闻")), ("05", Some("评论"))]);
    let first = &daily.articles[0];
    assert_eq!(first.deck.as_deref(), Some("三部门负责同志答记者问"));
    assert_eq!(first.byline.as_deref(), Some("新华社记者  姜  琳"));
    assert_eq!(
        daily.articles[1].kicker.as_deref(),
        Some("系列：人民观点·2024观察③")
    );
    assert_eq!(daily.articles[1].byline.as_deref(), Some("本报评论部"));
    // Ranges point into the joined text the library handed over.
    let text = library.read(1).unwrap();
    let body = &daily.articles[1].blocks[0];
    assert_eq!(&text[body.source.clone()], "坚持实干、日拱一卒。");
}

#[test]
fn an_rss_feed_is_an_issue_of_its_items() {
    let path = fixtures().join("walk/daily-2026-08-22.rss");
    let (_, issues) = open(&[path]);
    let issue = &issues[0];
    assert_eq!(issue.paper, "城市日报");
    assert_eq!(issue.date, Date::new(2026, 8, 22));
    assert_eq!(issue.articles.len(), 2);
    let lead = &issue.articles[0];
    assert_eq!(lead.headline, "城市主动融入开放格局");
    assert_eq!(lead.kicker.as_deref(), Some("内外联动"));
    assert_eq!(lead.deck.as_deref(), Some("对外开放迈出新步伐"));
    assert_eq!(lead.byline.as_deref(), Some("本报记者  王  五"));
    assert_eq!(lead.page.as_deref(), Some("01"));
    assert_eq!(lead.head_links[0].url, "https://example.com/a1.html");
    let kinds: Vec<&BlockKind> = lead.blocks.iter().map(|b| &b.kind).collect();
    assert_eq!(
        kinds,
        [
            &BlockKind::Paragraph,
            &BlockKind::Caption {
                credit: Some("赵  六摄（城市视觉）".into())
            },
            &BlockKind::Paragraph
        ]
    );
    assert_eq!(lead.blocks[0].text, "一侧接工业废水，“一侧出清流”。");
    assert_eq!(lead.blocks[2].links[0].url, "https://example.com/more");
    let empty = &issue.articles[1];
    assert!(empty.blocks.is_empty(), "无法提取正文内容 is no body");
    assert_eq!(empty.byline.as_deref(), Some("评论员"));
    let pages = issue.pages.as_ref().unwrap();
    assert_eq!(pages.list[1].name.as_deref(), Some("评论"));
    assert_eq!(issue.front, ["每日全文订阅", "示例全文订阅"]);
}

#[test]
fn an_atom_feed_reads_the_same_way() {
    let path = fixtures().join("atom-2024-03-12.atom");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(shape_of(&text, None), Shape::Feed);
    let issue = read_issue(&text, Some("atom-2024-03-12.atom"));
    assert_eq!(issue.paper, "The Daily Example");
    // English: the time's own offset gives the day.
    assert_eq!(issue.date, Date::new(2024, 3, 12));
    let article = &issue.articles[0];
    assert_eq!(article.headline, "Cup final tonight");
    assert_eq!(article.page.as_deref(), Some("A4"));
    assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(article.head_links[0].url, "https://example.com/cup");
    let texts: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The final starts at 8 pm.",
            "Tickets are sold out.",
            "The pitch on Monday."
        ]
    );
    assert_eq!(
        article.blocks[2].kind,
        BlockKind::Caption {
            credit: Some("(Photo by Ann Lee)".into())
        }
    );
}

/// What a reader says of an issue is in the interface's language (the log
/// shows it): an empty feed, in three languages.
#[test]
fn a_reader_s_warnings_are_in_the_interface_s_language() {
    use broadsheet::i18n::{self, Lang};
    let feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>晚报</title>\
                <pubDate>Sun, 13 Feb 2022 08:00:00 +0800</pubDate></channel></rss>\n";
    for (lang, warning) in [
        (Lang::En, "no items in the feed"),
        (Lang::ZhHans, "订阅源里没有条目"),
        (Lang::ZhHant, "訂閱源裡沒有項目"),
    ] {
        let issue = i18n::with(lang, || read_issue(feed, Some("wanbao.xml")));
        assert!(
            issue.warnings.iter().any(|w| w == warning),
            "{lang:?}: {:?}",
            issue.warnings
        );
    }
}
