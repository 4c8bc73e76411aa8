//! The text view of a document read from a structured format (Word, a spreadsheet, a web page).
//!
//! Readers of those formats describe what they found — paragraphs, headings, tables as grids of
//! cells — and this builder renders it as text (one line per paragraph, one tab-separated line
//! per table row), builds the [`Document`] with spans into that text, and records the place in
//! the original file of every span. Snippets, lines and columns then refer to the view, and
//! every rule works on every format unchanged.

use std::path::PathBuf;

use crate::document::marker::without_marker;
use crate::document::{
    parse_section_number, Block, Cell, Document, Heading, Place, Places, Revision, Row, Span,
    Table, TypedValue, Unread,
};
use crate::source::SourceFile;

/// One cell of a table grid. A merged cell is given once, at its top-left position, with its
/// spans; the positions it covers hold [`GridCell::covered`] cells.
#[derive(Debug, Clone, Default)]
pub(crate) struct GridCell {
    /// The cell's paragraphs (a cell may hold several, or a line break).
    pub paragraphs: Vec<String>,
    pub row_span: usize,
    pub col_span: usize,
    /// Part of a merged cell whose text is elsewhere.
    pub covered: bool,
    pub value: Option<TypedValue>,
    /// Revisions inside the cell.
    pub revisions: Vec<PendingRevision>,
}

impl GridCell {
    pub fn text(text: impl Into<String>) -> GridCell {
        GridCell {
            paragraphs: vec![text.into()],
            row_span: 1,
            col_span: 1,
            ..GridCell::default()
        }
    }

    pub fn covered() -> GridCell {
        GridCell {
            covered: true,
            row_span: 1,
            col_span: 1,
            ..GridCell::default()
        }
    }

    /// The cell's text on one line.
    fn joined(&self) -> String {
        let parts: Vec<String> = self
            .paragraphs
            .iter()
            .map(|p| one_line(p))
            .filter(|p| !p.is_empty())
            .collect();
        parts.join(" ")
    }

    fn is_blank(&self) -> bool {
        self.paragraphs.iter().all(|p| p.trim().is_empty())
    }
}

/// A revision found by a reader, before it has a span in the view.
#[derive(Debug, Clone)]
pub(crate) struct PendingRevision {
    pub kind: crate::document::RevisionKind,
    pub text: String,
    pub author: Option<String>,
}

/// A table as a rectangular grid of rows.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grid {
    pub rows: Vec<Vec<GridCell>>,
    /// The 0-based row and column numbers in the file of each grid row and column (a
    /// spreadsheet's rows skip hidden ones; a document's are 0, 1, 2…).
    pub row_numbers: Vec<u32>,
    pub col_numbers: Vec<u32>,
}

impl Grid {
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Whether the grid only lays out text: no row holds more than one non-empty cell. Such a
    /// table (a frame around a paragraph, a page layout) is read as its paragraphs.
    pub fn is_layout(&self) -> bool {
        self.rows
            .iter()
            .all(|r| r.iter().filter(|c| !c.covered && !c.is_blank()).count() <= 1)
    }
}

/// How a table's places are written.
pub(crate) enum TablePlaces<'a> {
    /// The n-th table of a document or page.
    Numbered,
    /// Cells of a sheet.
    Sheet(&'a str),
}

/// The builder of a text view and its document.
#[derive(Default)]
pub(crate) struct View {
    text: String,
    blocks: Vec<Block>,
    places: Places,
    paragraphs: usize,
    tables: usize,
    pub unread: Vec<Unread>,
    pub revisions: Vec<Revision>,
    /// Paragraphs laid out with tabs, waiting to become a table: (paragraph number, cells,
    /// revisions).
    tab_rows: Vec<(usize, Vec<String>, Vec<PendingRevision>)>,
    /// Empty paragraphs since the last one with text.
    blanks: usize,
    /// Nothing but empty paragraphs since the last table.
    after_table: bool,
}

/// The most cells a table's grid may have (rows × columns, merged cells counted in every
/// position they cover). A form has a few hundred; past this a table is noted, not read, so
/// that `colspan="256"` on every cell or a cell in a sheet's far corner cannot fill the memory.
pub(crate) const MAX_GRID_CELLS: usize = 4_000_000;

/// How many empty paragraphs may separate the rows of a table laid out with tabs.
const MAX_BLANKS_INSIDE_TABLE: usize = 2;

/// The cells of a paragraph that lays out two or more of them with tabs; `None` for prose
/// (no tab, one filled piece, or a list number followed by a tab: `1.⇥概况`).
fn tab_cells(text: &str) -> Option<Vec<String>> {
    if !text.contains('\t') {
        return None;
    }
    let cells: Vec<String> = text.split('\t').map(one_line).collect();
    let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
    if filled.len() < 2 {
        return None;
    }
    let first = filled[0];
    if parse_section_number(first, 0).is_some_and(|(_, len)| len == first.len()) {
        return None;
    }
    Some(cells)
}

