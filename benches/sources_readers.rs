//! The readers of the OCR branch on every file of their corpus folders
//! (`../shared/corpus`, skipped when absent): each must parse in well under
//! 50 ms. The text is sanitised first, as the library hands it over.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use broadsheet::library::sanitize;
use broadsheet::sources::read_issue;
use criterion::{Criterion, criterion_group, criterion_main};

const FOLDERS: [&str; 3] = [
    "xin-wen-lian-bo",
    "unesco-courier",
    "fangj-rmrb/example/1946年05月",
];

fn corpus(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut group = c.benchmark_group("sources/corpus");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_millis(500));
    for folder in FOLDERS {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            eprintln!("skipped: no corpus folder {folder}");
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.retain(|p| p.extension().is_some_and(|e| e == "md"));
        paths.sort();
        for path in paths {
            let Ok(raw) = std::fs::read_to_string(&path) else {
                continue;
            };
            let text = sanitize(&raw).into_owned();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_owned();
            let short = folder.split('/').next().unwrap_or(folder);
            group.bench_function(format!("{short}/{name}"), |b| {
                b.iter(|| read_issue(black_box(&text), Some(&name)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, corpus);
criterion_main!(benches);
