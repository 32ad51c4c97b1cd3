//! HTML content → head fields and body blocks, wherever HTML appears: feed
//! items (`description`, `content:encoded`, CDATA) and inline HTML in
//! Markdown. Parsed by html5ever (through `scraper`), so every named and
//! numeric entity is decoded as a browser would and broken markup recovers
//! as a browser's does.
//!
//! People's Daily's convention is taken for the head: `<h3>` before the
//! headline is the kicker (引题), `<h1>` the headline, `<h2>` after it the
//! deck (副题), `<p class="sec">` (or `<author>`, `<address>`) the byline,
//! with the `《人民日报》（2026年08月22日 第 01 版）` imprint inside it split
//! off. Other headings in the body are sub-heads. Scripts, styles, templates
//! and comments (the `<!--enpproperty …-->` metadata among them) are dropped;
//! links stay links; photos become captions carrying the photo's URL.

use std::ops::Range;

use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::clean;
use crate::model::{Block, BlockKind, Date, Link};
use crate::parse::dateline::gregorian;
use crate::parse::markdown::safe_url;
use crate::parse::roles::{caption, find_jump};

/// What the HTML of one article holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    pub kicker: Option<String>,
    pub headline: Option<String>,
    pub deck: Option<String>,
    pub byline: Option<String>,
    pub imprint: Option<Imprint>,
    pub blocks: Vec<Block>,
    /// The source says it has no text ("无法提取正文内容").
    pub no_text: bool,
}

/// `《人民日报》（2026年08月22日 第 01 版）`: the paper, date and page an
/// article's own text gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imprint {
    pub paper: String,
    pub date: Option<Date>,
    pub page: Option<String>,
}

/// What scrapers print when a page had no article text.
const NO_TEXT: [&str; 2] = ["无法提取正文内容", "暂无正文"];

/// Read an HTML fragment. `source` is where the fragment sits in the
/// (decoded, sanitised) source text: the HTML is itself escaped there, so a
/// block's range is placed in proportion to where its text falls in the
/// fragment's text, which keeps ranges ordered, disjoint and stable.
pub fn read_html(html: &str, source: Range<usize>) -> HtmlArticle {
    let document = Html::parse_fragment(html);
    let mut walk = Walk::default();
    walk.node(document.tree.root());
    walk.flush();
    walk.finish(source)
}

/// The text of an HTML fragment, blocks joined by line breaks: for
/// attributes that carry HTML (a photo's `data-original-title`).
pub fn html_text(html: &str) -> String {
    let article = read_html(html, 0..0);
    let texts: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    texts.join("\n")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    Kicker,
    Headline,
    Deck,
    Byline,
    Subhead,
    ListItem,
    Caption,
}

/// A block being built: text, links, and where its text falls in the
/// fragment's running text.
#[derive(Debug, Default)]
struct Pending {
    text: String,
    links: Vec<Link>,
}

#[derive(Debug)]
struct Drafted {
    role: Role,
    text: String,
    links: Vec<Link>,
    /// Photo URL when the block is a photo's own caption.
    photo: Option<String>,
    at: Range<usize>,
}

#[derive(Debug)]
struct Walk {
    role: Role,
    pending: Pending,
    drafted: Vec<Drafted>,
    imprint: Option<Imprint>,
    /// Bytes of text seen so far (the proportional source position).
    seen: usize,
    start: usize,
    /// A photo waiting for the caption that follows it.
    photo: Option<String>,
    in_imprint: bool,
    imprint_text: String,
}

impl Default for Walk {
    fn default() -> Self {
        Walk {
            role: Role::Body,
            pending: Pending::default(),
            drafted: Vec::new(),
            imprint: None,
            seen: 0,
            start: 0,
            photo: None,
            in_imprint: false,
            imprint_text: String::new(),
        }
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "blockquote"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "figcaption"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "footer"
            | "aside"
            | "pre"
            | "hr"
            | "address"
            | "author"
            | "center"
    )
}

