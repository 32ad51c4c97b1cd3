//! The mark-read rule: read is a reader's act.

use std::str::FromStr;
use std::time::{Duration, Instant};

use broadsheet::store::{MarkRead, OPEN_DWELL, Opening, Reading, State, should_mark_read};
use strum::{VariantArray, VariantNames};

/// Every rule, as the enum lists them.
const RULES: &[MarkRead] = <MarkRead as VariantArray>::VARIANTS;

fn open_for(open_for: Duration) -> Reading {
    Reading {
        opened: true,
        open_for,
        ..Reading::default()
    }
}

#[test]
fn the_setting_is_named_end_open_manual_in_toml_and_in_messages() {
    assert_eq!(
        <MarkRead as VariantNames>::VARIANTS,
        ["end", "open", "manual"]
    );
    assert_eq!(MarkRead::default(), MarkRead::End);
    for &rule in RULES {
        assert_eq!(MarkRead::from_str(&rule.to_string()).unwrap(), rule);
        let toml = format!("mark_read = \"{rule}\"");
        #[derive(serde::Deserialize)]
        struct Setting {
            mark_read: MarkRead,
        }
        let parsed: Setting = toml::from_str(&toml).unwrap();
        assert_eq!(parsed.mark_read, rule);
    }
    assert!(MarkRead::from_str("sometimes").is_err());
}

#[test]
fn a_preview_never_marks_however_long_and_however_tall_the_screen() {
    for &rule in RULES {
        let preview = Reading {
            opened: false,
            end_on_screen: true,
            moved: true,
            open_for: Duration::from_secs(3600),
            ..Reading::default()
        };
        assert!(!should_mark_read(rule, &preview), "{rule}");
    }
}

#[test]
fn a_hand_mark_wins_over_every_rule() {
    for &rule in RULES {
        let reading = Reading {
            end_on_screen: true,
            moved: true,
            hand_mark: true,
            ..open_for(Duration::from_secs(60))
        };
        assert!(!should_mark_read(rule, &reading), "{rule}");
    }
}

#[test]
fn end_marks_when_the_reader_moves_to_the_end() {
    let scrolled = Reading {
        end_on_screen: true,
        moved: true,
        ..open_for(Duration::from_millis(200))
    };
    assert!(should_mark_read(MarkRead::End, &scrolled));
    let not_there = Reading {
        end_on_screen: false,
        ..scrolled
    };
    assert!(!should_mark_read(MarkRead::End, &not_there));
    assert!(!should_mark_read(MarkRead::Manual, &scrolled));
    assert!(should_mark_read(MarkRead::Open, &scrolled));
}

#[test]
fn end_marks_a_one_screen_article_only_after_the_dwell() {
    let short = |open_for| Reading {
        end_on_screen: true,
        ..self::open_for(open_for)
    };
    assert!(
        !should_mark_read(MarkRead::End, &short(Duration::from_millis(300))),
        "J J J"
    );
    assert!(should_mark_read(MarkRead::End, &short(OPEN_DWELL)));
}

#[test]
fn reopening_at_the_saved_end_does_not_mark_again_until_the_reader_moves() {
    let reopened = Reading {
        end_on_screen: true,
        resumed_at_end: true,
        ..open_for(Duration::from_secs(60))
    };
    assert!(!should_mark_read(MarkRead::End, &reopened));
    let moved = Reading {
        moved: true,
        ..reopened
    };
    assert!(should_mark_read(MarkRead::End, &moved));
}

#[test]
fn open_marks_after_the_dwell_and_not_before() {
    assert!(!should_mark_read(
        MarkRead::Open,
        &open_for(OPEN_DWELL - Duration::from_millis(1))
    ));
    assert!(should_mark_read(MarkRead::Open, &open_for(OPEN_DWELL)));
    assert!(!should_mark_read(
        MarkRead::Manual,
        &open_for(Duration::from_secs(600))
    ));
}

#[test]
fn an_opening_tells_the_loop_when_the_dwell_ends() {
    let t0 = Instant::now();
    let opening = Opening::new(t0, false);
    assert_eq!(opening.deadline(MarkRead::Open, t0), Some(t0 + OPEN_DWELL));
    assert_eq!(opening.deadline(MarkRead::End, t0), Some(t0 + OPEN_DWELL));
    assert_eq!(opening.deadline(MarkRead::Manual, t0), None);
    assert_eq!(
        opening.deadline(MarkRead::Open, t0 + OPEN_DWELL),
        None,
        "passed: no wake-ups"
    );
    let reading = opening.reading(t0 + OPEN_DWELL, true, false);
    assert!(should_mark_read(MarkRead::End, &reading));
    // Resumed at the saved end: `end` has nothing to wait for.
    let resumed = Opening::new(t0, true);
    assert_eq!(resumed.deadline(MarkRead::End, t0), None);
    assert!(!should_mark_read(
        MarkRead::End,
        &resumed.reading(t0 + OPEN_DWELL, true, false)
    ));
    let mut moved = resumed;
    moved.moved();
    assert!(should_mark_read(
        MarkRead::End,
        &moved.reading(t0, true, false)
    ));
}

/// The defect of issue 10: read to the end, `m`, then `J K` back to it at its
/// saved end. Neither the reopening nor a later scroll to the end re-marks.
#[test]
fn m_survives_leaving_and_coming_back() {
    let mut state = State::default();
    let t0 = Instant::now();
    let mut first = Opening::new(t0, false);
    first.moved();
    let reading = first.reading(t0, true, state.has_hand_mark("a2"));
    assert!(should_mark_read(MarkRead::End, &reading));
    assert!(state.mark_automatically("a2"));
    state.mark("a2", false, broadsheet::store::ReadBy::Hand);
    let mut again = Opening::new(t0 + Duration::from_secs(1), true);
    let later = t0 + Duration::from_secs(30);
    let reading = again.reading(later, true, state.has_hand_mark("a2"));
    assert!(!should_mark_read(MarkRead::End, &reading));
    again.moved();
    let reading = again.reading(later, true, state.has_hand_mark("a2"));
    assert!(
        !should_mark_read(MarkRead::End, &reading),
        "the hand mark holds"
    );
    assert!(!state.mark_automatically("a2"));
    assert!(!state.is_read("a2"));
}
