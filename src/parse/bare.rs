//! Bare URLs and e-mail addresses in running text (`详情见https://…`,
//! `write to desk@paper.example`) become links, as the Markdown ones are:
//! found once, when an issue is read, so the reader's underline and `L`,
//! `dump`'s notes and `json` all see the same links.
//!
//! Found by `linkify` (a URL needs its scheme, so `file.txt` stays text;
//! an address needs a dot in its domain). A URL ends at its first
//! character outside ASCII: in Chinese text the sentence goes on right
//! after it (`https://a.example/x。更多`), and linkify would take the
//! ideographs for an IRI path. A range a link already covers is left alone.

use std::ops::Range;

use linkify::{LinkFinder, LinkKind};

use super::markdown::safe_url;
use crate::model::{HeadLink, Issue, Link};

/// Add a link for every bare URL and address in `issue`'s blocks and head
/// fields that is not inside a link already.
pub fn link_bare(issue: &mut Issue) {
    let finder = finder();
    for article in &mut issue.articles {
        for block in &mut article.blocks {
            let found = find(&finder, &block.text, &block.links);
            if !found.is_empty() {
                block.links.extend(found);
                block.links.sort_by_key(|l| (l.range.start, l.range.end));
            }
        }
        let fields = [
            crate::model::HeadField::Kicker,
            crate::model::HeadField::Headline,
            crate::model::HeadField::Deck,
            crate::model::HeadField::Byline,
        ];
        for field in fields {
            let Some(text) = article.head_field(field) else {
                continue;
            };
            let existing: Vec<Link> = (article.head_links.iter())
                .filter(|l| l.field == field)
                .map(|l| Link {
                    range: l.range.clone(),
                    url: l.url.clone(),
                })
                .collect();
            let found = find(&finder, text, &existing);
            let added = found.into_iter().map(|l| HeadLink {
                field,
                range: l.range,
                url: l.url,
            });
            article.head_links.extend(added.collect::<Vec<_>>());
        }
        article
            .head_links
            .sort_by_key(|l| (l.field, l.range.start, l.range.end));
    }
}

fn finder() -> LinkFinder {
    let mut finder = LinkFinder::new();
    finder.kinds(&[LinkKind::Url, LinkKind::Email]);
    finder
}

/// The bare links of `text` that overlap none of `existing`.
fn find(finder: &LinkFinder, text: &str, existing: &[Link]) -> Vec<Link> {
    // Most blocks hold neither; linkify's own scan is dearer than this.
    if !text.contains("://") && !text.contains('@') {
        return Vec::new();
    }
    let overlaps = |r: &Range<usize>| {
        (existing.iter()).any(|l| l.range.start < r.end && r.start < l.range.end)
    };
    let mut found = Vec::new();
    for link in finder.links(text) {
        let start = link.start();
        let raw = link.as_str();
        let kept = raw.find(|c: char| !c.is_ascii()).map_or(raw, |i| &raw[..i]);
        let kept = kept.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
        let range = start..start + kept.len();
        if kept.is_empty() || overlaps(&range) {
            continue;
        }
        let url = match link.kind() {
            LinkKind::Email => format!("mailto:{kept}"),
            _ if !kept.contains("://") => continue,
            _ => kept.to_owned(),
        };
        found.push(Link {
            range,
            url: safe_url(&url),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(&str, String)> {
        find(&finder(), text, &[])
            .into_iter()
            .map(|l| (&text[l.range], l.url))
            .collect()
    }

    #[test]
    fn a_url_in_chinese_text_ends_where_the_sentence_goes_on() {
        assert_eq!(
            links("详情见https://www.qualcomm.com/news/2022。更多内容"),
            [(
                "https://www.qualcomm.com/news/2022",
                "https://www.qualcomm.com/news/2022".to_owned()
            )]
        );
        assert_eq!(
            links("（见http://a.example/x?q=1&r=2）"),
            [(
                "http://a.example/x?q=1&r=2",
                "http://a.example/x?q=1&r=2".to_owned()
            )]
        );
    }

    #[test]
    fn addresses_become_mailto_and_plain_names_stay_text() {
        assert_eq!(
            links("来信请寄 desk@paper.example，谢谢。"),
            [("desk@paper.example", "mailto:desk@paper.example".to_owned())]
        );
        assert!(links("see file.txt and www.example.com or a@b").is_empty());
    }

    #[test]
    fn a_trailing_full_stop_is_not_part_of_the_url() {
        assert_eq!(
            links("Read https://a.example/report."),
            [(
                "https://a.example/report",
                "https://a.example/report".to_owned()
            )]
        );
    }

    #[test]
    fn text_already_linked_is_left_alone() {
        let text = "https://a.example/ and https://b.example/";
        let existing = [Link {
            range: 0..18,
            url: "https://a.example/".into(),
        }];
        let found = find(&finder(), text, &existing);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "https://b.example/");
    }
}
