//! Places a person finds in the original file: a table cell in Word or on a web page, a cell
//! of a spreadsheet, a paragraph. Readers of formats with such places record, for every span of
//! the text view they render, the place it came from; renderers name the place of a label.

use serde::Serialize;

use super::Span;

/// Where a piece of the text view came from. Numbers are 1-based, as a person counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// A cell of a table of a document or a web page: the n-th table, its row and column in the
    /// table's grid (merged cells resolved), and how many rows and columns a merged cell spans.
    TableCell {
        table: usize,
        row: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        column: Option<usize>,
        #[serde(skip_serializing_if = "is_one")]
        row_span: usize,
        #[serde(skip_serializing_if = "is_one")]
        column_span: usize,
    },
    /// A cell of a spreadsheet: the sheet's name and the cell's reference (`F12`). A row of
    /// cells is named by its first cell.
    SheetCell {
        sheet: String,
        cell: String,
        row: u32,
        column: u32,
    },
    /// The n-th paragraph (headings count) of a document or a web page.
    Paragraph { paragraph: usize },
    /// A line of a page of a PDF, counted from the top of the page.
    PageLine { page: usize, line: usize },
    /// A line of a text file whose layout was rebuilt (text laid out by spaces).
    Line { line: usize },
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

impl Place {
    /// The spreadsheet reference of a 0-based row and column: (0, 5) is `F1`.
    pub fn cell_reference(row: u32, column: u32) -> String {
        let mut letters = Vec::new();
        let mut n = column + 1;
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(b'A' + rem as u8);
            n = (n - 1) / 26;
        }
        letters.reverse();
        format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
    }
}

/// The map from spans of a text view back to places, in the order of the text.
#[derive(Debug, Clone, Default)]
pub struct Places {
    entries: Vec<(Span, Place)>,
}

impl Places {
    /// Record a place; spans come in the order of the text and do not overlap.
    pub fn push(&mut self, span: Span, place: Place) {
        debug_assert!(self.entries.last().is_none_or(|(s, _)| s.end <= span.start));
        self.entries.push((span, place));
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &(Span, Place)> {
        self.entries.iter()
    }

    /// The place of a span: the cell or paragraph it lies in; a span over several cells of one
    /// table row is that row; a span over several rows or paragraphs is where it starts.
    pub fn locate(&self, span: Span) -> Option<Place> {
        let first = self.entries.partition_point(|(s, _)| s.end < span.start);
        let mut hits = self.entries[first..]
            .iter()
            .take_while(|(s, _)| s.start <= span.end.max(span.start))
            .filter(|(s, _)| s.start <= span.end && span.start <= s.end)
            .map(|(_, p)| p);
        let start = hits.next()?;
        let Some(last) = hits.last() else {
            return Some(start.clone());
        };
        match (start, last) {
            (
                Place::TableCell {
                    table: t1, row: r1, ..
                },
                Place::TableCell {
                    table: t2, row: r2, ..
                },
            ) if t1 == t2 && r1 == r2 => Some(Place::TableCell {
                table: *t1,
                row: *r1,
                column: None,
                row_span: 1,
                column_span: 1,
            }),
            // A row of a sheet is named by its first cell.
            _ => Some(start.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_count_in_letters() {
        assert_eq!(Place::cell_reference(0, 0), "A1");
        assert_eq!(Place::cell_reference(11, 5), "F12");
        assert_eq!(Place::cell_reference(0, 25), "Z1");
        assert_eq!(Place::cell_reference(0, 26), "AA1");
        assert_eq!(Place::cell_reference(9, 701), "ZZ10");
    }

    fn cell(table: usize, row: usize, column: usize) -> Place {
        Place::TableCell {
            table,
            row,
            column: Some(column),
            row_span: 1,
            column_span: 1,
        }
    }

    #[test]
    fn a_span_is_placed_in_its_cell_or_row() {
        let mut places = Places::default();
        places.push(Span::new(0, 4), cell(1, 1, 1));
        places.push(Span::new(5, 9), cell(1, 1, 2));
        places.push(Span::new(10, 14), cell(1, 2, 1));
        assert_eq!(places.locate(Span::new(6, 8)), Some(cell(1, 1, 2)));
        let row = places.locate(Span::new(0, 9)).unwrap();
        assert!(matches!(
            row,
            Place::TableCell {
                row: 1,
                column: None,
                ..
            }
        ));
        assert_eq!(places.locate(Span::new(2, 12)), Some(cell(1, 1, 1)));
        assert_eq!(places.locate(Span::new(20, 22)), None);
    }
}
