//! The spreadsheet reader on any worksheet XML (and shared strings after a NUL) in a minimal
//! workbook, or any zip or compound file: an error or a document, never a panic that
//! escapes the reader.
#![no_main]

#[path = "common/office.rs"]
mod office;
#[path = "common/spans.rs"]
mod spans;

use jxlint::read::{read_bytes, Format};
use libfuzzer_sys::fuzz_target;

const WORKBOOK: &[u8] = b"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
const RELS: &[u8] = b"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
const ROOT: &[u8] = b"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

fuzz_target!(|data: &[u8]| {
    // The spreadsheet library panics on some damaged files, and the reader contains those
    // panics (a damaged file is an error, not a crash). libFuzzer's hook would abort on them
    // before the reader could; a panic that escapes the reader still fails the run.
    let _ = std::panic::take_hook();
    let bytes = if data.starts_with(b"PK") || data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        data.to_vec()
    } else {
        let (sheet, strings) = office::two_parts(data);
        office::zip_of(&[
            ("_rels/.rels", ROOT),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", RELS),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/sharedStrings.xml", strings),
        ])
    };
    if let Ok((source, doc)) =
        read_bytes(std::path::Path::new("fuzz.xlsx"), &bytes, Format::Spreadsheet)
    {
        spans::check(source.text(), &doc);
    }
});