impl Walk {
    fn node(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(text) => self.text(text),
            Node::Element(element) => {
                let name = element.name();
                match name {
                    "script" | "style" | "noscript" | "template" | "head" | "title" | "iframe"
                    | "object" | "svg" => {}
                    "br" => self.flush(),
                    "img" => self.image(element),
                    "a" => {
                        let start = self.pending.text.len();
                        self.children(node);
                        let end = self.pending.text.len();
                        if let Some(href) = element.attr("href").map(str::trim)
                            && !href.is_empty()
                            && !href.starts_with('#')
                            && !href.starts_with("javascript:")
                            && end > start
                        {
                            self.pending.links.push(Link {
                                range: start..end,
                                url: safe_url(&clean(href)),
                            });
                        }
                    }
                    "span"
                        if element
                            .has_class("date", scraper::CaseSensitivity::AsciiCaseInsensitive) =>
                    {
                        let outer = self.in_imprint;
                        self.in_imprint = true;
                        self.children(node);
                        self.in_imprint = outer;
                        if !outer {
                            self.take_imprint();
                        }
                    }
                    _ if is_block(name) => self.block(node, name, element),
                    _ => self.children(node),
                }
            }
            Node::Document | Node::Fragment => self.children(node),
            // Comments (`<!--enpproperty …-->`), doctypes, processing
            // instructions: not text.
            _ => {}
        }
    }

    fn children(&mut self, node: NodeRef<'_, Node>) {
        for child in node.children() {
            self.node(child);
        }
    }

    fn block(&mut self, node: NodeRef<'_, Node>, name: &str, element: &scraper::node::Element) {
        let before = self.role;
        let nothing_yet = self.drafted.iter().all(|d| {
            matches!(
                d.role,
                Role::Kicker | Role::Headline | Role::Deck | Role::Byline
            )
        });
        let has = |role| self.drafted.iter().any(|d| d.role == role);
        let role = match name {
            // Inside a heading or byline, inner <p>s are part of it.
            _ if before != Role::Body => before,
            "h3" if nothing_yet && !has(Role::Headline) && !has(Role::Kicker) => Role::Kicker,
            "h1" if nothing_yet && !has(Role::Headline) => Role::Headline,
            "h2" if nothing_yet && has(Role::Headline) && !has(Role::Deck) => Role::Deck,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Subhead,
            "author" | "address" => Role::Byline,
            "p" if element.has_class("sec", scraper::CaseSensitivity::AsciiCaseInsensitive) => {
                Role::Byline
            }
            "li" => Role::ListItem,
            "figcaption" => Role::Caption,
            _ => Role::Body,
        };
        if role != before {
            self.flush();
            self.role = role;
            self.children(node);
            self.flush();
            self.role = before;
        } else {
            if before == Role::Body {
                self.flush();
            } else {
                // A <p> inside a heading: a space between, not a new block.
                self.push_text(" ");
            }
            self.children(node);
            if before == Role::Body {
                self.flush();
            }
        }
    }

    fn image(&mut self, element: &scraper::node::Element) {
        let url = ["src", "_src", "data-src", "data-original"]
            .iter()
            .filter_map(|a| element.attr(a))
            .map(str::trim)
            .find(|u| !u.is_empty())
            .map(|u| safe_url(&clean(u)));
        let said = ["data-original-title", "alt", "title"]
            .iter()
            .filter_map(|a| element.attr(a))
            .map(|t| {
                if t.contains('<') {
                    html_text(t)
                } else {
                    collapse(&clean(t))
                }
            })
            .find(|t| !t.trim().is_empty());
        self.flush();
        match said {
            Some(text) => {
                let at = self.seen..self.seen + text.len();
                self.seen += text.len();
                let text = text.replace('\n', " ");
                self.drafted.push(Drafted {
                    role: Role::Caption,
                    text: text.trim().to_owned(),
                    links: Vec::new(),
                    photo: url,
                    at,
                });
                self.photo = None;
            }
            None => self.photo = url,
        }
    }

    fn text(&mut self, text: &str) {
        let text = clean(&collapse(text));
        if self.in_imprint {
            self.imprint_text.push_str(&text);
        } else {
            self.push_text(&text);
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.pending.text.is_empty() {
            self.start = self.seen;
        }
        self.pending.text.push_str(text);
        self.seen += text.len();
    }

    fn take_imprint(&mut self) {
        let text = std::mem::take(&mut self.imprint_text);
        match imprint(&text) {
            Some(found) if self.imprint.is_none() => self.imprint = Some(found),
            Some(_) => {}
            // Not an imprint after all: it is text.
            None => self.push_text(&text),
        }
    }

    /// End the block being built.
    fn flush(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let kept = trim_range(&pending.text);
        if kept.is_empty() {
            return;
        }
        let text = pending.text[kept.clone()].to_owned();
        let links = crate::parse::markdown::clip_links(&pending.text, &pending.links, kept);
        let at = self.start..self.seen;
        let photo = if matches!(self.role, Role::Body | Role::Caption) {
            self.photo.take()
        } else {
            None
        };
        self.drafted.push(Drafted {
            role: self.role,
            text,
            links,
            photo,
            at,
        });
    }

    fn finish(self, source: Range<usize>) -> HtmlArticle {
        let total = self.seen.max(1);
        let place = |at: &Range<usize>| {
            let len = source.end.saturating_sub(source.start);
            let map = |x: usize| source.start + (x.min(total) * len) / total;
            map(at.start)..map(at.end).max(map(at.start))
        };
        let mut out = HtmlArticle {
            imprint: self.imprint,
            ..HtmlArticle::default()
        };
        for drafted in self.drafted {
            let source = place(&drafted.at);
            let Drafted {
                role,
                text,
                links,
                photo,
                ..
            } = drafted;
            let field = |slot: &mut Option<String>| match slot {
                Some(old) => {
                    old.push(' ');
                    old.push_str(&text);
                }
                None => *slot = Some(text.clone()),
            };
            match role {
                Role::Kicker => field(&mut out.kicker),
                Role::Headline => field(&mut out.headline),
                Role::Deck => field(&mut out.deck),
                Role::Byline => field(&mut out.byline),
                Role::Subhead => out.blocks.push(Block {
                    kind: BlockKind::Subhead { deck: None },
                    text,
                    source,
                    links,
                }),
                Role::ListItem => out.blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    text: format!("• {text}"),
                    source,
                    links: shift(links, "• ".len()),
                }),
                Role::Caption | Role::Body => {
                    if NO_TEXT.contains(&text.as_str()) {
                        out.no_text = true;
                        continue;
                    }
                    if credit_of_last(&mut out.blocks, &text) {
                        continue;
                    }
                    if (role == Role::Caption || photo.is_some())
                        && let Some(block) = caption_block(&text, source.clone(), &links, photo)
                    {
                        out.blocks.push(block);
                        continue;
                    }
                    paragraph(text, source, links, &mut out.blocks);
                }
            }
        }
        out
    }
}

