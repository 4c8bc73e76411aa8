//! The PDF layout on any `pdftotext -tsv` output (poppler itself is not run): see
//! `common/spans.rs` for what it must hand on.
#![no_main]

#[path = "common/spans.rs"]
mod spans;

use std::path::Path;

use jxlint::read::read_pdf_tsv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|tsv: &str| {
    if let Ok((source, document)) = read_pdf_tsv(Path::new("fuzz.pdf"), tsv) {
        spans::check(source.text(), &document);
        // Every block has a place on a page.
        for block in &document.blocks {
            let _ = source.locate(block.span());
        }
    }
});