/// A text on one line: line breaks and tabs become spaces, the ends are trimmed.
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' | '\u{b}' | '\u{c}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

impl View {
    pub fn new() -> View {
        View::default()
    }

    /// The span of the last block, if any.
    pub fn last_span(&self) -> Option<Span> {
        self.blocks.last().map(Block::span)
    }

    /// Whether the last block is a heading reading `title` (spaces aside).
    pub fn last_heading_is(&self, title: &str) -> bool {
        matches!(self.blocks.last(), Some(Block::Heading(h)) if crate::text::compact(&h.text) == title)
    }

    fn separate(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// A paragraph, or a heading of outline level `heading` (1 = top), with the revisions
    /// found in it. Its automatic number (`一、`), if any, is part of `text`.
    ///
    /// Consecutive paragraphs that lay cells out with tabs (a report opened from text, or a
    /// PDF converted to Word) are the rows of a table, as tab-separated lines are in text.
    pub fn paragraph(&mut self, text: &str, heading: Option<u8>, revisions: &[PendingRevision]) {
        // Empty paragraphs between rows are page breaks, as blank lines are in text: up to two
        // do not end a table.
        if text.trim().is_empty() {
            self.blanks += 1;
            if self.blanks > MAX_BLANKS_INSIDE_TABLE {
                self.flush_tab_rows();
            }
            return;
        }
        self.blanks = 0;
        if heading.is_none() {
            if let Some(cells) = tab_cells(text) {
                self.paragraphs += 1;
                self.tab_rows
                    .push((self.paragraphs, cells, revisions.to_vec()));
                return;
            }
        }
        self.flush_tab_rows();
        if let Some(span) = self.line(text, heading) {
            self.pending(span, revisions);
        }
    }

    /// The buffered tab-separated paragraphs as a table, each cell placed in its paragraph.
    fn flush_tab_rows(&mut self) {
        if self.tab_rows.is_empty() {
            return;
        }
        let rows = std::mem::take(&mut self.tab_rows);
        self.after_table = false;
        self.separate();
        let mut out = Vec::new();
        for (paragraph, cells, revisions) in rows {
            let line_start = self.text.len();
            let mut row = Vec::new();
            for (i, cell) in cells.into_iter().enumerate() {
                row.push(self.push_cell(i == 0, cell, Place::Paragraph { paragraph }));
            }
            let span = Span::new(line_start, self.text.len());
            self.text.push('\n');
            self.pending(span, &revisions);
            out.push(Row { cells: row, span });
        }
        self.text.push('\n');
        if let (Some(first), Some(last)) = (out.first(), out.last()) {
            let span = first.span.cover(last.span);
            self.blocks.push(Block::Table(Table { rows: out, span }));
        }
    }

    /// One cell of a tab-separated row line: a tab before all but the first, its text, and
    /// its place recorded.
    fn push_cell(&mut self, first: bool, text: String, place: Place) -> Cell {
        if !first {
            self.text.push('\t');
        }
        let start = self.text.len();
        self.text.push_str(&text);
        let span = Span::new(start, self.text.len());
        self.places.push(span, place);
        Cell::verbatim(text, span)
    }

    /// One line of text: a heading or a paragraph. Returns its span, or `None` for an empty
    /// one.
    fn line(&mut self, text: &str, heading: Option<u8>) -> Option<Span> {
        let line = one_line(text);
        if line.is_empty() {
            return None;
        }
        self.after_table = false;
        self.paragraphs += 1;
        let start = self.text.len();
        self.text.push_str(&line);
        let whole = Span::new(start, self.text.len());
        self.text.push('\n');
        self.places.push(
            whole,
            Place::Paragraph {
                paragraph: self.paragraphs,
            },
        );
        let body = without_marker(&line).trim_end();
        if body.is_empty() {
            return None;
        }
        let span = Span::new(start, start + body.len());
        let block = match heading {
            Some(level) => {
                let (number, title) = match parse_section_number(body, start) {
                    Some((number, len)) => (Some(number), &body[len..]),
                    None => (None, body),
                };
                Block::Heading(Heading {
                    markup_level: Some(level.clamp(1, 9)),
                    number,
                    text: title.trim().to_string(),
                    span,
                })
            }
            None => super::lines::text_block(body, span),
        };
        self.blocks.push(block);
        Some(span)
    }

    /// A table. A layout table is read as its paragraphs; rows with nothing in them are left
    /// out of the view (their places keep their numbers).
    pub fn table(&mut self, grid: Grid, places: TablePlaces<'_>) {
        if grid.rows.is_empty() {
            return;
        }
        if grid.is_layout() {
            for row in grid.rows {
                for cell in row {
                    for p in &cell.paragraphs {
                        self.paragraph(p, None, &cell.revisions);
                    }
                }
            }
            return;
        }
        self.flush_tab_rows();
        self.tables += 1;
        let table_number = self.tables;
        self.separate();
        let width = grid.width();
        let mut rows = Vec::new();
        for (r, row) in grid.rows.iter().enumerate() {
            if row.iter().all(|c| c.covered || c.is_blank()) {
                continue;
            }
            let line_start = self.text.len();
            let mut cells = Vec::with_capacity(width);
            for c in 0..width {
                let cell = row.get(c);
                let text = match cell {
                    Some(cell) if !cell.covered => cell.joined(),
                    _ => String::new(),
                };
                let place = match &places {
                    TablePlaces::Numbered => Place::TableCell {
                        table: table_number,
                        row: r + 1,
                        column: Some(c + 1),
                        row_span: cell.map_or(1, |x| x.row_span.max(1)),
                        column_span: cell.map_or(1, |x| x.col_span.max(1)),
                    },
                    TablePlaces::Sheet(sheet) => {
                        let row_no = grid.row_numbers.get(r).copied().unwrap_or(r as u32);
                        let col_no = grid.col_numbers.get(c).copied().unwrap_or(c as u32);
                        Place::SheetCell {
                            sheet: sheet.to_string(),
                            cell: Place::cell_reference(row_no, col_no),
                            row: row_no + 1,
                            column: col_no + 1,
                        }
                    }
                };
                let mut out = self.push_cell(c == 0, text, place);
                if let Some(cell) = cell {
                    self.pending(out.span, &cell.revisions);
                    out.value = cell.value.clone();
                }
                cells.push(out);
            }
            let span = Span::new(line_start, self.text.len());
            self.text.push('\n');
            rows.push(Row { cells, span });
        }
        self.text.push('\n');
        let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
            return;
        };
        let span = first.span.cover(last.span);
        // A table split over two pages (Word writes two tables, a page break between, the
        // header repeated) is one table, as it is in text extracted from the pages.
        let repeats_header = |t: &Table| {
            let texts = |r: &Row| -> Vec<String> {
                r.cells
                    .iter()
                    .map(|c| crate::text::compact(&c.text))
                    .collect()
            };
            let head = texts(first);
            head.iter().filter(|c| !c.is_empty()).count() >= 2
                && t.rows.iter().any(|r| texts(r) == head)
        };
        match self.blocks.last_mut() {
            Some(Block::Table(previous)) if self.after_table && repeats_header(previous) => {
                previous.span = previous.span.cover(span);
                previous.rows.extend(rows);
            }
            _ => self.blocks.push(Block::Table(Table { rows, span })),
        }
        self.after_table = true;
    }

