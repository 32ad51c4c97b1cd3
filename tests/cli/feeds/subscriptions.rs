//! `feeds add/remove/list/import/export`: the config file's `[[feeds]]`,
//! edited with the user's comments and layout kept.

use super::server::{Reply, Server};
use super::{Home, small_feed, stderr, stdout};

const CONFIG: &str =
    "# my settings\nbody_width = 72 # narrow\n\n[keys]\n# vim-ish\nquit = [\"q\"]\n";

#[test]
fn add_list_remove_keep_the_users_file() {
    let home = Home::new(CONFIG);
    let add = home.run(&[
        "feeds",
        "add",
        "https://a.example/rss",
        "--paper",
        "人民日报",
    ]);
    assert_eq!((add.status.code(), stderr(&add)), (Some(0), String::new()));
    home.run(&["feeds", "add", "http://b.example/atom"]);
    let again = home.run(&["feeds", "add", "http://b.example/atom"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already subscribed"));
    let text = std::fs::read_to_string(home.config()).unwrap();
    assert!(
        text.starts_with(CONFIG),
        "the user's text is kept as written:\n{text}"
    );
    assert!(
        text.contains("[[feeds]]\nurl = \"https://a.example/rss\"\npaper = \"人民日报\""),
        "{text}"
    );

    let list = stdout(&home.run(&["feeds", "list"]));
    assert_eq!(
        list,
        "1\thttps://a.example/rss\t人民日报\n2\thttp://b.example/atom\t\n"
    );
    let removed = home.run(&["feeds", "remove", "1"]);
    assert_eq!(
        stdout(&removed),
        "unsubscribed from https://a.example/rss\n"
    );
    let removed = home.run(&["feeds", "remove", "http://b.example/atom"]);
    assert_eq!(removed.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(home.config()).unwrap(), CONFIG);
    let missing = home.run(&["feeds", "remove", "3"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no feed 3"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn the_default_files_empty_list_takes_a_feed() {
    let default = Home::new("").run(&["config", "--default"]);
    let home = Home::new(&stdout(&default));
    let add = home.run(&["feeds", "add", "https://a.example/rss"]);
    assert_eq!((add.status.code(), stderr(&add)), (Some(0), String::new()));
    assert_eq!(
        stdout(&home.run(&["feeds", "list"])),
        "1\thttps://a.example/rss\t\n"
    );
}

#[test]
fn a_broken_config_is_not_edited() {
    let home = Home::new("body_width = \n");
    let add = home.run(&["feeds", "add", "https://a.example/rss"]);
    assert_eq!(add.status.code(), Some(1));
    assert!(stderr(&add).contains("missing value"), "{}", stderr(&add));
    assert_eq!(
        std::fs::read_to_string(home.config()).unwrap(),
        "body_width = \n"
    );
}

#[test]
fn newsboat_opml_imports_then_fetches_then_lists() {
    let server = Server::start(|path| match path {
        "/one" => Reply::Feed(small_feed("The Morning Post - RSS", &[("1", "Dawn")])),
        "/two" => Reply::Feed(small_feed("Evening Star", &[("2", "Dusk")])),
        _ => Reply::Status(404),
    });
    let home = Home::new("fetch_host_delay = 0\n");
    let opml = format!(
        "<?xml version=\"1.0\"?>\n<opml version=\"1.0\">\n  <head>\n    <title>newsboat - Exported Feeds</title>\n  </head>\n  <body>\n    \
         <outline type=\"rss\" xmlUrl=\"{}\" htmlUrl=\"http://x/\" title=\"Morning\"/>\n    \
         <outline type=\"rss\" xmlUrl=\"{}\" htmlUrl=\"http://y/\" title=\"Evening\"/>\n  </body>\n</opml>\n",
        server.url("/one"),
        server.url("/two")
    );
    let file = home.dir.path().join("newsboat.opml");
    std::fs::write(&file, opml).unwrap();
    let import = home.run(&["feeds", "import", file.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(0), "{}", stderr(&import));
    assert!(
        stdout(&import).starts_with("subscribed to 2 feeds"),
        "{}",
        stdout(&import)
    );
    let fetch = home.run(&["fetch"]);
    assert_eq!(
        (fetch.status.code(), stderr(&fetch)),
        (Some(0), String::new())
    );
    let list = stdout(&home.run(&["list"]));
    assert!(
        list.contains("The Morning Post") && list.contains("Evening Star"),
        "{list}"
    );
    let export = stdout(&home.run(&["feeds", "export"]));
    assert!(export.contains("<opml version=\"2.0\">"), "{export}");
    assert!(
        export.contains(&format!("xmlUrl=\"{}\"", server.url("/one"))),
        "{export}"
    );
}

#[test]
fn fetch_with_no_feeds_is_a_usage_error() {
    let output = Home::new("").run(&["fetch"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("broadsheet feeds add URL"));
}
