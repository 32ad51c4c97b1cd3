//! The article open in the Article pane, and the `mark_read` rule applied
//! to it (`store::should_mark_read`). Read is a reader's act: an article
//! merely selected (the preview beside Headlines) is never open, however
//! much of it shows. It is open while the Article pane has the focus; each
//! article it shows there is one opening, from the moment it arrived.
//!
//! `update` knows no time of its own: an opening is stamped by the first
//! `Msg::Tick` after it began (the loop sends one after every batch of
//! input), the dwell is waited for through [`App::next_deadline`], and a
//! `Msg::Frame` applies the rule with the time of the last tick, so that
//! moving to the end marks at once and staying marks at the deadline.

use std::time::{Duration, Instant};

use crate::store::{Opening, Reading, should_mark_read};

use super::{App, Pane};

/// One opening of an article in the Article pane.
#[derive(Debug, Clone)]
pub(crate) struct Open {
    issue: usize,
    article: usize,
    /// The reading position it was first laid out at: a later position
    /// means the reader moved (a resize keeps positions, so it does not).
    start: Option<usize>,
    /// It opened at a saved place from which its end was already on screen.
    resumed_at_end: bool,
    /// The reader moved in it (known before the opening is stamped too).
    moved: bool,
    /// When it opened: stamped by the first tick once it is laid out.
    opening: Option<Opening>,
}

impl App {
    /// Keep the tracked opening in step with the focus and the selection:
    /// a new article in the focused Article pane is a new opening, another
    /// pane focused ends it. Called after every message.
    pub(super) fn track_open(&mut self) {
        let open = (self.screen.focus == Pane::Article && self.current_article().is_some())
            .then_some((self.place.issue, self.place.article));
        let tracked = self.place.open.as_ref().map(|o| (o.issue, o.article));
        if open != tracked {
            self.place.open = open.map(|(issue, article)| Open {
                issue,
                article,
                start: None,
                resumed_at_end: false,
                moved: false,
                opening: None,
            });
            // The preview already laid out is where it opens: a move in
            // the same batch of keys is then seen as one.
            self.observe_open();
        }
    }

    /// Compare the laid-out view with the opening: note where it started,
    /// whether that showed its end at a saved place, and whether the reader
    /// has moved since.
    pub(super) fn observe_open(&mut self) {
        let (Some(open), Some(view)) = (self.place.open.as_mut(), self.place.view.as_ref()) else {
            return;
        };
        if (view.issue, view.article) != (open.issue, open.article) {
            return;
        }
        match open.start {
            None => {
                open.start = Some(view.anchor);
                let article = self.docs.issues.get(open.issue).and_then(Option::as_ref);
                let article = article.and_then(|i| i.articles.get(open.article));
                let saved = article.and_then(|a| self.place.state.position(&a.id));
                open.resumed_at_end = saved.is_some() && view.end_visible();
            }
            Some(start) if start != view.anchor => {
                open.moved = true;
                if let Some(opening) = open.opening.as_mut() {
                    opening.moved();
                }
            }
            Some(_) => {}
        }
    }

    /// The reader moved in the open article without its position changing
    /// (paging past its end, a search hit shown): counts as moving there.
    pub(super) fn open_moved(&mut self) {
        self.track_open();
        self.ensure_view();
        self.observe_open();
        if let Some(open) = self.place.open.as_mut() {
            open.moved = true;
            if let Some(opening) = open.opening.as_mut() {
                opening.moved();
            }
        }
        self.apply_mark_rule();
    }

    /// `Msg::Tick`: the time now. Stamp an opening not stamped yet, then
    /// apply the rule (a dwell that has run out marks now).
    pub(super) fn tick_open(&mut self, now: Instant) {
        self.chores.clock = Some(now);
        if self.place.open.is_none() {
            return;
        }
        self.ensure_view();
        self.observe_open();
        if let Some(open) = self.place.open.as_mut()
            && open.opening.is_none()
            && open.start.is_some()
        {
            let mut opening = Opening::new(now, open.resumed_at_end);
            if open.moved {
                opening.moved();
            }
            open.opening = Some(opening);
        }
        self.apply_mark_rule();
    }

    /// On `Msg::Frame`, with the view laid out: the rule with what the
    /// frame shows (the end reached by moving marks at once).
    pub(super) fn frame_open(&mut self) {
        self.observe_open();
        self.apply_mark_rule();
    }

    /// Mark the open article read if the `mark_read` rule says so now (at
    /// the time of the last tick), never over a hand mark.
    fn apply_mark_rule(&mut self) {
        let Some(open) = self.place.open.as_ref() else {
            return;
        };
        let Some(view) = (self.place.view.as_ref())
            .filter(|v| (v.issue, v.article) == (open.issue, open.article))
        else {
            return;
        };
        let (issue, article) = (open.issue, open.article);
        let Some(id) = self.article_at(issue, article).map(|a| a.id.clone()) else {
            return;
        };
        let end_on_screen = view.end_visible();
        let hand_mark = self.place.state.has_hand_mark(&id);
        let reading = match (&open.opening, self.chores.clock) {
            (Some(opening), Some(now)) => opening.reading(now, end_on_screen, hand_mark),
            // Not stamped yet: it has been open no time at all.
            _ => Reading {
                opened: true,
                end_on_screen,
                moved: open.moved,
                resumed_at_end: open.resumed_at_end,
                open_for: Duration::ZERO,
                hand_mark,
            },
        };
        if should_mark_read(self.settings.mark_read, &reading)
            && self.place.state.mark_automatically(&id)
        {
            self.remember_place(issue, article);
            self.marks_changed();
        }
    }

    /// When the open article's dwell runs out, if that could still mark it.
    pub(crate) fn mark_deadline(&self) -> Option<Instant> {
        let open = self.place.open.as_ref()?;
        let opening = open.opening.as_ref()?;
        let id = &self.article_at(open.issue, open.article)?.id;
        if self.place.state.is_read(id) || self.place.state.has_hand_mark(id) {
            return None;
        }
        opening.deadline(self.settings.mark_read, self.chores.clock?)
    }
}