fn shift(links: Vec<Link>, by: usize) -> Vec<Link> {
    links
        .into_iter()
        .map(|l| Link {
            range: l.range.start + by..l.range.end + by,
            url: l.url,
        })
        .collect()
}

/// A credit printed on its own line after a caption (`徐  琦摄（人民视觉）`)
/// becomes that caption's credit.
fn credit_of_last(blocks: &mut [Block], text: &str) -> bool {
    let Some(last) = blocks.last_mut() else {
        return false;
    };
    let BlockKind::Caption { credit } = &mut last.kind else {
        return false;
    };
    if credit.is_some() || !is_credit(text) {
        return false;
    }
    *credit = Some(text.to_owned());
    true
}

/// `新华社记者  丁  林摄`, `徐  琦摄（人民视觉）`, `(Photo by Ann Lee)`,
/// `撮影・山田太郎`: short, and ends as a photo credit does.
fn is_credit(text: &str) -> bool {
    if text.chars().count() > 40 {
        return false;
    }
    let core = match text.rfind(['（', '(']) {
        Some(open) if text.ends_with(['）', ')']) && open > 0 => text[..open].trim_end(),
        _ => text,
    };
    core.ends_with(['摄', '攝'])
        || core.ends_with("撮影")
        || text.starts_with("撮影")
        || text.starts_with("Photo")
        || text.starts_with("(Photo")
}

