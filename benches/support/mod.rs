//! What the benchmarks share: a generated archive of issues and long
//! articles made by repeating the sample's paragraphs. Each bench uses part
//! of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use broadsheet::app::{Action, App, Effect, Msg};
use broadsheet::config::Config;
use broadsheet::event_loop::settle;
use broadsheet::library::{Library, SAMPLE_TEXT};
use broadsheet::model::{Article, Block, BlockKind};
use broadsheet::store::State;
use broadsheet::typeset::AmbiguousWidth;
use broadsheet::ui::Theme;
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion};

/// The reader on the sample issue at `width`×`height`, default config and
/// no saved state, laid out for its first frame.
pub fn sample_app(width: u16, height: u16) -> App {
    let mut app = App::new(
        Library::sample(),
        &Config::default(),
        State::default(),
        AmbiguousWidth::Narrow,
    );
    send(&mut app, Msg::Resize(width, height));
    send(&mut app, Msg::Frame);
    app
}

/// One message as the event loop hands it over, its tasks carried out.
pub fn send(app: &mut App, msg: Msg) -> Effect {
    settle(app, msg, None)
}

pub fn send_action(app: &mut App, action: Action) -> Effect {
    send(app, Msg::Action(action))
}

/// The colour theme the benches draw in.
pub fn theme() -> Theme {
    Theme::new(false, AmbiguousWidth::Narrow)
}

/// Scroll the open article to its last page less a line, so a line down
/// and a line up both move it.
pub fn near_the_end(app: &mut App) {
    send_action(app, Action::Bottom);
    send_action(app, Action::Up);
    send(app, Msg::Frame);
}

pub const PAPERS: [&str; 4] = ["北京城市副中心报", "北京日报", "人民日报", "光明日报"];

/// `issues` copies of the sample issue under `dir`, a folder per paper, a
/// file per day, each with its own masthead and date.
pub fn write_archive(dir: &Path, issues: usize) {
    for index in 0..issues {
        let paper = PAPERS[index % PAPERS.len()];
        let (year, month, day) = (2000 + index / 336, index / 28 % 12 + 1, index % 28 + 1);
        let text = SAMPLE_TEXT.replacen("北京城市副中心报", paper, 1).replacen(
            "2022年2月13日",
            &format!("{year}年{month}月{day}日"),
            1,
        );
        let folder = dir.join(format!("paper{}", index % PAPERS.len()));
        std::fs::create_dir_all(&folder).expect("create bench folder");
        let name = format!("{year:04}-{month:02}-{day:02}-{index}.md");
        std::fs::write(folder.join(name), text).expect("write bench issue");
    }
}

/// `$BROADSHEET_BENCH_ISSUES` (else `default`) issues written by
/// `write_archive` to `archive` in a new temp folder, which is kept alive
/// by the returned guard.
pub fn temp_archive(default: usize) -> (tempfile::TempDir, PathBuf) {
    let issues = std::env::var("BROADSHEET_BENCH_ISSUES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().join("archive");
    write_archive(&root, issues);
    (temp, root)
}

/// A group for runs that take a large part of a second (opening a whole
/// archive): ten samples over ten seconds.
pub fn slow_group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group
}

/// The paragraphs of `articles`, repeated until they hold `bytes` of text.
pub fn repeated_paragraphs<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    bytes: usize,
) -> Vec<Block> {
    let paragraphs: Vec<&Block> = articles
        .into_iter()
        .flat_map(|a| a.blocks.iter())
        .filter(|b| b.kind == BlockKind::Paragraph)
        .collect();
    assert!(!paragraphs.is_empty(), "an article with paragraphs");
    let (mut blocks, mut total) = (Vec::new(), 0);
    while total < bytes {
        for &block in &paragraphs {
            total += block.text.len();
            blocks.push(block.clone());
        }
    }
    blocks
}
