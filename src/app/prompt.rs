//! The search prompt's line editor: text, a cursor at a grapheme boundary,
//! and recall of this session's earlier queries. Pure data: the keymap
//! turns keys into [`Edit`]s, `App` applies them, the status row draws it.

use unicode_segmentation::UnicodeSegmentation;

use crate::typeset::classes::is_cjk_letter;

/// Longest query, in characters: what the search accepts.
pub const MAX_CHARS: usize = crate::search::Query::MAX_CHARS;

/// Queries kept for recall with Up/Down.
const HISTORY: usize = 100;

/// One editing step on the prompt line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Delete the grapheme before the cursor.
    Backspace,
    /// Delete the grapheme under the cursor.
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Delete everything before the cursor (Ctrl-U).
    ClearToStart,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Recall the previous (older) query.
    Older,
    /// Recall the next (newer) query, and past the newest, what was typed.
    Newer,
    /// Run the search (Enter).
    Accept,
    /// Close the prompt and change nothing (Esc, Ctrl-C, Ctrl-G).
    Cancel,
}

/// The prompt line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompt {
    text: String,
    /// Byte offset into `text`, always at a grapheme boundary.
    cursor: usize,
    /// Characters in `text`, kept so a keystroke costs no count.
    chars: usize,
    /// Which history entry is shown (0 = newest), `None` for the draft.
    recall: Option<usize>,
    /// What was typed before Up recalled an older query.
    draft: String,
}

impl Prompt {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Apply one edit; `history` is oldest first. `Accept` and `Cancel` are
    /// the caller's to act on and change nothing here.
    pub fn apply(&mut self, edit: Edit, history: &[String]) {
        match edit {
            Edit::Insert(c) => self.insert(&c.to_string()),
            Edit::Backspace => {
                let start = self.prev_boundary(self.cursor);
                self.remove(start..self.cursor);
            }
            Edit::Delete => {
                let end = self.next_boundary(self.cursor);
                self.remove(self.cursor..end);
            }
            Edit::Left => self.cursor = self.prev_boundary(self.cursor),
            Edit::Right => self.cursor = self.next_boundary(self.cursor),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::ClearToStart => self.remove(0..self.cursor),
            Edit::DeleteWord => {
                let start = self.word_start();
                self.remove(start..self.cursor);
            }
            Edit::Older => self.recall(history, 1),
            Edit::Newer => self.recall(history, -1),
            Edit::Accept | Edit::Cancel => {}
        }
    }

    /// Insert pasted text at the cursor: line breaks and tabs become
    /// spaces, other controls and invisible reordering marks are dropped,
    /// and the line stops at [`MAX_CHARS`]. A huge paste is cut to what
    /// could fit before any per-character work.
    pub fn paste(&mut self, text: &str) {
        let room = MAX_CHARS.saturating_sub(self.chars);
        // A char is at most 4 bytes; a CRLF pair, two chars, makes one space.
        let cut = floor_char_boundary(text, room.saturating_mul(8));
        let mut clean = String::with_capacity(cut.min(room * 4));
        let mut last_cr = false;
        for c in text[..cut].chars() {
            let was_cr = std::mem::replace(&mut last_cr, c == '\r');
            match c {
                '\n' if was_cr => {}
                '\n' | '\r' | '\t' => clean.push(' '),
                c if acceptable(c) => clean.push(c),
                _ => {}
            }
        }
        self.insert(&clean);
    }

    /// Insert `text` at the cursor, as much of it as fits in `MAX_CHARS`,
    /// ending at a grapheme boundary of `text`.
    fn insert(&mut self, text: &str) {
        let room = MAX_CHARS.saturating_sub(self.chars);
        let mut taken = 0;
        let mut end = 0;
        for (at, grapheme) in text.grapheme_indices(true) {
            let n = grapheme.chars().count();
            if taken + n > room {
                break;
            }
            if grapheme.chars().all(acceptable) {
                taken += n;
                end = at + grapheme.len();
            } else {
                break;
            }
        }
        self.text.insert_str(self.cursor, &text[..end]);
        self.cursor += end;
        self.chars += taken;
        // An inserted combining mark joins the grapheme before it.
        self.cursor = self.next_boundary(self.prev_boundary(self.cursor));
    }

    fn remove(&mut self, range: std::ops::Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.chars -= self.text[range.clone()].chars().count();
        self.cursor = range.start;
        self.text.replace_range(range, "");
    }

    fn prev_boundary(&self, at: usize) -> usize {
        let before = &self.text[..at];
        before
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self, at: usize) -> usize {
        let after = &self.text[at..];
        after.graphemes(true).next().map_or(at, |g| at + g.len())
    }

    /// Where the word before the cursor starts: blanks are skipped, then a
    /// run of one kind (CJK letters, other letters and digits, or
    /// punctuation) is taken, as vim's Ctrl-W takes a run of one class.
    fn word_start(&self) -> usize {
        let before = &self.text[..self.cursor];
        let mut graphemes = before.grapheme_indices(true).rev().peekable();
        while graphemes
            .next_if(|(_, g)| class(g) == Class::Blank)
            .is_some()
        {}
        let Some(&(mut start, first)) = graphemes.peek() else {
            return 0;
        };
        let kind = class(first);
        for (at, g) in graphemes {
            if class(g) != kind {
                break;
            }
            start = at;
        }
        start
    }

