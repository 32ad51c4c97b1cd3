//! The only mutator of `App`: one action in, the new state and an effect out.

use super::{Action, App, Effect, Overlay, Pane};
use crate::ui::layout::{self as geometry, Mode};

/// Apply one action.
pub fn update(app: &mut App, action: Action) -> Effect {
    match action {
        // As in less, man and newsboat, `q` in help (or any overlay) goes
        // back to the text; a second `q` quits.
        Action::Quit if app.overlay.is_some() => {
            app.overlay = None;
            return Effect::None;
        }
        Action::Quit => {
            app.save_position();
            return Effect::Quit;
        }
        Action::Redraw => return Effect::Redraw,
        Action::Suspend => {
            app.save_position();
            return Effect::Suspend;
        }
        Action::Reload => {
            app.close_prompt();
            app.reload();
            return Effect::None;
        }
        _ => {}
    }
    // An action that is not a key (keys in the prompt are text) closes the
    // prompt; Back does only that.
    if app.close_prompt().is_some() && action == Action::Back {
        return Effect::None;
    }
    // Scrolling and paging need the article laid out; moving a list's
    // selection does not (the frame lays out what it will draw).
    if app.focus == Pane::Article {
        app.ensure_view();
    }
    match app.overlay {
        Some(overlay) => overlay_action(app, overlay, action),
        None => pane_action(app, action),
    }
    Effect::None
}

fn pane_action(app: &mut App, action: Action) {
    match action {
        Action::Help => open_overlay(app, Overlay::Help),
        Action::Log => open_overlay(app, Overlay::Log),
        Action::Starred => app.open_starred(),
        Action::Links => app.open_links(),
        // Esc first clears a search's highlight, then goes back.
        Action::Back if app.clear_search() => {}
        Action::Back | Action::FocusLeft => focus(app, left_of(app.focus)),
        Action::FocusRight => focus(app, right_of(app.focus)),
        Action::Open if app.focus != Pane::Article => focus(app, right_of(app.focus)),
        Action::FocusNext => focus(app, cycle(app.focus, 1)),
        Action::FocusPrev => focus(app, cycle(app.focus, 2)),
        Action::ToggleIssues => toggle_issues(app),
        Action::Down => move_by(app, 1),
        Action::Up => move_by(app, -1),
        Action::PageDown => page_down(app),
        Action::PageUp => move_by(app, -signed(page(app))),
        Action::HalfPageDown => move_by(app, signed(app.page_size() / 2).max(1)),
        Action::HalfPageUp => move_by(app, -signed(app.page_size() / 2).max(1)),
        Action::Top => move_by(app, isize::MIN),
        Action::Bottom => move_by(app, isize::MAX),
        Action::NextArticle => step_article(app, 1),
        Action::PrevArticle => step_article(app, -1),
        Action::NextUnread => app.next_unread(),
        Action::Search => app.open_prompt(),
        Action::SearchNext => app.search_step(true),
        Action::SearchPrev => app.search_step(false),
        Action::ToggleRead => toggle_read(app),
        Action::ToggleStar => toggle_star(app),
        Action::Open | Action::Quit | Action::Suspend | Action::Reload | Action::Redraw => {}
    }
}

/// The pane `steps` to the right, wrapping round (2 steps = one to the left).
fn cycle(pane: Pane, steps: usize) -> Pane {
    const ORDER: [Pane; 3] = [Pane::Issues, Pane::Headlines, Pane::Article];
    let at = ORDER.iter().position(|p| *p == pane).unwrap_or(0);
    ORDER[(at + steps) % ORDER.len()]
}

fn left_of(pane: Pane) -> Pane {
    match pane {
        Pane::Article => Pane::Headlines,
        _ => Pane::Issues,
    }
}

fn right_of(pane: Pane) -> Pane {
    match pane {
        Pane::Issues => Pane::Headlines,
        _ => Pane::Article,
    }
}

fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

/// A page: the focused pane's height, less one line of context in the article.
fn page(app: &App) -> usize {
    let size = app.page_size();
    if app.focus == Pane::Article {
        size.saturating_sub(1).max(1)
    } else {
        size
    }
}

/// Move focus; in the two-pane layout the pair shown follows it.
pub(super) fn focus(app: &mut App, pane: Pane) {
    app.focus = pane;
    if geometry::mode(app.size.0) == Mode::Two {
        match pane {
            Pane::Issues => app.issues_shown = true,
            Pane::Article => app.issues_shown = false,
            Pane::Headlines => {}
        }
    }
}

fn toggle_issues(app: &mut App) {
    let showing = match geometry::mode(app.size.0) {
        Mode::Two => app.issues_shown,
        _ => app.focus == Pane::Issues,
    };
    if showing {
        app.issues_shown = false;
        if app.focus == Pane::Issues {
            // A toggle: back where the first `i` was pressed. The two-pane
            // layout shows Headlines | Article, so either is on screen.
            focus(app, app.before_issues);
        }
    } else {
        app.issues_shown = true;
        app.before_issues = match app.focus {
            Pane::Issues => Pane::Headlines,
            pane => pane,
        };
        app.focus = Pane::Issues;
    }
}

