//! The text reader on any text: see `common/spans.rs` for what it must hand on.
#![no_main]

#[path = "common/spans.rs"]
mod spans;

use jxlint::read::{read, Format};
use jxlint::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let source = SourceFile::new("fuzz.txt", text.to_string(), "UTF-8");
    spans::check(text, &read(&source, Format::Text));
});
