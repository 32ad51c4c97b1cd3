//! Small generated libraries of the sample issue.

use std::path::Path;

use broadsheet::library::SAMPLE_TEXT;

/// A word the sample does not hold (no 独 or 兽 in it).
pub const MARKER: &str = "独角兽";

/// `issues` copies of the sample under `dir`, two papers, a file per day;
/// every issue whose index is a multiple of `every` has [`MARKER`] in its
/// first article's body.
pub fn write_library(dir: &Path, issues: usize, every: usize) {
    for index in 0..issues {
        let paper = ["北京城市副中心报", "光明日报"][index % 2];
        let (month, day) = (index / 28 % 12 + 1, index % 28 + 1);
        let year = 2000 + index / 336;
        let mut text = SAMPLE_TEXT.replacen("北京城市副中心报", paper, 1).replacen(
            "2022年2月13日",
            &format!("{year}年{month}月{day}日"),
            1,
        );
        if index % every == 0 {
            text = text.replacen("聚焦一个主题", &format!("聚焦一个{MARKER}主题"), 2);
        }
        let folder = dir.join(format!("paper{}", index % 2));
        std::fs::create_dir_all(&folder).unwrap();
        let name = format!("{year:04}-{month:02}-{day:02}-{index}.md");
        std::fs::write(folder.join(name), text).unwrap();
    }
}
