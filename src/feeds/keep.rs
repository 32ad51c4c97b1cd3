//! A fetched feed merged into the issues already kept. Layout (the README
//! documents it): `<folder>/<YYYY>/<YYYY-MM-DD>.xml`, where `<folder>` is the
//! feed's `folder` or `<kept dir>/<paper>`: one file per paper and date,
//! itself an RSS 2.0 feed, so the library opens it like any feed file.
//!
//! Items are known by their guid (Atom: id), else link, else title: an item
//! seen again is left where it is, or replaced in place when its fields
//! changed upstream; a new one is added at the end; an item that has left
//! the feed stays. Every file is written atomically, and one at a time in
//! this process (two feeds may name the same paper).

use crate::i18n::t;
use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use quick_xml::escape::escape;

use crate::model::Date;
use crate::sources::feed::{Entries, Entry, Fields, entries};
use crate::store::shown_path;

/// What keeping a feed changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Kept {
    /// Issue files made by this fetch.
    pub new_issues: Vec<PathBuf>,
    /// Items added to issues (new ones included).
    pub new_items: usize,
    /// Items replaced in place because they changed upstream.
    pub changed_items: usize,
}

/// A kept issue larger than this is not read back (it is no issue this
/// program wrote).
const MAX_KEPT_BYTES: u64 = 4 * super::http::MAX_BYTES;

/// Keeping is serialised: read, merge and write one file at a time.
static KEEPING: Mutex<()> = Mutex::new(());

/// Where one feed's issues go and under what name.
#[derive(Debug, Clone)]
pub struct Target {
    /// The paper's name, as the kept files' channel title.
    pub paper: String,
    /// The folder holding `<YYYY>/<YYYY-MM-DD>.xml`.
    pub folder: PathBuf,
    /// The feed's URL, noted in each file.
    pub url: String,
}

/// The folder name for `paper`: `file_name_part` of it, else of the URL's
/// host, else `feed`.
pub fn folder_name(paper: &str, url: &str) -> String {
    let host = super::http::host_of(url);
    crate::text::file_name_part(paper)
        .or_else(|| crate::text::file_name_part(host))
        .unwrap_or_else(|| "feed".to_owned())
}

/// The kept file of `date` in `folder`.
pub fn issue_path(folder: &Path, date: Date) -> PathBuf {
    folder
        .join(format!("{:04}", date.year))
        .join(format!("{date}.xml"))
}

/// Merge `feed` into the issues kept under `target`; items without a date
/// go into `today`'s issue.
pub fn keep(feed: &Entries, target: &Target, today: Date) -> Result<Kept, String> {
    let mut by_date: BTreeMap<Date, Vec<&Entry>> = BTreeMap::new();
    for entry in &feed.entries {
        by_date
            .entry(entry.date.unwrap_or(today))
            .or_default()
            .push(entry);
    }
    let _one_at_a_time = KEEPING.lock().unwrap_or_else(|p| p.into_inner());
    let mut kept = Kept::default();
    for (date, fresh) in by_date {
        let path = issue_path(&target.folder, date);
        let (mut items, existed) = match read_kept(&path)? {
            Some(items) => (items, true),
            None => (Vec::new(), false),
        };
        let mut changed = false;
        for entry in fresh {
            match items.iter_mut().find(|(key, _)| *key == entry.key) {
                Some((_, fields)) if *fields == entry.fields => {}
                Some((_, fields)) => {
                    *fields = entry.fields.clone();
                    kept.changed_items += 1;
                    changed = true;
                }
                None => {
                    items.push((entry.key.clone(), entry.fields.clone()));
                    kept.new_items += 1;
                    changed = true;
                }
            }
        }
        if !changed {
            continue;
        }
        let fields: Vec<&Fields> = items.iter().map(|(_, f)| f).collect();
        let text = issue_xml(target, feed, date, &fields);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| {
                t!(
                    "store.cannot_create_folder",
                    path = shown_path(dir),
                    error = e
                )
            })?;
        }
        crate::store::write_file_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
        if !existed {
            kept.new_issues.push(path);
        }
    }
    Ok(kept)
}

