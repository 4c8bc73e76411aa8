//! The format-neutral document: headings, paragraphs and tables whose every piece keeps the
//! span of text it came from.
//!
//! Readers (plain text, Markdown, later DOCX and XLSX) produce this; nothing above it knows
//! about lines, tabs or pipes. Spans are byte ranges into the text held by the
//! [`SourceFile`](crate::source::SourceFile) the reader produced alongside the document.

mod numbering;

pub use numbering::{parse_section_number, NumberStyle, SectionNumber};

/// A byte range in the decoded source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// A sub-span given by byte offsets relative to the start of this span.
    pub fn sub(self, start: usize, end: usize) -> Span {
        Span::new(self.start + start, self.start + end)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone)]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
    Table(Table),
}

impl Block {
    pub fn span(&self) -> Span {
        match self {
            Block::Heading(h) => h.span,
            Block::Paragraph(p) => p.span,
            Block::Table(t) => t.span,
        }
    }
}

/// A heading. `text` is the title without its section number.
#[derive(Debug, Clone)]
pub struct Heading {
    /// Markdown heading level (`#` count) when the source marked it so.
    pub markup_level: Option<u8>,
    pub number: Option<SectionNumber>,
    pub text: String,
    pub span: Span,
}

/// A paragraph of prose. `text` is exactly the source text covered by `span`, so an offset in
/// `text` is an offset from `span.start`.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// A list or section number leading the paragraph (`1、不断优化…`).
    pub number: Option<SectionNumber>,
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub rows: Vec<Row>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub span: Span,
}

impl Row {
    /// The cell at `index`, if the row has that many cells.
    pub fn cell(&self, index: usize) -> Option<&Cell> {
        self.cells.get(index)
    }

    /// Cells that hold any text.
    pub fn filled(&self) -> impl Iterator<Item = (usize, &Cell)> {
        self.cells.iter().enumerate().filter(|(_, c)| !c.is_empty())
    }
}

/// One table cell. `text` is trimmed; for a cell whose content was split over two source lines
/// it is the joined text and `span` covers both pieces.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub span: Span,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether `text` is exactly the source its span covers, so that an offset into the text
    /// is an offset into the source. A cell joined from pieces on two lines is not.
    pub fn is_verbatim(&self) -> bool {
        self.span.len() == self.text.len()
    }

    /// The source span of bytes `start..end` of the cell's text: exact for a verbatim cell,
    /// else the whole cell.
    pub fn sub_span(&self, start: usize, end: usize) -> Span {
        if self.is_verbatim() && start <= end && end <= self.text.len() {
            self.span.sub(start, end)
        } else {
            self.span
        }
    }
}