/// A photo's caption, its credit split off, the photo's URL a link on it.
fn caption_block(
    text: &str,
    source: Range<usize>,
    links: &[Link],
    photo: Option<String>,
) -> Option<Block> {
    let (body, credit) = match caption(text) {
        Some(found) => (
            text[..found.text_end].to_owned(),
            found.credit.map(|r| text[r].trim().to_owned()),
        ),
        // A caption right after its photo need not say 图为.
        None if text.chars().count() <= 300 => (text.to_owned(), None),
        None => return None,
    };
    let (body, credit) = if body.trim().is_empty() {
        match credit {
            Some(credit) => (credit, None),
            None => return None,
        }
    } else {
        (body, credit)
    };
    let mut links = crate::parse::markdown::clip_links(text, links, 0..body.len());
    if links.is_empty()
        && let Some(url) = photo
    {
        links.push(Link {
            range: 0..body.len(),
            url,
        });
    }
    Some(Block {
        kind: BlockKind::Caption { credit },
        text: body,
        source,
        links,
    })
}

/// A body paragraph, a jump line at its start or end split off.
fn paragraph(text: String, source: Range<usize>, links: Vec<Link>, blocks: &mut Vec<Block>) {
    let Some(jump) = find_jump(&text) else {
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            text,
            source,
            links,
        });
        return;
    };
    let mut piece = |kind: BlockKind, range: Range<usize>| {
        let kept = trim_range(&text[range.clone()]);
        let range = range.start + kept.start..range.start + kept.end;
        if range.is_empty() {
            return;
        }
        blocks.push(Block {
            kind,
            text: text[range.clone()].to_owned(),
            source: source.clone(),
            links: crate::parse::markdown::clip_links(&text, &links, range),
        });
    };
    piece(BlockKind::Paragraph, 0..jump.range.start);
    piece(
        BlockKind::Jump {
            direction: jump.direction,
            page: text[jump.page.clone()].to_owned(),
        },
        jump.range.clone(),
    );
    piece(BlockKind::Paragraph, jump.range.end..text.len());
}

/// Whitespace as a browser lays it out, except that runs of plain spaces
/// are kept (Chinese names are padded: `徐  阳`): a run holding a line
/// break or tab is one space; a no-break space is a space.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.chars() {
        if matches!(c, ' ' | '\u{a0}' | '\n' | '\r' | '\t' | '\u{c}') {
            run.push(if c == '\u{a0}' { ' ' } else { c });
            continue;
        }
        push_run(&mut out, &mut run);
        out.push(c);
    }
    push_run(&mut out, &mut run);
    out
}

fn push_run(out: &mut String, run: &mut String) {
    if run.contains(['\n', '\r', '\t', '\u{c}']) {
        out.push(' ');
    } else {
        out.push_str(run);
    }
    run.clear();
}

/// The range of `text` without surrounding whitespace, ideographic spaces
/// (the `　　` paragraph indent) included.
fn trim_range(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    start..end
}

/// `《人民日报》（2026年08月22日 第 01 版）`, `《人民日报》（2025年01月02日第 14 版）`.
pub fn imprint(text: &str) -> Option<Imprint> {
    let open = text.find('《')?;
    let close = open + text[open..].find('》')?;
    let paper = text[open + '《'.len_utf8()..close].trim().to_owned();
    if paper.is_empty() || paper.chars().count() > 20 {
        return None;
    }
    let rest = &text[close..];
    let date = rest
        .char_indices()
        .find_map(|(at, _)| gregorian(rest, at).map(|(date, _)| date));
    let page = page_in(rest);
    (date.is_some() || page.is_some()).then_some(Imprint { paper, date, page })
}

