//! The seed's shape: a Markdown issue (`#` masthead, date line, `##`
//! articles), read by `crate::parse`.

use crate::model::Issue;
use crate::parse::{self, Header};

pub fn read_issue(text: &str, file_name: Option<&str>) -> Issue {
    parse::parse_issue(text, file_name)
}

pub fn read_header(head: &str, file_name: Option<&str>) -> Header {
    parse::parse_header(head, file_name)
}