    /// Step `by` entries through the history (positive = older).
    fn recall(&mut self, history: &[String], by: isize) {
        let newest_first = |n: usize| history.len().checked_sub(n + 1).map(|i| &history[i]);
        let next = match (self.recall, by > 0) {
            (None, true) if !history.is_empty() => Some(0),
            (None, _) => return,
            (Some(n), true) if n + 1 < history.len() => Some(n + 1),
            (Some(_), true) => return,
            (Some(0), false) => None,
            (Some(n), false) => Some(n - 1),
        };
        if self.recall.is_none() {
            self.draft = std::mem::take(&mut self.text);
        }
        self.recall = next;
        self.text = match next.and_then(newest_first) {
            Some(query) => query.clone(),
            None => std::mem::take(&mut self.draft),
        };
        self.chars = self.text.chars().count();
        self.cursor = self.text.len();
    }
}

/// Add `query` to the session's history (oldest first), moving it to the
/// newest place if it was there, and dropping the oldest beyond the bound.
pub fn remember(history: &mut Vec<String>, query: &str) {
    history.retain(|q| q != query);
    history.push(query.to_owned());
    if history.len() > HISTORY {
        history.remove(0);
    }
}

/// A character the prompt keeps: printable, and not one that reorders or
/// hides text (bidi controls, TAG characters, a stray BOM), which the
/// article text never holds either, so it could match nothing.
fn acceptable(c: char) -> bool {
    !c.is_control() && crate::text::is_plain(c)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Blank,
    Cjk,
    Word,
    Other,
}

fn class(grapheme: &str) -> Class {
    let c = grapheme.chars().next().unwrap_or(' ');
    if c.is_whitespace() {
        Class::Blank
    } else if is_cjk_letter(c) {
        Class::Cjk
    } else if c.is_alphanumeric() || c == '_' {
        Class::Word
    } else {
        Class::Other
    }
}

/// The largest char boundary of `text` at or below `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> Prompt {
        let mut prompt = Prompt::default();
        for c in text.chars() {
            prompt.apply(Edit::Insert(c), &[]);
        }
        prompt
    }

    #[test]
    fn backspace_takes_a_whole_grapheme() {
        let mut prompt = typed("ae\u{301}盘");
        prompt.apply(Edit::Backspace, &[]);
        assert_eq!(prompt.text(), "ae\u{301}");
        prompt.apply(Edit::Backspace, &[]);
        assert_eq!(prompt.text(), "a");
        prompt.apply(Edit::Backspace, &[]);
        prompt.apply(Edit::Backspace, &[]);
        assert_eq!((prompt.text(), prompt.cursor()), ("", 0));
    }

    #[test]
    fn ctrl_w_deletes_one_run_and_ctrl_u_what_is_before_the_cursor() {
        let mut prompt = typed("city 副中心  ");
        prompt.apply(Edit::DeleteWord, &[]);
        assert_eq!(prompt.text(), "city ");
        prompt.apply(Edit::DeleteWord, &[]);
        assert_eq!(prompt.text(), "");
        let mut prompt = typed("ab cd");
        prompt.apply(Edit::Left, &[]);
        prompt.apply(Edit::ClearToStart, &[]);
        assert_eq!((prompt.text(), prompt.cursor()), ("d", 0));
    }

    #[test]
    fn the_cursor_moves_by_grapheme_and_inserts_there() {
        let mut prompt = typed("盘活");
        prompt.apply(Edit::Left, &[]);
        prompt.apply(Edit::Insert('x'), &[]);
        assert_eq!(prompt.text(), "盘x活");
        prompt.apply(Edit::Home, &[]);
        prompt.apply(Edit::Delete, &[]);
        assert_eq!(prompt.text(), "x活");
        prompt.apply(Edit::End, &[]);
        assert_eq!(prompt.cursor(), prompt.text().len());
    }

    #[test]
    fn history_recalls_older_and_newer_then_the_draft() {
        let history = vec!["one".to_owned(), "two".to_owned()];
        let mut prompt = typed("dr");
        prompt.apply(Edit::Older, &history);
        assert_eq!(prompt.text(), "two");
        prompt.apply(Edit::Older, &history);
        prompt.apply(Edit::Older, &history);
        assert_eq!(prompt.text(), "one");
        prompt.apply(Edit::Newer, &history);
        assert_eq!(prompt.text(), "two");
        prompt.apply(Edit::Newer, &history);
        assert_eq!(prompt.text(), "dr");
        prompt.apply(Edit::Newer, &history);
        assert_eq!(prompt.text(), "dr");
    }

    #[test]
    fn remembering_moves_a_repeat_to_the_newest_place() {
        let mut history = Vec::new();
        for q in ["a", "b", "a"] {
            remember(&mut history, q);
        }
        assert_eq!(history, ["b", "a"]);
    }

    #[test]
    fn typing_and_pasting_stop_at_the_bound() {
        let mut prompt = Prompt::default();
        prompt.paste(&"甲".repeat(1_000_000));
        assert_eq!(prompt.text().chars().count(), MAX_CHARS);
        prompt.apply(Edit::Insert('x'), &[]);
        assert_eq!(prompt.text().chars().count(), MAX_CHARS);
        prompt.paste("more");
        assert_eq!(prompt.text().chars().count(), MAX_CHARS);
    }

    #[test]
    fn paste_turns_breaks_into_spaces_and_drops_controls() {
        let mut prompt = Prompt::default();
        prompt.paste("a\r\nb\tc\u{1b}[2Jd\u{202e}e\u{7}");
        assert_eq!(prompt.text(), "a b c[2Jde");
    }
}
