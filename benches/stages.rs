//! Where a report's time goes, stage by stage: decode (bytes to text), read (text, Word or a
//! spreadsheet to a document), recognise (the report's parts), check (the rules), render (JSON,
//! the annotated text and the HTML section). Each stage is timed on its own input, made once
//! by the stages before it. `docs/performance.md` records the figures.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jxlint::checks::{self, Context};
use jxlint::diagnostic::Lang;
use jxlint::profile::Profile;
use jxlint::read::{read_bytes, Format};
use jxlint::render::{html, human::HumanRenderer, json};

/// A report in each layout a supervisor receives most: a report in text with tab rows (with a
/// finding, so that rendering has work), forms laid out by spaces (a PDF's text), a form one
/// cell per line (a web page's text), and a Word file.
const SAMPLES: &[&str] = &[
    "faulty/CODE001-duplicate-code.txt",
    "clean/forms-pdftotext-layout.txt",
    "clean/form-cells-per-line.txt",
    "office/SUM004-fund-total.docx",
];

fn stages(c: &mut Criterion) {
    let profile = Profile::load("national-2020").expect("built-in profile");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    for name in SAMPLES {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).expect("sample exists");
        let format = Format::from_path(&path).expect("known format");
        let mut group = c.benchmark_group(format!("stages/{name}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));

        if matches!(format, Format::Text | Format::Markdown) {
            group.bench_function("decode", |b| {
                b.iter(|| jxlint::decode::decode(black_box(&bytes)).expect("decodes"))
            });
        }
        group.bench_function("read", |b| {
            b.iter(|| read_bytes(&path, black_box(&bytes), format).expect("reads"))
        });
        let (source, document) = read_bytes(&path, &bytes, format).expect("reads");
        group.bench_function("recognise", |b| {
            b.iter(|| jxlint::lint::understand(black_box(&source), black_box(&document)))
        });
        let report = jxlint::lint::understand(&source, &document);
        // A context per run: it keeps what the checks share (level sums) once found.
        group.bench_function("check", |b| {
            b.iter(|| checks::run(&Context::new(black_box(&report), &profile)))
        });
        let checked = jxlint::lint::check_document(source.clone(), &document, &profile, &[]);
        let shown = path.to_string_lossy().into_owned();
        group.bench_function("render/json", |b| {
            b.iter(|| json::findings(&shown, &checked.source, &checked.findings, Lang::Zh))
        });
        let human = HumanRenderer::new(false, Lang::Zh, 100);
        group.bench_function("render/human", |b| {
            b.iter(|| human.render(&checked.source, &shown, &checked.findings))
        });
        group.bench_function("render/html", |b| {
            b.iter(|| html::section(&checked.source, &checked.findings, Lang::Zh))
        });
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
