//! What every reader must hand on: each block and cell span lies within the text, on
//! character boundaries, a paragraph's text is the text its span covers, and a cell's text
//! maps piece by piece onto the characters under it.

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
                    // A cell's text maps piece by piece onto the characters it names.
                    for (offset, span) in cell.pieces_or_whole() {
                        assert!(ok(span));
                        if !cell.pieces.is_empty() || cell.is_verbatim() {
                            assert_eq!(
                                cell.text.get(offset..offset + span.len()),
                                Some(&text[span.start..span.end])
                            );
                        }
                    }
                }
            }
            Block::Heading(_) => {}
        }
    }
}
