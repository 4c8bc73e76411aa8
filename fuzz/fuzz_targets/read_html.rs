//! The web-page reader on any bytes: an error or a document whose spans lie on its text view,
//! never a panic.
#![no_main]

#[path = "common/spans.rs"]
mod spans;

use jxlint::read::{read_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((source, doc)) = read_bytes(std::path::Path::new("fuzz.html"), data, Format::Html) {
        spans::check(source.text(), &doc);
    }
});
