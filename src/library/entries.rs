//! Entries as the Issues pane lists them: built from cached or freshly read
//! headers, and ordered.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::cache::Cached;
use super::{Entry, EntryStatus, Meta, Source};
use crate::model::Date;

pub(super) fn item(source: Source, header: Cached) -> (Entry, Meta) {
    let date = header.date.as_deref().and_then(parse_iso_date);
    let status = match header.unavailable {
        Some(reason) => EntryStatus::Unavailable(reason),
        None => EntryStatus::Ready,
    };
    let entry = Entry {
        source,
        paper: header.paper.unwrap_or_default(),
        date,
        weekday: header.weekday,
        articles: header.articles,
        status,
    };
    (
        entry,
        Meta {
            encoding: header.encoding,
        },
    )
}

fn parse_iso_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Date::new(year, month, day)
}

/// Grouped by paper, the paper with the newest issue first (ties by name;
/// entries without a paper last); each paper's issues newest first, undated
/// ones after the dated, by path, newest-looking name first.
pub(super) fn sort_items(items: &mut [(Entry, Meta)]) {
    let mut newest: HashMap<String, Option<Date>> = HashMap::new();
    for (entry, _) in items.iter() {
        let slot = newest.entry(entry.paper.clone()).or_default();
        *slot = (*slot).max(entry.date);
    }
    items.sort_by_cached_key(|(e, _)| {
        let name = match &e.source {
            Source::File(p) => p.as_os_str().to_owned(),
            _ => Default::default(),
        };
        let paper_newest = newest.get(&e.paper).copied().flatten();
        (
            e.paper.is_empty(),
            Reverse(paper_newest),
            e.paper.clone(),
            Reverse(e.date),
            Reverse(name),
        )
    });
}
