//! Text laid out by spaces (`pdftotext -layout` output), laid out again through the PDF layout
//! (`read::pdf::aligned`): any text, through the text file path that detects such layout. See
//! `common/spans.rs` for what it must hand on.
#![no_main]

#[path = "common/spans.rs"]
mod spans;

use std::path::Path;

use jxlint::read::{read_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok((source, document)) = read_bytes(Path::new("fuzz.txt"), text.as_bytes(), Format::Text) {
        spans::check(source.text(), &document);
        for block in &document.blocks {
            let _ = source.locate(block.span());
        }
    }
});
