//! The only mutator of `App`: one message in, the new state and the
//! effects out. Work that needs I/O leaves as a [`Task`]; its answer comes
//! back as a `Msg`. An input that needs an issue not parsed yet stops
//! before changing anything, asks for the issue, and runs again when it is in.

use crossterm::event::KeyEventKind;

use super::{Action, App, Effect, Effects, Msg, Overlay, Pane, PromptKind, Retry, Task};
use crate::geometry::{self, Mode};
use crate::i18n::t;
use crate::store::ReadBy;

/// Apply one message.
pub fn update(app: &mut App, msg: Msg) -> Effects {
    let retry = msg.retry_copy();
    let mut effect = dispatch(app, msg);
    if app.waiting() {
        app.chores.retry.extend(retry.map(Retry::Msg));
    } else {
        effect = run_retries(app, effect);
    }
    finish(app, effect)
}

fn dispatch(app: &mut App, msg: Msg) -> Effect {
    match msg {
        Msg::Key(key) => on_key(app, key),
        Msg::Action(action) => act(app, action),
        Msg::Select(issue, article) => {
            app.select(issue, article);
            Effect::None
        }
        Msg::EndReached => {
            app.end_reached();
            Effect::None
        }
        Msg::Paste(text) => {
            app.paste(&text);
            Effect::None
        }
        Msg::Mouse(event) => {
            app.on_mouse(event);
            Effect::None
        }
        Msg::Resize(width, height) => {
            app.screen.size = (width, height);
            Effect::None
        }
        Msg::Frame => {
            app.refresh();
            Effect::None
        }
        Msg::Tick(now) => {
            app.tick_open(now);
            app.fetch_tick(now);
            Effect::None
        }
        Msg::Log(messages) => {
            app.docs.messages.extend(messages);
            Effect::None
        }
        Msg::Announce => {
            app.announce_messages();
            Effect::None
        }
        Msg::Parsed(parsed) => {
            app.install_parsed(*parsed);
            Effect::None
        }
        Msg::SetIssue(index, issue) => {
            app.set_issue(index, *issue);
            Effect::None
        }
        Msg::Reloaded(library) => {
            app.replace_library(*library);
            app.fetch_reloaded();
            Effect::None
        }
        Msg::FetchStarted(inbox) => {
            app.fetch_started(inbox);
            Effect::None
        }
        Msg::Fetch(news) => {
            app.on_fetch_news(news);
            Effect::None
        }
        Msg::SearchStarted(handle) => {
            app.search_started(handle);
            Effect::None
        }
        Msg::SearchResults(batch) => {
            let super::SearchBatch { results, counts } = *batch;
            app.search_results(results, counts);
            Effect::None
        }
        Msg::Copied(what, outcome) => {
            app.copied(&what, outcome);
            Effect::None
        }
    }
}

/// Run what waited for issues to be parsed, in order, while nothing new
/// is wanted.
fn run_retries(app: &mut App, mut effect: Effect) -> Effect {
    while !app.waiting() {
        let Some(retry) = app.chores.retry.pop_front() else {
            break;
        };
        let again = match &retry {
            Retry::Msg(msg) => Some(msg.clone()),
            _ => None,
        };
        let result = match retry {
            Retry::Msg(msg) => dispatch(app, msg),
            Retry::SelectById(issue, id) => {
                app.select_by_id(issue, id.as_deref());
                Effect::None
            }
            Retry::OpenStarred => {
                app.open_starred();
                Effect::None
            }
        };
        if app.waiting() {
            // `select_by_id` queues itself again.
            if let Some(msg) = again {
                app.chores.retry.push_front(Retry::Msg(msg));
            }
            break;
        }
        if effect == Effect::None {
            effect = result;
        }
    }
    effect
}

/// The tasks this message left: issues to read, the state to stage and,
/// on the way out of the terminal, to write. The opening the `mark_read`
/// rule watches follows the focus and the selection.
fn finish(app: &mut App, effect: Effect) -> Effects {
    app.track_open();
    let mut tasks = std::mem::take(&mut app.chores.outbox);
    let wanted: Vec<usize> = app.chores.wanted.iter().copied().collect();
    for index in wanted {
        if app.chores.asked.insert(index) {
            tasks.push(Task::Read(index));
        }
    }
    if std::mem::take(&mut app.place.state_changed) {
        tasks.push(Task::Stage(app.place.state.clone()));
    }
    // Written before the stop: a suspended reader may never be resumed.
    if effect == Effect::Suspend {
        tasks.push(Task::Flush);
    }
    Effects { effect, tasks }
}

/// A key press becomes an action through the keymap; releases do nothing.
fn on_key(app: &mut App, key: crossterm::event::KeyEvent) -> Effect {
    if key.kind == KeyEventKind::Release {
        return Effect::None;
    }
    app.screen.notice = None;
    if app.prompt_open() {
        return app.prompt_key(key);
    }
    match app.settings.keymap.action(key) {
        Some(action) => act(app, action),
        None => Effect::None,
    }
}

