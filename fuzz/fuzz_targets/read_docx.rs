//! The Word reader on any document.xml (and numbering.xml after a NUL), or any zip: an error
//! or a document whose spans lie on its text view, never a panic.
#![no_main]

#[path = "common/office.rs"]
mod office;
#[path = "common/spans.rs"]
mod spans;

use jxlint::read::{read_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        let (document, numbering) = office::two_parts(data);
        office::zip_of(&[
            ("word/document.xml", document),
            ("word/numbering.xml", numbering),
        ])
    };
    if let Ok((source, doc)) = read_bytes(std::path::Path::new("fuzz.docx"), &bytes, Format::Docx) {
        spans::check(source.text(), &doc);
    }
});
