//! Layer 1, the input layer: one reader per source shape, each turning
//! decoded, sanitised text into the same `model::Issue`. Nothing above this
//! module knows which shape an issue came from.
//!
//! The shape is decided from the content ([`shape_of`]), the file name only
//! breaking ties: a feed saved as `.txt` is still a feed, and a Markdown file
//! that happens to end in `.xml` is still Markdown.
//!
//! Every string a reader makes after its own last decoding step (HTML or XML
//! entities, CDATA) goes through [`clean`], so what leaves this layer is as
//! safe as what the library handed in.

pub mod archive_article;
pub mod bundle;
pub mod feed;
pub mod front_matter;
pub mod html;
pub mod markdown;
pub mod ocr;
pub mod transcript;

use crate::model::Issue;
pub use crate::parse::Header;

/// The shapes a source text can have. A reader for a new shape adds a
/// variant here, a test in [`shape_of`] and an arm in [`read_issue`] and
/// [`read_header`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The seed's Markdown: `#` masthead, date line, `##` articles.
    Markdown,
    /// An RSS 2.0, RSS 1.0 (RDF) or Atom 1.0 feed.
    Feed,
    /// One article with front matter (`---` YAML or `+++` TOML).
    Article,
    /// A folder of article files, joined by the library (see `bundle`).
    Folder,
    /// OCR page dumps: `# [DOCID](….pdf)`, `## [Page N](…)` markers.
    OcrPages,
    /// Broadcast transcripts: `# 《新闻联播》 (YYYYMMDD)`, `##` sections, `###` stories.
    Transcript,
    /// One archived article: `### 标题`, a date line, `第N版()`, `专栏：`.
    ArchiveArticle,
}

/// The shape of `text`, decided from its first bytes.
pub fn shape_of(text: &str, _file_name: Option<&str>) -> Shape {
    if bundle::is_bundle(text) {
        Shape::Folder
    } else if is_feed(text) {
        Shape::Feed
    } else if front_matter::is_article(text) {
        Shape::Article
    } else if ocr::is_ocr_pages(text) {
        Shape::OcrPages
    } else if transcript::is_transcript(text) {
        Shape::Transcript
    } else if archive_article::is_archive_article(text) {
        Shape::ArchiveArticle
    } else {
        Shape::Markdown
    }
}

/// Read a whole issue. `file_name` supplies the paper name or date when the
/// text has none.
pub fn read_issue(text: &str, file_name: Option<&str>) -> Issue {
    let mut issue = match shape_of(text, file_name) {
        Shape::Markdown => markdown::read_issue(text, file_name),
        Shape::Feed => feed::read_issue(text, file_name),
        Shape::Article => front_matter::read_issue(text, file_name),
        Shape::Folder => bundle::read_issue(text, file_name),
        Shape::OcrPages => ocr::read(text, file_name),
        Shape::Transcript => transcript::read(text, file_name),
        Shape::ArchiveArticle => archive_article::read(text, file_name),
    };
    // Every shape's bare URLs and addresses become links the same way.
    crate::parse::link_bare(&mut issue);
    issue
}

/// What the Issues pane needs, from the first few kilobytes of a source
/// (`head` may be cut anywhere).
pub fn read_header(head: &str, file_name: Option<&str>) -> Header {
    match shape_of(head, file_name) {
        Shape::Markdown => markdown::read_header(head, file_name),
        Shape::Feed => feed::read_header(head, file_name),
        Shape::Article => front_matter::read_header(head, file_name),
        Shape::Folder => bundle::read_header(head, file_name),
        Shape::OcrPages => ocr::header(head, file_name),
        Shape::Transcript => transcript::header(head, file_name),
        Shape::ArchiveArticle => archive_article::header(head, file_name),
    }
}

/// What the Issues pane needs of an issue read whole from a head: for
/// shapes whose head is cheap to read as an issue (an article file, the
/// first file of a folder).
fn header_of(issue: Issue) -> Header {
    Header {
        paper: Some(issue.paper).filter(|p| !p.is_empty()),
        date: issue.date,
        weekday: issue.weekday,
        lunar: issue.lunar,
        pages: issue.pages.and_then(|p| p.count),
    }
}

/// `text::clean`, owned: every string a reader decoded itself (entities,
/// CDATA) goes through it before it reaches the model.
pub fn clean(text: &str) -> String {
    crate::text::clean(text).into_owned()
}

/// How far into a text its shape is looked for: an XML prolog, a comment or
/// two and the root element fit easily.
const SNIFF_BYTES: usize = 2048;

/// An XML document whose root element is `<rss`, `<feed` or `<rdf:RDF`:
/// the prolog (declaration, comments, doctype, processing instructions) is
/// skipped first.
pub fn is_feed(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    let limit = rest.len().min(SNIFF_BYTES);
    rest = rest.get(..limit).unwrap_or(rest);
    loop {
        rest = rest.trim_start();
        let skipped = if rest.starts_with("<?") {
            rest.find("?>").map(|end| &rest[end + 2..])
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|end| &rest[end + 3..])
        } else if rest.starts_with("<!") {
            rest.find('>').map(|end| &rest[end + 1..])
        } else {
            None
        };
        match skipped {
            Some(after) => rest = after,
            None => break,
        }
    }
    ["<rss", "<feed", "<rdf:RDF"].iter().any(|root| {
        rest.strip_prefix(root)
            .is_some_and(|after| after.starts_with([' ', '>', '\n', '\t', '\r', '/']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_known_by_their_root_element() {
        let rss = "<?xml version='1.0' encoding='UTF-8'?>\n<rss version=\"2.0\"><channel/></rss>";
        assert_eq!(shape_of(rss, Some("a.md")), Shape::Feed);
        let atom = "\u{feff}<!-- made by hand -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\">";
        assert_eq!(shape_of(atom, None), Shape::Feed);
        assert_eq!(shape_of("<rdf:RDF\n xmlns=\"x\">", None), Shape::Feed);
        assert_eq!(
            shape_of("# 报\n\n<rss> in text", Some("a.xml")),
            Shape::Markdown
        );
        assert_eq!(shape_of("<rssfeed>", None), Shape::Markdown);
        assert_eq!(shape_of("<?xml version='1.0'", None), Shape::Markdown);
    }
}
