//! The Markdown reader on any text: every block and cell span lies within the text, on character
//! boundaries, and a paragraph's text is the text its span covers.
#![no_main]

use jxlint::document::Block;
use jxlint::read::{read, Format};
use jxlint::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let source = SourceFile::new("fuzz.md", text.to_string(), "UTF-8");
    let doc = read(&source, Format::Markdown);
    check_spans(text, &doc);
});

fn check_spans(text: &str, doc: &jxlint::document::Document) {
    let ok = |s: jxlint::document::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for block in &doc.blocks {
        assert!(ok(block.span()));
        match block {
            Block::Paragraph(p) => assert_eq!(&text[p.span.start..p.span.end], p.text),
            Block::Table(t) => {
                for cell in t.rows.iter().flat_map(|r| r.cells.iter()) {
                    assert!(ok(cell.span));
                }
            }
            Block::Heading(_) => {}
        }
    }
}
