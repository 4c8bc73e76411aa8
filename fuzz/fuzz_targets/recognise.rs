//! Recognition on any text read as text or Markdown: no panic, and every place recognised lies
//! on the text.
#![no_main]

use jxlint::read::{read, Format};
use jxlint::report::recognise;
use jxlint::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (bool, &str)| {
    let (markdown, text) = input;
    let format = if markdown {
        Format::Markdown
    } else {
        Format::Text
    };
    let source = SourceFile::new("fuzz.txt", text.to_string(), "UTF-8");
    let report = recognise(&read(&source, format));
    for claim in &report.claims {
        assert!(claim.quantity.span.end <= text.len());
    }
    for skipped in &report.skipped {
        assert!(skipped.span.start <= skipped.span.end);
    }
});
