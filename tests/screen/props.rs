//! Random key sequences at random sizes: nothing panics, the selection and
//! scroll stay in bounds, and every frame draws without a broken cell.
// Tests may unwrap, expect and panic: a failure is the report.

use crate::screen_support;

use broadsheet::app::{Action, App};
use proptest::prelude::*;
use screen_support::*;

fn action() -> impl Strategy<Value = Action> {
    prop::sample::select(Action::ALL.to_vec()).prop_filter("no quitting mid-run", |a| {
        !matches!(a, Action::Quit | Action::Suspend)
    })
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![(0u16..40, 0u16..12), (40u16..200, 12u16..60)]
}

fn check_invariants(app: &App) {
    let count = app.current_issue().map_or(0, |i| i.articles.len());
    assert!(
        app.article() < count.max(1),
        "article {} of {count}",
        app.article()
    );
    assert!(app.issue() < app.library().entries.len().max(1));
    if let Some(view) = &app.view() {
        assert_eq!((view.issue, view.article), (app.issue(), app.article()));
        assert!(
            view.top <= view.max_top(),
            "top {} past {}",
            view.top,
            view.max_top()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_keys_at_any_size_keep_the_screen_whole(
        steps in prop::collection::vec(
            (action(), prop::option::weighted(0.15, size()), prop::bool::weighted(0.7)),
            1..40,
        ),
    ) {
        let mut app = sample_app(100, 30);
        // Some steps are drained in one batch with the next, as the event
        // loop does: several actions, then one prepared frame.
        for (action, resize, frame) in steps {
            if let Some((width, height)) = resize {
                send(&mut app, Msg::Resize(width, height));
            }
            send_action(&mut app, action);
            check_invariants(&app);
            if frame {
                send(&mut app, Msg::Frame);
                check_invariants(&app);
                screen_text(&draw(&app));
            }
        }
    }
}
