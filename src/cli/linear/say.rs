//! Every line the linear mode says, in one place: plain text, no terminal
//! control, each saying what happened and what to do, in the interface's
//! language (the catalogue's `linear.*` keys).

use crate::i18n::t;

/// Shown by `?`, and after an unknown command: the command as typed and
/// what it does. A command with words in it (`s TEXT`, `s 文字`) is a
/// catalogue key too.
const COMMANDS: [(&str, &str); 11] = [
    ("linear.command.number", "linear.command.open"),
    ("n", "linear.command.next"),
    ("p", "linear.command.previous"),
    ("h", "linear.command.headlines"),
    ("linear.command.search_text", "linear.command.search"),
    ("i", "linear.command.issues"),
    ("linear.command.issue_number", "linear.command.open_issue"),
    ("m", "linear.command.mark"),
    ("*", "linear.command.star"),
    ("?", "linear.command.help"),
    ("q", "linear.command.quit"),
];

/// [`COMMANDS`] in the interface's language.
pub fn commands() -> Vec<(String, String)> {
    (COMMANDS.iter())
        .map(|(typed, what)| {
            let typed = match typed.starts_with("linear.") {
                true => t!(typed),
                false => (*typed).to_owned(),
            };
            (typed, t!(what))
        })
        .collect()
}

pub fn commands_title() -> String {
    t!("linear.commands_title")
}

pub const PROMPT: &str = "> ";

pub fn more() -> String {
    t!("linear.more")
}

pub fn welcome() -> String {
    t!("linear.welcome")
}

/// `北京城市副中心报，2022年2月13日，4篇`: what is known, in a row.
pub fn issue_heading(paper: &str, day: &str, articles: usize) -> String {
    let count = match articles {
        1 => t!("pane.article_one"),
        n => t!("pane.article_count", n = n),
    };
    in_a_row(&[paper, day, &count])
}

/// The parts that are not empty, with the language's comma between.
pub fn in_a_row(parts: &[&str]) -> String {
    (parts.iter().filter(|s| !s.is_empty()))
        .copied()
        .collect::<Vec<_>>()
        .join(&t!("linear.comma"))
}

pub fn article_heading(number: usize, count: usize) -> String {
    t!("linear.article_heading", n = number, of = count)
}

pub fn article_end(number: usize, count: usize) -> String {
    match number < count {
        true => t!("linear.article_end", n = number, of = count),
        false => t!("linear.article_end_last", n = number, of = count),
    }
}

pub fn issues_heading(count: usize) -> String {
    match count {
        1 => t!("linear.issue_one"),
        n => t!("linear.issues", n = n),
    }
}

pub fn open_issue_mark() -> String {
    t!("linear.open_issue")
}

pub fn no_articles() -> String {
    t!("linear.no_articles")
}

pub fn no_such_article(typed: usize, count: usize) -> String {
    t!("linear.no_such_article", typed = typed, count = count)
}

pub fn no_such_issue(typed: usize, count: usize) -> String {
    t!("linear.no_such_issue", typed = typed, count = count)
}

pub fn no_article_open() -> String {
    t!("linear.no_article_open")
}

pub fn search_usage() -> String {
    t!("linear.search_usage")
}

pub fn search_failed(pattern: &str, reason: &str) -> String {
    t!("linear.search_failed", pattern = pattern, reason = reason)
}

pub fn no_match(pattern: &str) -> String {
    t!("linear.no_match", pattern = pattern)
}

pub fn matches(pattern: &str, articles: usize) -> String {
    match articles {
        1 => t!("linear.match_one", pattern = pattern),
        n => t!("linear.matches", n = n, pattern = pattern),
    }
}

pub fn hits(count: usize) -> String {
    match count {
        1 => t!("linear.hit_one"),
        n => t!("linear.hits", n = n),
    }
}

pub fn unknown(command: &str) -> String {
    t!("linear.unknown", command = command)
}

pub fn goodbye() -> String {
    t!("linear.goodbye")
}

/// Why commands cannot be read when the issue comes from standard input.
pub fn no_tty_for_commands() -> String {
    t!("linear.no_tty")
}