    /// Record revisions found in a paragraph or cell at its span.
    pub fn pending(&mut self, span: Span, found: &[PendingRevision]) {
        self.revisions.extend(found.iter().map(|r| Revision {
            span,
            kind: r.kind,
            text: r.text.clone(),
            author: r.author.clone(),
        }));
    }

    /// A note that something at the current place was not read.
    pub fn unread(&mut self, what: crate::document::UnreadKind) {
        self.flush_tab_rows();
        let at = self.last_span().unwrap_or_default();
        self.unread.push(Unread { span: at, what });
    }

    pub fn finish(
        mut self,
        path: impl Into<PathBuf>,
        encoding: &'static str,
    ) -> (SourceFile, Document) {
        self.flush_tab_rows();
        let source = SourceFile::new(path, self.text, encoding).with_places(self.places);
        let document = Document {
            blocks: self.blocks,
            unread: self.unread,
            revisions: self.revisions,
        };
        (source, document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_rendered_as_tab_rows_with_places() {
        let mut view = View::new();
        view.paragraph("一、项目概况", Some(1), &[]);
        let mut grid = Grid::default();
        grid.rows
            .push(vec![GridCell::text("指标"), GridCell::text("分值")]);
        grid.rows
            .push(vec![GridCell::text("产出"), GridCell::text("50")]);
        grid.rows
            .push(vec![GridCell::covered(), GridCell::text("20")]);
        view.table(grid, TablePlaces::Numbered);
        let (source, doc) = view.finish("t.docx", "DOCX");
        assert_eq!(
            source.text(),
            "一、项目概况\n\n指标\t分值\n产出\t50\n\t20\n\n"
        );
        let Block::Table(t) = &doc.blocks[1] else {
            panic!("a table")
        };
        let fifty = &t.rows[1].cells[1];
        assert_eq!(source.slice(fifty.span), "50");
        assert_eq!(
            source.places().locate(fifty.span),
            Some(Place::TableCell {
                table: 1,
                row: 2,
                column: Some(2),
                row_span: 1,
                column_span: 1
            })
        );
        assert!(matches!(doc.blocks[0], Block::Heading(_)));
    }

    #[test]
    fn a_layout_table_is_read_as_paragraphs() {
        let mut view = View::new();
        let mut grid = Grid::default();
        grid.rows
            .push(vec![GridCell::text("正文第一段。"), GridCell::covered()]);
        grid.rows
            .push(vec![GridCell::text(""), GridCell::text("正文第二段。")]);
        view.table(grid, TablePlaces::Numbered);
        let (source, doc) = view.finish("t.html", "UTF-8");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(source.text(), "正文第一段。\n正文第二段。\n");
    }
}
