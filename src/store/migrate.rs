//! Reading a file written in an older format as this version's state.
//!
//! Version 1 had no `read_by`, no `issues` and no `ui`. Every mark, star,
//! position and place it holds is kept as it is; only who set each read flag
//! has to be inferred: version 1 could make an article unread in one way
//! alone, by hand (`m`), so an article recorded unread was marked so by
//! hand, and one recorded read is taken as read automatically (automatic
//! rules only ever mark read, so for those the author changes nothing).

use super::state::{ReadBy, State, VERSION};

/// Bring `state`, parsed from a file of `state.version`, to [`VERSION`].
/// A state that is current (or newer, read only) is left as it is.
pub(crate) fn upgrade(state: &mut State) {
    if state.version >= VERSION {
        return;
    }
    if state.version <= 1 {
        for article in state.articles.values_mut() {
            if !article.read && article.read_at > 0 {
                article.read_by = ReadBy::Hand;
            }
        }
    }
    state.version = VERSION;
}
