//! The selected article, laid out for the current size, and the reading
//! position. The layout is cached by (issue, article, width, options) and
//! redone only here: once per frame on `Msg::Frame`, or earlier when an
//! action needs it (scrolling), never while drawing. Positions are
//! source byte offsets, so a resize keeps the first visible sentence on screen.

use crate::geometry;
use crate::i18n::t;
use crate::layout::{ArticleLayout, Role};
use crate::model::Article;
use crate::store::LastOpen;

use super::{App, Pane};

/// The current article set at the current body width.
#[derive(Debug, Clone)]
pub struct View {
    pub issue: usize,
    pub article: usize,
    pub layout: ArticleLayout,
    /// First line on screen.
    pub top: usize,
    /// Lines the body area shows.
    pub height: usize,
    /// The reading position: the source offset of the first text line the
    /// reader scrolled to. Only scrolling moves it; a resize lays the
    /// article out again and puts the line holding it on top (or as near
    /// as the end of the article allows), so no amount of resizing drifts.
    pub anchor: usize,
}

impl View {
    /// The source offset of the first text line on screen. A blank line
    /// has no offset of its own, so the next line's is used.
    pub fn position(&self, article: &Article) -> usize {
        let lines = &self.layout.lines;
        let first_text = (self.top..lines.len())
            .find(|&i| lines[i].role != Role::Blank)
            .unwrap_or(self.top);
        self.layout.source_offset(article, first_text)
    }

    /// The largest `top` that still fills the screen.
    pub fn max_top(&self) -> usize {
        self.layout.lines.len().saturating_sub(self.height)
    }

    /// Whether the last line is on screen.
    pub fn end_visible(&self) -> bool {
        self.top.saturating_add(self.height) >= self.layout.lines.len()
    }

    /// Scroll by `delta` lines, within bounds, moving the reading position.
    pub fn scroll_by(&mut self, delta: isize, article: &Article) {
        let top = self.top.saturating_add_signed(delta);
        self.top = top.min(self.max_top());
        self.anchor = self.position(article);
    }
}

impl App {
    /// Select article `article` of issue `issue` (both clamped), saving the
    /// reading position of the article being left.
    pub(super) fn select(&mut self, issue: usize, article: usize) {
        let issue = issue.min(self.docs.library.entries.len().saturating_sub(1));
        if !self.need_parsed(issue) {
            return;
        }
        let count = self.current_count(issue);
        let article = article.min(count.saturating_sub(1));
        if (issue, article) == (self.place.issue, self.place.article) && self.place.view.is_some() {
            return;
        }
        self.save_position();
        self.forget_bulk_unless(issue);
        self.place.issue = issue;
        self.place.article = article;
        self.retire_view();
        let last = LastOpen {
            issue: (self.issue_key(issue)).unwrap_or_else(|| self.docs.library.label(issue)),
            article: self.current_article().map(|a| a.id.clone()),
        };
        // Not staged: the loop hands the place to the saver after every
        // message (`saver_place`), which costs no copy of the state.
        if self.place.state.last.as_ref() != Some(&last) && !self.docs.library.entries.is_empty() {
            self.place.state.last = Some(last);
        }
        // Laid out on `Msg::Frame` (or by `ensure_view`), not here: a held
        // key that moves the selection many times lays out only the last.
    }

    fn current_count(&self, issue: usize) -> usize {
        self.docs
            .issues
            .get(issue)
            .and_then(Option::as_ref)
            .map_or(0, |i| i.articles.len())
    }

    /// Remember where the reader is in the current article.
    pub(super) fn save_position(&mut self) {
        let Some(view) = &self.place.view else { return };
        let Some(article) = self.article_at(view.issue, view.article) else {
            return;
        };
        let position = view.anchor;
        let id = article.id.clone();
        let saved = self.place.state.position(&id);
        // An article only previewed at its top needs no entry of its own.
        if saved != Some(position) && (saved.is_some() || view.top > 0) {
            let (issue, article) = (view.issue, view.article);
            self.place.state.set_position(&id, position);
            self.remember_place(issue, article);
            self.mark_state_changed();
        }
    }

    /// Lay out the selected article now if it is not (an action that
    /// scrolls or pages needs it before the frame does).
    pub(super) fn ensure_view(&mut self) {
        let area = geometry::screen_rect(self.screen.size);
        let body = geometry::body_rect(geometry::article_rect(area), self.settings.body_width);
        if body.width > 0 && body.height > 0 {
            self.relayout(usize::from(body.width), usize::from(body.height));
            // Where an article opened is known before any key moves it.
            self.observe_open();
        }
    }

    /// Bring the layout, the lists' scroll, the counts and the read mark of
    /// the open article in line with the current size and selection (on
    /// `Msg::Frame`). At a
    /// degenerate size the old layout is kept: the place survives a
    /// terminal that is briefly 0×0 (a hung-up tty, a tmux resize).
    pub(super) fn refresh(&mut self) {
        let area = geometry::screen_rect(self.screen.size);
        self.ensure_view();
        self.ensure_tree();
        self.sync_tree();
        self.refresh_hits();
        self.refresh_preview();
        self.keep_lists_visible(area);
        self.refresh_counts();
        self.frame_open();
    }