/// The items of a kept issue, by key; `None` when there is none yet.
fn read_kept(path: &Path) -> Result<Option<Vec<(String, Fields)>>, String> {
    let shown = || shown_path(path);
    let file = match crate::library::open_regular(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(t!("feeds.kept_unreadable", path = shown(), error = e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_KEPT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| t!("feeds.kept_unreadable", path = shown(), error = e))?;
    if bytes.len() as u64 > MAX_KEPT_BYTES {
        return Err(t!("feeds.kept_too_large", path = shown()));
    }
    let text = String::from_utf8_lossy(&bytes);
    let read = entries(&text);
    if let Some(error) = read.error {
        // Never overwrite what cannot be read back whole.
        return Err(t!("feeds.kept_damaged", path = shown(), error = error));
    }
    let mut items: Vec<(String, Fields)> = Vec::new();
    for entry in read.entries {
        if !items.iter().any(|(key, _)| *key == entry.key) {
            items.push((entry.key, entry.fields));
        }
    }
    Ok(Some(items))
}

/// A kept issue as RSS 2.0. The channel's `pubDate` is the issue's date at
/// noon in the paper's zone, so the reader dates an issue whose items carry
/// no date of their own.
fn issue_xml(target: &Target, feed: &Entries, date: Date, items: &[&Fields]) -> String {
    let zone = feed.zone.map_or("Z".to_owned(), |minutes| {
        let sign = if minutes < 0 { '-' } else { '+' };
        let minutes = minutes.abs();
        format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    });
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<!-- kept by broadsheet from {}; one issue per paper and date -->\n",
        escape(target.url.replace("--", "%2D%2D"))
    ));
    out.push_str("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
    element(&mut out, "title", &target.paper);
    element(&mut out, "link", &target.url);
    if !feed.description.is_empty() {
        element(&mut out, "description", &feed.description);
    }
    if !feed.language.is_empty() {
        element(&mut out, "language", &feed.language);
    }
    element(&mut out, "pubDate", &format!("{date}T12:00:00{zone}"));
    for item in items {
        out.push_str("<item>\n");
        element(&mut out, "title", &item.title);
        let optional = [
            ("link", &item.link),
            ("guid", &item.id),
            ("pubDate", &item.published),
            ("dc:creator", &item.author),
            ("description", &item.description),
            ("content:encoded", &item.content),
        ];
        for (name, text) in optional {
            if let Some(text) = text {
                element(&mut out, name, text);
            }
        }
        out.push_str("</item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

fn element(out: &mut String, name: &str, text: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
    out.push_str(&escape(text));
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &str = "<rss version='2.0'><channel><title>Daily - RSS</title>\
        <item><title>one</title><guid>1</guid><description>&lt;p&gt;a &amp;nbsp; b&lt;/p&gt;</description>\
        <pubDate>Mon, 05 Jan 2026 10:00:00 +0000</pubDate></item>\
        <item><title>two</title><link>http://x/2</link></item></channel></rss>";

    #[test]
    fn a_second_keep_adds_only_what_is_new_and_updates_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let target = Target {
            paper: "Daily".into(),
            folder: dir.path().join("Daily"),
            url: "http://x/feed".into(),
        };
        let today = Date::new(2026, 1, 6).unwrap();
        let first = keep(&entries(FEED), &target, today).unwrap();
        assert_eq!(first.new_issues.len(), 2);
        assert_eq!(first.new_items, 2);
        let again = keep(&entries(FEED), &target, today).unwrap();
        assert_eq!(again, Kept::default(), "nothing new, nothing written");
        let changed = FEED.replace("<title>one</title>", "<title>one, corrected</title>");
        let changed = changed.replace(
            "<item><title>two",
            "<item><title>three</title><guid>3</guid><pubDate>Mon, 05 Jan 2026 11:00:00 +0000</pubDate></item><item><title>two",
        );
        let third = keep(&entries(&changed), &target, today).unwrap();
        assert_eq!((third.new_items, third.changed_items), (1, 1));
        assert!(third.new_issues.is_empty());
        let path = issue_path(&target.folder, Date::new(2026, 1, 5).unwrap());
        let text = fs::read_to_string(&path).unwrap();
        let issue = crate::sources::read_issue(&text, None);
        let heads: Vec<&str> = issue.articles.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, ["one, corrected", "three"]);
        assert_eq!(issue.paper, "Daily");
        assert_eq!(issue.date, Date::new(2026, 1, 5));
        // An item gone from the feed stays kept.
        let only_new = FEED.replace(
            "<title>one</title><guid>1</guid>",
            "<title>four</title><guid>4</guid>",
        );
        keep(&entries(&only_new), &target, today).unwrap();
        let issue = crate::sources::read_issue(&fs::read_to_string(&path).unwrap(), None);
        assert_eq!(issue.articles.len(), 3);
    }

    #[test]
    fn folder_names_are_safe() {
        assert_eq!(folder_name("../../etc", "http://h/"), "etc");
        assert_eq!(
            folder_name("", "http://news.example:8080/rss"),
            "news.example 8080"
        );
        assert_eq!(folder_name("/", "http:///"), "feed");
    }
}
