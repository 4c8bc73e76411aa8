//! What every reader must hand on: each block and cell span lies within the text, on
//! character boundaries, and a paragraph's text is the text its span covers.

use jxlint::document::{Block, Document, Span};

pub fn check(text: &str, doc: &Document) {
    let ok = |s: Span| {
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