/// Apply one action.
pub(super) fn act(app: &mut App, action: Action) -> Effect {
    match action {
        // As in less, man and newsboat, `q` in help (or any overlay) goes
        // back to the text; a second `q` quits.
        Action::Quit if app.overlay.open.is_some() => {
            app.close_overlay();
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
        Action::Fetch => {
            app.close_prompt();
            app.start_fetch();
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
    if app.screen.focus == Pane::Article {
        app.ensure_view();
    }
    match app.overlay.open {
        Some(Overlay::Calendar) => app.calendar_action(action),
        Some(Overlay::Results) => app.results_action(action),
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
        Action::Copy => app.copy(),
        Action::CopyCitation => app.copy_citation(),
        // Esc first clears a search's highlight, then goes back.
        Action::Back if app.clear_search() => {}
        Action::Back | Action::FocusLeft => focus(app, left_of(app.screen.focus)),
        Action::FocusRight => focus(app, right_of(app.screen.focus)),
        // Enter or Space on a paper's header folds it; on "older issues", shows them.
        Action::Open | Action::PageDown if in_issues(app) && app.issues_open() => {}
        Action::Open if app.screen.focus != Pane::Article => focus(app, right_of(app.screen.focus)),
        // Enter on a jump line follows it; elsewhere in the article it does nothing.
        Action::Open => app.follow_jump(true),
        Action::FocusNext => focus(app, cycle(app.screen.focus, 1)),
        Action::FocusPrev => focus(app, cycle(app.screen.focus, 2)),
        Action::ToggleIssues => toggle_issues(app),
        Action::ToggleScript => app.toggle_script(),
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
        Action::NextUnreadIssue => app.next_unread_issue(),
        Action::NextPage => app.step_page(1),
        Action::PrevPage => app.step_page(-1),
        Action::FollowJump => app.follow_jump(false),
        Action::JumpBack => app.jump_back(),
        Action::Search if in_issues(app) => app.open_prompt(PromptKind::Library),
        Action::Search => app.open_prompt(PromptKind::Find),
        Action::SearchLibrary => app.open_prompt(PromptKind::Library),
        Action::GoTo => app.open_prompt(PromptKind::GoTo),
        Action::Calendar => app.open_calendar(),
        Action::FoldOthers => app.fold_others(),
        Action::FoldAll => app.fold_all(),
        Action::SearchNext => app.search_step(true),
        Action::SearchPrev => app.search_step(false),
        Action::ToggleRead => toggle_read(app),
        Action::MarkIssueRead => app.mark_issue_read(),
        Action::ToggleStar => toggle_star(app),
        Action::Headline1
        | Action::Headline2
        | Action::Headline3
        | Action::Headline4
        | Action::Headline5
        | Action::Headline6
        | Action::Headline7
        | Action::Headline8
        | Action::Headline9 => app.select_shown_headline(action),
        Action::Quit | Action::Suspend | Action::Reload | Action::Fetch | Action::Redraw => {}
    }
}

/// Whether the Issues pane has the keys.
fn in_issues(app: &App) -> bool {
    app.screen.focus == Pane::Issues
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
    if app.screen.focus == Pane::Article {
        size.saturating_sub(1).max(1)
    } else {
        size
    }
}

/// Move focus; in the two-pane layout the pair shown follows it.
pub(super) fn focus(app: &mut App, pane: Pane) {
    app.screen.focus = pane;
    if geometry::mode(app.screen.size.0) == Mode::Two {
        match pane {
            Pane::Issues => app.screen.issues_shown = true,
            Pane::Article => app.screen.issues_shown = false,
            Pane::Headlines => {}
        }
    }
}

fn toggle_issues(app: &mut App) {
    let showing = match geometry::mode(app.screen.size.0) {
        Mode::Two => app.screen.issues_shown,
        _ => app.screen.focus == Pane::Issues,
    };
    if showing {
        app.screen.issues_shown = false;
        if app.screen.focus == Pane::Issues {
            // A toggle: back where the first `i` was pressed. The two-pane
            // layout shows Headlines | Article, so either is on screen.
            focus(app, app.screen.before_issues);
        }
    } else {
        app.screen.issues_shown = true;
        app.screen.before_issues = match app.screen.focus {
            Pane::Issues => Pane::Headlines,
            pane => pane,
        };
        app.screen.focus = Pane::Issues;
    }
}

/// Move the selection (lists) or scroll (article) by `delta`, clamped.
fn move_by(app: &mut App, delta: isize) {
    match app.screen.focus {
        Pane::Issues => app.move_issues(delta),
        Pane::Headlines => {
            let article = app.place.article.saturating_add_signed(delta);
            app.select(app.place.issue, article);
        }
        Pane::Article => {
            // Borrow `issues` alone, so `view` can change beside it.
            let issue = app
                .docs
                .issues
                .get(app.place.issue)
                .and_then(Option::as_ref);
            let article = issue.and_then(|i| i.articles.get(app.place.article));
            if let (Some(view), Some(article)) = (app.place.view.as_mut(), article) {
                view.scroll_by(delta, article);
            }
        }
    }
}

/// Page down; at the end of an article, go on to the next one, as a reader
/// turning the page expects.
fn page_down(app: &mut App) {
    let at_end = app
        .place
        .view
        .as_ref()
        .is_some_and(|v| v.top >= v.max_top());
    if app.screen.focus == Pane::Article && at_end {
        // Paging on from the end is reading through it.
        app.open_moved();
        step_article(app, 1);
    } else {
        move_by(app, signed(page(app)));
    }
}

/// The next or previous article, across issue boundaries.
fn step_article(app: &mut App, step: isize) {
    match neighbour(app, app.place.issue, app.place.article, step) {
        Some((issue, article)) => app.select(issue, article),
        // It runs again once the next issue is parsed.
        None if app.waiting() => {}
        // Said, so that a key that did nothing does not look ignored.
        None if step > 0 => app.screen.notice = Some(t!("notice.last_article")),
        None => app.screen.notice = Some(t!("notice.first_article")),
    }
}

fn neighbour(app: &mut App, issue: usize, article: usize, step: isize) -> Option<(usize, usize)> {
    let count = |app: &App, i: usize| {
        let issue = app.docs.issues.get(i).and_then(Option::as_ref);
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
        if next >= app.docs.issues.len() {
            return None;
        }
        if !app.need_parsed(next) {
            return None;
        }
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
    let read = !app.place.state.is_read(&id);
    // By hand: no automatic rule changes it again until the reader does.
    app.place.state.mark(&id, read, ReadBy::Hand);
    app.remember_place(app.place.issue, app.place.article);
    app.screen.notice = Some(t!(if read {
        "notice.marked_read"
    } else {
        "notice.marked_unread"
    }));
    app.marks_changed();
}

fn toggle_star(app: &mut App) {
    let Some(id) = app.current_article().map(|a| a.id.clone()) else {
        return;
    };
    app.place.state.toggle_star(&id);
    app.remember_place(app.place.issue, app.place.article);
    let starred = app.place.state.is_starred(&id);
    app.screen.notice = Some(t!(if starred {
        "notice.starred"
    } else {
        "notice.unstarred"
    }));
    app.mark_state_changed();
}

fn open_overlay(app: &mut App, overlay: Overlay) {
    app.overlay.open = Some(overlay);
    app.overlay.line = 0;
}

/// The last line an overlay can scroll to with `rows` rows shown.
fn overlay_last(app: &App, overlay: Overlay, rows: usize) -> usize {
    match overlay {
        Overlay::Starred => app.overlay.starred.len().saturating_sub(1),
        // The log scrolls by message, so the last one can always reach the top.
        Overlay::Log => app.docs.messages.len().saturating_sub(1),
        Overlay::Links => app.link_rows().saturating_sub(1),
        Overlay::Help => app.help_rows().saturating_sub(rows),
        // Their own keys: `App::calendar_action`, `App::results_action`.
        Overlay::Calendar | Overlay::Results => 0,
    }
}

fn overlay_action(app: &mut App, overlay: Overlay, action: Action) {
    let rows = geometry::overlay_rows(app.screen.size.1);
    // Found only for the keys that scroll down: for the links it wraps
    // every note.
    let last = |app: &App| overlay_last(app, overlay, rows);
    let line = app.overlay.line;
    let page = rows.max(1);
    match action {
        Action::Back => app.overlay.open = None,
        Action::Help | Action::Log if overlay_of(action) == overlay => app.overlay.open = None,
        Action::Help | Action::Log => open_overlay(app, overlay_of(action)),
        Action::Starred if overlay == Overlay::Starred => app.overlay.open = None,
        Action::Starred => app.open_starred(),
        Action::Links if overlay == Overlay::Links => app.overlay.open = None,
        Action::Links => app.open_links(),
        Action::Copy | Action::Open if overlay == Overlay::Links => app.copy(),
        Action::CopyCitation => app.copy_citation(),
        Action::Down => app.overlay.line = (line + 1).min(last(app)),
        Action::Up => app.overlay.line = line.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => app.overlay.line = (line + page).min(last(app)),
        Action::PageUp | Action::HalfPageUp => app.overlay.line = line.saturating_sub(page),
        Action::Top => app.overlay.line = 0,
        Action::Bottom => app.overlay.line = last(app),
        Action::Open | Action::FocusRight if overlay == Overlay::Starred => {
            if let Some(item) = app.overlay.starred.get(line).cloned() {
                if !app.need_parsed(item.issue) {
                    return;
                }
                app.overlay.open = None;
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
