//! Entries as the Issues pane lists them: built from cached or freshly read
//! headers, and ordered.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::cache::Cached;
use super::decode::display_name;
use super::{Entry, EntryStatus, Meta, Source};
use crate::model::Date;

pub(super) fn item(source: Source, header: &Cached) -> (Entry, Meta) {
    let date = header.date.as_deref().and_then(parse_iso_date);
    let status = match &header.unavailable {
        Some(reason) => EntryStatus::Unavailable(reason.clone()),
        None => EntryStatus::Ready,
    };
    let entry = Entry {
        source,
        paper: header.paper.clone().unwrap_or_default(),
        date,
        weekday: header.weekday.clone(),
        articles: header.articles,
        status,
    };
    let label = |name: &Option<String>| {
        name.as_deref()
            .and_then(|label| encoding_rs::Encoding::for_label_no_replacement(label.as_bytes()))
    };
    (
        entry,
        Meta {
            encoding: label(&header.encoding).map(display_name),
            detected: label(&header.detected),
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
///
/// Sorted without a key per entry (a copy of every path and paper name was
/// a fifth of the peak memory of opening 100,000 issues): each paper gets
/// its rank once, and entries are compared in place.
pub(super) fn sort_items(items: &mut [(Entry, Meta)]) {
    let mut newest: HashMap<&str, Option<Date>> = HashMap::new();
    for (entry, _) in items.iter() {
        let slot = newest.entry(entry.paper.as_str()).or_default();
        *slot = (*slot).max(entry.date);
    }
    let mut papers: Vec<(&str, Option<Date>)> = newest.into_iter().collect();
    papers.sort_by_key(|&(paper, newest)| (paper.is_empty(), Reverse(newest), paper));
    let rank: HashMap<String, u32> = papers
        .iter()
        .zip(0..)
        .map(|(&(paper, _), rank)| (paper.to_owned(), rank))
        .collect();
    let rank_of = |entry: &Entry| rank.get(entry.paper.as_str()).copied();
    items.sort_by(|(a, _), (b, _)| {
        (rank_of(a), Reverse(a.date))
            .cmp(&(rank_of(b), Reverse(b.date)))
            .then_with(|| name(b).cmp(name(a)))
    });
}

/// The path an entry is sorted by (nothing for the sample and standard input).
fn name(entry: &Entry) -> &std::ffi::OsStr {
    match &entry.source {
        Source::File(path) => path.as_os_str(),
        _ => std::ffi::OsStr::new(""),
    }
}
