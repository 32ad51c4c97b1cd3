//! OPML 2.0, the subscription list newsboat (`newsboat -e`), newsraft and
//! most feed readers import and export: `<outline xmlUrl="…"/>` elements,
//! nested in folders at any depth. Read with quick-xml, a real XML parser;
//! written with its escaping.

use crate::i18n::t;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

use crate::config::Subscription;

/// A feed found in an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    pub url: String,
    /// Its `title` (else `text`) attribute.
    pub title: Option<String>,
}

/// Why an OPML file was not read.
#[derive(Debug, thiserror::Error)]
pub enum OpmlError {
    #[error("{}", t!("feeds.opml_xml", at = .at, reason = .reason))]
    Xml { at: u64, reason: String },
    #[error("{}", t!("feeds.opml_root", root = .0))]
    NotOpml(String),
}

/// Every feed outline of `text`, in document order.
pub fn read(text: &str) -> Result<Vec<Outline>, OpmlError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut outlines = Vec::new();
    let mut root_seen = false;
    // Bounded by the text: every event consumes input.
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| OpmlError::Xml {
            at,
            reason: e.to_string(),
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from(e.local_name().as_ref());
                if !root_seen {
                    root_seen = true;
                    if name != "opml" {
                        return Err(OpmlError::NotOpml(crate::sources::clean(&name)));
                    }
                }
                if name == "outline"
                    && let Some(url) = attr(&e, "xmlUrl")
                {
                    let title = attr(&e, "title").or_else(|| attr(&e, "text"));
                    outlines.push(Outline { url, title });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err(OpmlError::NotOpml(String::new()));
    }
    Ok(outlines)
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let found = e.try_get_attribute(name).ok()??;
    let value = found
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()?;
    let value = crate::sources::clean(value.trim());
    (!value.is_empty()).then_some(value)
}

/// The subscriptions as an OPML 2.0 document.
pub fn write(feeds: &[Subscription]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>broadsheet feeds</title>\n  </head>\n  <body>\n",
    );
    for feed in feeds {
        let text = feed.paper.as_deref().unwrap_or(&feed.url);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{}\" title=\"{}\" xmlUrl=\"{}\"/>\n",
            escape(text),
            escape(text),
            escape(&feed.url)
        ));
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newsboat_export_reads_and_round_trips() {
        let text = r#"<?xml version="1.0"?>
<opml version="1.0">
  <head><title>newsboat - Exported Feeds</title></head>
  <body>
    <outline type="rss" xmlUrl="https://a.example/rss?x=1&amp;y=2" htmlUrl="https://a.example/" title="A &amp; B"/>
    <outline title="folder"><outline text="人民日报" xmlUrl="http://b.example/feed"/></outline>
    <outline title="no url"/>
  </body>
</opml>"#;
        let outlines = read(text).unwrap();
        assert_eq!(
            outlines,
            [
                Outline {
                    url: "https://a.example/rss?x=1&y=2".into(),
                    title: Some("A & B".into())
                },
                Outline {
                    url: "http://b.example/feed".into(),
                    title: Some("人民日报".into())
                },
            ]
        );
        let feeds: Vec<Subscription> = outlines
            .iter()
            .map(|o| Subscription {
                url: o.url.clone(),
                paper: o.title.clone(),
                folder: None,
            })
            .collect();
        let again = read(&write(&feeds)).unwrap();
        assert_eq!(again, outlines);
    }

    #[test]
    fn other_xml_is_refused() {
        assert!(matches!(read("<rss/>"), Err(OpmlError::NotOpml(_))));
        assert!(matches!(
            read("<opml><body></opml"),
            Err(OpmlError::Xml { .. })
        ));
    }
}
