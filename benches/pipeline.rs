//! Per-file cost of the whole pipeline (decode → read → recognise → check) on the bundled
//! samples. The folder-level figure (1,000 reports in parallel) is measured by
//! `scripts/bench-corpus.sh`.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jxlint::lint::check_bytes;
use jxlint::profile::Profile;
use jxlint::read::Format;

fn pipeline(c: &mut Criterion) {
    let profile = Profile::load("national-2020").expect("built-in profile");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut group = c.benchmark_group("check");
    for name in [
        "clean/third-party-3level.txt",
        "clean/third-party-4level.txt",
        "clean/self-evaluation-forms.txt",
        "clean/markdown-report.md",
        "faulty/SUM003-summary-score.txt",
    ] {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).expect("sample exists");
        let format = Format::from_path(&path).expect("known format");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| check_bytes(&path, black_box(&bytes), format, &profile).expect("checks"))
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