/// Move the selection (lists) or scroll (article) by `delta`, clamped.
fn move_by(app: &mut App, delta: isize) {
    match app.focus {
        Pane::Issues => {
            let last = app.library.entries.len().saturating_sub(1);
            let issue = app.issue.saturating_add_signed(delta).min(last);
            if issue != app.issue {
                app.select(issue, 0);
            }
        }
        Pane::Headlines => {
            let article = app.article.saturating_add_signed(delta);
            app.select(app.issue, article);
        }
        Pane::Article => {
            // Borrow `issues` alone, so `view` can change beside it.
            let issue = app.issues.get(app.issue).and_then(Option::as_ref);
            let article = issue.and_then(|i| i.articles.get(app.article));
            if let (Some(view), Some(article)) = (app.view.as_mut(), article) {
                view.scroll_by(delta, article);
            }
        }
    }
}

/// Page down; at the end of an article, go on to the next one, as a reader
/// turning the page expects.
fn page_down(app: &mut App) {
    let at_end = app.view.as_ref().is_some_and(|v| v.top >= v.max_top());
    if app.focus == Pane::Article && at_end {
        step_article(app, 1);
    } else {
        move_by(app, signed(page(app)));
    }
}

/// The next or previous article, across issue boundaries.
fn step_article(app: &mut App, step: isize) {
    match neighbour(app, app.issue, app.article, step) {
        Some((issue, article)) => app.select(issue, article),
        // Said, so that a key that did nothing does not look ignored.
        None if step > 0 => app.notice = Some("last article of the library".to_owned()),
        None => app.notice = Some("first article of the library".to_owned()),
    }
}

fn neighbour(app: &mut App, issue: usize, article: usize, step: isize) -> Option<(usize, usize)> {
    let count = |app: &App, i: usize| {
        let issue = app.issues.get(i).and_then(Option::as_ref);
        issue.map_or(0, |x| x.articles.len())
    };
    if step > 0 && article + 1 < count(app, issue) {
        return Some((issue, article + 1));
    }
    if step < 0 && article > 0 {
        return Some((issue, article - 1));
    }
    let mut next = issue;
    loop {
        next = next.checked_add_signed(step.signum())?;
        if next >= app.issues.len() {
            return None;
        }
        app.ensure_parsed(next);
        let n = count(app, next);
        if n > 0 {
            return Some((next, if step > 0 { 0 } else { n - 1 }));
        }
    }
}

fn toggle_read(app: &mut App) {
    let Some(id) = app.current_article().map(|a| a.id.clone()) else {
        return;
    };
    let read = !app.state.is_read(&id);
    app.state.set_read(&id, read);
    app.remember_place(app.issue, app.article);
    // Leaving the article and coming back is what re-marks it.
    app.ensure_view();
    if let Some(view) = app.view.as_mut() {
        view.end_seen = true;
    }
    app.notice = Some(if read { "marked read" } else { "marked unread" }.to_owned());
    app.mark_state_changed();
}

fn toggle_star(app: &mut App) {
    let Some(id) = app.current_article().map(|a| a.id.clone()) else {
        return;
    };
    app.state.toggle_star(&id);
    app.remember_place(app.issue, app.article);
    let starred = app.state.is_starred(&id);
    app.notice = Some(if starred { "starred" } else { "unstarred" }.to_owned());
    app.mark_state_changed();
}

fn open_overlay(app: &mut App, overlay: Overlay) {
    app.overlay = Some(overlay);
    app.overlay_line = 0;
}

/// The last line an overlay can scroll to with `rows` rows shown.
fn overlay_last(app: &App, overlay: Overlay, rows: usize) -> usize {
    match overlay {
        Overlay::Starred => app.starred.len().saturating_sub(1),
        // The log scrolls by message, so the last one can always reach the top.
        Overlay::Log => app.messages.len().saturating_sub(1),
        Overlay::Links => app.link_rows().saturating_sub(rows),
        Overlay::Help => {
            let bound = Action::ALL
                .iter()
                .filter(|a| app.keymap.keys(**a).next().is_some());
            // Two more rows: a blank and the ambiguous-width line.
            (bound.count() + 2).saturating_sub(rows)
        }
    }
}

fn overlay_action(app: &mut App, overlay: Overlay, action: Action) {
    let rows = geometry::overlay_rows(app.size.1);
    // Found only for the keys that scroll down: for the links it wraps
    // every note.
    let last = |app: &App| overlay_last(app, overlay, rows);
    let line = app.overlay_line;
    let page = rows.max(1);
    match action {
        Action::Back => app.overlay = None,
        Action::Help | Action::Log if overlay_of(action) == overlay => app.overlay = None,
        Action::Help | Action::Log => open_overlay(app, overlay_of(action)),
        Action::Starred if overlay == Overlay::Starred => app.overlay = None,
        Action::Starred => app.open_starred(),
        Action::Links if overlay == Overlay::Links => app.overlay = None,
        Action::Links => app.open_links(),
        Action::Down => app.overlay_line = (line + 1).min(last(app)),
        Action::Up => app.overlay_line = line.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => app.overlay_line = (line + page).min(last(app)),
        Action::PageUp | Action::HalfPageUp => app.overlay_line = line.saturating_sub(page),
        Action::Top => app.overlay_line = 0,
        Action::Bottom => app.overlay_line = last(app),
        Action::Open | Action::FocusRight if overlay == Overlay::Starred => {
            if let Some(item) = app.starred.get(line).cloned() {
                app.overlay = None;
                if app.open_starred_item(&item) {
                    focus(app, Pane::Article);
                }
            }
        }
        _ => {}
    }
}

fn overlay_of(action: Action) -> Overlay {
    match action {
        Action::Help => Overlay::Help,
        Action::Starred => Overlay::Starred,
        _ => Overlay::Log,
    }
}
