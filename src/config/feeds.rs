//! `[[feeds]]`: tables with `url` (http or https), optional `paper` and
//! `folder`. `feeds::subscriptions` edits these tables in the user's file.

use toml::de::DeValue;

use super::Subscription;
use super::kinds::Kind;
use super::parse::{Value, Walk};
use super::show::{Shown, toml_string};
use crate::i18n::t;

/// The list of `[[feeds]]` tables.
pub(crate) struct Feeds;

impl Kind for Feeds {
    type Value = Vec<Subscription>;

    fn parse(&self, walk: &mut Walk<'_>, key: &str, value: &Value<'_>) -> Option<Self::Value> {
        let allowed = t!("config.feeds");
        let DeValue::Array(items) = value.get_ref() else {
            walk.expected(key, value, &allowed);
            return None;
        };
        // The user's list replaces the default one, like `library`.
        let mut feeds = Vec::new();
        for item in items.iter() {
            let DeValue::Table(table) = item.get_ref() else {
                walk.expected(key, item, &allowed);
                continue;
            };
            let mut url = None;
            let mut saw_url = false;
            let mut feed = Subscription {
                url: String::new(),
                paper: None,
                folder: None,
            };
            for (key, value) in table.iter() {
                let text = value.get_ref().as_str().filter(|s| !s.trim().is_empty());
                saw_url |= key.get_ref() == "url";
                match (key.get_ref().as_ref(), text) {
                    ("url", Some(text)) if is_web_url(text) => url = Some(text.trim().to_owned()),
                    ("url", _) => walk.expected("feeds.url", value, &t!("config.feed_url")),
                    ("paper", Some(text)) => feed.paper = Some(text.trim().to_owned()),
                    ("folder", Some(text)) => feed.folder = Some(walk.expand(text)),
                    ("paper" | "folder", None) => walk.expected(
                        &format!("feeds.{}", key.get_ref()),
                        value,
                        &t!("config.non_empty"),
                    ),
                    (other, _) => walk.problem(
                        key.span(),
                        t!("config.feed_key", name = format!("{other:?}")),
                    ),
                }
            }
            match url {
                Some(url) => {
                    feed.url = url;
                    feeds.push(feed);
                }
                None if !saw_url => {
                    walk.problem(item.span(), t!("config.feed_without_url"));
                }
                None => {}
            }
        }
        Some(feeds)
    }

    fn write(&self, key: &str, value: &Self::Value, out: &mut Shown) {
        if value.is_empty() {
            // Before every table header, or it would be that table's key.
            out.table(&format!("{key} = []\n"));
        }
        for feed in value {
            let mut lines = format!("\n[[{key}]]\nurl = {}\n", toml_string(&feed.url));
            if let Some(paper) = &feed.paper {
                lines.push_str(&format!("paper = {}\n", toml_string(paper)));
            }
            if let Some(folder) = &feed.folder {
                let folder = toml_string(&folder.to_string_lossy());
                lines.push_str(&format!("folder = {folder}\n"));
            }
            out.array(&lines);
        }
    }
}

/// Whether `url` is one the fetcher may ask for: `http://` or `https://`
/// and a host.
pub fn is_web_url(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    ["http://", "https://"].iter().any(|scheme| {
        lower.starts_with(scheme)
            && url[scheme.len()..]
                .split(['/', '?', '#'])
                .next()
                .is_some_and(|host| !host.is_empty())
    }) && !url.contains(char::is_whitespace)
        && !url.contains(crate::text::is_unsafe)
}
