//! When an article becomes read: the `mark_read` rule, as logic the app
//! calls with what it knows about the article in front of the reader.
//!
//! Read is a reader's act. Selecting a headline (the preview beside the
//! list) never marks anything, however much of the article the preview
//! shows. Only an article *open* in the Article pane (Enter, `l`, a click,
//! or the pane focused) can become read, and then:
//!
//! - `end` (the default): when its end is on screen because the reader
//!   moved there (scrolled, paged, jumped), or, for an article that fits on
//!   the screen, once it has been open for [`OPEN_DWELL`] (so that `J J J`
//!   through short articles marks none of them).
//! - `open`: once it has been open for [`OPEN_DWELL`], or its end reached as
//!   above. newsboat marks on open; the dwell keeps a flick through the
//!   articles with `J`/`K` from marking each one passed.
//! - `manual`: only `m` (and marking a whole issue) does.
//!
//! Under every rule a mark the reader set by hand wins until they set it
//! again, and for `end` an article reopened at a saved place from which its
//! end is already on screen is not marked again by arriving there: the
//! reader has to move (which is what made `m` not stick before).

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// The `mark_read` setting.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::Display,
    strum::IntoStaticStr,
    strum::VariantNames,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum MarkRead {
    /// Read when its end is reached.
    #[default]
    End,
    /// Read after it has been open a few seconds.
    Open,
    /// Read only when marked by hand.
    Manual,
}

/// How long an article must stay open before `open` marks it read (and
/// `end` marks a one-screen article): long enough to take in a headline and
/// decide, short enough that a reader who stopped to read is counted.
pub const OPEN_DWELL: Duration = Duration::from_secs(3);

/// What the app knows about the article in front of the reader.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// Open in the Article pane; false for a preview.
    pub opened: bool,
    /// Its last line is on screen now.
    pub end_on_screen: bool,
    /// The reader moved in it since it was opened.
    pub moved: bool,
    /// It opened at a saved place from which its end was already on screen.
    pub resumed_at_end: bool,
    /// How long it has been open.
    pub open_for: Duration,
    /// The reader set its read flag by hand ([`super::State::has_hand_mark`]).
    pub hand_mark: bool,
}

/// Whether `rule` marks the article read now. The caller then marks it with
/// [`super::State::mark_automatically`] (which also refuses over a hand
/// mark, and does nothing to an article already read).
pub fn should_mark_read(rule: MarkRead, reading: &Reading) -> bool {
    if !reading.opened || reading.hand_mark {
        return false;
    }
    match rule {
        MarkRead::Manual => false,
        MarkRead::Open => reading.open_for >= OPEN_DWELL || end_reached(reading),
        MarkRead::End => end_reached(reading),
    }
}

fn end_reached(reading: &Reading) -> bool {
    let stayed = !reading.resumed_at_end && reading.open_for >= OPEN_DWELL;
    reading.end_on_screen && (reading.moved || stayed)
}

/// One opening of an article in the Article pane, from the moment it was
/// opened; the app keeps one while the pane shows that article and drops it
/// when the article or the pane changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opening {
    since: Instant,
    moved: bool,
    resumed_at_end: bool,
}

impl Opening {
    /// Opened at `now`; `resumed_at_end`: at a saved place with its end
    /// already on screen.
    pub fn new(now: Instant, resumed_at_end: bool) -> Opening {
        Opening {
            since: now,
            moved: false,
            resumed_at_end,
        }
    }

    /// The reader scrolled, paged or jumped within the article.
    pub fn moved(&mut self) {
        self.moved = true;
    }

    /// The facts for [`should_mark_read`] at `now`.
    pub fn reading(&self, now: Instant, end_on_screen: bool, hand_mark: bool) -> Reading {
        Reading {
            opened: true,
            end_on_screen,
            moved: self.moved,
            resumed_at_end: self.resumed_at_end,
            open_for: now.saturating_duration_since(self.since),
            hand_mark,
        }
    }

    /// When, with no input at all, `rule` could next mark the article: the
    /// end of the dwell, if it is still ahead. The event loop wakes then
    /// (a `Tick`) and asks [`should_mark_read`] again.
    pub fn deadline(&self, rule: MarkRead, now: Instant) -> Option<Instant> {
        let waits = match rule {
            MarkRead::Manual => false,
            MarkRead::Open => true,
            MarkRead::End => !self.moved && !self.resumed_at_end,
        };
        let at = self.since.checked_add(OPEN_DWELL)?;
        (waits && at > now).then_some(at)
    }
}