    /// `t`: the next script (`Script::cycle`), said in the status bar. The
    /// article is set again at the next frame, at the same reading
    /// position (offsets are the source's whatever the script).
    pub(super) fn toggle_script(&mut self) {
        let options = &mut self.settings.options;
        options.script = options.script.cycle(self.settings.traditional);
        self.screen.notice = Some(t!(options.script.notice_key()));
    }

    fn relayout(&mut self, width: usize, height: usize) {
        let (issue, index) = (self.place.issue, self.place.article);
        // Borrow `issues` alone, so `view` can change beside it.
        let article = self.docs.issues.get(issue).and_then(Option::as_ref);
        let Some(article) = article.and_then(|i| i.articles.get(index)) else {
            self.place.view = None;
            return;
        };
        if let Some(view) = self.place.view.as_mut().filter(|v| {
            (v.issue, v.article) == (issue, index)
                && v.layout.is_current(width, &self.settings.options)
        }) {
            view.height = height;
            view.top = view.top.min(view.max_top());
            return;
        }
        let anchor = match &self.place.view {
            Some(v) if (v.issue, v.article) == (issue, index) => Some(v.anchor),
            _ => self.place.state.position(&article.id),
        };
        let layout = (self.place.layouts)
            .take(issue, index, width, &self.settings.options)
            .unwrap_or_else(|| ArticleLayout::new(article, width, &self.settings.options));
        let top = anchor.map_or(0, |offset| layout.line_at_offset(article, offset));
        let mut view = View {
            issue,
            article: index,
            top,
            height,
            anchor: 0,
            layout,
        };
        view.anchor = anchor.unwrap_or_else(|| view.position(article));
        view.top = view.top.min(view.max_top());
        self.retire_view();
        self.place.view = Some(view);
    }

    /// Put the current view's layout among the kept ones.
    fn retire_view(&mut self) {
        if let Some(old) = self.place.view.take() {
            self.place.layouts.keep(old.issue, old.article, old.layout);
        }
    }

    fn keep_lists_visible(&mut self, area: ratatui::layout::Rect) {
        let Some(screen) = geometry::screen(area, self.screen.focus, self.screen.issues_shown)
        else {
            return;
        };
        if let Some(pane) = screen.issues {
            let capacity = usize::from(geometry::content_rect(pane).height);
            self.screen.issues_top = self.issues_window(capacity);
        }
        if let Some(pane) = screen.headlines {
            self.screen.headlines_top = self.headlines_window(pane);
        }
    }

    /// The selected article was read to its end outside the screen (the
    /// linear mode): marked read, unless the reader set its mark by hand.
    pub(super) fn end_reached(&mut self) {
        let Some(id) = self.current_article().map(|a| a.id.clone()) else {
            return;
        };
        if self.place.state.mark_automatically(&id) {
            self.remember_place(self.place.issue, self.place.article);
            self.mark_state_changed();
        }
    }

    /// Lines in a page of the focused pane (for paging keys).
    pub(crate) fn page_size(&self) -> usize {
        let area = geometry::screen_rect(self.screen.size);
        let screen = geometry::screen(area, self.screen.focus, self.screen.issues_shown);
        let pane = screen.and_then(|s| match self.screen.focus {
            Pane::Issues => s.issues,
            Pane::Headlines => s.headlines,
            Pane::Article => None,
        });
        match (self.screen.focus, pane) {
            (Pane::Article, _) => self.place.view.as_ref().map_or(1, |v| v.height),
            // One row per issue or paper.
            (Pane::Issues, Some(pane)) => usize::from(geometry::content_rect(pane).height),
            (_, Some(pane)) => geometry::list_capacity(pane),
            (_, None) => 1,
        }
        .max(1)
    }
}

/// Layouts of the articles most recently left, so going back to one (`K`
/// after `J`, or a selection moved down and up again) does not wrap it
/// again. Keyed by (issue, article, width, options); small, because a
/// layout of a 10 MB article holds ~150,000 lines.
#[derive(Debug, Default)]
pub struct LayoutCache {
    /// Most recently kept last.
    entries: Vec<(usize, usize, ArticleLayout)>,
}

impl LayoutCache {
    const CAPACITY: usize = 8;

    /// Take the layout of `article` of `issue` at `width` with `options`, if kept.
    pub fn take(
        &mut self,
        issue: usize,
        article: usize,
        width: usize,
        options: &crate::typeset::Options,
    ) -> Option<ArticleLayout> {
        let found = self.entries.iter().position(|(i, a, layout)| {
            (*i, *a) == (issue, article) && layout.is_current(width, options)
        })?;
        Some(self.entries.remove(found).2)
    }

    /// Keep a layout that is leaving the screen, dropping the oldest beyond capacity.
    pub fn keep(&mut self, issue: usize, article: usize, layout: ArticleLayout) {
        if self.entries.len() == Self::CAPACITY {
            self.entries.remove(0);
        }
        self.entries.push((issue, article, layout));
    }

    /// Forget every layout of `issue` (its text was replaced).
    pub fn forget_issue(&mut self, issue: usize) {
        self.entries.retain(|(i, _, _)| *i != issue);
    }

    /// Move each kept layout to its issue's new index after a reload,
    /// dropping those of issues not kept (their text may have changed).
    pub(crate) fn remap(&mut self, new_index: impl Fn(usize) -> Option<usize>) {
        let entries = std::mem::take(&mut self.entries).into_iter();
        self.entries = entries
            .filter_map(|(issue, article, layout)| Some((new_index(issue)?, article, layout)))
            .collect();
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
