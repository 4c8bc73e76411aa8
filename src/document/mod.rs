//! The format-neutral document: headings, paragraphs and tables whose every piece keeps the
//! span of text it came from.
//!
//! Readers (plain text, Markdown, later DOCX and XLSX) produce this; nothing above it knows
//! about lines, tabs or pipes. Spans are byte ranges into the text held by the
//! [`SourceFile`](crate::source::SourceFile) the reader produced alongside the document.

pub mod fold;
pub mod marker;
mod numbering;
mod place;

pub use numbering::{parse_section_number, NumberStyle, SectionNumber};
pub use place::{Place, Places};

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
    /// What the reader saw but did not read (hidden rows and sheets, images, embedded objects),
    /// each at the place it was found: listed as "cannot check", never judged.
    pub unread: Vec<Unread>,
    /// Tracked changes not yet accepted or rejected, and comments, in a word-processor file.
    pub revisions: Vec<Revision>,
}

impl Document {
    /// The text of every table's cells, row by row: what a reader or the fitter laid out, for
    /// tests and for looking at a layout.
    pub fn table_texts(&self) -> Vec<Vec<Vec<String>>> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(
                    t.rows
                        .iter()
                        .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
                        .collect(),
                ),
                _ => None,
            })
            .collect()
    }
}

/// Something in the file that was not read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub span: Span,
    pub what: UnreadKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnreadKind {
    /// A page of a PDF with no text (a scanned page among text pages).
    PageWithoutText { page: usize },
    /// Hidden rows of a sheet, skipped.
    HiddenRows { sheet: String, rows: Vec<u32> },
    /// A hidden sheet, skipped.
    HiddenSheet { sheet: String },
    /// Pictures, charts or embedded objects: their content is not text.
    Images { count: usize },
    /// Nesting deeper than the reader follows (tables in tables in tables…).
    TooDeep,
    /// A table larger than the reader lays out as a grid (rows × columns).
    TableTooLarge { rows: usize, columns: usize },
    /// A form's table whose header was found in text without rows, but whose cells could be
    /// laid out as the template's rows in more than one way (`ambiguous`) or in none. `fund`:
    /// the table holds the form's amounts (its fund block, with the execution-rate score).
    TableNotFitted {
        table: String,
        ambiguous: bool,
        fund: bool,
    },
}

/// An unaccepted tracked change or a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The paragraph or cell it is in.
    pub span: Span,
    pub kind: RevisionKind,
    /// The text inserted, deleted or commented on (shortened), for the message.
    pub text: String,
    pub author: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevisionKind {
    Insertion,
    Deletion,
    Comment,
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
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub span: Span,
    /// Where the text is not a verbatim copy of the source (pieces joined across lines, `\|`
    /// unescaped): each piece as (offset in `text`, source span), in order. Empty for a
    /// verbatim cell.
    pub pieces: Vec<(usize, Span)>,
    /// The value as the file typed it, where the format has types (a spreadsheet number and
    /// how it is displayed). `text` is always what a person sees.
    pub value: Option<TypedValue>,
}

/// A number as a spreadsheet holds it, with the precision it is displayed at: a cell formatted
/// `0.00%` holding 0.9844 is 98.44 percent shown to 2 decimals. The precision comes from the
/// display format, never from the binary float.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedValue {
    /// The number as displayed (98.44 for a percentage), exact at `decimals`.
    pub number: rust_decimal::Decimal,
    pub decimals: u32,
    pub percent: bool,
    /// The display format code (`0.00%`, `General`).
    pub format: String,
}

impl Cell {
    /// A cell whose text is exactly the source under `span`.
    pub fn verbatim(text: impl Into<String>, span: Span) -> Cell {
        Cell {
            text: text.into(),
            span,
            ..Cell::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The piece map, or the whole cell as one piece.
    pub fn pieces_or_whole(&self) -> impl Iterator<Item = (usize, Span)> + '_ {
        let whole = self.pieces.is_empty().then_some((0, self.span));
        self.pieces.iter().copied().chain(whole)
    }

    /// Whether `text` is exactly the source its span covers, so that an offset into the text
    /// is an offset into the source. A cell joined from pieces on two lines is not.
    pub fn is_verbatim(&self) -> bool {
        self.pieces.is_empty() && self.span.len() == self.text.len()
    }

    /// The source span of bytes `start..end` of the cell's text: exactly the characters named,
    /// through the piece map for a cell joined from pieces; a range across two pieces covers
    /// both (and what lies between them in the source).
    pub fn sub_span(&self, start: usize, end: usize) -> Span {
        if start > end || end > self.text.len() {
            return self.span;
        }
        if self.is_verbatim() {
            return self.span.sub(start, end);
        }
        let locate = |at: usize, is_end: bool| -> Option<usize> {
            let (offset, span) = self.pieces.iter().rev().find(|(o, _)| {
                if is_end {
                    *o < at || at == 0
                } else {
                    *o <= at
                }
            })?;
            let inside = at - offset;
            (inside <= span.len()).then_some(span.start + inside)
        };
        match (locate(start, false), locate(end, true)) {
            (Some(s), Some(e)) if s <= e => Span::new(s, e),
            _ => self.span,
        }
    }
}