/// The `N` of a `第 N 版` in `text`, as printed (`01`, `A4`).
pub fn page_in(text: &str) -> Option<String> {
    let at = text.find('第')?;
    let after = &text[at + '第'.len_utf8()..];
    let end = after.find('版')?;
    let number = after[..end].trim();
    let plausible = !number.is_empty()
        && number.chars().count() <= 4
        && number.chars().all(|c| c.is_ascii_alphanumeric());
    plausible.then(|| number.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = r#"<div class="article">
<h3><p> 陆海内外联动  东西双向互济 </p></h3>
<h1><p> 贵州主动融入全面开放格局 </p></h1>
<h2></h2>
<p class="sec">
<!-- <span class="origin">人民日报</span>&#13;
<span class="date">(2020年02月06日 01版)</span> -->&#13;
本报记者  马跃峰  苏  滨&#13;
<span class="date">&#13;
《人民日报》（<span class="newstime">2026年08月22日</span>&nbsp;第&nbsp;01&nbsp;版）&#13;
</span>
</p>
<style>.attachment { margin-top: 20px; }</style>
<script>alert("x")</script>
<div id="ozoom">
<!--enpcontent--><p>　　一侧接工业废水&ldquo;清流&rdquo;，见<a href="https://example.com/x">报道</a>。</p>
<p><img src="https://example.com/a.jpg"/></p><p>　　图为8月21日，旅客赶车。</p><p>　　徐&nbsp;&nbsp;琦摄（人民视觉） </p>
<p>　　上半年增长5%。（下转第二版）</p>
<!--/enpcontent--><!--enpproperty <date>2026-08-22</date><author>本报记者</author>/enpproperty-->
</div></div>"#;

    #[test]
    fn peoples_daily_head_and_body() {
        let article = read_html(ITEM, 100..900);
        assert_eq!(
            article.kicker.as_deref(),
            Some("陆海内外联动  东西双向互济")
        );
        assert_eq!(
            article.headline.as_deref(),
            Some("贵州主动融入全面开放格局")
        );
        assert_eq!(article.deck, None);
        assert_eq!(article.byline.as_deref(), Some("本报记者  马跃峰  苏  滨"));
        let imprint = article.imprint.unwrap();
        assert_eq!(imprint.paper, "人民日报");
        assert_eq!(imprint.date, Date::new(2026, 8, 22));
        assert_eq!(imprint.page.as_deref(), Some("01"));
        let texts: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts[0], "一侧接工业废水“清流”，见报道。");
        assert_eq!(article.blocks[0].links[0].url, "https://example.com/x");
        assert_eq!(&texts[0][article.blocks[0].links[0].range.clone()], "报道");
        assert_eq!(texts[1], "图为8月21日，旅客赶车。");
        assert_eq!(
            article.blocks[1].kind,
            BlockKind::Caption {
                credit: Some("徐  琦摄（人民视觉）".into())
            }
        );
        assert_eq!(article.blocks[1].links[0].url, "https://example.com/a.jpg");
        assert_eq!(texts[2], "上半年增长5%。");
        assert!(matches!(article.blocks[3].kind, BlockKind::Jump { .. }));
        assert_eq!(article.blocks.len(), 4);
        for pair in article.blocks.windows(2) {
            assert!(pair[0].source.start <= pair[1].source.start);
        }
        assert!(
            article
                .blocks
                .iter()
                .all(|b| (100..=900).contains(&b.source.end))
        );
    }

    #[test]
    fn a_photo_title_attribute_is_its_caption() {
        let html = r#"<p><img src="p.jpg" data-original-title="&lt;p&gt;　　5月14日上午，会谈。&lt;/p&gt;&lt;p&gt;　　新华社记者  丁  林摄&lt;/p&gt;"/></p><p>正文。</p>"#;
        let article = read_html(html, 0..10);
        assert_eq!(article.blocks[0].text, "5月14日上午，会谈。");
        assert_eq!(
            article.blocks[0].kind,
            BlockKind::Caption {
                credit: Some("新华社记者  丁  林摄".into())
            }
        );
        assert_eq!(article.blocks[1].text, "正文。");
        assert_eq!(article.blocks[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn no_text_is_an_article_without_body() {
        let article = read_html("<p>无法提取正文内容</p>", 0..10);
        assert!(article.no_text);
        assert!(article.blocks.is_empty());
    }

    #[test]
    fn line_breaks_and_lists_are_blocks_and_controls_are_cleaned() {
        let article = read_html("a<br>b &#27;[2Jc<ul><li>one</li></ul>", 0..10);
        let texts: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["a", "b c", "• one"]);
    }
}
