//! The Article pane: only the lines on screen are drawn from the layout
//! `update` cached, so a frame costs O(screen) whatever the article's length.

use ratatui::layout::Rect;
use ratatui::style::Style;

use super::highlight::hit_cells;
use super::text::Pen;
use super::{note, title};
use crate::app::{App, IssueHit, Pane, reading_rank};
use crate::geometry::body_rect;
use std::ops::Range;

use crate::i18n::t;
use crate::layout::{ArticleLayout, Role, TextRef, indent_text};
use crate::model::{Article, HeadField};
use crate::ui::theme::Theme;

pub(super) fn render_article(app: &App, pen: &mut Pen, pane: Rect) {
    title(
        pen,
        pane,
        &t!("pane.article"),
        app.screen.focus == Pane::Article,
    );
    let body = body_rect(pane, app.settings.body_width);
    let view = app
        .place
        .view
        .as_ref()
        .filter(|v| (v.issue, v.article) == (app.place.issue, app.place.article));
    let (Some(view), Some(article)) = (view, app.current_article()) else {
        let message = match app.current_issue() {
            None => t!("pane.not_loaded"),
            Some(_) => t!("pane.empty_issue"),
        };
        note(pen, pane, &message);
        return;
    };
    let room = usize::from(body.width);
    let lights = Lights::of(app);
    let links = super::hyperlink::table(app);
    let lines = view.layout.lines.iter().enumerate().skip(view.top);
    for (y, (index, line)) in (body.top()..body.bottom()).zip(lines) {
        if line.role == Role::Blank {
            continue;
        }
        let style = role_style(pen.theme, line.role);
        let indent = pen.put(body.x, y, room, &indent_text(line.indent), style);
        let x = body
            .x
            .saturating_add(u16::try_from(indent).unwrap_or(u16::MAX));
        let text = view.layout.display(article, index);
        let room = room.saturating_sub(indent);
        pen.put(x, y, room, &text, style);
        // Links first: a search hit is restyled over them and stays seen.
        let at = (article, &view.layout, index);
        draw_links(pen.theme, pen, at, (x, y, room), &links);
        lights.draw(pen.theme, pen, (article, &view.layout, index), (x, y, room));
    }
}

/// The search hits of the article on screen, lit over the drawn text.
struct Lights<'a> {
    /// Index in the issue's hits of `hits[0]`.
    first: usize,
    hits: &'a [IssueHit],
    current: Option<usize>,
}

impl<'a> Lights<'a> {
    fn of(app: &'a App) -> Lights<'a> {
        // While the prompt is open, what it previews (if anything).
        let preview = app.search.preview.as_ref().filter(|_| app.prompt_open());
        let found =
            (preview.or(app.search.found.as_ref())).filter(|f| f.issue == Some(app.place.issue));
        let (first, hits) = found.map_or((0, &[][..]), |f| f.in_article(app.place.article));
        let current = found.and_then(|f| f.current);
        Lights {
            first,
            hits,
            current,
        }
    }

    /// Light the hits on line `index`, drawn at (x, y) in `room` cells. The
    /// hits are in reading order, so those on the line are found by bisection.
    fn draw(
        &self,
        theme: &Theme,
        pen: &mut Pen,
        (article, layout, index): (&Article, &ArticleLayout, usize),
        (x, y, room): (u16, u16, usize),
    ) {
        let Some(line) = layout.lines.get(index).filter(|_| !self.hits.is_empty()) else {
            return;
        };
        let rank = reading_rank(line.text);
        let past = |h: &IssueHit| (reading_rank(h.text), h.range.end) <= (rank, line.range.start);
        let skip = self.hits.partition_point(past);
        let text = layout.text(article, line.text);
        let width = layout.width.saturating_sub(line.indent);
        for (k, hit) in self.hits.iter().enumerate().skip(skip) {
            if (reading_rank(hit.text), hit.range.start) >= (rank, line.range.end) {
                break;
            }
            let Some(cells) = hit_cells(text, line, width, &hit.range, &layout.options) else {
                continue;
            };
            let style = if self.current == Some(self.first + k) {
                theme.search_current
            } else {
                theme.search_hit
            };
            pen.restyle(x, y, cells, room, style);
        }
    }
}

/// Underline the link text on line `index`, drawn at (x, y) in `room`
/// cells, through the same source-to-cell mapping as the search hits.
fn draw_links(
    theme: &Theme,
    pen: &mut Pen,
    (article, layout, index): (&Article, &ArticleLayout, usize),
    (x, y, room): (u16, u16, usize),
    hyperlinks: &[String],
) {
    let Some(line) = layout.lines.get(index) else {
        return;
    };
    // Every link of the string is checked (no order is assumed): a few
    // comparisons each, for the lines on screen only.
    let links = link_urls(line.text, article);
    let links = links.filter(|(r, _)| r.start < line.range.end && r.end > line.range.start);
    let text = layout.text(article, line.text);
    let width = layout.width.saturating_sub(line.indent);
    for (range, url) in links {
        if let Some(cells) = hit_cells(text, line, width, range, &layout.options) {
            let number = super::hyperlink::number_of(hyperlinks, url).unwrap_or(0);
            let style = theme.link.patch(super::hyperlink::link_style(number));
            pen.restyle(x, y, cells, room, style);
        }
    }
}

/// The links of the article string `text` refers to, with their URLs.
fn link_urls(text: TextRef, article: &Article) -> impl Iterator<Item = (&Range<usize>, &str)> {
    let field = match text {
        TextRef::Kicker => Some(HeadField::Kicker),
        TextRef::Headline => Some(HeadField::Headline),
        TextRef::Deck => Some(HeadField::Deck),
        TextRef::Byline => Some(HeadField::Byline),
        _ => None,
    };
    let head = (article.head_links.iter())
        .filter(move |l| Some(l.field) == field)
        .map(|l| (&l.range, l.url.as_str()));
    let block = match text {
        TextRef::Block(i) => article.blocks.get(i).map_or(&[][..], |b| &b.links[..]),
        _ => &[],
    };
    head.chain(block.iter().map(|l| (&l.range, l.url.as_str())))
}

fn role_style(theme: &Theme, role: Role) -> Style {
    match role {
        Role::Kicker => theme.kicker,
        Role::Headline => theme.headline,
        Role::Deck => theme.deck,
        Role::Byline => theme.byline,
        Role::Body | Role::Blank => theme.body,
        Role::Subhead => theme.subhead,
        Role::SubheadDeck => theme.subhead_deck,
        Role::Caption => theme.caption,
        Role::Credit => theme.credit,
        Role::Jump => theme.jump,
    }
}
