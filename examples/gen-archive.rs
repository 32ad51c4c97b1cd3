//! A synthetic archive for the library benchmark: N issues built from the
//! embedded sample's sentences, spread over eight papers with one issue a
//! day each, newest 2022-02-13. About 13 KB an issue, like the sample.
//! One issue in 20 is written in GB18030 and one in 25 with a BOM and CRLF,
//! so the decoding paths are timed too (`--utf8-only` turns that off).
//!
//! `cargo run --release --example gen-archive -- --issues 10000 /tmp/archive`

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Parser;

#[derive(Parser)]
#[command(about = "Write a synthetic archive of newspaper issues")]
struct Args {
    /// How many issues to write.
    #[arg(long, default_value_t = 10_000)]
    issues: usize,
    /// Write every issue as UTF-8 with LF line ends.
    #[arg(long)]
    utf8_only: bool,
    /// The folder to write into (created if missing).
    dir: PathBuf,
}

const PAPERS: [(&str, &str); 8] = [
    ("bjfzxb", "北京城市副中心报"),
    ("bjrb", "北京日报"),
    ("rmrb", "人民日报"),
    ("gmrb", "光明日报"),
    ("jjrb", "经济日报"),
    ("jfrb", "解放日报"),
    ("nfrb", "南方日报"),
    ("xmwb", "新民晚报"),
];
const WEEKDAYS: [&str; 7] = ["日", "一", "二", "三", "四", "五", "六"];
const PAGES: [&str; 4] = ["四", "八", "十二", "十六"];

fn main() -> io::Result<()> {
    let args = Args::parse();
    let corpus = Corpus::from_sample(broadsheet::library::SAMPLE_TEXT);
    let mut bytes_written = 0u64;
    for index in 0..args.issues {
        let (slug, paper) = PAPERS[index % PAPERS.len()];
        let date = civil_from_days(days_from_civil(2022, 2, 13) - (index / PAPERS.len()) as i64);
        let mut rng = Rng(index as u64 ^ 0x9E37_79B9_7F4A_7C15);
        let text = issue_text(paper, date, &corpus, &mut rng);
        let folder = args.dir.join(slug);
        fs::create_dir_all(&folder)?;
        let name = format!("{slug}-{:04}-{:02}-{:02}.md", date.0, date.1, date.2);
        let bytes = encode(&text, index, args.utf8_only);
        bytes_written += bytes.len() as u64;
        write_file(&folder.join(name), &bytes)?;
    }
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "wrote {} issues, {:.1} MB, into {}",
        args.issues,
        bytes_written as f64 / 1e6,
        args.dir.display()
    )
}

fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    fs::write(path, bytes)
}

fn encode(text: &str, index: usize, utf8_only: bool) -> Vec<u8> {
    if utf8_only {
        return text.as_bytes().to_vec();
    }
    if index % 20 == 19 {
        return encoding_rs::GB18030.encode(text).0.into_owned();
    }
    if index % 25 == 24 {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(text.replace('\n', "\r\n").as_bytes());
        return bytes;
    }
    text.as_bytes().to_vec()
}

/// The sample's headlines and sentences.
struct Corpus {
    headlines: Vec<String>,
    sentences: Vec<String>,
}

impl Corpus {
    fn from_sample(sample: &str) -> Corpus {
        let mut headlines = Vec::new();
        let mut sentences = Vec::new();
        for line in sample.lines().map(str::trim) {
            if let Some(headline) = line.strip_prefix("## ") {
                headlines.push(headline.to_owned());
            } else if line.chars().count() > 30 && !line.starts_with('#') {
                let mut start = 0;
                for (at, c) in line.char_indices() {
                    if matches!(c, '。' | '！' | '？' | '!' | '?') {
                        let end = at + c.len_utf8();
                        sentences.push(line[start..end].to_owned());
                        start = end;
                    }
                }
            }
        }
        Corpus {
            headlines,
            sentences,
        }
    }
}

fn issue_text(paper: &str, date: (i64, u32, u32), corpus: &Corpus, rng: &mut Rng) -> String {
    let (year, month, day) = date;
    let weekday = WEEKDAYS[weekday_of(year, month, day)];
    let pages = PAGES[rng.below(PAGES.len())];
    let mut text = format!("# {paper}\n\n{year}年{month}月{day}日 星期{weekday} 今日{pages}版\n\n");
    let target = 11_000 + rng.below(4_000);
    while text.len() < target {
        let headline = &corpus.headlines[rng.below(corpus.headlines.len())];
        text.push_str("## ");
        text.push_str(headline);
        text.push_str("\n\n");
        for _ in 0..2 + rng.below(5) {
            for _ in 0..2 + rng.below(5) {
                text.push_str(&corpus.sentences[rng.below(corpus.sentences.len())]);
            }
            text.push_str("\n\n");
        }
    }
    text
}

/// splitmix64: deterministic, so every run writes the same archive.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n.max(1) as u64) as usize
    }
}

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// 0 = Sunday. 1970-01-01 was a Thursday.
fn weekday_of(y: i64, m: u32, d: u32) -> usize {
    (days_from_civil(y, m, d) + 4).rem_euclid(7) as usize
}
