//! Every line the linear mode says, in one place (for translation): plain
//! text, no terminal control, each saying what happened and what to do.

/// Shown by `?`, and after an unknown command.
pub const COMMANDS: &[(&str, &str)] = &[
    ("NUMBER", "open that article of this issue"),
    ("n", "next article"),
    ("p", "previous article"),
    ("h", "list this issue's headlines again"),
    ("s TEXT", "search this issue for TEXT"),
    ("i", "list the issues"),
    ("i NUMBER", "open that issue"),
    ("m", "mark the article read or unread"),
    ("*", "star or unstar the article"),
    ("?", "list these commands"),
    ("q", "quit"),
];

pub const COMMANDS_TITLE: &str = "Commands (type one and press Enter):";
pub const PROMPT: &str = "> ";
pub const MORE: &str = "--more-- (Enter for more, or type a command)";

pub fn welcome() -> &'static str {
    "broadsheet, linear mode. Type a headline's number and press Enter to read it; ? lists the commands."
}

pub fn issue_heading(paper: &str, day: &str, articles: usize) -> String {
    let count = match articles {
        1 => "1 article".to_owned(),
        n => format!("{n} articles"),
    };
    [paper, day, &count]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn article_heading(number: usize, count: usize) -> String {
    format!("Article {number} of {count}:")
}

pub fn article_end(number: usize, count: usize) -> String {
    if number < count {
        format!("End of article {number} of {count}. n reads the next, h lists the headlines.")
    } else {
        format!("End of article {number} of {count}, the last of this issue. i lists the issues.")
    }
}

pub fn issues_heading(count: usize) -> String {
    match count {
        1 => "1 issue:".to_owned(),
        n => format!("{n} issues:"),
    }
}

pub fn open_issue_mark() -> &'static str {
    "(open)"
}

pub fn no_articles() -> &'static str {
    "This issue has no articles. i lists the issues."
}

pub fn no_such_article(typed: usize, count: usize) -> String {
    format!("There is no article {typed}: this issue has {count}. Type 1 to {count}.")
}

pub fn no_such_issue(typed: usize, count: usize) -> String {
    format!("There is no issue {typed}: the library has {count}. Type i 1 to i {count}.")
}

pub fn no_article_open() -> &'static str {
    "No article is open: type a headline's number first."
}

pub fn search_usage() -> &'static str {
    "Say what to search for: s TEXT."
}

pub fn search_failed(pattern: &str, reason: &str) -> String {
    format!("Cannot search for \"{pattern}\": {reason}.")
}

pub fn no_match(pattern: &str) -> String {
    format!("No article in this issue contains \"{pattern}\". i lists the other issues.")
}

pub fn matches(pattern: &str, articles: usize) -> String {
    match articles {
        1 => format!("1 article contains \"{pattern}\":"),
        n => format!("{n} articles contain \"{pattern}\":"),
    }
}

pub fn hits(count: usize) -> String {
    match count {
        1 => "(1\u{a0}hit)".to_owned(),
        n => format!("({n}\u{a0}hits)"),
    }
}

pub fn unknown(command: &str) -> String {
    format!("Unknown command \"{command}\". ? lists the commands.")
}

pub fn goodbye() -> &'static str {
    "Goodbye. Your place and marks are saved."
}
