//! The template fitter on any text read as text: the fitted document keeps every span on the
//! text (see `common/spans.rs`), and fitting never panics.
#![no_main]

#[path = "common/spans.rs"]
mod spans;

use jxlint::read::{read, Format};
use jxlint::report::fit::fit;
use jxlint::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let source = SourceFile::new("fuzz.txt", text.to_string(), "UTF-8");
    let document = read(&source, Format::Text);
    if let Some(fitted) = fit(&document, text) {
        spans::check(text, &fitted);
    }
});
